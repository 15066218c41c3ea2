import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { refPath } from '../../../test/fixtures/merkle/reference.ts';
import { formatCheckpoint } from './checkpoint.ts';
import { type LedgerEntry, commitment, encodeEntry } from './entry.ts';
import { LedgerError } from './errors.ts';
import { leafHash, rootFromLeafHashes } from './merkle.ts';
import { type NoteSigner, ed25519Signer, encodeVerifierKey, signNote } from './note.ts';
import { type Receipt, makeReceipt, verifyReceipt } from './receipt.ts';

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof LedgerError) return e.code;
    throw e;
  }
}

const ORIGIN = 'comity.example/node-a';
const signer = ed25519Signer(ORIGIN, generateKeyPairSync('ed25519').privateKey);
const VKEY = encodeVerifierKey(signer.name, signer.publicKey);

const entryAt = (seq: number, over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  v: 1,
  seq,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
  node: ORIGIN,
  actor: `user:${seq % 3}`,
  action: 'case.update',
  object: { type: 'case', id: `C-${seq}` },
  commitment: commitment(new Uint8Array(16).fill(seq), { seq }),
  ...over,
});

/** An in-memory log of `size` leaves; `leafAt` overrides single leaves. */
function log(size: number, leafAt: Record<number, Uint8Array> = {}): { leaves: Uint8Array[]; hashes: Uint8Array[] } {
  const leaves = Array.from({ length: size }, (_, i) => leafAt[i] ?? encodeEntry(entryAt(i)));
  return { leaves, hashes: leaves.map(leafHash) };
}

/** A receipt for leaf `index` against a checkpoint of the first `cpSize` leaves, signed by `by`. */
function receiptFor(l: { leaves: Uint8Array[]; hashes: Uint8Array[] }, index: number, cpSize = l.leaves.length, by: NoteSigner = signer, origin = ORIGIN): Receipt {
  const tree = l.hashes.slice(0, cpSize);
  const checkpoint = signNote(formatCheckpoint({ origin, size: BigInt(cpSize), rootHash: rootFromLeafHashes(tree) }), [by]);
  return makeReceipt({ index, leaf: l.leaves[index] as Uint8Array, proof: refPath(index, tree), checkpoint });
}

const LOG = log(13);

describe('verifyReceipt', () => {
  it('verifies a receipt, also after a JSON round trip', () => {
    for (const i of [0, 5, 12]) {
      const r = receiptFor(LOG, i);
      const out = verifyReceipt(JSON.parse(JSON.stringify(r)), VKEY);
      expect(out).toEqual({ entry: entryAt(i), index: BigInt(i), size: 13n, origin: ORIGIN });
    }
  });

  it('refuses a tampered leaf', () => {
    const r = receiptFor(LOG, 5);
    const forged = Buffer.from(encodeEntry(entryAt(5, { actor: 'user:mallory' }))).toString('base64');
    expect(codeOf(() => verifyReceipt({ ...r, leaf: forged }, VKEY))).toBe('ERR_PROOF');
  });

  it('refuses a tampered proof', () => {
    const r = receiptFor(LOG, 5);
    const p = Buffer.from(r.proof[1] ?? '', 'base64');
    p[0] = (p[0] ?? 0) ^ 1;
    expect(codeOf(() => verifyReceipt({ ...r, proof: r.proof.map((x, i) => (i === 1 ? p.toString('base64') : x)) }, VKEY))).toBe('ERR_PROOF');
    expect(codeOf(() => verifyReceipt({ ...r, proof: r.proof.slice(1) }, VKEY))).toBe('ERR_PROOF');
    expect(codeOf(() => verifyReceipt({ ...r, proof: [...r.proof, r.proof[0]] }, VKEY))).toBe('ERR_PROOF');
  });

  it('refuses the wrong key', () => {
    const r = receiptFor(LOG, 5);
    const other = ed25519Signer(ORIGIN, generateKeyPairSync('ed25519').privateKey);
    expect(codeOf(() => verifyReceipt(r, encodeVerifierKey(other.name, other.publicKey)))).toBe('ERR_UNKNOWN_KEY');
    expect(codeOf(() => verifyReceipt(receiptFor(LOG, 5, 13, other), VKEY))).toBe('ERR_UNKNOWN_KEY');
    expect(codeOf(() => verifyReceipt(r, 'not a key'))).toBe('ERR_MALFORMED_KEY');
  });

  it('refuses a checkpoint whose origin is not the key name', () => {
    expect(codeOf(() => verifyReceipt(receiptFor(LOG, 5, 13, signer, 'comity.example/node-b'), VKEY))).toBe('ERR_MALFORMED_CHECKPOINT');
  });

  it('refuses the wrong index', () => {
    const r = receiptFor(LOG, 5);
    expect(codeOf(() => verifyReceipt({ ...r, index: '4' }, VKEY))).toBe('ERR_PROOF');
    expect(codeOf(() => verifyReceipt({ ...r, index: '13' }, VKEY))).toBe('ERR_PROOF');
  });

  it('refuses a proof for another tree size', () => {
    const r = receiptFor(LOG, 5);
    const smaller = receiptFor(LOG, 5, 9);
    expect(codeOf(() => verifyReceipt({ ...r, checkpoint: smaller.checkpoint }, VKEY))).toBe('ERR_PROOF');
    expect(verifyReceipt(smaller, VKEY).size).toBe(9n);
  });

  it('refuses a proven leaf that is not an entry of this log at this position', () => {
    expect(codeOf(() => verifyReceipt(receiptFor(log(4, { 2: new TextEncoder().encode('{"hello":1}') }), 2), VKEY))).toBe('ERR_MALFORMED_ENTRY');
    expect(codeOf(() => verifyReceipt(receiptFor(log(4, { 2: encodeEntry(entryAt(2, { node: 'comity.example/node-b' })) }), 2), VKEY))).toBe('ERR_MALFORMED_RECEIPT');
    expect(codeOf(() => verifyReceipt(receiptFor(log(4, { 2: encodeEntry(entryAt(3)) }), 2), VKEY))).toBe('ERR_MALFORMED_RECEIPT');
  });

  const good = receiptFor(LOG, 5);
  it.each([
    ['null', null],
    ['an array', [good]],
    ['a string', JSON.stringify(good)],
    ['an extra key', { ...good, extra: 1 }],
    ['a missing key', { v: 1, index: good.index, leaf: good.leaf, proof: good.proof }],
    ['another version', { ...good, v: 2 }],
    ['a numeric index', { ...good, index: 5 }],
    ['a padded index', { ...good, index: '05' }],
    ['a negative index', { ...good, index: '-5' }],
    ['an empty leaf', { ...good, leaf: '' }],
    ['a leaf with a newline', { ...good, leaf: `${good.leaf}\n` }],
    ['a leaf with a base64url character', { ...good, leaf: `_${good.leaf.slice(1)}` }],
    ['a proof that is not an array', { ...good, proof: good.proof.join(',') }],
    ['a short proof hash', { ...good, proof: [Buffer.alloc(31).toString('base64')] }],
    ['a non-string proof hash', { ...good, proof: [1] }],
    ['an overlong proof', { ...good, proof: Array.from({ length: 65 }, () => good.proof[0]) }],
    ['a checkpoint that is not a string', { ...good, checkpoint: null }],
  ])('refuses the shape of %s', (_, bad) => {
    expect(codeOf(() => verifyReceipt(bad, VKEY))).toBe('ERR_MALFORMED_RECEIPT');
  });
});
