/**
 * Benchmarks (DESIGN §8: targets, not timed tests). `npm run bench -- <name> [options]`; `--help` after a name
 * lists its options. Each benchmark measures a reference in the same run and prints a table (or JSON with
 * `--json`). Results and the exact commands are recorded in docs/benchmarks.md.
 */

type Bench = { run(args: string[]): Promise<void> };

const BENCHES: Record<string, { summary: string; load: () => Promise<Bench> }> = {
  federation: { summary: 'node→node messages/s and p50/p99 latency (signed, encrypted, durable, receipted) between two real nodes', load: () => import('./federation.ts') },
  ledger: { summary: 'ledger appends/s, inclusion-proof latency at 1 M and 10 M entries, full verification leaves/s', load: () => import('./ledger.ts') },
  'web-list': { summary: 'the outbox in Chromium with 10,000 requests: first render, paging, memory (reference: the raw API)', load: () => import('./web-list.ts') },
};

function usage(): string {
  const lines = Object.entries(BENCHES).map(([name, b]) => `  ${name.padEnd(10)} ${b.summary}`);
  return `usage: npm run bench -- <name> [options]\n\nbenchmarks:\n${lines.join('\n')}\n`;
}

const [name, ...rest] = process.argv.slice(2);
const bench = name === undefined ? undefined : BENCHES[name];
if (bench === undefined) {
  process.stderr.write(name === undefined || name === '--help' || name === '-h' ? usage() : `unknown benchmark "${name}"\n\n${usage()}`);
  process.exitCode = name === undefined || name === '--help' || name === '-h' ? 0 : 2;
} else {
  await (await bench.load()).run(rest);
}
