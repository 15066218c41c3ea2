import type { Actor } from '../../platform/actor.ts';
import type { Role } from '../../platform/config/schema.ts';

/**
 * API token scopes: narrow permissions that are not roles, for scripts that need one thing only (an auditor's or
 * a witness's script reading the ledger). The one allow-list: a scope not named here is refused everywhere.
 */
export const TOKEN_SCOPES = ['ledger:read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * Who may hold each scope: the user a token is for must hold one of these roles, and so must whoever creates it —
 * when the token is created, and again on every use (a scope lapses once its user no longer holds such a role).
 */
export const SCOPE_HOLDERS: Readonly<Record<TokenScope, readonly Role[]>> = Object.freeze({
  'ledger:read': ['oversight', 'admin'],
});

export function isTokenScope(s: string): s is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(s);
}

/** Whether holding `roles` entitles one to `scope`. */
export function mayHoldScope(roles: readonly Role[], scope: TokenScope): boolean {
  return SCOPE_HOLDERS[scope].some((r) => roles.includes(r));
}
