import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { commitment, entryText, validateEntry, type LedgerEntry } from './entry.ts';
import { batchHashesLength, type NativeVerifier } from './native.ts';

export { entryText };

/**
 * The part of full verification that needs no global state: every check of the leaves [start, end) of a tree and
 * of the stored subtree hashes that lie wholly inside that range. `verifyLedger` runs it over the whole ledger in
 * ranges of 2^K leaves (K = its chunk level), in this thread or in worker threads (`verify-worker.ts`), and folds
 * the subtree roots each range returns into the tree; see `verify.ts`.
 *
 * A range starts at a multiple of 2^K and holds at most 2^K leaves, so the complete aligned subtrees inside it are
 * exactly those its leaves complete up to level K, which this module recomputes with a local stack; the subtrees
 * above level K and the checkpoints are checked by the caller from the roots returned here.
 *
 * "First bad index" is decided as the sequential algorithm always decided it: the smallest index wins; at one
 * index, a defect of the entry itself comes first (its subtrees are then never computed), then a wrong or missing
 * stored subtree hash completed by that entry (the lowest level first), then a checkpoint at the size after it.
 */

/** One row of `ledger_entries`. */
export interface LeafRow {
  idx: number;
  leaf: string;
  leafHash: string;
  action: string;
  objectType: string;
  objectId: string;
}

/** One row of `ledger_details`: salt (hex) and details (JCS text) until erased. */
export interface DetailsRow {
  idx: number;
  salt: string | null;
  details: string | null;
  erased: boolean;
}

/** One stored subtree hash (hex) of a level. */
export interface StoredNode {
  idx: number;
  hash: string;
}

type Maybe<T> = T | Promise<T>;

/**
 * A batch of consecutive rows as one value per table, for the native check (`native.ts`). It need not say how many
 * rows it holds: idx is unique and an integer, so a range of n indices holds at most n rows, and the check
 * requires exactly n records of each.
 */
export interface PackedBatch {
  /** UTF-8 records `leaf_hash \t action \t object_type \t object_id \t leaf`, joined by `\n`, by idx. */
  rec: Uint8Array;
  /** UTF-8 records `erased (0|1) \t salt \t details`, joined by `\n`, by idx (null columns as empty text). */
  det: Uint8Array;
}

/** Where a range verification reads its rows: the ledger tables, in index order. */
export interface VerifySource {
  /** Entries with start ≤ idx < end, by idx. */
  entries(start: number, end: number): Maybe<LeafRow[]>;
  /** Details rows with start ≤ idx < end, by idx. */
  details(start: number, end: number): Maybe<DetailsRow[]>;
  /** Stored subtree hashes of `level` with lo ≤ idx ≤ hi, by idx. */
  nodes(level: number, lo: number, hi: number): Maybe<StoredNode[]>;
  /** Entries and details rows with start ≤ idx < end, packed (sources that support the native check). */
  packed?(start: number, end: number): Maybe<PackedBatch>;
  /** The stored subtree hashes of `level` with lo ≤ idx ≤ hi, by idx, concatenated as UTF-8 text. */
  packedNodes?(level: number, lo: number, hi: number): Maybe<Uint8Array>;
  /**
   * The bytes a packed read returned are no longer needed: a source whose reads return memory of their own frees it
   * at once, instead of leaving it to the garbage collector (a batch is megabytes; memory reused at once is not
   * memory the kernel must hand out, and zero, again).
   */
  release?(bytes: Uint8Array): void;
}

/** A range of leaves to verify: `start` a multiple of 2^chunkLevel, at most 2^chunkLevel leaves. */
export interface RangeTask {
  start: number;
  end: number;
  /** Checkpoint sizes s with start < s ≤ end, ascending: the range reports its part of the tree at each. */
  checkpoints: number[];
}

/** A complete subtree: its level and hash. */
export interface Subtree {
  level: number;
  hash: Uint8Array;
}

export type RangeResult =
  | {
      ok: true;
      /** The complete subtrees that make up [start, end), largest first (one of level K for a full range). */
      roots: Subtree[];
      erased: number;
      /** For each checkpoint size s of the task: the subtrees that make up [start, s), largest first. */
      at: Array<{ size: number; roots: Subtree[] }>;
    }
  | {
      ok: false;
      /** The first bad index of the range. */
      index: number;
      reason: string;
      /** As for success, for the checkpoint sizes s ≤ index (those the caller must check before this failure). */
      at: Array<{ size: number; roots: Subtree[] }>;
    };

/**
 * Hash inputs are written into one reusable buffer and hashed through views of it, and digests come back as hex
 * (the form they are stored in): `crypto.hash` then allocates no Buffer per call — a fresh Buffer, for the
 * input view or the digest, costs more than hashing a few hundred bytes. One view per input length is kept.
 */
class Scratch {
  private buf = Buffer.allocUnsafe(8192);
  private views: Buffer[] = [];
  /** For interior nodes: 0x01 ‖ left ‖ right. */
  readonly node = Buffer.allocUnsafe(65);

  constructor() {
    this.node[0] = 1;
  }

  /** The buffer, at least `n` bytes long (its contents are lost when it grows). */
  fit(n: number): Buffer {
    if (this.buf.length < n) {
      this.buf = Buffer.allocUnsafe(Math.max(n, this.buf.length * 2));
      this.views = [];
    }
    return this.buf;
  }

  /** The first `n` bytes of the buffer. */
  view(n: number): Buffer {
    let v = this.views[n];
    if (v === undefined) {
      v = this.buf.subarray(0, n);
      this.views[n] = v;
    }
    return v;
  }
}

/** RFC 9162 leaf hash of the UTF-8 of `leaf`, in hex: SHA-256(0x00 ‖ leaf). */
function leafHashOfText(scratch: Scratch, leaf: string): string {
  const buf = scratch.fit(1 + leaf.length * 3);
  buf[0] = 0;
  const n = buf.write(leaf, 1, 'utf8');
  return hash('sha256', scratch.view(1 + n), 'hex');
}

/** RFC 9162 interior node, in hex: SHA-256(0x01 ‖ left ‖ right), from the children in hex. */
function nodeHashOf(scratch: Scratch, left: string, right: string): string {
  const buf = scratch.node;
  buf.write(left, 1, 'hex');
  buf.write(right, 33, 'hex');
  return hash('sha256', buf, 'hex');
}

/**
 * Whether stored details open `commit`. Appends store the details as their JCS text, so SHA-256(salt ‖ text) is
 * the commitment itself; other spellings (older rows) are parsed and canonicalised first.
 */
function detailsMatch(scratch: Scratch, saltHex: string, details: string, commit: string): boolean {
  const buf = scratch.fit(saltHex.length / 2 + details.length * 3 + 1);
  // `Buffer.write(…, 'hex')` stops at the first non-hex pair, as `Buffer.from(…, 'hex')` does: same salt bytes.
  const saltLen = buf.write(saltHex, 0, 'hex');
  if (saltLen >= 16) {
    const n = buf.write(details, saltLen, 'utf8');
    if (hash('sha256', scratch.view(saltLen + n), 'base64url') === commit) return true;
  }
  try {
    return commitment(Buffer.from(saltHex, 'hex'), JSON.parse(details)) === commit;
  } catch {
    return false;
  }
}

/** A JSON string of at least one character that JSON.stringify (and so JCS) writes as is: no escapes at all. */
const PLAIN = '"([^"\\\\\\u0000-\\u001f]+)"';
/**
 * The canonical leaf of an entry whose strings need no escaping — every entry Comity writes. `at` and
 * `commitment` are held to their formats here: an ISO-8601 instant with milliseconds, and the canonical
 * base64url of 32 bytes (43 characters, the last carrying 4 bits and 2 zero bits).
 */
const CANONICAL = new RegExp(
  `^\\{"action":${PLAIN},"actor":${PLAIN},"at":"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)","commitment":"([A-Za-z0-9_-]{42}[AEIMQUYcgkosw048])","node":${PLAIN},"object":\\{"id":${PLAIN},"type":${PLAIN}\\},"seq":(0|[1-9]\\d*),"v":1\\}$`,
);

/**
 * The commitment of the entry stored in `row` when the row passes every check `checkEntry` makes of the leaf
 * (canonical encoding of a valid entry, `seq` = its index, `node` = the origin, indexed columns equal), else null —
 * and then `checkEntry`'s full path says what is wrong. It accepts only what that path accepts (tested): the
 * leaf has the exact canonical shape with unescaped strings, so JSON.stringify would write each string as it
 * stands and `entryText` of the parsed entry is the leaf itself; a well-formed leaf has well-formed parts;
 * `seq` is spelled as the (safe integer) index; `at` is checked as `validateEntry` checks it, once per distinct
 * value (`seen`: the entries of one append share their time).
 */
function canonicalCommitment(row: LeafRow, origin: string, seen: { at: string }): string | null {
  const m = CANONICAL.exec(row.leaf);
  if (m === null) return null;
  const [, action, actor, at, commit, node, id, type, seq] = m;
  if (seq !== String(row.idx) || node !== origin || action !== row.action || type !== row.objectType || id !== row.objectId || actor === undefined) return null;
  if (at === undefined || commit === undefined || !row.leaf.isWellFormed()) return null;
  if (at !== seen.at) {
    if (Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at) return null;
    seen.at = at;
  }
  return commit;
}

/** What is wrong with one stored entry (leaf, indexed columns, details), or null. `lh` is the leaf hash in hex. */
function checkEntry(scratch: Scratch, row: LeafRow, d: DetailsRow | undefined, origin: string, lh: string, seen: { at: string }): string | null {
  const i = row.idx;
  if (lh !== row.leafHash) return `entry ${i}: the leaf does not match its stored hash`;
  let commit = canonicalCommitment(row, origin, seen);
  if (commit === null) {
    let entry: LedgerEntry;
    try {
      entry = validateEntry(JSON.parse(row.leaf));
    } catch (e) {
      return `entry ${i} is malformed: ${(e as Error).message}`;
    }
    if (entryText(entry) !== row.leaf) return `entry ${i} is malformed: the leaf is not the canonical encoding of its entry`;
    if (entry.seq !== i) return `entry ${i} says it is entry ${entry.seq}`;
    if (entry.node !== origin) return `entry ${i} belongs to another log (${entry.node})`;
    if (entry.action !== row.action || entry.object.type !== row.objectType || entry.object.id !== row.objectId)
      return `entry ${i}: indexed columns differ from the leaf`;
    commit = entry.commitment;
  }
  if (!d) return `entry ${i}: its details row is missing`;
  if (!d.erased && (d.salt === null || d.details === null || !detailsMatch(scratch, d.salt, d.details, commit)))
    return `entry ${i}: the details do not match the commitment`;
  return null;
}

/** For tests: whether the fast path accepts the row (it must accept only what the full path accepts). */
export function fastPathAccepts(row: LeafRow, origin: string): boolean {
  return canonicalCommitment(row, origin, { at: '' }) !== null;
}

/** For tests: `checkEntry`'s verdict on a row's leaf alone (null when valid), by the full path only. */
export function fullPathVerdict(row: LeafRow, origin: string): string | null {
  let entry: LedgerEntry;
  try {
    entry = validateEntry(JSON.parse(row.leaf));
  } catch (e) {
    return `malformed: ${(e as Error).message}`;
  }
  if (entryText(entry) !== row.leaf) return 'not canonical';
  if (entry.seq !== row.idx) return 'seq';
  if (entry.node !== origin) return 'node';
  if (entry.action !== row.action || entry.object.type !== row.objectType || entry.object.id !== row.objectId) return 'columns';
  return null;
}

/** The leaf whose append completes the node `level:idx`. */
export const completingLeaf = (level: number, idx: number): number => (idx + 1) * 2 ** level - 1;

/** Default rows per query. */
export const RANGE_BATCH = 8192;

/**
 * Verifies the leaves [task.start, task.end) and the stored subtree hashes inside that range (see the module
 * comment), reading `batch` rows per query. The range must start at a multiple of the largest power of two not
 * above its length's bound (the caller's 2^K): it is treated as the start of a subtree.
 */
export async function verifyRange(
  source: VerifySource,
  origin: string,
  task: RangeTask,
  batch = RANGE_BATCH,
  native: NativeVerifier | null = null,
): Promise<RangeResult> {
  const scratch = new Scratch();
  const seen = { at: '' };
  const { start, end } = task;
  // The local stack of complete subtrees (levels strictly decreasing), as appending leaf by leaf builds it.
  const levels: number[] = [];
  const hashes: string[] = [];
  const at: Array<{ size: number; roots: Subtree[] }> = [];
  const snapshot = (): Subtree[] => levels.map((level, k) => ({ level, hash: new Uint8Array(Buffer.from(hashes[k] as string, 'hex')) }));
  let cp = 0;
  let expected = start;
  let erased = 0;
  const step = Math.max(1, batch);
  const packedSource = native !== null && source.packed !== undefined && source.packedNodes !== undefined;
  const originBytes = Buffer.from(origin, 'utf8');
  let out: Uint8Array | null = null;

  /**
   * Pushes the complete subtree (level, idx, hex) onto the stack `ls`/`hs`, merging as appending its leaves would;
   * `record` hears of every node the merges complete.
   */
  const pushSubtree = (ls: number[], hs: string[], level: number, idx: number, hex: string, record?: (level: number, idx: number, hex: string) => void): void => {
    let h = hex;
    let lv = level;
    let ix = idx;
    while (ls.length > 0 && ls.at(-1) === lv) {
      ls.pop();
      h = nodeHashOf(scratch, hs.pop() as string, h);
      lv += 1;
      ix = (ix - 1) / 2;
      record?.(lv, ix, h);
    }
    ls.push(lv);
    hs.push(h);
  };

  /**
   * The native check of the batch [from, to): true when every entry, details row and stored subtree hash inside
   * it passed, and then the batch's subtrees are on the stack, the checkpoints inside it recorded and the nodes its
   * merges complete in `complete`; false when anything differs (nothing is changed then: the batch is checked row
   * by row, which says what is wrong).
   */
  const packedBatch = async (from: number, to: number, complete: (level: number, idx: number, hex: string) => void): Promise<boolean> => {
    const n = to - from;
    // The batch must start on a multiple of the largest power of two not above its length, so that the subtrees
    // inside it are aligned ones of the tree (always so with ranges and batches of powers of two, as by default).
    if (!packedSource || native === null || from % 2 ** Math.floor(Math.log2(n)) !== 0) return false;
    const p = await (source.packed as NonNullable<VerifySource['packed']>)(from, to);
    if (!isUtf8(p.rec) || !isUtf8(p.det)) return false;
    const size = batchHashesLength(n);
    if (out === null || out.length < size) out = new Uint8Array(batchHashesLength(step));
    const erasedHere = native.checkBatch(p.rec, p.det, originBytes, from, n, out);
    source.release?.(p.rec);
    source.release?.(p.det);
    if (erasedHere < 0) return false;
    // Level L's hashes start at offsets[L] in `out`; each must equal the stored ones, byte for byte.
    const offsets: number[] = [];
    for (let level = 0, c = n, off = 0; c > 0; level++, c = Math.floor(c / 2)) {
      offsets.push(off);
      const lo = from / 2 ** level;
      const stored = await (source.packedNodes as NonNullable<VerifySource['packedNodes']>)(level, lo, lo + c - 1);
      const same = stored.length === 64 * c && Buffer.compare(stored, out.subarray(off, off + 64 * c)) === 0;
      source.release?.(stored);
      if (!same) return false;
      off += 64 * c;
    }
    const hexAt = (level: number, idx: number): string => {
      const o = (offsets[level] as number) + 64 * (idx - from / 2 ** level);
      return Buffer.from((out as Uint8Array).subarray(o, o + 64)).toString('latin1');
    };
    // [from, size) as complete subtrees, largest first, pushed onto a stack.
    const pushPrefix = (ls: number[], hs: string[], count: number, record?: (level: number, idx: number, hex: string) => void): void => {
      let at = from;
      for (let level = Math.floor(Math.log2(count)); level >= 0; level--) {
        if (at + 2 ** level > from + count) continue;
        pushSubtree(ls, hs, level, at / 2 ** level, hexAt(level, at / 2 ** level), record);
        at += 2 ** level;
      }
    };
    for (; task.checkpoints[cp] !== undefined && (task.checkpoints[cp] as number) <= to; cp++) {
      const s = task.checkpoints[cp] as number;
      const ls = [...levels];
      const hs = [...hashes];
      pushPrefix(ls, hs, s - from);
      at.push({ size: s, roots: ls.map((level, k) => ({ level, hash: new Uint8Array(Buffer.from(hs[k] as string, 'hex')) })) });
    }
    pushPrefix(levels, hashes, n, complete);
    erased += erasedHere;
    return true;
  };

  while (expected < end) {
    const stop = Math.min(expected + step, end);
    // Subtree hashes (hex) this batch completes, per level, in index order from `lo`.
    const completed = new Map<number, { lo: number; hashes: string[] }>();
    const complete = (level: number, idx: number, hex: string): void => {
      const l = completed.get(level);
      if (l) l.hashes.push(hex);
      else completed.set(level, { lo: idx, hashes: [hex] });
    };
    let failure: { index: number; reason: string } | null = null;
    const packed = await packedBatch(expected, stop, complete);
    const rows = packed ? [] : await source.entries(expected, stop);
    const details = packed ? [] : await source.details(expected, stop);
    if (packed) expected = stop;
    let di = 0;
    for (const row of rows) {
      if (row.idx !== expected) {
        failure = { index: expected, reason: row.idx > expected ? `entry ${expected} is missing` : `entry ${row.idx} is out of place` };
        break;
      }
      const lh = leafHashOfText(scratch, row.leaf);
      while (di < details.length && (details[di] as DetailsRow).idx < expected) di += 1;
      const d = details[di]?.idx === expected ? details[di] : undefined;
      const why = checkEntry(scratch, row, d, origin, lh, seen);
      if (why !== null) {
        failure = { index: expected, reason: why };
        break;
      }
      if (d?.erased) erased += 1;
      // Append the leaf to the local stack; every merge completes a node (level, idx).
      complete(0, expected, lh);
      let h = lh;
      let level = 0;
      let idx = expected;
      for (let m = expected - start; m % 2 === 1; m = (m - 1) / 2) {
        levels.pop();
        h = nodeHashOf(scratch, hashes.pop() as string, h);
        level += 1;
        idx = (idx - 1) / 2;
        complete(level, idx, h);
      }
      levels.push(level);
      hashes.push(h);
      expected += 1;
      if (task.checkpoints[cp] === expected) {
        at.push({ size: expected, roots: snapshot() });
        cp += 1;
      }
    }
    if (failure === null && expected < stop) failure = { index: expected, reason: `entry ${expected} is missing` };
    // The stored subtree hashes of the entries checked so far; a wrong one completed by an earlier entry wins.
    let badNode: { index: number; reason: string } | null = null;
    for (const [level, { lo, hashes: want }] of completed) {
      const stored = await source.nodes(level, lo, lo + want.length - 1);
      let s = 0;
      for (let k = 0; k < want.length; k++) {
        const idx = lo + k;
        const leaf = completingLeaf(level, idx);
        if (badNode !== null && badNode.index <= leaf) break;
        while (s < stored.length && (stored[s] as StoredNode).idx < idx) s += 1;
        const have = stored[s]?.idx === idx ? stored[s]?.hash : undefined;
        if (have !== want[k]) badNode = { index: leaf, reason: `stored subtree hash ${level}:${idx} (completed by entry ${leaf}) is ${have === undefined ? 'missing' : 'wrong'}` };
      }
    }
    const first = badNode !== null && (failure === null || badNode.index <= failure.index) ? badNode : failure;
    if (first !== null) return { ok: false, index: first.index, reason: first.reason, at: at.filter((a) => a.size <= first.index) };
  }
  return { ok: true, roots: snapshot(), erased, at };
}
