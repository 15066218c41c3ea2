import { DatabaseSync, type StatementSync } from 'node:sqlite';
import pg from 'pg';
import type { DetailsRow, LeafRow, StoredNode, VerifySource } from './verify-range.ts';

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

function sqliteSource(path: string): ClosableSource {
  // Read-only: verification never writes. WAL lets it read beside a running node.
  const db = new DatabaseSync(path, { readOnly: true, timeout: 5000 });
  const prepared: StatementSync[] = [db.prepare(ENTRIES), db.prepare(DETAILS), db.prepare(NODES)];
  const [entries, details, nodes] = prepared as [StatementSync, StatementSync, StatementSync];
  return {
    entries: (start, end) => entries.all(start, end) as unknown as LeafRow[],
    // `erased` is 0 or 1 here; verification only tests it for truth.
    details: (start, end) => details.all(start, end) as unknown as DetailsRow[],
    nodes: (level, lo, hi) => nodes.all(level, lo, hi) as unknown as StoredNode[],
    close: async () => db.close(),
  };
}

async function postgresSource(url: string): Promise<ClosableSource> {
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
  return {
    entries: (start, end) => batch<LeafRow>('comity_verify_entries', entries, [start, end]),
    details: (start, end) => batch<DetailsRow>('comity_verify_details', details, [start, end]),
    nodes: (level, lo, hi) => batch<StoredNode>('comity_verify_nodes', nodes, [level, lo, hi]),
    close: () => client.end(),
  };
}

export async function openSource(url: string): Promise<ClosableSource> {
  return /^postgres(ql)?:\/\//i.test(url) ? postgresSource(url) : sqliteSource(url);
}
