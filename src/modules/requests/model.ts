/**
 * The shared vocabulary of the cooperation-requests module (DOMAIN §4, DESIGN §7): sides, states, lifecycle
 * events, request-type definitions, legislation profiles and clocks. Pure types and constants only; every file of
 * the module speaks these words, and the HTTP schemas, the UI and the docs are derived from them.
 */
import type { OffenceId } from '../cases/index.ts';

/** Which end of a request this node holds. */
export const SIDES = ['requesting', 'requested'] as const;
export type Side = (typeof SIDES)[number];

/** The six UN languages the UI speaks (ISO 639-1). */
export const UI_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
/** A text in every UI language. */
export type Localized = Readonly<Record<UiLanguage, string>>;

// ── lifecycle ──────────────────────────────────────────────────────────────────────────────────────────────

/** States of a request at the requesting State's node. */
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
export type RequestingState = (typeof REQUESTING_STATES)[number];

/** States of a request at the requested State's node. */
export const REQUESTED_STATES = ['received', 'registered', 'assessing', 'consultation', 'decision', 'executing', 'results_sent', 'closed'] as const;
export type RequestedState = (typeof REQUESTED_STATES)[number];

export type RequestState = RequestingState | RequestedState;

/** The decision the requested State takes (held with the `decision` state). */
export const DECISION_OUTCOMES = ['accepted', 'accepted_with_conditions', 'postponed', 'refused'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Why a request ended at the requested side (`closed` carries one). */
export const CLOSURE_REASONS = ['completed', 'refused', 'withdrawn', 'no_longer_required'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/**
 * Grounds for refusal or postponement (DOMAIN §4). `fiscal_only` and `bank_secrecy` are listed because they must
 * be *refused as grounds*: the checker rejects a refusal that cites only them.
 */
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
export const NOT_GROUNDS = ['fiscal_only', 'bank_secrecy'] as const;

/**
 * What can happen to a request. Events marked (msg) arrive as a federation message from the other side; the
 * others are commands of a local user or of the node itself (`delivered`, on the signed receipt).
 *
 * Requesting side: submit, return_to_draft, authorize, transmit, delivered, acknowledged (msg), info_requested (msg),
 * provide_info, decision (msg: outcome + grounds/reasons/conditions), accept_conditions, execution_started (msg),
 * results (msg: partial or final), close, withdraw, no_longer_required, confidentiality_answered (msg),
 * status_enquiry, status_reply (msg), onward_transfer_request, onward_transfer_decision (msg), record_onward_transfer.
 *
 * Requested side: receive (msg), register, start_assessment, request_info, info_received (msg),
 * record_no_consultation, answer_confidentiality, decide, conditions_accepted (msg), resume (postponed → assessing),
 * start_execution, send_results (partial | final), close, withdrawn (msg), no_longer_required (msg),
 * status_enquiry (msg; answered automatically), onward_transfer_request (msg), onward_transfer_decision.
 */
export const LIFECYCLE_EVENTS = [
  // requesting side
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
  // requested side
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
  // both sides
  'close',
  'no_longer_required',
  'status_enquiry',
  'onward_transfer_request',
] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

/**
 * Everything the lifecycle rules need to know about one request besides its state: what was asked, what
 * happened so far. Kept on the request row and updated by `lifecycle.apply` only.
 */
export interface LifecycleFacts {
  /** The requesting State asked that the request be kept confidential. */
  readonly confidentialityRequested: boolean;
  /** The requested State's answer, once given. */
  readonly confidentiality: 'kept' | 'cannot_be_kept' | null;
  /** At least one consultation (request_info → info_received) took place. */
  readonly consultationHeld: boolean;
  /** Why no consultation was possible, when recorded instead of one. */
  readonly noConsultationReason: string | null;
  /** The requested State's decision, once taken (the latest one: postponement can be followed by acceptance). */
  readonly outcome: DecisionOutcome | null;
  /** Conditions the requested State set with `accepted_with_conditions`. */
  readonly conditions: 'none' | 'proposed' | 'accepted';
  /** The type's measures are intrusive: an authorizer's approval citing a decision is required. */
  readonly intrusive: boolean;
  /** Results sent or received so far (partial and final). */
  readonly resultsCount: number;
  /** Requested side: why the request was closed. */
  readonly closure: ClosureReason | null;
}

// ── request types ──────────────────────────────────────────────────────────────────────────────────────────

export const REQUEST_TYPE_IDS = [
  'general_mla',
  'preservation',
  'preservation_partial_disclosure',
  'subscriber_information',
  'traffic_data',
  'content_data',
  'search_seizure',
  'realtime_traffic',
  'interception',
  'emergency_disclosure',
  'emergency_mla',
  'extradition',
  'provisional_arrest',
  'proceeds_tracing_freezing',
  'confiscation',
  'spontaneous_information',
  'transfer_of_proceedings',
  'joint_investigation_team',
  'video_hearing',
  'locate_person',
] as const;
export type RequestTypeId = (typeof REQUEST_TYPE_IDS)[number];

/** The kinds of value a request field holds; the completeness checker validates each. */
export const FIELD_KINDS = [
  /** One line, ≤ maxLength (default 500). */
  'text',
  /** Paragraphs, ≤ maxLength (default 20,000). */
  'longtext',
  /** `YYYY-MM-DD`. */
  'date',
  /** RFC 3339 with offset or Z. */
  'datetime',
  /** `{from: date|datetime, to: date|datetime}` with from ≤ to. */
  'period',
  'integer',
  'boolean',
  /** One of `options`. */
  'choice',
  /** A non-empty array of distinct `options`. */
  'choices',
  /** A non-empty array of non-empty strings (identifiers, accounts, IP addresses, URLs …). */
  'list',
  /** IANA time-zone name (Intl). */
  'timezone',
  'email',
  'phone',
  /** Offence catalogue ids (DOMAIN §1), carried over from the case. */
  'offences',
  /** `[{name, role?, nationality?, dateOfBirth?, location?, identifiers?}]`, carried over from the case's subjects. */
  'persons',
  /** `[{type: 'virtual_asset'|'bank_account'|'real_estate'|'vehicle'|'other', description, value?, currency?, location?}]`. */
  'assets',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** When a field that is not always required becomes required: another field's value. */
export type RequiredWhen =
  | { readonly field: string; readonly equals: string | boolean }
  | { readonly field: string; readonly includes: string }
  | { readonly field: string; readonly present: true };

export interface FieldDefinition {
  /** camelCase, unique within the type; the key in the request's `content`. */
  readonly id: string;
  readonly kind: FieldKind;
  readonly label: Localized;
  /** What to write and why it matters (shown beside the field and in the completeness list). */
  readonly guidance: Localized;
  readonly required: boolean;
  /** Required only when this holds (ignored when `required`). */
  readonly requiredWhen?: RequiredWhen;
  readonly options?: readonly string[];
  /** Labels of `options`, same order. */
  readonly optionLabels?: readonly Localized[];
  readonly maxLength?: number;
  /** Where the requirement comes from, e.g. `UNTOC 18(15)(a)`, `BC 29(2)(c)`, `T-CY template`. */
  readonly source?: string;
  /** Filled from the case when a draft is created. */
  readonly fromCase?: 'offences' | 'facts' | 'persons' | 'title';
  /** Groups fields into wizard steps. */
  readonly step: WizardStep;
}

export const WIZARD_STEPS = ['authority', 'facts', 'persons', 'assistance', 'safeguards', 'handling'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** The measures a request asks for (DOMAIN §3); intrusive ones need proportionality and an authorizer. */
export const MEASURES = [
  'preservation',
  'partial_disclosure_traffic',
  'production_subscriber',
  'production_traffic',
  'production_content',
  'search_seizure',
  'realtime_traffic',
  'interception',
  'freezing',
  'confiscation',
  'arrest',
  'surrender',
  'hearing',
  'locating',
  'information',
  'other_assistance',
] as const;
export type Measure = (typeof MEASURES)[number];
export const INTRUSIVE_MEASURES: readonly Measure[] = ['production_content', 'search_seizure', 'realtime_traffic', 'interception', 'arrest', 'surrender'];

/** Safeguards enforced in code (UN 24, BC 15, DOMAIN §5). */
export const SAFEGUARDS = [
  /** A proportionality statement is a required field. */
  'proportionality',
  /** An `authorizer` other than the drafter approves, citing the judicial or independent decision. */
  'judicial_authorization',
  /** The requesting State states the legal basis (offence provisions and penalties). */
  'legal_basis',
  /** Use limited to the stated purpose unless the requested State consents. */
  'use_limitation',
  /** Dual criminality assessed against the requested State's profile. */
  'dual_criminality',
  /** Emergency: imminent risk to life or safety must be shown (UN 2). */
  'emergency_justification',
  /** Double jeopardy and death-penalty assurances (extradition). */
  'extradition_assurances',
] as const;
export type Safeguard = (typeof SAFEGUARDS)[number];

/** Durations are ISO 8601 (`PT1H`, `P10D`). */
export type IsoDuration = string;

export const CLOCK_KINDS = [
  /** Requested side acknowledges (registers) after delivery. */
  'acknowledgment',
  /** Requested side decides after registration. */
  'decision',
  /** Requested side executes (final results) after acceptance. */
  'execution',
  /** Preserved data expires (preservation types), counted from the start of execution. */
  'preservation_expiry',
  /** Requesting side sends the follow-up request (e.g. production after preservation) before the data expires. */
  'follow_up',
  /** A request first made orally (emergency) must be confirmed in writing (transmitted). */
  'written_confirmation',
  /** Requested side answers a confidentiality request. */
  'confidentiality_answer',
  /** Requesting side accepts or declines the conditions. */
  'conditions_answer',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** Default clocks of a type; a State's profile may override any of them. Absent = no such clock. */
export type ClockDefaults = Readonly<Partial<Record<ClockKind, IsoDuration>>>;

export interface RequestTypeDefinition {
  readonly id: RequestTypeId;
  /** Bumped whenever fields or rules change; a request keeps the version it was drafted under. */
  readonly version: number;
  readonly title: Localized;
  readonly summary: Localized;
  /** Treaty articles, e.g. `UN 42`, `BC 29`, `UNTOC 18`. Marked `(?)` where recalled, not read. */
  readonly basis: readonly string[];
  /** Which node of the requested State receives it. */
  readonly routing: 'central_authority' | 'contact_point_24_7';
  readonly measures: readonly Measure[];
  readonly intrusive: boolean;
  readonly emergency: boolean;
  /** Whether dual criminality applies: always, never, or as the requested State declared. */
  readonly dualCriminality: 'required' | 'not_required' | 'per_state';
  /** Penalty threshold in years (both States) when the type has one (extradition ≥ 1; serious crime ≥ 4). */
  readonly penaltyThresholdYears?: number;
  readonly safeguards: readonly Safeguard[];
  readonly fields: readonly FieldDefinition[];
  readonly clocks: ClockDefaults;
  /** Types this one may follow (link to an earlier request), e.g. production after preservation. */
  readonly follows: readonly RequestTypeId[];
}

/** The fields of a request, keyed by field id. */
export type RequestContent = Readonly<Record<string, unknown>>;

/** One line of the completeness report (the list a drafter works through). */
export interface CompletenessItem {
  /** Field id, or a pseudo-field such as `authorization` or `language`. */
  readonly field: string;
  readonly severity: 'missing' | 'invalid' | 'warning';
  /** Short English explanation (the UI shows the localized guidance beside it). */
  readonly message: string;
}
export interface CompletenessReport {
  /** No `missing` or `invalid` item. Warnings do not block. */
  readonly complete: boolean;
  readonly items: readonly CompletenessItem[];
}

// ── legislation profiles ───────────────────────────────────────────────────────────────────────────────────

/** How one State's law covers one catalogue offence. */
export interface DomesticProvision {
  /** e.g. `Criminal Code s. 202a`. */
  readonly citation: string;
  readonly text: string;
  /** Maximum penalty of imprisonment in years; 0 when only a fine. */
  readonly maxPenaltyYears: number;
  /** Options taken where the convention allows them (e.g. `breach_of_security`). */
  readonly options?: readonly string[];
}

export interface LegislationProfile {
  readonly state: string;
  readonly name: string;
  /** ISO 639-1 codes of the languages requests are accepted in. */
  readonly languages: readonly string[];
  /** Catalogue offence → domestic provision; an absent offence is not criminalised. */
  readonly offences: Readonly<Partial<Record<OffenceId, DomesticProvision>>>;
  readonly declarations: readonly { readonly article: string; readonly text: string }[];
  readonly reservations: readonly { readonly article: string; readonly text: string }[];
  /** Named positions, e.g. `preservation_requires_dual_criminality`, `extradites_nationals`. */
  readonly flags: Readonly<Record<string, boolean>>;
  /** Clock overrides by type. */
  readonly clocks?: Readonly<Partial<Record<RequestTypeId, ClockDefaults>>>;
  /** Fields this State additionally requires, by type (e.g. a sworn statement). */
  readonly extraRequired?: Readonly<Partial<Record<RequestTypeId, readonly string[]>>>;
}

/** The dual-criminality assessment of a request's offences against the requested State's profile. */
export interface DualCriminalityResult {
  /** Whether dual criminality applies to this type for this State. */
  readonly applies: boolean;
  /** Why it applies or not (e.g. "XB does not require dual criminality for preservation (BC 29(3))"). */
  readonly basis: string;
  /** satisfied: every offence maps (and meets any threshold); not_satisfied: none does; partial: some do. */
  readonly outcome: 'not_applicable' | 'satisfied' | 'partial' | 'not_satisfied';
  readonly offences: readonly {
    readonly offence: OffenceId;
    readonly requested: DomesticProvision | null;
    readonly requesting: DomesticProvision | null;
    readonly meetsThreshold: boolean | null;
    readonly note: string;
  }[];
  readonly thresholdYears: number | null;
}

// ── clocks ─────────────────────────────────────────────────────────────────────────────────────────────────

/** One entry of a request's history as the clocks see it. */
export interface HistoryEntry {
  readonly at: Date;
  readonly event: LifecycleEvent;
  readonly from: RequestState | null;
  readonly to: RequestState;
  /** Event details that matter to clocks: `final` (results), `outcome` (decision), `preservedUntil`. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export type ClockStatus = 'not_started' | 'running' | 'due_soon' | 'overdue' | 'met' | 'met_late' | 'cancelled';

export interface ClockView {
  readonly kind: ClockKind;
  /** Whose duty the clock measures. */
  readonly owner: Side;
  readonly duration: IsoDuration;
  readonly startedAt: Date | null;
  readonly dueAt: Date | null;
  readonly stoppedAt: Date | null;
  readonly status: ClockStatus;
}

// ── messages between the two nodes ─────────────────────────────────────────────────────────────────────────

/**
 * Federation message types of the module (one conversation per request, ordered). Requesting → requested:
 * transmit, info_provided, conditions_accepted, withdrawn, no_longer_required, status_enquiry,
 * onward_transfer_request. Requested → requesting: acknowledged, info_requested, decision, execution_started,
 * results, confidentiality_answer, status_reply, onward_transfer_decision.
 */
export const REQUEST_MESSAGE_TYPES = [
  'request.transmit',
  'request.info_provided',
  'request.conditions_accepted',
  'request.withdrawn',
  'request.no_longer_required',
  'request.status_enquiry',
  'request.onward_transfer_request',
  'request.acknowledged',
  'request.info_requested',
  'request.decision',
  'request.execution_started',
  'request.results',
  'request.confidentiality_answer',
  'request.status_reply',
  'request.onward_transfer_decision',
] as const;
export type RequestMessageType = (typeof REQUEST_MESSAGE_TYPES)[number];
