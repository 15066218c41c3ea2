import type { Kysely } from 'kysely';
import type { ColumnTypes } from './types.ts';

// Frozen in time: this file never imports application code and is never edited after release.
// API tokens get scopes: narrow permissions that are not roles (e.g. `ledger:read`), a JSON array of strings.

export async function up(db: Kysely<any>, t: ColumnTypes): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scopes', t.json, (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // SQLite (3.35+) and PostgreSQL both drop a column in place.
  await db.schema.alterTable('api_tokens').dropColumn('scopes').execute();
}
