import type { AppendInput } from '../../platform/ledger/ledger.ts';

/**
 * The ledger entries of the accounts module (DESIGN §4): one per state change, appended inside the change's own
 * transaction. Details say what an auditor needs — changed fields with old and new values, reasons, addresses —
 * and never a secret: no password, hash, TOTP secret or code, session or API token, or token hash.
 *
 * | action | object | details |
 * |---|---|---|
 * | `user.create` | user | username, displayName, email, roles |
 * | `user.update` | user | `changes: {field: {from, to}}` (displayName, email) |
 * | `user.roles` | user | from, to, sessionsEnded |
 * | `user.disable` / `user.enable` | user | sessionsEnded (disable) |
 * | `user.password_reset` | user | sessionsEnded, wasLocked (by an administrator) |
 * | `user.password_change` | user | sessionsEnded (by the user) |
 * | `user.totp_enrolled` | user | sessionId |
 * | `user.totp_reset` | user | sessionsEnded, wasEnrolled |
 * | `token.create` | token | userId, username, name, roles, scopes, expiresAt |
 * | `token.revoke` | token | userId, username, name |
 * | `auth.login` | user | sessionId, ip, userAgent, stage |
 * | `auth.login_failed` | user, or `username` when no such user | reason, ip, failures |
 * | `auth.account_locked` | user (actor `system`) | until, failures, ip |
 * | `auth.logout` | user | sessionId, or everywhere + sessionsEnded |
 */
export const ACCOUNT_LEDGER_ACTIONS = [
  'user.create',
  'user.update',
  'user.roles',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'user.password_change',
  'user.totp_enrolled',
  'user.totp_reset',
  'token.create',
  'token.revoke',
  'auth.login',
  'auth.login_failed',
  'auth.account_locked',
  'auth.logout',
] as const;
export type AccountLedgerAction = (typeof ACCOUNT_LEDGER_ACTIONS)[number];

/** Why a login failed, as recorded (never the attempted password or code). */
export type LoginFailure = 'unknown_username' | 'wrong_password' | 'wrong_totp' | 'account_locked' | 'account_disabled';

export interface AccountEntry extends AppendInput {
  action: AccountLedgerAction;
}

/** Who acts in a failed login: nobody has proven who they are. */
export const ANONYMOUS = 'anonymous';
/** The node itself (e.g. locking an account after too many failures). */
export const SYSTEM = 'system';

export const userObject = (id: string): AppendInput['object'] => ({ type: 'user', id });
export const tokenObject = (id: string): AppendInput['object'] => ({ type: 'token', id });

/**
 * The object id recorded for a failed login under a name that cannot be a username (spaces, symbols, too long):
 * entries are permanent, and such a string is too often a password typed in the wrong field.
 */
export const NOT_A_USERNAME = '(not a username)';
