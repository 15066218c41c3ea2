import type { Actor } from '../actor.ts';

export const FEDERATION_ACTIONS = [
  'directory.read',
  'federation.status',
  'federation.ping',
  'federation.retry',
  'federation.refresh',
  'federation.witness',
] as const;
export type FederationAction = (typeof FEDERATION_ACTIONS)[number];

/**
 * Who may do what with the federation from the node's API. The directory is the public list of members and
 * contact points: every signed-in user with a role reads it. Queue status and alerts (metadata about traffic with
 * other States) are for the administrator and oversight. A connectivity check is for the administrator and the
 * officers who depend on the link (central authority, 24/7 duty officer). Changing the queues or forcing a
 * refresh or a witnessing round is the administrator's. Default deny.
 */
export function canFederation(actor: Pick<Actor, 'roles'>, action: FederationAction): boolean {
  const has = (...roles: string[]): boolean => actor.roles.some((r) => roles.includes(r));
  switch (action) {
    case 'directory.read':
      return actor.roles.length > 0;
    case 'federation.status':
      return has('admin', 'oversight');
    case 'federation.ping':
      return has('admin', 'central_authority', 'duty_officer');
    case 'federation.retry':
    case 'federation.refresh':
    case 'federation.witness':
      return has('admin');
  }
}
