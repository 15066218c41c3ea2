/**
 * The two-sided lifecycle of a cooperation request as a pure state machine (DOMAIN §4, DESIGN §2). The service
 * calls `apply` inside its transaction, persists the returned state and facts, and sends the returned federation
 * message; the UI and the CLI offer `allowedEvents`. Every rule lives in one table (`lifecycle-table.ts`): this
 * file only reads it. No I/O, no clock.
 */
import { LIFECYCLE_EVENTS, type LifecycleEvent, type LifecycleFacts, type RequestState, type Side } from './model.ts';
import type { GuardContext } from './lifecycle-guards.ts';
import { SIDE_EVENTS, STATES, resolveTarget, ruleFor, terminal } from './lifecycle-table.ts';
import type { LifecycleErrorCode, LifecycleFailure, LifecycleInput, LifecycleResult } from './lifecycle-types.ts';

export { LIFECYCLE_ERROR_CODES } from './lifecycle-types.ts';
export type {
  LifecycleErrorCode,
  LifecycleFailure,
  LifecycleInput,
  LifecycleResult,
  LifecycleSuccess,
  Transition,
  TransitionTarget,
} from './lifecycle-types.ts';
export { TRANSITIONS } from './lifecycle-table.ts';
export { stateDiagram } from './lifecycle-diagram.ts';

/** The facts of a new request: nothing has happened yet besides what the request asks. */
export function initialFacts(opts: { intrusive: boolean; confidentialityRequested: boolean }): LifecycleFacts {
  return {
    confidentialityRequested: opts.confidentialityRequested,
    confidentiality: null,
    consultationHeld: false,
    noConsultationReason: null,
    outcome: null,
    conditions: 'none',
    intrusive: opts.intrusive,
    resultsCount: 0,
    closure: null,
  };
}

/** Whether `state` ends the request on `side` (only record-only events still apply there). */
export function isTerminal(side: Side, state: RequestState): boolean {
  return terminal(side, state);
}

const isEvent = (e: unknown): e is LifecycleEvent => typeof e === 'string' && (LIFECYCLE_EVENTS as readonly string[]).includes(e);
const belongsTo = (side: Side, state: RequestState | null): boolean => state === null || STATES[side].includes(state);

/**
 * The events a user or an incoming message could apply to the request now, in `LIFECYCLE_EVENTS` order. Guards
 * that need the event's values (an outcome, grounds, reasons, a reason) are not evaluated: such an event is
 * listed, and `apply` succeeds for it with valid values.
 */
export function allowedEvents(side: Side, state: RequestState, facts: LifecycleFacts): LifecycleEvent[] {
  return allowedFrom(side, state, facts);
}

function allowedFrom(side: Side, state: RequestState | null, facts: LifecycleFacts): LifecycleEvent[] {
  if (!belongsTo(side, state)) return [];
  return LIFECYCLE_EVENTS.filter((event) => {
    const rule = ruleFor(side, state, event);
    if (rule === undefined) return false;
    const ctx: GuardContext = { side, from: state, facts, input: { event } };
    return rule.guards.every((g) => g.reads === 'input' || g.check(ctx) === null);
  });
}

const fail = (code: LifecycleErrorCode, message: string, field?: string): LifecycleFailure =>
  field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };

const quoted = (s: string): string => `“${s}”`;

function illegal(side: Side, state: RequestState | null, event: LifecycleEvent, facts: LifecycleFacts, why?: string): LifecycleFailure {
  const where = state === null ? 'before the request exists on this node' : `while the request is in state ${quoted(state)}`;
  const allowed = allowedFrom(side, state, facts);
  const next = allowed.length === 0 ? 'No event is allowed now.' : `Allowed now: ${allowed.join(', ')}.`;
  const because = why === undefined ? '' : `: ${why}`;
  return fail('illegal_transition', `The event ${quoted(event)} is not allowed on the ${side} side ${where}${because}. ${next}`, 'event');
}

/**
 * Applies `input.event` to a request in `state` (null: not yet on this node) on `side`. Returns the new state,
 * the updated facts and the federation message to send, or a typed refusal naming the field at fault. Never
 * throws for a refused event: refusals are answers, not accidents.
 */
export function apply(side: Side, state: RequestState | null, facts: LifecycleFacts, input: LifecycleInput): LifecycleResult {
  const event: unknown = input.event;
  if (!isEvent(event)) return fail('illegal_transition', `${quoted(String(event))} is not a lifecycle event.`, 'event');
  if (!SIDE_EVENTS[side].has(event)) {
    const other: Side = side === 'requesting' ? 'requested' : 'requesting';
    return fail(
      'wrong_side',
      `The event ${quoted(event)} belongs to the ${other} side of a request; this node holds the ${side} side.`,
      'event',
    );
  }
  if (!belongsTo(side, state)) {
    return fail('illegal_transition', `${quoted(String(state))} is not a state of the ${side} side; the request record is inconsistent.`);
  }
  const rule = ruleFor(side, state, event);
  if (rule === undefined) return illegal(side, state, event, facts);

  const ctx: GuardContext = { side, from: state, facts, input };
  for (const guard of rule.guards) {
    const failure = guard.check(ctx);
    if (failure === null) continue;
    if (failure.code === 'illegal_transition') return illegal(side, state, event, facts, failure.message);
    return fail(failure.code, failure.message, failure.field);
  }

  const to = resolveTarget(side, state, rule.to, input);
  const next = rule.effect === null ? facts : rule.effect(facts, input, state);
  return { ok: true, state: to, facts: next, message: rule.message };
}
