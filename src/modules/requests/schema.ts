import { Type, type Static, type TSchema } from 'typebox';
import {
  CLOCK_KINDS,
  DECISION_OUTCOMES,
  FIELD_KINDS,
  LIFECYCLE_EVENTS,
  MEASURES,
  REQUESTED_STATES,
  REQUESTING_STATES,
  REQUEST_TYPE_IDS,
  SAFEGUARDS,
  SIDES,
  UI_LANGUAGES,
  WIZARD_STEPS,
  type Localized,
  type RequestTypeDefinition,
} from './model.ts';
import { REQUEST_ACTIONS } from './policy.ts';
import type { RequestListItem, CheckReport } from './service.ts';
import type { AccessRecord, NotificationRecord } from './store.ts';
import type { RequestView } from './views.ts';

/**
 * The HTTP shapes of the requests module (TypeBox: validation, serialisation allow-list and OpenAPI in one) and
 * the presenters, the only way request data leaves the module.
 */

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Any = Type.Unsafe<unknown>({});

const LocalizedSchema = Type.Object(Object.fromEntries(UI_LANGUAGES.map((l) => [l, Type.String()])) as Record<(typeof UI_LANGUAGES)[number], ReturnType<typeof Type.String>>);
const StateSchema = Type.Union([Type.Enum(REQUESTING_STATES), Type.Enum(REQUESTED_STATES)]);
const Content = Type.Record(Type.String(), Any, { description: 'The request fields, keyed by field id (see the type definition)' });

// ── request types ──────────────────────────────────────────────────────────────────────────────────────────

const RequiredWhenSchema = Type.Object({ field: Type.String(), equals: Type.Optional(Type.Union([Type.String(), Type.Boolean()])), includes: Type.Optional(Type.String()), present: Type.Optional(Type.Boolean()) });

export const FieldDefinitionSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(FIELD_KINDS),
  label: LocalizedSchema,
  guidance: LocalizedSchema,
  required: Type.Boolean(),
  requiredWhen: Type.Optional(RequiredWhenSchema),
  options: Type.Optional(Type.Array(Type.String())),
  optionLabels: Type.Optional(Type.Array(LocalizedSchema)),
  maxLength: Type.Optional(Type.Integer()),
  source: Type.Optional(Type.String()),
  fromCase: Type.Optional(Type.String()),
  step: Type.Enum(WIZARD_STEPS),
});

export const RequestTypeSchema = Type.Object(
  {
    id: Type.Enum(REQUEST_TYPE_IDS),
    version: Type.Integer(),
    title: LocalizedSchema,
    summary: LocalizedSchema,
    basis: Type.Array(Type.String()),
    routing: Type.Union([Type.Literal('central_authority'), Type.Literal('contact_point_24_7')]),
    measures: Type.Array(Type.Enum(MEASURES)),
    intrusive: Type.Boolean(),
    emergency: Type.Boolean(),
    dualCriminality: Type.Union([Type.Literal('required'), Type.Literal('not_required'), Type.Literal('per_state')]),
    penaltyThresholdYears: Type.Optional(Type.Number()),
    safeguards: Type.Array(Type.Enum(SAFEGUARDS)),
    fields: Type.Array(FieldDefinitionSchema),
    clocks: Type.Record(Type.String(), Type.String(), { description: 'Default legal clocks (ISO 8601 durations) by clock kind' }),
    follows: Type.Array(Type.Enum(REQUEST_TYPE_IDS)),
  },
  { $id: 'RequestType' },
);
export const RequestTypeListSchema = Type.Object({ items: Type.Array(RequestTypeSchema) });
export const RequestTypeParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export function presentType(d: RequestTypeDefinition): Static<typeof RequestTypeSchema> {
  return JSON.parse(JSON.stringify(d)) as Static<typeof RequestTypeSchema>;
}

// ── inputs ─────────────────────────────────────────────────────────────────────────────────────────────────

export const NewRequestBody = Type.Object(
  {
    caseId: Uuid,
    typeId: Type.String({ maxLength: 64, description: 'A request type id (GET /api/v1/request-types)' }),
    requestedState: Type.String({ minLength: 2, maxLength: 2, description: 'The requested State (ISO 3166-1 alpha-2 or XA…XZ)' }),
    draftingLanguage: Type.String({ minLength: 2, maxLength: 2, description: 'ISO 639-1 language the request is written in' }),
    linkedRequestId: Type.Optional(nullable(Uuid)),
    confidentialityRequested: Type.Optional(Type.Boolean()),
    content: Type.Optional(Content),
  },
  { additionalProperties: false },
);

export const DraftPatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    draftingLanguage: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
    requestedState: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
    confidentialityRequested: Type.Optional(Type.Boolean()),
    linkedRequestId: Type.Optional(nullable(Uuid)),
    content: Type.Optional(Type.Record(Type.String(), Any, { description: 'Fields to set; null clears a field; absent fields stay' })),
  },
  { additionalProperties: false },
);

const Text = (max: number, description?: string) => Type.String({ maxLength: max, ...(description ? { description } : {}) });

export const EventBody = Type.Object(
  {
    event: Type.Enum(LIFECYCLE_EVENTS, { description: 'The lifecycle event to apply (see docs/requests.md); the request view lists the ones you may apply now in `commands`' }),
    version: Type.Integer({ minimum: 1, description: 'The version of the request you read' }),
    reason: Type.Optional(Text(20_000, 'return_to_draft, withdraw, no_longer_required, record_no_consultation, answer_confidentiality')),
    reasons: Type.Optional(Text(20_000, 'decide (required for refused/postponed), onward_transfer_decision')),
    grounds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20, description: 'decide: grounds for refusal or postponement (DOMAIN §4)' })),
    outcome: Type.Optional(Type.Enum(DECISION_OUTCOMES)),
    conditions: Type.Optional(Type.Array(Text(20_000), { maxItems: 50, description: 'decide with accepted_with_conditions' })),
    kept: Type.Optional(Type.Boolean({ description: 'answer_confidentiality' })),
    questions: Type.Optional(Text(20_000, 'request_info')),
    answer: Type.Optional(Text(20_000, 'provide_info')),
    final: Type.Optional(Type.Boolean({ description: 'send_results: final (true) or partial (false)' })),
    summary: Type.Optional(Text(20_000, 'send_results')),
    items: Type.Optional(
      Type.Array(
        Type.Object({ kind: Text(100), description: Text(20_000), sha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })) }, { additionalProperties: false }),
        { maxItems: 500 },
      ),
    ),
    useLimitation: Type.Optional(Text(20_000, 'send_results: the use-limitation condition attached to the results')),
    confidentiality: Type.Optional(Text(20_000, 'send_results')),
    preservedUntil: Type.Optional(Type.String({ maxLength: 10, description: 'send_results (preservation): YYYY-MM-DD' })),
    decision: Type.Optional(
      Type.Object(
        { reference: Text(500), authority: Text(500), date: Type.String({ maxLength: 10 }) },
        { additionalProperties: false, description: 'authorize (intrusive measures): the judicial or independent decision' },
      ),
    ),
    note: Type.Optional(Text(20_000)),
    thirdState: Type.Optional(Type.String({ maxLength: 2 })),
    recipient: Type.Optional(Text(500)),
    purpose: Type.Optional(Text(20_000)),
    transferId: Type.Optional(Type.String({ maxLength: 64 })),
    authorized: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const RequestParams = Type.Object({ id: Uuid });
export const LiveQuery = Type.Object(
  { keepAlive: Type.Optional(Type.Integer({ minimum: 5, maximum: 300, description: 'Seconds between keep-alive comments (default 25)' })) },
  { additionalProperties: false },
);
export const RequestListQuery = Type.Object(
  {
    side: Type.Optional(Type.Enum(SIDES)),
    state: Type.Optional(Type.String({ maxLength: 40 })),
    typeId: Type.Optional(Type.String({ maxLength: 64 })),
    caseId: Type.Optional(Type.String({ maxLength: 64 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    open: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

// ── outputs ────────────────────────────────────────────────────────────────────────────────────────────────

const CompletenessItemSchema = Type.Object({ field: Type.String(), severity: Type.Union([Type.Literal('missing'), Type.Literal('invalid'), Type.Literal('warning')]), message: Type.String() });
const ProvisionSchema = Type.Object({ citation: Type.String(), text: Type.String(), maxPenaltyYears: Type.Number(), options: Type.Optional(Type.Array(Type.String())) });
const StatementSchema = Type.Object({
  article: nullable(Type.String()),
  text: Type.String(),
  source: Type.Union([Type.Literal('directory'), Type.Literal('profile')]),
  relevance: Type.String({ description: 'type, offence, general, unclear or other: how the statement bears on this request' }),
});
const DualCriminalitySchema = Type.Object({
  applies: Type.Boolean(),
  basis: Type.String(),
  outcome: Type.Union([Type.Literal('not_applicable'), Type.Literal('satisfied'), Type.Literal('partial'), Type.Literal('not_satisfied')]),
  offences: Type.Array(
    Type.Object({ offence: Type.String(), requested: nullable(ProvisionSchema), requesting: nullable(ProvisionSchema), meetsThreshold: nullable(Type.Boolean()), note: Type.String() }),
  ),
  thresholdYears: nullable(Type.Number()),
});
export const CheckReportSchema = Type.Object(
  {
    complete: Type.Boolean(),
    completeness: Type.Object({ complete: Type.Boolean(), items: Type.Array(CompletenessItemSchema) }),
    tailoring: Type.Object({
      state: nullable(Type.String()),
      acceptedLanguages: Type.Array(Type.String()),
      languagesSource: Type.Union([Type.Literal('directory'), Type.Literal('profile'), Type.Literal('none')]),
      draftingLanguage: Type.String(),
      languageAccepted: Type.Boolean(),
      flags: Type.Record(Type.String(), Type.Boolean()),
      declarations: Type.Array(StatementSchema),
      reservations: Type.Array(StatementSchema),
      dualCriminality: DualCriminalitySchema,
      extraRequired: Type.Array(Type.String()),
      clocks: Type.Record(Type.String(), Type.String()),
      items: Type.Array(CompletenessItemSchema),
    }),
  },
  { $id: 'RequestCheck' },
);

const ClockSchema = Type.Object({
  kind: Type.Enum(CLOCK_KINDS),
  owner: Type.Enum(SIDES),
  duration: Type.String(),
  startedAt: nullable(DateTime),
  dueAt: nullable(DateTime),
  stoppedAt: nullable(DateTime),
  status: Type.String(),
});
const EventSchema = Type.Object({
  seq: Type.Integer(),
  at: DateTime,
  event: Type.String(),
  from: nullable(Type.String()),
  to: Type.String(),
  actor: Type.String(),
  origin: Type.Union([Type.Literal('local'), Type.Literal('remote')]),
  details: Type.Record(Type.String(), Any),
  ledgerIndex: nullable(Type.Integer()),
});
const ResultSchema = Type.Object({
  id: Uuid,
  seq: Type.Integer(),
  at: DateTime,
  final: Type.Boolean(),
  summary: Type.String(),
  items: Type.Array(Type.Object({ kind: Type.String(), description: Type.String(), sha256: Type.Optional(Type.String()) })),
  useLimitation: Type.String(),
  confidentiality: Type.String(),
  conditions: Type.Array(Type.String()),
  preservedUntil: nullable(Type.String()),
  sentBy: Type.String(),
});
const TransferSchema = Type.Object({
  id: Uuid,
  thirdState: Type.String(),
  recipient: Type.String(),
  purpose: Type.String(),
  status: Type.String(),
  reasons: nullable(Type.String()),
  requestedAt: DateTime,
  decidedAt: nullable(DateTime),
  transferredAt: nullable(DateTime),
});

const metadata = {
  id: Uuid,
  side: Type.Enum(SIDES),
  reference: Type.String(),
  theirReference: nullable(Type.String()),
  typeId: Type.Enum(REQUEST_TYPE_IDS),
  typeVersion: Type.Integer(),
  state: StateSchema,
  requestingState: Type.String(),
  requestedState: Type.String(),
  counterpartNode: nullable(Type.String()),
  caseId: nullable(Uuid),
  linkedRequestId: nullable(Uuid),
  linkedReference: nullable(Type.String()),
  draftingLanguage: Type.String(),
  outcome: nullable(Type.Enum(DECISION_OUTCOMES)),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  transmittedAt: nullable(DateTime),
  closedAt: nullable(DateTime),
};

export const RequestDetailSchema = Type.Object(
  {
    view: Type.Union([Type.Literal('full'), Type.Literal('metadata')]),
    ...metadata,
    title: nullable(Type.String()),
    content: nullable(Content),
    facts: Type.Object({
      confidentialityRequested: Type.Boolean(),
      confidentiality: nullable(Type.String()),
      consultationHeld: Type.Boolean(),
      noConsultationReason: nullable(Type.String()),
      conditions: Type.String(),
      intrusive: Type.Boolean(),
      resultsCount: Type.Integer(),
      closure: nullable(Type.String()),
    }),
    authorization: nullable(Any),
    decision: nullable(
      Type.Object({ outcome: Type.Enum(DECISION_OUTCOMES), grounds: Type.Array(Type.String()), reasons: Type.String(), conditions: Type.Array(Type.String()), at: DateTime }),
    ),
    abilities: Type.Array(Type.Enum(REQUEST_ACTIONS)),
    commands: Type.Array(Type.Enum(LIFECYCLE_EVENTS)),
    history: Type.Array(EventSchema),
    clocks: Type.Array(ClockSchema),
    results: Type.Array(ResultSchema),
    transfers: Type.Array(TransferSchema),
    check: nullable(CheckReportSchema),
  },
  { $id: 'RequestDetail' },
);

export const RequestListItemSchema = Type.Object({ view: Type.Union([Type.Literal('full'), Type.Literal('metadata')]), ...metadata, title: nullable(Type.String()) });
export const RequestListSchema = Type.Object({ items: Type.Array(RequestListItemSchema), next: nullable(Type.String()) });

export const AccessLogSchema = Type.Object({
  items: Type.Array(Type.Object({ at: DateTime, userId: Uuid, username: Type.String(), action: Type.String(), caseId: nullable(Uuid) })),
});

export const NotificationSchema = Type.Object({
  id: Uuid,
  kind: Type.String(),
  requestId: nullable(Uuid),
  title: Type.String(),
  body: Type.String(),
  dueAt: nullable(DateTime),
  createdAt: DateTime,
  readAt: nullable(DateTime),
});
export const NotificationListSchema = Type.Object({ items: Type.Array(NotificationSchema) });
export const NotificationQuery = Type.Object({ unread: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false });

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function presentMetadata(r: RequestView['record']) {
  return {
    id: r.id,
    side: r.side,
    reference: r.reference,
    theirReference: r.theirReference,
    typeId: r.typeId,
    typeVersion: r.typeVersion,
    state: r.state,
    requestingState: r.requestingState,
    requestedState: r.requestedState,
    counterpartNode: r.counterpartNode,
    caseId: r.caseId,
    linkedRequestId: r.linkedRequestId,
    linkedReference: r.linkedReference,
    draftingLanguage: r.draftingLanguage,
    outcome: r.decision?.outcome ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    transmittedAt: iso(r.transmittedAt),
    closedAt: iso(r.closedAt),
  };
}

export function presentCheck(c: CheckReport): Static<typeof CheckReportSchema> {
  return JSON.parse(JSON.stringify(c)) as Static<typeof CheckReportSchema>;
}

export function presentRequest(v: RequestView): Static<typeof RequestDetailSchema> {
  const r = v.record;
  return {
    view: v.full ? 'full' : 'metadata',
    ...presentMetadata(r),
    title: v.full ? r.title : null,
    content: v.full ? { ...r.content } : null,
    // Metadata only: the facts' free text (why no consultation was possible) is content.
    facts: v.full ? { ...r.facts } : { ...r.facts, noConsultationReason: r.facts.noConsultationReason === null ? null : '' },
    authorization: v.full ? r.authorization : r.authorization ? { role: r.authorization.role, at: r.authorization.at } : null,
    decision: r.decision ? (v.full ? r.decision : { ...r.decision, reasons: '', conditions: [], grounds: r.decision.grounds }) : null,
    abilities: [...v.abilities],
    commands: [...v.commands],
    history: v.history.map((e) => ({ seq: e.seq, at: e.at.toISOString(), event: e.event, from: e.from, to: e.to, actor: e.actor, origin: e.origin, details: e.details, ledgerIndex: e.ledgerIndex })),
    clocks: v.clocks.map((c) => ({ ...c, startedAt: iso(c.startedAt), dueAt: iso(c.dueAt), stoppedAt: iso(c.stoppedAt) })),
    results: v.results.map((x) => ({ ...x, at: x.at.toISOString() })),
    transfers: v.transfers.map((t) => ({
      id: t.id,
      thirdState: t.thirdState,
      recipient: t.recipient,
      purpose: t.purpose,
      status: t.status,
      reasons: t.reasons,
      requestedAt: t.requestedAt.toISOString(),
      decidedAt: iso(t.decidedAt),
      transferredAt: iso(t.transferredAt),
    })),
    check: v.check ? presentCheck(v.check) : null,
  };
}

export function presentListItem(i: RequestListItem): Static<typeof RequestListItemSchema> {
  return { view: i.full ? 'full' : 'metadata', ...presentMetadata(i.record), title: i.full ? i.record.title : null };
}

export function presentAccess(a: AccessRecord) {
  return { at: a.at.toISOString(), userId: a.userId, username: a.username, action: a.action, caseId: a.caseId };
}

export function presentNotification(n: NotificationRecord): Static<typeof NotificationSchema> {
  return { id: n.id, kind: n.kind, requestId: n.requestId, title: n.title, body: n.body, dueAt: iso(n.dueAt), createdAt: n.createdAt.toISOString(), readAt: iso(n.readAt) };
}

export type { Localized };
