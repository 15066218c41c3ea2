import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_LEAVES } from '../../../test/fixtures/merkle/reference.ts';
import { MAX_TREE_SIZE, formatCheckpoint, openCheckpoint, parseCheckpoint } from './checkpoint.ts';
import { LedgerError } from './errors.ts';
import { leafHash, rootFromLeafHashes } from './merkle.ts';
import { ed25519Signer, encodeVerifierKey, parseVerifierKey, signNote } from './note.ts';

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof LedgerError) return e.code;
    throw e;
  }
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Vector (c) of test/fixtures/signed-note/vectors.txt. */
const vectors = readFileSync(join(import.meta.dirname, '../../../test/fixtures/signed-note/vectors.txt'), 'utf8');
const sectionC = vectors.slice(vectors.indexOf('== c =='));
const VKEY_C = /^vkey: (.*)$/m.exec(sectionC)?.[1] ?? '';
const NOTE_C = `${sectionC.slice(sectionC.indexOf('note:\n') + 6).trimEnd()}\n`;

const ROOT = new Uint8Array(32).fill(7);

describe('vector c: a checkpoint of the RFC 6962 reference tree', () => {
  it('opens with its key and holds the 8-leaf reference root', () => {
    const cp = openCheckpoint(NOTE_C, parseVerifierKey(VKEY_C), 'example.com/rfc6962-test-tree');
    expect(cp.origin).toBe('example.com/rfc6962-test-tree');
    expect(cp.size).toBe(8n);
    expect(cp.extensions).toEqual([]);
    expect(hex(cp.rootHash)).toBe(hex(rootFromLeafHashes(REFERENCE_LEAVES.map(leafHash))));
    expect(hex(cp.rootHash)).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
    expect(formatCheckpoint(cp)).toBe(cp.note.text);
  });

  it('is refused under another expected origin or another key', () => {
    expect(codeOf(() => openCheckpoint(NOTE_C, parseVerifierKey(VKEY_C), 'example.com/other'))).toBe('ERR_MALFORMED_CHECKPOINT');
    const other = ed25519Signer('example.com/rfc6962-test-tree', generateKeyPairSync('ed25519').privateKey);
    expect(codeOf(() => openCheckpoint(NOTE_C, parseVerifierKey(encodeVerifierKey(other.name, other.publicKey))))).toBe('ERR_UNKNOWN_KEY');
    expect(codeOf(() => openCheckpoint(NOTE_C.replace('\n8\n', '\n9\n'), parseVerifierKey(VKEY_C)))).toBe('ERR_NOTE_SIGNATURE');
  });
});

describe('openCheckpoint', () => {
  const s = ed25519Signer('example.com/log', generateKeyPairSync('ed25519').privateKey);
  const v = parseVerifierKey(encodeVerifierKey(s.name, s.publicKey));

  it('requires the origin to be the key name', () => {
    const note = signNote(formatCheckpoint({ origin: 'example.com/another-log', size: 1n, rootHash: ROOT }), [s]);
    expect(codeOf(() => openCheckpoint(note, v))).toBe('ERR_MALFORMED_CHECKPOINT');
  });

  it('parses the body only after the signature verified', () => {
    const note = signNote('example.com/log\n01\nAAAA\n', [s]);
    expect(codeOf(() => openCheckpoint(note, v))).toBe('ERR_MALFORMED_CHECKPOINT');
    expect(codeOf(() => openCheckpoint(note.replace('01', '1'), v))).toBe('ERR_NOTE_SIGNATURE');
  });

  it('keeps extension lines', () => {
    const note = signNote(formatCheckpoint({ origin: s.name, size: 3n, rootHash: ROOT, extensions: ['a — b', 'x'] }), [s]);
    expect(openCheckpoint(note, v).extensions).toEqual(['a — b', 'x']);
  });
});

describe('format and parse', () => {
  const line = fc.string({ minLength: 1, maxLength: 30 }).filter((l) => l.isWellFormed() && !/[\u0000-\u001f]/.test(l) && !l.startsWith('— '));

  it('round-trip', () => {
    fc.assert(
      fc.property(line, fc.bigInt({ min: 0n, max: MAX_TREE_SIZE }), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.array(line, { maxLength: 3 }), (origin, size, rootHash, extensions) => {
        const text = formatCheckpoint({ origin, size, rootHash, extensions });
        expect(parseCheckpoint(text)).toEqual({ origin, size, rootHash, extensions });
      }),
    );
  });

  it('writes the C2SP layout', () => {
    expect(formatCheckpoint({ origin: 'o', size: 0n, rootHash: new Uint8Array(32) })).toBe('o\n0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n');
  });

  const good = formatCheckpoint({ origin: 'o', size: 12n, rootHash: ROOT });
  it.each([
    ['leading zero', good.replace('\n12\n', '\n012\n')],
    ['plus sign', good.replace('\n12\n', '\n+12\n')],
    ['negative', good.replace('\n12\n', '\n-12\n')],
    ['space', good.replace('\n12\n', '\n 12\n')],
    ['hex', good.replace('\n12\n', '\n0xc\n')],
    ['empty size', good.replace('\n12\n', '\n\n')],
    ['size 2^64', good.replace('\n12\n', `\n${2n ** 64n}\n`)],
    ['empty origin', good.replace(/^o/, '')],
    ['no final newline', good.slice(0, -1)],
    ['empty extension line', `${good}\n`],
    ['short root', formatCheckpoint({ origin: 'o', size: 1n, rootHash: ROOT }).replace(/\n[^\n]+\n$/, `\n${Buffer.alloc(31).toString('base64')}\n`)],
    ['non-canonical root', good.replace('Bwc=\n', 'Bwd=\n')],
    ['missing root', 'o\n12\n'],
    ['not text', 'o\n12\n\u0001\n'],
  ])('parseCheckpoint refuses %s', (_, bad) => {
    expect(codeOf(() => parseCheckpoint(bad))).toBe('ERR_MALFORMED_CHECKPOINT');
  });

  it('formatCheckpoint refuses what it could not parse back', () => {
    expect(codeOf(() => formatCheckpoint({ origin: '', size: 1n, rootHash: ROOT }))).toBe('ERR_MALFORMED_CHECKPOINT');
    expect(codeOf(() => formatCheckpoint({ origin: 'a\nb', size: 1n, rootHash: ROOT }))).toBe('ERR_MALFORMED_CHECKPOINT');
    expect(codeOf(() => formatCheckpoint({ origin: 'o', size: -1n, rootHash: ROOT }))).toBe('ERR_MALFORMED_CHECKPOINT');
    expect(codeOf(() => formatCheckpoint({ origin: 'o', size: MAX_TREE_SIZE + 1n, rootHash: ROOT }))).toBe('ERR_MALFORMED_CHECKPOINT');
    expect(codeOf(() => formatCheckpoint({ origin: 'o', size: 1n, rootHash: ROOT.subarray(1) }))).toBe('ERR_MALFORMED_CHECKPOINT');
    expect(codeOf(() => formatCheckpoint({ origin: 'o', size: 1n, rootHash: ROOT, extensions: [''] }))).toBe('ERR_MALFORMED_CHECKPOINT');
    expect(codeOf(() => formatCheckpoint({ origin: 'o', size: 1n, rootHash: ROOT, extensions: ['— x y'] }))).toBe('ERR_MALFORMED_CHECKPOINT');
  });
});
