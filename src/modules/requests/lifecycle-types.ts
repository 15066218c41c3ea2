/**
 * The words of the request lifecycle's API (`lifecycle.ts`): what a caller hands in, what it gets back, and the
 * closed set of reasons an event is refused. Types and constants only.
 */
import type { DecisionOutcome, LifecycleEvent, LifecycleFacts, RequestMessageType, RequestState, Side } from './model.ts';

/**
 * What accompanies an event. Only the fields the event reads are looked at; the others are ignored, so a caller
 * may pass a whole form or message body.
 */
export interface LifecycleInput {
  readonly event: LifecycleEvent;
  /** `decide` (requested side) and `decision` (requesting side, from the message). */
  readonly outcome?: DecisionOutcome;
  /** `decide` with `refused` or `postponed`: the grounds, each one of `REFUSAL_GROUNDS`. */
  readonly grounds?: readonly string[];
  /** `decide` with `refused` or `postponed`: required and non-blank (DOMAIN §4, reasons for every refusal). */
  readonly reasons?: string;
  /** `decide` with `accepted_with_conditions`: required, every item non-blank. */
  readonly conditions?: readonly string[];
  /** `results` / `send_results`: whether these are the final results. Absent means partial results. */
  readonly final?: boolean;
  /** `answer_confidentiality` / `confidentiality_answered`: whether the request can be kept confidential. */
  readonly kept?: boolean;
  /** `record_no_consultation` (required); free text for `return_to_draft`, `withdraw`, `no_longer_required`. */
  readonly reason?: string;
}

/**
 * Why an event was refused. Stable codes: the HTTP layer, the CLI and the UI map them, so a code is never
 * renamed, only added.
 */
export const LIFECYCLE_ERROR_CODES = [
  /** The event is not allowed in this state on this side (the message names the events that are). */
  'illegal_transition',
  /** The event belongs to the other side of the request (e.g. `decide` on the requesting node). */
  'wrong_side',
  /** Refusal or postponement without a prior consultation or a recorded reason why none was possible. */
  'consultation_required',
  /** Refusal or postponement without any ground. */
  'grounds_required',
  /** An unknown ground, or one that is not a ground for refusal (fiscal nature, bank secrecy). */
  'invalid_ground',
  /** Refusal or postponement without reasons. */
  'reasons_required',
  /** Acceptance with conditions that names no condition, or a blank one. */
  'conditions_required',
  /** Execution before the requesting State accepted the conditions. */
  'conditions_not_accepted',
  /** A decision while the requesting State's confidentiality request is unanswered, or an answer without `kept`. */
  'confidentiality_unanswered',
  /** `record_no_consultation` without a reason. */
  'reason_required',
  /** A decision without an outcome, or with an unknown one. */
  'outcome_required',
] as const;
export type LifecycleErrorCode = (typeof LIFECYCLE_ERROR_CODES)[number];

/** A refused event: the code to branch on, a sentence for a professional, and the input field at fault. */
export interface LifecycleFailure {
  readonly ok: false;
  readonly code: LifecycleErrorCode;
  readonly message: string;
  readonly field?: string;
}

/** An applied event: the new state and facts to persist, and the federation message to send (if any). */
export interface LifecycleSuccess {
  readonly ok: true;
  readonly state: RequestState;
  readonly facts: LifecycleFacts;
  readonly message: RequestMessageType | null;
}

export type LifecycleResult = LifecycleSuccess | LifecycleFailure;

/**
 * Where a transition leads: a fixed state, the state it came from (`same`), the state named by the decision's
 * outcome (`by_outcome`), or the partial/final results state (`by_final`).
 */
export type TransitionTarget = RequestState | 'same' | 'by_outcome' | 'by_final';

/** One row of the transition table. `from: null` is the creation of the request on that side. */
export interface Transition {
  readonly side: Side;
  readonly from: RequestState | null;
  readonly event: LifecycleEvent;
  readonly to: TransitionTarget;
  /** The federation message the service sends when this transition is applied. */
  readonly message: RequestMessageType | null;
}
