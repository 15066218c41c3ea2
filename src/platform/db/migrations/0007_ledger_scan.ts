import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from './types.ts';

// Frozen in time: this file never imports application code and is never edited after release.
// Ledger verification speed (docs/benchmarks.md): on SQLite, `ledger_entries` and `ledger_details` are keyed by
// `idx INTEGER PRIMARY KEY`, SQLite's row id, so verification reads a range of entries as one walk along the
// table's own B-tree instead of walking the primary-key index and looking up each row in the table (measured:
// about 200 ns a row, half the cost of reading an entry). The tables are smaller too (no separate key index).
// Same columns, same rows, same indexes and triggers. PostgreSQL is unchanged: its primary-key index already
// serves these range scans.

async function rebuild(db: Kysely<any>, key: string): Promise<void> {
  await sql`CREATE TABLE ledger_entries_rebuilt (
      idx ${sql.raw(key)},
      leaf text NOT NULL,
      leaf_hash text NOT NULL,
      action text NOT NULL,
      object_type text NOT NULL,
      object_id text NOT NULL
    )`.execute(db);
  await sql`INSERT INTO ledger_entries_rebuilt (idx, leaf, leaf_hash, action, object_type, object_id)
      SELECT idx, leaf, leaf_hash, action, object_type, object_id FROM ledger_entries ORDER BY idx`.execute(db);
  await sql`CREATE TABLE ledger_details_rebuilt (idx ${sql.raw(key)}, salt text, details text, erased_at text)`.execute(db);
  await sql`INSERT INTO ledger_details_rebuilt (idx, salt, details, erased_at) SELECT idx, salt, details, erased_at FROM ledger_details ORDER BY idx`.execute(db);
  // Dropping the tables drops their index and triggers; they are made again below, as 0002_ledger made them.
  await sql`DROP TABLE ledger_entries`.execute(db);
  await sql`DROP TABLE ledger_details`.execute(db);
  await sql`ALTER TABLE ledger_entries_rebuilt RENAME TO ledger_entries`.execute(db);
  await sql`ALTER TABLE ledger_details_rebuilt RENAME TO ledger_details`.execute(db);
  await sql`CREATE INDEX ledger_entries_object_idx ON ledger_entries (object_type, object_id, idx)`.execute(db);
  for (const op of ['UPDATE', 'DELETE']) {
    await sql`CREATE TRIGGER ${sql.raw(`ledger_entries_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ledger_entries
      BEGIN SELECT RAISE(ABORT, ${sql.lit(`the ledger is append-only: ${op} on ledger_entries refused`)}); END`.execute(db);
  }
  await sql`CREATE TRIGGER ledger_details_no_delete BEFORE DELETE ON ledger_details
      BEGIN SELECT RAISE(ABORT, 'ledger details can only be erased'); END`.execute(db);
  await sql`CREATE TRIGGER ledger_details_erase_only BEFORE UPDATE ON ledger_details
      WHEN NEW.idx <> OLD.idx OR NEW.details IS NOT NULL OR NEW.salt IS NOT NULL OR NEW.erased_at IS NULL
      BEGIN SELECT RAISE(ABORT, 'ledger details can only be erased'); END`.execute(db);
}

// Kysely runs SQLite migrations outside a transaction: the rebuild makes its own, so it happens wholly or not at all.
export async function up(db: Kysely<any>, t: ColumnTypes): Promise<void> {
  if (t.dialect === 'sqlite') await db.transaction().execute((trx) => rebuild(trx, 'INTEGER PRIMARY KEY'));
}

export async function down(db: Kysely<any>, t: ColumnTypes): Promise<void> {
  if (t.dialect === 'sqlite') await db.transaction().execute((trx) => rebuild(trx, 'bigint PRIMARY KEY'));
}
