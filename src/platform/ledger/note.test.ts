import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toB64 } from './base64.ts';
import { LedgerError } from './errors.ts';
import {
  type NoteVerifier,
  ed25519Signer,
  ed25519SignerFromSeed,
  encodeVerifierKey,
  isValidKeyName,
  keyId,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from './note.ts';

/** The sections of test/fixtures/signed-note/vectors.txt: `vkey`, `signer` and the note text of each. */
function loadVectors(): Record<string, { vkey: string; signer?: string; note: string }> {
  const lines = readFileSync(join(import.meta.dirname, '../../../test/fixtures/signed-note/vectors.txt'), 'utf8').split('\n');
  const out: Record<string, { vkey: string; signer?: string; note: string }> = {};
  let name = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const head = /^== (\w+) ==$/.exec(line);
    if (head) {
      name = head[1] ?? '';
      out[name] = { vkey: '', note: '' };
      continue;
    }
    const v = out[name];
    if (v === undefined) continue;
    if (line.startsWith('vkey: ')) v.vkey = line.slice(6);
    else if (line.startsWith('signer: ')) v.signer = line.slice(8);
    else if (line === 'note:') {
      const body: string[] = [];
      for (i++; i < lines.length && !/^(== |malformed notes)/.test(lines[i] ?? ''); i++) body.push(lines[i] ?? '');
      i--;
      while (body.at(-1) === '') body.pop();
      v.note = `${body.join('\n')}\n`;
    }
  }
  return out;
}

const V = loadVectors();
const vec = (n: string): { vkey: string; signer?: string; note: string } => {
  const v = V[n];
  if (v === undefined) throw new Error(`vector ${n} missing`);
  return v;
};
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof LedgerError) return e.code;
    throw e;
  }
}

/** The base64 field of a key: everything after the first `n` '+' (base64 itself may contain '+'). */
const keyField = (k: string, n: number): Buffer => Buffer.from(k.split('+').slice(n).join('+'), 'base64');

const textOf = (note: string): string => note.slice(0, note.lastIndexOf('\n\n') + 1);

describe('signed-note vectors', () => {
  it.each(['a', 'b', 'c'])('vector %s verifies exactly', (n) => {
    const { vkey, note } = vec(n);
    const verifier = parseVerifierKey(vkey);
    expect(encodeVerifierKey(verifier.name, verifier.publicKey)).toBe(vkey);
    expect(hex(keyId(verifier.name, verifier.publicKey))).toBe(vkey.split('+')[1]);
    const opened = openNote(note, [verifier]);
    expect(opened.text).toBe(textOf(note));
    expect(opened.verified).toEqual([{ name: verifier.name, keyId: verifier.keyId }]);
    expect(opened.unverified).toEqual([]);
    expect(openNote(utf8(note), [verifier]).text).toBe(opened.text);
  });

  it('reproduces vector b from its private key (Ed25519 is deterministic)', () => {
    const { signer, vkey, note } = vec('b');
    const s = parseSignerKey(signer ?? '');
    expect(encodeVerifierKey(s.name, s.publicKey)).toBe(vkey);
    expect(signNote(textOf(note), [s])).toBe(note);
  });

  it('reproduces vector c with the seed of b under the origin name', () => {
    const seed = keyField(vec('b').signer ?? '', 4).subarray(1);
    const s = ed25519SignerFromSeed('example.com/rfc6962-test-tree', seed);
    expect(encodeVerifierKey(s.name, s.publicKey)).toBe(vec('c').vkey);
    expect(signNote(textOf(vec('c').note), [s])).toBe(vec('c').note);
  });
});

describe('malformed notes are rejected', () => {
  const { vkey, note } = vec('b');
  const verifier = parseVerifierKey(vkey);
  const sigLine = note.slice(note.lastIndexOf('\n\n') + 2);
  const cases: Array<[string, string | Uint8Array]> = [
    ['no blank line', note.replace('\n\n', '\n')],
    ['text only', textOf(note)],
    ['text and blank line only', `${textOf(note)}\n`],
    ['missing final newline', note.slice(0, -1)],
    ['a leading \\x01', Uint8Array.of(0x01, ...utf8(note))],
    ['a leading \\x01 (string)', `\x01${note}`],
    ['a leading \\xff (not UTF-8)', Uint8Array.of(0xff, ...utf8(note))],
    ['a carriage return', note.replace('problem,\n', 'problem,\r\n')],
    ['a tab', note.replace('If you', 'If\tyou')],
    ['a lone surrogate', note.replace('If you', 'If \ud800you')],
    ['a key name containing a space', note.replace('— PeterNeumann ', '— Peter Neumann ')],
    ['an unexpected line after the signatures', `${note}hello\n`],
    ['a line between signatures', `${note}hello\n${sigLine}`],
    ['a signature line without em dash', note.replace('— PeterNeumann', '- PeterNeumann')],
    ['a signature line without signature', note.replace(/ [^ ]+\n$/, '\n')],
    ['a signature line with an empty signature', note.replace(/ [^ ]+\n$/, ' \n')],
    ['a signature line with non-canonical base64', note.replace('AM=\n', 'AN=\n')],
    ['a signature shorter than 5 bytes', note.replace(/ [^ ]+\n$/, ' AAAAAA==\n')],
    ['more than 100 signatures', `${textOf(note)}\n${sigLine.repeat(101)}`],
  ];

  it.each(cases)('%s', (_, bad) => {
    expect(codeOf(() => openNote(bad, [verifier]))).toBe('ERR_MALFORMED_NOTE');
  });

  it('accepts 100 signature lines (duplicates count once) and honours maxSignatures', () => {
    const many = `${textOf(note)}\n${sigLine.repeat(100)}`;
    expect(openNote(many, [verifier]).verified).toHaveLength(1);
    expect(codeOf(() => openNote(note, [verifier], { maxSignatures: 0 }))).toBe('ERR_MALFORMED_NOTE');
    expect(codeOf(() => openNote(note, [verifier], { maxSignatures: Number.NaN }))).toBe('ERR_RANGE');
  });
});

describe('verification against an allow-list', () => {
  const { vkey, note, signer } = vec('b');
  const known = parseVerifierKey(vkey);
  const s = parseSignerKey(signer ?? '');
  const other = ed25519Signer('example.com/other', generateKeyPairSync('ed25519').privateKey);
  const otherV: NoteVerifier = { name: other.name, keyId: keyId(other.name, other.publicKey), publicKey: other.publicKey };

  it('refuses a note signed by no listed key', () => {
    expect(codeOf(() => openNote(note, []))).toBe('ERR_UNKNOWN_KEY');
    expect(codeOf(() => openNote(note, [otherV]))).toBe('ERR_UNKNOWN_KEY');
    // Same name, another key: the key id differs, so the signature is by an unknown key.
    const sameName = ed25519Signer('PeterNeumann', generateKeyPairSync('ed25519').privateKey);
    expect(codeOf(() => openNote(note, [parseVerifierKey(encodeVerifierKey(sameName.name, sameName.publicKey))]))).toBe('ERR_UNKNOWN_KEY');
  });

  it('refuses a bad signature by a listed key', () => {
    expect(codeOf(() => openNote(note.replace('cryptography', 'Cryptography'), [known]))).toBe('ERR_NOTE_SIGNATURE');
    const sig = Buffer.from(note.trimEnd().split(' ').at(-1) ?? '', 'base64');
    sig[10] = (sig[10] ?? 0) ^ 1;
    expect(codeOf(() => openNote(note.replace(/ [^ ]+\n$/, ` ${sig.toString('base64')}\n`), [known]))).toBe('ERR_NOTE_SIGNATURE');
    const short = Buffer.concat([sig.subarray(0, 4), sig.subarray(5)]).toString('base64');
    expect(codeOf(() => openNote(note.replace(/ [^ ]+\n$/, ` ${short}\n`), [known]))).toBe('ERR_NOTE_SIGNATURE');
    // A colliding name and key id with another public key must be verified, and fails.
    expect(codeOf(() => openNote(note, [{ ...known, publicKey: other.publicKey }]))).toBe('ERR_NOTE_SIGNATURE');
  });

  it('reports signatures by unlisted keys without trusting them', () => {
    const both = signNote('hello\n', [s, other]);
    const a = openNote(both, [known]);
    expect(a.verified.map((x) => x.name)).toEqual(['PeterNeumann']);
    expect(a.unverified.map((x) => x.name)).toEqual(['example.com/other']);
    expect(a.unverified[0]?.signature).toHaveLength(64);
    expect(openNote(both, [otherV]).verified.map((x) => x.name)).toEqual(['example.com/other']);
    expect(openNote(both, [known, otherV]).verified).toHaveLength(2);
  });

  it('any change to a signed note is refused', () => {
    const signed = utf8(signNote('example.com/log\n42\nAAAA\n', [s]));
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (i, x) => {
        const bad = Uint8Array.from(signed);
        const at = i % bad.length;
        bad[at] = (bad[at] as number) ^ x;
        expect(codeOf(() => openNote(bad, [known]))).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('signing', () => {
  const s = ed25519Signer('example.com/log', generateKeyPairSync('ed25519').privateKey);
  const v = parseVerifierKey(encodeVerifierKey(s.name, s.publicKey));

  it('round-trips any valid text', () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((l) => !/[\u0000-\u001f]/.test(l) && !l.startsWith('— '));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (ls) => {
        const text = `${ls.join('\n')}\n`;
        expect(openNote(signNote(text, [s]), [v]).text).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses text it cannot sign', () => {
    expect(codeOf(() => signNote('no newline', [s]))).toBe('ERR_MALFORMED_NOTE');
    expect(codeOf(() => signNote('', [s]))).toBe('ERR_MALFORMED_NOTE');
    expect(codeOf(() => signNote('a\r\n', [s]))).toBe('ERR_MALFORMED_NOTE');
    expect(codeOf(() => signNote('a\n— b c\n', [s]))).toBe('ERR_MALFORMED_NOTE');
    expect(codeOf(() => signNote('— b c\n', [s]))).toBe('ERR_MALFORMED_NOTE');
    expect(codeOf(() => signNote('a\n', []))).toBe('ERR_MALFORMED_NOTE');
    expect(codeOf(() => signNote('a\n', [{ ...s, name: 'bad name' }]))).toBe('ERR_MALFORMED_KEY');
    const mixedUp = { ...s, publicKey: ed25519Signer('x', generateKeyPairSync('ed25519').privateKey).publicKey };
    expect(codeOf(() => signNote('a\n', [mixedUp]))).toBe('ERR_MALFORMED_KEY');
  });
});

describe('keys', () => {
  const { vkey, signer } = vec('b');

  it.each([
    ['uppercase key id', vkey.replace('c74f20a3', 'C74F20A3')],
    ['wrong key id', vkey.replace('c74f20a3', 'c74f20a4')],
    ['short key id', vkey.replace('c74f20a3', 'c74f20a')],
    ['empty name', vkey.replace('PeterNeumann', '')],
    ['name with a space', vkey.replace('PeterNeumann', 'Peter Neumann')],
    ['extra plus', `x+${vkey}`],
    ['other algorithm', `PeterNeumann+c74f20a3+${toB64(Uint8Array.of(2, ...keyField(vkey, 2).subarray(1)))}`],
    ['short key', `PeterNeumann+c74f20a3+${toB64(keyField(vkey, 2).subarray(0, 32))}`],
    ['base64url instead of base64', vkey.replace('/', '_')],
    ['padding on an unpadded key', `${vkey}=`],
    ['whitespace', `${vkey}\n`],
  ])('parseVerifierKey refuses %s', (_, bad) => {
    expect(codeOf(() => parseVerifierKey(bad))).toBe('ERR_MALFORMED_KEY');
  });

  it('parseSignerKey refuses a bad key without echoing it', () => {
    const bad = (signer ?? '').replace('c74f20a3', 'c74f20a4');
    try {
      parseSignerKey(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LedgerError);
      expect((e as LedgerError).code).toBe('ERR_MALFORMED_KEY');
      expect((e as LedgerError).message).not.toContain(bad.split('+').slice(4).join('+'));
      expect((e as LedgerError).message).not.toContain('AYEKFALV');
    }
    expect(codeOf(() => parseSignerKey((signer ?? '').replace('PRIVATE', 'PUBLIC')))).toBe('ERR_MALFORMED_KEY');
  });

  it('refuses keys that are not Ed25519 private keys', () => {
    expect(codeOf(() => ed25519Signer('n', generateKeyPairSync('x25519').privateKey))).toBe('ERR_MALFORMED_KEY');
    expect(codeOf(() => ed25519Signer('n', generateKeyPairSync('ed25519').publicKey))).toBe('ERR_MALFORMED_KEY');
    expect(codeOf(() => ed25519SignerFromSeed('n', new Uint8Array(31)))).toBe('ERR_MALFORMED_KEY');
    expect(codeOf(() => encodeVerifierKey('n', new Uint8Array(31)))).toBe('ERR_MALFORMED_KEY');
  });

  it('knows valid key names', () => {
    for (const ok of ['example.com/foo', 'PeterNeumann', 'ünïcode/名前']) expect(isValidKeyName(ok)).toBe(true);
    for (const bad of ['', 'a b', 'a+b', 'a\u00a0b', 'a\u2028b', 'a\u0085b', 'a\u3000b', 'a\tb', 'a\u0001b', 'a\ud800']) expect(isValidKeyName(bad)).toBe(false);
  });
});
