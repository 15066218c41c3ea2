import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeDialects } from '../../../test/kit/dialects.ts';
import { appendBatches, dropTriggers, exec, freshLedger, restoreLedgerTables, saveLedgerTables } from '../../../test/ledger/kit.ts';
import type { Executor } from '../db/executor.ts';
import { batchHashesLength, nativeVerifier, type NativeVerifier } from './native.ts';
import * as store from './store.ts';
import { verifyRange, type RangeTask } from './verify-range.ts';
import { openSource } from './verify-source.ts';
import { verifyLedger } from './verify.ts';

/**
 * The native batch check (native/ledger_verify.c) must be stricter than the row-by-row check, never more lenient:
 * every verification gives the same result with it and without it, on healthy ledgers and on ledgers an attacker
 * changed in any way — and on healthy ledgers it must actually do the work. `npm ci` builds it (`tools/build-native.ts`);
 * these tests require it.
 */

/** The native verifier, counting the batches it accepts. */
function counting(): NativeVerifier & { accepted: number; refused: number } {
  const real = nativeVerifier();
  if (real === null) throw new Error('the native ledger verifier is not built: run `node tools/build-native.ts`');
  const c = {
    accepted: 0,
    refused: 0,
    checkBatch(...args: Parameters<NativeVerifier['checkBatch']>): number {
      const erased = real.checkBatch(...args);
      if (erased >= 0) c.accepted += 1;
      else c.refused += 1;
      return erased;
    },
  };
  return c;
}

describe('native ledger verifier: the module', () => {
  it('is built and loads', () => {
    expect(typeof nativeVerifier()?.checkBatch).toBe('function');
  });

  it('refuses malformed arguments and arbitrary bytes without crashing', () => {
    const native = counting();
    const out = new Uint8Array(batchHashesLength(8));
    const origin = new TextEncoder().encode('comity/test');
    expect(native.checkBatch(new Uint8Array(), new Uint8Array(), origin, 0, 1, out)).toBe(-1);
    // Too small an output, a fractional or negative start, zero entries.
    const call = native.checkBatch as unknown as (...a: unknown[]) => number;
    expect(call(new Uint8Array(1), new Uint8Array(1), origin, 0, 8, new Uint8Array(10))).toBe(-1);
    expect(call(new Uint8Array(1), new Uint8Array(1), origin, 0.5, 1, out)).toBe(-1);
    expect(call(new Uint8Array(1), new Uint8Array(1), origin, -1, 1, out)).toBe(-1);
    expect(call(new Uint8Array(1), new Uint8Array(1), origin, 0, 0, out)).toBe(-1);
    expect(call('text', new Uint8Array(1), origin, 0, 1, out)).toBe(-1);
    expect(call()).toBe(-1);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 8 }), (rec, det, n) => {
        expect(native.checkBatch(rec, det, origin, 0, n, out)).toBe(-1);
      }),
      { numRuns: 500 },
    );
  });
});

for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`native ledger verifier on a ledger [${dialect}]`, () => {
    let f: Awaited<ReturnType<typeof freshLedger>>;
    let size = 0;

    beforeAll(async () => {
      f = await freshLedger(dialect);
      const db = f.database.db;
      for (const n of [1, 300, 99, 700, 1, 1000]) {
        await appendBatches(db, f, [n]);
        await f.ledger.issueCheckpoint();
      }
      await db.transaction().execute((trx) => f.ledger.eraseDetails(trx, [5, 400, 2000], 'user:dpo', 'data subject request'));
      size = await f.ledger.size();
      await db.transaction().execute(async (trx) => {
        await dropTriggers(trx, dialect);
        await saveLedgerTables(trx);
      });
    }, 120_000);
    afterAll(() => f?.close());

    it('checks every batch of a healthy ledger natively, with the result of the row-by-row check', async () => {
      // The verifier key is name+keyid+key, and the name is the log's origin.
      const origin = f.ledger.vkey.split('+')[0] as string;
      const source = await openSource(f.url);
      try {
        const checkpoints = (await store.allCheckpoints(f.database.db)).map((c) => c.size);
        // Ranges of 1,024 in batches of 256 and 128, and one range over everything in one batch.
        for (const [range, batch] of [
          [1024, 256],
          [1024, 128],
          [4096, 4096],
        ] as const) {
          const native = counting();
          for (let start = 0; start < size; start += range) {
            const end = Math.min(start + range, size);
            const task: RangeTask = { start, end, checkpoints: checkpoints.filter((s) => s > start && s <= end) };
            const withNative = await verifyRange(source, origin, task, batch, native);
            const without = await verifyRange(source, origin, task, batch, null);
            expect(withNative).toEqual(without);
            expect(withNative.ok).toBe(true);
          }
          expect(native.refused).toBe(0);
          expect(native.accepted).toBeGreaterThanOrEqual(Math.ceil(size / batch));
        }
      } finally {
        await source.close();
      }
    });

    it('frees the memory of a packed read as soon as the check is done with it (SQLite), and nothing else', async () => {
      const source = await openSource(f.url);
      try {
        const p = await (source.packed as NonNullable<typeof source.packed>)(0, 256);
        const nodes = await (source.packedNodes as NonNullable<typeof source.packedNodes>)(0, 0, 255);
        expect(p.rec.byteLength).toBeGreaterThan(0);
        expect(nodes.byteLength).toBe(64 * 256);
        if (dialect !== 'sqlite') {
          // PostgreSQL's values come from its client's buffers: not the verifier's to free.
          expect(source.release).toBeUndefined();
          return;
        }
        const release = source.release as NonNullable<typeof source.release>;
        // A view into a larger buffer, and an empty value, are left as they are.
        const view = p.det.subarray(1, 10);
        release(view);
        expect(view.byteLength).toBe(9);
        expect(p.det.byteLength).toBeGreaterThan(9);
        release(new Uint8Array(0));
        for (const bytes of [p.rec, p.det, nodes]) {
          release(bytes);
          expect(bytes.byteLength).toBe(0);
          expect((bytes.buffer as ArrayBuffer).detached).toBe(true);
        }
        // The source goes on reading as before.
        expect((await (source.packed as NonNullable<typeof source.packed>)(0, 256)).rec.byteLength).toBeGreaterThan(0);
      } finally {
        await source.close();
      }
    });

    /** Commits `attack`, compares the verification with and without the native check, restores the tables. */
    async function compare(attack: (trx: Executor) => Promise<unknown>): Promise<boolean> {
      const db = f.database.db;
      await db.transaction().execute(async (trx) => {
        await attack(trx);
      });
      try {
        const js = await verifyLedger(db, f.ledger.vkey, { url: f.url, workers: 0, native: false, chunkLevel: 9, batch: 128 });
        const nat = await verifyLedger(db, f.ledger.vkey, { url: f.url, workers: 0, native: true, chunkLevel: 9, batch: 128 });
        expect(nat).toEqual(js);
        return js.ok;
      } finally {
        await restoreLedgerTables(db);
      }
    }

    it('gives the row-by-row result for spellings it leaves to that path (escapes, older details, other salts)', async () => {
      // Valid, but not the spellings the native check takes: the batch goes row by row and passes.
      const leaf = async (i: number) => (await sql<{ leaf: string }>`SELECT leaf FROM ledger_entries WHERE idx = ${i}`.execute(f.database.db)).rows[0]?.leaf ?? '';
      const details = async (i: number) => (await sql<{ details: string }>`SELECT details FROM ledger_details WHERE idx = ${i}`.execute(f.database.db)).rows[0]?.details ?? '';
      // Details stored with spaces (a non-canonical spelling of the same JSON) still open the commitment.
      const d = JSON.parse(await details(10)) as unknown;
      expect(await compare((trx) => exec(trx, 'UPDATE ledger_details SET details = ? WHERE idx = 10', JSON.stringify(d, null, 1)))).toBe(true);
      // Uppercase hex salt: the same bytes.
      expect(await compare((trx) => exec(trx, 'UPDATE ledger_details SET salt = upper(salt) WHERE idx = 11'))).toBe(true);
      // Defects the native check must not hide.
      expect(await compare((trx) => exec(trx, 'UPDATE ledger_details SET salt = NULL WHERE idx = 12'))).toBe(false);
      expect(await compare((trx) => exec(trx, "UPDATE ledger_details SET details = '' WHERE idx = 13"))).toBe(false);
      expect(await compare((trx) => exec(trx, 'UPDATE ledger_details SET details = NULL WHERE idx = 14'))).toBe(false);
      expect(await compare((trx) => exec(trx, 'UPDATE ledger_entries SET leaf_hash = upper(leaf_hash) WHERE idx = 15'))).toBe(false);
      expect(await compare((trx) => exec(trx, 'UPDATE ledger_nodes SET hash = upper(hash) WHERE level = 1 AND idx = 8'))).toBe(false);
      const l = await leaf(16);
      expect(await compare((trx) => exec(trx, 'UPDATE ledger_entries SET leaf = ? WHERE idx = 16', l.replace('"v":1}', '"v":1}\n')))).toBe(false);
      expect(await compare((trx) => exec(trx, 'UPDATE ledger_entries SET action = ? WHERE idx = 17', 'case.create\tx'))).toBe(false);
      expect(await compare((trx) => exec(trx, 'DELETE FROM ledger_details WHERE idx = 18'))).toBe(false);
      expect(await compare((trx) => exec(trx, 'DELETE FROM ledger_entries WHERE idx = 19'))).toBe(false);
      // A hex digit replaced by a character whose low byte is that digit (U+0130 and '0'): caught, whatever encoding
      // a reader might use.
      const zero = (await sql<{ level: number; idx: number }>`SELECT level, idx FROM ledger_nodes WHERE hash LIKE '0%' ORDER BY level, idx`.execute(f.database.db)).rows[0];
      expect(zero).toBeDefined();
      expect(
        await compare((trx) => exec(trx, "UPDATE ledger_nodes SET hash = '\u0130' || substr(hash, 2) WHERE level = ? AND idx = ?", Number(zero?.level), Number(zero?.idx))),
      ).toBe(false);
      // Marked erased without its details removed: erased rows are not opened, by either path.
      expect(await compare((trx) => exec(trx, 'UPDATE ledger_details SET erased_at = ? WHERE idx = 20', '2026-03-02T00:00:00.000Z'))).toBe(true);
    }, 120_000);

    it('never differs from the row-by-row check, whatever one column of one row is changed to (fast-check)', async () => {
      const columns = [
        ['ledger_entries', 'leaf'],
        ['ledger_entries', 'leaf_hash'],
        ['ledger_entries', 'action'],
        ['ledger_entries', 'object_id'],
        ['ledger_details', 'salt'],
        ['ledger_details', 'details'],
        ['ledger_nodes', 'hash'],
      ] as const;
      const original = async (table: string, column: string, idx: number): Promise<string | null> => {
        const where = table === 'ledger_nodes' ? sql`level = 0 AND idx = ${idx}` : sql`idx = ${idx}`;
        const r = await sql<{ v: string | null }>`SELECT ${sql.ref(column)} AS v FROM ${sql.table(table)} WHERE ${where}`.execute(f.database.db);
        return r.rows[0]?.v ?? null;
      };
      // Edits an attacker might make to a value: one character changed, a control character or quote put in, an
      // escape, a case change, the value cut short or doubled, emptied or nulled.
      const edit = fc.oneof(
        fc.record({ kind: fc.constant('char' as const), at: fc.nat(), ch: fc.constantFrom('a', 'Z', '0', '"', '\\', '\t', '\n', '\u00e9', ' ', '}', '\u2028') }),
        fc.record({ kind: fc.constantFrom('upper' as const, 'empty' as const, 'null' as const, 'double' as const, 'cut' as const, 'escape' as const) }),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...columns), fc.integer({ min: 0, max: size - 1 }), edit, async ([table, column], idx, e) => {
          const v = await original(table, column, idx);
          if (v === null) return;
          let next: string | null;
          switch (e.kind) {
            case 'char': {
              const at = e.at % Math.max(1, v.length);
              next = v.slice(0, at) + e.ch + v.slice(at + 1);
              break;
            }
            case 'upper':
              next = v.toUpperCase();
              break;
            case 'empty':
              next = '';
              break;
            case 'null':
              // Only the details' columns may be null; elsewhere the database itself refuses it.
              next = table === 'ledger_details' ? null : '';
              break;
            case 'double':
              next = v + v;
              break;
            case 'cut':
              next = v.slice(0, Math.floor(v.length / 2));
              break;
            case 'escape':
              // A character spelled as a JSON escape: same value, another spelling.
              next = v.replace(/[a-z]/, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
              break;
          }
          const where = table === 'ledger_nodes' ? 'level = 0 AND idx = ?' : 'idx = ?';
          await compare((trx) => exec(trx, `UPDATE ${table} SET ${column} = ? WHERE ${where}`, next, idx));
        }),
        { numRuns: dialect === 'postgres' ? 80 : 200 },
      );
    }, 300_000);
  });
}
