import { DatabaseSync } from 'node:sqlite';
import type { Database } from '../src/platform/db/database.ts';
import { appendRows, type AppendInput, type Ledger } from '../src/platform/ledger/ledger.ts';
import * as store from '../src/platform/ledger/store.ts';

/**
 * The benchmark's bulk loader, for growing a tree to 10 M entries in reasonable time. It writes exactly the rows
 * `Ledger.append` writes — built by the same `appendRows` (same encoding, commitment, leaf hash and
 * `plan.appendToFrontier`), so `verifyLedger` and every proof treat them alike — but in transactions of
 * `perCommit` entries, and on SQLite through a second connection with reused prepared statements instead of
 * Kysely's multi-row inserts. It measures nothing that DESIGN §8 asks for: its rate is reported as a load rate.
 */
export async function bulkAppend(
  database: Database,
  ledger: Ledger,
  target: number,
  make: (from: number, n: number) => AppendInput[],
  opts: { sqlitePath?: string; chunk?: number; perCommit?: number } = {},
): Promise<{ appended: number; seconds: number }> {
  const chunk = opts.chunk ?? 1000;
  const perCommit = opts.perCommit ?? 100_000;
  const head = await store.readHead(database.db);
  const start = head.size;
  let size = head.size;
  let frontier = head.frontier;
  const t0 = performance.now();
  let last = t0;
  const progress = () => {
    if (performance.now() - last < 10_000) return;
    last = performance.now();
    process.stderr.write(`  ${size.toLocaleString('en')} entries, ${Math.round((size - start) / ((last - t0) / 1000)).toLocaleString('en')}/s (bulk)\n`);
  };

  if (database.dialect === 'sqlite') {
    if (!opts.sqlitePath) throw new Error('the SQLite bulk loader needs the database path');
    const raw = new DatabaseSync(opts.sqlitePath, { timeout: 5000 });
    raw.exec('PRAGMA journal_mode = WAL');
    raw.exec('PRAGMA synchronous = FULL');
    const insEntry = raw.prepare('INSERT INTO ledger_entries (idx, leaf, leaf_hash, action, object_type, object_id) VALUES (?, ?, ?, ?, ?, ?)');
    const insNode = raw.prepare('INSERT INTO ledger_nodes (level, idx, hash) VALUES (?, ?, ?)');
    const insDetail = raw.prepare('INSERT INTO ledger_details (idx, salt, details, erased_at) VALUES (?, ?, ?, NULL)');
    const setHead = raw.prepare('UPDATE ledger_state SET size = ?, frontier = ?, updated_at = ? WHERE id = 1');
    try {
      while (size < target) {
        raw.exec('BEGIN IMMEDIATE');
        const stop = Math.min(target, size + perCommit);
        const at = new Date();
        while (size < stop) {
          const rows = appendRows(ledger.origin, at, { size, frontier }, make(size, Math.min(chunk, stop - size)));
          for (const e of rows.entries) insEntry.run(e.idx, e.leaf, e.leafHash, e.action, e.objectType, e.objectId);
          for (const n of rows.nodes) insNode.run(n.level, n.idx, n.hash);
          for (const d of rows.details) insDetail.run(d.idx, d.salt, d.details);
          size = rows.size;
          frontier = rows.frontier;
        }
        setHead.run(size, JSON.stringify(frontier.map(store.hex)), at.toISOString());
        raw.exec('COMMIT');
        progress();
        // Let the event loop breathe between large transactions.
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      raw.close();
    }
  } else {
    while (size < target) {
      const stop = Math.min(target, size + perCommit);
      await database.db.transaction().execute(async (trx) => {
        const locked = await store.lockHead(trx, new Date());
        if (locked.size !== size) throw new Error('the ledger grew during the bulk load');
        const at = new Date();
        while (size < stop) {
          const rows = appendRows(ledger.origin, at, { size, frontier }, make(size, Math.min(chunk, stop - size)));
          await store.insertAppend(trx, rows.entries, rows.nodes, rows.details);
          size = rows.size;
          frontier = rows.frontier;
        }
        await store.writeHead(trx, { size, frontier, configDigest: locked.configDigest }, at);
      });
      progress();
    }
  }
  return { appended: size - start, seconds: (performance.now() - t0) / 1000 };
}
