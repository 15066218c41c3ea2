import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { recordableConfig, startNode, type RunningNode } from '../../src/http/server.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config/load.ts';
import type { Config } from '../../src/platform/config/schema.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { openLedger } from '../../src/platform/ledger/open.ts';
import { eraseExpiredDetails } from '../../src/platform/ledger/retention.ts';
import * as store from '../../src/platform/ledger/store.ts';
import { verifyLedger } from '../../src/platform/ledger/verify.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { activeDialects, createScratch, type ScratchDatabase } from '../kit/dialects.ts';

const DAY = 24 * 60 * 60 * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The node's ledger jobs (src/http/server.ts) and the retention rule (src/platform/ledger/retention.ts). */
for (const { dialect, skip } of activeDialects()) {
  describe.skipIf(skip !== null)(`ledger jobs of a running node [${dialect}]`, () => {
    const cleanup: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const c of cleanup.splice(0).reverse()) await c();
    });

    /** A fresh data folder and database; `start` runs the real startNode on them with a log we can read. */
    async function fixture(): Promise<{ config: (o?: Partial<Record<keyof Config, unknown>>) => Config; logs: string[]; scratch: ScratchDatabase }> {
      const dataDir = mkdtempSync(join(tmpdir(), 'comity-jobs-'));
      const scratch = await createScratch(dialect);
      cleanup.push(async () => {
        await scratch.drop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      const logs: string[] = [];
      const config = (o: Partial<Record<keyof Config, unknown>> = {}) =>
        loadConfig({ flags: { dataDir, databaseUrl: scratch.url, port: 0, state: 'XA', argon2MemoryKib: 8192, argon2Passes: 1, ...o }, env: {} });
      return { config, logs, scratch };
    }
    const start = (config: Config, logs: string[], clock?: ManualClock): Promise<RunningNode> =>
      startNode(config, { logger: createLogger('info', { write: (s: string) => void logs.push(s) }), clock });
    const messages = (logs: string[]) => logs.map((l) => String((JSON.parse(l) as { msg?: unknown }).msg));
    const withDb = async <T>(url: string, fn: (db: Database) => Promise<T>): Promise<T> => {
      const db = openDatabase({ url });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    };
    const actions = async (db: Database) => (await store.readEntries(db.db, 0, 1_000_000)).map((e) => e.action);

    it('records the configuration (no secrets) once, signs a checkpoint at start, on schedule and at shutdown', async () => {
      const f = await fixture();
      const config = f.config({ checkpointIntervalSeconds: 1 });
      const node = await start(config, f.logs);
      let closed = false;
      try {
        expect(await actions(node.database)).toEqual(['node.configuration']);
        const details = await store.readDetails(node.database.db, 0, 1);
        const recorded = JSON.parse(details.get(0)?.details ?? '{}') as Record<string, unknown>;
        expect(recorded).toEqual(recordableConfig(config).config);
        expect(recorded).not.toHaveProperty('databaseUrl');
        expect(JSON.stringify(recorded)).not.toContain(f.scratch.url);
        expect(recorded).toMatchObject({ state: 'XA', checkpointIntervalSeconds: 1 });
        expect((await node.ledger.latestCheckpoint())?.size).toBe(1);
        expect(messages(f.logs)).toEqual(expect.arrayContaining(['configuration recorded in the ledger', 'ledger checkpoint signed']));

        // On schedule: the tree grew, so a checkpoint follows within the interval.
        await node.database.db.transaction().execute((trx) => node.ledger.append(trx, [1, 2, 3].map((i) => ({ actor: 'system', action: 'test.tick', object: { type: 'test', id: `${i}` } }))));
        for (let i = 0; i < 40 && (await node.ledger.latestCheckpoint())?.size !== 4; i++) await sleep(100);
        expect((await node.ledger.latestCheckpoint())?.size).toBe(4);

        // At shutdown, after draining: whatever came last is signed.
        await node.database.db.transaction().execute((trx) => node.ledger.append(trx, { actor: 'system', action: 'test.last', object: { type: 'test', id: 'z' } }));
        await node.close();
        closed = true;
      } finally {
        if (!closed) await node.close();
      }
      await withDb(config.databaseUrl, async (db) => {
        expect((await store.latestCheckpoint(db.db))?.size).toBe(5);
        const { ledger } = openLedger({ db: db.db, clock: new ManualClock(), dataDir: config.dataDir });
        expect(await verifyLedger(db.db, ledger.vkey)).toMatchObject({ ok: true, size: 5 });
      });

      // The same configuration is not recorded again; a changed one is.
      const again = await start(config, f.logs);
      expect(await actions(again.database)).toEqual(['node.configuration', 'test.tick', 'test.tick', 'test.tick', 'test.last']);
      await again.close();
      const changed = await start(f.config({ checkpointIntervalSeconds: 1, nodeName: 'Renamed' }), f.logs);
      expect((await actions(changed.database)).filter((a) => a === 'node.configuration')).toHaveLength(2);
      expect((await changed.ledger.latestCheckpoint())?.size).toBe(6);
      await changed.close();
    });

    it('logs a failing job and keeps serving; the next turn succeeds', async () => {
      const f = await fixture();
      const node = await start(f.config({ checkpointIntervalSeconds: 1 }), f.logs);
      try {
        await sql`ALTER TABLE ledger_checkpoints RENAME TO ledger_checkpoints_away`.execute(node.database.db);
        await node.database.db.transaction().execute((trx) => node.ledger.append(trx, { actor: 'system', action: 'test.tick', object: { type: 'test', id: '1' } }));
        for (let i = 0; i < 40 && !messages(f.logs).includes('ledger job failed: checkpoint'); i++) await sleep(100);
        expect(messages(f.logs)).toContain('ledger job failed: checkpoint');
        expect((await fetch(`${node.address}/healthz`)).status).toBe(200);
        await sql`ALTER TABLE ledger_checkpoints_away RENAME TO ledger_checkpoints`.execute(node.database.db);
        for (let i = 0; i < 40 && (await node.ledger.latestCheckpoint())?.size !== 2; i++) await sleep(100);
        expect((await node.ledger.latestCheckpoint())?.size).toBe(2);
      } finally {
        await node.close();
      }
    });

    it('erases the details of entries older than the retention period at start, and records the erasure', async () => {
      const f = await fixture();
      const clock = new ManualClock('2026-03-01T00:00:00.000Z');
      const first = await start(f.config(), f.logs, clock);
      await first.database.db.transaction().execute((trx) =>
        first.ledger.append(trx, [1, 2, 3, 4].map((i) => ({ actor: 'user:x', action: 'test.personal', object: { type: 'test', id: `${i}` }, details: { name: `Person ${i}` } }))),
      );
      await first.close();

      clock.set('2026-03-04T00:00:00.000Z');
      const later = await start(f.config({ ledgerDetailsRetentionDays: 2 }), f.logs, clock);
      try {
        const all = await store.readEntries(later.database.db, 0, 100);
        // 0: configuration, 1–4: personal, 5: the new configuration (retention changed), 6: the erasure.
        expect(all.map((e) => e.action)).toEqual(['node.configuration', 'test.personal', 'test.personal', 'test.personal', 'test.personal', 'node.configuration', 'ledger.details_erased']);
        const details = await store.readDetails(later.database.db, 0, 100);
        expect([...details.values()].map((d) => d.erasedAt !== null)).toEqual([true, true, true, true, true, false, false]);
        expect(details.get(1)).toMatchObject({ salt: null, details: null });
        expect(JSON.parse(details.get(6)?.details ?? '{}')).toEqual({ count: 5, first: 0, last: 4, reason: 'retention' });
        expect(await verifyLedger(later.database.db, later.ledger.vkey)).toMatchObject({ ok: true, size: 7, erased: 5 });
        expect(messages(f.logs)).toContain('ledger details erased by the retention rule');
      } finally {
        await later.close();
      }
    });

    it('erases in batches and stops at the first entry that is still young', async () => {
      const f = await fixture();
      const config = f.config();
      const clock = new ManualClock('2026-05-01T00:00:00.000Z');
      await withDb(config.databaseUrl, async (database) => {
        const { migrateToLatest } = await import('../../src/platform/db/database.ts');
        await migrateToLatest(database);
        const { ledger } = openLedger({ db: database.db, clock, dataDir: config.dataDir });
        for (let day = 0; day < 6; day++) {
          await database.db.transaction().execute((trx) => ledger.append(trx, [0, 1].map((i) => ({ actor: 'system', action: 'test.day', object: { type: 'day', id: `${day}.${i}` }, details: { day } }))));
          clock.advance(DAY);
        }
        // Now = day 6; a 3-day rule erases days 0–2 (entries 0–5), in batches of 4.
        const r = await eraseExpiredDetails({ db: database.db, ledger, now: clock.now(), days: 3, batch: 4 });
        expect(r).toMatchObject({ erased: 6, batches: 2 });
        const details = await store.readDetails(database.db, 0, 100);
        expect([...details.entries()].filter(([, d]) => d.erasedAt !== null).map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5]);
        expect((await store.readEntries(database.db, 12, 100)).map((e) => e.action)).toEqual(['ledger.details_erased', 'ledger.details_erased']);
        // Nothing more is due: a second run erases nothing and appends nothing.
        expect(await eraseExpiredDetails({ db: database.db, ledger, now: clock.now(), days: 3 })).toMatchObject({ erased: 0, batches: 0 });
        expect(await ledger.size()).toBe(14);
        expect(await verifyLedger(database.db, ledger.vkey)).toMatchObject({ ok: true, erased: 6 });
        await expect(eraseExpiredDetails({ db: database.db, ledger, now: clock.now(), days: 0 })).rejects.toThrow(RangeError);
      });
    });
  });
}
