import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeDialects } from '../../../test/kit/dialects.ts';
import { appendBatches, freshLedger, refusal } from '../../../test/ledger/kit.ts';
import { leafHash, verifyInclusion } from './merkle.ts';
import * as store from './store.ts';
import { verifyLedger } from './verify.ts';
import * as m0004 from '../db/migrations/0004_ledger_perf.ts';
import { columnTypes } from '../db/migrations/types.ts';

/** Migration 0004 rebuilds `ledger_nodes` on SQLite (WITHOUT ROWID) and must keep every row and both triggers. */
for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`migration 0004_ledger_perf [${dialect}]`, () => {
    let f: Awaited<ReturnType<typeof freshLedger>>;
    beforeAll(async () => {
      f = await freshLedger(dialect);
      await appendBatches(f.database.db, f, [1, 300, 77, 1024]);
      await f.ledger.issueCheckpoint();
    });
    afterAll(() => f?.close());

    const tableSql = async (): Promise<string> => {
      if (dialect === 'postgres') return '';
      const r = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'ledger_nodes'`.execute(f.database.db);
      return r.rows[0]?.sql ?? '';
    };
    const nodes = async () => (await sql<{ level: number; idx: unknown; hash: string }>`select level, idx, hash from ledger_nodes order by level, idx`.execute(f.database.db)).rows;
    const refused = (statement: string): Promise<string> => refusal(f.database.db, statement);

    it('keeps every subtree hash and the append-only triggers, down and up again', async () => {
      const db = f.database.db;
      const before = await nodes();
      // Level L holds ⌊size / 2^L⌋ subtrees: 2·size − popcount(size) in all, and popcount(size) is the frontier's length.
      const head = await store.readHead(db);
      expect(head.size).toBe(1402);
      expect(before).toHaveLength(2 * head.size - head.frontier.length);
      if (dialect === 'sqlite') expect(await tableSql()).toMatch(/WITHOUT ROWID\s*$/);
      const t = columnTypes(dialect);
      for (const step of [m0004.down, m0004.up]) {
        await step(db, t);
        expect(await nodes()).toEqual(before);
        expect(await refused(`update ledger_nodes set hash = 'x' where level = 1 and idx = 0`)).toMatch(/append-only/);
        expect(await refused(`delete from ledger_nodes where level = 0 and idx = 3`)).toMatch(/append-only/);
        expect(await verifyLedger(db, f.ledger.vkey)).toMatchObject({ ok: true, size: 1402 });
      }
      if (dialect === 'sqlite') expect(await tableSql()).toMatch(/WITHOUT ROWID\s*$/);
      // Appends and proofs work on the rebuilt table.
      await appendBatches(db, f, [5]);
      const [row] = await f.ledger.entries(1400, 1401);
      verifyInclusion(1400n, 1407n, leafHash(new TextEncoder().encode(row?.leaf ?? '')), await f.ledger.inclusionProof(1400, 1407), await f.ledger.root(1407));
    });
  });
}
