/**
 * Column codecs: the two engines return different JS types for the same logical column (PostgreSQL gives
 * `Date`, `boolean`, parsed JSON and string bigints; SQLite gives text and integers). Stores read every such column
 * through these functions so that services see the same types on both databases.
 */

/** Reads a timestamp column (Date on PostgreSQL, ISO text on SQLite). */
export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw new TypeError(`not a timestamp: ${String(v)}`);
}

export function toDateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : toDate(v);
}

/** Reads a boolean column (boolean on PostgreSQL, 0/1 on SQLite). */
export function toBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return v !== 0 && v !== 0n;
  if (v === 't' || v === 'true' || v === '1') return true;
  if (v === 'f' || v === 'false' || v === '0') return false;
  throw new TypeError(`not a boolean: ${String(v)}`);
}

/** Reads a JSON column (parsed by the driver on PostgreSQL `jsonb`, text on SQLite). */
export function fromJson<T>(v: unknown): T {
  if (typeof v === 'string') return JSON.parse(v) as T;
  return v as T;
}

/** Writes a JSON column: always as text, so PostgreSQL never mistakes a JS array for a SQL array. */
export function toJson(v: unknown): string {
  return JSON.stringify(v);
}

/** Reads a count or bigint column (string on PostgreSQL, number on SQLite). */
export function toInt(v: unknown): number {
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'string' ? Number.parseInt(v, 10) : Number(v);
  if (!Number.isSafeInteger(n)) throw new TypeError(`not an integer: ${String(v)}`);
  return n;
}
