import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from './types.ts';

// Frozen in time: this file never imports application code and is never edited after release.
// Cooperation requests (DOMAIN §4, DESIGN §7): one row per request on either side, its history (the timeline the
// clocks are computed from), the results, onward-transfer authorizations, the per-case access log (DOMAIN §5)
// and in-app notifications (reminders of legal clocks, incoming requests).

export async function up(db: Kysely<any>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('case_id', t.id, (c) => c.references('cases.id'))
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('type_version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('facts', t.json, (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('their_reference', 'text')
    .addColumn('requesting_state', 'text', (c) => c.notNull())
    .addColumn('requested_state', 'text', (c) => c.notNull())
    .addColumn('counterpart_node', 'text')
    .addColumn('conversation', t.id)
    .addColumn('remote_id', t.id)
    .addColumn('drafting_language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', t.json, (c) => c.notNull())
    .addColumn('linked_request_id', t.id, (c) => c.references('requests.id'))
    .addColumn('linked_reference', 'text')
    .addColumn('created_by', t.id)
    .addColumn('submitted_by', t.id)
    .addColumn('authorized_by', t.id)
    .addColumn('authorization', t.json)
    .addColumn('decision', t.json)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.ts, (c) => c.notNull())
    .addColumn('updated_at', t.ts, (c) => c.notNull())
    .addColumn('transmitted_at', t.ts)
    .addColumn('closed_at', t.ts)
    .execute();
  await db.schema.createIndex('requests_case_idx').on('requests').columns(['case_id', 'created_at']).execute();
  await db.schema.createIndex('requests_list_idx').on('requests').columns(['side', 'created_at', 'id']).execute();
  await db.schema.createIndex('requests_state_idx').on('requests').columns(['state']).execute();
  await db.schema.createIndex('requests_linked_idx').on('requests').columns(['linked_request_id']).execute();
  // One request per conversation and counterpart: how an incoming message finds its request.
  await sql`CREATE UNIQUE INDEX requests_conversation_idx ON requests (counterpart_node, conversation) WHERE conversation IS NOT NULL`.execute(db);

  await db.schema
    .createTable('request_events')
    .addColumn('request_id', t.id, (c) => c.notNull().references('requests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', t.ts, (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('details', t.json, (c) => c.notNull())
    .addColumn('ledger_index', 'bigint')
    .addColumn('message_id', t.id)
    .addPrimaryKeyConstraint('request_events_pk', ['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('request_results')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('request_id', t.id, (c) => c.notNull().references('requests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', t.ts, (c) => c.notNull())
    .addColumn('final', t.bool, (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('items', t.json, (c) => c.notNull())
    .addColumn('use_limitation', 'text', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('conditions', t.json, (c) => c.notNull())
    .addColumn('preserved_until', 'text')
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('request_results_seq', ['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('request_onward_transfers')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('request_id', t.id, (c) => c.notNull().references('requests.id'))
    .addColumn('remote_id', t.id)
    .addColumn('third_state', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text')
    .addColumn('requested_at', t.ts, (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', t.ts)
    .addColumn('decided_by', 'text')
    .addColumn('transferred_at', t.ts)
    .addColumn('transferred_by', 'text')
    .execute();
  await db.schema.createIndex('request_onward_request_idx').on('request_onward_transfers').columns(['request_id']).execute();

  await db.schema
    .createTable('request_access_log')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('request_id', t.id, (c) => c.notNull().references('requests.id'))
    .addColumn('case_id', t.id)
    .addColumn('user_id', t.id, (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', t.ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_access_request_idx').on('request_access_log').columns(['request_id', 'at']).execute();
  await db.schema.createIndex('request_access_case_idx').on('request_access_log').columns(['case_id', 'at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('request_id', t.id, (c) => c.references('requests.id'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('due_at', t.ts)
    .addColumn('created_at', t.ts, (c) => c.notNull())
    .addColumn('read_at', t.ts)
    .addColumn('emailed_at', t.ts)
    .addUniqueConstraint('notifications_dedupe', ['user_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();

  // The access log is evidence of who saw what (DOMAIN §5): never changed, never deleted.
  if (t.dialect === 'postgres') {
    await sql`CREATE FUNCTION request_access_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'request_access_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER request_access_log_no_change BEFORE UPDATE OR DELETE ON request_access_log
      FOR EACH ROW EXECUTE FUNCTION request_access_log_immutable()`.execute(db);
  } else {
    await sql`CREATE TRIGGER request_access_log_no_update BEFORE UPDATE ON request_access_log
      BEGIN SELECT RAISE(ABORT, 'request_access_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER request_access_log_no_delete BEFORE DELETE ON request_access_log
      BEGIN SELECT RAISE(ABORT, 'request_access_log is append-only'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>, t: ColumnTypes): Promise<void> {
  if (t.dialect === 'postgres') {
    await sql`DROP TRIGGER IF EXISTS request_access_log_no_change ON request_access_log`.execute(db);
    await sql`DROP FUNCTION IF EXISTS request_access_log_immutable()`.execute(db);
  }
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('request_access_log').execute();
  await db.schema.dropTable('request_onward_transfers').execute();
  await db.schema.dropTable('request_results').execute();
  await db.schema.dropTable('request_events').execute();
  await db.schema.dropTable('requests').execute();
}
