import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { fromB64url } from './base64.ts';
import { LedgerError } from './errors.ts';

/**
 * The ledger's leaf encoding (DESIGN §4): the leaf bytes are the UTF-8 of the RFC 8785 (JCS) canonical JSON of a
 * `LedgerEntry`. Details that may hold personal data never enter the leaf: only a salted commitment does, so
 * erasing the details later never breaks the log. Decoding accepts only the exact canonical bytes of a valid
 * entry — one entry, one spelling.
 */

/**
 * One ledger entry. `seq` is a JSON number, so it is limited to Number.MAX_SAFE_INTEGER (2^53 − 1) entries per
 * log; the Merkle code itself works with `bigint` beyond that. `at` is `Date.toISOString()` (UTC, milliseconds);
 * `node` is the log's origin; `commitment` is the output of `commitment()`.
 */
export interface LedgerEntry {
  v: 1;
  seq: number;
  at: string;
  node: string;
  actor: string;
  action: string;
  object: { type: string; id: string };
  commitment: string;
}

/** Shortest salt accepted: below 128 bits, low-entropy details could be guessed back from the commitment. */
export const MIN_SALT_BYTES = 16;
/** Deepest nesting of details accepted. */
export const MAX_DETAILS_DEPTH = 64;

function commitError(why: string): never {
  throw new LedgerError('ERR_COMMITMENT', why);
}

/** Refuses what JCS cannot encode faithfully: only null, booleans, finite numbers, strings, arrays, plain objects. */
function checkJson(value: unknown, depth: number, path: Set<object>): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    if (!value.isWellFormed()) commitError('details hold a string with a lone surrogate');
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) commitError('details hold a non-finite number');
    return;
  }
  if (typeof value !== 'object') commitError(`details hold a value JSON cannot encode (${typeof value})`);
  if (depth > MAX_DETAILS_DEPTH) commitError('details are nested too deeply');
  if (path.has(value)) commitError('details are circular');
  path.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!Object.hasOwn(value, i)) commitError('details hold a sparse array');
      checkJson(value[i], depth + 1, path);
    }
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) commitError('details hold an object that is not plain JSON');
    if (Object.getOwnPropertySymbols(value).length > 0) commitError('details hold symbol keys');
    for (const [k, v] of Object.entries(value)) {
      if (!k.isWellFormed()) commitError('details hold a key with a lone surrogate');
      checkJson(v, depth + 1, path);
    }
  }
  path.delete(value);
}

/**
 * JCS (RFC 8785) of a plain JSON value.
 * @throws LedgerError `ERR_COMMITMENT` for undefined, functions, symbols, bigints, non-finite numbers, lone
 * surrogates, sparse arrays, cycles, non-plain objects (Date, Map, class instances) or nesting beyond 64 levels.
 */
export function canonicalJson(value: unknown): string {
  checkJson(value, 0, new Set());
  const out = canonicalize(value);
  if (out === undefined) commitError('details cannot be encoded');
  return out;
}

/**
 * base64url(SHA-256(salt ‖ UTF-8(JCS(details)))): binds the entry to its details without revealing them.
 * @throws LedgerError `ERR_COMMITMENT` when the salt is shorter than 16 bytes or details are not plain JSON.
 */
export function commitment(salt: Uint8Array, details: unknown): string {
  if (!(salt instanceof Uint8Array) || salt.length < MIN_SALT_BYTES) commitError(`the salt must be at least ${MIN_SALT_BYTES} bytes`);
  return commitmentOfJcs(salt, canonicalJson(details));
}

/**
 * `commitment` when the JCS text of the details is already at hand (`canonicalJson(details)`): appends compute it
 * once for both the commitment and the stored details.
 * @throws LedgerError `ERR_COMMITMENT` when the salt is shorter than 16 bytes.
 */
export function commitmentOfJcs(salt: Uint8Array, jcs: string): string {
  if (!(salt instanceof Uint8Array) || salt.length < MIN_SALT_BYTES) commitError(`the salt must be at least ${MIN_SALT_BYTES} bytes`);
  const text = Buffer.from(jcs, 'utf8');
  const buf = Buffer.allocUnsafe(salt.length + text.length);
  buf.set(salt, 0);
  buf.set(text, salt.length);
  return hash('sha256', buf, 'base64url');
}

function entryError(why: string): never {
  throw new LedgerError('ERR_MALFORMED_ENTRY', why);
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ENTRY_KEYS = ['action', 'actor', 'at', 'commitment', 'node', 'object', 'seq', 'v'];
const OBJECT_KEYS = ['id', 'type'];

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function sameKeys(o: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(o).sort();
  return own.length === keys.length && own.every((k, i) => k === keys[i]);
}

function text(x: unknown, what: string): string {
  if (typeof x !== 'string' || x === '' || !x.isWellFormed()) entryError(`${what} must be a non-empty string`);
  return x;
}

/**
 * Checks the exact shape of an entry: the eight keys and no other, `v` = 1, `seq` a safe non-negative integer,
 * `at` a canonical `toISOString()` instant, non-empty strings, `object` with exactly `type` and `id`, and a
 * commitment that is the base64url of 32 bytes.
 * @throws LedgerError `ERR_MALFORMED_ENTRY` naming the first defect.
 */
export function validateEntry(x: unknown): LedgerEntry {
  if (!isRecord(x) || !sameKeys(x, ENTRY_KEYS)) entryError('entry must have exactly the keys of a ledger entry');
  if (x.v !== 1) entryError('unsupported entry version');
  const seq = x.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) entryError('seq must be a non-negative safe integer');
  const at = text(x.at, 'at');
  if (!ISO_MS.test(at) || Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at) entryError('at must be an ISO-8601 UTC instant with milliseconds');
  const obj = x.object;
  if (!isRecord(obj) || !sameKeys(obj, OBJECT_KEYS)) entryError('object must have exactly type and id');
  const c = text(x.commitment, 'commitment');
  if (fromB64url(c, 'ERR_MALFORMED_ENTRY').length !== 32) entryError('commitment must be a SHA-256 digest');
  return {
    v: 1,
    seq,
    at,
    node: text(x.node, 'node'),
    actor: text(x.actor, 'actor'),
    action: text(x.action, 'action'),
    object: { type: text(obj.type, 'object.type'), id: text(obj.id, 'object.id') },
    commitment: c,
  };
}

/**
 * The leaf text of a valid entry: its RFC 8785 (JCS) encoding written out for the one shape an entry has — keys
 * in code-unit order, strings and the integer `seq` as `JSON.stringify` writes them (which is what JCS
 * prescribes). Equal to the text of `encodeEntry(e)` for every entry `validateEntry` accepts (tested); it spares
 * appends and verification a generic canonicaliser. It does not validate: use `validateEntry` first.
 */
export function entryText(e: LedgerEntry): string {
  const s = JSON.stringify;
  return `{"action":${s(e.action)},"actor":${s(e.actor)},"at":${s(e.at)},"commitment":${s(e.commitment)},"node":${s(e.node)},"object":{"id":${s(e.object.id)},"type":${s(e.object.type)}},"seq":${s(e.seq)},"v":1}`;
}

/**
 * The leaf bytes of an entry: UTF-8 of its JCS encoding.
 * @throws LedgerError `ERR_MALFORMED_ENTRY` when the entry fails `validateEntry`.
 */
export function encodeEntry(e: LedgerEntry): Uint8Array {
  const valid = validateEntry(e);
  const out = canonicalize(valid);
  if (out === undefined) entryError('entry cannot be encoded');
  return new TextEncoder().encode(out);
}

/**
 * Decodes leaf bytes into an entry, accepting only the exact canonical encoding of a valid entry (so no
 * whitespace, duplicate keys, escapes JCS would not write, or other number spellings).
 * @throws LedgerError `ERR_MALFORMED_ENTRY` for invalid UTF-8, invalid JSON, a wrong shape or non-canonical bytes.
 */
export function decodeEntry(bytes: Uint8Array): LedgerEntry {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return entryError('leaf is not UTF-8 JSON');
  }
  const entry = validateEntry(parsed);
  const again = encodeEntry(entry);
  if (again.length !== bytes.length || again.some((b, i) => b !== bytes[i])) entryError('leaf is not the canonical encoding of its entry');
  return entry;
}
