import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/platform/clock.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { fromB64, toB64 } from '../../src/platform/ledger/base64.ts';
import { formatCheckpoint, openCheckpoint } from '../../src/platform/ledger/checkpoint.ts';
import { leafHash, verifyConsistency, verifyInclusion } from '../../src/platform/ledger/merkle.ts';
import { ed25519Signer, parseVerifierKey, signNote } from '../../src/platform/ledger/note.ts';
import { openLedger } from '../../src/platform/ledger/open.ts';
import { PASSWORD, lines, removeAll, runCli, startNodeProcess, tempDir, type NodeProcess } from './kit.ts';

interface Proof {
  index: number;
  size: number;
  rootHash: string;
  proof: string[];
  leaf: string;
  checkpoint?: string;
}

/** Appends `n` entries to the folder's ledger in this process (the node's own code path, with its own key). */
async function appendEntries(data: string, n: number): Promise<void> {
  const database = openDatabase({ url: join(data, 'comity.db') });
  try {
    const { ledger } = openLedger({ db: database.db, clock: systemClock, dataDir: data });
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) await ledger.append(trx, { actor: 'operator:test', action: 'test.touch', object: { type: 'test', id: `t${i}` }, details: { i, note: 'personal data could be here' } });
    });
  } finally {
    await database.close();
  }
}

/** Opens the folder's SQLite file without the append-only triggers, to play the attacker with write access. */
function tamper(data: string, fn: (db: DatabaseSync) => void): void {
  const db = new DatabaseSync(join(data, 'comity.db'));
  try {
    for (const t of ['ledger_entries', 'ledger_nodes', 'ledger_checkpoints']) {
      db.exec(`DROP TRIGGER IF EXISTS ${t}_no_update`);
      db.exec(`DROP TRIGGER IF EXISTS ${t}_no_delete`);
    }
    fn(db);
  } finally {
    db.close();
  }
}

describe('comity ledger (on the data folder)', () => {
  let data: string;
  let vkey: string;
  let firstNote: string;
  const cli = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) => runCli([...args, '--data', data], opts);
  /** A copy of the folder to tamper with, so that the other tests keep a sound ledger. */
  const copy = (): string => {
    const d = join(tempDir(), 'copy');
    cpSync(data, d, { recursive: true });
    return d;
  };

  beforeAll(async () => {
    data = join(tempDir(), 'data');
    expect((await runCli(['init', '--data', data, '--state', 'XA'])).code).toBe(0);
    // A folder without its keys (restored without keys/): verify must refuse, not make a key.
    expect(existsSync(join(data, 'keys', 'node.json'))).toBe(true);
    rmSync(join(data, 'keys'), { recursive: true });
    const none = await cli(['ledger', 'verify']);
    expect(none.code).toBe(1);
    expect(lines(none.stderr)).toEqual([expect.stringMatching(/^comity: .* has no ledger signing key yet/)]);
    expect(existsSync(join(data, 'keys'))).toBe(false);

    for (const u of ['admin', 'alice', 'bob'])
      expect((await cli(['user', 'add', '--username', u, '--roles', u === 'admin' ? 'admin' : 'investigator', '--password-stdin'], { input: PASSWORD })).code).toBe(0);
    await appendEntries(data, 10);
    const k = await cli(['ledger', 'key']);
    expect(k.code).toBe(0);
    vkey = k.stdout.trim();
    expect(parseVerifierKey(vkey).name).toMatch(/^comity\//);
  });
  afterAll(removeAll);

  it('verifies a sound ledger with one line; --json gives the figures', async () => {
    const r = await cli(['ledger', 'verify']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual([expect.stringMatching(/^ledger ok: \d+ entries, \d+ checkpoints?.*, 0 erased details; log comity\//)]);
    const j = await cli(['ledger', 'verify', '--json']);
    expect(j.code).toBe(0);
    const report = JSON.parse(j.stdout) as { ok: boolean; size: number; origin: string };
    expect(report).toMatchObject({ ok: true, origin: parseVerifierKey(vkey).name });
    expect(report.size).toBeGreaterThanOrEqual(10);
  });

  it('checkpoint --issue signs the grown tree once; checkpoint prints a note that opens with the vkey', async () => {
    const issued = await cli(['ledger', 'checkpoint', '--issue']);
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stderr).toMatch(/^signed a checkpoint at size \d+\n$/);
    firstNote = issued.stdout;
    const cp = openCheckpoint(firstNote, parseVerifierKey(vkey), parseVerifierKey(vkey).name);
    expect(cp.size).toBeGreaterThanOrEqual(10n);

    const again = await cli(['ledger', 'checkpoint', '--issue']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/nothing new to sign/);
    expect(again.stdout).toBe(firstNote);

    const shown = await cli(['ledger', 'checkpoint']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe(firstNote);
    const j = JSON.parse((await cli(['ledger', 'checkpoint', '--json'])).stdout) as { size: number; rootHash: string; note: string };
    expect(j).toEqual({ origin: cp.origin, size: Number(cp.size), rootHash: toB64(cp.rootHash), note: firstNote });

    await appendEntries(data, 3);
    const second = await cli(['ledger', 'checkpoint', '--issue', '--json']);
    expect(second.code).toBe(0);
    expect((JSON.parse(second.stdout) as { size: number }).size).toBe(Number(cp.size) + 3);
    expect((await cli(['ledger', 'verify'])).stdout).toMatch(/2 checkpoints \(latest at size \d+\)/);
  });

  it('prove prints an inclusion proof in the latest signed tree that verifies', async () => {
    const r = await cli(['ledger', 'prove', '4']);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout) as Proof;
    expect(p.index).toBe(4);
    const cp = openCheckpoint(p.checkpoint ?? '', parseVerifierKey(vkey));
    expect(p.size).toBe(Number(cp.size));
    expect(p.rootHash).toBe(toB64(cp.rootHash));
    verifyInclusion(4n, cp.size, leafHash(fromB64(p.leaf)), p.proof.map((h) => fromB64(h)), cp.rootHash);
    expect(JSON.parse(Buffer.from(p.leaf, 'base64').toString('utf8'))).toMatchObject({ seq: 4, node: cp.origin });

    const sized = JSON.parse((await cli(['ledger', 'prove', '0', '--size', '5'])).stdout) as Proof;
    expect(sized).toMatchObject({ index: 0, size: 5 });
    expect(sized.checkpoint).toBeUndefined();

    const beyond = await cli(['ledger', 'prove', '100000']);
    expect(beyond.code).toBe(1);
    expect(lines(beyond.stderr)).toEqual([expect.stringMatching(/^comity: entry 100000 is not in the tree of \d+ entries/)]);
    const bad = await cli(['ledger', 'prove', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/see "comity ledger prove --help"/);
  });

  it('consistency proves the latest signed tree extends an earlier one', async () => {
    const old = openCheckpoint(firstNote, parseVerifierKey(vkey));
    const r = await cli(['ledger', 'consistency', String(old.size)]);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout) as { from: number; to: number; proof: string[]; oldRootHash: string; checkpoint: string };
    const latest = openCheckpoint(p.checkpoint, parseVerifierKey(vkey));
    expect(p.oldRootHash).toBe(toB64(old.rootHash));
    verifyConsistency(old.size, latest.size, p.proof.map((h) => fromB64(h)), old.rootHash, latest.rootHash);
  });

  it('receipt and receipt-verify round-trip offline; a tampered receipt or another key fails with one line', async () => {
    const dir = tempDir();
    const file = join(dir, 'receipt.json');
    const keyFile = join(dir, 'node.vkey');
    writeFileSync(keyFile, `${vkey}\n`);
    const made = await cli(['ledger', 'receipt', '2', '--out', file]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/^receipt for entry 2 \(proven in the checkpoint at size \d+\) written to /);

    const ok = await runCli(['ledger', 'receipt-verify', file, '--vkey-file', keyFile]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^receipt ok: entry 2 is in the log comity\/\S+, proven in its signed checkpoint at size \d+\n/);
    expect(ok.stdout).toMatch(/\n {2}action {2}\S+\n/);
    const j = JSON.parse((await runCli(['ledger', 'receipt-verify', file, '--vkey', vkey, '--json'])).stdout) as { index: number; entry: { seq: number } };
    expect(j).toMatchObject({ index: 2, entry: { seq: 2 } });

    const receipt = JSON.parse(readFileSync(file, 'utf8')) as { leaf: string; proof: string[]; index: string };
    const leaf = Buffer.from(receipt.leaf, 'base64');
    leaf[leaf.length - 2] = '2'.charCodeAt(0); // "v":1} → "v":2}
    const cases: Array<[string, object]> = [
      ['leaf', { ...receipt, leaf: leaf.toString('base64') }],
      ['proof', { ...receipt, proof: [toB64(new Uint8Array(32)), ...receipt.proof.slice(1)] }],
      ['index', { ...receipt, index: '3' }],
    ];
    for (const [what, forged] of cases) {
      const f = join(dir, `forged-${what}.json`);
      writeFileSync(f, JSON.stringify(forged));
      const r = await runCli(['ledger', 'receipt-verify', f, '--vkey-file', keyFile]);
      expect(r.code, what).toBe(1);
      expect(lines(r.stderr), what).toEqual([expect.stringMatching(/^comity: the receipt does not verify: /)]);
      expect(r.stdout).toBe('');
    }

    const { publicKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'jwk' }).x ?? '';
    const { encodeVerifierKey } = await import('../../src/platform/ledger/note.ts');
    const stranger = encodeVerifierKey(parseVerifierKey(vkey).name, new Uint8Array(Buffer.from(raw, 'base64url')));
    const wrongKey = await runCli(['ledger', 'receipt-verify', file, '--vkey', stranger]);
    expect(wrongKey.code).toBe(1);
    expect(lines(wrongKey.stderr)).toEqual(['comity: the receipt does not verify: note is not signed by any trusted key']);

    const noKey = await runCli(['ledger', 'receipt-verify', file]);
    expect(noKey.code).toBe(2);
    const notJson = await runCli(['ledger', 'receipt-verify', keyFile, '--vkey', vkey]);
    expect(notJson.code).toBe(1);
    expect(lines(notJson.stderr)).toEqual([expect.stringMatching(/is not a receipt: it is not JSON$/)]);
  });

  it('names the entry whose leaf was changed (one byte), with exit 1', async () => {
    const d = copy();
    tamper(d, (db) => {
      const row = db.prepare('SELECT leaf FROM ledger_entries WHERE idx = 5').get() as { leaf: string };
      expect(row.leaf.endsWith('"v":1}')).toBe(true);
      db.prepare('UPDATE ledger_entries SET leaf = ? WHERE idx = 5').run(row.leaf.replace(/"v":1}$/, '"v":2}'));
    });
    const r = await runCli(['ledger', 'verify', '--data', d]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(['comity: ledger verification failed at entry 5: entry 5: the leaf does not match its stored hash']);
    const j = await runCli(['ledger', 'verify', '--data', d, '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, index: 5 });
  });

  it('names an entry whose row was deleted', async () => {
    const d = copy();
    tamper(d, (db) => db.exec('DELETE FROM ledger_entries WHERE idx = 7'));
    const r = await runCli(['ledger', 'verify', '--data', d]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(['comity: ledger verification failed at entry 7: entry 7 is missing']);
  });

  it('names a forged checkpoint signed by another key', async () => {
    const d = copy();
    const origin = parseVerifierKey(vkey).name;
    // The right root at size 6, signed by a key that is not the node's (same name, other key).
    const database = openDatabase({ url: join(d, 'comity.db') });
    let root: Uint8Array;
    try {
      root = await openLedger({ db: database.db, clock: systemClock, dataDir: d }).ledger.root(6);
    } finally {
      await database.close();
    }
    const { privateKey } = generateKeyPairSync('ed25519');
    const note = signNote(formatCheckpoint({ origin, size: 6n, rootHash: root }), [ed25519Signer(origin, privateKey)]);
    tamper(d, (db) =>
      db.prepare('INSERT INTO ledger_checkpoints (size, root_hash, note, created_at) VALUES (6, ?, ?, ?)').run(Buffer.from(root).toString('hex'), note, new Date().toISOString()),
    );
    const r = await runCli(['ledger', 'verify', '--data', d]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/^comity: ledger verification failed at entry 5 \(checkpoint at size 6\): checkpoint at size 6 has no valid signature by comity\/\S+: note is not signed by any trusted key$/),
    ]);
  });

  it('has help, and --url with --data is a usage error', async () => {
    const h = await cli(['ledger', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/verify/);
    expect(h.stdout).toMatch(/receipt-verify/);
    const conflict = await runCli(['ledger', 'verify', '--data', data, '--url', 'http://127.0.0.1:1']);
    expect(conflict.code).toBe(2);
  });
});

describe('comity ledger --url (through a running node)', () => {
  let data: string;
  let node: NodeProcess;
  let token: string;
  let vkey: string;
  const remote = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { COMITY_URL: node.url, COMITY_TOKEN: token, ...env } });

  beforeAll(async () => {
    data = join(tempDir(), 'data');
    expect((await runCli(['init', '--data', data])).code).toBe(0);
    expect((await runCli(['user', 'add', '--data', data, '--username', 'auditor', '--roles', 'oversight', '--password-stdin'], { input: PASSWORD })).code).toBe(0);
    expect((await runCli(['user', 'add', '--data', data, '--username', 'ivan', '--roles', 'investigator', '--password-stdin'], { input: PASSWORD })).code).toBe(0);
    await appendEntries(data, 20);
    const t = await runCli(['token', 'create', '--data', data, '--username', 'auditor', '--roles', 'oversight']);
    expect(t.code).toBe(0);
    token = t.stdout.trim();
    vkey = (await runCli(['ledger', 'key', '--data', data])).stdout.trim();
    node = await startNodeProcess(['--data', data]);
  });
  afterAll(async () => {
    if (node) expect(await node.stop()).toBe(0);
    removeAll();
  });

  it('verifies remotely: every leaf, the tree and the latest signed checkpoint', async () => {
    const k = await remote(['ledger', 'key']);
    expect(k.stdout.trim()).toBe(vkey);
    const r = await remote(['ledger', 'verify']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual([expect.stringMatching(/^ledger ok through http:\/\/127\.0\.0\.1:\d+: \d+ entries, latest checkpoint at size \d+; log comity\//)]);
    const pinned = await runCli(['ledger', 'verify', '--url', node.url, '--token', token, '--vkey', vkey, '--json']);
    expect(pinned.code).toBe(0);
    expect(JSON.parse(pinned.stdout)).toMatchObject({ ok: true, checkpoints: 1, erased: null });
  });

  it('checks consistency with a checkpoint kept from earlier, and refuses one the node never signed', async () => {
    const dir = tempDir();
    const old = join(dir, 'old.note');
    const before = await remote(['ledger', 'checkpoint']);
    expect(before.code, before.stderr).toBe(0);
    writeFileSync(old, before.stdout);
    await appendEntries(data, 5);
    const issued = await remote(['ledger', 'checkpoint', '--issue']);
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stderr).toMatch(/^signed a checkpoint at size \d+/);
    const r = await remote(['ledger', 'verify', '--trusted-checkpoint', old]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/consistent with the trusted checkpoint at size \d+/);

    const origin = parseVerifierKey(vkey).name;
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = join(dir, 'forged.note');
    writeFileSync(forged, signNote(formatCheckpoint({ origin, size: 3n, rootHash: new Uint8Array(32) }), [ed25519Signer(origin, privateKey)]));
    const bad = await remote(['ledger', 'verify', '--trusted-checkpoint', forged]);
    expect(bad.code).toBe(1);
    expect(lines(bad.stderr)).toEqual([expect.stringMatching(/^comity: the trusted checkpoint .* does not verify with the key comity\/\S+: note is not signed by any trusted key$/)]);
  });

  it('proves and makes receipts through the API, checked before printing', async () => {
    const p = JSON.parse((await remote(['ledger', 'prove', '3'])).stdout) as Proof;
    const cp = openCheckpoint(p.checkpoint ?? '', parseVerifierKey(vkey));
    verifyInclusion(3n, cp.size, leafHash(fromB64(p.leaf)), p.proof.map((h) => fromB64(h)), cp.rootHash);

    const dir = tempDir();
    const file = join(dir, 'r.json');
    expect((await remote(['ledger', 'receipt', '1', '--out', file])).code).toBe(0);
    const v = await runCli(['ledger', 'receipt-verify', file, '--vkey', vkey]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^receipt ok: entry 1 /);
  });

  it('fails with one line for a pinned key the node does not use, a missing token, or a token without the right', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const { encodeVerifierKey } = await import('../../src/platform/ledger/note.ts');
    const other = encodeVerifierKey(parseVerifierKey(vkey).name, new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url')));
    const pinned = await remote(['ledger', 'verify', '--vkey', other]);
    expect(pinned.code).toBe(1);
    expect(lines(pinned.stderr)).toEqual([expect.stringMatching(/^comity: the node at http:\S+ publishes another verifier key/)]);

    const noToken = await runCli(['ledger', 'verify', '--url', node.url]);
    expect(noToken.code).toBe(1);
    expect(lines(noToken.stderr)).toEqual(['comity: reading the ledger through --url needs an API token: set COMITY_TOKEN (or pass --token)']);

    const t = await runCli(['token', 'create', '--data', data, '--username', 'ivan', '--roles', 'investigator']);
    const denied = await remote(['ledger', 'verify'], { COMITY_TOKEN: t.stdout.trim() });
    expect(denied.code).toBe(1);
    expect(lines(denied.stderr)).toEqual([expect.stringMatching(/^comity: reading the ledger needs the oversight or admin role.*\(HTTP 403, forbidden\)$/)]);
  });
});

describe('comity ledger verify --url on a node whose database was tampered with', () => {
  it('names the entry that is not the one the node signed', async () => {
    const data = join(tempDir(), 'data');
    expect((await runCli(['init', '--data', data])).code).toBe(0);
    expect((await runCli(['user', 'add', '--data', data, '--username', 'auditor', '--roles', 'oversight', '--password-stdin'], { input: PASSWORD })).code).toBe(0);
    await appendEntries(data, 12);
    const token = (await runCli(['token', 'create', '--data', data, '--username', 'auditor', '--roles', 'oversight'])).stdout.trim();
    expect((await runCli(['ledger', 'checkpoint', '--issue', '--data', data])).code).toBe(0);
    // Rewrite leaf 6 and its stored leaf hash: the stored tree above it, and the signed root, still say otherwise.
    const { createHash } = await import('node:crypto');
    tamper(data, (db) => {
      const row = db.prepare('SELECT leaf FROM ledger_entries WHERE idx = 6').get() as { leaf: string };
      const leaf = row.leaf.replace('"t', '"u');
      const hash = createHash('sha256').update(Buffer.from([0])).update(leaf, 'utf8').digest('hex');
      db.prepare('UPDATE ledger_entries SET leaf = ?, leaf_hash = ? WHERE idx = 6').run(leaf, hash);
    });
    const node = await startNodeProcess(['--data', data]);
    try {
      const r = await runCli(['ledger', 'verify', '--url', node.url, '--token', token]);
      expect(r.code).toBe(1);
      expect(lines(r.stderr)).toEqual([
        expect.stringMatching(/^comity: ledger verification failed at entry 6 \(checkpoint at size \d+\): the signed checkpoint at size \d+ does not match the entries served: entry 6 is not the one that was signed$/),
      ]);
    } finally {
      expect(await node.stop()).toBe(0);
    }
    removeAll();
  });
});
