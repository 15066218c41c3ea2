import { hash } from 'node:crypto';
import type { Executor } from '../db/executor.ts';
import { openCheckpoint } from './checkpoint.ts';
import { commitment, validateEntry, type LedgerEntry } from './entry.ts';
import { equalBytes } from './merkle.ts';
import { parseVerifierKey } from './note.ts';
import { appendToFrontier, rootFromFrontier, type Frontier } from './plan.ts';
import * as store from './store.ts';

/** The outcome of a full verification. On failure, `index` is the first entry that is wrong (or missing). */
export type VerifyResult =
  | { ok: true; size: number; checkpoints: number; erased: number }
  | { ok: false; index: number | null; checkpointSize: number | null; reason: string };

const BATCH = 10_000;

/**
 * The leaf text of a valid entry: its RFC 8785 (JCS) encoding written out for the one shape an entry has — keys
 * in code-unit order, strings and the integer `seq` as `JSON.stringify` writes them (which is what JCS
 * prescribes). Equal to the text of `encodeEntry(e)` (tested); it spares verification a generic canonicaliser.
 */
export function entryText(e: LedgerEntry): string {
  const s = JSON.stringify;
  return `{"action":${s(e.action)},"actor":${s(e.actor)},"at":${s(e.at)},"commitment":${s(e.commitment)},"node":${s(e.node)},"object":{"id":${s(e.object.id)},"type":${s(e.object.type)}},"seq":${s(e.seq)},"v":1}`;
}

/** RFC 9162 leaf hash of the UTF-8 of `leaf`: SHA-256(0x00 ‖ leaf), in one call. */
function leafHashOfText(leaf: string): Buffer {
  const buf = Buffer.allocUnsafe(1 + Buffer.byteLength(leaf, 'utf8'));
  buf[0] = 0;
  buf.write(leaf, 1, 'utf8');
  return hash('sha256', buf, 'buffer');
}

/**
 * Whether stored details open `commit`. Appends store the details as their JCS text, so SHA-256(salt ‖ text) is
 * the commitment itself; other spellings (older rows) are parsed and canonicalised first.
 */
function detailsMatch(saltHex: string, details: string, commit: string): boolean {
  const salt = Buffer.from(saltHex, 'hex');
  const text = Buffer.from(details, 'utf8');
  if (salt.length >= 16 && hash('sha256', Buffer.concat([salt, text]), 'base64url') === commit) return true;
  try {
    return commitment(salt, JSON.parse(details)) === commit;
  } catch {
    return false;
  }
}

/** What is wrong with one stored entry (leaf, indexed columns, details), or null. */
function checkEntry(row: store.EntryRow, d: store.StoredDetails | undefined, origin: string, lh: Buffer): string | null {
  const i = row.idx;
  if (lh.toString('hex') !== row.leafHash) return `entry ${i}: the leaf does not match its stored hash`;
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
  if (!d) return `entry ${i}: its details row is missing`;
  if (d.erasedAt === null && (d.salt === null || d.details === null || !detailsMatch(d.salt, d.details, entry.commitment)))
    return `entry ${i}: the details do not match the commitment`;
  return null;
}

/** The first leaf whose append completed the node `level:idx`. */
const completingLeaf = (level: number, idx: number): number => (idx + 1) * 2 ** level - 1;

/**
 * Recomputes the whole ledger from the database — every leaf hash, every stored subtree hash, every detail
 * commitment that was not erased, every checkpoint's root and signature (and so the consistency of consecutive
 * checkpoints, which are all roots of the one recomputed tree) — and reports the first bad index.
 * `vkey` is the node's verifier key, whose name is the log's origin.
 *
 * It may run beside a working node: it verifies the entries the head counted when it started (appends made
 * meanwhile are left for the next run) and ends with one consistent look at the tables — in a transaction of its
 * own unless `ex` already is one — for rows the head does not account for.
 */
export async function verifyLedger(ex: Executor, vkey: string, opts: { batch?: number } = {}): Promise<VerifyResult> {
  const verifier = parseVerifierKey(vkey);
  const origin = verifier.name;
  const batch = Math.max(1, opts.batch ?? BATCH);
  // Checkpoints first, then the head: a genuine checkpoint was signed at a size the head had already reached.
  const checkpoints = await store.allCheckpoints(ex);
  const head = await store.readHead(ex);
  const fail = (index: number | null, reason: string, checkpointSize: number | null = null): VerifyResult & { ok: false } => ({
    ok: false,
    index,
    checkpointSize,
    reason,
  });
  let frontier: Frontier = [];
  let expected = 0;
  let erased = 0;
  let cpi = 0;

  /** Checks the checkpoints of exactly `size` entries against the tree recomputed so far. */
  const checkCheckpointsAt = (size: number): (VerifyResult & { ok: false }) | null => {
    const at = size > 0 ? size - 1 : null;
    let root: Uint8Array | undefined;
    for (let cp = checkpoints[cpi]; cp !== undefined && cp.size <= size; cp = checkpoints[cpi]) {
      cpi += 1;
      if (cp.size !== size) return fail(null, `checkpoint at size ${cp.size} is not a tree size`, cp.size);
      root ??= rootFromFrontier(frontier);
      if (cp.rootHash !== store.hex(root)) return fail(at, `checkpoint at size ${size} does not match the recomputed tree`, size);
      try {
        const parsed = openCheckpoint(cp.note, verifier, origin);
        if (parsed.size !== BigInt(size) || !equalBytes(parsed.rootHash, root)) return fail(at, `the signed note of checkpoint ${size} names another tree`, size);
      } catch (e) {
        return fail(at, `checkpoint at size ${size} has no valid signature by ${origin}: ${(e as Error).message}`, size);
      }
    }
    return null;
  };

  const atZero = checkCheckpointsAt(0);
  if (atZero) return atZero;

  // Only the entries the head counts: appends made meanwhile by a running node must not look like tampering.
  while (expected < head.size) {
    const end = Math.min(expected + batch, head.size);
    const rows = await store.readEntries(ex, expected, end);
    const details = await store.readDetails(ex, expected, end);
    /** Subtree hashes (hex) this batch completes, per level, in index order from `lo`. */
    const completed = new Map<number, { lo: number; hashes: string[] }>();
    let failure: (VerifyResult & { ok: false }) | null = null;
    for (const row of rows) {
      if (row.idx !== expected) {
        failure = fail(expected, row.idx > expected ? `entry ${expected} is missing` : `entry ${row.idx} is out of place`);
        break;
      }
      const lh = leafHashOfText(row.leaf);
      const d = details.get(expected);
      const why = checkEntry(row, d, origin, lh);
      if (why !== null) {
        failure = fail(expected, why);
        break;
      }
      if (d?.erasedAt) erased += 1;
      const r = appendToFrontier(frontier, BigInt(expected), lh);
      frontier = r.frontier;
      for (const n of r.newNodes) {
        const idx = Number(n.index);
        const level = completed.get(n.level);
        if (level) level.hashes.push(store.hex(n.hash));
        else completed.set(n.level, { lo: idx, hashes: [store.hex(n.hash)] });
      }
      expected += 1;
      failure = checkCheckpointsAt(expected);
      if (failure) break;
    }
    if (failure === null && expected < end) failure = fail(expected, `entry ${expected} is missing`);
    // The stored subtree hashes of the entries checked so far; a wrong one completed by an earlier entry wins.
    let badNode: (VerifyResult & { ok: false }) | null = null;
    for (const [level, { lo, hashes }] of completed) {
      const stored = await store.readNodeRange(ex, level, lo, lo + hashes.length - 1);
      const got = new Map(stored.map((n) => [n.idx, n.hash]));
      for (let k = 0; k < hashes.length; k++) {
        const idx = lo + k;
        const leaf = completingLeaf(level, idx);
        if (badNode !== null && (badNode.index ?? Infinity) <= leaf) break;
        const have = got.get(idx);
        if (have !== hashes[k]) badNode = fail(leaf, `stored subtree hash ${level}:${idx} (completed by entry ${leaf}) is ${have === undefined ? 'missing' : 'wrong'}`);
      }
    }
    if (badNode !== null && (failure === null || (badNode.index ?? Infinity) <= (failure.index ?? Infinity))) return badNode;
    if (failure !== null) return failure;
  }

  const want = rootFromFrontier(frontier);
  if (head.frontier.length !== frontier.length || head.frontier.some((h, k) => !equalBytes(h, frontier[k] ?? new Uint8Array())) || !equalBytes(rootFromFrontier(head.frontier), want))
    return fail(head.size > 0 ? head.size - 1 : null, 'the head frontier does not match the recomputed tree');
  const beyond = checkpoints[cpi];
  if (beyond !== undefined) return fail(head.size, `checkpoint at size ${beyond.size} is beyond the ${head.size} entries the head counts`, beyond.size);

  // One consistent look at what the head must account for: no entry beyond it (or below 0), no stray subtree hash.
  const look = async (s: Executor) => {
    const now = await store.readHead(s);
    return { head: now, tail: await store.entryTail(s, head.size), stray: await store.strayNode(s, now.size) };
  };
  const snap = ex.isTransaction ? await look(ex) : await ex.transaction().setIsolationLevel('repeatable read').execute(look);
  const { tail } = snap;
  if (tail.min !== null && tail.min < 0) return fail(null, `an entry is stored at index ${tail.min}`);
  if (snap.head.size < head.size) return fail(snap.head.size, `the head went back from ${head.size} to ${snap.head.size} entries`);
  if (tail.max !== null && tail.max >= snap.head.size)
    return fail(Math.max(head.size, snap.head.size), `entries up to ${tail.max} are stored but the head counts ${snap.head.size}`);
  if (tail.count !== snap.head.size - head.size) return fail(head.size, `entries appended during verification have a gap (${tail.count} stored for ${snap.head.size - head.size})`);
  if (snap.stray !== null) {
    const first = snap.stray.idx * 2 ** snap.stray.level;
    return fail(Math.max(0, Math.min(first, snap.head.size)), `a subtree hash ${snap.stray.level}:${snap.stray.idx} is stored that the tree of ${snap.head.size} entries does not have`);
  }
  return { ok: true, size: expected, checkpoints: checkpoints.length, erased };
}
