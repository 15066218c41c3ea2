import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LedgerEntry, canonicalJson, commitment, decodeEntry, encodeEntry } from './entry.ts';
import { LedgerError } from './errors.ts';

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof LedgerError) return e.code;
    throw e;
  }
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const SALT = Uint8Array.from({ length: 16 }, (_, i) => i);
const C = 'ahnw-0vlRRFSS81bDJizjaHuBJo5c1w5MR4QM2AkQ28'; // base64url(SHA-256("commitment")): some 32-byte digest

const ENTRY: LedgerEntry = {
  v: 1,
  seq: 42,
  at: '2026-05-01T12:34:56.789Z',
  node: 'comity.example/node-a',
  actor: 'user:zoë',
  action: 'case.create\u2028𝄞',
  object: { type: 'case', id: 'C-1\u0001"\\' },
  commitment: C,
};

// Written by hand from RFC 8785: keys sorted by UTF-16 code units (also inside `object`), no whitespace, only
// '"', '\' and control characters escaped (lowercase \u00xx), everything else — ë, U+2028, 𝄞 — as UTF-8.
const ENTRY_JCS =
  '{"action":"case.create\u2028𝄞","actor":"user:zoë","at":"2026-05-01T12:34:56.789Z",' +
  `"commitment":"${C}","node":"comity.example/node-a","object":{"id":"C-1\\u0001\\"\\\\","type":"case"},"seq":42,"v":1}`;

describe('entry encoding', () => {
  it('matches a hand-written JCS vector', () => {
    const bytes = encodeEntry(ENTRY);
    expect(new TextDecoder().decode(bytes)).toBe(ENTRY_JCS);
    expect(Buffer.from(bytes).includes(Buffer.from('zo\u00c3\u00ab', 'latin1'))).toBe(true); // ë is C3 AB
    expect(Buffer.from(bytes).includes(Buffer.from('e280a8f09d849e', 'hex'))).toBe(true); // U+2028, U+1D11E
    expect(decodeEntry(bytes)).toEqual(ENTRY);
  });

  it('does not depend on property order', () => {
    const shuffled = { commitment: C, object: { id: ENTRY.object.id, type: 'case' }, v: 1, seq: 42, actor: ENTRY.actor, node: ENTRY.node, at: ENTRY.at, action: ENTRY.action } as const;
    expect(encodeEntry(shuffled)).toEqual(encodeEntry(ENTRY));
  });

  it('round-trips random entries', () => {
    const s = fc.string({ minLength: 1, maxLength: 12, unit: 'binary' });
    const entry = fc.record({
      v: fc.constant(1 as const),
      seq: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
      at: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      node: s,
      actor: s,
      action: s,
      object: fc.record({ type: s, id: s }),
      commitment: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('base64url')),
    });
    fc.assert(
      fc.property(entry, (e) => {
        expect(decodeEntry(encodeEntry(e))).toEqual(e);
      }),
    );
  });
});

describe('decodeEntry refuses', () => {
  const patch = (p: Record<string, unknown>): Uint8Array => utf8(canonicalJson({ ...ENTRY, ...p }));
  const cases: Array<[string, Uint8Array]> = [
    ['an extra key', patch({ extra: 1 })],
    ['an extra key in object', patch({ object: { type: 'case', id: 'x', more: 'y' } })],
    ['a missing key', utf8(ENTRY_JCS.replace('"seq":42,', ''))],
    ['another version', patch({ v: 2 })],
    ['a negative seq', patch({ seq: -1 })],
    ['a fractional seq', patch({ seq: 1.5 })],
    ['a seq beyond 2^53', patch({ seq: 2 ** 53 })],
    ['a string seq', patch({ seq: '42' })],
    ['a time without milliseconds', patch({ at: '2026-05-01T12:34:56Z' })],
    ['a time with an offset', patch({ at: '2026-05-01T12:34:56.789+00:00' })],
    ['an impossible date', patch({ at: '2026-02-30T00:00:00.000Z' })],
    ['an empty actor', patch({ actor: '' })],
    ['a null node', patch({ node: null })],
    ['a commitment of 31 bytes', patch({ commitment: Buffer.alloc(31).toString('base64url') })],
    ['a padded commitment', patch({ commitment: `${Buffer.alloc(32).toString('base64url')}=` })],
    ['an array', utf8('[]')],
    ['whitespace', utf8(ENTRY_JCS.replace('"v":1', '"v": 1'))],
    ['a trailing newline', utf8(`${ENTRY_JCS}\n`)],
    ['keys out of order', utf8(ENTRY_JCS.replace('"seq":42,"v":1', '"v":1,"seq":42'))],
    ['an escape JCS would not write', utf8(ENTRY_JCS.replace('zoë', 'zo\\u00eb'))],
    ['a duplicate key', utf8(ENTRY_JCS.replace('"seq":42', '"seq":41,"seq":42'))],
    ['another number spelling', utf8(ENTRY_JCS.replace('"seq":42', '"seq":42.0'))],
    ['a byte-order mark', Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(ENTRY_JCS))],
    ['invalid UTF-8', Uint8Array.of(...utf8(ENTRY_JCS.slice(0, -1)), 0xff, 0x7d)],
    ['not JSON', utf8('{')],
  ];
  it.each(cases)('%s', (_, bytes) => {
    expect(codeOf(() => decodeEntry(bytes))).toBe('ERR_MALFORMED_ENTRY');
  });

  it('and encodeEntry refuses invalid entries too', () => {
    expect(codeOf(() => encodeEntry({ ...ENTRY, extra: 1 } as LedgerEntry))).toBe('ERR_MALFORMED_ENTRY');
    expect(codeOf(() => encodeEntry({ ...ENTRY, at: 'yesterday' }))).toBe('ERR_MALFORMED_ENTRY');
    expect(codeOf(() => encodeEntry({ ...ENTRY, actor: 'lone \ud800' }))).toBe('ERR_MALFORMED_ENTRY');
  });
});

describe('commitment', () => {
  it('is base64url(SHA-256(salt ‖ JCS(details)))', () => {
    const details = { b: [1, 'x'], a: null };
    const expected = createHash('sha256').update(SALT).update('{"a":null,"b":[1,"x"]}').digest('base64url');
    expect(commitment(SALT, details)).toBe(expected);
    expect(commitment(SALT, details)).toBe('2_tffPfQgSqhdCQO4WN5dRlDVavV6FQbhfXBLZMjqx0'); // pinned: must never change
    expect(commitment(SALT, { a: null, b: [1, 'x'] })).toBe(expected);
    expect(commitment(Uint8Array.from({ length: 16 }, () => 9), details)).not.toBe(expected);
  });

  it('canonicalises numbers and strings per RFC 8785', () => {
    expect(canonicalJson({ n: 1e21, f: 0.1, z: -0, e: 1e-7, i: 100, s: '\u00e9\u000f' })).toBe('{"e":1e-7,"f":0.1,"i":100,"n":1e+21,"s":"é\\u000f","z":0}');
    expect(canonicalJson({ '\u00e9': 1, z: 2, '\ud83d\ude00': 3, a: { c: 1, b: 2 } })).toBe('{"a":{"b":2,"c":1},"z":2,"é":1,"😀":3}');
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { k: 'v' }))).toBe('{"k":"v"}');
  });

  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  let deep: unknown = 1;
  for (let i = 0; i < 100; i++) deep = [deep];
  class Thing {
    x = 1;
  }
  it.each([
    ['undefined', undefined],
    ['an undefined property', { a: undefined }],
    ['undefined in an array', [1, undefined]],
    ['a sparse array', [1, , 3]],
    ['a function', { f: () => 1 }],
    ['a symbol', Symbol('s')],
    ['a symbol key', { [Symbol('k')]: 1 }],
    ['a bigint', { n: 1n }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a Date', { d: new Date(0) }],
    ['a Map', new Map()],
    ['a class instance', new Thing()],
    ['a cycle', cyclic],
    ['a lone surrogate', { s: '\udc00' }],
    ['a lone surrogate key', { '\ud800': 1 }],
    ['deep nesting', deep],
  ])('refuses %s', (_, details) => {
    expect(codeOf(() => commitment(SALT, details))).toBe('ERR_COMMITMENT');
  });

  it('refuses a short salt', () => {
    expect(codeOf(() => commitment(new Uint8Array(15), {}))).toBe('ERR_COMMITMENT');
    expect(codeOf(() => commitment(new Uint8Array(), {}))).toBe('ERR_COMMITMENT');
  });
});
