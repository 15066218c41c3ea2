import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from './types.ts';

// Frozen in time: this file never imports application code and is never edited after release.
// The tamper-evident ledger (DESIGN §4): entries, stored complete-subtree hashes, signed checkpoints, erasable
// details, and the head of the tree. Entries, nodes and checkpoints are append-only in the database too.

const APPEND_ONLY = ['ledger_entries', 'ledger_nodes', 'ledger_checkpoints'] as const;

export async function up(db: Kysely<any>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('ledger_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('frontier', 'text', (c) => c.notNull())
    .addColumn('config_digest', 'text')
    .addColumn('updated_at', t.ts, (c) => c.notNull())
    .execute();
  await db
    .insertInto('ledger_state')
    .values({ id: 1, size: 0, frontier: '[]', config_digest: null, updated_at: new Date(0).toISOString() })
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('idx', 'bigint', (c) => c.primaryKey())
    .addColumn('leaf', 'text', (c) => c.notNull())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_entries_object_idx').on('ledger_entries').columns(['object_type', 'object_id', 'idx']).execute();

  await db.schema
    .createTable('ledger_nodes')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_nodes_pk', ['level', 'idx'])
    .execute();

  await db.schema
    .createTable('ledger_details')
    .addColumn('idx', 'bigint', (c) => c.primaryKey())
    .addColumn('salt', 'text')
    .addColumn('details', 'text')
    .addColumn('erased_at', t.ts)
    .execute();

  await db.schema
    .createTable('ledger_checkpoints')
    .addColumn('size', 'bigint', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', t.ts, (c) => c.notNull())
    .execute();

  if (t.dialect === 'postgres') {
    await sql`CREATE FUNCTION comity_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME; END $$`.execute(db);
    await sql`CREATE FUNCTION comity_ledger_details_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.idx <> OLD.idx OR NEW.details IS NOT NULL OR NEW.salt IS NOT NULL OR NEW.erased_at IS NULL THEN
          RAISE EXCEPTION 'ledger details can only be erased';
        END IF;
        RETURN NEW;
      END $$`.execute(db);
    for (const table of APPEND_ONLY) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH ROW EXECUTE FUNCTION comity_ledger_append_only()`.execute(db);
    }
    await sql`CREATE TRIGGER ledger_details_erase_only BEFORE UPDATE OR DELETE ON ledger_details
      FOR EACH ROW EXECUTE FUNCTION comity_ledger_details_erase_only()`.execute(db);
  } else {
    for (const table of APPEND_ONLY) {
      for (const op of ['UPDATE', 'DELETE']) {
        await sql`CREATE TRIGGER ${sql.raw(`${table}_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ${sql.table(table)}
          BEGIN SELECT RAISE(ABORT, ${sql.lit(`the ledger is append-only: ${op} on ${table} refused`)}); END`.execute(db);
      }
    }
    await sql`CREATE TRIGGER ledger_details_no_delete BEFORE DELETE ON ledger_details
      BEGIN SELECT RAISE(ABORT, 'ledger details can only be erased'); END`.execute(db);
    await sql`CREATE TRIGGER ledger_details_erase_only BEFORE UPDATE ON ledger_details
      WHEN NEW.idx <> OLD.idx OR NEW.details IS NOT NULL OR NEW.salt IS NOT NULL OR NEW.erased_at IS NULL
      BEGIN SELECT RAISE(ABORT, 'ledger details can only be erased'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>, t: ColumnTypes): Promise<void> {
  for (const table of ['ledger_checkpoints', 'ledger_details', 'ledger_nodes', 'ledger_entries', 'ledger_state']) {
    await db.schema.dropTable(table).execute();
  }
  if (t.dialect === 'postgres') {
    await sql`DROP FUNCTION comity_ledger_append_only()`.execute(db);
    await sql`DROP FUNCTION comity_ledger_details_erase_only()`.execute(db);
  }
}
