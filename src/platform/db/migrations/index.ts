import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes, type ColumnTypes } from './types.ts';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_ledger.ts';
import * as m0003 from './0003_token_scopes.ts';
import * as m0004 from './0004_ledger_perf.ts';
import * as m0005 from './0005_federation.ts';
import * as m0006 from './0006_requests.ts';
import * as m0007 from './0007_ledger_scan.ts';

interface DialectMigration {
  up(db: Kysely<any>, t: ColumnTypes): Promise<void>;
  down(db: Kysely<any>, t: ColumnTypes): Promise<void>;
}

/** Every migration, in order. Names are permanent: they are recorded in the database. */
const ALL: ReadonlyArray<[string, DialectMigration]> = [
  ['0001_foundation', m0001],
  ['0002_ledger', m0002],
  ['0003_token_scopes', m0003],
  ['0004_ledger_perf', m0004],
  ['0005_federation', m0005],
  ['0006_requests', m0006],
  ['0007_ledger_scan', m0007],
];

/** The migrations bound to one engine's column types, as Kysely's `Migrator` expects them. */
export function migrationsFor(dialect: 'sqlite' | 'postgres'): Record<string, Migration> {
  const t = columnTypes(dialect);
  const out: Record<string, Migration> = {};
  for (const [name, m] of ALL) {
    out[name] = { up: (db) => m.up(db, t), down: (db) => m.down(db, t) };
  }
  return out;
}

export const MIGRATION_NAMES: readonly string[] = ALL.map(([n]) => n);
