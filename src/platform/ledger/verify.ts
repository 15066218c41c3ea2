import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Executor } from '../db/executor.ts';
import { openCheckpoint } from './checkpoint.ts';
import { equalBytes, nodeHash } from './merkle.ts';
import { parseVerifierKey } from './note.ts';
import { hashOfDecomposition, rootFromFrontier } from './plan.ts';
import * as store from './store.ts';
import { RANGE_BATCH, verifyRange, type RangeResult, type RangeTask, type Subtree, type VerifySource } from './verify-range.ts';
import type { WorkerInit, WorkerRequest } from './verify-worker.ts';
import { openSource, type ClosableSource } from './verify-source.ts';
import { nativeVerifier } from './native.ts';

export { entryText } from './verify-range.ts';

/** The outcome of a full verification. On failure, `index` is the first entry that is wrong (or missing). */
export type VerifyResult =
  | { ok: true; size: number; checkpoints: number; erased: number }
  | { ok: false; index: number | null; checkpointSize: number | null; reason: string };

export interface VerifyOptions {
  /** Rows read per query (default 8,192). */
  batch?: number;
  /**
   * The database's URL as given to `openDatabase` (`postgres://…` or a SQLite file path). With it, and when `ex`
   * is not a transaction, the ranges are verified in worker threads, each reading through a read-only connection
   * of its own; without it everything runs in this thread through `ex`. The result is the same either way.
   */
  url?: string;
  /**
   * Worker threads (default: one per CPU, at most 8, when there are at least 2 CPUs and 2^17 entries; else none).
   * 0 verifies in this thread.
   */
  workers?: number;
  /** Each range covers 2^chunkLevel leaves (default 16; at most 30). */
  chunkLevel?: number;
  /**
   * Whether batches are checked by the native module when it is built (default true; `native.ts`). It only
   * applies where verification reads through a connection of its own (`url` given, outside a transaction).
   */
  native?: boolean;
}

/** Leaves per range: 65,536. */
const CHUNK_LEVEL = 16;
/** Below this many entries, starting workers costs more than it saves. */
const PARALLEL_MIN = 1 << 17;
/** Worker threads by default: one per CPU, at most this many (each holds a database connection). */
const MAX_WORKERS = 8;

/** The worker's file, loaded from source like the rest of Comity (Node strips the types). */
const WORKER_URL = new URL('./verify-worker.ts', import.meta.url);

/** The ledger tables through `ex` (inside a caller's transaction, if it is one). */
function executorSource(ex: Executor): VerifySource {
  return {
    entries: (start, end) => store.readEntries(ex, start, end),
    details: (start, end) => store.readDetailRows(ex, start, end),
    nodes: async (level, lo, hi) => store.readNodeRange(ex, level, lo, hi),
  };
}

/**
 * Runs range tasks on `count` worker threads, each with its own connection to `url`; `result(k)` is the result of
 * task k. Tasks are handed out in order as workers become free, never past `limit` (set once a failure makes the
 * later ranges irrelevant).
 */
class WorkerPool {
  private readonly workers: Array<{ worker: Worker; exited: Promise<void> }> = [];
  private readonly settle: Array<{ resolve: (r: RangeResult) => void; reject: (e: Error) => void }> = [];
  private readonly results: Array<Promise<RangeResult>> = [];
  private readonly tasks: readonly RangeTask[];
  private next = 0;
  limit: number;

  constructor(tasks: readonly RangeTask[], init: WorkerInit, count: number) {
    this.tasks = tasks;
    this.limit = tasks.length;
    for (const _ of tasks) {
      let s: (typeof this.settle)[number] | undefined;
      const p = new Promise<RangeResult>((resolve, reject) => {
        s = { resolve, reject };
      });
      // Results past a failure are never awaited: their rejections must not go unhandled.
      p.catch(() => {});
      this.results.push(p);
      this.settle.push(s as (typeof this.settle)[number]);
    }
    try {
      for (let w = 0; w < count; w++) this.start(init);
    } catch (e) {
      for (const { worker } of this.workers) void worker.terminate();
      throw e;
    }
  }

  private start(init: WorkerInit): void {
    const worker = new Worker(WORKER_URL, { workerData: init });
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    let current: number | null = null;
    const failAll = (e: Error): void => {
      for (const s of this.settle) s.reject(e);
    };
    const dispatch = (): void => {
      if (this.next >= Math.min(this.limit, this.tasks.length)) {
        current = null;
        return;
      }
      current = this.next++;
      worker.postMessage({ type: 'task', id: current, task: this.tasks[current] as RangeTask } satisfies WorkerRequest);
    };
    worker.on('message', (m: { ready?: true; id?: number; result?: RangeResult; error?: string }) => {
      if (m.ready) return dispatch();
      if (m.id === undefined) return;
      const s = this.settle[m.id];
      if (m.error !== undefined) return failAll(new Error(`ledger verification worker: ${m.error}`));
      if (m.result) s?.resolve(m.result);
      dispatch();
    });
    worker.on('error', (e) => failAll(e));
    worker.on('exit', (code) => {
      if (current !== null) failAll(new Error(`ledger verification worker exited (code ${code}) during range ${current}`));
    });
    this.workers.push({ worker, exited });
  }

  result(k: number): Promise<RangeResult> {
    return this.results[k] as Promise<RangeResult>;
  }

  /** Asks every worker to close its connection and waits (at most 5 s, then terminates it). */
  async close(): Promise<void> {
    this.limit = 0;
    await Promise.all(
      this.workers.map(async ({ worker, exited }) => {
        worker.postMessage({ type: 'close' } satisfies WorkerRequest);
        const timer = setTimeout(() => void worker.terminate(), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}

/**
 * Recomputes the whole ledger from the database — every leaf hash, every stored subtree hash, every detail
 * commitment that was not erased, every checkpoint's root and signature (and so the consistency of consecutive
 * checkpoints, which are all roots of the one recomputed tree) — and reports the first bad index.
 * `vkey` is the node's verifier key, whose name is the log's origin.
 *
 * The leaves are verified in ranges of 2^chunkLevel (`verifyRange`: entries, details, and the subtree hashes
 * inside each range), in worker threads when `opts.url` allows it; this thread folds the ranges' subtree roots
 * into the tree in index order, checking the stored subtree hashes above the ranges and every checkpoint as it
 * goes, so the first bad index is the one a single sequential pass finds.
 *
 * It may run beside a working node: it verifies the entries the head counted when it started (appends made
 * meanwhile are left for the next run) and ends with one consistent look at the tables — in a transaction of its
 * own unless `ex` already is one — for rows the head does not account for.
 */
export async function verifyLedger(ex: Executor, vkey: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const verifier = parseVerifierKey(vkey);
  const origin = verifier.name;
  const batch = Math.max(1, opts.batch ?? RANGE_BATCH);
  const chunkLevel = Math.min(30, Math.max(0, Math.trunc(opts.chunkLevel ?? CHUNK_LEVEL)));
  const chunk = 2 ** chunkLevel;
  // Checkpoints first, then the head: a genuine checkpoint was signed at a size the head had already reached.
  const checkpoints = await store.allCheckpoints(ex);
  const head = await store.readHead(ex);
  const fail = (index: number | null, reason: string, checkpointSize: number | null = null): VerifyResult & { ok: false } => ({
    ok: false,
    index,
    checkpointSize,
    reason,
  });
  /** The recomputed tree so far: its complete subtrees, largest first. */
  let frontier: Subtree[] = [];
  let erased = 0;
  let cpi = 0;

  /** Checks the checkpoints of exactly `size` entries against the tree whose right edge is `edge`. */
  const checkCheckpointsAt = (size: number, edge: () => Uint8Array[]): (VerifyResult & { ok: false }) | null => {
    const at = size > 0 ? size - 1 : null;
    let root: Uint8Array | undefined;
    for (let cp = checkpoints[cpi]; cp !== undefined && cp.size <= size; cp = checkpoints[cpi]) {
      cpi += 1;
      if (cp.size !== size) return fail(null, `checkpoint at size ${cp.size} is not a tree size`, cp.size);
      root ??= rootFromFrontier(edge());
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
  const edgeOf = (roots: readonly Subtree[]) => (): Uint8Array[] => roots.map((r) => r.hash);

  const atZero = checkCheckpointsAt(0, () => []);
  if (atZero) return atZero;

  // Only the entries the head counts: appends made meanwhile by a running node must not look like tampering.
  const tasks: RangeTask[] = [];
  for (let start = 0, c = 0; start < head.size; start += chunk) {
    const end = Math.min(start + chunk, head.size);
    const sizes: number[] = [];
    for (; checkpoints[c] !== undefined && (checkpoints[c] as store.CheckpointRow).size <= end; c++) {
      const cpSize = (checkpoints[c] as store.CheckpointRow).size;
      if (cpSize > start) sizes.push(cpSize);
    }
    tasks.push({ start, end, checkpoints: sizes });
  }
  // The stored subtrees above the ranges (level > chunkLevel): few (head.size / 2^chunkLevel), read at once.
  const upper = new Map<number, Map<number, string>>();
  for (let level = chunkLevel + 1; Math.floor(head.size / 2 ** level) > 0; level++) {
    const rows = await store.readNodeRange(ex, level, 0, Math.floor(head.size / 2 ** level) - 1);
    upper.set(level, new Map(rows.map((r) => [r.idx, r.hash])));
  }

  const cpus = availableParallelism();
  const requested = opts.workers ?? (head.size >= PARALLEL_MIN && cpus >= 2 ? Math.min(cpus, MAX_WORKERS) : 0);
  const url = opts.url !== undefined && opts.url !== '' && opts.url !== ':memory:' ? opts.url : null;
  // With a URL and outside a transaction, verification reads through connections of its own: in worker threads,
  // or in this thread when there are none, and then the native batch check can be used.
  const direct = url !== null && !ex.isTransaction && tasks.length > 0;
  const parallel = direct && requested > 0;
  const useNative = opts.native ?? true;
  let own: ClosableSource | null = null;
  let source: VerifySource = executorSource(ex);
  const native = direct && !parallel && useNative ? nativeVerifier() : null;
  let pool: WorkerPool | null = null;
  try {
    if (parallel) pool = new WorkerPool(tasks, { url, origin, batch, native: useNative }, Math.min(requested, tasks.length));
    else if (direct) source = own = await openSource(url);
    for (const [k, task] of tasks.entries()) {
      const r = pool ? await pool.result(k) : await verifyRange(source, origin, task, batch, native);
      if (!r.ok && pool) pool.limit = k + 1;
      // Checkpoints inside the range (and, for a failed range, up to its bad index): the tree so far plus the
      // range's subtrees up to that size. A checkpoint at the range's end waits for the subtrees above it.
      for (const a of r.at) {
        if (r.ok && a.size === task.end) break;
        const bad = checkCheckpointsAt(a.size, edgeOf([...frontier, ...a.roots]));
        if (bad) return bad;
      }
      if (!r.ok) return fail(r.index, r.reason);
      erased += r.erased;
      // Fold the range's subtrees into the tree; every merge completes a stored subtree above the ranges, all of
      // them completed by the range's last entry (lowest level first, as a sequential pass would report them).
      for (const root of r.roots) {
        let { level, hash } = root;
        while (frontier.length > 0 && (frontier.at(-1) as Subtree).level === level) {
          const left = frontier.pop() as Subtree;
          hash = nodeHash(left.hash, hash);
          level += 1;
          const idx = task.end / 2 ** level - 1;
          const have = upper.get(level)?.get(idx);
          if (have !== store.hex(hash))
            return fail(task.end - 1, `stored subtree hash ${level}:${idx} (completed by entry ${task.end - 1}) is ${have === undefined ? 'missing' : 'wrong'}`);
        }
        frontier.push({ level, hash });
      }
      const bad = checkCheckpointsAt(task.end, edgeOf(frontier));
      if (bad) return bad;
    }
  } finally {
    await pool?.close();
    await own?.close();
  }

  const recomputed = frontier.map((f) => f.hash);
  const want = recomputed.length === 0 ? rootFromFrontier([]) : hashOfDecomposition(recomputed);
  if (
    head.frontier.length !== recomputed.length ||
    head.frontier.some((h, k) => !equalBytes(h, recomputed[k] ?? new Uint8Array())) ||
    !equalBytes(rootFromFrontier(head.frontier), want)
  )
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
  return { ok: true, size: head.size, checkpoints: checkpoints.length, erased };
}
