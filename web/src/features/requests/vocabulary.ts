/**
 * The closed vocabularies of the requests module as the screens need them: ordered lists to build filters and
 * forms, and the keys of their translated labels. They mirror src/modules/requests/model.ts (the browser bundle
 * does not import server code); test/e2e/requests-vocabulary.test.ts fails when the two drift apart, so a new state,
 * event or ground cannot reach the UI without a label in all six languages. Pure: no DOM, no React.
 */

export const SIDES = ['requesting', 'requested'] as const;
export type Side = (typeof SIDES)[number];

export const REQUESTING_STATES = [
  'draft',
  'in_review',
  'authorized',
  'transmitted',
  'delivered',
  'acknowledged',
  'info_requested',
  'info_provided',
  'accepted',
  'accepted_with_conditions',
  'postponed',
  'refused',
  'executing',
  'partially_executed',
  'executed',
  'closed',
  'withdrawn',
  'no_longer_required',
] as const;

export const REQUESTED_STATES = ['received', 'registered', 'assessing', 'consultation', 'decision', 'executing', 'results_sent', 'closed'] as const;

export type RequestingState = (typeof REQUESTING_STATES)[number];
export type RequestedState = (typeof REQUESTED_STATES)[number];
export type RequestState = RequestingState | RequestedState;

/** Every state of either side once (for labels). */
export const ALL_STATES: readonly RequestState[] = [...new Set<RequestState>([...REQUESTING_STATES, ...REQUESTED_STATES])];

/** States where nothing changes any more (lifecycle-table.ts TERMINAL_STATES). */
export const TERMINAL_STATES: Readonly<Record<Side, readonly RequestState[]>> = {
  requesting: ['closed', 'withdrawn', 'no_longer_required'],
  requested: ['closed'],
};

export const isTerminal = (side: Side, state: string): boolean => (TERMINAL_STATES[side] as readonly string[]).includes(state);

export const LIFECYCLE_EVENTS = [
  'submit',
  'return_to_draft',
  'authorize',
  'transmit',
  'delivered',
  'acknowledged',
  'info_requested',
  'provide_info',
  'decision',
  'accept_conditions',
  'execution_started',
  'results',
  'withdraw',
  'confidentiality_answered',
  'status_reply',
  'record_onward_transfer',
  'receive',
  'register',
  'start_assessment',
  'request_info',
  'info_received',
  'record_no_consultation',
  'answer_confidentiality',
  'decide',
  'conditions_accepted',
  'resume',
  'start_execution',
  'send_results',
  'withdrawn',
  'onward_transfer_decision',
  'close',
  'no_longer_required',
  'status_enquiry',
  'onward_transfer_request',
] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

/** History entries that are not lifecycle events (views.ts `historyForClocks` skips them). */
export const RECORD_EVENTS = ['create', 'update', 'check', 'message_refused', 'receipt'] as const;
export type HistoryEventName = LifecycleEvent | (typeof RECORD_EVENTS)[number];

export function isHistoryEvent(v: string): v is HistoryEventName {
  return (LIFECYCLE_EVENTS as readonly string[]).includes(v) || (RECORD_EVENTS as readonly string[]).includes(v);
}

export const DECISION_OUTCOMES = ['accepted', 'accepted_with_conditions', 'postponed', 'refused'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Grounds for refusal or postponement (DOMAIN §4). `fiscal_only` and `bank_secrecy` are never grounds. */
export const REFUSAL_GROUNDS = [
  'non_conformity',
  'sovereignty_security_ordre_public',
  'political_offence',
  'persecution',
  'forbidden_in_similar_domestic_case',
  'dual_criminality_absent',
  'double_jeopardy',
  'death_penalty_no_assurance',
  'prejudice_to_ongoing_investigation',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const CLOSURE_REASONS = ['completed', 'refused', 'withdrawn', 'no_longer_required'] as const;

export const CLOCK_KINDS = [
  'acknowledgment',
  'decision',
  'execution',
  'preservation_expiry',
  'follow_up',
  'written_confirmation',
  'confidentiality_answer',
  'conditions_answer',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_STATUSES = ['not_started', 'running', 'due_soon', 'overdue', 'met', 'met_late', 'cancelled'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

export const WIZARD_STEPS = ['authority', 'facts', 'persons', 'assistance', 'safeguards', 'handling'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Kinds of assets a request may name (FIELD_KINDS `assets`). */
export const ASSET_TYPES = ['virtual_asset', 'bank_account', 'real_estate', 'vehicle', 'other'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/** Kinds of notification the node writes (notify.ts). */
export const NOTIFICATION_KINDS = ['incoming_request', 'status_change', 'authorization_needed', 'clock_due_soon', 'clock_overdue'] as const;

export function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}
