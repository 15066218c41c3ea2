/**
 * A federation node in a child process, for the crash test (test/federation/crash.test.ts):
 * `node test/federation/sender-child.ts <config JSON>` starts a real node (startNode: HTTP, loops, directory) from
 * the given configuration flags. With `"enqueue": {"to": NODE, "count": N}` in the JSON it first writes N messages
 * of type `test.kill` (one conversation, in one transaction) to its outbox, then prints `queued <conversation>`.
 * It prints `listening <url>` once it serves. The test kills it with SIGKILL mid-delivery and starts it again.
 * A child exits by itself when its stdin closes (the test process is gone) and after two minutes at the latest.
 */
import { startNode } from '../../src/http/server.ts';
import { loadConfig } from '../../src/platform/config/load.ts';
import { inTransaction } from '../../src/platform/db/executor.ts';
import { createLogger } from '../../src/platform/logger.ts';

setTimeout(() => process.exit(3), 120_000).unref();
process.stdin.on('end', () => process.exit(0)).resume();

const spec = JSON.parse(process.argv[2] ?? '{}') as { flags: Record<string, unknown>; enqueue?: { to: string; count: number } };
const config = loadConfig({ flags: spec.flags, env: {} });
const node = await startNode(config, { logger: createLogger('silent'), federationPollMs: 20 });
process.stdout.write(`listening ${node.address}\n`);
if (spec.enqueue) {
  const { to, count } = spec.enqueue;
  const conversation = await inTransaction(node.database.db, async (trx) => {
    const first = await node.federation.federation.send(trx, { to, type: 'test.kill', body: { n: 1 } });
    for (let n = 2; n <= count; n++) await node.federation.federation.send(trx, { to, type: 'test.kill', conversation: first.conversation, body: { n } });
    return first.conversation;
  });
  node.federation.federation.wake();
  process.stdout.write(`queued ${conversation}\n`);
}
