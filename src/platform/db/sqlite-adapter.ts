import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Gives Kysely's `SqliteDialect` the statement interface it expects, over Node 24's built-in `node:sqlite`
 * (no native addon to compile). It also normalises parameters so services can pass the same JS values on both
 * databases: booleans become 0/1, dates become ISO-8601 UTC strings (which sort correctly as text).
 */
export function toSqliteValue(v: unknown): SQLInputValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return v;
  if (v instanceof Uint8Array) return v;
  throw new TypeError(`unsupported SQLite parameter of type ${typeof v}`);
}

function wrap(stmt: StatementSync, fresh: () => StatementSync): SqliteStatement {
  const params = (p: ReadonlyArray<unknown>): SQLInputValue[] => p.map(toSqliteValue);
  return {
    reader: stmt.columns().length > 0,
    all: (p) => stmt.all(...params(p)),
    run: (p) => stmt.run(...params(p)),
    // A stream keeps its statement open across awaits: it gets a statement of its own, which no other query resets.
    iterate: (p) => fresh().iterate(...params(p)) as IterableIterator<unknown>,
  };
}

/** Prepared statements kept per connection (least recently used dropped first), and the longest SQL kept. */
const STATEMENT_CACHE = 256;
const CACHED_SQL_MAX = 100_000;

export interface SqliteOptions {
  /** Path of the database file, or `:memory:`. */
  path: string;
  /** Milliseconds a writer waits for a lock before failing. */
  busyTimeoutMs?: number;
}

/** Opens a SQLite database tuned for durability: WAL, synchronous=FULL, foreign keys on. */
export function openSqlite(opts: SqliteOptions): { raw: DatabaseSync; kysely: SqliteDatabase } {
  const raw = new DatabaseSync(opts.path, { timeout: opts.busyTimeoutMs ?? 5000 });
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = FULL');
  raw.exec('PRAGMA foreign_keys = ON');
  // Kysely prepares every statement it runs; preparing costs more than running a small query (a ledger proof
  // spent about a quarter of its time in prepare). Statements are reused by their SQL text: node:sqlite binds
  // every parameter on each run and resets the statement after it, and one connection runs one query at a time.
  const cache = new Map<string, SqliteStatement>();
  const prepare = (text: string): SqliteStatement => {
    const hit = cache.get(text);
    if (hit !== undefined) {
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const stmt = wrap(raw.prepare(text), () => raw.prepare(text));
    if (text.length <= CACHED_SQL_MAX) {
      cache.set(text, stmt);
      if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
    }
    return stmt;
  };
  return {
    raw,
    kysely: {
      // Kysely opens transactions with a plain (deferred) BEGIN. A deferred transaction that has read and then
      // writes cannot wait for another process's write lock (SQLite answers "database is locked" at once rather
      // than risk a deadlock). BEGIN IMMEDIATE takes the write lock up front and waits for it (busy timeout), so
      // several processes on one database file queue up instead of failing.
      prepare: (sql: string) => prepare(/^\s*begin\s*$/i.test(sql) ? 'begin immediate' : sql),
      close: () => {
        cache.clear();
        raw.close();
      },
    },
  };
}
