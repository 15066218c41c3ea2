import { generateKeyPairSync } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '../../src/platform/db/database.ts';
import { toB64 } from '../../src/platform/ledger/base64.ts';
import { formatCheckpoint } from '../../src/platform/ledger/checkpoint.ts';
import { ed25519Signer, parseVerifierKey, signNote } from '../../src/platform/ledger/note.ts';
import { createScratch, type ScratchDatabase } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, tokenFor, type TestNode } from '../kit/node.ts';

/**
 * Interoperability: a Comity node's checkpoints, inclusion and consistency proofs and receipts are checked by a
 * small Go program that uses only Go's standard library and golang.org/x/mod/sumdb/{note,tlog}
 * (tools/go-tlog-verify) — code that shares nothing with ours. Needs the Debian packages golang-go and
 * golang-golang-x-mod-dev: skipped without them, except in CI (CI=true), where their absence fails the run.
 */

const TOOL = fileURLToPath(new URL('../../tools/go-tlog-verify', import.meta.url));
const GOPATH = '/usr/share/gocode';
const X_MOD = join(GOPATH, 'src/golang.org/x/mod/sumdb');

function goMissing(): string | null {
  const v = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (v.error || v.status !== 0) return 'the go command is not installed (Debian package golang-go)';
  if (!existsSync(join(X_MOD, 'note/note.go')) || !existsSync(join(X_MOD, 'tlog/tlog.go')))
    return `golang.org/x/mod/sumdb is not in ${GOPATH} (Debian package golang-golang-x-mod-dev)`;
  return null;
}

const missing = goMissing();
const inCi = process.env.CI === 'true';
if (missing !== null && !inCi)
  console.warn(`\n*** ${missing}: the Go tlog interoperability test is SKIPPED (apt-get install golang-go golang-golang-x-mod-dev). ***\n`);

/** The Go build environment: GOPATH mode against Debian's packaged sources, offline, with a private cache. */
function goEnv(cache: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('GO')) env[k] = v;
  return { ...env, GO111MODULE: 'off', GOPATH, GOCACHE: cache, GOFLAGS: '', GOPROXY: 'off', GOTOOLCHAIN: 'local' };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], env?: Record<string, string>, cwd?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

if (missing !== null && inCi) {
  describe('Go tlog/note interoperability (CI=true)', () => {
    it('has Go and golang.org/x/mod installed', () => {
      throw new Error(`CI=true needs Go for the interoperability test, but ${missing}; .ci/run installs it`);
    });
  });
}

describe.skipIf(missing !== null)('Go tlog/note verify a Comity node (tools/go-tlog-verify)', () => {
  let dir: string;
  let bin: string;
  let scratch: ScratchDatabase;
  let database: Database;
  let node: TestNode;
  let h: Record<string, string>;
  const files: Record<string, string> = {};
  let oldSize = 0;
  let newSize = 0;
  /** A case.create entry inside the first checkpoint's tree. */
  let INDEX = 0;

  const get = async (url: string): Promise<LightMyRequestResponse> => {
    const res = await node.app.inject({ method: 'GET', url, headers: h });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res;
  };
  const write = (name: string, content: string | object): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  const verify = (...args: string[]) => run(bin, ['-vkey-file', files.vkey ?? '', ...args]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'comity-go-'));
    bin = join(dir, 'go-tlog-verify');
    const cache = join(tmpdir(), 'comity-go-build-cache');
    mkdirSync(cache, { recursive: true });
    // GOPATH mode builds a directory outside GOPATH only as "." (an absolute import path is refused).
    const built = await run('go', ['build', '-o', bin, '.'], goEnv(cache), TOOL);
    expect(built.code, `go build failed:\n${built.stderr}`).toBe(0);

    scratch = await createScratch('sqlite');
    database = openDatabase({ url: scratch.url });
    await migrateToLatest(database);
    node = await buildTestNode(database);
    const auditor = await createUser(node, ['oversight']);
    h = bearer(await tokenFor(node, auditor));
    const lead = await createUser(node, ['investigator']);
    const leadH = bearer(await tokenFor(node, lead));
    const newCase = async (title: string) => {
      const res = await node.app.inject({ method: 'POST', url: '/api/v1/cases', headers: leadH, payload: { title, offences: ['illegal_access'] } });
      expect(res.statusCode, res.body).toBe(201);
    };
    for (const t of ['Ransomware at the hospital', 'Botnet', 'Phishing kit']) await newCase(t);
    const first = await node.app.inject({ method: 'POST', url: '/api/v1/ledger/checkpoint', headers: h });
    expect(first.statusCode, first.body).toBe(200);
    files.old = write('old.note', first.body);
    oldSize = Number(first.body.split('\n')[1]);
    await createUser(node, ['prosecutor']);
    for (const t of ['Carding forum', 'Sextortion ring', 'Crypto mixer', 'DDoS for hire']) await newCase(t);
    node.clock.advance(1000);
    const second = await node.app.inject({ method: 'POST', url: '/api/v1/ledger/checkpoint', headers: h });
    expect(second.statusCode).toBe(200);
    newSize = Number(second.body.split('\n')[1]);
    const created = (await node.ledger.entries(0, oldSize)).filter((e) => e.action === 'case.create');
    expect(created.length, 'the cases service records case.create entries').toBe(3);
    INDEX = created[1]?.idx ?? 0;
    expect(newSize).toBeGreaterThan(oldSize);

    files.vkey = write('node.vkey', (await get('/api/v1/ledger/key')).body);
    files.checkpoint = write('checkpoint.note', (await get('/api/v1/ledger/checkpoint')).body);
    const inclusion = (await get(`/api/v1/ledger/proofs/inclusion?index=${INDEX}&size=${newSize}`)).json() as Record<string, unknown>;
    const entries = (await get(`/api/v1/ledger/entries?start=${INDEX}&end=${INDEX + 1}`)).json() as { items: Array<{ leaf: string }> };
    files.inclusion = write('inclusion.json', { ...inclusion, leaf: entries.items[0]?.leaf });
    files.consistency = write('consistency.json', (await get(`/api/v1/ledger/proofs/consistency?from=${oldSize}&to=${newSize}`)).json() as object);
    files.receipt = write('receipt.json', (await get(`/api/v1/ledger/receipts/${INDEX}`)).json() as object);
  });
  afterAll(async () => {
    await node?.close();
    await database?.close();
    await scratch?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the checkpoint signature, an inclusion proof and a consistency proof', async () => {
    const r = await verify('-checkpoint', files.checkpoint ?? '', '-inclusion', files.inclusion ?? '', '-old-checkpoint', files.old ?? '', '-consistency', files.consistency ?? '');
    expect(r.code, r.stderr).toBe(0);
    const origin = parseVerifierKey(node.ledger.vkey).name;
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^ok: checkpoint of ${origin} at size ${newSize}, root \\S+, signed by ${origin}$`)),
      expect.stringMatching(new RegExp(`^ok: entry ${INDEX} \\(case\\.create case/\\S+ by user:\\S+ at \\S+\\) is in the signed tree of size ${newSize}$`)),
      `ok: the signed tree of size ${newSize} extends the signed tree of size ${oldSize}`,
    ]);
  });

  it('verifies an offline receipt', async () => {
    const r = await verify('-receipt', files.receipt ?? '');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^ok: receipt: entry ${INDEX} \\(case\\.create `));
  });

  it('refuses a tampered leaf, a tampered inclusion proof and a tampered consistency proof', async () => {
    const inclusion = (await get(`/api/v1/ledger/proofs/inclusion?index=${INDEX}&size=${newSize}`)).json() as { proof: string[] };
    const leaf = Buffer.from(((await get(`/api/v1/ledger/entries?start=${INDEX}&end=${INDEX + 1}`)).json() as { items: Array<{ leaf: string }> }).items[0]?.leaf ?? '', 'base64');
    const oneByte = Buffer.from(leaf);
    oneByte[oneByte.length - 2] = '2'.charCodeAt(0); // "v":1} → "v":2}
    const flipped = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[0] = (b[0] ?? 0) ^ 1;
      return b.toString('base64');
    };

    const badLeaf = write('bad-leaf.json', { ...inclusion, leaf: oneByte.toString('base64') });
    const r1 = await verify('-checkpoint', files.checkpoint ?? '', '-inclusion', badLeaf);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(new RegExp(`^go-tlog-verify: .*bad-leaf\\.json: entry ${INDEX} is not proven in the tree of size ${newSize}: invalid transparency proof\\n$`));

    const badProof = write('bad-proof.json', { ...inclusion, leaf: leaf.toString('base64'), proof: [flipped(inclusion.proof[0] ?? ''), ...inclusion.proof.slice(1)] });
    const r2 = await verify('-checkpoint', files.checkpoint ?? '', '-inclusion', badProof);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/bad-proof\.json: entry \d+ is not proven/);

    const consistency = (await get(`/api/v1/ledger/proofs/consistency?from=${oldSize}&to=${newSize}`)).json() as { proof: string[] };
    const badCons = write('bad-consistency.json', { ...consistency, proof: consistency.proof.map((p, i) => (i === consistency.proof.length - 1 ? flipped(p) : p)) });
    const r3 = await verify('-checkpoint', files.checkpoint ?? '', '-old-checkpoint', files.old ?? '', '-consistency', badCons);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(new RegExp(`bad-consistency\\.json: the tree of size ${newSize} does not extend the tree of size ${oldSize}`));
  });

  it('refuses a checkpoint signed by another key, or whose text was changed', async () => {
    const origin = parseVerifierKey(node.ledger.vkey).name;
    const { privateKey } = generateKeyPairSync('ed25519');
    const root = await node.ledger.root(newSize);
    const forged = write('forged.note', signNote(formatCheckpoint({ origin, size: BigInt(newSize), rootHash: root }), [ed25519Signer(origin, privateKey)]));
    const r1 = await verify('-checkpoint', forged);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/forged\.note: signature: note has no verifiable signatures/);

    const note = (await get('/api/v1/ledger/checkpoint')).body;
    const edited = write('edited.note', note.replace(`\n${newSize}\n`, `\n${newSize + 1}\n`));
    const r2 = await verify('-checkpoint', edited);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/edited\.note: signature: invalid signature for key comity\//);

    const wrongRoot = write('wrong-root.note', note.replace(toB64(root), toB64(new Uint8Array(32))));
    expect((await verify('-checkpoint', wrongRoot)).code).toBe(1);

    const usage = await run(bin, ['-checkpoint', files.checkpoint ?? '']);
    expect(usage.code).toBe(2);
  });
});
