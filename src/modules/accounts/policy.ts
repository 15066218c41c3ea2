import type { Actor } from '../../platform/actor.ts';
import type { Role } from '../../platform/config/schema.ts';

/** What one may do to accounts and tokens of others. Acting on one's own session, password, TOTP and tokens is
 * always allowed to the authenticated user and is not a policy question. */
export const ACCOUNT_ACTIONS = [
  'users.list',
  'users.read',
  'users.create',
  'users.update',
  'users.roles',
  'users.disable',
  'users.reset_password',
  'users.reset_totp',
  'tokens.create_for_other',
  'tokens.list_all',
  'tokens.revoke_any',
] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

const READ_ONLY: ReadonlySet<AccountAction> = new Set(['users.list', 'users.read', 'tokens.list_all']);

const GRANTS: Partial<Record<Role, (a: AccountAction) => boolean>> = {
  // The node administrator manages accounts and tokens.
  admin: () => true,
  // Oversight audits who has which access, and changes nothing.
  oversight: (a) => READ_ONLY.has(a),
};

/** Default deny: allowed only when one of the actor's roles grants the action. */
export function can(actor: Pick<Actor, 'roles'>, action: AccountAction): boolean {
  return actor.roles.some((r) => GRANTS[r]?.(action) ?? false);
}
