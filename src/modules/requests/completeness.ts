/**
 * Content validation and completeness of a request, field by field, as the UNODC MLA Request Writer Tool walks a
 * drafter through a request: what is missing, what is malformed, what a requested State will question. Pure (no
 * I/O, no clock of its own): the service calls `validateContent` on every save of a draft and `checkCompleteness`
 * before review, submission and transmission.
 *
 * The split: saving refuses only what editing could never fix (unknown fields, values of the wrong kind, options
 * outside the allow-list, text over its limit — see `types/values.ts`); everything else — required fields,
 * formats, semantic rules (`types/field-rules.ts`) — is reported by the completeness check, so a half-written
 * draft can always be saved.
 */
import { OFFENCE_IDS } from '../cases/index.ts';
import type { CompletenessItem, CompletenessReport, FieldDefinition, RequestContent, RequestTypeDefinition, RequiredWhen, Safeguard } from './model.ts';
import { FIELD_RULES } from './types/field-rules.ts';
import { instantOf, isCountry, isCurrency, isDate, isDateTime, isEmail, isPhone, isTimeZone } from './types/formats.ts';
import { normaliseValue, VALUE_LIMITS, type AssetValue, type PersonValue, type ValueError } from './types/values.ts';

// ── validation (saving a draft) ────────────────────────────────────────────────────────────────────────────

export interface ValidatedContent {
  /** The known fields in normal form, in the definition's field order; absent fields left out. */
  readonly content: RequestContent;
  /** One entry per problem, naming the field (a top-level field id; the detail says where inside it). */
  readonly errors: ValueError[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks and normalises a draft's content against its type: refuses unknown field ids and values of the wrong
 * kind (each error names the field); missing fields are fine in a draft. Trims strings and drops empty strings,
 * arrays and `null` (absent). A value with an error is left out of `content`; the caller refuses the save.
 */
export function validateContent(def: RequestTypeDefinition, content: unknown): ValidatedContent {
  if (content === null || content === undefined) return { content: {}, errors: [] };
  if (!isRecord(content)) return { content: {}, errors: [{ field: '', detail: 'the content must be an object of field values' }] };
  const out: Record<string, unknown> = {};
  const errors: ValueError[] = [];
  for (const f of def.fields) {
    if (!Object.hasOwn(content, f.id)) continue;
    const n = normaliseValue(f, content[f.id]);
    errors.push(...n.errors);
    if (n.value !== undefined) out[f.id] = n.value;
  }
  const known = new Set(def.fields.map((f) => f.id));
  for (const key of Object.keys(content))
    if (!known.has(key)) errors.push({ field: key, detail: `is not a field of the request type "${def.id}" (version ${def.version})` });
  return { content: out, errors };
}

// ── completeness ───────────────────────────────────────────────────────────────────────────────────────────

export interface CompletenessOptions {
  /** Field ids the requested State additionally requires for this type (its legislation profile). */
  readonly extraRequired?: readonly string[];
  /** The current time, for checks relative to today (a deadline already past, an oral request in the future). */
  readonly now?: Date;
}

/** The field a safeguard needs, whatever a definition says (so a type can never silently drop it). */
const SAFEGUARD_FIELDS: Readonly<Partial<Record<Safeguard, string>>> = {
  proportionality: 'proportionality',
  emergency_justification: 'emergencyFacts',
};

const label = (f: FieldDefinition): string => f.label.en;

function optionLabel(f: FieldDefinition | undefined, value: string): string {
  const i = f?.options?.indexOf(value) ?? -1;
  return (i >= 0 ? f?.optionLabels?.[i]?.en : undefined) ?? value;
}

/** Whether a `requiredWhen` condition holds on the content. */
export function conditionHolds(cond: RequiredWhen, content: RequestContent): boolean {
  const v = content[cond.field];
  if ('equals' in cond) return v === cond.equals;
  if ('includes' in cond) return Array.isArray(v) ? v.includes(cond.includes) : v === cond.includes;
  return v !== undefined;
}

function describeCondition(cond: RequiredWhen, def: RequestTypeDefinition): string {
  const on = def.fields.find((f) => f.id === cond.field);
  const name = `“${on ? label(on) : cond.field}”`;
  if ('equals' in cond) {
    if (cond.equals === true) return `${name} is ticked`;
    if (cond.equals === false) return `${name} is not ticked`;
    return `${name} is “${optionLabel(on, cond.equals)}”`;
  }
  if ('includes' in cond) return `${name} includes “${optionLabel(on, cond.includes)}”`;
  return `${name} is filled in`;
}

/** Why a field is required here, as the end of the "missing" message; `null` when it is not. */
function requirement(def: RequestTypeDefinition, f: FieldDefinition, content: RequestContent, extra: ReadonlySet<string>): string | null {
  if (f.required) return f.source ? ` (${f.source})` : '';
  const safeguard = def.safeguards.find((s) => SAFEGUARD_FIELDS[s] === f.id);
  if (safeguard) return `: the ${safeguard.replace(/_/g, ' ')} safeguard of this request type requires it`;
  if (f.requiredWhen && conditionHolds(f.requiredWhen, content)) return `: it is required when ${describeCondition(f.requiredWhen, def)}`;
  if (extra.has(f.id)) return ': the requested State requires it';
  return null;
}

type Issue = { readonly severity: 'invalid' | 'warning'; readonly detail: string };
const bad = (detail: string): Issue => ({ severity: 'invalid', detail });

function periodIssues(v: { from?: string; to?: string }): Issue[] {
  if (v.from === undefined || v.to === undefined) return [bad('needs both a start and an end')];
  const out: Issue[] = [];
  const from = instantOf(v.from);
  const to = instantOf(v.to, true);
  const form = 'must be a date (YYYY-MM-DD) or a date and time with an offset or Z';
  if (from === null) out.push(bad(`the start ${form}`));
  if (to === null) out.push(bad(`the end ${form}`));
  if (from !== null && to !== null && to < from) out.push(bad(`ends (${v.to}) before it starts (${v.from})`));
  return out;
}

function personIssues(list: readonly PersonValue[]): Issue[] {
  const out: Issue[] = [];
  list.forEach((p, i) => {
    const who = `person ${i + 1}${p.name ? ` (${p.name})` : ''}`;
    if (!p.name) out.push(bad(`${who} has no name`));
    if (p.nationality !== undefined && !isCountry(p.nationality)) out.push(bad(`${who}: the nationality must be an ISO 3166-1 alpha-2 code such as XA`));
    if (p.dateOfBirth !== undefined && !isDate(p.dateOfBirth)) out.push(bad(`${who}: the date of birth must be a date YYYY-MM-DD`));
  });
  return out;
}

function assetIssues(list: readonly AssetValue[]): Issue[] {
  const out: Issue[] = [];
  list.forEach((a, i) => {
    const which = `asset ${i + 1}`;
    if (a.type === undefined) out.push(bad(`${which} has no type`));
    if (a.description === undefined) out.push(bad(`${which} has no description`));
    if (a.currency !== undefined && !isCurrency(a.currency))
      out.push(bad(`${which}: the currency must be an ISO 4217 code (EUR) or a virtual-asset ticker (BTC)`));
  });
  return out;
}

/** Format problems of a present, well-shaped value. */
function formatIssues(f: FieldDefinition, v: unknown): Issue[] {
  const s = typeof v === 'string' ? v : '';
  switch (f.kind) {
    case 'date':
      return isDate(s) ? [] : [bad(`“${s}” is not a date YYYY-MM-DD`)];
    case 'datetime':
      return isDateTime(s) ? [] : [bad(`“${s}” is not a date and time with an offset or Z (RFC 3339), e.g. 2026-03-03T02:25:00+01:00`)];
    case 'timezone':
      return isTimeZone(s) ? [] : [bad(`“${s}” is not an IANA time zone such as Europe/Paris`)];
    case 'email':
      return isEmail(s) ? [] : [bad(`“${s}” is not a valid e-mail address`)];
    case 'phone':
      return isPhone(s) ? [] : [bad(`“${s}” is not an international number: + and the country code, e.g. +44 20 7946 0000`)];
    case 'period':
      return isRecord(v) ? periodIssues(v) : [];
    case 'persons':
      return Array.isArray(v) ? personIssues(v as PersonValue[]) : [];
    case 'assets':
      return Array.isArray(v) ? assetIssues(v as AssetValue[]) : [];
    default:
      return [];
  }
}

const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

/**
 * The completeness report of a request: field by field in the definition's order (so the drafter works top to
 * bottom), every required or conditionally required field that is missing, every malformed value, and the
 * semantic checks (`invalid` blocks, `warning` informs). `extraRequired` adds the requested State's own
 * requirements; an id the type has no field for is reported as a warning at the end (it can only be met by an
 * attachment or under "Additional information"). `complete` is true iff there is no missing or invalid item.
 */
export function checkCompleteness(def: RequestTypeDefinition, content: RequestContent, opts: CompletenessOptions = {}): CompletenessReport {
  const { content: norm, errors } = validateContent(def, content);
  const extra = new Set(opts.extraRequired ?? []);
  const ctx = { content: norm, now: opts.now ?? null };
  const items: CompletenessItem[] = [];
  const push = (field: string, severity: CompletenessItem['severity'], message: string): void => void items.push({ field, severity, message: sentence(message) });

  for (const f of def.fields) {
    const shapeErrors = errors.filter((e) => e.field === f.id);
    if (shapeErrors.length > 0) {
      for (const e of shapeErrors) push(f.id, 'invalid', `${label(f)}: ${e.detail}`);
      continue;
    }
    const value = norm[f.id];
    if (value === undefined) {
      const why = requirement(def, f, norm, extra);
      if (why !== null) push(f.id, 'missing', `${label(f)} is missing${why}`);
      continue;
    }
    const format = formatIssues(f, value);
    const issues = format.length > 0 ? format : (FIELD_RULES[f.id]?.(value, ctx) ?? []);
    for (const i of issues) push(f.id, i.severity, `${label(f)}: ${i.detail}`);
  }

  const known = new Set(def.fields.map((f) => f.id));
  for (const e of errors) if (!known.has(e.field)) push(e.field || 'content', 'invalid', `“${e.field}” ${e.detail}`);
  for (const s of def.safeguards) {
    const id = SAFEGUARD_FIELDS[s];
    if (id && !known.has(id)) push(id, 'missing', `The ${s.replace(/_/g, ' ')} safeguard needs a “${id}” field, which this version of the request type lacks; contact the administrator`);
  }
  for (const id of extra)
    if (!known.has(id))
      push(id, 'warning', `The requested State requires “${id}”, which this request type has no field for: provide it under “Additional information” or as an attachment`);

  return { complete: !items.some((i) => i.severity !== 'warning'), items };
}

// ── a new draft from its case ──────────────────────────────────────────────────────────────────────────────

/** What a new draft takes from its case. */
export interface CaseSeed {
  readonly title: string;
  readonly summary: string;
  readonly offences: readonly string[];
  readonly subjects: readonly {
    readonly name: string;
    readonly role: string;
    readonly nationality?: string | null;
    readonly dateOfBirth?: string | null;
    readonly [k: string]: unknown;
  }[];
}

/** Persons fields that take only some of the case's subjects (by role); the others take all of them. */
const SUBJECT_ROLES_FOR: Readonly<Record<string, readonly string[]>> = {
  /** Only a suspect is arrested or surrendered. */
  personSought: ['suspect'],
};

const clip = (s: string, max: number): string => s.trim().slice(0, max);

function seedPerson(s: CaseSeed['subjects'][number]): PersonValue {
  const out: Record<string, unknown> = { name: clip(s.name, VALUE_LIMITS.personText), role: clip(s.role, VALUE_LIMITS.personRole) };
  if (typeof s.nationality === 'string' && s.nationality.trim()) out.nationality = s.nationality.trim();
  if (typeof s.dateOfBirth === 'string' && s.dateOfBirth.trim()) out.dateOfBirth = s.dateOfBirth.trim();
  const ids = Array.isArray(s['identifiers']) ? s['identifiers'] : [];
  const identifiers = ids
    .filter((i): i is { type: string; value: string } => isRecord(i) && typeof i.type === 'string' && typeof i.value === 'string')
    .map((i) => ({ type: i.type, value: clip(i.value, VALUE_LIMITS.identifierValue) }));
  if (identifiers.length > 0) out.identifiers = identifiers.slice(0, VALUE_LIMITS.identifiers);
  return out;
}

function seedValue(f: FieldDefinition, seed: CaseSeed): unknown {
  switch (f.fromCase) {
    case 'title':
      return clip(seed.title, f.maxLength ?? VALUE_LIMITS.text);
    case 'facts':
      return clip(seed.summary, f.maxLength ?? VALUE_LIMITS.longtext);
    case 'offences':
      return seed.offences.filter((o) => (OFFENCE_IDS as readonly string[]).includes(o));
    case 'persons': {
      const roles = SUBJECT_ROLES_FOR[f.id];
      return seed.subjects
        .filter((s) => s.name.trim() !== '' && (!roles || roles.includes(s.role)))
        .slice(0, VALUE_LIMITS.persons)
        .map(seedPerson);
    }
    default:
      return undefined;
  }
}

/**
 * The content of a new draft: every field marked `fromCase` filled from the case (title, facts, offences,
 * subjects — only suspects as the person sought for arrest or extradition), in normal form. A case value that
 * would not validate (e.g. an identifier type unknown to the request module) is dropped rather than blocking the
 * draft; the drafter completes it.
 */
export function initialContent(def: RequestTypeDefinition, fromCase: CaseSeed): RequestContent {
  const out: Record<string, unknown> = {};
  for (const f of def.fields) {
    if (!f.fromCase) continue;
    let n = normaliseValue(f, seedValue(f, fromCase));
    if (n.errors.length > 0 && f.kind === 'persons') {
      // Fall back to what cannot fail: names and roles only.
      const plain = (seedValue(f, fromCase) as PersonValue[]).map((p) => ({ name: p.name, role: p.role }));
      n = normaliseValue(f, plain);
    }
    if (n.errors.length === 0 && n.value !== undefined) out[f.id] = n.value;
  }
  return out;
}
