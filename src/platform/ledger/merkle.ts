import { hash } from 'node:crypto';
import { LedgerError } from './errors.ts';

/**
 * The Merkle tree hash of RFC 9162 §2.1 (identical to RFC 6962 §2.1): leaves and interior nodes are hashed with
 * distinct prefixes so that a leaf can never be passed off as a node. Indices and sizes are `bigint` so that
 * trees beyond 2^32 and 2^53 leaves work the same. Verification throws `ERR_PROOF` for every kind of failure —
 * a caller needs to know that a proof failed, not which byte was wrong.
 */

/** Byte length of every hash (SHA-256). */
export const HASH_SIZE = 32;

/** SHA-256 of `prefix` ‖ the parts, in one `crypto.hash` call (cheaper than a Hash object's update/digest). */
function sha256(prefix: number | null, ...parts: Uint8Array[]): Uint8Array {
  let n = prefix === null ? 0 : 1;
  for (const p of parts) n += p.length;
  const buf = Buffer.allocUnsafe(n);
  let at = 0;
  if (prefix !== null) buf[at++] = prefix;
  for (const p of parts) {
    buf.set(p, at);
    at += p.length;
  }
  const d = hash('sha256', buf, 'buffer');
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}

/** MTH of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Uint8Array = sha256(null);

/** Hash of a leaf: SHA-256(0x00 ‖ leaf). */
export function leafHash(leaf: Uint8Array): Uint8Array {
  return sha256(0, leaf);
}

/** Hash of an interior node: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(1, left, right);
}

/** Byte-wise equality (hashes are public, so no constant-time comparison is needed). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * MTH(D[n]) of RFC 9162 §2.1.1 from the leaf hashes, computed left to right with a stack of complete subtrees
 * (the same tree as the recursion that splits at the largest power of two below n). Empty input gives EMPTY_ROOT.
 */
export function rootFromLeafHashes(hashes: readonly Uint8Array[]): Uint8Array {
  const stack: Array<{ level: number; hash: Uint8Array }> = [];
  for (const h of hashes) {
    let top = { level: 0, hash: h };
    for (let prev = stack.at(-1); prev !== undefined && prev.level === top.level; prev = stack.at(-1)) {
      stack.pop();
      top = { level: top.level + 1, hash: nodeHash(prev.hash, top.hash) };
    }
    stack.push(top);
  }
  let root: Uint8Array | undefined;
  for (let i = stack.length - 1; i >= 0; i--) {
    const entry = stack[i];
    if (entry !== undefined) root = root === undefined ? entry.hash : nodeHash(entry.hash, root);
  }
  return root ?? EMPTY_ROOT;
}

function fail(why: string): never {
  throw new LedgerError('ERR_PROOF', why);
}

function requireHash(h: Uint8Array, what: string): void {
  if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) fail(`${what} is not a ${HASH_SIZE}-byte hash`);
}

/**
 * The root that an inclusion proof implies for `leafHash` at `index` in a tree of `size` leaves (RFC 9162
 * §2.1.3.2), without comparing it to anything. Use `verifyInclusion` unless you need the root itself.
 * @throws LedgerError `ERR_PROOF` when index ≥ size, a hash is not 32 bytes or the proof has the wrong length.
 */
export function rootFromInclusionProof(index: bigint, size: bigint, leaf: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  if (index < 0n || index >= size) fail('leaf index is outside the tree');
  requireHash(leaf, 'leaf hash');
  for (const p of proof) requireHash(p, 'proof element');
  let fn = index;
  let sn = size - 1n;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) fail('proof is too long');
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) fail('proof is too short');
  return r;
}

/**
 * Checks that `leafHash` is the leaf at `index` of the tree of `size` leaves whose root is `root`
 * (RFC 9162 §2.1.3.2).
 * @throws LedgerError `ERR_PROOF` on any failure: index ≥ size, a hash that is not 32 bytes, a proof of the wrong
 * length, or a root that does not match.
 */
export function verifyInclusion(index: bigint, size: bigint, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): void {
  requireHash(root, 'root');
  if (!equalBytes(rootFromInclusionProof(index, size, leaf, proof), root)) fail('inclusion proof does not lead to the root');
}

/**
 * Checks that the tree of `size2` leaves with root `root2` extends the tree of `size1` leaves with root `root1`
 * (RFC 9162 §2.1.4.2).
 *
 * A proof from size 0 is refused: every tree extends the empty tree, so such a "proof" proves nothing and is
 * almost certainly a caller's mistake. For size1 = size2 the proof must be empty and the roots equal (they are
 * compared as given: nothing is hashed). Otherwise every hash must be 32 bytes.
 * @throws LedgerError `ERR_PROOF` on any failure.
 */
export function verifyConsistency(
  size1: bigint,
  size2: bigint,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  if (size1 <= 0n) fail('a consistency proof must start from a non-empty tree');
  if (size2 < size1) fail('the second tree is smaller than the first');
  if (size1 === size2) {
    if (proof.length !== 0) fail('trees of equal size need an empty proof');
    if (!equalBytes(root1, root2)) fail('trees of equal size have different roots');
    return;
  }
  requireHash(root1, 'first root');
  requireHash(root2, 'second root');
  for (const p of proof) requireHash(p, 'proof element');
  if (proof.length === 0) fail('empty consistency proof');
  const path = (size1 & (size1 - 1n)) === 0n ? [root1, ...proof] : [...proof];
  let fn = size1 - 1n;
  let sn = size2 - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  const [first, ...rest] = path;
  if (first === undefined) fail('empty consistency proof');
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0n) fail('proof is too long');
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) fail('proof is too short');
  if (!equalBytes(fr, root1)) fail('consistency proof does not lead to the first root');
  if (!equalBytes(sr, root2)) fail('consistency proof does not lead to the second root');
}
