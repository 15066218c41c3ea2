import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from './types.ts';

// Frozen in time: this file never imports application code and is never edited after release.
// Federation (DESIGN §5): the accepted directory versions, the transactional outbox and the durable inbox,
// connectivity pings, the checkpoints this node witnessed for others, the cosignatures others gave this node's
// checkpoints, and the operator alerts (dead letters, forked logs).

export async function up(db: Kysely<any>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('federation_directory')
    .addColumn('version', 'bigint', (c) => c.primaryKey())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('jws', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('accepted_at', t.ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('federation_outbox')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('peer', 'text', (c) => c.notNull())
    .addColumn('conversation', t.id, (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('jwe', 'text')
    .addColumn('digest', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.ts, (c) => c.notNull())
    .addColumn('lease_until', t.ts)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.ts, (c) => c.notNull())
    .addColumn('expires_at', t.ts, (c) => c.notNull())
    .addColumn('delivered_at', t.ts)
    .addColumn('receipt', 'text')
    .addColumn('prior_digests', 'text', (c) => c.notNull().defaultTo('[]'))
    .addUniqueConstraint('federation_outbox_order', ['peer', 'conversation', 'seq'])
    .execute();
  await db.schema.createIndex('federation_outbox_due_idx').on('federation_outbox').columns(['state', 'next_attempt_at']).execute();
  // The undelivered messages of a conversation, for the ordering window of the delivery claim (a partial index:
  // it stays small however long the conversation's history grows).
  await sql`CREATE INDEX federation_outbox_undelivered_idx ON federation_outbox (peer, conversation, seq) WHERE state <> 'delivered'`.execute(db);

  await db.schema
    .createTable('federation_inbox')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('conversation', t.id, (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('receipt', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.ts, (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('received_at', t.ts, (c) => c.notNull())
    .addColumn('processed_at', t.ts)
    .addUniqueConstraint('federation_inbox_order', ['sender', 'conversation', 'seq'])
    .execute();
  await db.schema.createIndex('federation_inbox_due_idx').on('federation_inbox').columns(['state', 'next_attempt_at']).execute();

  await db.schema
    .createTable('federation_pings')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('peer', 'text', (c) => c.notNull())
    .addColumn('sent_at', t.ts, (c) => c.notNull())
    .addColumn('delivered_at', t.ts)
    .addColumn('pong_at', t.ts)
    .addColumn('round_trip_ms', 'integer')
    .execute();

  await db.schema
    .createTable('witness_checkpoints')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('peer', 'text', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('cosignature', 'text', (c) => c.notNull())
    .addColumn('witnessed_at', t.ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('witness_checkpoints_pk', ['origin', 'size'])
    .execute();

  await db.schema
    .createTable('ledger_cosignatures')
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('witness', 'text', (c) => c.notNull())
    .addColumn('witness_name', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('received_at', t.ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_cosignatures_pk', ['size', 'witness'])
    .execute();

  await db.schema
    .createTable('federation_alerts')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('peer', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', t.ts, (c) => c.notNull())
    .addColumn('acknowledged_at', t.ts)
    .execute();
  await db.schema.createIndex('federation_alerts_created_idx').on('federation_alerts').columns(['created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'federation_alerts',
    'ledger_cosignatures',
    'witness_checkpoints',
    'federation_pings',
    'federation_inbox',
    'federation_outbox',
    'federation_directory',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
