import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ConsistencyProbe,
  type InclusionProbe,
  REFERENCE_LEAVES,
  loadProbes,
  probeBytes,
  refLeafHash,
  refMth,
  refPath,
  refProof,
} from '../../../test/fixtures/merkle/reference.ts';
import { LedgerError } from './errors.ts';
import { EMPTY_ROOT, equalBytes, leafHash, nodeHash, rootFromInclusionProof, rootFromLeafHashes, verifyConsistency, verifyInclusion } from './merkle.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const fromHex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));

/** Runs `f` and returns the LedgerError code it threw, or null. Any other exception fails the test. */
function codeOf(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof LedgerError) return e.code;
    throw e;
  }
}

describe('RFC 6962 probes (transparency-dev/merkle testdata)', () => {
  const inclusion = loadProbes<InclusionProbe>('inclusion');
  const consistency = loadProbes<ConsistencyProbe>('consistency');

  it('finds the probes', () => {
    expect(inclusion.length).toBeGreaterThan(60);
    expect(consistency.length).toBeGreaterThan(80);
  });

  it.each(inclusion)('inclusion $file', ({ probe: p }) => {
    const got = codeOf(() =>
      verifyInclusion(BigInt(p.leafIdx), BigInt(p.treeSize), probeBytes(p.leafHash), (p.proof ?? []).map(probeBytes), probeBytes(p.root)),
    );
    expect(got).toBe(p.wantErr ? 'ERR_PROOF' : null);
  });

  it.each(consistency)('consistency $file', ({ probe: p }) => {
    const got = codeOf(() =>
      verifyConsistency(BigInt(p.size1), BigInt(p.size2), (p.proof ?? []).map(probeBytes), probeBytes(p.root1), probeBytes(p.root2)),
    );
    expect(got).toBe(p.wantErr ? 'ERR_PROOF' : null);
  });
});

describe('the reference tree', () => {
  const hashes = REFERENCE_LEAVES.map(leafHash);
  // Roots of sizes 1…8 as published with the RFC 6962 reference tree (transparency-dev/merkle proof tests).
  const PUBLISHED = [
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
    '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
    'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
    '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  ];

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8])('root of size %i', (n) => {
    const root = rootFromLeafHashes(hashes.slice(0, n));
    expect(hex(root)).toBe(hex(refMth(REFERENCE_LEAVES.slice(0, n).map(refLeafHash))));
    expect(hex(root)).toBe(PUBLISHED[n]);
  });

  it('pins the empty root and the leaf/node prefixes', () => {
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(leafHash(new Uint8Array()))).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    const [a, b] = hashes;
    if (a === undefined || b === undefined) throw new Error('reference leaves missing');
    expect(hex(nodeHash(a, b))).toBe(PUBLISHED[2]);
  });

  it('verifies every inclusion and consistency proof of the reference tree', () => {
    for (let n = 1; n <= 8; n++) {
      const tree = hashes.slice(0, n);
      const root = rootFromLeafHashes(tree);
      for (let m = 0; m < n; m++) {
        const leaf = tree[m] as Uint8Array;
        verifyInclusion(BigInt(m), BigInt(n), leaf, refPath(m, tree), root);
        expect(hex(rootFromInclusionProof(BigInt(m), BigInt(n), leaf, refPath(m, tree)))).toBe(hex(root));
      }
      for (let m = 1; m <= n; m++) verifyConsistency(BigInt(m), BigInt(n), refProof(m, tree), rootFromLeafHashes(hashes.slice(0, m)), root);
    }
  });
});

describe('edge cases the probes do not cover', () => {
  const h = (x: number): Uint8Array => leafHash(Uint8Array.of(x));

  it('refuses a consistency proof from size 0 even between empty trees', () => {
    expect(codeOf(() => verifyConsistency(0n, 0n, [], EMPTY_ROOT, EMPTY_ROOT))).toBe('ERR_PROOF');
    expect(codeOf(() => verifyConsistency(0n, 5n, [], EMPTY_ROOT, h(1)))).toBe('ERR_PROOF');
  });

  it('refuses hashes that are not 32 bytes', () => {
    const tree = [h(1), h(2), h(3)];
    const root = rootFromLeafHashes(tree);
    const longer = (b: Uint8Array): Uint8Array => Uint8Array.of(...b, 0);
    expect(codeOf(() => verifyInclusion(0n, 3n, tree[0] as Uint8Array, refPath(0, tree), longer(root)))).toBe('ERR_PROOF');
    expect(codeOf(() => verifyInclusion(0n, 3n, longer(tree[0] as Uint8Array), refPath(0, tree), root))).toBe('ERR_PROOF');
    expect(codeOf(() => verifyInclusion(0n, 3n, tree[0] as Uint8Array, refPath(0, tree).map(longer), root))).toBe('ERR_PROOF');
    const p = refProof(2, tree);
    expect(codeOf(() => verifyConsistency(2n, 3n, p.map(longer), rootFromLeafHashes(tree.slice(0, 2)), root))).toBe('ERR_PROOF');
  });

  it('refuses negative indices and index ≥ size', () => {
    expect(codeOf(() => rootFromInclusionProof(-1n, 1n, h(1), []))).toBe('ERR_PROOF');
    expect(codeOf(() => rootFromInclusionProof(1n, 1n, h(1), []))).toBe('ERR_PROOF');
    expect(codeOf(() => rootFromInclusionProof(0n, 0n, h(1), []))).toBe('ERR_PROOF');
  });

  it('computes roots of larger trees like the literal recursion', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => h(i % 256));
    for (const n of [9, 15, 16, 17, 31, 33, 100, 255, 256, 257, 300]) {
      expect(hex(rootFromLeafHashes(leaves.slice(0, n)))).toBe(hex(refMth(leaves.slice(0, n))));
    }
  });

  it('equalBytes compares length and content', () => {
    expect(equalBytes(fromHex('0102'), fromHex('0102'))).toBe(true);
    expect(equalBytes(fromHex('0102'), fromHex('0103'))).toBe(false);
    expect(equalBytes(fromHex('0102'), fromHex('010200'))).toBe(false);
  });
});

// ── properties: valid proofs verify, every mutation of a proof fails ─────────────────────────────────────────────

const leafArb = fc.uint8Array({ minLength: 0, maxLength: 8 });
const treeArb = fc.array(leafArb, { minLength: 1, maxLength: 70 }).map((ls) => ls.map(leafHash));

type Mutation = { kind: 'flip'; at: number; bit: number } | { kind: 'drop'; at: number } | { kind: 'add'; at: number; extra: Uint8Array } | { kind: 'swap'; a: number; b: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), extra: fc.uint8Array({ minLength: 32, maxLength: 32 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);

/** Applies a mutation; returns null when it would leave the proof unchanged (e.g. swapping equal hashes). */
function mutate(proof: readonly Uint8Array[], m: Mutation): Uint8Array[] | null {
  const p: Uint8Array[] = proof.map((x) => Uint8Array.from(x));
  switch (m.kind) {
    case 'flip': {
      if (p.length === 0) return null;
      const el = p[m.at % p.length] as Uint8Array;
      el[m.bit >> 3] = (el[m.bit >> 3] as number) ^ (1 << (m.bit & 7));
      return p;
    }
    case 'drop':
      if (p.length === 0) return null;
      p.splice(m.at % p.length, 1);
      return p;
    case 'add':
      p.splice(m.at % (p.length + 1), 0, m.extra);
      return p;
    case 'swap': {
      if (p.length < 2) return null;
      const a = m.a % p.length;
      const b = m.b % p.length;
      if (equalBytes(p[a] as Uint8Array, p[b] as Uint8Array)) return null;
      [p[a], p[b]] = [p[b] as Uint8Array, p[a] as Uint8Array];
      return p;
    }
  }
}

describe('properties', () => {
  it('a valid inclusion proof verifies and every mutated one fails', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), mutationArb, (tree, i, mut) => {
        const m = i % tree.length;
        const root = rootFromLeafHashes(tree);
        const proof = refPath(m, tree);
        const leaf = tree[m] as Uint8Array;
        verifyInclusion(BigInt(m), BigInt(tree.length), leaf, proof, root);
        const bad = mutate(proof, mut);
        if (bad !== null) expect(codeOf(() => verifyInclusion(BigInt(m), BigInt(tree.length), leaf, bad, root))).toBe('ERR_PROOF');
      }),
      { numRuns: 300 },
    );
  });

  it('a valid consistency proof verifies and every mutated one fails', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), mutationArb, (tree, i, mut) => {
        const m = 1 + (i % tree.length);
        const root1 = rootFromLeafHashes(tree.slice(0, m));
        const root2 = rootFromLeafHashes(tree);
        const proof = refProof(m, tree);
        verifyConsistency(BigInt(m), BigInt(tree.length), proof, root1, root2);
        const bad = mutate(proof, mut);
        if (bad !== null) expect(codeOf(() => verifyConsistency(BigInt(m), BigInt(tree.length), bad, root1, root2))).toBe('ERR_PROOF');
      }),
      { numRuns: 300 },
    );
  });

  it('a valid proof never verifies another leaf or another root', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.uint8Array({ minLength: 32, maxLength: 32 }), (tree, i, other) => {
        const m = i % tree.length;
        const root = rootFromLeafHashes(tree);
        const proof = refPath(m, tree);
        const leaf = tree[m] as Uint8Array;
        fc.pre(!equalBytes(other, leaf) && !equalBytes(other, root));
        expect(codeOf(() => verifyInclusion(BigInt(m), BigInt(tree.length), other, proof, root))).toBe('ERR_PROOF');
        expect(codeOf(() => verifyInclusion(BigInt(m), BigInt(tree.length), leaf, proof, other))).toBe('ERR_PROOF');
      }),
      { numRuns: 200 },
    );
  });
});
