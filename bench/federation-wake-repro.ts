import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryAuthority } from '../src/platform/federation/authority.ts';
import { verifyNodeCard } from '../src/platform/federation/node-card.ts';
import { BenchNode } from './federation-node.ts';

/**
 * Reproduction of a federation defect (docs/benchmarks.md, Federation): every `deliverDue()` / wake made while a
 * delivery pass runs queues one more complete pass (a claim transaction) behind it, so N calls cost N sequential
 * passes, quadratic time, and memory that grows with N. One idle node, no message at all.
 * `./nodew node bench/federation-wake-repro.ts 2000` (20000 runs out of a 4 GB heap).
 */
const calls = Number(process.argv[2] ?? 2000);
const root = mkdtempSync(join(tmpdir(), 'comity-wake-repro-'));
const authority = DirectoryAuthority.init(join(root, 'authority'), { name: 'repro' });
const node = new BenchNode(
  {
    name: 'XA',
    state: 'XA',
    dataDir: join(root, 'XA'),
    databaseUrl: join(root, 'XA', 'comity.db'),
    directoryFile: join(authority.dir, 'directory.jws'),
    authorityKey: JSON.stringify(authority.info.publicJwk),
    concurrencyPerPeer: 4,
    pollMs: null,
    dbPoolSize: 10,
  },
  () => {},
);
try {
  await node.start();
  authority.addNode(await verifyNodeCard(await node.card()));
  await authority.publish();
  await node.refresh();
  const federation = node.federationForRepro();
  node.takeStats();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: calls }, () => federation.deliverDue()));
  const s = node.takeStats();
  process.stdout.write(`${JSON.stringify({ calls, claimTransactions: s.tx.other?.n ?? 0, seconds: Number(((performance.now() - t0) / 1000).toFixed(2)) })}\n`);
} finally {
  await node.close();
  rmSync(root, { recursive: true, force: true });
}
