/**
 * Strict validation of a legislation profile (DOMAIN §1): a JSON document is turned into a `LegislationProfile`
 * only if every member is known and well-formed. Unknown keys, offences outside the catalogue, negative or
 * fractional-month penalties, unknown options or flags, bad language or State codes, bad durations: each is
 * reported with its JSON Pointer, and the profile is refused whole. Pure: no I/O.
 */
import { isLanguageCode, isStateCode } from '../../../platform/federation/directory.ts';
import { OFFENCE_IDS, isOffenceId, type OffenceId } from '../../cases/index.ts';
import { CLOCK_KINDS, REQUEST_TYPE_IDS, type ClockDefaults, type ClockKind, type DomesticProvision, type LegislationProfile, type RequestTypeId } from '../model.ts';
import { isArticleCitation } from './articles.ts';
import { isPositiveIsoDuration } from './duration.ts';
import { ProfileError, pointerTo, type ProfileProblem } from './errors.ts';
import { CHANNELS, OFFENCE_OPTIONS, PROFILE_FLAGS, type Channel } from './vocabulary.ts';

/** An office a State designated (central authority, 24/7 point of contact). */
export interface DesignatedContact {
  readonly name: string;
  readonly email?: string;
  /** E.164, e.g. `+99912345670`. */
  readonly phone?: string;
}

/**
 * A State's designations (DOMAIN §1). Not part of `LegislationProfile` in model.ts, so carried beside it: the
 * federation directory names the nodes, the profile names the offices and how they accept requests.
 */
export interface Designations {
  readonly centralAuthority: DesignatedContact | null;
  readonly contactPoint247: DesignatedContact | null;
  /** Non-empty, distinct. */
  readonly channels: readonly Channel[];
  /** The State's rule on electronic signatures, in words (the yes/no is the `accepts_electronic_signature` flag). */
  readonly electronicSignature?: string;
}

/** A profile as shipped: the model's profile plus the State's designations. */
export type ProfileWithDesignations = LegislationProfile & { readonly designations?: Designations };

/** Longest penalty a profile may state, in years; life imprisonment is recorded as this value. */
export const LIFE_IMPRISONMENT_YEARS = 100;

const TOP_REQUIRED = ['state', 'name', 'languages', 'offences', 'declarations', 'reservations', 'flags'] as const;
const TOP_OPTIONAL = ['clocks', 'extraRequired', 'designations'] as const;
const FIELD_ID = /^[a-z][A-Za-z0-9]{0,63}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

type Obj = Record<string, unknown>;
type Fail = (pointer: string, detail: string) => void;

function isObject(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function objectAt(v: unknown, at: string, fail: Fail): Obj | undefined {
  if (isObject(v)) return v;
  fail(at, 'must be a JSON object');
  return undefined;
}

function arrayAt(v: unknown, at: string, fail: Fail): readonly unknown[] | undefined {
  if (Array.isArray(v)) return v;
  fail(at, 'must be an array');
  return undefined;
}

function members(o: Obj, required: readonly string[], optional: readonly string[], at: string, fail: Fail): void {
  for (const k of Object.keys(o)) if (!required.includes(k) && !optional.includes(k)) fail(pointerTo(at, k), `unknown member "${k}"`);
  for (const k of required) if (!Object.hasOwn(o, k)) fail(pointerTo(at, k), 'is missing');
}

/** A non-empty, trimmed text of at most `max` characters; no control characters except newlines where allowed. */
function textAt(v: unknown, at: string, fail: Fail, max: number, multiline = false): string | undefined {
  const control = multiline ? /[\p{Cc}--[\n]]/v : /\p{Cc}/u;
  if (typeof v !== 'string' || v.trim() === '' || v !== v.trim() || v.length > max || control.test(v)) {
    fail(at, `must be a non-empty text of at most ${max} characters, without leading or trailing spaces${multiline ? '' : ' or line breaks'}`);
    return undefined;
  }
  return v;
}

function distinct(values: readonly unknown[], at: string, fail: Fail): void {
  values.forEach((v, i) => {
    if (values.indexOf(v) !== i) fail(pointerTo(at, i), `repeats ${JSON.stringify(v)}`);
  });
}

function languagesAt(v: unknown, at: string, fail: Fail): string[] {
  const list = arrayAt(v, at, fail) ?? [];
  if (Array.isArray(v) && list.length === 0) fail(at, 'must name at least one language');
  const out: string[] = [];
  list.forEach((l, i) => {
    if (typeof l === 'string' && isLanguageCode(l)) out.push(l);
    else fail(pointerTo(at, i), `${JSON.stringify(l)} is not an ISO 639-1 language code (two lower-case letters)`);
  });
  distinct(list, at, fail);
  return out;
}

function penaltyAt(v: unknown, at: string, fail: Fail): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > LIFE_IMPRISONMENT_YEARS) {
    fail(at, `must be a number of years from 0 (fine only) to ${LIFE_IMPRISONMENT_YEARS} (life imprisonment)`);
    return undefined;
  }
  if (Math.abs(v * 12 - Math.round(v * 12)) > 1e-9) {
    fail(at, 'must be a whole number of months expressed in years (e.g. 0.5 for 6 months)');
    return undefined;
  }
  return v;
}

function provisionAt(v: unknown, at: string, offence: OffenceId, fail: Fail): DomesticProvision | undefined {
  const o = objectAt(v, at, fail);
  if (o === undefined) return undefined;
  members(o, ['citation', 'text', 'maxPenaltyYears'], ['options'], at, fail);
  const citation = textAt(o.citation, pointerTo(at, 'citation'), fail, 200);
  const text = textAt(o.text, pointerTo(at, 'text'), fail, 4000, true);
  const maxPenaltyYears = penaltyAt(o.maxPenaltyYears, pointerTo(at, 'maxPenaltyYears'), fail);
  let options: string[] | undefined;
  if (o.options !== undefined) {
    const oat = pointerTo(at, 'options');
    const allowed = OFFENCE_OPTIONS[offence];
    options = [];
    for (const [i, opt] of (arrayAt(o.options, oat, fail) ?? []).entries()) {
      if (typeof opt === 'string' && allowed.includes(opt)) options.push(opt);
      else
        fail(
          pointerTo(oat, i),
          `${JSON.stringify(opt)} is not an option of ${offence}; allowed: ${allowed.length === 0 ? 'none' : allowed.join(', ')}`,
        );
    }
    distinct(options, oat, fail);
  }
  if (citation === undefined || text === undefined || maxPenaltyYears === undefined) return undefined;
  return options === undefined || options.length === 0 ? { citation, text, maxPenaltyYears } : { citation, text, maxPenaltyYears, options };
}

function offencesAt(v: unknown, at: string, fail: Fail): Partial<Record<OffenceId, DomesticProvision>> {
  const out: Partial<Record<OffenceId, DomesticProvision>> = {};
  const o = objectAt(v, at, fail);
  if (o === undefined) return out;
  for (const [k, p] of Object.entries(o)) {
    const pat = pointerTo(at, k);
    if (!isOffenceId(k)) {
      fail(pat, `unknown offence id "${k}"; the catalogue has ${OFFENCE_IDS.join(', ')}`);
      continue;
    }
    const provision = provisionAt(p, pat, k, fail);
    if (provision !== undefined) out[k] = provision;
  }
  return out;
}

function statementsAt(v: unknown, at: string, fail: Fail): { article: string; text: string }[] {
  const out: { article: string; text: string }[] = [];
  for (const [i, s] of (arrayAt(v, at, fail) ?? []).entries()) {
    const sat = pointerTo(at, i);
    const o = objectAt(s, sat, fail);
    if (o === undefined) continue;
    members(o, ['article', 'text'], [], sat, fail);
    const article = textAt(o.article, pointerTo(sat, 'article'), fail, 64);
    if (article !== undefined && !isArticleCitation(article))
      fail(pointerTo(sat, 'article'), `"${article}" is not an article citation such as "BC 29(4)", "UN 37 (?)" or "SAP 9"`);
    const text = textAt(o.text, pointerTo(sat, 'text'), fail, 4000, true);
    if (article !== undefined && text !== undefined) out.push({ article, text });
  }
  return out;
}

function flagsAt(v: unknown, at: string, fail: Fail): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  const o = objectAt(v, at, fail);
  if (o === undefined) return out;
  members(o, PROFILE_FLAGS, [], at, fail);
  for (const [k, f] of Object.entries(o)) {
    if (!(PROFILE_FLAGS as readonly string[]).includes(k)) continue;
    if (typeof f === 'boolean') out[k] = f;
    else fail(pointerTo(at, k), 'must be true or false');
  }
  return out;
}

function byTypeAt<T>(v: unknown, at: string, fail: Fail, each: (value: unknown, at: string) => T | undefined): Partial<Record<RequestTypeId, T>> {
  const out: Partial<Record<RequestTypeId, T>> = {};
  const o = objectAt(v, at, fail);
  if (o === undefined) return out;
  for (const [k, value] of Object.entries(o)) {
    const tat = pointerTo(at, k);
    const id = REQUEST_TYPE_IDS.find((t) => t === k);
    if (id === undefined) {
      fail(tat, `unknown request type "${k}"`);
      continue;
    }
    const parsed = each(value, tat);
    if (parsed !== undefined) out[id] = parsed;
  }
  return out;
}

function clockDefaultsAt(v: unknown, at: string, fail: Fail): ClockDefaults | undefined {
  const o = objectAt(v, at, fail);
  if (o === undefined) return undefined;
  const out: Partial<Record<ClockKind, string>> = {};
  for (const [k, d] of Object.entries(o)) {
    const cat = pointerTo(at, k);
    const kind = CLOCK_KINDS.find((c) => c === k);
    if (kind === undefined) fail(cat, `unknown clock "${k}"; known: ${CLOCK_KINDS.join(', ')}`);
    else if (!isPositiveIsoDuration(d)) fail(cat, `${JSON.stringify(d)} is not a positive ISO 8601 duration such as "PT1H" or "P45D"`);
    else out[kind] = d;
  }
  return out;
}

function fieldIdsAt(v: unknown, at: string, fail: Fail): readonly string[] | undefined {
  const list = arrayAt(v, at, fail);
  if (list === undefined) return undefined;
  if (list.length === 0) fail(at, 'must name at least one field (or leave the type out)');
  const out: string[] = [];
  list.forEach((f, i) => {
    if (typeof f === 'string' && FIELD_ID.test(f)) out.push(f);
    else fail(pointerTo(at, i), `${JSON.stringify(f)} is not a field id (camelCase)`);
  });
  distinct(list, at, fail);
  return out;
}

function contactAt(v: unknown, at: string, fail: Fail): DesignatedContact | null {
  if (v === null) return null;
  const o = objectAt(v, at, fail);
  if (o === undefined) return null;
  members(o, ['name'], ['email', 'phone'], at, fail);
  const name = textAt(o.name, pointerTo(at, 'name'), fail, 200) ?? '';
  const contact: { name: string; email?: string; phone?: string } = { name };
  if (o.email !== undefined) {
    if (typeof o.email === 'string' && o.email.length <= 254 && EMAIL.test(o.email)) contact.email = o.email;
    else fail(pointerTo(at, 'email'), 'must be an e-mail address');
  }
  if (o.phone !== undefined) {
    if (typeof o.phone === 'string' && E164.test(o.phone)) contact.phone = o.phone;
    else fail(pointerTo(at, 'phone'), 'must be an E.164 telephone number such as +99912345670');
  }
  return contact;
}

function designationsAt(v: unknown, at: string, fail: Fail): Designations | undefined {
  const o = objectAt(v, at, fail);
  if (o === undefined) return undefined;
  members(o, ['centralAuthority', 'contactPoint247', 'channels'], ['electronicSignature'], at, fail);
  const cat = pointerTo(at, 'channels');
  const list = arrayAt(o.channels, cat, fail) ?? [];
  if (Array.isArray(o.channels) && list.length === 0) fail(cat, 'must name at least one channel');
  const channels: Channel[] = [];
  list.forEach((c, i) => {
    const channel = CHANNELS.find((k) => k === c);
    if (channel === undefined) fail(pointerTo(cat, i), `${JSON.stringify(c)} is not a channel; known: ${CHANNELS.join(', ')}`);
    else channels.push(channel);
  });
  distinct(list, cat, fail);
  const d = {
    centralAuthority: contactAt(o.centralAuthority, pointerTo(at, 'centralAuthority'), fail),
    contactPoint247: contactAt(o.contactPoint247, pointerTo(at, 'contactPoint247'), fail),
    channels,
  };
  if (o.electronicSignature === undefined) return d;
  const electronicSignature = textAt(o.electronicSignature, pointerTo(at, 'electronicSignature'), fail, 1000, true);
  return electronicSignature === undefined ? d : { ...d, electronicSignature };
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const child of Object.values(v)) deepFreeze(child);
    Object.freeze(v);
  }
  return v;
}

/**
 * Validates `json` as a legislation profile and returns it deeply frozen.
 * `source` names where it came from (a file path) in the error.
 * @throws ProfileError (code `validation_failed`) listing every problem with its JSON Pointer.
 */
export function parseProfile(json: unknown, source: string): ProfileWithDesignations {
  const problems: ProfileProblem[] = [];
  const fail: Fail = (pointer, detail) => {
    problems.push({ pointer, detail });
  };
  if (!isObject(json)) throw new ProfileError(source, [{ pointer: '', detail: 'must be a JSON object' }]);
  members(json, TOP_REQUIRED, TOP_OPTIONAL, '', fail);

  let state = '';
  if (typeof json.state === 'string' && isStateCode(json.state)) state = json.state;
  else fail('/state', 'must be an ISO 3166-1 alpha-2 code (or a user-assigned code XA..XZ)');
  const name = textAt(json.name, '/name', fail, 200) ?? '';
  const languages = languagesAt(json.languages, '/languages', fail);
  const offences = offencesAt(json.offences, '/offences', fail);
  const declarations = statementsAt(json.declarations, '/declarations', fail);
  const reservations = statementsAt(json.reservations, '/reservations', fail);
  const flags = flagsAt(json.flags, '/flags', fail);
  const english = flags.accepts_requests_in_english;
  if (english !== undefined && english !== languages.includes('en'))
    fail('/flags/accepts_requests_in_english', `contradicts /languages, which ${languages.includes('en') ? 'includes' : 'does not include'} "en"`);

  const profile: {
    -readonly [K in keyof ProfileWithDesignations]: ProfileWithDesignations[K];
  } = { state, name, languages, offences, declarations, reservations, flags };
  if (json.clocks !== undefined) profile.clocks = byTypeAt(json.clocks, '/clocks', fail, (v, at) => clockDefaultsAt(v, at, fail));
  if (json.extraRequired !== undefined) profile.extraRequired = byTypeAt(json.extraRequired, '/extraRequired', fail, (v, at) => fieldIdsAt(v, at, fail));
  if (json.designations !== undefined) {
    const designations = designationsAt(json.designations, '/designations', fail);
    if (designations !== undefined) profile.designations = designations;
  }
  if (problems.length > 0) throw new ProfileError(source, problems);
  return deepFreeze(profile);
}
