import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** What a store function runs its SQL on: the database, or the transaction its service opened. */
export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Runs `fn` in one database transaction. Every service call that changes state goes through here so that the
 * change, its ledger entry and any outbox message commit together or not at all. Inside `fn` use only `trx`.
 */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

/** True when a database error is a unique-constraint violation (either engine). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; errcode?: unknown; message?: unknown };
  if (err?.code === '23505') return true;
  const msg = typeof err?.message === 'string' ? err.message : '';
  return /UNIQUE constraint failed/i.test(msg) || err?.errcode === 2067 || err?.errcode === 1555;
}
