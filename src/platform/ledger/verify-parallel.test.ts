import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeDialects } from '../../../test/kit/dialects.ts';
import { appendBatches, ATTACKED_TABLES, dropTriggers, exec, freshLedger, restoreLedgerTables, saveLedgerTables } from '../../../test/ledger/kit.ts';
import type { Executor } from '../db/executor.ts';
import { decodeEntry, encodeEntry } from './entry.ts';
import { leafHash } from './merkle.ts';
import { appendToFrontier, type Frontier } from './plan.ts';
import * as store from './store.ts';
import { fastPathAccepts, fullPathVerdict, type LeafRow } from './verify-range.ts';
import { verifyLedger, type VerifyResult } from './verify.ts';

/**
 * Verification in worker threads (each with its own connection) and in ranges folded by the main thread must
 * report exactly what the one-thread pass reports. Tampering is committed here (workers cannot see a caller's
 * transaction), on a scratch ledger whose tables are restored from a copy after each attack.
 */

/** Ranges of 2^8 = 256 leaves: a 3,000-entry ledger spans 12 of them, the last one partial. */
const CHUNK_LEVEL = 8;
const BATCHES = [1, 200, 55, 700, 1000, 44, 256, 512, 233];
/** Checkpoints after these batches: sizes 201, 256 (a range's end), 956, 2256, 3001; then one more after an erasure. */
const CHECKPOINT_AFTER = new Set([1, 2, 3, 6, 8]);

for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`verifyLedger in worker threads [${dialect}]`, () => {
    let f: Awaited<ReturnType<typeof freshLedger>>;
    let size = 0;
    let checkpointSizes: number[] = [];

    beforeAll(async () => {
      f = await freshLedger(dialect);
      const db = f.database.db;
      for (const [k, n] of BATCHES.entries()) {
        await appendBatches(db, f, [n]);
        if (CHECKPOINT_AFTER.has(k)) await f.ledger.issueCheckpoint();
      }
      await db.transaction().execute((trx) => f.ledger.eraseDetails(trx, [3, 300, 2999], 'user:dpo', 'data subject request'));
      await f.ledger.issueCheckpoint();
      size = await f.ledger.size();
      checkpointSizes = (await store.allCheckpoints(db)).map((c) => c.size);
      // This ledger is the attacker's from now on: no triggers, and a copy of every table to restore from.
      await db.transaction().execute(async (trx) => {
        await dropTriggers(trx, dialect);
        await saveLedgerTables(trx);
      });
    }, 120_000);
    afterAll(() => f?.close());

    const parallel = (opts: { workers?: number; chunkLevel?: number; batch?: number } = {}) =>
      verifyLedger(f.database.db, f.ledger.vkey, { url: f.url, workers: 2, chunkLevel: CHUNK_LEVEL, ...opts });
    const sequential = (opts: { chunkLevel?: number; batch?: number } = {}) => verifyLedger(f.database.db, f.ledger.vkey, opts);

    /** Commits `attack`, verifies every way, restores the tables; returns the (common) result. */
    async function attacked(attack: (trx: Executor) => Promise<unknown>): Promise<VerifyResult & { ok: false }> {
      const db = f.database.db;
      await db.transaction().execute(async (trx) => {
        await attack(trx);
      });
      try {
        const one = await sequential();
        expect(one.ok).toBe(false);
        // The same answer from workers (both layouts of ranges), from ranges folded in this thread, and with
        // batches that do not divide the ranges.
        expect(await parallel()).toEqual(one);
        expect(await parallel({ chunkLevel: 5, batch: 7 })).toEqual(one);
        expect(await parallel({ workers: 1 })).toEqual(one);
        expect(await sequential({ chunkLevel: 6 })).toEqual(one);
        return one as VerifyResult & { ok: false };
      } finally {
        await restoreLedgerTables(db);
      }
    }

    it('passes on a healthy ledger with the same figures as one thread', async () => {
      expect(checkpointSizes).toEqual([201, 256, 956, 2256, size - 1, size]);
      const expected = { ok: true, size, checkpoints: checkpointSizes.length, erased: 3 };
      expect(await sequential()).toEqual(expected);
      expect(await parallel()).toEqual(expected);
      expect(await parallel({ chunkLevel: 0 })).toEqual(expected);
      expect(await parallel({ chunkLevel: 20 })).toEqual(expected);
      expect(await parallel({ workers: 3, chunkLevel: 4, batch: 3 })).toEqual(expected);
      expect(await sequential({ chunkLevel: 3, batch: 5 })).toEqual(expected);
    });

    it('names the first bad index when the bad leaf is in a later range than the first worker took', async () => {
      // Entry 2100 lies in range 8 ([2048, 2304)); ranges 0 and 1 went to the two workers first.
      const r = await attacked((trx) => exec(trx, `update ledger_entries set leaf = replace(leaf, '"actor":"user:', '"actor":"usEr:') where idx = 2100`));
      expect(r).toMatchObject({ index: 2100, checkpointSize: null, reason: 'entry 2100: the leaf does not match its stored hash' });
    });

    it('the earliest of several defects wins, whichever worker finishes first', async () => {
      const r = await attacked(async (trx) => {
        await exec(trx, `update ledger_details set details = '{"n":1}' where idx = 2900`);
        await exec(trx, `delete from ledger_entries where idx = 1300`);
        await exec(trx, `update ledger_entries set object_id = 'x' where idx = 1301`);
      });
      expect(r).toMatchObject({ index: 1300, reason: 'entry 1300 is missing' });
    });

    it('a wrong stored subtree hash inside a range, at a range root, and above the ranges', async () => {
      let r = await attacked((trx) => exec(trx, `update ledger_nodes set hash = ? where level = 3 and idx = 200`, '00'.repeat(32)));
      expect(r).toMatchObject({ index: 1607, reason: 'stored subtree hash 3:200 (completed by entry 1607) is wrong' });
      r = await attacked((trx) => exec(trx, `delete from ledger_nodes where level = 8 and idx = 5`));
      expect(r).toMatchObject({ index: 1535, reason: 'stored subtree hash 8:5 (completed by entry 1535) is missing' });
      r = await attacked((trx) => exec(trx, `update ledger_nodes set hash = ? where level = 10 and idx = 1`, '00'.repeat(32)));
      expect(r).toMatchObject({ index: 2047, reason: 'stored subtree hash 10:1 (completed by entry 2047) is wrong' });
      // A level-0 node, and the entry after it also bad: the node, completed first, wins.
      r = await attacked(async (trx) => {
        await exec(trx, `update ledger_nodes set hash = ? where level = 0 and idx = 700`, '11'.repeat(32));
        await exec(trx, `update ledger_entries set leaf = 'x' where idx = 701`);
      });
      expect(r).toMatchObject({ index: 700, reason: 'stored subtree hash 0:700 (completed by entry 700) is wrong' });
    });

    it('a forged checkpoint inside a range and at a range end; a node above the ranges beats a checkpoint there', async () => {
      let r = await attacked((trx) => exec(trx, `update ledger_checkpoints set root_hash = ? where size = 956`, 'ab'.repeat(32)));
      expect(r).toMatchObject({ index: 955, checkpointSize: 956, reason: 'checkpoint at size 956 does not match the recomputed tree' });
      r = await attacked((trx) => exec(trx, `update ledger_checkpoints set root_hash = ? where size = 256`, 'ab'.repeat(32)));
      expect(r).toMatchObject({ index: 255, checkpointSize: 256, reason: 'checkpoint at size 256 does not match the recomputed tree' });
      r = await attacked(async (trx) => {
        await exec(trx, `update ledger_checkpoints set root_hash = ? where size = 256`, 'ab'.repeat(32));
        await exec(trx, `delete from ledger_nodes where level = 8 and idx = 0`);
      });
      expect(r).toMatchObject({ index: 255, checkpointSize: null, reason: 'stored subtree hash 8:0 (completed by entry 255) is missing' });
    });

    it('history rewritten consistently (leaf, hashes, subtrees, head): the first signed checkpoint after it catches it', async () => {
      const k = 1000;
      const r = await attacked(async (trx) => {
        const rows = await store.readEntries(trx, 0, size);
        const row = rows[k];
        if (!row) throw new Error('no row');
        const forged = new TextDecoder().decode(encodeEntry({ ...decodeEntry(new TextEncoder().encode(row.leaf)), actor: 'user:someone-else' }));
        await exec(trx, `update ledger_entries set leaf = ?, leaf_hash = ? where idx = ?`, forged, store.hex(leafHash(new TextEncoder().encode(forged))), k);
        await exec(trx, `delete from ledger_nodes`);
        let frontier: Frontier = [];
        const nodes: store.NodeRow[] = [];
        for (const x of rows) {
          const a = appendToFrontier(frontier, BigInt(x.idx), leafHash(new TextEncoder().encode(x.idx === k ? forged : x.leaf)));
          frontier = a.frontier;
          for (const n of a.newNodes) nodes.push({ level: n.level, idx: Number(n.index), hash: store.hex(n.hash) });
        }
        for (let i = 0; i < nodes.length; i += 500) await store.insertAppend(trx, [], nodes.slice(i, i + 500), []);
        const head = await store.readHead(trx);
        await store.writeHead(trx, { ...head, frontier }, new Date());
      });
      expect(r).toMatchObject({ index: 2255, checkpointSize: 2256, reason: 'checkpoint at size 2256 does not match the recomputed tree' });
    });

    it('the last, partial range: a missing last entry, and a head that lies', async () => {
      let r = await attacked((trx) => exec(trx, `delete from ledger_entries where idx = ?`, size - 1));
      expect(r).toMatchObject({ index: size - 1, reason: `entry ${size - 1} is missing` });
      r = await attacked(async (trx) => {
        const head = await store.readHead(trx);
        await store.writeHead(trx, { ...head, frontier: head.frontier.map((h, k) => (k === head.frontier.length - 1 ? new Uint8Array(32) : h)) }, new Date());
      });
      expect(r).toMatchObject({ index: size - 1, reason: 'the head frontier does not match the recomputed tree' });
    });

    it('runs beside appends: workers verify what the head counted, entries appended meanwhile are no tampering', async () => {
      const db = f.database.db;
      const before = await f.ledger.size();
      let stop = false;
      const appender = (async () => {
        let n = 0;
        while (!stop || n < 3) {
          await appendBatches(db, f, [7]);
          n += 1;
          // As a node's appends are driven by requests: let the event loop turn (node:sqlite answers synchronously,
          // so without this the loop would be one endless chain of microtasks and no worker's reply would be read).
          await new Promise((r) => setImmediate(r));
        }
        return n;
      })();
      const results: VerifyResult[] = [];
      for (let k = 0; k < 2; k++) results.push(await parallel({ chunkLevel: 6 }));
      stop = true;
      const appended = await appender;
      for (const r of results) expect(r).toMatchObject({ ok: true });
      expect(await parallel()).toMatchObject({ ok: true, size: before + 7 * appended });
      // The restored copies of the tables predate these appends: keep them in step for any later test.
      await db.transaction().execute(async (trx) => {
        for (const t of ATTACKED_TABLES) {
          await sql`DELETE FROM ${sql.table(`saved_${t}`)}`.execute(trx);
          await sql`INSERT INTO ${sql.table(`saved_${t}`)} SELECT * FROM ${sql.table(t)}`.execute(trx);
        }
      });
      size = before + 7 * appended;
    });

    it('a database error in a worker fails the verification (it is not reported as tampering)', async () => {
      await expect(verifyLedger(f.database.db, f.ledger.vkey, { url: `${f.url}-missing`, workers: 2, chunkLevel: CHUNK_LEVEL })).rejects.toThrow();
    });
  });
}

describe('the fast entry check accepts only what the full check accepts', () => {
  const origin = 'comity/01a22438-daca-76f8-b2ab-22d1bed631e7';
  const good: LeafRow = {
    idx: 17,
    leaf: `{"action":"case.create","actor":"user:1","at":"2026-11-28T22:13:56.078Z","commitment":"OqlqYFUMb0sMfE-U89nUdYIDY9gqvnW01sj4aE8LWSQ","node":"${origin}","object":{"id":"c1","type":"case"},"seq":17,"v":1}`,
    leafHash: '',
    action: 'case.create',
    objectType: 'case',
    objectId: 'c1',
  };

  it('accepts a canonical entry, and refuses (leaving it to the full check) anything else', () => {
    expect(fastPathAccepts(good, origin)).toBe(true);
    expect(fullPathVerdict(good, origin)).toBeNull();
    const variants = [
      good.leaf.replace('"seq":17', '"seq":017'),
      good.leaf.replace('"seq":17', '"seq":18'),
      good.leaf.replace('.078Z', '.078+00:00'),
      good.leaf.replace('2026-11-28', '2026-02-30'),
      good.leaf.replace('SQ"', 'SR"'),
      good.leaf.replace('"user:1"', '"user:\\u0031"'),
      good.leaf.replace('"user:1"', '""'),
      good.leaf.replace(',"v":1}', ',"v":2}'),
      ` ${good.leaf}`,
      good.leaf.replace(origin, 'comity/other'),
    ];
    for (const leaf of variants) expect(fastPathAccepts({ ...good, leaf }, origin)).toBe(false);
    expect(fastPathAccepts({ ...good, objectId: 'c2' }, origin)).toBe(false);
    expect(fastPathAccepts({ ...good, idx: 18 }, origin)).toBe(false);
  });

  it('never accepts what the full check refuses (random mutations of canonical leaves)', () => {
    const text = fc.string({ unit: 'binary', minLength: 0, maxLength: 8 });
    fc.assert(
      fc.property(
        fc.record({ actor: text, action: text, id: text, type: text, node: fc.constantFrom(origin, 'comity/x', ''), seq: fc.nat(40), idx: fc.nat(40) }),
        fc.option(fc.record({ at: fc.nat(300), cut: fc.nat(5), insert: fc.string({ unit: 'binary', maxLength: 3 }) })),
        (e, mutation) => {
          let leaf = `{"action":${JSON.stringify(e.action)},"actor":${JSON.stringify(e.actor)},"at":"2026-11-28T22:13:56.078Z","commitment":"OqlqYFUMb0sMfE-U89nUdYIDY9gqvnW01sj4aE8LWSQ","node":${JSON.stringify(e.node)},"object":{"id":${JSON.stringify(e.id)},"type":${JSON.stringify(e.type)}},"seq":${e.seq},"v":1}`;
          if (mutation) leaf = leaf.slice(0, mutation.at) + mutation.insert + leaf.slice(mutation.at + mutation.cut);
          const row: LeafRow = { idx: e.idx, leaf, leafHash: '', action: e.action, objectType: e.type, objectId: e.id };
          if (fastPathAccepts(row, origin)) expect(fullPathVerdict(row, origin)).toBeNull();
        },
      ),
      { numRuns: 3000 },
    );
  });
});
