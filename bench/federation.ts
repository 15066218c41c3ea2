import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DirectoryAuthority } from '../src/platform/federation/authority.ts';
import { verifyNodeCard } from '../src/platform/federation/node-card.ts';
import { BenchNode, now, type BenchEvent, type NodeMethod, type NodeSpec, type NodeStats } from './federation-node.ts';
import { commitRate, ed25519SignVerify, loopbackHttp, protocolCrypto, quantile, x25519SealOpen } from './federation-refs.ts';

/**
 * `npm run bench -- federation` (DESIGN §8: ≥ 1,000 msg/s node→node, p99 < 100 ms at 500 msg/s): two real nodes
 * (startNode, their own databases, HTTP on loopback, a directory signed by a real authority) exchange messages of a
 * type whose handler does nothing. A message counts when the sender holds its valid receipt (the markDelivered
 * transaction committed) and the receiver processed it (the processing transaction committed).
 *
 * - open loop at each offered rate (`--rates`): messages are enqueued on a 1 ms timer at their scheduled times,
 *   each in its own transaction (`sendInTransaction` + `send`, like a domain change), round-robin over
 *   `--conversations` conversations, without waiting for earlier ones; latencies are measured from the scheduled
 *   time (so a slow enqueue counts), to the sender's receipt and to the receiver's processing;
 * - closed loop (`--inflight`): keep N messages not yet complete; the completion rate is the maximum sustained
 *   throughput;
 * - references in the same run: jose Ed25519 sign+verify, X25519 ECDH-ES+A256KW seal+open, the protocol's own
 *   crypto per message, loopback node:http round trips, and the database's single-transaction commit rate.
 */

const HELP = `usage: npm run bench -- federation [options]

  --rates LIST         offered rates of the open-loop phases, msg/s (default 100,500,1000)
  --seconds N          seconds of each open-loop phase (default 10)
  --inflight N         messages kept in flight by the closed-loop phase (default 256; 0 = no closed loop)
  --closed-seconds N   seconds of the closed-loop phase (default 15; the first 3 s are not counted)
  --conversations N    conversations the messages go round-robin over (default 64)
  --concurrency N      the nodes' federationConcurrencyPerPeer (default 64, the node's default)
  --poll-ms N          the federation loops' poll interval (default: the node's, 1000 ms)
  --processes          run each node in a child process of its own (default: both in this process)
  --db URL             postgres://… to run on PostgreSQL (two scratch databases, created and dropped);
                       default: SQLite in a temporary folder
  --drain-seconds N    how long to wait for a phase's messages to complete (default 120)
  --skip-refs          do not measure the references
  --keep               keep the temporary folder / scratch databases
  --json               print the results as JSON
`;

interface Options {
  rates: number[];
  seconds: number;
  inflight: number;
  closedSeconds: number;
  conversations: number;
  concurrency: number;
  pollMs: number | null;
  processes: boolean;
  db: string | null;
  drainSeconds: number;
  skipRefs: boolean;
  keep: boolean;
  json: boolean;
}

function options(args: string[]): Options | null {
  const { values } = parseArgs({
    args,
    options: {
      rates: { type: 'string', default: '100,500,1000' },
      seconds: { type: 'string', default: '10' },
      inflight: { type: 'string', default: '256' },
      'closed-seconds': { type: 'string', default: '15' },
      conversations: { type: 'string', default: '64' },
      concurrency: { type: 'string', default: '64' },
      'poll-ms': { type: 'string' },
      processes: { type: 'boolean', default: false },
      db: { type: 'string' },
      'drain-seconds': { type: 'string', default: '120' },
      'skip-refs': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const num = (s: string, what: string, min = 0): number => {
    const n = Number(s.replaceAll('_', ''));
    if (!Number.isFinite(n) || n < min) throw new Error(`--${what} must be a number ≥ ${min}`);
    return n;
  };
  const rates = values.rates
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s) => num(s.trim().replace(/[kK]$/, '000'), 'rates', 1));
  return {
    rates,
    seconds: num(values.seconds, 'seconds', 1),
    inflight: Math.floor(num(values.inflight, 'inflight')),
    closedSeconds: num(values['closed-seconds'], 'closed-seconds', 4),
    conversations: Math.floor(num(values.conversations, 'conversations', 1)),
    concurrency: Math.floor(num(values.concurrency, 'concurrency', 1)),
    pollMs: values['poll-ms'] ? Math.floor(num(values['poll-ms'], 'poll-ms', 1)) : null,
    processes: values.processes,
    db: values.db ?? null,
    drainSeconds: num(values['drain-seconds'], 'drain-seconds', 1),
    skipRefs: values['skip-refs'],
    keep: values.keep,
    json: values.json,
  };
}

const log = (s: string): void => void process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(n));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------------------------------------ node hosts

/** A benchmark node, in this process or in a child process; `call` runs one of its methods. */
interface Host {
  call<T = unknown>(method: NodeMethod, ...args: unknown[]): Promise<T>;
  kill(): void;
}

function localHost(spec: NodeSpec, onEvents: (ev: BenchEvent[]) => void): Host {
  const node = new BenchNode(spec, onEvents);
  return {
    call: async <T>(method: NodeMethod, ...args: unknown[]) => (node as unknown as Record<string, (...a: unknown[]) => Promise<T>>)[method]?.apply(node, args) as Promise<T>,
    kill: () => {},
  };
}

async function childHost(spec: NodeSpec, onEvents: (ev: BenchEvent[]) => void): Promise<Host> {
  const child: ChildProcess = fork(new URL('./federation-child.ts', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let seq = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (m: { id?: number; result?: unknown; error?: string; events?: BenchEvent[] }) => {
    if (m.events) onEvents(m.events);
    if (m.id === undefined) return;
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error !== undefined) w?.reject(new Error(`${spec.name}: ${m.error}`));
    else w?.resolve(m.result);
  });
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`${spec.name}: child exited with ${code}`));
    waiting.clear();
  });
  const raw = (method: string, args: unknown[], extra: object = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, { resolve, reject });
      child.send({ id, method, args, ...extra });
    });
  await raw('init', [], { spec });
  return {
    call: <T>(method: NodeMethod, ...args: unknown[]) => raw(method, args) as Promise<T>,
    kill: () => void child.kill(),
  };
}

async function scratchPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `comity_bench_fed_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

// ------------------------------------------------------------------------------------------------ tracking

interface Rec {
  sched?: number;
  enq?: number;
  recv?: number;
  rcpt?: number;
  proc?: number;
  phase?: Phase;
  done?: boolean;
}

interface Phase {
  name: string;
  enqueued: number;
  completed: number;
  errors: number;
  recs: Rec[];
  onComplete?: (r: Rec) => void;
}

class Tracker {
  private readonly recs = new Map<string, Rec>();
  current: Phase | null = null;

  onEvents = (events: BenchEvent[]): void => {
    for (const [kind, id, t, sched] of events) {
      if (kind === 'err') {
        if (this.current) this.current.errors += 1;
        continue;
      }
      let r = this.recs.get(id);
      if (!r) {
        r = {};
        this.recs.set(id, r);
      }
      if (kind === 'enq') {
        r.enq = t;
        r.sched = sched ?? t;
        if (this.current) {
          r.phase = this.current;
          this.current.enqueued += 1;
          this.current.recs.push(r);
        }
      } else r[kind] = t;
      if (!r.done && r.phase && r.rcpt !== undefined && r.proc !== undefined) {
        r.done = true;
        r.phase.completed += 1;
        r.phase.onComplete?.(r);
      }
    }
  };

  begin(name: string): Phase {
    this.current = { name, enqueued: 0, completed: 0, errors: 0, recs: [] };
    return this.current;
  }

  /** Waits until every message of `p` completed (or the timeout); true when it drained. */
  async drain(p: Phase, timeoutMs: number): Promise<boolean> {
    const deadline = now() + timeoutMs;
    while (p.completed < p.enqueued) {
      if (now() > deadline) return false;
      await sleep(20);
    }
    return true;
  }
}

interface Lat {
  p50: number;
  p99: number;
  max: number;
  n: number;
}

function latency(values: number[]): Lat {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return { p50: quantile(v, 0.5), p99: quantile(v, 0.99), max: v.at(-1) ?? Number.NaN, n: v.length };
}

/** Per-transaction-kind means, HTTP mean, CPU share: what the nodes spent their time on during a phase. */
interface Breakdown {
  sender: NodeStats;
  receiver: NodeStats;
  wallMs: number;
}

interface PhaseResult {
  phase: string;
  offered: number | null;
  enqueued: number;
  completed: number;
  errors: number;
  drained: boolean;
  /** Completions per second during the generation window. */
  throughput: number;
  generationSeconds: number;
  drainSeconds: number;
  latency: { enqueue: Lat; received: Lat; receipt: Lat; processed: Lat; complete: Lat };
  breakdown: Breakdown;
}

function summarise(p: Phase, offered: number | null, windowStart: number, windowEnd: number, drainedAt: number, drained: boolean, breakdown: Breakdown): PhaseResult {
  const done = p.recs.filter((r) => r.done);
  const completeAt = (r: Rec): number => Math.max(r.rcpt ?? Number.NaN, r.proc ?? Number.NaN);
  const inWindow = done.filter((r) => completeAt(r) >= windowStart && completeAt(r) <= windowEnd).length;
  const from = (r: Rec): number => r.sched ?? Number.NaN;
  return {
    phase: p.name,
    offered,
    enqueued: p.enqueued,
    completed: p.completed,
    errors: p.errors,
    drained,
    throughput: (inWindow * 1000) / (windowEnd - windowStart),
    generationSeconds: (windowEnd - windowStart) / 1000,
    drainSeconds: (drainedAt - windowEnd) / 1000,
    latency: {
      enqueue: latency(p.recs.map((r) => (r.enq ?? Number.NaN) - from(r))),
      received: latency(p.recs.map((r) => (r.recv ?? Number.NaN) - from(r))),
      receipt: latency(p.recs.map((r) => (r.rcpt ?? Number.NaN) - from(r))),
      processed: latency(p.recs.map((r) => (r.proc ?? Number.NaN) - from(r))),
      complete: latency(done.map((r) => completeAt(r) - from(r))),
    },
    breakdown,
  };
}

// ------------------------------------------------------------------------------------------------ the run

interface Row {
  what: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
  note?: string;
}

export async function run(args: string[]): Promise<void> {
  const opts = options(args);
  if (opts === null) {
    process.stdout.write(HELP);
    return;
  }
  const started = new Date();
  const engine = opts.db ? 'postgres' : 'sqlite';
  const mode = opts.processes ? 'processes' : 'in-process';
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAtStart: loadavg()[0] ?? 0, loadAtEnd: 0 };
  log(`federation benchmark on ${engine}, nodes ${mode}, ${machine.cpus} × ${machine.cpu}, Node ${machine.node}`);
  const rows: Row[] = [];
  const root = mkdtempSync(join(tmpdir(), 'comity-bench-fed-'));
  const scratches: Array<{ url: string; drop: () => Promise<void> }> = [];
  const hosts: Host[] = [];
  const phases: PhaseResult[] = [];
  try {
    if (opts.db) for (let i = 0; i < 3; i++) scratches.push(await scratchPostgres(opts.db));

    if (!opts.skipRefs) {
      log('references: crypto, loopback HTTP, database commits');
      const sv = await ed25519SignVerify(2000);
      rows.push({ what: 'reference: jose Ed25519 sign + verify (EdDSA compact JWS)', value: sv, unit: 'pairs/s', note: 'one thread' });
      const so = await x25519SealOpen(2000);
      rows.push({ what: 'reference: jose X25519 ECDH-ES+A256KW/A256GCM seal + open', value: so, unit: 'pairs/s', note: 'one thread' });
      const pc = await protocolCrypto(2000);
      rows.push({ what: 'reference: sealMessage + openMessage + signReceipt + verifyReceipt', value: pc, unit: 'msg/s', note: "one thread: the protocol's crypto per message, no DB or HTTP" });
      const h = await loopbackHttp(5000);
      rows.push({ what: 'reference: loopback node:http round trip, p50', value: h.p50, unit: 'ms', note: `empty handler, keep-alive, 1.2 kB POST, one at a time: ${fmt(h.perSecond)} req/s` });
      rows.push({ what: 'reference: loopback node:http round trip, p99', value: h.p99, unit: 'ms' });
      const cr = await commitRate(engine, scratches[2]?.url ?? null, 3000);
      rows.push({ what: `reference: ${engine} durable commits, one insert per transaction`, value: cr, unit: 'tx/s', note: engine === 'sqlite' ? 'WAL, synchronous = FULL, as the node opens it' : 'default settings, synchronous_commit = on' });
    }

    // The directory authority and the two nodes.
    const authority = DirectoryAuthority.init(join(root, 'authority'), { name: 'benchmark-directory-authority' });
    const directoryFile = join(authority.dir, 'directory.jws');
    const authorityKey = JSON.stringify(authority.info.publicJwk);
    const tracker = new Tracker();
    const spec = (name: string, i: number): NodeSpec => ({
      name,
      state: name,
      dataDir: join(root, name),
      databaseUrl: scratches[i]?.url ?? join(root, name, 'comity.db'),
      directoryFile,
      authorityKey,
      concurrencyPerPeer: opts.concurrency,
      pollMs: opts.pollMs,
      dbPoolSize: 10,
    });
    const mk = (s: NodeSpec): Promise<Host> => (opts.processes ? childHost(s, tracker.onEvents) : Promise.resolve(localHost(s, tracker.onEvents)));
    const sender = await mk(spec('XA', 0));
    hosts.push(sender);
    const receiver = await mk(spec('XB', 1));
    hosts.push(receiver);
    const a = await sender.call<{ address: string; nodeId: string }>('start');
    const b = await receiver.call<{ address: string; nodeId: string }>('start');
    log(`nodes: ${a.nodeId} at ${a.address} → ${b.nodeId} at ${b.address}`);
    authority.addNode(await verifyNodeCard(await sender.call<string>('card')));
    authority.addNode(await verifyNodeCard(await receiver.call<string>('card')));
    await authority.publish();
    await sender.call('refresh');
    await receiver.call('refresh');
    await sender.call('setup', b.nodeId, opts.conversations);

    const drainMs = opts.drainSeconds * 1000;
    const takeStats = async (t0: number): Promise<Breakdown> => ({
      sender: await sender.call<NodeStats>('takeStats'),
      receiver: await receiver.call<NodeStats>('takeStats'),
      wallMs: now() - t0,
    });

    // Warm-up: not counted.
    log('warm-up: 5 s at 100 msg/s');
    let p = tracker.begin('warm-up');
    await sender.call('openLoop', 100, 5000);
    if (!(await tracker.drain(p, drainMs))) throw new Error('the warm-up messages did not complete');

    let backlogged = false;
    for (const rate of opts.rates) {
      log(`open loop at ${rate} msg/s for ${opts.seconds} s`);
      await takeStats(now());
      p = tracker.begin(`open ${rate}/s`);
      const t0 = now();
      await sender.call('openLoop', rate, opts.seconds * 1000);
      const t1 = now();
      const drained = await tracker.drain(p, drainMs);
      const t2 = now();
      const br = await takeStats(t0);
      const r = summarise(p, rate, t0, t1, t2, drained, br);
      phases.push(r);
      log(
        `  ${r.completed}/${r.enqueued} complete (${fmt(r.throughput)} msg/s in the window, drained in ${fmt(r.drainSeconds, 1)} s); ` +
          `receipt p50/p99 ${fmt(r.latency.receipt.p50, 1)}/${fmt(r.latency.receipt.p99, 1)} ms, processed ${fmt(r.latency.processed.p50, 1)}/${fmt(r.latency.processed.p99, 1)} ms`,
      );
      if (!drained) {
        const [sb, rb] = [await sender.call('backlog'), await receiver.call('backlog')];
        log(`  not drained: sender ${JSON.stringify(sb)}, receiver ${JSON.stringify(rb)}; the remaining phases are skipped (they would start with this backlog)`);
        backlogged = true;
        break;
      }
    }

    if (opts.inflight > 0 && !backlogged) {
      log(`closed loop: ${opts.inflight} in flight for ${opts.closedSeconds} s`);
      await takeStats(now());
      p = tracker.begin(`closed ${opts.inflight}`);
      let stop = false;
      let refill = 0;
      let scheduled = false;
      p.onComplete = () => {
        if (stop) return;
        refill += 1;
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          const k = refill;
          refill = 0;
          if (k > 0 && !stop) void sender.call('enqueueNow', k);
        });
      };
      const t0 = now();
      await sender.call('enqueueNow', opts.inflight);
      await sleep(opts.closedSeconds * 1000);
      stop = true;
      const t1 = now();
      const drained = await tracker.drain(p, drainMs);
      const t2 = now();
      const br = await takeStats(t0);
      const r = summarise(p, null, t0 + 3000, t1, t2, drained, br);
      phases.push(r);
      log(`  ${fmt(r.throughput)} msg/s sustained; complete p50/p99 ${fmt(r.latency.complete.p50, 1)}/${fmt(r.latency.complete.p99, 1)} ms`);
    }
    report(opts, rows, phases, { started, engine, mode, machine });
  } finally {
    for (const h of hosts) await h.call('close').catch((e: unknown) => log(`close: ${(e as Error).message}`));
    for (const h of hosts) h.kill();
    if (!opts.keep) {
      for (const s of scratches) await s.drop().catch(() => {});
      rmSync(root, { recursive: true, force: true });
    } else log(`kept ${root} ${scratches.map((s) => s.url).join(' ')}`);
  }
}

interface RunInfo {
  started: Date;
  engine: string;
  mode: string;
  machine: { cpus: number; cpu: string; memGiB: number; node: string; loadAtStart: number; loadAtEnd: number };
}

/** Prints the table (or JSON): called once the phases ran, before the nodes are closed. */
function report(opts: Options, rows: Row[], phases: PhaseResult[], info: RunInfo): void {
  const { started, engine, mode, machine } = info;
  for (const r of phases) {
    const open = r.offered !== null;
    const label = open ? `at ${fmt(r.offered ?? 0)} msg/s offered` : `closed loop, ${opts.inflight} in flight`;
    const at500 = r.offered === 500;
    rows.push({
      what: open ? `throughput ${label}` : `max sustained throughput (${label})`,
      value: r.throughput,
      unit: 'msg/s',
      ...(open ? {} : { target: '≥ 1,000', met: r.throughput >= 1000 }),
      note: `${r.completed}/${r.enqueued} complete${r.drained ? '' : ' (NOT drained)'}${r.errors ? `, ${r.errors} enqueue errors` : ''}; drain ${fmt(r.drainSeconds, 1)} s`,
    });
    const l = r.latency;
    rows.push({ what: `enqueue → receipt p50 / p99, ${label}`, value: l.receipt.p99, unit: 'ms', note: `p50 ${fmt(l.receipt.p50, 1)} ms, max ${fmt(l.receipt.max, 0)} ms` });
    rows.push({ what: `enqueue → processed p50 / p99, ${label}`, value: l.processed.p99, unit: 'ms', note: `p50 ${fmt(l.processed.p50, 1)} ms, max ${fmt(l.processed.max, 0)} ms` });
    rows.push({
      what: `enqueue → both (complete) p99, ${label}`,
      value: l.complete.p99,
      unit: 'ms',
      ...(at500 ? { target: '< 100 ms at 500/s', met: l.complete.p99 < 100 } : {}),
      note: `p50 ${fmt(l.complete.p50, 1)} ms; enqueue commit p50/p99 ${fmt(l.enqueue.p50, 1)}/${fmt(l.enqueue.p99, 1)} ms, received at the inbox p50/p99 ${fmt(l.received.p50, 1)}/${fmt(l.received.p99, 1)} ms`,
    });
  }

  machine.loadAtEnd = loadavg()[0] ?? 0;
  const result = { benchmark: 'federation', date: started.toISOString(), engine, mode, machine, options: { ...opts, db: opts.db ? 'postgres' : null }, rows, phases: phases.map((p) => ({ ...p })) };
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const table = rows.map((r) => [r.what, `${fmt(r.value, r.unit === 'ms' ? 2 : 0)} ${r.unit}`, r.target ?? '', r.met === undefined ? '' : r.met ? 'met' : 'MISSED', r.note ?? '']);
  const head = ['measure', 'result', 'target', '', 'note'];
  const out = [
    `federation benchmark, ${started.toISOString()}, ${engine}, nodes ${mode}, ${machine.cpus} × ${machine.cpu}, ${machine.memGiB} GiB, Node ${machine.node}, load average ${machine.loadAtStart.toFixed(1)} → ${machine.loadAtEnd.toFixed(1)}`,
    ...renderTable(head, table),
    '',
    'where the time went (per phase; tx = mean ms waiting for the connection / body / commit, count; CPU = share of one core over the phase)',
    ...renderTable(
      ['phase', 'node', 'CPU', 'enqueue tx', 'claim+other tx', 'markDelivered tx', 'inbox tx', 'processing tx', 'HTTP POST', 'ledger append'],
      phases.flatMap((r) =>
        (['sender', 'receiver'] as const).map((who) => {
          const s = r.breakdown[who];
          const tx = (k: string): string => {
            const t = s.tx[k];
            return t && t.n > 0 ? `${fmt(t.waitMs / t.n, 2)}/${fmt(t.bodyMs / t.n, 2)}/${fmt(t.commitMs / t.n, 2)} ×${t.n}` : '';
          };
          const cpu = ((s.cpuUserMs + s.cpuSystemMs) / r.breakdown.wallMs) * 100;
          return [
            r.phase,
            who,
            opts.processes || who === 'sender' ? `${fmt(cpu)} %` : '(same)',
            tx('enqueue'),
            tx('other'),
            tx('markDelivered'),
            tx('inbox'),
            tx('processing'),
            s.http.n > 0 ? `${fmt(s.http.ms / s.http.n, 2)} ms ×${s.http.n}` : '',
            s.appends > 0 ? `${fmt(s.appendMs / s.appends, 2)} ms ×${s.appends}` : '',
          ];
        }),
      ),
    ),
    '',
  ];
  process.stdout.write(out.join('\n'));
}

function renderTable(head: string[], table: string[][]): string[] {
  const widths = head.map((h, c) => Math.max(h.length, ...table.map((t) => (t[c] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 1 && head[0] === 'measure' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)];
}
