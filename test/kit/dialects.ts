import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { migrateToLatest, openDatabase, type Database, type Dialect } from '../../src/platform/db/database.ts';

/**
 * The dialect list, declared once (as Kysely's own suite does). `TEST_DIALECTS=sqlite,postgres` (CI) requires
 * both; unset, SQLite always runs and PostgreSQL runs when reachable — otherwise it is reported as skipped.
 */
export const REQUESTED: readonly Dialect[] = (process.env.TEST_DIALECTS ?? 'sqlite,postgres?')
  .split(',')
  .map((s) => s.trim().replace(/\?$/, ''))
  .filter((s): s is Dialect => s === 'sqlite' || s === 'postgres');

export const PG_REQUIRED = /(^|,)\s*postgres\s*(,|$)/.test(process.env.TEST_DIALECTS ?? '');
export const PG_ADMIN_URL = process.env.COMITY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function pgAvailable(): boolean {
  return inject('pgAvailable');
}

/** A fresh, empty database of the given dialect; `drop()` removes it. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createScratch(dialect: Dialect): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'comity-test-'));
    return { url: join(dir, 'comity.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `comity_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The dialects this run covers, with the reason a requested one is skipped. */
export function activeDialects(): Array<{ dialect: Dialect; skip: string | null }> {
  return REQUESTED.map((dialect) => ({
    dialect,
    skip: dialect === 'postgres' && !pgAvailable() ? `PostgreSQL not reachable at ${PG_ADMIN_URL}` : null,
  }));
}

/**
 * Declares `fn` once per dialect, each against its own freshly migrated database, with identical assertions.
 * `get()` returns the open database inside tests.
 */
export function describeEachDialect(name: string, fn: (get: () => Database, dialect: Dialect) => void): void {
  for (const { dialect, skip } of activeDialects()) {
    const d = skip ? describe.skip : describe;
    d(`${name} [${dialect}]`, () => {
      let scratch: ScratchDatabase | undefined;
      let database: Database | undefined;
      beforeAll(async () => {
        scratch = await createScratch(dialect);
        database = openDatabase({ url: scratch.url, poolSize: 4 });
        await migrateToLatest(database);
      });
      afterAll(async () => {
        await database?.close();
        await scratch?.drop();
      });
      fn(() => {
        if (!database) throw new Error('database not open yet');
        return database;
      }, dialect);
    });
  }
}
