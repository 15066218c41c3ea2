/**
 * A child process for the crash and race tests (test/ledger/crash.test.ts), run as
 * `node test/ledger/crash-child.ts <mode> <database url> <data folder>` with the real platform code:
 *
 * - `append`: appends 1–5 entries per transaction, forever, printing the last index of each committed transaction
 *   on its own line (stdout to a pipe is synchronous on Linux, so a printed index is a committed one); signs a
 *   checkpoint every 25 transactions. The test kills it with SIGKILL.
 * - `checkpoint`: prints `ready`, waits for a line on stdin, calls `issueCheckpoint` once and prints the size
 *   and note as JSON — several of these, started together, race to sign the same tree.
 *
 * A child exits by itself when its stdin closes (the test process is gone) and after two minutes at the latest.
 */
import { createInterface } from 'node:readline';
import { systemClock } from '../../src/platform/clock.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { openLedger } from '../../src/platform/ledger/open.ts';

const [mode, url, dataDir] = process.argv.slice(2);
if (!mode || !url || !dataDir) {
  process.stderr.write('usage: crash-child.ts append|checkpoint <database url> <data folder>\n');
  process.exit(2);
}
// Never outlive the test: exit when the parent goes away (stdin closes) and after two minutes at the latest.
setTimeout(() => process.exit(3), 120_000).unref();
if (mode === 'append') process.stdin.on('end', () => process.exit(0)).resume();

const database = openDatabase({ url, poolSize: 2 });
const { ledger } = openLedger({ db: database.db, clock: systemClock, dataDir });

if (mode === 'append') {
  const tag = `p${process.pid}`;
  for (let tx = 1; ; tx++) {
    const n = 1 + (tx % 5);
    const items = Array.from({ length: n }, (_, k) => ({
      actor: `system:${tag}`,
      action: 'crash.append',
      object: { type: 'burst', id: `${tag}-${tx}-${k}` },
      details: { tx, k, filler: 'x'.repeat(40) },
    }));
    const idx = await database.db.transaction().execute((trx) => ledger.append(trx, items));
    process.stdout.write(`${idx.join(',')}\n`);
    if (tx % 25 === 0) await ledger.issueCheckpoint();
    // node:sqlite is synchronous: yield to the event loop so that stdin and timers are heard.
    await new Promise((r) => setImmediate(r));
  }
} else if (mode === 'checkpoint') {
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  lines.close();
  process.stdin.destroy();
  const cp = await ledger.issueCheckpoint();
  process.stdout.write(`${JSON.stringify({ size: cp?.size ?? null, note: cp?.note ?? null })}\n`);
  await database.close();
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
