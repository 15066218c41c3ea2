import { useSession } from '../../app/session.ts';

/**
 * Node-wide abilities of the requests module, for menus and buttons only (the server checks every call). The
 * session's `abilities` win when the node sends them; until it does (src/http/abilities.ts lists the cases and
 * ledger abilities today), they are derived from the roles in force with the role lists of
 * src/modules/requests/policy.ts and src/platform/federation/policy.ts.
 */
export type RequestsAbility = 'request.create' | 'request.review' | 'request.incoming' | 'request.outgoing' | 'directory.read';

const BY_ROLE: Record<RequestsAbility, readonly string[]> = {
  /** DRAFTERS */
  'request.create': ['central_authority', 'investigator', 'prosecutor', 'duty_officer'],
  /** authorizer (intrusive measures) and REVIEWERS (others) */
  'request.review': ['authorizer', 'central_authority', 'prosecutor'],
  /** who follows outgoing requests: case members (drafters), reviewers, authorizers, oversight (metadata) */
  'request.outgoing': ['central_authority', 'investigator', 'prosecutor', 'duty_officer', 'authorizer', 'oversight'],
  /** the incoming desk: central authority, duty officers for 24/7-routed requests */
  'request.incoming': ['central_authority', 'duty_officer', 'oversight'],
  /**
   * Every role may read the directory (federation/policy.ts); the navigation offers it to those who work with
   * requests — the administrator manages the federation from the command line.
   */
  'directory.read': ['central_authority', 'duty_officer', 'investigator', 'prosecutor', 'authorizer', 'oversight', 'secretariat'],
};

export function hasRequestsAbility(session: { abilities: readonly string[]; roles: readonly string[] } | null | undefined, a: RequestsAbility): boolean {
  if (!session) return false;
  if (a !== 'directory.read' && session.abilities.includes(a)) return true;
  return session.roles.some((r) => BY_ROLE[a].includes(r));
}

export function useRequestsAbility(a: RequestsAbility): boolean {
  const { data } = useSession();
  return hasRequestsAbility(data, a);
}
