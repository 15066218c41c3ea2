/**
 * The shape of a value of each field kind, and its normal form. A draft may be incomplete and may hold text that is
 * not yet well formed (a date still being typed), so this refuses only what editing text could never fix: a value
 * of the wrong JSON type, an option outside the field's allow-list, an unknown offence or member, text over its
 * limit. Formats and semantics are the completeness checker's business.
 *
 * Normal form: strings trimmed; empty strings, empty arrays, empty objects and `null` mean "absent" (`undefined`);
 * lists and multiple choices without duplicates.
 */
import { IDENTIFIER_TYPES, isOffenceId } from '../../cases/index.ts';
import type { FieldDefinition } from '../model.ts';

/** Kinds of asset (the `assets` field kind). */
export const ASSET_TYPES = ['virtual_asset', 'bank_account', 'real_estate', 'vehicle', 'other'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/** A `period` value; a draft may hold one end only. */
export interface PeriodValue {
  readonly from?: string;
  readonly to?: string;
}

/** One entry of a `persons` value (a draft may lack the name; completeness asks for it). */
export interface PersonValue {
  readonly name?: string;
  readonly role?: string;
  readonly nationality?: string;
  readonly dateOfBirth?: string;
  readonly location?: string;
  readonly identifiers?: readonly { readonly type: string; readonly value: string }[];
}

/** One entry of an `assets` value. */
export interface AssetValue {
  readonly type?: AssetType;
  readonly description?: string;
  readonly value?: number;
  readonly currency?: string;
  readonly location?: string;
}

/** Limits that keep a request storable and printable. */
export const VALUE_LIMITS = Object.freeze({
  text: 500,
  longtext: 20_000,
  /** date, datetime, timezone, phone. */
  short: 100,
  email: 254,
  listItems: 1_000,
  listItem: 500,
  persons: 200,
  personText: 300,
  personRole: 100,
  identifiers: 50,
  identifierValue: 200,
  assets: 500,
  assetDescription: 2_000,
});

/** What is wrong with one field's value; `detail` says where inside it (e.g. "person 2: …"). */
export interface ValueError {
  readonly field: string;
  readonly detail: string;
}

/** A normalised value (`undefined`: absent) and what was refused. */
export interface Normalised {
  readonly value: unknown;
  readonly errors: readonly ValueError[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/** Collects errors for one field. */
class Collector {
  readonly errors: ValueError[] = [];
  readonly field: string;
  constructor(field: string) {
    this.field = field;
  }
  add(detail: string): undefined {
    this.errors.push({ field: this.field, detail });
    return undefined;
  }
}

function text(c: Collector, raw: unknown, max: number, where = ''): string | undefined {
  if (typeof raw !== 'string') return c.add(`${where}must be a string, not ${typeName(raw)}`);
  const s = raw.trim();
  if (s.length > max) return c.add(`${where}must be at most ${max} characters (${s.length} given)`);
  return s.length === 0 ? undefined : s;
}

function array(c: Collector, raw: unknown, max: number, noun: string): unknown[] | undefined {
  if (!Array.isArray(raw)) return c.add(`must be an array of ${noun}, not ${typeName(raw)}`);
  if (raw.length > max) return c.add(`at most ${max} ${noun} (${raw.length} given)`);
  return raw;
}

function members(c: Collector, o: Record<string, unknown>, allowed: readonly string[], where: string): boolean {
  const unknown = Object.keys(o).filter((k) => !allowed.includes(k));
  if (unknown.length === 0) return true;
  c.add(`${where}unknown member(s) ${unknown.map((k) => `"${k}"`).join(', ')}; allowed: ${allowed.join(', ')}`);
  return false;
}

/** Sets `key` on `out` when the value is present. */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) out[key] = value;
}

const PERSON_KEYS = ['name', 'role', 'nationality', 'dateOfBirth', 'location', 'identifiers'] as const;
const ASSET_KEYS = ['type', 'description', 'value', 'currency', 'location'] as const;

function identifiers(c: Collector, raw: unknown, where: string): { type: string; value: string }[] | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (!Array.isArray(raw)) return c.add(`${where}identifiers must be an array of {type, value}, not ${typeName(raw)}`);
  if (raw.length > VALUE_LIMITS.identifiers) return c.add(`${where}at most ${VALUE_LIMITS.identifiers} identifiers`);
  const out: { type: string; value: string }[] = [];
  raw.forEach((id, j) => {
    const at = `${where}identifier ${j + 1}: `;
    if (!isRecord(id)) return void c.add(`${at}must be an object {type, value}`);
    if (!members(c, id, ['type', 'value'], at)) return;
    if (typeof id.type !== 'string' || !(IDENTIFIER_TYPES as readonly string[]).includes(id.type))
      return void c.add(`${at}type must be one of ${IDENTIFIER_TYPES.join(', ')}`);
    const value = text(c, id.value, VALUE_LIMITS.identifierValue, at);
    if (value !== undefined && !out.some((o) => o.type === id.type && o.value === value)) out.push({ type: id.type, value });
  });
  return out.length > 0 ? out : undefined;
}

function person(c: Collector, raw: unknown, i: number): PersonValue | undefined {
  const where = `person ${i + 1}: `;
  if (!isRecord(raw)) return c.add(`${where}must be an object {name, role?, nationality?, dateOfBirth?, location?, identifiers?}`);
  if (!members(c, raw, PERSON_KEYS, where)) return undefined;
  const out: Record<string, unknown> = {};
  const opt = (key: string, max: number): void => {
    const v = raw[key];
    if (v !== null && v !== undefined) put(out, key, text(c, v, max, `${where}${key} `));
  };
  opt('name', VALUE_LIMITS.personText);
  opt('role', VALUE_LIMITS.personRole);
  opt('nationality', VALUE_LIMITS.short);
  opt('dateOfBirth', VALUE_LIMITS.short);
  opt('location', VALUE_LIMITS.personText);
  put(out, 'identifiers', identifiers(c, raw.identifiers, where));
  return Object.keys(out).length > 0 ? out : undefined;
}

function asset(c: Collector, raw: unknown, i: number): AssetValue | undefined {
  const where = `asset ${i + 1}: `;
  if (!isRecord(raw)) return c.add(`${where}must be an object {type, description, value?, currency?, location?}`);
  if (!members(c, raw, ASSET_KEYS, where)) return undefined;
  const out: Record<string, unknown> = {};
  if (raw.type !== null && raw.type !== undefined) {
    if (typeof raw.type !== 'string' || !(ASSET_TYPES as readonly string[]).includes(raw.type.trim()))
      c.add(`${where}type must be one of ${ASSET_TYPES.join(', ')}`);
    else out.type = raw.type.trim();
  }
  if (raw.description !== null && raw.description !== undefined)
    put(out, 'description', text(c, raw.description, VALUE_LIMITS.assetDescription, `${where}description `));
  if (raw.value !== null && raw.value !== undefined) {
    if (typeof raw.value !== 'number' || !Number.isFinite(raw.value) || raw.value < 0) c.add(`${where}value must be a number ≥ 0`);
    else out.value = raw.value;
  }
  if (raw.currency !== null && raw.currency !== undefined) put(out, 'currency', text(c, raw.currency, VALUE_LIMITS.short, `${where}currency `));
  if (raw.location !== null && raw.location !== undefined) put(out, 'location', text(c, raw.location, VALUE_LIMITS.personText, `${where}location `));
  return Object.keys(out).length > 0 ? out : undefined;
}

function strings(c: Collector, raw: unknown, max: number, itemMax: number, noun: string): string[] | undefined {
  const items = array(c, raw, max, noun);
  if (!items) return undefined;
  const out: string[] = [];
  items.forEach((item, i) => {
    const s = text(c, item, itemMax, `item ${i + 1} `);
    if (s !== undefined && !out.includes(s)) out.push(s);
  });
  return out;
}

function shape(f: FieldDefinition, raw: unknown, c: Collector): unknown {
  switch (f.kind) {
    case 'text':
      return text(c, raw, f.maxLength ?? VALUE_LIMITS.text);
    case 'longtext':
      return text(c, raw, f.maxLength ?? VALUE_LIMITS.longtext);
    case 'date':
    case 'datetime':
    case 'timezone':
    case 'phone':
      return text(c, raw, VALUE_LIMITS.short);
    case 'email':
      return text(c, raw, VALUE_LIMITS.email);
    case 'integer':
      return typeof raw === 'number' && Number.isSafeInteger(raw) ? raw : c.add(`must be a whole number, not ${typeName(raw)}${typeof raw === 'number' ? ` (${raw})` : ''}`);
    case 'boolean':
      return typeof raw === 'boolean' ? raw : c.add(`must be true or false, not ${typeName(raw)}`);
    case 'choice': {
      const s = text(c, raw, VALUE_LIMITS.short);
      const options = f.options ?? [];
      return s === undefined || options.includes(s) ? s : c.add(`"${s}" is not one of ${options.join(', ')}`);
    }
    case 'choices': {
      const options = f.options ?? [];
      const picked = strings(c, raw, 100, VALUE_LIMITS.short, 'options');
      const bad = (picked ?? []).filter((s) => !options.includes(s));
      if (bad.length > 0) return c.add(`${bad.map((s) => `"${s}"`).join(', ')} not among ${options.join(', ')}`);
      return picked;
    }
    case 'list':
      return strings(c, raw, VALUE_LIMITS.listItems, f.maxLength ?? VALUE_LIMITS.listItem, 'entries');
    case 'offences': {
      const ids = strings(c, raw, 50, VALUE_LIMITS.short, 'offence ids');
      const bad = (ids ?? []).filter((s) => !isOffenceId(s));
      if (bad.length > 0) return c.add(`unknown offence(s) ${bad.map((s) => `"${s}"`).join(', ')}; GET /api/v1/offences lists them`);
      return ids;
    }
    case 'period': {
      if (!isRecord(raw)) return c.add(`must be an object {from, to}, not ${typeName(raw)}`);
      if (!members(c, raw, ['from', 'to'], '')) return undefined;
      const out: Record<string, unknown> = {};
      for (const end of ['from', 'to'] as const) {
        const v = raw[end];
        if (v !== null && v !== undefined) put(out, end, text(c, v, VALUE_LIMITS.short, `${end} `));
      }
      return out;
    }
    case 'persons': {
      const items = array(c, raw, VALUE_LIMITS.persons, 'persons');
      return items?.map((p, i) => person(c, p, i)).filter((p) => p !== undefined);
    }
    case 'assets': {
      const items = array(c, raw, VALUE_LIMITS.assets, 'assets');
      return items?.map((a, i) => asset(c, a, i)).filter((a) => a !== undefined);
    }
  }
}

const isEmpty = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);

/**
 * One field's value in normal form, or the errors that make it unusable (then `value` is `undefined`: a value is
 * never half-accepted). `null` and `undefined` are absent.
 */
export function normaliseValue(f: FieldDefinition, raw: unknown): Normalised {
  if (raw === null || raw === undefined) return { value: undefined, errors: [] };
  const c = new Collector(f.id);
  const value = shape(f, raw, c);
  if (c.errors.length > 0) return { value: undefined, errors: c.errors };
  return { value: isEmpty(value) ? undefined : value, errors: [] };
}
