import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Dialect } from '../../src/platform/db/database.ts';
import { openLedger } from '../../src/platform/ledger/open.ts';
import * as store from '../../src/platform/ledger/store.ts';
import { verifyLedger } from '../../src/platform/ledger/verify.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { openCheckpoint } from '../../src/platform/ledger/checkpoint.ts';
import { parseVerifierKey } from '../../src/platform/ledger/note.ts';
import { activeDialects, createScratch } from '../kit/dialects.ts';
import { sampleInputs } from './kit.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** A running child with its stdout split into lines. */
interface Child {
  proc: ChildProcessWithoutNullStreams;
  lines: string[];
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once `pred` holds for the lines read so far (rejects if the child exits first). */
  until(pred: (lines: string[]) => boolean): Promise<void>;
}

/** Every child started, so that none outlives a failed test. */
const running = new Set<ChildProcessWithoutNullStreams>();

function child(mode: string, url: string, dataDir: string): Child {
  const proc = spawn(process.execPath, ['--no-warnings', CHILD, mode, url, dataDir], { stdio: 'pipe' });
  running.add(proc);
  proc.on('exit', () => running.delete(proc));
  const lines: string[] = [];
  let buf = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  proc.stdout.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of waiters.splice(0)) w();
  });
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const c: Child = {
    proc,
    lines,
    get stderr() {
      return stderr;
    },
    exited,
    until: (pred) =>
      new Promise<void>((resolve, reject) => {
        let done = false;
        const check = () => {
          if (done) return;
          if (pred(lines)) {
            done = true;
            resolve();
          } else waiters.push(check);
        };
        void exited.then(({ code, signal }) => {
          if (!done) {
            done = true;
            reject(new Error(`child exited (${code ?? signal}) before the expected output; stderr: ${c.stderr}`));
          }
        });
        check();
      }),
  };
  return c;
}

/** The indices a child reported as committed. */
const committed = (lines: string[]): number[] => lines.filter((l) => /^\d+(,\d+)*$/.test(l)).flatMap((l) => l.split(',').map(Number));

for (const { dialect, skip } of activeDialects()) {
  describe.skipIf(skip !== null)(`ledger crash and multi-process behaviour [${dialect}]`, () => {
    const cleanup: Array<() => Promise<void>> = [];
    afterEach(async () => {
      const left = [...running];
      for (const p of left) p.kill('SIGKILL');
      await Promise.all(left.map((p) => new Promise((r) => (p.exitCode !== null || p.signalCode !== null ? r(null) : p.once('exit', r)))));
    });
    afterAll(async () => {
      for (const c of cleanup.splice(0).reverse()) await c();
    });

    async function setup(d: Dialect) {
      const scratch = await createScratch(d);
      const dataDir = mkdtempSync(join(tmpdir(), 'comity-crash-'));
      cleanup.push(async () => {
        await scratch.drop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      const database = openDatabase({ url: scratch.url, poolSize: 2 });
      await migrateToLatest(database);
      // The identity key is created here, once, so every child signs with the same key.
      const { ledger } = openLedger({ db: database.db, clock: systemClock, dataDir });
      return { url: scratch.url, dataDir, database, ledger };
    }

    /** After a crash: verification passes, the head counts exactly the rows, no gap, and appends go on. */
    async function checkRecovered(url: string, dataDir: string, reported: number[]): Promise<number> {
      const database = openDatabase({ url, poolSize: 2 });
      try {
        const { ledger } = openLedger({ db: database.db, clock: systemClock, dataDir });
        const v = await verifyLedger(database.db, ledger.vkey);
        expect(v, JSON.stringify(v)).toMatchObject({ ok: true });
        const size = await ledger.size();
        expect(await store.countEntries(database.db)).toBe(size);
        expect(await store.entryTail(database.db, 0)).toEqual({ count: size, max: size - 1, min: 0 });
        // Every transaction a child reported committed survived the kill.
        expect(Math.max(...reported)).toBeLessThan(size);
        expect(new Set(reported).size).toBe(reported.length);
        const more = await database.db.transaction().execute((trx) => ledger.append(trx, sampleInputs(10, 'after')));
        expect(more).toEqual(Array.from({ length: 10 }, (_, i) => size + i));
        expect((await ledger.issueCheckpoint())?.size).toBe(size + 10);
        expect(await verifyLedger(database.db, ledger.vkey)).toMatchObject({ ok: true, size: size + 10 });
        return size;
      } finally {
        await database.close();
      }
    }

    it('a process killed (SIGKILL) during a burst of appends restarts with a consistent tree and no gap', { timeout: 60_000 }, async () => {
      const s = await setup(dialect);
      await s.database.close();
      const c = child('append', s.url, s.dataDir);
      await c.until((lines) => lines.length >= 300);
      c.proc.kill('SIGKILL');
      expect((await c.exited).signal).toBe('SIGKILL');
      const size = await checkRecovered(s.url, s.dataDir, committed(c.lines));
      expect(size).toBeGreaterThanOrEqual(900);
    });

    it('two processes appending at once, both killed: one gap-free log holding both', { timeout: 60_000 }, async () => {
      const s = await setup(dialect);
      await s.database.close();
      const a = child('append', s.url, s.dataDir);
      const b = child('append', s.url, s.dataDir);
      await Promise.all([a.until((l) => l.length >= 100), b.until((l) => l.length >= 100)]);
      a.proc.kill('SIGKILL');
      b.proc.kill('SIGKILL');
      await Promise.all([a.exited, b.exited]);
      const fromA = committed(a.lines);
      const fromB = committed(b.lines);
      expect(fromA.filter((i) => fromB.includes(i))).toEqual([]);
      await checkRecovered(s.url, s.dataDir, [...fromA, ...fromB]);
    });

    it('processes racing to sign the same tree leave exactly one checkpoint, which all of them return', { timeout: 60_000 }, async () => {
      const s = await setup(dialect);
      await s.database.db.transaction().execute((trx) => s.ledger.append(trx, sampleInputs(37, 'race')));
      await s.database.close();
      const racers = Array.from({ length: 4 }, () => child('checkpoint', s.url, s.dataDir));
      await Promise.all(racers.map((r) => r.until((l) => l.includes('ready'))));
      for (const r of racers) r.proc.stdin.write('go\n');
      const exits = await Promise.all(racers.map((r) => r.exited));
      for (const [k, e] of exits.entries()) expect(e.code, racers[k]?.stderr).toBe(0);
      const results = racers.map((r) => JSON.parse(r.lines.at(-1) ?? 'null') as { size: number; note: string });
      for (const r of results) expect(r.size).toBe(37);
      expect(new Set(results.map((r) => r.note)).size).toBe(1);
      const database = openDatabase({ url: s.url, poolSize: 2 });
      try {
        const all = await store.allCheckpoints(database.db);
        expect(all.map((c) => c.size)).toEqual([37]);
        const { ledger } = openLedger({ db: database.db, clock: systemClock, dataDir: s.dataDir });
        expect(openCheckpoint(all[0]?.note ?? '', parseVerifierKey(ledger.vkey)).size).toBe(37n);
      } finally {
        await database.close();
      }
    });
  });
}
