import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.ts';
import { verifyLedger } from '../../src/platform/ledger/verify.ts';
import { activeDialects } from '../kit/dialects.ts';
import { startFederation, type Federation3 } from './kit.ts';

const CHILD = fileURLToPath(new URL('./sender-child.ts', import.meta.url));
const running = new Set<ChildProcessWithoutNullStreams>();

function startChild(spec: unknown): { proc: ChildProcessWithoutNullStreams; lines: string[]; stderr: () => string; wait(prefix: string): Promise<string> } {
  const proc = spawn(process.execPath, ['--no-warnings', CHILD, JSON.stringify(spec)], { stdio: 'pipe' });
  running.add(proc);
  proc.on('exit', () => running.delete(proc));
  const lines: string[] = [];
  let buf = '';
  let err = '';
  proc.stdout.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    lines.push(...parts);
  });
  proc.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  return {
    proc,
    lines,
    stderr: () => err,
    wait: async (prefix) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const l = lines.find((x) => x.startsWith(prefix));
        if (l) return l.slice(prefix.length).trim();
        if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`child exited before "${prefix}": ${err}`);
        if (Date.now() > deadline) throw new Error(`child never printed "${prefix}": ${err}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

const COUNT = 200;

for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`a sender killed with SIGKILL mid-delivery delivers everything exactly once after restart [${dialect}]`, () => {
    let f: Federation3;
    const seen: number[] = [];
    beforeAll(async () => {
      f = await startFederation({ dialect, states: ['XA', 'XB'], handlers: { 'test.kill': (_node, msg) => void seen.push(Number(msg.body.n)) } });
    }, 120_000);
    afterAll(async () => {
      for (const p of running) p.kill('SIGKILL');
      await f?.close();
    });

    it('kills XA while it delivers, restarts it, and XB handles each message once, in order', async () => {
      const xa = f.byName('XA');
      const xb = f.byName('XB');
      const flags = { ...xa.config, port: Number(new URL(xa.node.address).port) };
      // XA now runs in a child process, on the same data folder, database and port.
      await f.stop('XA');
      const first = startChild({ flags, enqueue: { to: xb.id, count: COUNT } });
      const conversation = await first.wait('queued ');
      const inboxCount = async (): Promise<number> =>
        Number((await xb.node.database.db.selectFrom('federation_inbox').select((eb) => eb.fn.countAll<number>().as('n')).where('conversation', '=', conversation).executeTakeFirstOrThrow()).n);
      // Kill it in the middle of the stream.
      const deadline = Date.now() + 30_000;
      while ((await inboxCount()) < 20) {
        if (Date.now() > deadline) throw new Error(`no delivery started: ${first.stderr()}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      first.proc.kill('SIGKILL');
      await new Promise((r) => first.proc.once('exit', r));
      const atKill = await inboxCount();
      expect(atKill).toBeGreaterThanOrEqual(20);
      expect(atKill).toBeLessThan(COUNT);

      const second = startChild({ flags });
      await second.wait('listening ');
      await f.until(async () => seen.length >= COUNT && (await inboxCount()) === COUNT, 60_000);
      expect(seen).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));

      // Every message on XA ends delivered with a receipt; XB stored each one once.
      const db = openDatabase({ url: flags.databaseUrl as string, poolSize: 1 });
      try {
        const deadline2 = Date.now() + 30_000;
        for (;;) {
          const pending = await db.db.selectFrom('federation_outbox').select('id').where('conversation', '=', conversation).where('state', '<>', 'delivered').execute();
          if (pending.length === 0) break;
          if (Date.now() > deadline2) throw new Error(`${pending.length} messages never receipted`);
          await new Promise((r) => setTimeout(r, 50));
        }
        const rows = await db.db.selectFrom('federation_outbox').select(['receipt']).where('conversation', '=', conversation).execute();
        expect(rows).toHaveLength(COUNT);
        expect(rows.every((r) => typeof r.receipt === 'string' && r.receipt.length > 0)).toBe(true);
        second.proc.kill('SIGTERM');
        await new Promise((r) => second.proc.once('exit', r));
        const vkey = xa.node.ledger.vkey;
        expect((await verifyLedger(db.db, vkey)).ok).toBe(true);
      } finally {
        await db.close();
      }
      const processed = await xb.node.database.db.selectFrom('federation_inbox').select(['seq']).where('conversation', '=', conversation).where('state', '=', 'processed').execute();
      expect(processed).toHaveLength(COUNT);
    }, 120_000);
  });
}
