import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refMth, refPath, refProof } from '../../../test/fixtures/merkle/reference.ts';
import { LedgerError } from './errors.ts';
import { leafHash, nodeHash, rootFromLeafHashes, verifyConsistency, verifyInclusion } from './merkle.ts';
import {
  type NodeId,
  type Range,
  appendToFrontier,
  completedNodes,
  consistencyPlan,
  decompose,
  frontierNodes,
  hashOfDecomposition,
  inclusionPlan,
  rootFromFrontier,
} from './plan.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const key = (n: NodeId): string => `${n.level}:${n.index}`;

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof LedgerError) return e.code;
    throw e;
  }
}

/** Every complete aligned subtree of a tree, by "level:index", computed bottom-up (what the store keeps). */
function allSubtrees(leaves: readonly Uint8Array[]): Map<string, Uint8Array> {
  const m = new Map<string, Uint8Array>();
  let level: Uint8Array[] = [...leaves];
  for (let l = 0; level.length > 0; l++) {
    level.forEach((h, i) => m.set(`${l}:${i}`, h));
    const up: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) up.push(nodeHash(level[i] as Uint8Array, level[i + 1] as Uint8Array));
    level = up;
  }
  return m;
}

/** A proof assembled the way the store does: plan → decompose → fetch → combine. */
function assemble(plan: readonly Range[], fetch: (n: NodeId) => Uint8Array): Uint8Array[] {
  return plan.map((r) => hashOfDecomposition(decompose(r).map(fetch)));
}

const treeArb = fc.array(fc.uint8Array({ maxLength: 4 }), { minLength: 1, maxLength: 130 }).map((ls) => ls.map(leafHash));

describe('plans against the literal RFC recursion', () => {
  it('pins small plans', () => {
    expect(inclusionPlan(2n, 5n)).toEqual([
      { start: 3n, end: 4n },
      { start: 0n, end: 2n },
      { start: 4n, end: 5n },
    ]);
    expect(inclusionPlan(0n, 1n)).toEqual([]);
    expect(consistencyPlan(6n, 8n)).toEqual([
      { start: 4n, end: 6n },
      { start: 6n, end: 8n },
      { start: 0n, end: 4n },
    ]);
    expect(consistencyPlan(4n, 8n)).toEqual([{ start: 4n, end: 8n }]);
    expect(consistencyPlan(3n, 3n)).toEqual([]);
    expect(decompose({ start: 8n, end: 15n })).toEqual([
      { level: 2, index: 2n },
      { level: 1, index: 6n },
      { level: 0, index: 14n },
    ]);
  });

  it('inclusion proofs from stored subtrees equal PATH and verify', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), (tree, i) => {
        const m = i % tree.length;
        const nodes = allSubtrees(tree);
        const plan = inclusionPlan(BigInt(m), BigInt(tree.length));
        for (const r of plan) expect(hex(hashOfDecomposition(decompose(r).map((n) => nodes.get(key(n)) as Uint8Array)))).toBe(hex(refMth(tree.slice(Number(r.start), Number(r.end)))));
        const proof = assemble(plan, (n) => nodes.get(key(n)) as Uint8Array);
        expect(proof.map(hex)).toEqual(refPath(m, tree).map(hex));
        verifyInclusion(BigInt(m), BigInt(tree.length), tree[m] as Uint8Array, proof, rootFromLeafHashes(tree));
      }),
      { numRuns: 300 },
    );
  });

  it('consistency proofs from stored subtrees equal PROOF and verify', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), (tree, i) => {
        const m = 1 + (i % tree.length);
        const nodes = allSubtrees(tree);
        const proof = assemble(consistencyPlan(BigInt(m), BigInt(tree.length)), (n) => nodes.get(key(n)) as Uint8Array);
        expect(proof.map(hex)).toEqual(refProof(m, tree).map(hex));
        verifyConsistency(BigInt(m), BigInt(tree.length), proof, rootFromLeafHashes(tree.slice(0, m)), rootFromLeafHashes(tree));
      }),
      { numRuns: 300 },
    );
  });
});

describe('append path', () => {
  it('reproduces every root up to 300 leaves and emits exactly the completed subtrees', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => leafHash(Uint8Array.of(i & 255, i >> 8)));
    const stored = new Map<string, Uint8Array>();
    let frontier: Uint8Array[] = [];
    expect(hex(rootFromFrontier(frontier))).toBe(hex(rootFromLeafHashes([])));
    for (let n = 0; n < leaves.length; n++) {
      const r = appendToFrontier(frontier, BigInt(n), leaves[n] as Uint8Array);
      frontier = r.frontier;
      expect(r.newNodes.map(({ level, index }) => ({ level, index }))).toEqual([{ level: 0, index: BigInt(n) }, ...completedNodes(BigInt(n))]);
      for (const node of r.newNodes) {
        expect(stored.has(key(node))).toBe(false);
        stored.set(key(node), node.hash);
      }
      const prefix = leaves.slice(0, n + 1);
      expect(hex(rootFromFrontier(frontier))).toBe(hex(rootFromLeafHashes(prefix)));
      expect(frontier.map(hex)).toEqual(frontierNodes(BigInt(n + 1)).map((f) => hex(stored.get(key(f)) as Uint8Array)));
    }
    const expected = allSubtrees(leaves);
    expect(stored.size).toBe(expected.size);
    for (const [k, h] of expected) expect(hex(stored.get(k) as Uint8Array)).toBe(hex(h));
  });
});

// ── trees far beyond 2^32 and 2^53: a virtual tree whose complete subtrees away from the cut points are opaque ──

const sha = (s: string): Uint8Array => new Uint8Array(createHash('sha256').update(s).digest());

function virtualTree(cuts: readonly bigint[]): (lo: bigint, hi: bigint) => Uint8Array {
  const memo = new Map<string, Uint8Array>();
  const mth = (lo: bigint, hi: bigint): Uint8Array => {
    const n = hi - lo;
    if (n === 1n) return leafHash(new TextEncoder().encode(`leaf ${lo}`));
    const id = `${lo}:${hi}`;
    const known = memo.get(id);
    if (known) return known;
    let h: Uint8Array;
    if ((n & (n - 1n)) === 0n && lo % n === 0n && !cuts.some((c) => lo < c && c < hi)) h = sha(`subtree ${lo} ${hi}`);
    else {
      let k = 1n;
      while (k * 2n < n) k *= 2n;
      h = nodeHash(mth(lo, lo + k), mth(lo + k, hi));
    }
    memo.set(id, h);
    return h;
  };
  return mth;
}

const nodeRange = (n: NodeId): [bigint, bigint] => [n.index << BigInt(n.level), (n.index + 1n) << BigInt(n.level)];
const bigSize = fc.constantFrom(2n ** 32n + 5n, 2n ** 53n + 3n, 2n ** 63n, 2n ** 64n - 1n, 2n ** 64n + 12345n).chain((s) => fc.tuple(fc.constant(s), fc.bigInt({ min: 0n, max: s - 1n })));

describe('bigint trees', () => {
  it('inclusion plans verify in trees beyond 2^53', () => {
    fc.assert(
      fc.property(bigSize, ([size, index]) => {
        const mth = virtualTree([index, index + 1n]);
        const plan = inclusionPlan(index, size);
        for (const r of plan) expect(hex(hashOfDecomposition(decompose(r).map((n) => mth(...nodeRange(n)))))).toBe(hex(mth(r.start, r.end)));
        const proof = assemble(plan, (n) => mth(...nodeRange(n)));
        verifyInclusion(index, size, mth(index, index + 1n), proof, mth(0n, size));
        expect(codeOf(() => verifyInclusion(index ^ 1n, size, mth(index, index + 1n), proof, mth(0n, size)))).toBe('ERR_PROOF');
      }),
      { numRuns: 60 },
    );
  });

  it('consistency plans verify in trees beyond 2^53', () => {
    fc.assert(
      fc.property(bigSize, ([size2, s]) => {
        const size1 = s + 1n;
        const mth = virtualTree([size1]);
        const proof = assemble(consistencyPlan(size1, size2), (n) => mth(...nodeRange(n)));
        verifyConsistency(size1, size2, proof, mth(0n, size1), mth(0n, size2));
      }),
      { numRuns: 60 },
    );
  });

  it('completes the right nodes far out', () => {
    expect(completedNodes(2n ** 60n - 1n).length).toBe(60);
    expect(completedNodes(2n ** 60n - 1n).at(-1)).toEqual({ level: 60, index: 0n });
    expect(completedNodes(2n ** 60n)).toEqual([]);
    expect(frontierNodes(2n ** 64n + 3n)).toEqual([
      { level: 64, index: 0n },
      { level: 1, index: 2n ** 63n },
      { level: 0, index: 2n ** 64n + 2n },
    ]);
  });
});

describe('refusals', () => {
  it('throws ERR_RANGE for impossible requests', () => {
    const h = leafHash(new Uint8Array());
    expect(codeOf(() => inclusionPlan(5n, 5n))).toBe('ERR_RANGE');
    expect(codeOf(() => inclusionPlan(-1n, 5n))).toBe('ERR_RANGE');
    expect(codeOf(() => consistencyPlan(0n, 5n))).toBe('ERR_RANGE');
    expect(codeOf(() => consistencyPlan(6n, 5n))).toBe('ERR_RANGE');
    expect(codeOf(() => decompose({ start: 3n, end: 3n }))).toBe('ERR_RANGE');
    expect(codeOf(() => decompose({ start: 1n, end: 3n }))).toBe('ERR_RANGE');
    expect(codeOf(() => hashOfDecomposition([]))).toBe('ERR_RANGE');
    expect(codeOf(() => hashOfDecomposition([Uint8Array.of(1)]))).toBe('ERR_RANGE');
    expect(codeOf(() => appendToFrontier([], 1n, h))).toBe('ERR_RANGE');
    expect(codeOf(() => appendToFrontier([h], 3n, h))).toBe('ERR_RANGE');
    expect(codeOf(() => appendToFrontier([h], 1n, Uint8Array.of(1)))).toBe('ERR_RANGE');
    expect(codeOf(() => completedNodes(-1n))).toBe('ERR_RANGE');
  });
});
