import { BenchNode, type BenchEvent, type NodeSpec } from './federation-node.ts';

/**
 * A benchmark node in a process of its own (`npm run bench -- federation --processes`): the parent sends
 * `{ id, method, args }` over the IPC channel and gets `{ id, result }` or `{ id, error }`; the node's events
 * travel as `{ events }`, flushed every 5 ms.
 */

if (!process.send) throw new Error('bench/federation-child.ts runs as a child process (fork) of bench/federation.ts');
const send = (m: unknown): void => void process.send?.(m);

let buffer: BenchEvent[] = [];
const flush = (): void => {
  if (buffer.length === 0) return;
  send({ events: buffer });
  buffer = [];
};
const flusher = setInterval(flush, 5);
let node: BenchNode | null = null;

// The benchmark process is gone (finished or crashed): do not linger as an orphan node.
process.on('disconnect', () => {
  clearInterval(flusher);
  void (node?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});

process.on('message', (m: { id: number; method: string; args: unknown[]; spec?: NodeSpec }) => {
  void (async () => {
    try {
      if (m.method === 'init') {
        node = new BenchNode(m.spec as NodeSpec, (ev) => {
          buffer.push(...ev);
          if (buffer.length >= 1000) flush();
        });
        send({ id: m.id, result: null });
        return;
      }
      if (!node) throw new Error('not initialised');
      const fn = (node as unknown as Record<string, (...a: unknown[]) => unknown>)[m.method];
      if (typeof fn !== 'function') throw new Error(`no method ${m.method}`);
      const result = await fn.apply(node, m.args);
      flush();
      send({ id: m.id, result: result ?? null });
      if (m.method === 'close') {
        clearInterval(flusher);
        process.disconnect();
      }
    } catch (e) {
      send({ id: m.id, error: (e as Error).stack ?? String(e) });
    }
  })();
});
