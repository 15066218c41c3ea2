import { LedgerError } from './errors.ts';
import { EMPTY_ROOT, HASH_SIZE, nodeHash } from './merkle.ts';

/**
 * Proof planning over stored complete subtrees. The store keeps the hash of every complete aligned subtree —
 * node (level L, index i) covers leaves [i·2^L, (i+1)·2^L) — and never recomputes a tree. This module says which
 * leaf ranges make up an inclusion or consistency proof (RFC 9162 §2.1.3.1 PATH and §2.1.4.1 SUBPROOF), which
 * stored nodes make up each range, and how an append changes the right edge of the tree. It does no I/O: the
 * store fetches the hashes and combines them with `hashOfDecomposition`.
 */

/** A half-open range of leaf indices [start, end). */
export type Range = { start: bigint; end: bigint };

/** A complete aligned subtree: level L, index i covers leaves [i·2^L, (i+1)·2^L). */
export type NodeId = { level: number; index: bigint };

/** Hashes of the complete subtrees on the right edge of a tree of size n: one per set bit of n, largest first. */
export type Frontier = Uint8Array[];

function rangeError(why: string): never {
  throw new LedgerError('ERR_RANGE', why);
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** The largest power of two strictly below n (n ≥ 2). */
function splitPoint(n: bigint): bigint {
  return 1n << BigInt(bitLength(n - 1n) - 1);
}

function popCount(n: bigint): number {
  let c = 0;
  for (let x = n; x > 0n; x >>= 1n) c += Number(x & 1n);
  return c;
}

/**
 * The ranges whose MTH are the elements of the inclusion proof for leaf `index` in a tree of `size` leaves, in
 * proof order (RFC 9162 PATH: from the leaf's sibling up to the root's other child).
 * @throws LedgerError `ERR_RANGE` unless 0 ≤ index < size.
 */
export function inclusionPlan(index: bigint, size: bigint): Range[] {
  if (index < 0n || index >= size) rangeError('leaf index is outside the tree');
  const out: Range[] = [];
  let lo = 0n;
  let hi = size;
  while (hi - lo > 1n) {
    const mid = lo + splitPoint(hi - lo);
    if (index < mid) {
      out.push({ start: mid, end: hi });
      hi = mid;
    } else {
      out.push({ start: lo, end: mid });
      lo = mid;
    }
  }
  return out.reverse();
}

/**
 * The ranges whose MTH are the elements of the consistency proof from `size1` to `size2`, in proof order
 * (RFC 9162 PROOF = SUBPROOF(m, D[n], true)). Empty when size1 = size2.
 * @throws LedgerError `ERR_RANGE` unless 1 ≤ size1 ≤ size2 (a proof from the empty tree is meaningless).
 */
export function consistencyPlan(size1: bigint, size2: bigint): Range[] {
  if (size1 < 1n || size1 > size2) rangeError('consistency proofs need 1 ≤ size1 ≤ size2');
  const out: Range[] = [];
  let lo = 0n;
  let hi = size2;
  let whole = true; // SUBPROOF's b: true while the current subtree starts the old tree's left edge
  for (;;) {
    if (size1 === hi) {
      if (!whole) out.push({ start: lo, end: hi });
      break;
    }
    const mid = lo + splitPoint(hi - lo);
    if (size1 <= mid) {
      out.push({ start: mid, end: hi });
      hi = mid;
    } else {
      out.push({ start: lo, end: mid });
      lo = mid;
      whole = false;
    }
  }
  return out.reverse();
}

/**
 * The complete aligned subtrees whose hashes, folded right to left with `hashOfDecomposition`, give the MTH of
 * `range`: the binary expansion of its length, largest first. Every range of a plan qualifies (it is either a
 * complete aligned subtree or [start, size) with start aligned to its largest part).
 * @throws LedgerError `ERR_RANGE` when the range is empty or a part would not be aligned.
 */
export function decompose(range: Range): NodeId[] {
  const { start, end } = range;
  if (start < 0n || end <= start) rangeError('empty or negative range');
  const out: NodeId[] = [];
  let pos = start;
  for (let level = bitLength(end - start) - 1; level >= 0; level--) {
    const width = 1n << BigInt(level);
    if (((end - start) & width) === 0n) continue;
    if (pos % width !== 0n) rangeError('range is not made of aligned subtrees');
    out.push({ level, index: pos / width });
    pos += width;
  }
  return out;
}

/**
 * MTH of a range from the hashes of its decomposition (left to right): h = nodeHash(h_{k-1}, h_k), then leftwards.
 * @throws LedgerError `ERR_RANGE` when `hashes` is empty or holds something other than 32-byte hashes.
 */
export function hashOfDecomposition(hashes: readonly Uint8Array[]): Uint8Array {
  let acc: Uint8Array | undefined;
  for (let i = hashes.length - 1; i >= 0; i--) {
    const h = hashes[i];
    if (h === undefined || h.length !== HASH_SIZE) rangeError('not a 32-byte hash');
    acc = acc === undefined ? h : nodeHash(h, acc);
  }
  if (acc === undefined) rangeError('no hashes to combine');
  return acc;
}

/** The nodes of the right edge of a tree of `size` leaves, largest first: where a store loads its `Frontier`. */
export function frontierNodes(size: bigint): NodeId[] {
  if (size < 0n) rangeError('negative tree size');
  return size === 0n ? [] : decompose({ start: 0n, end: size });
}

/**
 * The nodes of level ≥ 1 that become complete when leaf `index` is appended, lowest level first.
 * @throws LedgerError `ERR_RANGE` when index < 0.
 */
export function completedNodes(index: bigint): NodeId[] {
  if (index < 0n) rangeError('negative leaf index');
  const out: NodeId[] = [];
  const size = index + 1n;
  for (let level = 1; size % (1n << BigInt(level)) === 0n; level++) {
    out.push({ level, index: (size >> BigInt(level)) - 1n });
  }
  return out;
}

/**
 * Appends one leaf to the right edge of a tree of `size` leaves. Returns the new frontier and every node that the
 * append completes, the leaf itself (level 0) first, then upwards — exactly the rows a store must insert.
 * @throws LedgerError `ERR_RANGE` when the frontier does not have one 32-byte hash per set bit of `size`.
 */
export function appendToFrontier(
  frontier: Frontier,
  size: bigint,
  leafHash: Uint8Array,
): { frontier: Frontier; newNodes: Array<NodeId & { hash: Uint8Array }> } {
  if (size < 0n || frontier.length !== popCount(size)) rangeError('frontier does not match the tree size');
  if (leafHash.length !== HASH_SIZE || frontier.some((h) => h.length !== HASH_SIZE)) rangeError('not a 32-byte hash');
  const next = frontier.slice();
  let hash = leafHash;
  let level = 0;
  let index = size;
  const newNodes = [{ level, index, hash }];
  while (((size >> BigInt(level)) & 1n) === 1n) {
    const left = next.pop();
    if (left === undefined) rangeError('frontier does not match the tree size');
    hash = nodeHash(left, hash);
    level += 1;
    index >>= 1n;
    newNodes.push({ level, index, hash });
  }
  next.push(hash);
  return { frontier: next, newNodes };
}

/** The root of the tree whose right edge is `frontier` (EMPTY_ROOT for the empty tree). */
export function rootFromFrontier(frontier: Frontier): Uint8Array {
  return frontier.length === 0 ? EMPTY_ROOT : hashOfDecomposition(frontier);
}
