import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { decodeEntry, type LedgerEntry } from '../../src/platform/ledger/entry.ts';
import type { Ledger } from '../../src/platform/ledger/ledger.ts';

/** One entry as appended, decoded from its leaf bytes, with its stored details (parsed). */
export interface Recorded {
  entry: LedgerEntry;
  details: unknown;
}

/** What the tests need of a node: its ledger and its database. */
export interface LedgerNode {
  ledger: Ledger;
  database: Database;
}

/** Entries with index in [start, size), decoded from the exact leaf bytes, with their details. */
export async function entriesFrom(node: LedgerNode, start: number): Promise<Recorded[]> {
  const end = await node.ledger.size();
  const rows = await node.ledger.entries(start, end);
  expect(rows.map((r) => r.idx)).toEqual(Array.from({ length: end - start }, (_, i) => start + i));
  const details = await node.database.db.selectFrom('ledger_details').select(['idx', 'details']).where('idx', '>=', start).where('idx', '<', end).execute();
  const byIdx = new Map(details.map((d) => [Number(d.idx), d.details]));
  return rows.map((r) => {
    const entry = decodeEntry(new TextEncoder().encode(r.leaf));
    // The indexed columns agree with the leaf.
    expect([r.action, r.objectType, r.objectId]).toEqual([entry.action, entry.object.type, entry.object.id]);
    const text = byIdx.get(r.idx);
    return { entry, details: typeof text === 'string' ? (JSON.parse(text) as unknown) : null };
  });
}

/** Runs `fn` and returns its result with the entries it appended. */
export async function appendedBy<T>(node: LedgerNode, fn: () => Promise<T>): Promise<{ result: T; entries: Recorded[] }> {
  const start = await node.ledger.size();
  const result = await fn();
  return { result, entries: await entriesFrom(node, start) };
}

/** The entries `fn` appended, as `[action, object type, object id, actor]` rows (the common assertion). */
export async function appended(node: LedgerNode, fn: () => Promise<unknown>): Promise<Array<[string, string, string, string]>> {
  const { entries } = await appendedBy(node, fn);
  return entries.map(({ entry: e }) => [e.action, e.object.type, e.object.id, e.actor]);
}

/** Runs `fn`, which must fail, and returns what it appended (expected: nothing) with the error. */
export async function failedWith(node: LedgerNode, fn: () => Promise<unknown>): Promise<{ error: unknown; entries: Recorded[] }> {
  const start = await node.ledger.size();
  let error: unknown;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected the call to fail').toBeDefined();
  return { error, entries: await entriesFrom(node, start) };
}

/** Every leaf and every details row of the ledger, as one text, to search for secrets. */
export async function ledgerText(database: Database): Promise<string> {
  const leaves = await sql<{ t: string }>`select leaf as t from ledger_entries`.execute(database.db);
  const details = await sql<{ t: string | null }>`select details as t from ledger_details`.execute(database.db);
  return [...leaves.rows, ...details.rows].map((r) => r.t ?? '').join('\n');
}

/** Row counts of the given tables (to check that a refused change changed nothing). */
export async function counts(database: Database, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(database.db);
    out[t] = Number(r.rows[0]?.n ?? -1);
  }
  return out;
}
