import { AppError, type FieldError } from '../../platform/errors.ts';
import { OFFENCE_IDS, isOffenceId, type OffenceId } from './offences.ts';

/**
 * Input rules for cases and subjects, pure so they are tested cheaply and applied the same way whether a call
 * comes from HTTP (after the TypeBox schema, which mirrors these limits for the OpenAPI document) or the CLI.
 * Each check collects every bad field and throws one `validation_failed` naming them all.
 */

export const LIMITS = Object.freeze({
  referenceMax: 64,
  titleMax: 300,
  summaryMax: 20_000,
  reasonMax: 2_000,
  nameMax: 300,
  notesMax: 10_000,
  identifiersMax: 50,
  identifierValueMax: 200,
});

export const SUBJECT_KINDS = ['natural', 'legal'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const SUBJECT_ROLES = ['suspect', 'victim', 'witness', 'other'] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

/** How a suspect took part (UN 19, BC 11). Only suspects have one. */
export const PARTICIPATIONS = ['perpetrator', 'accomplice', 'instigator', 'attempt'] as const;
export type Participation = (typeof PARTICIPATIONS)[number];

/** Kinds of identifier a subject may carry; `other` for anything else (say what in the value). */
export const IDENTIFIER_TYPES = [
  'passport',
  'national_id',
  'tax_id',
  'driving_licence',
  'company_registration',
  'lei',
  'email',
  'phone',
  'username',
  'account',
  'iban',
  'crypto_address',
  'ip',
  'domain',
  'url',
  'other',
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export interface Identifier {
  type: IdentifierType;
  value: string;
}

/** Letters or digits at both ends; inside also space . _ / : # - (national case numbers vary). */
export const REFERENCE_RE = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._/:#-]*[\p{L}\p{N}])?$/u;
export const COUNTRY_RE = /^[A-Z]{2}$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Collects field errors; `check()` throws them together. */
export class FieldErrors {
  readonly list: FieldError[] = [];

  add(field: string, detail: string): void {
    this.list.push({ in: 'body', pointer: `/${field.split('.').join('/')}`, detail });
  }

  /** The one error naming every field collected so far. */
  error(): AppError {
    const first = this.list[0];
    const message = first ? `${first.pointer.slice(1)}: ${first.detail}` : 'the request is not valid';
    return new AppError('validation_failed', message, { errors: [...this.list] });
  }

  /** Throws `error()` when any field was bad. */
  check(): void {
    if (this.list.length > 0) throw this.error();
  }
}

const includes = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

export function checkReference(e: FieldErrors, raw: string): string {
  const ref = raw.trim();
  if (ref.length === 0 || ref.length > LIMITS.referenceMax || !REFERENCE_RE.test(ref))
    e.add('reference', `1–${LIMITS.referenceMax} characters: letters or digits, with space . _ / : # - inside`);
  return ref;
}

export function checkTitle(e: FieldErrors, raw: string): string {
  const t = raw.trim();
  if (t.length === 0 || t.length > LIMITS.titleMax) e.add('title', `must be 1–${LIMITS.titleMax} characters`);
  return t;
}

export function checkText(e: FieldErrors, field: string, raw: string, max: number, required = false): string {
  const t = raw.trim();
  if (t.length > max) e.add(field, `must be at most ${max} characters`);
  else if (required && t.length === 0) e.add(field, 'is required');
  return t;
}

/** At least one offence, each from the catalogue, none twice. */
export function checkOffences(e: FieldErrors, raw: readonly string[]): OffenceId[] {
  if (raw.length === 0) e.add('offences', 'name at least one offence from GET /api/v1/offences');
  const out: OffenceId[] = [];
  raw.forEach((id, i) => {
    if (!isOffenceId(id)) e.add(`offences.${i}`, `unknown offence "${id}"; the catalogue holds ${OFFENCE_IDS.join(', ')}`);
    else if (out.includes(id)) e.add(`offences.${i}`, `"${id}" is listed twice`);
    else out.push(id);
  });
  return out;
}

/** ISO 3166-1 alpha-2, upper case (user-assigned codes such as XA are accepted). */
export function checkCountry(e: FieldErrors, field: string, v: string | null): string | null {
  if (v === null) return null;
  if (!COUNTRY_RE.test(v)) e.add(field, 'must be an ISO 3166-1 alpha-2 code in capitals, such as XA');
  return v;
}

/** A calendar date YYYY-MM-DD, not before 1900 and not after `today`. */
export function checkDate(e: FieldErrors, field: string, v: string | null, today: Date): string | null {
  if (v === null) return null;
  const m = DATE_RE.exec(v);
  const d = m ? new Date(`${v}T00:00:00.000Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) e.add(field, 'must be a date YYYY-MM-DD');
  else if (v < '1900-01-01' || v > today.toISOString().slice(0, 10)) e.add(field, 'must be between 1900-01-01 and today');
  return v;
}

export function checkIdentifiers(e: FieldErrors, raw: ReadonlyArray<{ type: string; value: string }>): Identifier[] {
  if (raw.length > LIMITS.identifiersMax) e.add('identifiers', `at most ${LIMITS.identifiersMax} identifiers`);
  const out: Identifier[] = [];
  const seen = new Set<string>();
  raw.forEach((id, i) => {
    const value = id.value.trim();
    if (!includes(IDENTIFIER_TYPES, id.type)) e.add(`identifiers.${i}.type`, `must be one of ${IDENTIFIER_TYPES.join(', ')}`);
    else if (value.length === 0 || value.length > LIMITS.identifierValueMax)
      e.add(`identifiers.${i}.value`, `must be 1–${LIMITS.identifierValueMax} characters`);
    else if (seen.has(`${id.type}\u0000${value}`)) e.add(`identifiers.${i}`, 'is listed twice');
    else {
      seen.add(`${id.type}\u0000${value}`);
      out.push({ type: id.type, value });
    }
  });
  return out;
}

/** A subject as stored: every field present. */
export interface SubjectFields {
  kind: SubjectKind;
  name: string;
  identifiers: Identifier[];
  /** Nationality of a natural person, place of incorporation of a legal person. */
  nationality: string | null;
  dateOfBirth: string | null;
  role: SubjectRole;
  participation: Participation | null;
  notes: string;
}

/** A subject as given: loose types, checked by `checkSubject`. */
export interface SubjectInput {
  kind: string;
  name: string;
  identifiers?: ReadonlyArray<{ type: string; value: string }>;
  nationality?: string | null;
  dateOfBirth?: string | null;
  role: string;
  participation?: string | null;
  notes?: string;
}

/**
 * Checks a whole subject (a new one, or an existing one with a patch applied). The participation rule: required
 * for a suspect, of either kind; absent for every other role. Only natural persons have a date of birth.
 */
export function checkSubject(s: SubjectInput, today: Date): SubjectFields {
  const e = new FieldErrors();
  if (!includes(SUBJECT_KINDS, s.kind)) e.add('kind', `must be one of ${SUBJECT_KINDS.join(', ')}`);
  if (!includes(SUBJECT_ROLES, s.role)) e.add('role', `must be one of ${SUBJECT_ROLES.join(', ')}`);
  const name = checkText(e, 'name', s.name, LIMITS.nameMax, true);
  const identifiers = checkIdentifiers(e, s.identifiers ?? []);
  const nationality = checkCountry(e, 'nationality', s.nationality ?? null);
  const dateOfBirth = checkDate(e, 'dateOfBirth', s.dateOfBirth ?? null, today);
  if (dateOfBirth !== null && s.kind === 'legal') e.add('dateOfBirth', 'a legal person has no date of birth');
  const participation = s.participation ?? null;
  if (s.role === 'suspect' && participation === null) e.add('participation', `is required for a suspect: one of ${PARTICIPATIONS.join(', ')}`);
  else if (s.role !== 'suspect' && participation !== null) e.add('participation', 'only a suspect has a participation; send null');
  else if (participation !== null && !includes(PARTICIPATIONS, participation))
    e.add('participation', `must be one of ${PARTICIPATIONS.join(', ')}`);
  const notes = checkText(e, 'notes', s.notes ?? '', LIMITS.notesMax);
  e.check();
  return {
    kind: s.kind as SubjectKind,
    name,
    identifiers,
    nationality,
    dateOfBirth,
    role: s.role as SubjectRole,
    participation: participation as Participation | null,
    notes,
  };
}
