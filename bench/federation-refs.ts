import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify } from 'jose';
import pg from 'pg';
import { openSqlite } from '../src/platform/db/sqlite-adapter.ts';
import { openMessage, sealMessage } from '../src/platform/federation/envelope.ts';
import { publicJwkOf } from '../src/platform/federation/jwk.ts';
import type { MessagePayload } from '../src/platform/federation/message.ts';
import { signReceipt, verifyReceipt } from '../src/platform/federation/receipt.ts';
import { newId } from '../src/platform/ids.ts';

/**
 * The references of the federation benchmark, each on one thread of this process: what the machine's crypto,
 * loopback HTTP and database commits can do at the moment of the run.
 */

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Runs `op` for about `ms` milliseconds; operations per second. */
async function rate(ms: number, op: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 50; i++) await op();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    for (let i = 0; i < 20; i++) await op();
    n += 20;
  }
  return (n * 1000) / (performance.now() - t0);
}

const samplePayload = (from: string, to: string): MessagePayload => ({
  id: newId(),
  type: 'bench.noop',
  from,
  to,
  iat: Math.floor(Date.now() / 1000),
  exp: Math.floor(Date.now() / 1000) + 3600,
  conversation: newId(),
  seq: 1,
  body: { n: 1, pad: 'x'.repeat(64) },
});

/** jose EdDSA (Ed25519) compact sign + verify of a message-sized payload: pairs per second. */
export async function ed25519SignVerify(ms: number): Promise<number> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const bytes = new TextEncoder().encode(JSON.stringify(samplePayload('xa', 'xb')));
  return rate(ms, async () => {
    const jws = await new CompactSign(bytes).setProtectedHeader({ alg: 'EdDSA', typ: 'comity-msg+jws', kid: 'k' }).sign(privateKey);
    await compactVerify(jws, publicKey, { algorithms: ['EdDSA'] });
  });
}

/** jose ECDH-ES+A256KW / A256GCM (X25519) compact encrypt + decrypt of a JWS-sized plaintext: pairs per second. */
export async function x25519SealOpen(ms: number): Promise<number> {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const plaintext = randomBytes(600);
  return rate(ms, async () => {
    const jwe = await new CompactEncrypt(plaintext).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'comity-msg+jws', kid: 'k' }).encrypt(publicKey);
    await compactDecrypt(jwe, privateKey, { keyManagementAlgorithms: ['ECDH-ES+A256KW'], contentEncryptionAlgorithms: ['A256GCM'] });
  });
}

/**
 * The protocol's own crypto for one message, with the federation code: `sealMessage` (sign + encrypt) on the
 * sender, `openMessage` (decrypt + verify) and `signReceipt` on the receiver, `verifyReceipt` on the sender.
 * Messages per second on one thread: the CPU floor of a message without database or HTTP.
 */
export async function protocolCrypto(ms: number): Promise<number> {
  const sig = generateKeyPairSync('ed25519').privateKey;
  const enc = generateKeyPairSync('x25519').privateKey;
  const rsig = generateKeyPairSync('ed25519').privateKey;
  const sigJwk = publicJwkOf(sig);
  const encJwk = publicJwkOf(enc);
  const rsigJwk = publicJwkOf(rsig);
  const keys: Record<string, { nodeId: string; publicJwk: typeof sigJwk; expiresAt: null }> = {
    [sigJwk.kid]: { nodeId: 'xa', publicJwk: sigJwk, expiresAt: null },
    [rsigJwk.kid]: { nodeId: 'xb', publicJwk: rsigJwk, expiresAt: null },
  };
  return rate(ms, async () => {
    const p = samplePayload('xa', 'xb');
    const jwe = await sealMessage(p, { kid: sigJwk.kid, privateKey: sig }, { kid: encJwk.kid, publicJwk: encJwk });
    const now = new Date();
    const opened = await openMessage(jwe, { self: 'xb', now, maxBytes: 1 << 20, decryptionKey: () => enc, resolveSenderKey: (kid) => keys[kid] });
    const receipt = await signReceipt({ msg: p.id, digest: opened.digest, from: 'xa', by: 'xb', receivedAt: now.toISOString() }, { kid: rsigJwk.kid, privateKey: rsig });
    await verifyReceipt(receipt, { expect: { msg: p.id, digest: opened.digest, by: 'xb', from: 'xa' }, resolveKey: (kid) => keys[kid], now });
  });
}

/**
 * Loopback HTTP round trips with node:http: an empty handler answering 200, a keep-alive agent, one request at
 * a time, each POSTing a message-sized body. p50/p99 in milliseconds and requests per second.
 */
export async function loopbackHttp(count: number): Promise<{ p50: number; p99: number; perSecond: number }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const body = Buffer.from('x'.repeat(1200));
  const once = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/federation/v1/inbox', agent, headers: { 'content-type': 'application/jose', 'content-length': body.length } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end(body);
    });
  for (let i = 0; i < 200; i++) await once();
  const lat: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await once();
    lat.push(performance.now() - t);
  }
  const perSecond = (count * 1000) / (performance.now() - t0);
  agent.destroy();
  await new Promise<void>((r) => server.close(() => r()));
  lat.sort((a, b) => a - b);
  return { p50: quantile(lat, 0.5), p99: quantile(lat, 0.99), perSecond };
}

/**
 * The database's durable single-transaction commit rate: one `INSERT` and its commit per transaction, one after
 * another, for `ms` milliseconds. SQLite is opened exactly as the node opens it (WAL, synchronous = FULL, BEGIN
 * IMMEDIATE) in a fresh folder; PostgreSQL in the given (scratch) database, default settings.
 */
export async function commitRate(engine: 'sqlite' | 'postgres', pgUrl: string | null, ms: number): Promise<number> {
  const row = (): [string, string] => [newId(), 'x'.repeat(200)];
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'comity-bench-commit-'));
    const { raw } = openSqlite({ path: join(dir, 'commit.db') });
    try {
      raw.exec('CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT NOT NULL)');
      const ins = raw.prepare('INSERT INTO t (id, v) VALUES (?, ?)');
      let n = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < ms) {
        raw.exec('BEGIN IMMEDIATE');
        ins.run(...row());
        raw.exec('COMMIT');
        n += 1;
      }
      return (n * 1000) / (performance.now() - t0);
    } finally {
      raw.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const c = new pg.Client({ connectionString: pgUrl ?? undefined });
  await c.connect();
  try {
    await c.query('CREATE TABLE bench_commit (id TEXT PRIMARY KEY, v TEXT NOT NULL)');
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      await c.query('BEGIN');
      await c.query('INSERT INTO bench_commit (id, v) VALUES ($1, $2)', row());
      await c.query('COMMIT');
      n += 1;
    }
    const r = (n * 1000) / (performance.now() - t0);
    await c.query('DROP TABLE bench_commit');
    return r;
  } finally {
    await c.end();
  }
}
