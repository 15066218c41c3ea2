/**
 * The transition table of a request's two-sided lifecycle (DOMAIN §4): the single source of truth that `apply`,
 * `allowedEvents`, `isTerminal`, the Mermaid diagram and the docs are derived from. Each rule lists the states it
 * leaves from, the event, where it leads, the federation message it sends, the guards it checks (in order) and
 * what it records in the facts. Pure data and small pure functions.
 */
import {
  REQUESTED_STATES,
  REQUESTING_STATES,
  type DecisionOutcome,
  type LifecycleEvent,
  type LifecycleFacts,
  type RequestedState,
  type RequestingState,
  type RequestMessageType,
  type RequestState,
  type Side,
} from './model.ts';
import {
  conditionsAccepted,
  conditionsPending,
  conditionsRequired,
  confidentialityAnswered,
  confidentialityAsked,
  consultationBeforeRefusal,
  groundsValid,
  keptRequired,
  outcomeIs,
  outcomeRequired,
  reasonRequired,
  reasonsRequired,
  type Guard,
} from './lifecycle-guards.ts';
import type { LifecycleInput, Transition, TransitionTarget } from './lifecycle-types.ts';

/** What a transition records besides the state change. */
export type Effect = (facts: LifecycleFacts, input: LifecycleInput, from: RequestState | null) => LifecycleFacts;

/** One rule of the table; `TRANSITIONS` is its flat, public view (one row per state it leaves from). */
export interface Rule {
  readonly side: Side;
  readonly from: readonly (RequestState | null)[];
  readonly event: LifecycleEvent;
  readonly to: TransitionTarget;
  readonly message: RequestMessageType | null;
  readonly guards: readonly Guard[];
  readonly effect: Effect | null;
}

interface RuleOptions {
  readonly guards?: readonly Guard[];
  readonly effect?: Effect;
}
type Special = 'same' | 'by_outcome' | 'by_final';

const requesting = (
  from: readonly RequestingState[],
  event: LifecycleEvent,
  to: RequestingState | Special,
  message: RequestMessageType | null = null,
  opts: RuleOptions = {},
): Rule => ({ side: 'requesting', from, event, to, message, guards: opts.guards ?? [], effect: opts.effect ?? null });

const requested = (
  from: readonly (RequestedState | null)[],
  event: LifecycleEvent,
  to: RequestedState | Special,
  message: RequestMessageType | null = null,
  opts: RuleOptions = {},
): Rule => ({ side: 'requested', from, event, to, message, guards: opts.guards ?? [], effect: opts.effect ?? null });

/** States where nothing changes any more; only record-only events (same state) still apply. */
const TERMINAL_STATES: Readonly<Record<Side, readonly RequestState[]>> = {
  requesting: ['closed', 'withdrawn', 'no_longer_required'],
  requested: ['closed'],
};

/** Whether `state` ends the request on `side`. */
export const terminal = (side: Side, state: RequestState): boolean => TERMINAL_STATES[side].includes(state);

/** The states of each side, as declared in model.ts. */
export const STATES: Readonly<Record<Side, readonly RequestState[]>> = { requesting: REQUESTING_STATES, requested: REQUESTED_STATES };

// ── requesting side: state groups ─────────────────────────────────────────────────────────────────────────

const BEFORE_TRANSMISSION: readonly RequestingState[] = ['draft', 'in_review', 'authorized'];
/** Transmitted and still running: the request can be withdrawn or declared no longer required. */
const RUNNING: readonly RequestingState[] = [
  'transmitted',
  'delivered',
  'acknowledged',
  'info_requested',
  'info_provided',
  'accepted',
  'accepted_with_conditions',
  'postponed',
  'executing',
  'partially_executed',
];
/** Transmitted and not terminal: a status enquiry makes sense. */
const OPEN_AFTER_TRANSMISSION: readonly RequestingState[] = [...RUNNING, 'refused', 'executed'];
/** Every state from transmission on, terminal ones included (answers may cross a withdrawal in flight). */
const AFTER_TRANSMISSION: readonly RequestingState[] = [...OPEN_AFTER_TRANSMISSION, 'closed', 'withdrawn', 'no_longer_required'];
/** The requested State can be asked to let results go to a third State once some have arrived (DOMAIN §5). */
const WITH_RESULTS: readonly RequestingState[] = ['partially_executed', 'executed', 'closed'];
/** Where the requesting State waits for, or reacts to, a decision. */
const AWAITING_DECISION: readonly RequestingState[] = ['acknowledged', 'info_provided', 'postponed'];

// ── requested side: state groups ──────────────────────────────────────────────────────────────────────────

const NOT_CLOSED: readonly RequestedState[] = REQUESTED_STATES.filter((s) => s !== 'closed');
const BEFORE_EXECUTION: readonly RequestedState[] = ['received', 'registered', 'assessing', 'consultation', 'decision'];

// ── effects ───────────────────────────────────────────────────────────────────────────────────────────────

const recordOutcome: Effect = (facts, input) => ({
  ...facts,
  outcome: input.outcome ?? facts.outcome,
  conditions: input.outcome === 'accepted_with_conditions' ? 'proposed' : 'none',
});
const acceptConditions: Effect = (facts) => ({ ...facts, conditions: 'accepted' });
const countResults: Effect = (facts) => ({ ...facts, resultsCount: facts.resultsCount + 1 });
const recordConfidentiality: Effect = (facts, input) => ({ ...facts, confidentiality: input.kept === true ? 'kept' : 'cannot_be_kept' });
const recordConsultation: Effect = (facts) => ({ ...facts, consultationHeld: true });
const recordNoConsultation: Effect = (facts, input) => ({ ...facts, noConsultationReason: (input.reason ?? '').trim() });
const closeAs =
  (closure: NonNullable<LifecycleFacts['closure']>): Effect =>
  (facts) => ({ ...facts, closure });

/** The whole lifecycle, requesting side first, in the order a request normally moves. */
export const RULES: readonly Rule[] = [
  // requesting side
  requesting(['draft'], 'submit', 'in_review'),
  requesting(['in_review'], 'return_to_draft', 'draft'),
  requesting(['in_review'], 'authorize', 'authorized'),
  requesting(['authorized'], 'transmit', 'transmitted', 'request.transmit'),
  requesting(['transmitted'], 'delivered', 'delivered'),
  requesting(['transmitted', 'delivered'], 'acknowledged', 'acknowledged'),
  requesting(AWAITING_DECISION, 'info_requested', 'info_requested'),
  requesting(['info_requested'], 'provide_info', 'info_provided', 'request.info_provided'),
  requesting(AWAITING_DECISION, 'decision', 'by_outcome', null, { guards: [outcomeRequired], effect: recordOutcome }),
  requesting(['accepted_with_conditions'], 'accept_conditions', 'same', 'request.conditions_accepted', {
    guards: [conditionsPending],
    effect: acceptConditions,
  }),
  requesting(['accepted', 'accepted_with_conditions'], 'execution_started', 'executing', null, { guards: [conditionsAccepted] }),
  requesting(['executing', 'partially_executed'], 'results', 'by_final', null, { effect: countResults }),
  requesting(['executed', 'partially_executed', 'refused'], 'close', 'closed'),
  requesting(BEFORE_TRANSMISSION, 'withdraw', 'withdrawn'),
  requesting(RUNNING, 'withdraw', 'withdrawn', 'request.withdrawn'),
  requesting(RUNNING, 'no_longer_required', 'no_longer_required', 'request.no_longer_required'),
  requesting(AFTER_TRANSMISSION, 'confidentiality_answered', 'same', null, { guards: [keptRequired], effect: recordConfidentiality }),
  requesting(OPEN_AFTER_TRANSMISSION, 'status_enquiry', 'same', 'request.status_enquiry'),
  requesting(AFTER_TRANSMISSION, 'status_reply', 'same'),
  requesting(WITH_RESULTS, 'onward_transfer_request', 'same', 'request.onward_transfer_request'),
  requesting(WITH_RESULTS, 'onward_transfer_decision', 'same'),
  requesting(WITH_RESULTS, 'record_onward_transfer', 'same'),

  // requested side
  requested([null], 'receive', 'received'),
  requested(['received'], 'register', 'registered', 'request.acknowledged'),
  requested(['registered'], 'start_assessment', 'assessing'),
  requested(['assessing'], 'request_info', 'consultation', 'request.info_requested'),
  requested(['consultation'], 'info_received', 'assessing', null, { effect: recordConsultation }),
  requested(['assessing', 'consultation'], 'record_no_consultation', 'assessing', null, { guards: [reasonRequired], effect: recordNoConsultation }),
  requested(BEFORE_EXECUTION, 'answer_confidentiality', 'same', 'request.confidentiality_answer', {
    guards: [confidentialityAsked, keptRequired],
    effect: recordConfidentiality,
  }),
  requested(['assessing'], 'decide', 'decision', 'request.decision', {
    guards: [outcomeRequired, confidentialityAnswered, consultationBeforeRefusal, groundsValid, reasonsRequired, conditionsRequired],
    effect: recordOutcome,
  }),
  requested(['decision'], 'conditions_accepted', 'same', null, { guards: [conditionsPending], effect: acceptConditions }),
  requested(['decision'], 'resume', 'assessing', null, { guards: [outcomeIs('postponed')] }),
  requested(['decision'], 'start_execution', 'executing', 'request.execution_started', {
    guards: [outcomeIs('accepted', 'accepted_with_conditions'), conditionsAccepted],
  }),
  requested(['executing'], 'send_results', 'by_final', 'request.results', { effect: countResults }),
  requested(['results_sent'], 'close', 'closed', null, { effect: closeAs('completed') }),
  requested(['decision'], 'close', 'closed', null, { guards: [outcomeIs('refused')], effect: closeAs('refused') }),
  requested(NOT_CLOSED, 'withdrawn', 'closed', null, { effect: closeAs('withdrawn') }),
  requested(NOT_CLOSED, 'no_longer_required', 'closed', null, { effect: closeAs('no_longer_required') }),
  requested(REQUESTED_STATES, 'status_enquiry', 'same'),
  requested(REQUESTED_STATES, 'onward_transfer_request', 'same'),
  requested(REQUESTED_STATES, 'onward_transfer_decision', 'same', 'request.onward_transfer_decision'),
];

const key = (side: Side, from: RequestState | null, event: LifecycleEvent): string => `${side}|${from ?? ''}|${event}`;

/** (side, state, event) → rule. Built once; a duplicate is a bug in the table and fails at load time. */
const INDEX: ReadonlyMap<string, Rule> = (() => {
  const index = new Map<string, Rule>();
  for (const rule of RULES) {
    for (const from of rule.from) {
      const k = key(rule.side, from, rule.event);
      if (index.has(k)) throw new Error(`lifecycle table: duplicate transition ${k}`);
      index.set(k, rule);
    }
  }
  return index;
})();

/** The rule that applies `event` to a request in `from` on `side`, if any. */
export const ruleFor = (side: Side, from: RequestState | null, event: LifecycleEvent): Rule | undefined => INDEX.get(key(side, from, event));

/** The events each side handles at all; any other event is the other side's. */
export const SIDE_EVENTS: Readonly<Record<Side, ReadonlySet<LifecycleEvent>>> = {
  requesting: new Set(RULES.filter((r) => r.side === 'requesting').map((r) => r.event)),
  requested: new Set(RULES.filter((r) => r.side === 'requested').map((r) => r.event)),
};

/** The transition table, one row per (side, state, event): what the docs, the UI and the tests read. */
export const TRANSITIONS: readonly Transition[] = Object.freeze(
  RULES.flatMap((r) => r.from.map((from) => Object.freeze({ side: r.side, from, event: r.event, to: r.to, message: r.message }))),
);

/** The state a requesting-side decision leads to. */
const OUTCOME_STATES: Readonly<Record<DecisionOutcome, RequestState>> = {
  accepted: 'accepted',
  accepted_with_conditions: 'accepted_with_conditions',
  postponed: 'postponed',
  refused: 'refused',
};
/** Where partial and final results lead on each side. */
const RESULT_STATES: Readonly<Record<Side, { readonly partial: RequestState; readonly final: RequestState }>> = {
  requesting: { partial: 'partially_executed', final: 'executed' },
  requested: { partial: 'executing', final: 'results_sent' },
};

/**
 * The state a transition leads to, given its input. `by_outcome` reads `input.outcome`, which the rule's
 * `outcomeRequired` guard has checked. Throws only on a table defect (a relative target on a creation rule,
 * or `by_outcome` without its guard), which the table tests exclude.
 */
export function resolveTarget(side: Side, from: RequestState | null, to: TransitionTarget, input: LifecycleInput): RequestState {
  if (to !== 'same' && to !== 'by_outcome' && to !== 'by_final') return to;
  if (from === null) throw new Error(`lifecycle table: a creation rule needs a fixed target, not ${to}`);
  switch (to) {
    case 'same':
      return from;
    case 'by_outcome':
      if (input.outcome === undefined) throw new Error('lifecycle table: by_outcome without the outcomeRequired guard');
      return OUTCOME_STATES[input.outcome];
    case 'by_final':
      return input.final === true ? RESULT_STATES[side].final : RESULT_STATES[side].partial;
  }
}

/** Every state a transition may lead to, with the label of the case (for the diagram). */
export function possibleTargets(
  side: Side,
  from: RequestState,
  to: TransitionTarget,
): readonly { readonly state: RequestState; readonly label: string | null }[] {
  switch (to) {
    case 'same':
      return [{ state: from, label: null }];
    case 'by_outcome':
      return Object.entries(OUTCOME_STATES).map(([outcome, state]) => ({ state, label: outcome }));
    case 'by_final':
      return [
        { state: RESULT_STATES[side].partial, label: 'partial' },
        { state: RESULT_STATES[side].final, label: 'final' },
      ];
    default:
      return [{ state: to, label: null }];
  }
}
