import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import { ManualClock } from '../../src/platform/clock.ts';
import { migrateToLatest, openDatabase, type Database, type Dialect } from '../../src/platform/db/database.ts';
import type { Executor } from '../../src/platform/db/executor.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { AppendInput, Ledger } from '../../src/platform/ledger/ledger.ts';
import { leafHash } from '../../src/platform/ledger/merkle.ts';
import { openLedger } from '../../src/platform/ledger/open.ts';
import * as store from '../../src/platform/ledger/store.ts';
import { createScratch } from '../kit/dialects.ts';

/** A ledger on a database: the real `openLedger`, with its own data folder (identity key) and a manual clock. */
export interface LedgerFixture {
  ledger: Ledger;
  clock: ManualClock;
  dataDir: string;
  /** Removes the data folder. */
  cleanup(): void;
}

export function ledgerOn(db: Kysely<DB>, dataDir?: string): LedgerFixture {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'comity-ledger-'));
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  const { ledger } = openLedger({ db, clock, dataDir: dir });
  return { ledger, clock, dataDir: dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, migrated scratch database of `dialect` with a ledger on it (for tests that damage their ledger). */
export async function freshLedger(dialect: Dialect): Promise<LedgerFixture & { database: Database; url: string; close(): Promise<void> }> {
  const scratch = await createScratch(dialect);
  const database = openDatabase({ url: scratch.url, poolSize: 4 });
  await migrateToLatest(database);
  const f = ledgerOn(database.db);
  return {
    ...f,
    database,
    url: scratch.url,
    close: async () => {
      await database.close();
      await scratch.drop();
      f.cleanup();
    },
  };
}

let counter = 0;

/** `n` entries shaped like the node's own, with small details. */
export function sampleInputs(n: number, tag = 'test'): AppendInput[] {
  return Array.from({ length: n }, () => {
    counter += 1;
    return {
      actor: `user:${counter % 7}`,
      action: `${tag}.touch`,
      object: { type: 'thing', id: `t${counter}` },
      details: { n: counter, note: `personal data ${counter}`, nested: { ok: counter % 2 === 0 } },
    };
  });
}

/** Appends `n` entries in one transaction; returns their indices. */
export function appendN(db: Kysely<DB>, ledger: Ledger, n: number, tag?: string): Promise<number[]> {
  const items = sampleInputs(n, tag);
  return db.transaction().execute((trx) => ledger.append(trx, items));
}

/** Appends `batches` (entry counts), one transaction each, moving the clock a second between them. */
export async function appendBatches(db: Kysely<DB>, f: { ledger: Ledger; clock: ManualClock }, batches: readonly number[]): Promise<void> {
  for (const n of batches) {
    await appendN(db, f.ledger, n);
    f.clock.advance(1000);
  }
}

/** Leaf hashes of entries [0, size), computed here from the stored leaf bytes (not read from the store). */
export async function leafHashes(ex: Executor, from: number, to: number): Promise<Uint8Array[]> {
  const rows = await store.readEntries(ex, from, to);
  return rows.map((r) => leafHash(new TextEncoder().encode(r.leaf)));
}

class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back; returns what `fn` returned. */
export async function rolledBack<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  let out: { v: T } | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      out = { v: await fn(trx) };
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  if (!out) throw new Error('rolledBack: no result');
  return out.v;
}

const LEDGER_TABLES = ['ledger_entries', 'ledger_nodes', 'ledger_details', 'ledger_checkpoints'] as const;

/**
 * Removes the append-only protection of the ledger tables, as an attacker with access to the database files
 * would: SQLite `DROP TRIGGER` (every trigger on a ledger table), PostgreSQL `ALTER TABLE … DISABLE TRIGGER USER`.
 * Both are transactional: inside `rolledBack` the protection comes back with the rollback.
 */
export async function dropTriggers(ex: Executor, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    const r = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and tbl_name like 'ledger%'`.execute(ex);
    if (r.rows.length === 0) throw new Error('no ledger triggers found');
    for (const { name } of r.rows) await sql`DROP TRIGGER ${sql.id(name)}`.execute(ex);
  } else {
    for (const t of LEDGER_TABLES) await sql`ALTER TABLE ${sql.table(t)} DISABLE TRIGGER USER`.execute(ex);
  }
}

/** Raw SQL on the executor (tests that play the attacker). */
export async function exec(ex: Executor, text: string, ...params: unknown[]): Promise<void> {
  const parts = text.split('?');
  const strings = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
  await sql(strings, ...params).execute(ex);
}

/** The message with which the database refuses `statement` (run in a transaction of its own); throws if it runs. */
export async function refusal(db: Kysely<DB>, statement: string): Promise<string> {
  try {
    await db.transaction().execute((trx) => exec(trx, statement));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${statement} was not refused`);
}

/** The ledger tables an attacker's test saves (as `saved_<table>`) and restores after each attack. */
export const ATTACKED_TABLES = ['ledger_entries', 'ledger_nodes', 'ledger_details', 'ledger_checkpoints', 'ledger_state'] as const;

/** Copies every ledger table to `saved_<table>`. */
export async function saveLedgerTables(ex: Executor): Promise<void> {
  for (const t of ATTACKED_TABLES) await sql`CREATE TABLE ${sql.table(`saved_${t}`)} AS SELECT * FROM ${sql.table(t)}`.execute(ex);
}

/** Puts back every ledger table from its `saved_<table>` copy, in one transaction. */
export async function restoreLedgerTables(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const t of ATTACKED_TABLES) {
      await sql`DELETE FROM ${sql.table(t)}`.execute(trx);
      await sql`INSERT INTO ${sql.table(t)} SELECT * FROM ${sql.table(`saved_${t}`)}`.execute(trx);
    }
  });
}
