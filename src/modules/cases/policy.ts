import type { Actor } from '../../platform/actor.ts';
import { ROLES, type Role } from '../../platform/config/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.ts';

/**
 * Who may do what to a case (DESIGN §7: access = role ∧ case membership). Pure: no I/O, so the whole matrix is
 * tested in `policy.test.ts`. Default deny: an action not granted below is refused.
 */

/** A member's role within one case. The creator of a case becomes its `lead`. */
export const CASE_ROLES = ['lead', 'member', 'observer'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  /** Open a new case (no resource yet). */
  'case.create',
  /** Read the whole case: title, summary, subjects, members. */
  'case.read',
  /** Read the metadata only: id, reference, status, offences, dates, member count. */
  'case.read_metadata',
  /** Change title, summary, offences. */
  'case.update',
  'case.close',
  'case.members.read',
  'case.members.manage',
  /** Add, change and remove subjects. */
  'case.subjects.manage',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What the policy needs to know about one case, relative to the actor. */
export interface CaseResource {
  /** The actor's role in this case, or null when the actor is not a member. */
  readonly caseRole: CaseRole | null;
  readonly status: CaseStatus;
}

/** Roles that may open cases. */
const CREATORS: readonly Role[] = ['central_authority', 'investigator', 'prosecutor', 'duty_officer'];
/** Roles that see the metadata of every case (never its content unless they are members). */
const METADATA_READERS: readonly Role[] = ['oversight'];
/** Roles whose holders may change a case their case role lets them change. Oversight changes nothing (DESIGN §7). */
const CHANGERS: readonly Role[] = ROLES.filter((r) => r !== 'oversight');

/** Actions that change the case; refused on a closed case. */
const WRITES: ReadonlySet<CaseAction> = new Set(['case.update', 'case.close', 'case.members.manage', 'case.subjects.manage']);

const holds = (actor: Pick<Actor, 'roles'>, roles: readonly Role[]): boolean => actor.roles.some((r) => roles.includes(r));

function grantedOnOpenCase(actor: Pick<Actor, 'roles'>, action: CaseAction, r: CaseResource): boolean {
  // Membership grants nothing to an actor without any role (e.g. a token whose roles were all withdrawn).
  const member = r.caseRole !== null && actor.roles.length > 0;
  const contributor = (r.caseRole === 'lead' || r.caseRole === 'member') && holds(actor, CHANGERS);
  const lead = r.caseRole === 'lead' && holds(actor, CHANGERS);
  switch (action) {
    case 'case.create':
      return holds(actor, CREATORS);
    case 'case.read':
    case 'case.members.read':
      return member;
    case 'case.read_metadata':
      return member || holds(actor, METADATA_READERS);
    case 'case.update':
    case 'case.subjects.manage':
      return contributor;
    case 'case.close':
    case 'case.members.manage':
      return lead;
  }
}

/**
 * Whether `actor` may perform `action` on the case described by `resource` (omitted only for `case.create`).
 * A closed case is read-only for everyone.
 */
export function can(actor: Pick<Actor, 'roles'>, action: CaseAction, resource?: CaseResource): boolean {
  if (action === 'case.create') return holds(actor, CREATORS);
  if (!resource) return false;
  if (resource.status === 'closed' && WRITES.has(action)) return false;
  return grantedOnOpenCase(actor, action, resource);
}

/**
 * Why an action is refused, which decides the answer: `not_found` when the actor may not even know the case
 * exists (404, never 403), `closed` when the actor could do it were the case open (409), `forbidden` when the
 * actor sees the case but may not do this (403).
 */
export type Decision = 'allow' | 'not_found' | 'forbidden' | 'closed';

export function decide(actor: Pick<Actor, 'roles'>, action: CaseAction, resource?: CaseResource): Decision {
  if (can(actor, action, resource)) return 'allow';
  if (!resource) return 'forbidden';
  if (!can(actor, 'case.read_metadata', resource)) return 'not_found';
  if (resource.status === 'closed' && WRITES.has(action) && can(actor, action, { ...resource, status: 'open' })) return 'closed';
  return 'forbidden';
}

/** Throws the AppError that matches the decision; returns when the action is allowed. */
export function authorize(actor: Pick<Actor, 'roles'>, action: CaseAction, resource?: CaseResource): void {
  const d = decide(actor, action, resource);
  if (d === 'allow') return;
  throw refusal(d, action);
}

function refusal(d: Exclude<Decision, 'allow'>, action: CaseAction): AppError {
  switch (d) {
    case 'not_found':
      return notFound('case');
    case 'closed':
      return conflict('the case is closed and can no longer be changed');
    case 'forbidden':
      return forbidden(`your roles and case role do not allow ${action}`);
  }
}

/** The case actions the actor may perform on this case, for the UI to hide what the server would refuse. */
export function abilities(actor: Pick<Actor, 'roles'>, resource: CaseResource): CaseAction[] {
  return CASE_ACTIONS.filter((a) => a !== 'case.create' && can(actor, a, resource));
}

/**
 * Which cases a list query may return, applied in SQL: every case (metadata readers: the presenter then shows
 * content only where the actor is a member), only the actor's cases, or none.
 */
export type ListScope = 'all' | 'member' | 'none';

export function listScope(actor: Pick<Actor, 'roles'>): ListScope {
  if (can(actor, 'case.read_metadata', { caseRole: null, status: 'open' })) return 'all';
  if (can(actor, 'case.read_metadata', { caseRole: 'observer', status: 'open' })) return 'member';
  return 'none';
}

/** Case roles a user holding `roles` may be given: none without a role, observer only when oversight is all they hold. */
export function assignableCaseRoles(roles: readonly Role[]): CaseRole[] {
  if (roles.length === 0) return [];
  return holds({ roles }, CHANGERS) ? [...CASE_ROLES] : ['observer'];
}
