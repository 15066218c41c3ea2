import type { Role } from './config/schema.ts';

/**
 * Who is acting: the authenticated user and the roles in force for this request. For an API token the roles are
 * the token's scope (a subset of the user's roles at creation, intersected with the user's current roles).
 * Every policy decision and every audit record takes an Actor.
 */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly via: 'session' | 'token' | 'cli';
  readonly sessionId?: string;
  readonly tokenId?: string;
  /** Extra, narrow permissions of an API token that are not roles (e.g. `ledger:read` for an auditor's script). */
  readonly scopes?: readonly string[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
