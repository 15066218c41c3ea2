// A process of its own for the ledger benchmark's full verification, as `comity ledger verify --data` is one: it
// opens the database at argv[2], runs verifyLedger with the verifier key argv[3], argv[4] worker threads and the
// native batch check unless argv[5] is "js", and prints {ok, size, seconds, native} as JSON. The time is that of
// verifyLedger alone (not of loading modules or opening the database).
import { openDatabase } from '../src/platform/db/database.ts';
import { nativeVerifier } from '../src/platform/ledger/native.ts';
import { verifyLedger } from '../src/platform/ledger/verify.ts';

const [url, vkey, workersArg, mode] = process.argv.slice(2);
if (url === undefined || vkey === undefined || workersArg === undefined) {
  console.error('usage: ledger-verify-child.ts URL VKEY WORKERS [native|js]');
  process.exit(2);
}
const native = mode !== 'js';
const database = openDatabase({ url, poolSize: 2 });
try {
  const t0 = performance.now();
  const v = await verifyLedger(database.db, vkey, { url, workers: Number(workersArg), native });
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ ok: v.ok, size: v.ok ? v.size : null, reason: v.ok ? null : v.reason, seconds, native: native && nativeVerifier() !== null }));
} finally {
  await database.close();
}
