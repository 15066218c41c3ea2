import type { Actor } from '../../platform/actor.ts';
import type { Role } from '../../platform/config/schema.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { CaseRole } from '../cases/index.ts';
import type { Side } from './model.ts';

/**
 * Who may do what with a cooperation request (DESIGN §7: access = role ∧ State/node ∧ case membership). Pure, so
 * the whole matrix is tested in `policy.test.ts`. Default deny.
 *
 * Requesting side: a request belongs to a case; the case's lead and members draft and follow it. The node's
 * central authority sees every outgoing request once submitted (it reviews and transmits them); an authorizer
 * (judge or independent authority) sees the intrusive ones once submitted, to approve them. Requested side:
 * incoming requests belong to the central authority's desk; a 24/7-routed request also to the duty officers.
 * Oversight sees metadata of everything and changes nothing. Four eyes: the drafter (or submitter) of a request
 * never authorizes it.
 */

export const REQUEST_ACTIONS = [
  'request.create',
  /** Read everything: content, history, results. */
  'request.read',
  /** Read the metadata: type, states, references, States, dates, clocks. */
  'request.read_metadata',
  // requesting side
  'request.edit',
  'request.submit',
  'request.return',
  'request.authorize',
  'request.transmit',
  'request.follow_up',
  // requested side
  'request.handle',
  'request.decide',
  // both
  'request.read_access_log',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** What the policy needs to know about one request, relative to the actor. */
export interface RequestResource {
  readonly side: Side;
  /** Requesting side: the actor's role in the request's case, null when not a member. */
  readonly caseRole: CaseRole | null;
  readonly routing: 'central_authority' | 'contact_point_24_7';
  /** Its approval is an authorizer's citing a decision: intrusive measures or judicial authorization (`access.needsAuthorizer`). */
  readonly intrusive: boolean;
  /** The request left the draft state (someone submitted it). */
  readonly submitted: boolean;
  /** The actor drafted or submitted this request. */
  readonly isDrafter: boolean;
}

/** Roles that draft requests (as case lead or member). */
const DRAFTERS: readonly Role[] = ['central_authority', 'investigator', 'prosecutor', 'duty_officer'];
/** Roles that transmit an authorized request and follow it up with the requested State. */
const SENDERS: readonly Role[] = ['central_authority', 'prosecutor', 'duty_officer'];
/** Roles that approve a request whose measures are not intrusive. */
const REVIEWERS: readonly Role[] = ['central_authority', 'prosecutor'];

const holds = (actor: Pick<Actor, 'roles'>, roles: readonly Role[]): boolean => actor.roles.some((r) => roles.includes(r));

function contributor(actor: Pick<Actor, 'roles'>, r: RequestResource): boolean {
  return (r.caseRole === 'lead' || r.caseRole === 'member') && holds(actor, DRAFTERS);
}

/** The desk of an incoming request: the central authority, and the duty officers for 24/7-routed requests. */
function desk(actor: Pick<Actor, 'roles'>, r: RequestResource): boolean {
  if (holds(actor, ['central_authority'])) return true;
  return r.routing === 'contact_point_24_7' && holds(actor, ['duty_officer']);
}

function canRead(actor: Pick<Actor, 'roles'>, r: RequestResource): boolean {
  if (actor.roles.length === 0) return false;
  if (r.side === 'requested') return desk(actor, r);
  if (r.caseRole !== null) return true;
  if (!r.submitted) return false;
  if (holds(actor, ['central_authority'])) return true;
  return r.intrusive && holds(actor, ['authorizer']);
}

/** Whether `actor` may perform `action` on the request described by `resource` (omitted only for `request.create`). */
export function can(actor: Pick<Actor, 'roles'>, action: RequestAction, r?: RequestResource): boolean {
  if (action === 'request.create') return holds(actor, DRAFTERS);
  if (!r) return false;
  switch (action) {
    case 'request.read':
      return canRead(actor, r);
    case 'request.read_metadata':
      return canRead(actor, r) || holds(actor, ['oversight']);
    case 'request.read_access_log':
      return holds(actor, ['oversight']) || (canRead(actor, r) && holds(actor, ['central_authority']));
    case 'request.edit':
    case 'request.submit':
      return r.side === 'requesting' && contributor(actor, r);
    case 'request.return':
      return r.side === 'requesting' && (contributor(actor, r) || (canRead(actor, r) && holds(actor, r.intrusive ? ['authorizer', ...REVIEWERS] : REVIEWERS)));
    case 'request.authorize':
      if (r.side !== 'requesting' || r.isDrafter || !canRead(actor, r)) return false;
      return r.intrusive ? holds(actor, ['authorizer']) : holds(actor, REVIEWERS);
    case 'request.transmit':
    case 'request.follow_up':
      if (r.side !== 'requesting' || !canRead(actor, r)) return false;
      if (r.routing === 'contact_point_24_7') return holds(actor, SENDERS) && (r.caseRole === 'lead' || r.caseRole === 'member' || holds(actor, ['central_authority']));
      return holds(actor, ['central_authority', 'prosecutor']) && (r.caseRole === 'lead' || r.caseRole === 'member' || holds(actor, ['central_authority']));
    case 'request.handle':
      return r.side === 'requested' && desk(actor, r);
    case 'request.decide':
      // Decisions on incoming requests are the central authority's; the duty officer decides 24/7 requests.
      return r.side === 'requested' && desk(actor, r);
  }
}

export type Decision = 'allow' | 'not_found' | 'forbidden';

export function decide(actor: Pick<Actor, 'roles'>, action: RequestAction, r?: RequestResource): Decision {
  if (can(actor, action, r)) return 'allow';
  if (!r) return 'forbidden';
  if (!can(actor, 'request.read_metadata', r)) return 'not_found';
  return 'forbidden';
}

/** Throws the matching AppError (404 for what the actor may not know exists, 403 otherwise). */
export function authorize(actor: Pick<Actor, 'roles'>, action: RequestAction, r?: RequestResource): void {
  const d = decide(actor, action, r);
  if (d === 'allow') return;
  throw refusal(d, action, r);
}

function refusal(d: Exclude<Decision, 'allow'>, action: RequestAction, r?: RequestResource): AppError {
  if (d === 'not_found') return notFound('request');
  if (action === 'request.authorize' && r?.isDrafter) return forbidden('four eyes: whoever drafted or submitted a request cannot authorize it');
  if (action === 'request.authorize' && r?.intrusive) return forbidden('this request asks for intrusive measures: only an authorizer (judge or independent authority) may authorize it');
  return forbidden(`your roles do not allow ${action} on this request`);
}

/** The request actions the actor may perform, for the UI to hide what the server would refuse. */
export function abilities(actor: Pick<Actor, 'roles'>, r: RequestResource): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => a !== 'request.create' && can(actor, a, r));
}

/**
 * Which requests a list query may return, as SQL conditions: the cases the actor belongs to, every submitted
 * outgoing request (central authority), submitted intrusive ones (authorizer), the incoming desk (central
 * authority: all; duty officer: 24/7-routed), or the metadata of everything (oversight).
 */
export interface ListScope {
  readonly everything: boolean;
  readonly memberCases: boolean;
  readonly outgoingSubmitted: boolean;
  readonly outgoingIntrusiveSubmitted: boolean;
  readonly incoming: 'all' | 'contact_point_24_7' | 'none';
}

export function listScope(actor: Pick<Actor, 'roles'>): ListScope {
  const any = actor.roles.length > 0;
  return {
    everything: holds(actor, ['oversight']),
    memberCases: any,
    outgoingSubmitted: holds(actor, ['central_authority']),
    outgoingIntrusiveSubmitted: holds(actor, ['authorizer']),
    incoming: holds(actor, ['central_authority']) ? 'all' : holds(actor, ['duty_officer']) ? 'contact_point_24_7' : 'none',
  };
}

/**
 * Node-wide request abilities, for the UI's menus (the server still checks each request): drafting, the
 * authorization queue (roles that may authorize some request), the incoming desk, and following outgoing requests.
 */
export const REQUEST_NODE_ABILITIES = ['request.create', 'request.review', 'request.incoming', 'request.outgoing'] as const;
export type RequestNodeAbility = (typeof REQUEST_NODE_ABILITIES)[number];

export function requestNodeAbilities(actor: Pick<Actor, 'roles'>): RequestNodeAbility[] {
  const out: RequestNodeAbility[] = [];
  if (can(actor, 'request.create')) out.push('request.create');
  if (holds(actor, ['authorizer', ...REVIEWERS])) out.push('request.review');
  if (listScope(actor).incoming !== 'none') out.push('request.incoming');
  if (holds(actor, [...DRAFTERS, 'authorizer', 'oversight'])) out.push('request.outgoing');
  return out;
}
