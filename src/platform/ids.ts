import { v7 } from 'uuid';

/** A new UUIDv7 (RFC 9562): time-ordered, so primary keys stay index-friendly and sortable by creation. */
export function newId(): string {
  return v7();
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for a canonical lower-case UUID string (what PostgreSQL's `uuid` type accepts without error). */
export function isUuid(s: string): boolean {
  return UUID_RE.test(s);
}
