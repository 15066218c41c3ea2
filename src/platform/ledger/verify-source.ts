import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { DetailsRow, LeafRow, PackedBatch, StoredNode, VerifySource } from './verify-range.ts';

/**
 * Read-only connections of their own for verification in worker threads (`verify-worker.ts`): the ledger tables
 * read in index order by keyset ranges, with one prepared statement per table, and the rows already in the shape
 * `verifyRange` reads (no per-row mapping). `url` is what `openDatabase` was given: `postgres://…` or a SQLite
 * file path.
 */
export interface ClosableSource extends VerifySource {
  close(): Promise<void>;
}

const ENTRIES = 'SELECT idx, leaf, leaf_hash AS "leafHash", action, object_type AS "objectType", object_id AS "objectId" FROM ledger_entries WHERE idx >= ? AND idx < ? ORDER BY idx';
const DETAILS = 'SELECT idx, salt, details, erased_at IS NOT NULL AS erased FROM ledger_details WHERE idx >= ? AND idx < ? ORDER BY idx';
const NODES = 'SELECT idx, hash FROM ledger_nodes WHERE level = ? AND idx >= ? AND idx <= ? ORDER BY idx';

// The packed reads of the native batch check (native/ledger_verify.c): each batch of rows as one UTF-8 value, so
// no row becomes a JavaScript object. SQLite concatenates in the order it walks the rows: the table's own B-tree
// for entries and details (idx is the row id, migration 0007) and the primary key (level, idx) for nodes — index
// order; the native check also holds every leaf's seq to its position, so rows out of order fail it either way.
// Null columns become empty text, which the check refuses where the row-by-row path would. The rows are not
// counted: idx is unique and an integer, and the check requires exactly n records of each table.
const PACKED_ENTRIES = `SELECT
  CAST(group_concat(concat_ws(char(9), leaf_hash, action, object_type, object_id, leaf), char(10)) AS BLOB) AS rec
  FROM ledger_entries WHERE idx >= ? AND idx < ?`;
const PACKED_DETAILS = `SELECT
  CAST(group_concat(concat_ws(char(9), erased_at IS NOT NULL, ifnull(salt, ''), ifnull(details, '')), char(10)) AS BLOB) AS det
  FROM ledger_details WHERE idx >= ? AND idx < ?`;
const PACKED_NODES = `SELECT CAST(group_concat(hash, '') AS BLOB) AS hashes FROM ledger_nodes WHERE level = ? AND idx >= ? AND idx <= ?`;

const EMPTY = new Uint8Array(0);

function sqliteSource(path: string): ClosableSource {
  // Read-only: verification never writes. WAL lets it read beside a running node.
  const db = new DatabaseSync(path, { readOnly: true, timeout: 5000 });
  const prepared: StatementSync[] = [ENTRIES, DETAILS, NODES, PACKED_ENTRIES, PACKED_DETAILS, PACKED_NODES].map((q) => db.prepare(q));
  const [entries, details, nodes, packedEntries, packedDetails, packedNodes] = prepared as [StatementSync, StatementSync, StatementSync, StatementSync, StatementSync, StatementSync];
  return {
    entries: (start, end) => entries.all(start, end) as unknown as LeafRow[],
    // `erased` is 0 or 1 here; verification only tests it for truth.
    details: (start, end) => details.all(start, end) as unknown as DetailsRow[],
    nodes: (level, lo, hi) => nodes.all(level, lo, hi) as unknown as StoredNode[],
    packed: (start, end) => {
      const e = packedEntries.get(start, end) as { rec: Uint8Array | null };
      const d = packedDetails.get(start, end) as { det: Uint8Array | null };
      return { rec: e.rec ?? EMPTY, det: d.det ?? EMPTY };
    },
    packedNodes: (level, lo, hi) => (packedNodes.get(level, lo, hi) as { hashes: Uint8Array | null }).hashes ?? EMPTY,
    // node:sqlite returns each value in an ArrayBuffer of its own: transferring it away (to an empty one) frees its
    // memory now. Anything else (an empty constant, a view into a larger buffer) is left alone.
    release: (bytes) => {
      if (bytes.byteLength > 0 && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) bytes.buffer.transfer(0);
    },
    close: async () => db.close(),
  };
}

async function postgresSource(url: string): Promise<ClosableSource> {
  // Imported here, not at the top: a worker reading SQLite does not pay for loading the PostgreSQL client.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Each batch comes back as one JSON array (json_agg, ordered by idx) in one field: node-postgres then parses one
  // row per batch instead of thousands, and JSON.parse builds the rows in the shape verifyRange reads. bigint
  // indices become JSON numbers: exact below 2^53, every index a JS number can hold.
  const batch = async <T>(name: string, text: string, values: number[]): Promise<T[]> => {
    const r = await client.query<{ rows: string }>({ name, text, values });
    return JSON.parse(r.rows[0]?.rows ?? '[]') as T[];
  };
  const agg = (fields: string, from: string): string => `SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY idx), '[]')::text AS rows FROM ${from}`;
  const entries = agg(
    `'idx', idx, 'leaf', leaf, 'leafHash', leaf_hash, 'action', action, 'objectType', object_type, 'objectId', object_id`,
    'ledger_entries WHERE idx >= $1 AND idx < $2',
  );
  const details = agg(`'idx', idx, 'salt', salt, 'details', details, 'erased', erased_at IS NOT NULL`, 'ledger_details WHERE idx >= $1 AND idx < $2');
  const nodes = agg(`'idx', idx, 'hash', hash`, 'ledger_nodes WHERE level = $1 AND idx >= $2 AND idx <= $3');
  // The packed reads of the native batch check, as on SQLite (see there); here string_agg orders by idx itself.
  // They come back as text and are encoded to UTF-8 here: the very bytes the row-by-row path hashes, since it reads
  // the same text through the same client. (As bytea, the server would send them hex-encoded, twice the size, and
  // build that on the cores verification uses: 5.6 s → 3.8 s for 1 M leaves here.) UTF-8 for the hashes too, never
  // latin1, which would turn a non-ASCII character into a byte that might read as a hex digit.
  const packedEntries = `SELECT
    string_agg(concat_ws(E'\\t', leaf_hash, action, object_type, object_id, leaf), E'\\n' ORDER BY idx) AS rec
    FROM ledger_entries WHERE idx >= $1 AND idx < $2`;
  const packedDetails = `SELECT
    string_agg(concat_ws(E'\\t', CASE WHEN erased_at IS NULL THEN '0' ELSE '1' END, coalesce(salt, ''), coalesce(details, '')), E'\\n' ORDER BY idx) AS det
    FROM ledger_details WHERE idx >= $1 AND idx < $2`;
  const packedNodes = `SELECT string_agg(hash, '' ORDER BY idx) AS hashes FROM ledger_nodes WHERE level = $1 AND idx >= $2 AND idx <= $3`;
  return {
    entries: (start, end) => batch<LeafRow>('comity_verify_entries', entries, [start, end]),
    details: (start, end) => batch<DetailsRow>('comity_verify_details', details, [start, end]),
    nodes: (level, lo, hi) => batch<StoredNode>('comity_verify_nodes', nodes, [level, lo, hi]),
    packed: async (start, end) => {
      const e = (await client.query<{ rec: string | null }>({ name: 'comity_verify_packed_entries', text: packedEntries, values: [start, end] })).rows[0];
      const d = (await client.query<{ det: string | null }>({ name: 'comity_verify_packed_details', text: packedDetails, values: [start, end] })).rows[0];
      return { rec: e?.rec ? Buffer.from(e.rec, 'utf8') : EMPTY, det: d?.det ? Buffer.from(d.det, 'utf8') : EMPTY };
    },
    packedNodes: async (level, lo, hi) =>
      Buffer.from((await client.query<{ hashes: string | null }>({ name: 'comity_verify_packed_nodes', text: packedNodes, values: [level, lo, hi] })).rows[0]?.hashes ?? '', 'utf8'),
    close: () => client.end(),
  };
}

export async function openSource(url: string): Promise<ClosableSource> {
  return /^postgres(ql)?:\/\//i.test(url) ? postgresSource(url) : sqliteSource(url);
}
