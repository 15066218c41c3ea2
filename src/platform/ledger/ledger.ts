import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../actor.ts';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction, isUniqueViolation, type Executor } from '../db/executor.ts';
import { AppError } from '../errors.ts';
import { formatCheckpoint } from './checkpoint.ts';
import { canonicalJson, commitmentOfJcs, entryText, validateEntry, type LedgerEntry } from './entry.ts';
import { leafHash, verifyConsistency } from './merkle.ts';
import { encodeVerifierKey, signNote, type NoteSigner } from './note.ts';
import { appendToFrontier, consistencyPlan, decompose, hashOfDecomposition, inclusionPlan, rootFromFrontier, type Frontier, type NodeId, type Range } from './plan.ts';
import type { Receipt } from './receipt.ts';
import { toB64 } from './base64.ts';
import * as store from './store.ts';

/** One state change to record. `details` may hold personal data: it is stored apart and can be erased. */
export interface AppendInput {
  /** Who acted: `actorRef(actor)`, or `system` for the node's own jobs. */
  actor: string;
  /** What happened, `<module>.<verb>` (e.g. `case.create`, `auth.login_failed`). */
  action: string;
  object: { type: string; id: string };
  details?: unknown;
}

/** The stable reference to an actor written into entries. */
export function actorRef(actor: Actor): string {
  return actor.via === 'cli' ? `operator:${actor.username}` : `user:${actor.userId}`;
}

const SALT_BYTES = 16;
/** Subtrees this high (1,024 leaves and more) are cached once read; at most UPPER_MAX of them (~13 MB). */
const UPPER_LEVEL = 10;
const UPPER_MAX = 1 << 17;

/** The rows one append writes, and the head after it. */
export interface AppendRows {
  entries: store.EntryRow[];
  nodes: store.NodeRow[];
  details: store.DetailRow[];
  size: number;
  frontier: Frontier;
}

/**
 * Builds the rows that appending `inputs` at `at` to the tree of `head.size` leaves writes — entries, the subtree
 * hashes they complete (`appendToFrontier`), details (their JCS text and a fresh 16-byte salt each) — without
 * touching the database. `Ledger.append` writes them; the benchmark's bulk loader writes the very same rows.
 * @throws LedgerError `ERR_COMMITMENT` when details are not plain JSON, `ERR_MALFORMED_ENTRY` for an empty field.
 */
export function appendRows(origin: string, at: Date, head: { size: number; frontier: Frontier }, inputs: readonly AppendInput[]): AppendRows {
  const salts = randomBytes(SALT_BYTES * inputs.length);
  const iso = at.toISOString();
  let frontier = head.frontier;
  let size = head.size;
  const entries: store.EntryRow[] = [];
  const nodes: store.NodeRow[] = [];
  const details: store.DetailRow[] = [];
  for (let k = 0; k < inputs.length; k++) {
    const i = inputs[k] as AppendInput;
    const salt = salts.subarray(k * SALT_BYTES, (k + 1) * SALT_BYTES);
    // The JCS text is what the commitment hashes, so verification can check it without re-encoding.
    const jcs = canonicalJson(i.details ?? {});
    const entry = validateEntry({
      v: 1,
      seq: size,
      at: iso,
      node: origin,
      actor: i.actor,
      action: i.action,
      object: { type: i.object.type, id: i.object.id },
      commitment: commitmentOfJcs(salt, jcs),
    } satisfies LedgerEntry);
    // entryText is the JCS encoding of a valid entry (what encodeEntry writes), without a generic canonicaliser.
    const leaf = entryText(entry);
    const lh = leafHash(Buffer.from(leaf, 'utf8'));
    const r = appendToFrontier(frontier, BigInt(size), lh);
    frontier = r.frontier;
    for (const n of r.newNodes) nodes.push({ level: n.level, idx: Number(n.index), hash: store.hex(n.hash) });
    entries.push({ idx: size, leaf, leafHash: store.hex(lh), action: i.action, objectType: i.object.type, objectId: i.object.id });
    details.push({ idx: size, salt: store.hex(salt), details: jcs });
    size += 1;
  }
  return { entries, nodes, details, size, frontier };
}

/**
 * The node's tamper-evident log (DESIGN §4; docs/ledger.md). Every service appends its entry inside its own
 * transaction with `append(trx, …)`; if the append fails, the transaction — and so the change — fails.
 * Appends cost O(log n): the frontier (right-edge subtree hashes) lives in the head row, and each leaf stores the
 * subtree hashes it completes. Proofs read O(log n) stored nodes in one query.
 */
export class Ledger {
  readonly origin: string;
  readonly vkey: string;
  private readonly db: Kysely<DB>;
  private readonly clock: Clock;
  private readonly signer: NoteSigner;
  /** Complete subtrees of level ≥ UPPER_LEVEL, by `level:index` (see `hashRanges`). */
  private readonly upper = new Map<string, Uint8Array>();

  constructor(opts: { db: Kysely<DB>; clock: Clock; origin: string; signer: NoteSigner }) {
    this.db = opts.db;
    this.clock = opts.clock;
    this.origin = opts.origin;
    this.signer = opts.signer;
    this.vkey = encodeVerifierKey(opts.signer.name, opts.signer.publicKey);
  }

  /** Appends entries in order inside `trx`; returns their indices. */
  async append(trx: Executor, input: AppendInput | readonly AppendInput[]): Promise<number[]> {
    const inputs = Array.isArray(input) ? (input as readonly AppendInput[]) : [input as AppendInput];
    if (inputs.length === 0) return [];
    const at = this.clock.now();
    const head = await store.lockHead(trx, at);
    const rows = appendRows(this.origin, at, head, inputs);
    await store.insertAppend(trx, rows.entries, rows.nodes, rows.details);
    await store.writeHead(trx, { size: rows.size, frontier: rows.frontier, configDigest: head.configDigest }, at);
    return rows.entries.map((e) => e.idx);
  }

  async size(ex: Executor = this.db): Promise<number> {
    return (await store.readHead(ex)).size;
  }

  /**
   * MTH of the ranges, from stored complete subtrees (one query for all). Subtrees of level ≥ UPPER_LEVEL read
   * through `this.db` (committed rows, which the database never lets change) are kept in memory: they are few
   * (n / 2^(UPPER_LEVEL−1) at most, capped) and lie on nearly every proof path, so a proof in a large tree reads
   * about half as many rows. Reads inside a caller's transaction, and `issueCheckpoint`'s, always go to the
   * database.
   */
  private async hashRanges(ex: Executor, ranges: readonly Range[]): Promise<Uint8Array[]> {
    const parts = ranges.map((r) => decompose(r));
    const cacheable = ex === this.db;
    const known = new Map<string, Uint8Array>();
    const wanted: NodeId[] = [];
    for (const n of parts.flat()) {
      const key = `${n.level}:${n.index}`;
      const cached = cacheable && n.level >= UPPER_LEVEL ? this.upper.get(key) : undefined;
      if (cached) known.set(key, cached);
      else wanted.push(n);
    }
    const found = await store.readNodes(ex, wanted);
    for (const n of wanted) {
      const key = `${n.level}:${n.index}`;
      const h = found.get(key);
      if (h === undefined) throw new AppError('internal', `ledger node ${key} is missing`);
      const bytes = store.unhex(h);
      known.set(key, bytes);
      if (cacheable && n.level >= UPPER_LEVEL && this.upper.size < UPPER_MAX) this.upper.set(key, bytes);
    }
    return parts.map((list) => hashOfDecomposition(list.map((n) => known.get(`${n.level}:${n.index}`) as Uint8Array)));
  }

  private async checkSize(ex: Executor, size: number, what: string): Promise<void> {
    const current = await this.size(ex);
    if (!Number.isSafeInteger(size) || size < 0 || size > current)
      throw new AppError('validation_failed', `${what} must be a tree size from 0 to ${current}`, {
        errors: [{ in: 'query', pointer: `/${what}`, detail: `must be at most ${current}` }],
      });
  }

  /** Root hash of the tree of the first `size` entries. */
  async root(size: number, ex: Executor = this.db): Promise<Uint8Array> {
    await this.checkSize(ex, size, 'size');
    if (size === 0) return rootFromFrontier([]);
    const [h] = await this.hashRanges(ex, [{ start: 0n, end: BigInt(size) }]);
    if (!h) throw new AppError('internal', 'no root');
    return h;
  }

  async inclusionProof(index: number, size: number, ex: Executor = this.db): Promise<Uint8Array[]> {
    await this.checkSize(ex, size, 'size');
    if (!Number.isSafeInteger(index) || index < 0 || index >= size)
      throw new AppError('validation_failed', `index must be below size (${size})`, { errors: [{ in: 'query', pointer: '/index', detail: `must be from 0 to ${size - 1}` }] });
    return this.hashRanges(ex, inclusionPlan(BigInt(index), BigInt(size)));
  }

  async consistencyProof(from: number, to: number, ex: Executor = this.db): Promise<Uint8Array[]> {
    await this.checkSize(ex, to, 'to');
    if (!Number.isSafeInteger(from) || from < 1 || from > to)
      throw new AppError('validation_failed', `from must be from 1 to ${to}`, { errors: [{ in: 'query', pointer: '/from', detail: `must be from 1 to ${to}` }] });
    if (from === to) return [];
    return this.hashRanges(ex, consistencyPlan(BigInt(from), BigInt(to)));
  }

  async entries(start: number, end: number, ex: Executor = this.db): Promise<store.EntryRow[]> {
    return store.readEntries(ex, start, end);
  }

  async latestCheckpoint(ex: Executor = this.db): Promise<store.CheckpointRow | undefined> {
    return store.latestCheckpoint(ex);
  }

  /**
   * Signs a checkpoint of the current tree if it grew since the last one (else returns the last). Before signing
   * it proves the new tree consistent with the last signed one, so the node never signs two inconsistent views.
   */
  async issueCheckpoint(): Promise<store.CheckpointRow | undefined> {
    try {
      return await inTransaction(this.db, async (trx) => {
        const head = await store.readHead(trx);
        const last = await store.latestCheckpoint(trx);
        if (head.size === 0 || (last && last.size >= head.size)) return last;
        const root = rootFromFrontier(head.frontier);
        if (last) {
          const proof = await this.hashRanges(trx, consistencyPlan(BigInt(last.size), BigInt(head.size)));
          verifyConsistency(BigInt(last.size), BigInt(head.size), proof, store.unhex(last.rootHash), root);
        }
        const text = formatCheckpoint({ origin: this.origin, size: BigInt(head.size), rootHash: root });
        const row: store.CheckpointRow = { size: head.size, rootHash: store.hex(root), note: signNote(text, [this.signer]), createdAt: this.clock.now() };
        await store.insertCheckpoint(trx, row);
        return row;
      });
    } catch (e) {
      // Another process signed the same size first: theirs stands.
      if (isUniqueViolation(e)) return store.latestCheckpoint(this.db);
      throw e;
    }
  }

  /** An offline receipt: the entry, its inclusion proof and the first signed checkpoint that covers it. */
  async receipt(index: number): Promise<Receipt> {
    const cp = await store.checkpointCovering(this.db, index);
    if (!cp) throw new AppError('not_found', `no signed checkpoint covers entry ${index} yet; issue one and retry`);
    const [row] = await store.readEntries(this.db, index, index + 1);
    if (!row) throw new AppError('not_found', `entry ${index} not found`);
    const proof = await this.inclusionProof(index, cp.size);
    return { v: 1, index: String(index), leaf: toB64(Buffer.from(row.leaf, 'utf8')), proof: proof.map(toB64), checkpoint: cp.note };
  }

  /**
   * Erases the details of entries (retention rule or a data-subject request) and records the erasure as an entry
   * of its own. The log keeps each entry's commitment, so every proof still verifies.
   */
  async eraseDetails(trx: Executor, indices: number[], by: string, reason: string): Promise<number> {
    const n = await store.eraseDetails(trx, indices, this.clock.now());
    if (n > 0) {
      await this.append(trx, { actor: by, action: 'ledger.details_erased', object: { type: 'ledger', id: this.origin }, details: { count: n, first: Math.min(...indices), last: Math.max(...indices), reason } });
    }
    return n;
  }

  /** Records the node's configuration when it differs from the last recorded one (never secrets). */
  async recordConfiguration(config: Record<string, unknown>, digest: string): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      const head = await store.readHead(trx);
      if (head.configDigest === digest) return false;
      await this.append(trx, { actor: 'system', action: 'node.configuration', object: { type: 'node', id: this.origin }, details: config });
      const after = await store.readHead(trx);
      await store.writeHead(trx, { ...after, configDigest: digest }, this.clock.now());
      return true;
    });
  }
}
