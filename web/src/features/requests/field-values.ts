/**
 * Between a request's `content` (what the node stores and checks) and the drafting form (what the inputs hold),
 * one function each way per field kind (src/modules/requests/model.ts FIELD_KINDS). Empty input clears the field
 * (`null` in the PATCH), so "not answered" and "answered no" stay different. Values the form cannot read are kept
 * as they are: the node is the judge of what is valid, and its completeness check names each problem. Pure.
 */
import { isTimeZone, isoToZoned, zonedToIso } from './zoned-time.ts';

export type FieldKind =
  | 'text'
  | 'longtext'
  | 'date'
  | 'datetime'
  | 'period'
  | 'integer'
  | 'boolean'
  | 'choice'
  | 'choices'
  | 'list'
  | 'timezone'
  | 'email'
  | 'phone'
  | 'offences'
  | 'persons'
  | 'assets';

/** What the form needs to know about a field (a subset of the type definition's field). */
export interface FieldShape {
  id: string;
  kind: FieldKind;
  required: boolean;
  requiredWhen?: { field: string; equals?: string | boolean; includes?: string; present?: boolean };
}

export interface PersonInput {
  name: string;
  role: string;
  nationality: string;
  dateOfBirth: string;
  location: string;
  identifiers: Array<{ type: string; value: string }>;
  /** Keys the form does not edit (kept as they were). */
  extra: Record<string, unknown>;
}

export interface AssetInput {
  type: string;
  description: string;
  value: string;
  currency: string;
  location: string;
  extra: Record<string, unknown>;
}

export type FieldInput =
  | { t: 'string'; v: string }
  | { t: 'datetime'; v: string }
  | { t: 'period'; from: string; to: string; withTime: boolean }
  | { t: 'boolean'; v: boolean | null }
  | { t: 'choices'; v: string[] }
  | { t: 'list'; v: string }
  | { t: 'persons'; v: PersonInput[] }
  | { t: 'assets'; v: AssetInput[] }
  /** A stored value the form cannot show (kept unless the drafter clears it). */
  | { t: 'raw'; v: unknown };

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function emptyPerson(): PersonInput {
  return { name: '', role: '', nationality: '', dateOfBirth: '', location: '', identifiers: [], extra: {} };
}

export function emptyAsset(): AssetInput {
  return { type: 'virtual_asset', description: '', value: '', currency: '', location: '', extra: {} };
}

function personIn(v: unknown): PersonInput {
  if (!isRecord(v)) return emptyPerson();
  const { name, role, nationality, dateOfBirth, location, identifiers, ...extra } = v;
  return {
    name: str(name),
    role: str(role),
    nationality: str(nationality),
    dateOfBirth: str(dateOfBirth),
    location: str(location),
    identifiers: Array.isArray(identifiers) ? identifiers.filter(isRecord).map((i) => ({ type: str(i.type), value: str(i.value) })) : [],
    extra,
  };
}

function personOut(p: PersonInput): Record<string, unknown> {
  const out: Record<string, unknown> = { ...p.extra, name: p.name.trim() };
  if (p.role) out.role = p.role;
  if (p.nationality.trim()) out.nationality = p.nationality.trim().toUpperCase();
  if (p.dateOfBirth) out.dateOfBirth = p.dateOfBirth;
  if (p.location.trim()) out.location = p.location.trim();
  const ids = p.identifiers.filter((i) => i.value.trim()).map((i) => ({ type: i.type, value: i.value.trim() }));
  if (ids.length > 0) out.identifiers = ids;
  return out;
}

const personEmpty = (p: PersonInput): boolean => !p.name.trim() && !p.location.trim() && !p.nationality.trim() && !p.dateOfBirth && p.identifiers.every((i) => !i.value.trim());

function assetIn(v: unknown): AssetInput {
  if (!isRecord(v)) return emptyAsset();
  const { type, description, value, currency, location, ...extra } = v;
  return { type: str(type) || 'other', description: str(description), value: str(value), currency: str(currency), location: str(location), extra };
}

function assetOut(a: AssetInput): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a.extra, type: a.type, description: a.description.trim() };
  const value = a.value.trim();
  if (value) out.value = /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : value;
  if (a.currency.trim()) out.currency = a.currency.trim().toUpperCase();
  if (a.location.trim()) out.location = a.location.trim();
  return out;
}

const assetEmpty = (a: AssetInput): boolean => !a.description.trim() && !a.value.trim() && !a.location.trim();

/** The form value of a field from the request's content. `tz` is the zone datetimes are typed in. */
export function toInput(kind: FieldKind, value: unknown, tz: string): FieldInput {
  if (value === undefined || value === null) return emptyInput(kind);
  switch (kind) {
    case 'text':
    case 'longtext':
    case 'date':
    case 'timezone':
    case 'email':
    case 'phone':
    case 'choice':
    case 'integer':
      return typeof value === 'string' || typeof value === 'number' ? { t: 'string', v: String(value) } : { t: 'raw', v: value };
    case 'datetime':
      return typeof value === 'string' && isoToZoned(value, tz) !== null ? { t: 'datetime', v: isoToZoned(value, tz) ?? '' } : { t: 'raw', v: value };
    case 'period': {
      if (!isRecord(value)) return { t: 'raw', v: value };
      const from = str(value.from);
      const to = str(value.to);
      const withTime = from.includes('T') || to.includes('T');
      const show = (s: string) => (withTime ? (s.includes('T') ? (isoToZoned(s, tz) ?? '') : s ? `${s}T00:00` : '') : s);
      return { t: 'period', from: show(from), to: show(to), withTime };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { t: 'boolean', v: value } : { t: 'raw', v: value };
    case 'choices':
    case 'offences':
      return Array.isArray(value) && value.every((x) => typeof x === 'string') ? { t: 'choices', v: [...value] } : { t: 'raw', v: value };
    case 'list':
      return Array.isArray(value) ? { t: 'list', v: value.map(str).join('\n') } : { t: 'raw', v: value };
    case 'persons':
      return Array.isArray(value) ? { t: 'persons', v: value.map(personIn) } : { t: 'raw', v: value };
    case 'assets':
      return Array.isArray(value) ? { t: 'assets', v: value.map(assetIn) } : { t: 'raw', v: value };
  }
}

export function emptyInput(kind: FieldKind): FieldInput {
  switch (kind) {
    case 'datetime':
      return { t: 'datetime', v: '' };
    case 'period':
      return { t: 'period', from: '', to: '', withTime: false };
    case 'boolean':
      return { t: 'boolean', v: null };
    case 'choices':
    case 'offences':
      return { t: 'choices', v: [] };
    case 'list':
      return { t: 'list', v: '' };
    case 'persons':
      return { t: 'persons', v: [] };
    case 'assets':
      return { t: 'assets', v: [] };
    default:
      return { t: 'string', v: '' };
  }
}

/**
 * The content value of a form value; `null` clears the field. A value that cannot be converted (a datetime in an
 * unknown zone, a word in a number field) is sent as typed, so that the node's check names the problem.
 */
export function fromInput(kind: FieldKind, input: FieldInput, tz: string): unknown {
  switch (input.t) {
    case 'raw':
      return input.v;
    case 'string': {
      const s = kind === 'longtext' ? input.v : input.v.trim();
      if (s.trim() === '') return null;
      if (kind === 'integer') return /^[-+]?\d+$/.test(s) ? Number(s) : s;
      return s;
    }
    case 'datetime':
      return input.v ? (zonedToIso(input.v, tz) ?? input.v) : null;
    case 'period': {
      if (!input.from && !input.to) return null;
      const conv = (s: string) => (input.withTime ? (s ? (zonedToIso(s, tz) ?? s) : '') : s);
      return { from: conv(input.from), to: conv(input.to) };
    }
    case 'boolean':
      return input.v;
    case 'choices':
      return input.v.length === 0 ? null : [...input.v];
    case 'list': {
      const items = input.v
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean);
      return items.length === 0 ? null : items;
    }
    case 'persons': {
      const list = input.v.filter((p) => !personEmpty(p)).map(personOut);
      return list.length === 0 ? null : list;
    }
    case 'assets': {
      const list = input.v.filter((a) => !assetEmpty(a)).map(assetOut);
      return list.length === 0 ? null : list;
    }
  }
}

/** Whether a content value counts as given (what `requiredWhen: {present: true}` and "required" look at). */
export function isPresent(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** Whether the field must be filled in, given the rest of the content (its `requiredWhen` rule). */
export function isRequired(f: FieldShape, content: Readonly<Record<string, unknown>>): boolean {
  if (f.required) return true;
  const w = f.requiredWhen;
  if (!w) return false;
  const other = content[w.field];
  if (w.equals !== undefined) return other === w.equals;
  if (w.includes !== undefined) return Array.isArray(other) && other.includes(w.includes);
  if (w.present) return isPresent(other);
  return false;
}

/** Same content value (order of object keys ignored)? Used to send only the fields that changed. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isRecord(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** The zone datetimes of a request are typed in: its own `timeZone` field when valid, else the user's zone. */
export function draftingZone(content: Readonly<Record<string, unknown>>, fallback: string): string {
  const tz = content.timeZone;
  return typeof tz === 'string' && isTimeZone(tz) ? tz : fallback;
}
