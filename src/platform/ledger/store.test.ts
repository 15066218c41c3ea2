import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import { appendN, dropTriggers, exec, ledgerOn, rolledBack, type LedgerFixture } from '../../../test/ledger/kit.ts';
import { toInt } from '../db/codec.ts';
import type { Executor } from '../db/executor.ts';
import { decompose } from './plan.ts';
import * as store from './store.ts';

describe('hex codecs', () => {
  it('round-trip any bytes, including views into larger buffers', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(8), (bytes, pad) => {
        const big = new Uint8Array(bytes.length + 2 * pad);
        big.set(bytes, pad);
        const view = big.subarray(pad, pad + bytes.length);
        expect(store.hex(view)).toBe(Buffer.from(bytes).toString('hex'));
        expect(store.unhex(store.hex(view))).toEqual(bytes);
      }),
    );
  });
});

const count = async (ex: Executor, table: 'ledger_entries' | 'ledger_nodes' | 'ledger_details' | 'ledger_checkpoints'): Promise<number> => {
  const r = await ex.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return toInt(r.n);
};

describeEachDialect('ledger store', (get, dialect) => {
  let f: LedgerFixture;
  beforeAll(async () => {
    f = ledgerOn(get().db);
    // 1,203 entries in one transaction: every insert is split into several statements (500 rows each).
    await appendN(get().db, f.ledger, 1203);
    await appendN(get().db, f.ledger, 5);
  });
  afterAll(() => f.cleanup());

  it('stores one entry, one details row and every completed subtree per leaf (2n − popcount(n) nodes)', async () => {
    const db = get().db;
    const n = 1208;
    expect((await store.readHead(db)).size).toBe(n);
    expect(await store.countEntries(db)).toBe(n);
    expect(await count(db, 'ledger_details')).toBe(n);
    expect(await store.countNodes(db)).toBe(2 * n - 5); // 1208 = 1024 + 128 + 32 + 16 + 8
    const head = await store.readHead(db);
    expect(head.frontier.map((h) => h.length)).toEqual([32, 32, 32, 32, 32]);
  });

  it('reads entries of a range in order, and nothing outside it', async () => {
    const db = get().db;
    const rows = await store.readEntries(db, 498, 1003);
    expect(rows.map((r) => r.idx)).toEqual(Array.from({ length: 505 }, (_, i) => 498 + i));
    for (const r of rows) expect(r.leafHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.readEntries(db, 1208, 2000)).toEqual([]);
    expect(await store.readEntries(db, 10, 10)).toEqual([]);
  });

  it('readNodes returns exactly the wanted subtrees in one query, readNodeRange a level in order', async () => {
    const db = get().db;
    const wanted = decompose({ start: 0n, end: 1208n }).concat([{ level: 0, index: 7n }, { level: 3, index: 2n }, { level: 20, index: 0n }]);
    const got = await store.readNodes(db, wanted);
    expect([...got.keys()].sort()).toEqual(['0:7', '10:0', '7:8', '5:36', '4:74', '3:150', '3:2'].sort());
    const level0 = await store.readNodeRange(db, 0, 5, 9);
    expect(level0.map((n) => n.idx)).toEqual([5, 6, 7, 8, 9]);
    const entries = await store.readEntries(db, 5, 10);
    expect(level0.map((n) => n.hash)).toEqual(entries.map((e) => e.leafHash));
    expect(await store.readNodes(db, [])).toEqual(new Map());
  });

  it('checkpoints: latest, the smallest covering an index, all in order', async () => {
    const db = get().db;
    expect(await store.latestCheckpoint(db)).toBeUndefined();
    const at = new Date('2026-03-01T10:00:00.000Z');
    await rolledBack(db, async (trx) => {
      for (const size of [100, 1000, 50]) await store.insertCheckpoint(trx, { size, rootHash: 'ab'.repeat(32), note: `note ${size}`, createdAt: at });
      expect((await store.latestCheckpoint(trx))?.size).toBe(1000);
      expect((await store.checkpointCovering(trx, 49))?.size).toBe(50);
      expect((await store.checkpointCovering(trx, 50))?.size).toBe(100);
      expect((await store.checkpointCovering(trx, 999))?.size).toBe(1000);
      expect(await store.checkpointCovering(trx, 1000)).toBeUndefined();
      const all = await store.allCheckpoints(trx);
      expect(all.map((c) => c.size)).toEqual([50, 100, 1000]);
      expect(all[0]?.createdAt.toISOString()).toBe(at.toISOString());
      return null;
    });
  });

  it('entryTail and strayNode describe what lies beyond a size', async () => {
    const db = get().db;
    expect(await store.entryTail(db, 1200)).toEqual({ count: 8, max: 1207, min: 0 });
    expect(await store.entryTail(db, 1208)).toEqual({ count: 0, max: null, min: 0 });
    expect(await store.strayNode(db, 1208)).toBeNull();
    // Against a smaller tree, the nodes of the last entries are strays (level 0 first).
    expect(await store.strayNode(db, 1207)).toMatchObject({ level: 0, idx: 1207 });
    expect(await store.strayNode(db, 1200)).toMatchObject({ level: 0, idx: 1200 });
    await rolledBack(db, async (trx) => {
      await store.insertAppend(trx, [], [{ level: 11, idx: 0, hash: '00'.repeat(32) }], []);
      expect(await store.strayNode(trx, 1208)).toMatchObject({ level: 11, idx: 0 });
      return null;
    });
    await rolledBack(db, async (trx) => {
      await store.insertAppend(trx, [], [{ level: 2, idx: -1, hash: '00'.repeat(32) }], []);
      expect(await store.strayNode(trx, 1208)).toMatchObject({ level: 2, idx: -1 });
      return null;
    });
  });

  it('eraseDetails erases in chunks, only rows not yet erased, and counts them', async () => {
    const db = get().db;
    const at = new Date('2026-03-02T00:00:00.000Z');
    await rolledBack(db, async (trx) => {
      const indices = Array.from({ length: 1100 }, (_, i) => i + 50);
      expect(await store.eraseDetails(trx, indices, at)).toBe(1100);
      expect(await store.eraseDetails(trx, [49, 50, 51, 99_999], at)).toBe(1);
      const d = await store.readDetails(trx, 48, 52);
      expect(d.get(48)?.erasedAt).toBeNull();
      expect(d.get(48)?.details).not.toBeNull();
      for (const i of [49, 50, 51]) expect(d.get(i)).toEqual({ salt: null, details: null, erasedAt: at });
      return null;
    });
  });

  describe('append-only in the database (triggers)', () => {
    const refused = async (run: (ex: Executor) => Promise<unknown>): Promise<string> => {
      // Each attempt in its own transaction: on PostgreSQL an error aborts the transaction it happens in.
      try {
        await rolledBack(get().db, async (trx) => {
          await run(trx);
          return null;
        });
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('the change was not refused');
    };

    it.each([
      ['ledger_entries', `update ledger_entries set leaf = 'x' where idx = 3`],
      ['ledger_entries', `update ledger_entries set idx = 5000 where idx = 3`],
      ['ledger_entries', `delete from ledger_entries where idx = 3`],
      ['ledger_entries', `delete from ledger_entries`],
      ['ledger_nodes', `update ledger_nodes set hash = 'x' where level = 1 and idx = 0`],
      ['ledger_nodes', `delete from ledger_nodes where level = 0 and idx = 3`],
    ])('%s: %s is refused', async (_table, statement) => {
      expect(await refused((ex) => exec(ex, statement))).toMatch(/append-only/);
    });

    it('ledger_checkpoints: UPDATE and DELETE are refused', async () => {
      const db = get().db;
      await f.ledger.issueCheckpoint();
      const before = await store.allCheckpoints(db);
      expect(before).toHaveLength(1);
      expect(await refused((ex) => exec(ex, `update ledger_checkpoints set root_hash = 'x'`))).toMatch(/append-only/);
      expect(await refused((ex) => exec(ex, `update ledger_checkpoints set size = size + 1`))).toMatch(/append-only/);
      expect(await refused((ex) => exec(ex, `delete from ledger_checkpoints`))).toMatch(/append-only/);
      expect(await store.allCheckpoints(db)).toEqual(before);
    });

    it.each([
      ['change the details', `update ledger_details set details = '{}' where idx = 7`],
      ['change the salt', `update ledger_details set salt = '00' where idx = 7`],
      ['null the details without erased_at', `update ledger_details set details = null, salt = null where idx = 7`],
      ['set erased_at and keep the details', `update ledger_details set erased_at = '2026-01-01T00:00:00.000Z' where idx = 7`],
      ['keep the salt', `update ledger_details set details = null, erased_at = '2026-01-01T00:00:00.000Z' where idx = 7`],
      ['move the row', `update ledger_details set idx = 99999, details = null, salt = null, erased_at = '2026-01-01T00:00:00.000Z' where idx = 7`],
      ['delete the row', `delete from ledger_details where idx = 7`],
    ])('ledger_details: refused to %s', async (_what, statement) => {
      const text = dialect === 'postgres' ? statement.replace(/'2026-01-01T00:00:00.000Z'/g, `'2026-01-01T00:00:00.000Z'::timestamptz`) : statement;
      expect(await refused((ex) => exec(ex, text))).toMatch(/only be erased/);
      const d = await store.readDetails(get().db, 7, 8);
      expect(d.get(7)?.details).not.toBeNull();
    });

    it('ledger_details: erasing (details and salt NULL, erased_at set) is allowed', async () => {
      await rolledBack(get().db, async (trx) => {
        await exec(trx, `update ledger_details set details = null, salt = null, erased_at = ? where idx = 7`, new Date('2026-01-01T00:00:00.000Z'));
        expect((await store.readDetails(trx, 7, 8)).get(7)).toEqual({ salt: null, details: null, erasedAt: new Date('2026-01-01T00:00:00.000Z') });
        return null;
      });
    });

    it('ledger_state is the one row that changes; the protection is back after a rolled-back attack', async () => {
      await rolledBack(get().db, async (trx) => {
        await dropTriggers(trx, dialect);
        await exec(trx, `delete from ledger_entries where idx = 3`);
        expect(await store.readEntries(trx, 3, 4)).toEqual([]);
        return null;
      });
      expect(await refused((ex) => exec(ex, `delete from ledger_entries where idx = 3`))).toMatch(/append-only/);
      expect(await store.readEntries(get().db, 3, 4)).toHaveLength(1);
    });
  });
});
