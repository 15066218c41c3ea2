import { execFileSync } from 'node:child_process';
import { hash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { systemClock } from '../src/platform/clock.ts';
import { migrateToLatest, openDatabase, type Database } from '../src/platform/db/database.ts';
import { appendRows, type AppendInput, type Ledger } from '../src/platform/ledger/ledger.ts';
import { leafHash, verifyInclusion } from '../src/platform/ledger/merkle.ts';
import { openLedger } from '../src/platform/ledger/open.ts';
import { RANGE_BATCH, verifyRange, type VerifySource } from '../src/platform/ledger/verify-range.ts';
import { openSource } from '../src/platform/ledger/verify-source.ts';
import { appendToFrontier, type Frontier } from '../src/platform/ledger/plan.ts';
import { newId } from '../src/platform/ids.ts';
import { bulkAppend } from './ledger-bulk.ts';

/**
 * `npm run bench -- ledger`: the ledger figures of DESIGN §8 on this machine, each beside a reference measured in
 * the same run — durable appends/s through `Ledger.append` (batched, SQLite synchronous=FULL as configured),
 * inclusion-proof latency p50/p99 at each size (10 M by default), full `verifyLedger` leaves/s, and the SHA-256
 * rates of `openssl speed` and of a raw `crypto.hash` loop on 64-byte blocks.
 */

const HELP = `usage: npm run bench -- ledger [options]

  --sizes LIST     tree sizes to measure proofs and verification at, ascending; 1m and 500k are understood
                   (default 1m,10m; --size is the same option). The tree grows to each size in turn.
  --batch N        entries per append transaction (default 1000)
  --load MODE      how the tree grows beyond the first size: append (Ledger.append, the default) or bulk
                   (bench/ledger-bulk.ts: the same rows and the same hashing code, large transactions)
  --proofs N       random inclusion proofs per size (default 10000)
  --single-ms N    milliseconds of one-entry transactions to time (default 3000)
  --db URL         postgres://… to run on PostgreSQL (a scratch database is created and dropped);
                   default: SQLite in a temporary folder
  --dir PATH       folder for the SQLite database and keys (default: a new temporary folder)
  --keep           keep the temporary folder / scratch database
  --skip-verify    do not run full verification
  --workers N      worker threads for full verification (default: one per CPU; 0 = verify in the main thread)
  --no-native      verify without the native batch check (JavaScript only), for comparison
  --json           print the results as JSON
`;

interface Options {
  sizes: number[];
  batch: number;
  load: 'append' | 'bulk';
  proofs: number;
  singleMs: number;
  db: string | null;
  dir: string | null;
  keep: boolean;
  skipVerify: boolean;
  workers: number | null;
  native: boolean;
  json: boolean;
}

function options(args: string[]): Options | null {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string', default: '1m,10m' },
      size: { type: 'string' },
      batch: { type: 'string', default: '1000' },
      load: { type: 'string', default: 'append' },
      proofs: { type: 'string', default: '10000' },
      'single-ms': { type: 'string', default: '3000' },
      db: { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'skip-verify': { type: 'boolean', default: false },
      workers: { type: 'string' },
      'no-native': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const int = (s: string, what: string): number => {
    const n = Number(s.replaceAll('_', ''));
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${what} must be a non-negative integer`);
    return n;
  };
  const sizes = (values.size ?? values.sizes)
    .split(',')
    .map((s) => int(s.trim().replace(/[mM]$/, '000000').replace(/[kK]$/, '000'), 'sizes'))
    .sort((a, b) => a - b);
  if (sizes.length === 0 || sizes.some((s) => s < 1)) throw new Error('--sizes needs positive sizes');
  if (values.load !== 'append' && values.load !== 'bulk') throw new Error('--load is append or bulk');
  return {
    sizes,
    batch: Math.max(1, int(values.batch, 'batch')),
    load: values.load,
    proofs: int(values.proofs, 'proofs'),
    singleMs: int(values['single-ms'], 'single-ms'),
    db: values.db ?? null,
    dir: values.dir ?? null,
    keep: values.keep,
    skipVerify: values['skip-verify'],
    workers: values.workers === undefined ? null : int(values.workers, 'workers'),
    native: !values['no-native'],
    json: values.json,
  };
}

/** The script that verifies in a process of its own. */
const VERIFY_CHILD = new URL('./ledger-verify-child.ts', import.meta.url).pathname;

/**
 * How many bytes of a file are in the page cache, from util-linux's `fincore`; null where it is not available.
 * Verification of a database the kernel has to read back from disk is bound by that reading (on the VMs measured,
 * the kernel's proactive reclaim evicts the cold part of a freshly written database within minutes), so each
 * verification row says how much of the database was in memory when it started.
 */
function residentBytes(path: string): number | null {
  try {
    const out = execFileSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const n = Number(out.trim());
    return Number.isSafeInteger(n) ? n : null;
  } catch {
    return null;
  }
}

/** A file's size in bytes; 0 when there is no such file (a WAL that was truncated away). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** One measured figure. */
interface Row {
  what: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
  note?: string;
}

const log = (s: string): void => void process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/** `openssl speed -seconds 3 -bytes 64 sha256`: 64-byte SHA-256 blocks per second (null without openssl). */
function opensslRate(): { rate: number; version: string } | null {
  try {
    const out = execFileSync('openssl', ['speed', '-seconds', '3', '-bytes', '64', 'sha256'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const m = /^sha256\s+([\d.]+)k\s*$/m.exec(out);
    if (!m?.[1]) return null;
    const version = execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
    return { rate: (Number(m[1]) * 1000) / 64, version };
  } catch {
    return null;
  }
}

/** Raw `crypto.hash('sha256', 64 bytes)` calls per second, over `ms` milliseconds. */
function cryptoHashRate(ms: number): number {
  const block = randomBytes(64);
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < 10_000; i++) hash('sha256', block, 'buffer');
    n += 10_000;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}

/**
 * Leaves/s of the Merkle part of verification alone — `leafHash` of a typical 270-byte leaf and
 * `plan.appendToFrontier` — over `n` synthetic leaves in memory: what no database, JSON or commitment check costs.
 */
function merkleOnlyRate(n: number): number {
  const leaves = Array.from({ length: 1024 }, (_, i) => Buffer.from(`{"action":"case.update","actor":"user:${newId()}","at":"2026-03-01T09:00:00.000Z","commitment":"${randomBytes(32).toString('base64url')}","node":"comity/${newId()}","object":{"id":"${newId()}","type":"case"},"seq":${i},"v":1}`));
  let frontier: Frontier = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) frontier = appendToFrontier(frontier, BigInt(i), leafHash(leaves[i % leaves.length] as Buffer)).frontier;
  return (n * 1000) / (performance.now() - t0);
}

/**
 * Leaves/s of everything `verifyRange` (the work of one verification thread) does — leaf, subtree and commitment
 * hashes, entry checks, comparisons — over `n` entries built by `appendRows` (the append code) and held in memory:
 * verification's CPU cost per thread without any database.
 */
async function rangeCpuRate(n: number, actors: string[]): Promise<number> {
  const origin = `comity/${newId()}`;
  const rows = appendRows(origin, new Date(), { size: 0, frontier: [] }, inputs(0, n, actors));
  const levels = new Map<number, Array<{ idx: number; hash: string }>>();
  for (const node of rows.nodes) {
    const l = levels.get(node.level) ?? [];
    l.push({ idx: node.idx, hash: node.hash });
    levels.set(node.level, l);
  }
  const details = rows.details.map((d) => ({ idx: d.idx, salt: d.salt, details: d.details, erased: false }));
  const source: VerifySource = {
    entries: (a, b) => rows.entries.slice(a, b),
    details: (a, b) => details.slice(a, b),
    nodes: (level, lo, hi) => (levels.get(level) ?? []).slice(lo, hi + 1),
  };
  const t0 = performance.now();
  const r = await verifyRange(source, origin, { start: 0, end: n, checkpoints: [] });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`in-memory verification failed: ${r.reason}`);
  return (n * 1000) / ms;
}

/**
 * Leaves/s of only reading, in one thread, the rows verification reads for the leaves [0, n) — entries, details and
 * the stored subtree hashes — through the connection code of a verification worker (`verify-source.ts`).
 */
async function rowReadRate(url: string, n: number): Promise<number> {
  const source = await openSource(url);
  try {
    const t0 = performance.now();
    for (let s = 0; s < n; s += RANGE_BATCH) {
      const e = Math.min(n, s + RANGE_BATCH);
      await source.entries(s, e);
      await source.details(s, e);
      for (let level = 0; Math.floor(e / 2 ** level) > Math.floor(s / 2 ** level); level++) {
        await source.nodes(level, Math.floor(s / 2 ** level), Math.floor(e / 2 ** level) - 1);
      }
    }
    return (n * 1000) / (performance.now() - t0);
  } finally {
    await source.close();
  }
}

/**
 * The latency jitter of this machine at the moment: p50/p99 of a fixed piece of CPU work about as long as a proof
 * (200 one-shot hashes), `count` times, yielding to the event loop between runs like an awaited query does. On a
 * shared or loaded machine its p99 shows how much of a proof's p99 is the scheduler's.
 */
async function jitter(count: number): Promise<{ p50: number; p99: number }> {
  const block = randomBytes(64);
  const lat: number[] = [];
  for (let k = 0; k < count; k++) {
    const t = performance.now();
    for (let i = 0; i < 200; i++) hash('sha256', block, 'buffer');
    await new Promise((r) => setImmediate(r));
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  return { p50: quantile(lat, 0.5), p99: quantile(lat, 0.99) };
}

const ACTIONS = ['case.create', 'case.update', 'case.member_add', 'subject.add', 'auth.login', 'evidence.ingest'];

/** Entries shaped like the node's own: UUIDv7 objects and actors, small details. */
function inputs(from: number, n: number, actors: string[]): AppendInput[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      actor: actors[i % actors.length] ?? 'system',
      action: ACTIONS[i % ACTIONS.length] ?? 'case.update',
      object: { type: 'case', id: newId() },
      details: { version: (i % 17) + 1, reason: 'benchmark entry', fields: ['status', 'title'] },
    };
  });
}

async function appendUpTo(db: Database, ledger: Ledger, target: number, batch: number, actors: string[]): Promise<{ appended: number; seconds: number }> {
  let size = await ledger.size();
  const start = size;
  const t0 = performance.now();
  let last = t0;
  while (size < target) {
    const n = Math.min(batch, target - size);
    const items = inputs(size, n, actors);
    await db.db.transaction().execute((trx) => ledger.append(trx, items));
    size += n;
    if (performance.now() - last > 10_000) {
      last = performance.now();
      log(`  ${size.toLocaleString('en')} entries, ${Math.round((size - start) / ((last - t0) / 1000)).toLocaleString('en')}/s`);
    }
  }
  return { appended: size - start, seconds: (performance.now() - t0) / 1000 };
}

async function proofLatency(ledger: Ledger, size: number, count: number): Promise<{ p50: number; p99: number; max: number; checked: number }> {
  const lat: number[] = [];
  const root = await ledger.root(size);
  let checked = 0;
  for (let k = 0; k < count; k++) {
    const index = Math.floor(Math.random() * size);
    const t = performance.now();
    const proof = await ledger.inclusionProof(index, size);
    lat.push(performance.now() - t);
    // Every 100th proof is checked against the root, outside the timed part.
    if (k % 100 === 0) {
      const [row] = await ledger.entries(index, index + 1);
      if (!row) throw new Error(`entry ${index} missing`);
      verifyInclusion(BigInt(index), BigInt(size), leafHash(Buffer.from(row.leaf, 'utf8')), proof, root);
      checked += 1;
    }
  }
  lat.sort((a, b) => a - b);
  return { p50: quantile(lat, 0.5), p99: quantile(lat, 0.99), max: lat.at(-1) ?? Number.NaN, checked };
}

async function scratchPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `comity_bench_${randomBytes(5).toString('hex')}`;
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

const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(n));

export async function run(args: string[]): Promise<void> {
  const opts = options(args);
  if (opts === null) {
    process.stdout.write(HELP);
    return;
  }
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'comity-bench-'));
  const pgScratch = opts.db ? await scratchPostgres(opts.db) : null;
  const url = pgScratch?.url ?? join(dir, 'comity.db');
  const engine = pgScratch ? 'postgres' : 'sqlite';
  const rows: Row[] = [];
  const started = new Date();
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAtStart: loadavg()[0] ?? 0, loadAtEnd: 0 };
  log(`ledger benchmark on ${engine} (${url}), ${machine.cpus} × ${machine.cpu}, Node ${machine.node}`);

  const ssl = opensslRate();
  if (ssl) rows.push({ what: 'reference: openssl speed sha256, 64-byte blocks', value: ssl.rate, unit: 'hashes/s', note: ssl.version });
  const raw = cryptoHashRate(2000);
  rows.push({ what: "reference: crypto.hash('sha256', 64 bytes) loop", value: raw, unit: 'hashes/s', note: 'one thread' });
  const j = await jitter(10_000);
  rows.push({ what: 'reference: fixed ~0.2 ms CPU task (200 hashes), p99', value: j.p99, unit: 'ms', note: `p50 ${fmt(j.p50, 3)} ms: the scheduling jitter of this machine now` });
  const merkle = merkleOnlyRate(200_000);
  rows.push({ what: 'reference: leaf hash + appendToFrontier, in memory', value: merkle, unit: 'leaves/s', note: 'the Merkle part alone, as appends compute it' });
  const benchActors = Array.from({ length: 50 }, () => `user:${newId()}`);
  const cpu = await rangeCpuRate(1 << 17, benchActors);
  rows.push({ what: 'reference: verifyRange over rows in memory, 1 thread', value: cpu, unit: 'leaves/s', note: 'every check of verification, no database: its CPU cost per thread' });

  const database = openDatabase({ url, poolSize: 4 });
  try {
    await migrateToLatest(database);
    const { ledger } = openLedger({ db: database.db, clock: systemClock, dataDir: dir });
    const actors = Array.from({ length: 50 }, () => `user:${newId()}`);

    if (opts.singleMs > 0) {
      let n = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < opts.singleMs) {
        const items = inputs(n, 1, actors);
        await database.db.transaction().execute((trx) => ledger.append(trx, items));
        n += 1;
      }
      rows.push({ what: 'durable appends, one entry per transaction', value: (n * 1000) / (performance.now() - t0), unit: 'entries/s', note: 'one commit (fsync) each' });
    }

    let firstSize = true;
    for (const size of opts.sizes) {
      const current = await ledger.size();
      if (current < size) {
        const bulk = opts.load === 'bulk' && !firstSize;
        log(`growing the tree to ${size.toLocaleString('en')} entries (${bulk ? 'bulk loader' : `Ledger.append, ${opts.batch} per transaction`})`);
        const r = bulk ? await bulkAppend(database, ledger, size, (i, n) => inputs(i, n, actors), { sqlitePath: url }) : await appendUpTo(database, ledger, size, opts.batch, actors);
        const rate = r.appended / r.seconds;
        rows.push(
          bulk
            ? { what: `bulk load ${fmt(current)} → ${fmt(size)} entries (not Ledger.append)`, value: rate, unit: 'entries/s', note: `${fmt(r.seconds, 0)} s` }
            : {
                what: `durable appends, ${opts.batch} per transaction, ${fmt(current)} → ${fmt(size)}`,
                value: rate,
                unit: 'entries/s',
                target: '≥ 20,000',
                met: rate >= 20_000,
                note: `${fmt(r.seconds, 0)} s`,
              },
        );
      }
      firstSize = false;
      if (engine === 'sqlite') {
        // Fold the write-ahead log into the database file, as SQLite's automatic checkpoints keep it folded on a
        // node at rest: the proofs and the verification below then read the database, not a WAL of gigabytes
        // that the growth above may have left (readers would look every page up in its index first).
        const walBytes = fileSize(join(dir, 'comity.db-wal'));
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
        log(`write-ahead log (${fmt(walBytes / 2 ** 20, 0)} MiB) checkpointed into the database`);
      }
      const cp = await ledger.issueCheckpoint();
      log(`checkpoint at ${cp?.size}; ${opts.proofs} inclusion proofs at size ${size.toLocaleString('en')}`);
      if (opts.proofs > 0) {
        const p = await proofLatency(ledger, size, opts.proofs);
        const at10m = size >= 10_000_000;
        rows.push({ what: `inclusion proof p50 at ${fmt(size)} entries`, value: p.p50, unit: 'ms' });
        rows.push({
          what: `inclusion proof p99 at ${fmt(size)} entries`,
          value: p.p99,
          unit: 'ms',
          ...(at10m ? { target: '< 2 ms at 10 M', met: p.p99 < 2 } : {}),
          note: `max ${fmt(p.max, 2)} ms; ${p.checked} proofs re-verified`,
        });
      }
      if (!opts.skipVerify) {
        const sample = Math.min(size, 1 << 20);
        const read = await rowReadRate(url, sample);
        rows.push({ what: `reference: reading the rows verification reads, 1 thread, at ${fmt(size)}`, value: read, unit: 'leaves/s', note: `entries, details, subtree hashes of the first ${fmt(sample)} leaves; no checks` });
        log(`verifyLedger over ${size.toLocaleString('en')} entries`);
        // As `comity ledger verify --data` runs it: in a process of its own, with the database URL, so ranges are
        // verified in worker threads (not beside this process's heap of millions of appends).
        const workers = opts.workers ?? availableParallelism();
        const dbFile = engine === 'sqlite' ? url : null;
        // On SQLite, twice: as the growth left the database (part of it may have been evicted from the page cache
        // and is read back from disk), then again with all of it in memory, as on a node whose database fits in
        // its memory. PostgreSQL's cache is the server's: one pass.
        const passes = dbFile === null ? [''] : [', first pass', ', second pass'];
        for (const pass of passes) {
          const inCache = dbFile === null ? null : residentBytes(dbFile);
          const child = execFileSync(process.execPath, [VERIFY_CHILD, url, ledger.vkey, String(workers), opts.native ? 'native' : 'js'], { encoding: 'utf8' });
          const v = JSON.parse(child) as { ok: boolean; size: number | null; reason: string | null; seconds: number; native: boolean };
          if (!v.ok || v.size === null) throw new Error(`verification failed: ${v.reason}`);
          const how = v.native ? 'native batch check' : 'JavaScript only';
          const s = v.seconds;
          const rate = v.size / s;
          const cached = dbFile === null || inCache === null ? '' : `; ${fmt(inCache / 2 ** 30, 1)} of ${fmt(fileSize(dbFile) / 2 ** 30, 1)} GiB in the page cache before`;
          rows.push({
            what: `full verification (verifyLedger) at ${fmt(size)} entries${pass}`,
            value: rate,
            unit: 'leaves/s',
            target: '≥ 1,000,000',
            met: rate >= 1_000_000,
            note: `${fmt(s, 1)} s; ${workers === 0 ? 'main thread only' : `${workers} worker threads`}; ${how}${cached}`,
          });
        }
      }
    }
    if (engine === 'sqlite') {
      const bytes = fileSize(join(dir, 'comity.db')) + fileSize(join(dir, 'comity.db-wal'));
      rows.push({ what: `database size at ${fmt(await ledger.size())} entries`, value: bytes / 2 ** 20, unit: 'MiB' });
    }
  } finally {
    await database.close();
    if (!opts.keep) {
      await pgScratch?.drop();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    } else log(`kept ${pgScratch ? pgScratch.url : dir}`);
  }

  machine.loadAtEnd = loadavg()[0] ?? 0;
  const result = { benchmark: 'ledger', date: started.toISOString(), engine, machine, options: { ...opts, db: opts.db ? 'postgres' : null }, rows };
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const table = rows.map((r) => [r.what, `${fmt(r.value, r.unit === 'ms' ? 3 : r.unit === 'MiB' ? 0 : 0)} ${r.unit}`, r.target ?? '', r.met === undefined ? '' : r.met ? 'met' : 'MISSED', r.note ?? '']);
  const head = ['measure', 'result', 'target', '', 'note'];
  const widths = head.map((h, c) => Math.max(h.length, ...table.map((t) => (t[c] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  process.stdout.write(
    [
      `ledger benchmark, ${started.toISOString()}, ${engine}, ${machine.cpus} × ${machine.cpu}, ${machine.memGiB} GiB, Node ${machine.node}, load average ${machine.loadAtStart.toFixed(1)} → ${machine.loadAtEnd.toFixed(1)}`,
      line(head),
      line(widths.map((w) => '-'.repeat(w))),
      ...table.map(line),
      '',
    ].join('\n'),
  );
}
