import { sql } from 'kysely';
import { toDate, toInt } from '../db/codec.ts';
import type { Executor } from '../db/executor.ts';

/**
 * SQL for the ledger tables. Hashes are stored as lower-case hex text and indices as bigint (read back as JS
 * numbers: exact up to 2^53 entries). Writes are inserts only — the database refuses anything else (triggers).
 */

export const hex = (u: Uint8Array): string => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('hex');
export const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));

export interface LedgerHead {
  size: number;
  frontier: Uint8Array[];
  configDigest: string | null;
}

const parseFrontier = (s: string): Uint8Array[] => (JSON.parse(s) as string[]).map(unhex);

/**
 * Reads the head and takes the ledger's write lock for the rest of the transaction (a row lock on PostgreSQL; on
 * SQLite the write itself takes the database lock), so appends from concurrent transactions are serialised.
 */
export async function lockHead(trx: Executor, at: Date): Promise<LedgerHead> {
  const r = await trx
    .updateTable('ledger_state')
    .set({ updated_at: at })
    .where('id', '=', 1)
    .returning(['size', 'frontier', 'config_digest'])
    .executeTakeFirstOrThrow();
  return { size: toInt(r.size), frontier: parseFrontier(r.frontier), configDigest: r.config_digest };
}

export async function readHead(ex: Executor): Promise<LedgerHead> {
  const r = await ex.selectFrom('ledger_state').select(['size', 'frontier', 'config_digest']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { size: toInt(r.size), frontier: parseFrontier(r.frontier), configDigest: r.config_digest };
}

export async function writeHead(trx: Executor, head: LedgerHead, at: Date): Promise<void> {
  await trx
    .updateTable('ledger_state')
    .set({ size: head.size, frontier: JSON.stringify(head.frontier.map(hex)), config_digest: head.configDigest, updated_at: at })
    .where('id', '=', 1)
    .execute();
}

export interface EntryRow {
  idx: number;
  leaf: string;
  leafHash: string;
  action: string;
  objectType: string;
  objectId: string;
}

export interface NodeRow {
  level: number;
  idx: number;
  hash: string;
}

export interface DetailRow {
  idx: number;
  salt: string;
  details: string;
}

/** SQLite allows 32,766 bound parameters per statement; stay well below. */
const CHUNK = 500;

async function chunked<T>(rows: T[], insert: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** True when `ex` speaks PostgreSQL (its compiler writes `$1` placeholders; SQLite's writes `?`). No query. */
export function isPostgres(ex: Executor): boolean {
  return sql`${0}`.compile(ex).sql === '$1';
}

export async function insertAppend(trx: Executor, entries: EntryRow[], nodes: NodeRow[], details: DetailRow[]): Promise<void> {
  if (isPostgres(trx)) {
    // One statement per table, whatever the batch: each column is one array parameter, expanded by unnest().
    // Building and sending a statement of thousands of placeholders costs more in Node.js than the inserts.
    if (entries.length > 0)
      await sql`INSERT INTO ledger_entries (idx, leaf, leaf_hash, action, object_type, object_id)
        SELECT * FROM unnest(${entries.map((e) => e.idx)}::bigint[], ${entries.map((e) => e.leaf)}::text[], ${entries.map((e) => e.leafHash)}::text[],
          ${entries.map((e) => e.action)}::text[], ${entries.map((e) => e.objectType)}::text[], ${entries.map((e) => e.objectId)}::text[])`.execute(trx);
    if (nodes.length > 0)
      await sql`INSERT INTO ledger_nodes (level, idx, hash)
        SELECT * FROM unnest(${nodes.map((n) => n.level)}::integer[], ${nodes.map((n) => n.idx)}::bigint[], ${nodes.map((n) => n.hash)}::text[])`.execute(trx);
    if (details.length > 0)
      await sql`INSERT INTO ledger_details (idx, salt, details, erased_at)
        SELECT i, s, d, NULL FROM unnest(${details.map((d) => d.idx)}::bigint[], ${details.map((d) => d.salt)}::text[], ${details.map((d) => d.details)}::text[]) AS t(i, s, d)`.execute(trx);
    return;
  }
  await chunked(entries, (part) =>
    trx
      .insertInto('ledger_entries')
      .values(part.map((e) => ({ idx: e.idx, leaf: e.leaf, leaf_hash: e.leafHash, action: e.action, object_type: e.objectType, object_id: e.objectId })))
      .execute(),
  );
  await chunked(nodes, (part) => trx.insertInto('ledger_nodes').values(part.map((n) => ({ level: n.level, idx: n.idx, hash: n.hash }))).execute());
  await chunked(details, (part) =>
    trx.insertInto('ledger_details').values(part.map((d) => ({ idx: d.idx, salt: d.salt, details: d.details, erased_at: null }))).execute(),
  );
}

/** Hashes of the given complete subtrees, keyed `level:idx`. One query. */
export async function readNodes(ex: Executor, wanted: ReadonlyArray<{ level: number; index: bigint }>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (wanted.length === 0) return out;
  // One primary-key lookup per pair: a row-value IN over a VALUES list (both engines), written as raw SQL because
  // building and compiling the equivalent OR of 2×k comparisons costs more than the lookups (proof latency).
  const pairs = sql.join(wanted.map((w) => sql`(CAST(${w.level} AS integer), CAST(${Number(w.index)} AS bigint))`));
  const { rows } = await sql<{ level: number; idx: unknown; hash: string }>`SELECT level, idx, hash FROM ledger_nodes WHERE (level, idx) IN (VALUES ${pairs})`.execute(ex);
  for (const r of rows) out.set(`${r.level}:${toInt(r.idx)}`, r.hash);
  return out;
}

/** Nodes of one level with index in [lo, hi], in order (for full verification). */
export async function readNodeRange(ex: Executor, level: number, lo: number, hi: number): Promise<NodeRow[]> {
  const rows = await ex
    .selectFrom('ledger_nodes')
    .select(['level', 'idx', 'hash'])
    .where('level', '=', level)
    .where('idx', '>=', lo)
    .where('idx', '<=', hi)
    .orderBy('idx')
    .execute();
  return rows.map((r) => ({ level: r.level, idx: toInt(r.idx), hash: r.hash }));
}

export async function countNodes(ex: Executor): Promise<number> {
  const r = await ex.selectFrom('ledger_nodes').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return toInt(r.n);
}

/** Entries with index in [start, end), in order. */
export async function readEntries(ex: Executor, start: number, end: number): Promise<EntryRow[]> {
  const rows = await ex
    .selectFrom('ledger_entries')
    .select(['idx', 'leaf', 'leaf_hash', 'action', 'object_type', 'object_id'])
    .where('idx', '>=', start)
    .where('idx', '<', end)
    .orderBy('idx')
    .execute();
  return rows.map((r) => ({ idx: toInt(r.idx), leaf: r.leaf, leafHash: r.leaf_hash, action: r.action, objectType: r.object_type, objectId: r.object_id }));
}

/** Count and largest index of the entries at or above `from`, and the smallest index of all (for verification). */
export async function entryTail(ex: Executor, from: number): Promise<{ count: number; max: number | null; min: number | null }> {
  const t = await ex
    .selectFrom('ledger_entries')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('idx').as('hi')])
    .where('idx', '>=', from)
    .executeTakeFirstOrThrow();
  const m = await ex.selectFrom('ledger_entries').select((eb) => eb.fn.min('idx').as('lo')).executeTakeFirstOrThrow();
  return { count: toInt(t.n), max: t.hi === null ? null : toInt(t.hi), min: m.lo === null ? null : toInt(m.lo) };
}

/** Deepest level a tree of at most 2^53 leaves can have. */
const MAX_LEVEL = 53;

/**
 * A stored subtree hash that the tree of `size` leaves does not have (level L holds exactly the indices below
 * ⌊size / 2^L⌋), or null. One indexed lookup per level.
 */
export async function strayNode(ex: Executor, size: number): Promise<NodeRow | null> {
  const nodes = () => ex.selectFrom('ledger_nodes').select(['level', 'idx', 'hash']).limit(1);
  // Each lookup is one range of the (level, idx) primary key.
  const found: Array<{ level: number; idx: unknown; hash: string } | undefined> = [await nodes().where('level', '<', 0).executeTakeFirst(), await nodes().where('level', '>', MAX_LEVEL).executeTakeFirst()];
  for (let level = 0; level <= MAX_LEVEL && !found.some((r) => r !== undefined); level++) {
    found.push(await nodes().where('level', '=', level).where('idx', '<', 0).executeTakeFirst());
    found.push(await nodes().where('level', '=', level).where('idx', '>=', Math.floor(size / 2 ** level)).executeTakeFirst());
  }
  const r = found.find((x) => x !== undefined);
  return r ? { level: r.level, idx: toInt(r.idx), hash: r.hash } : null;
}

export async function countEntries(ex: Executor): Promise<number> {
  const r = await ex.selectFrom('ledger_entries').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return toInt(r.n);
}

/** A stored details row: salt (hex) and details (JCS text) until erased. */
export interface StoredDetails {
  salt: string | null;
  details: string | null;
  erasedAt: Date | null;
}

export async function readDetails(ex: Executor, start: number, end: number): Promise<Map<number, StoredDetails>> {
  const rows = await ex.selectFrom('ledger_details').selectAll().where('idx', '>=', start).where('idx', '<', end).execute();
  return new Map(rows.map((r) => [toInt(r.idx), { salt: r.salt, details: r.details, erasedAt: r.erased_at ? toDate(r.erased_at) : null }]));
}

/** Details rows with index in [start, end), in order, as full verification reads them. */
export async function readDetailRows(ex: Executor, start: number, end: number): Promise<Array<{ idx: number; salt: string | null; details: string | null; erased: boolean }>> {
  const rows = await ex
    .selectFrom('ledger_details')
    .select(['idx', 'salt', 'details', 'erased_at'])
    .where('idx', '>=', start)
    .where('idx', '<', end)
    .orderBy('idx')
    .execute();
  return rows.map((r) => ({ idx: toInt(r.idx), salt: r.salt, details: r.details, erased: r.erased_at !== null }));
}

export async function eraseDetails(trx: Executor, indices: number[], at: Date): Promise<number> {
  let n = 0;
  for (let i = 0; i < indices.length; i += CHUNK) {
    const r = await trx
      .updateTable('ledger_details')
      .set({ salt: null, details: null, erased_at: at })
      .where('idx', 'in', indices.slice(i, i + CHUNK))
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    n += Number(r.numUpdatedRows);
  }
  return n;
}

export interface CheckpointRow {
  size: number;
  rootHash: string;
  note: string;
  createdAt: Date;
}

const toCheckpoint = (r: { size: unknown; root_hash: string; note: string; created_at: unknown }): CheckpointRow => ({
  size: toInt(r.size),
  rootHash: r.root_hash,
  note: r.note,
  createdAt: toDate(r.created_at),
});

export async function latestCheckpoint(ex: Executor): Promise<CheckpointRow | undefined> {
  const r = await ex.selectFrom('ledger_checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
  return r ? toCheckpoint(r) : undefined;
}

/** The smallest checkpoint whose tree contains `index` (for receipts). */
export async function checkpointCovering(ex: Executor, index: number): Promise<CheckpointRow | undefined> {
  const r = await ex.selectFrom('ledger_checkpoints').selectAll().where('size', '>', index).orderBy('size', 'asc').limit(1).executeTakeFirst();
  return r ? toCheckpoint(r) : undefined;
}

export async function allCheckpoints(ex: Executor): Promise<CheckpointRow[]> {
  return (await ex.selectFrom('ledger_checkpoints').selectAll().orderBy('size', 'asc').execute()).map(toCheckpoint);
}

export async function insertCheckpoint(trx: Executor, c: CheckpointRow): Promise<void> {
  await trx.insertInto('ledger_checkpoints').values({ size: c.size, root_hash: c.rootHash, note: c.note, created_at: c.createdAt }).execute();
}
