import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { directoryKeyIndex } from '../federation/directory.ts';
import { openMessage, sealMessage } from '../federation/envelope.ts';
import { testDirectory, testNode } from '../federation/fixtures.test-util.ts';
import { newId } from '../ids.ts';
import { KeyError } from './errors.ts';
import { loadNodeKeys, loadOrCreateNodeKeys, rotateNodeKeys, sealKeys, type NodeKeys } from './keyset.ts';
import { jwkThumbprint, loadNodeIdentity, loadOrCreateNodeIdentity } from './node-identity.ts';

const T0 = new Date('2025-01-01T00:00:00Z');
const DAY = 86_400_000;
const PASS = 'a long enough passphrase';
const dirs: string[] = [];

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'comity-keys-'));
  dirs.push(d);
  return d;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function keyCode(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(KeyError);
    expect((e as Error).message).not.toContain(PASS);
    return (e as KeyError).code;
  }
  return 'ok';
}

const mode = (p: string): number => statSync(p).mode & 0o777;

describe('node keys: creation and loading', () => {
  it('creates a ledger identity and separate sig/enc keys, private and reloadable', () => {
    const d = dataDir();
    expect(loadNodeKeys(d)).toBeNull();
    const k = loadOrCreateNodeKeys(d, { now: T0 });
    expect(k.nodeId).toBe(k.ledger.nodeId);
    expect(k.origin).toBe(`comity/${k.nodeId}`);
    expect(k.signing.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(k.encryption.privateKey.asymmetricKeyType).toBe('x25519');
    expect(k.signing.kid).not.toBe(k.ledger.kid);
    expect(k.signing.publicJwk).toMatchObject({ kid: k.signing.kid, use: 'sig', alg: 'EdDSA', crv: 'Ed25519' });
    expect(k.encryption.publicJwk).toMatchObject({ kid: k.encryption.kid, use: 'enc', alg: 'ECDH-ES+A256KW', crv: 'X25519' });
    expect(k.records.map((r) => [r.use, r.expiresAt, r.createdAt])).toEqual([
      ['sig', null, T0.toISOString()],
      ['enc', null, T0.toISOString()],
    ]);
    expect(k.sealed).toBe(false);
    const keysDir = join(d, 'keys');
    expect(mode(keysDir)).toBe(0o700);
    for (const f of readdirSync(keysDir)) expect(mode(join(keysDir, f))).toBe(0o600);
    expect(readdirSync(keysDir).some((f) => f.includes('.tmp-'))).toBe(false);
    const again = loadNodeKeys(d, { now: T0 }) as NodeKeys;
    expect(again.signing.kid).toBe(k.signing.kid);
    expect(again.encryption.kid).toBe(k.encryption.kid);
    expect(loadOrCreateNodeKeys(d).records).toHaveLength(2);
  });

  it('adds federation keys to an existing (pre-federation) data folder without touching its ledger key', () => {
    const d = dataDir();
    const keysDir = join(d, 'keys');
    mkdirSync(keysDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = privateKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; d: string };
    const kid = jwkThumbprint(jwk);
    writeFileSync(join(keysDir, 'signing-ed25519.jwk.json'), JSON.stringify({ ...jwk, kid, alg: 'EdDSA', use: 'sig' }), { mode: 0o600 });
    writeFileSync(join(keysDir, 'node.json'), JSON.stringify({ nodeId: 'legacy-node', origin: 'comity/legacy-node', createdAt: T0.toISOString() }), { mode: 0o600 });
    const before = readFileSync(join(keysDir, 'signing-ed25519.jwk.json'), 'utf8');
    expect(loadNodeIdentity(d)?.kid).toBe(kid);
    expect(loadOrCreateNodeIdentity(d, T0).nodeId).toBe('legacy-node');
    expect(loadNodeKeys(d)).toBeNull();
    const k = loadOrCreateNodeKeys(d, { now: T0 });
    expect(k.nodeId).toBe('legacy-node');
    expect(k.ledger.kid).toBe(kid);
    expect(readFileSync(join(keysDir, 'signing-ed25519.jwk.json'), 'utf8')).toBe(before);
  });

  it('refuses a tampered index or a private file that does not match it', () => {
    const d = dataDir();
    const k = loadOrCreateNodeKeys(d, { now: T0 });
    const idx = join(d, 'keys', 'keyset.json');
    const good = readFileSync(idx, 'utf8');
    writeFileSync(idx, '{');
    expect(keyCode(() => loadNodeKeys(d))).toBe('malformed_key_file');
    writeFileSync(idx, good.replace(k.signing.kid, k.encryption.kid));
    expect(keyCode(() => loadNodeKeys(d))).toBe('malformed_key_file');
    writeFileSync(idx, good);
    rmSync(join(d, 'keys', `fed-enc-${k.encryption.kid}.jwk.json`));
    expect(keyCode(() => loadNodeKeys(d))).toBe('malformed_key_file');
  });
});

describe('node keys: rotation', () => {
  it('activates new keys; old ones verify/decrypt until the overlap ends, not after', async () => {
    const d = dataDir();
    const old = loadOrCreateNodeKeys(d, { now: T0 });
    const t1 = new Date(T0.getTime() + 10 * DAY);
    const { added, retired } = rotateNodeKeys(d, { now: t1, overlapDays: 7 });
    expect(added.map((r) => r.use)).toEqual(['sig', 'enc']);
    expect(retired.map((r) => r.kid).sort()).toEqual([old.signing.kid, old.encryption.kid].sort());
    const end = new Date(t1.getTime() + 7 * DAY);
    for (const r of retired) {
      expect(r.expiresAt).toBe(end.toISOString());
      expect(r.publicJwk.exp).toBe(end.getTime() / 1000);
    }
    const k = loadNodeKeys(d, { now: t1 }) as NodeKeys;
    expect(k.signing.kid).toBe(added[0]?.kid);
    expect(k.encryption.kid).toBe(added[1]?.kid);
    expect(k.ledger.kid).toBe(old.ledger.kid);
    expect(k.records).toHaveLength(4);
    expect(k.publicJwks(t1)).toHaveLength(4);
    expect(k.publicJwks(end)).toHaveLength(2);
    expect(k.decryptionKey(old.encryption.kid, t1)).toBeDefined();
    expect(k.decryptionKey(old.encryption.kid, end)).toBeUndefined();
    expect(k.decryptionKey(k.encryption.kid, end)).toBeDefined();
    expect(k.decryptionKey(old.signing.kid, t1)).toBeUndefined();

    // End to end: a peer publishing our keys in the directory; a message to our old key, one signed with it.
    const peer = testNode('peer', 'XB');
    const me = testNode(k.nodeId, 'XA');
    me.entry.keys = k.publicJwks(t1);
    const index = directoryKeyIndex(testDirectory('unused-authority-kid-0000000000000000000000', [me, peer]));
    const nowS = Math.floor(t1.getTime() / 1000);
    const payload = { id: newId(), type: 'ping', from: peer.nodeId, to: k.nodeId, iat: nowS, exp: nowS + 30 * 86400, conversation: newId(), seq: 1, body: {} };
    const toOldKey = await sealMessage(payload, peer.sig, { kid: old.encryption.kid, publicJwk: old.encryption.publicJwk });
    const open = (jwe: string, at: Date, self = k.nodeId) =>
      openMessage(jwe, { self, now: at, maxBytes: 65536, decryptionKey: (kid) => k.decryptionKey(kid, at), resolveSenderKey: index.resolve });
    await expect(open(toOldKey, t1)).resolves.toMatchObject({ payload });
    await expect(open(toOldKey, end)).rejects.toMatchObject({ code: 'unknown_recipient_key' });
    const fromMe = { ...payload, from: k.nodeId, to: peer.nodeId };
    const signedWithOld = await sealMessage(fromMe, old.signing, peer.enc);
    const peerOpen = (at: Date) =>
      openMessage(signedWithOld, { self: peer.nodeId, now: at, maxBytes: 65536, decryptionKey: () => peer.enc.privateKey, resolveSenderKey: index.resolve });
    await expect(peerOpen(t1)).resolves.toBeDefined();
    await expect(peerOpen(end)).rejects.toMatchObject({ code: 'key_expired' });
  });

  it('keeps the old key set when a rotation dies before its index write', () => {
    const d = dataDir();
    const k = loadOrCreateNodeKeys(d, { now: T0 });
    const idx = join(d, 'keys', 'keyset.json');
    const before = readFileSync(idx, 'utf8');
    rotateNodeKeys(d, { now: T0, overlapDays: 1 });
    writeFileSync(idx, before); // as if the process died after the new private files, before the index rename
    const after = loadNodeKeys(d, { now: T0 }) as NodeKeys;
    expect(after.signing.kid).toBe(k.signing.kid);
    expect(readdirSync(join(d, 'keys')).filter((f) => f.startsWith('fed-'))).toHaveLength(4);
    // and a new rotation still works
    expect(rotateNodeKeys(d, { now: T0, overlapDays: 1 }).added).toHaveLength(2);
  });

  it('refuses to rotate a folder without keys, or with a negative overlap', () => {
    const d = dataDir();
    expect(keyCode(() => rotateNodeKeys(d, { overlapDays: 1 }))).toBe('incomplete_key_set');
    loadOrCreateNodeKeys(d);
    expect(() => rotateNodeKeys(d, { overlapDays: -1 })).toThrow(RangeError);
  });
});

describe('node keys: passphrase sealing', () => {
  it('creates sealed files, and needs the right passphrase to load, create or rotate', () => {
    const d = dataDir();
    const k = loadOrCreateNodeKeys(d, { now: T0, passphrase: PASS });
    expect(k.sealed).toBe(true);
    const files = readdirSync(join(d, 'keys'));
    expect(files).toContain('signing-ed25519.jwk.jwe');
    expect(files.filter((f) => f.endsWith('.jwk.json'))).toEqual([]);
    for (const f of files.filter((x) => x.endsWith('.jwe'))) expect(readFileSync(join(d, 'keys', f), 'utf8')).not.toContain('"d"');
    expect(keyCode(() => loadNodeKeys(d))).toBe('passphrase_required');
    expect(keyCode(() => loadNodeKeys(d, { passphrase: 'wrong' }))).toBe('passphrase_wrong');
    expect(keyCode(() => loadNodeIdentity(d))).toBe('passphrase_required');
    expect(keyCode(() => loadOrCreateNodeIdentity(d, T0))).toBe('passphrase_required');
    expect(loadNodeIdentity(d, PASS)?.kid).toBe(k.ledger.kid);
    expect(keyCode(() => rotateNodeKeys(d, { overlapDays: 1 }))).toBe('passphrase_required');
    const r = rotateNodeKeys(d, { overlapDays: 1, passphrase: PASS, now: T0 });
    expect(existsSync(join(d, 'keys', `fed-sig-${r.added[0]?.kid}.jwk.jwe`))).toBe(true);
    expect(loadNodeKeys(d, { passphrase: PASS, now: T0 })?.signing.kid).toBe(r.added[0]?.kid);
  }, 30_000);

  it('sealKeys converts an unsealed folder, restartably, and refuses another passphrase', () => {
    const d = dataDir();
    const k = loadOrCreateNodeKeys(d, { now: T0 });
    rotateNodeKeys(d, { now: T0, overlapDays: 1 });
    const { sealed } = sealKeys(d, PASS);
    expect(sealed).toHaveLength(5);
    expect(readdirSync(join(d, 'keys')).filter((f) => f.endsWith('.jwk.json'))).toEqual([]);
    expect(keyCode(() => loadNodeKeys(d))).toBe('passphrase_required');
    const loaded = loadNodeKeys(d, { passphrase: PASS, now: T0 }) as NodeKeys;
    expect(loaded.ledger.kid).toBe(k.ledger.kid);
    expect(loaded.decryptionKey(k.encryption.kid, T0)).toBeDefined();
    expect(sealKeys(d, PASS).sealed).toEqual([]);
    expect(keyCode(() => sealKeys(d, 'another passphrase'))).toBe('passphrase_wrong');
  }, 30_000);
});
