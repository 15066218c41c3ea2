import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import pg from 'pg';
import { openSqlite } from './sqlite-adapter.ts';
import { migrationsFor, MIGRATION_NAMES } from './migrations/index.ts';
import type { DB } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

/** Pool figures exported to `/metrics`. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** An open database: the Kysely handle plus what the platform needs to run and observe it. */
export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…` selects PostgreSQL; anything else is a SQLite file path (or `:memory:`). */
  url: string;
  /** Maximum PostgreSQL connections in the pool. */
  poolSize?: number;
}

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/** Opens (but does not migrate) a database. */
export function openDatabase(opts: OpenOptions): Database {
  const dialect = dialectOf(opts.url);
  if (dialect === 'postgres') {
    // Return bigint/numeric as strings (the default); timestamps as Date (the default).
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect,
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => db.destroy(),
    };
  }
  const { kysely } = openSqlite({ path: opts.url });
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: kysely }) });
  return {
    db,
    dialect,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: () => db.destroy(),
  };
}

function migrator(database: Database): Migrator {
  const migrations = migrationsFor(database.dialect);
  return new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'comity_migrations',
    migrationLockTableName: 'comity_migrations_lock',
  });
}

function check(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const why = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${why}`);
  }
}

/** Applies every pending migration. Safe to run concurrently from several processes (Kysely takes a lock). */
export async function migrateToLatest(database: Database): Promise<void> {
  check(await migrator(database).migrateToLatest());
}

/** Reverts every migration (used by the migration tests). */
export async function migrateDownAll(database: Database): Promise<void> {
  const m = migrator(database);
  for (let i = 0; i < MIGRATION_NAMES.length; i++) check(await m.migrateDown());
}

/** Names of migrations not yet applied; empty when the schema is current. */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const all = await migrator(database).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
