import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from './types.ts';

// Frozen in time: this file never imports application code and is never edited after release.
// Ledger proof latency (docs/benchmarks.md): on SQLite, `ledger_nodes` becomes a WITHOUT ROWID table clustered on
// its primary key (level, idx), so each subtree-hash lookup of a proof descends one B-tree instead of an index and
// then the table, and the table is smaller. Same columns, same rows, same append-only triggers. PostgreSQL's
// primary-key index already serves these lookups: nothing changes there.

async function rebuildNodes(db: Kysely<any>, withoutRowid: boolean): Promise<void> {
  await sql`CREATE TABLE ledger_nodes_rebuilt (
      level integer NOT NULL,
      idx bigint NOT NULL,
      hash text NOT NULL,
      CONSTRAINT ledger_nodes_pk PRIMARY KEY (level, idx)
    )${sql.raw(withoutRowid ? ' WITHOUT ROWID' : '')}`.execute(db);
  await sql`INSERT INTO ledger_nodes_rebuilt (level, idx, hash) SELECT level, idx, hash FROM ledger_nodes ORDER BY level, idx`.execute(db);
  // Dropping the table drops its triggers; they are made again below, as 0002_ledger made them.
  await sql`DROP TABLE ledger_nodes`.execute(db);
  await sql`ALTER TABLE ledger_nodes_rebuilt RENAME TO ledger_nodes`.execute(db);
  for (const op of ['UPDATE', 'DELETE']) {
    await sql`CREATE TRIGGER ${sql.raw(`ledger_nodes_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ledger_nodes
      BEGIN SELECT RAISE(ABORT, ${sql.lit(`the ledger is append-only: ${op} on ledger_nodes refused`)}); END`.execute(db);
  }
}

// Kysely runs SQLite migrations outside a transaction: the rebuild makes its own, so it happens wholly or not at all.
export async function up(db: Kysely<any>, t: ColumnTypes): Promise<void> {
  if (t.dialect === 'sqlite') await db.transaction().execute((trx) => rebuildNodes(trx, true));
}

export async function down(db: Kysely<any>, t: ColumnTypes): Promise<void> {
  if (t.dialect === 'sqlite') await db.transaction().execute((trx) => rebuildNodes(trx, false));
}
