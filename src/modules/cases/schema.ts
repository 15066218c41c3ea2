import { Type, type Static, type TSchema } from 'typebox';
import { OFFENCE_IDS, type Offence } from './offences.ts';
import { CASE_ACTIONS, CASE_ROLES, CASE_STATUSES } from './policy.ts';
import type { MemberView } from './members.ts';
import type { CaseListEntry, CaseView } from './service.ts';
import type { SubjectRecord } from './subject-store.ts';
import { IDENTIFIER_TYPES, LIMITS, PARTICIPATIONS, SUBJECT_KINDS, SUBJECT_ROLES } from './validate.ts';

/**
 * The HTTP shapes of the cases module (TypeBox: validation, serialisation allow-list and OpenAPI in one) and the
 * presenters, the only way case data leaves the module. Limits come from `validate.ts`, which the service applies
 * again for callers that do not come through HTTP.
 */

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Country = '^[A-Z]{2}$';

/** `T | null` as one JSON Schema type list, so a bad value gives one error, not one per branch of an anyOf. */
function nullable<T extends string>(schema: Record<string, unknown>, values?: readonly T[]) {
  const base = values ? { ...schema, enum: [...values, null] } : schema;
  return Type.Unsafe<(string extends T ? string : T) | null>({ ...base, type: ['string', 'null'] } as TSchema);
}

export const OffenceIdSchema = Type.Enum(OFFENCE_IDS, { description: 'An id of the offence catalogue (GET /api/v1/offences)' });
export const CaseRoleSchema = Type.Enum(CASE_ROLES, { description: 'lead (manages members, closes), member (edits), observer (reads)' });
export const CaseStatusSchema = Type.Enum(CASE_STATUSES);

export const OffenceSchema = Type.Object(
  {
    id: OffenceIdSchema,
    unArticle: Type.Union([Type.Integer(), Type.Null()], { description: 'Article of the UN Convention against Cybercrime' }),
    bcArticle: Type.Union([Type.Integer(), Type.Null()], { description: 'Article of the Budapest Convention' }),
    title: Type.String(),
    description: Type.String(),
    uncertain: Type.Boolean({ description: 'An article number was recalled, not read, and awaits confirmation' }),
  },
  { $id: 'Offence' },
);

const IdentifierSchema = Type.Object(
  {
    type: Type.Enum(IDENTIFIER_TYPES),
    value: Type.String({ minLength: 1, maxLength: LIMITS.identifierValueMax }),
  },
  { additionalProperties: false },
);

const subjectFields = {
  kind: Type.Enum(SUBJECT_KINDS, { description: 'natural or legal person' }),
  name: Type.String({ minLength: 1, maxLength: LIMITS.nameMax, description: 'Name, or legal name of a legal person' }),
  identifiers: Type.Array(IdentifierSchema, { maxItems: LIMITS.identifiersMax }),
  nationality: nullable({
    pattern: Country,
    description: 'ISO 3166-1 alpha-2: nationality of a natural person, place of incorporation of a legal person',
  }),
  dateOfBirth: nullable({ format: 'date', description: 'YYYY-MM-DD; natural persons only' }),
  role: Type.Enum(SUBJECT_ROLES),
  participation: nullable({ description: 'Required for a suspect, null for every other role' }, PARTICIPATIONS),
  notes: Type.String({ maxLength: LIMITS.notesMax }),
};

export const SubjectSchema = Type.Object(
  { id: Uuid, caseId: Uuid, ...subjectFields, createdAt: DateTime, updatedAt: DateTime },
  { $id: 'CaseSubject' },
);

export const MemberSchema = Type.Object(
  {
    userId: Uuid,
    username: Type.String(),
    displayName: Type.String(),
    disabled: Type.Boolean(),
    caseRole: CaseRoleSchema,
    addedAt: DateTime,
    addedBy: Uuid,
  },
  { $id: 'CaseMember' },
);

const Abilities = Type.Array(Type.Enum(CASE_ACTIONS), { description: 'What the caller may do to this case now' });
const metadata = {
  id: Uuid,
  reference: Type.String(),
  status: CaseStatusSchema,
  offences: Type.Array(OffenceIdSchema),
  memberCount: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  closedAt: Type.Union([DateTime, Type.Null()]),
};

export const CaseSchema = Type.Object(
  {
    view: Type.Literal('full'),
    ...metadata,
    title: Type.String(),
    summary: Type.String(),
    version: Type.Integer({ description: 'Send it back with every change; a stale one gets 409 version_conflict' }),
    createdBy: Uuid,
    closedBy: Type.Union([Uuid, Type.Null()]),
    closureReason: Type.Union([Type.String(), Type.Null()]),
    myRole: Type.Union([CaseRoleSchema, Type.Null()]),
    members: Type.Array(MemberSchema),
    subjects: Type.Array(SubjectSchema),
    abilities: Abilities,
  },
  { $id: 'Case', description: 'A case as its members see it' },
);

export const CaseMetadataSchema = Type.Object(
  { view: Type.Literal('metadata'), ...metadata, abilities: Abilities },
  { $id: 'CaseMetadata', description: 'A case as oversight sees it when not a member: no title, summary, members or subjects' },
);

export const CaseDetailSchema = Type.Union([CaseSchema, CaseMetadataSchema]);

export const CaseListItemSchema = Type.Object(
  {
    view: Type.Union([Type.Literal('full'), Type.Literal('metadata')]),
    ...metadata,
    title: Type.Union([Type.String(), Type.Null()], { description: 'null in the metadata view' }),
    myRole: Type.Union([CaseRoleSchema, Type.Null()]),
  },
  { $id: 'CaseListItem' },
);

export const CaseListSchema = Type.Object({
  items: Type.Array(CaseListItemSchema),
  next: Type.Union([Type.String(), Type.Null()], { description: 'Cursor of the next page, null on the last one' }),
});

export const OffenceListSchema = Type.Object({ items: Type.Array(OffenceSchema) });
export const MemberListSchema = Type.Object({ items: Type.Array(MemberSchema) });

// ── requests ─────────────────────────────────────────────────────────────────────────────────────────────

const Offences = Type.Array(OffenceIdSchema, { minItems: 1, maxItems: OFFENCE_IDS.length, description: 'At least one; no duplicates' });
const Title = Type.String({ minLength: 1, maxLength: LIMITS.titleMax });
const Summary = Type.String({ maxLength: LIMITS.summaryMax });
const Version = Type.Integer({ minimum: 1, description: 'The version of the case the change was made against' });

export const NewCaseBody = Type.Object(
  {
    reference: Type.Optional(
      Type.String({ minLength: 1, maxLength: LIMITS.referenceMax, description: 'Omit to get {STATE}-{YEAR}-{NNNN}; must be unique' }),
    ),
    title: Title,
    summary: Type.Optional(Summary),
    offences: Offences,
  },
  { additionalProperties: false },
);

export const CasePatchBody = Type.Object(
  { version: Version, title: Type.Optional(Title), summary: Type.Optional(Summary), offences: Type.Optional(Offences) },
  { additionalProperties: false },
);

export const CloseCaseBody = Type.Object(
  { version: Version, reason: Type.String({ minLength: 1, maxLength: LIMITS.reasonMax }) },
  { additionalProperties: false },
);

export const NewMemberBody = Type.Object({ userId: Uuid, caseRole: CaseRoleSchema }, { additionalProperties: false });

export const NewSubjectBody = Type.Object(
  {
    kind: subjectFields.kind,
    name: subjectFields.name,
    identifiers: Type.Optional(subjectFields.identifiers),
    nationality: Type.Optional(subjectFields.nationality),
    dateOfBirth: Type.Optional(subjectFields.dateOfBirth),
    role: subjectFields.role,
    participation: Type.Optional(subjectFields.participation),
    notes: Type.Optional(subjectFields.notes),
  },
  { additionalProperties: false },
);

export const SubjectPatchBody = Type.Object(
  {
    kind: Type.Optional(subjectFields.kind),
    name: Type.Optional(subjectFields.name),
    identifiers: Type.Optional(subjectFields.identifiers),
    nationality: Type.Optional(subjectFields.nationality),
    dateOfBirth: Type.Optional(subjectFields.dateOfBirth),
    role: Type.Optional(subjectFields.role),
    participation: Type.Optional(subjectFields.participation),
    notes: Type.Optional(subjectFields.notes),
  },
  { additionalProperties: false, description: 'Absent fields stay as they are; null clears' },
);

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(CaseStatusSchema),
    offence: Type.Optional(OffenceIdSchema),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive part of the reference (or of the title, in your own cases)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The `next` of the previous page' })),
  },
  { additionalProperties: false },
);

export const CaseParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const MemberParams = Type.Object({ id: Uuid, userId: Uuid }, { additionalProperties: false });
export const SubjectParams = Type.Object({ id: Uuid, subjectId: Uuid }, { additionalProperties: false });

// ── presenters ───────────────────────────────────────────────────────────────────────────────────────────

export function presentOffence(o: Offence): Static<typeof OffenceSchema> {
  return { id: o.id, unArticle: o.unArticle, bcArticle: o.bcArticle, title: o.title, description: o.description, uncertain: o.uncertain };
}

export function presentMember(m: MemberView): Static<typeof MemberSchema> {
  return {
    userId: m.userId,
    username: m.username,
    displayName: m.displayName,
    disabled: m.disabled,
    caseRole: m.caseRole,
    addedAt: m.addedAt.toISOString(),
    addedBy: m.addedBy,
  };
}

export function presentSubject(s: SubjectRecord): Static<typeof SubjectSchema> {
  return {
    id: s.id,
    caseId: s.caseId,
    kind: s.kind,
    name: s.name,
    identifiers: s.identifiers.map((i) => ({ type: i.type, value: i.value })),
    nationality: s.nationality,
    dateOfBirth: s.dateOfBirth,
    role: s.role,
    participation: s.participation,
    notes: s.notes,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

function presentMetadata(r: CaseView['record']) {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    offences: [...r.offences],
    memberCount: r.memberCount,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

/** A case in full for a member, its metadata only otherwise: the view decides, never the caller. */
export function presentCase(v: CaseView): Static<typeof CaseDetailSchema> {
  if (v.view === 'metadata') return { view: 'metadata', ...presentMetadata(v.record), abilities: [...v.abilities] };
  const r = v.record;
  return {
    view: 'full',
    ...presentMetadata(r),
    title: r.title,
    summary: r.summary,
    version: r.version,
    createdBy: r.createdBy,
    closedBy: r.closedBy,
    closureReason: r.closureReason,
    myRole: r.viewerRole,
    members: v.members.map(presentMember),
    subjects: v.subjects.map(presentSubject),
    abilities: [...v.abilities],
  };
}

export function presentListItem(e: CaseListEntry): Static<typeof CaseListItemSchema> {
  return {
    view: e.view,
    ...presentMetadata(e.record),
    title: e.view === 'full' ? e.record.title : null,
    myRole: e.record.viewerRole,
  };
}
