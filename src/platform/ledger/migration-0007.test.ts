import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeDialects } from '../../../test/kit/dialects.ts';
import { appendBatches, freshLedger, refusal } from '../../../test/ledger/kit.ts';
import * as m0007 from '../db/migrations/0007_ledger_scan.ts';
import { columnTypes } from '../db/migrations/types.ts';
import { leafHash, verifyInclusion } from './merkle.ts';
import { verifyLedger } from './verify.ts';

/**
 * Migration 0007 rebuilds `ledger_entries` and `ledger_details` on SQLite with `idx INTEGER PRIMARY KEY` (the row
 * id) and must keep every row, the lookup index and every trigger; on PostgreSQL it changes nothing.
 */
for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`migration 0007_ledger_scan [${dialect}]`, () => {
    let f: Awaited<ReturnType<typeof freshLedger>>;
    beforeAll(async () => {
      f = await freshLedger(dialect);
      await appendBatches(f.database.db, f, [1, 300, 77, 1024]);
      await f.database.db.transaction().execute((trx) => f.ledger.eraseDetails(trx, [7], 'user:dpo', 'retention'));
      await f.ledger.issueCheckpoint();
    });
    afterAll(() => f?.close());

    const tableSql = async (name: string): Promise<string> => {
      const r = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${name}`.execute(f.database.db);
      return r.rows[0]?.sql ?? '';
    };
    const rows = async () => ({
      entries: (await sql`select * from ledger_entries order by idx`.execute(f.database.db)).rows,
      details: (await sql`select * from ledger_details order by idx`.execute(f.database.db)).rows,
    });
    const refused = (statement: string): Promise<string> => refusal(f.database.db, statement);

    it('keeps every entry and details row, the lookup index and the triggers, down and up again', async () => {
      const db = f.database.db;
      const before = await rows();
      expect(before.entries).toHaveLength(1403);
      expect(before.details).toHaveLength(1403);
      if (dialect === 'sqlite') {
        expect(await tableSql('ledger_entries')).toMatch(/idx INTEGER PRIMARY KEY/);
        expect(await tableSql('ledger_details')).toMatch(/idx INTEGER PRIMARY KEY/);
      }
      const t = columnTypes(dialect);
      for (const step of [m0007.down, m0007.up]) {
        await step(db, t);
        expect(await rows()).toEqual(before);
        expect(await refused(`update ledger_entries set action = 'x' where idx = 1`)).toMatch(/append-only/);
        expect(await refused(`delete from ledger_entries where idx = 3`)).toMatch(/append-only/);
        expect(await refused(`delete from ledger_details where idx = 3`)).toMatch(/can only be erased/);
        expect(await refused(`update ledger_details set details = '{}' where idx = 4`)).toMatch(/can only be erased/);
        expect(await verifyLedger(db, f.ledger.vkey)).toMatchObject({ ok: true, size: 1403, erased: 1 });
        expect(await verifyLedger(db, f.ledger.vkey, { url: f.url })).toMatchObject({ ok: true, size: 1403, erased: 1 });
        if (dialect === 'sqlite') {
          const plan = await sql<{ detail: string }>`explain query plan select idx from ledger_entries where object_type = 'thing' and object_id = 't1'`.execute(db);
          expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/ledger_entries_object_idx/);
        }
      }
      if (dialect === 'sqlite') expect(await tableSql('ledger_entries')).toMatch(/idx INTEGER PRIMARY KEY/);
      // Appends, erasure and proofs work on the rebuilt tables.
      await appendBatches(db, f, [5]);
      await db.transaction().execute((trx) => f.ledger.eraseDetails(trx, [1404], 'user:dpo', 'retention'));
      const [row] = await f.ledger.entries(1400, 1401);
      verifyInclusion(1400n, 1408n, leafHash(new TextEncoder().encode(row?.leaf ?? '')), await f.ledger.inclusionProof(1400, 1408), await f.ledger.root(1408));
      expect(await verifyLedger(db, f.ledger.vkey, { url: f.url })).toMatchObject({ ok: true, size: 1409, erased: 2 });
    });
  });
}
