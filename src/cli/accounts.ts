import { ROLES, type Role } from '../platform/config/schema.ts';
import { invalid } from '../platform/errors.ts';
import type { presentToken, UserView } from '../modules/accounts/schema.ts';
import { TOKEN_SCOPES, isTokenScope, type TokenScope } from '../modules/accounts/scopes.ts';

export type { UserView };
export type TokenView = ReturnType<typeof presentToken>;

export interface NewUser {
  username: string;
  displayName?: string;
  email?: string;
  password: string;
  roles: Role[];
}

export interface TokenFilter {
  username?: string;
  /** Everyone's tokens (in `--url` mode the default is the token holder's own). */
  all: boolean;
  includeRevoked: boolean;
}

/**
 * The account operations of the CLI, whichever way they reach the node: directly on the data folder as the
 * local operator, or through a running node's HTTP API with a bearer token. Both return the API's presented
 * shapes (no password hashes, no TOTP secrets), so `--json` output is the same either way.
 */
export interface AccountsGateway {
  readonly mode: 'local' | 'remote';
  addUser(input: NewUser): Promise<UserView>;
  listUsers(filter: { role?: Role }): Promise<UserView[]>;
  getUser(username: string): Promise<UserView>;
  updateUser(username: string, patch: { roles?: Role[]; disabled?: boolean }): Promise<UserView>;
  resetPassword(username: string, password: string): Promise<void>;
  createToken(username: string, input: { name: string; roles: Role[]; scopes: TokenScope[]; expiresInDays: number }): Promise<{ token: string; record: TokenView }>;
  listTokens(filter: TokenFilter): Promise<TokenView[]>;
  revokeToken(id: string): Promise<void>;
}

/**
 * Parses a comma-separated role list. Throws `validation_failed` naming the first unknown role (exit 1), the
 * same message the accounts service gives, so a bad role fails before anything is read or sent.
 */
export function parseRoles(text: string, field = 'roles'): Role[] {
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((r) => !(ROLES as readonly string[]).includes(r));
  if (bad !== undefined) throw invalid(field, `unknown role "${bad}"; roles are ${ROLES.join(', ')}`);
  return [...new Set(list)] as Role[];
}

/** Parses a comma-separated scope list (`ledger:read`); throws `validation_failed` naming the first unknown scope. */
export function parseScopes(text: string, field = 'scopes'): TokenScope[] {
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((s) => !isTokenScope(s));
  if (bad !== undefined) throw invalid(field, `unknown scope "${bad}"; scopes are ${TOKEN_SCOPES.join(', ')}`);
  return [...new Set(list)] as TokenScope[];
}

/** The user's roles after `--set`, or `--add` and `--remove`; in the canonical order of ROLES. */
export function applyRoleChange(current: readonly Role[], change: { set?: Role[]; add?: Role[]; remove?: Role[] }): Role[] {
  const next = new Set<Role>(change.set ?? current);
  for (const r of change.add ?? []) next.add(r);
  for (const r of change.remove ?? []) next.delete(r);
  return ROLES.filter((r) => next.has(r));
}
