import { CompactSign } from 'jose';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { directoryKeyIndex, encryptionKeyFor, parseAuthorityKey, parseDirectoryDocument, signDirectory, verifyDirectory, DIRECTORY_TYP, type DirectoryDocument } from './directory.ts';
import { FederationError } from './errors.ts';
import { newKey, testDirectory, testNode, type TestKey, type TestNodeKeys } from './fixtures.test-util.ts';

let authority: TestKey;
let A: TestNodeKeys;
let B: TestNodeKeys;
let doc: DirectoryDocument;

beforeAll(() => {
  authority = newKey('ed25519');
  A = testNode('node-a', 'XA');
  B = testNode('node-b', 'XB');
  doc = testDirectory(authority.kid, [A, B], 3);
});

async function refused(p: Promise<unknown>): Promise<FederationError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FederationError);
    return e as FederationError;
  }
  throw new Error('accepted');
}

function broken(mutate: (d: DirectoryDocument) => void): unknown {
  const d = structuredClone(doc);
  mutate(d);
  return d;
}

describe('directory signing and verification', () => {
  it('round trip with a stable digest', async () => {
    const jws = await signDirectory(doc, authority.privateKey, authority.kid);
    const a = await verifyDirectory(jws, authority.publicJwk, {});
    expect(a.doc).toEqual(doc);
    expect(a.digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await verifyDirectory(jws, authority.publicJwk, { previous: { version: 3, digest: a.digest } });
    expect(again.digest).toBe(a.digest);
    await expect(verifyDirectory(jws, authority.publicJwk, { previous: { version: 2, digest: 'x' } })).resolves.toBeDefined();
  });

  it('refuses a rollback, and another document under the same version', async () => {
    const jws = await signDirectory(doc, authority.privateKey, authority.kid);
    const { digest } = await verifyDirectory(jws, authority.publicJwk);
    expect((await refused(verifyDirectory(jws, authority.publicJwk, { previous: { version: 4, digest: 'x' } }))).code).toBe('directory_rollback');
    const other = await signDirectory({ ...doc, issuedAt: '2025-02-01T00:00:00.000Z' }, authority.privateKey, authority.kid);
    expect((await refused(verifyDirectory(other, authority.publicJwk, { previous: { version: 3, digest } }))).code).toBe('directory_rollback');
  });

  it('refuses the wrong authority, alg none, HS256, unsigned and tampered documents', async () => {
    const mallory = newKey('ed25519');
    const byMallory = await signDirectory({ ...doc, authority: { name: 'x', kid: mallory.kid } }, mallory.privateKey, mallory.kid);
    expect((await refused(verifyDirectory(byMallory, authority.publicJwk))).code).toBe('bad_directory');
    const forged = await new CompactSign(Buffer.from(JSON.stringify(doc))).setProtectedHeader({ alg: 'EdDSA', typ: DIRECTORY_TYP, kid: authority.kid }).sign(mallory.privateKey);
    expect((await refused(verifyDirectory(forged, authority.publicJwk))).code).toBe('bad_directory');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: DIRECTORY_TYP, kid: authority.kid })).toString('base64url')}.${Buffer.from(JSON.stringify(doc)).toString('base64url')}.`;
    expect((await refused(verifyDirectory(none, authority.publicJwk))).code).toBe('bad_directory');
    const hs = await new CompactSign(Buffer.from(JSON.stringify(doc))).setProtectedHeader({ alg: 'HS256', typ: DIRECTORY_TYP, kid: authority.kid }).sign(randomBytes(32));
    expect((await refused(verifyDirectory(hs, authority.publicJwk))).code).toBe('bad_directory');
    expect((await refused(verifyDirectory(JSON.stringify(doc), authority.publicJwk))).code).toBe('bad_directory');
    const [h, , s] = (await signDirectory(doc, authority.privateKey, authority.kid)).split('.');
    const tampered = [h, Buffer.from(JSON.stringify({ ...doc, version: 99 })).toString('base64url'), s].join('.');
    expect((await refused(verifyDirectory(tampered, authority.publicJwk))).code).toBe('bad_directory');
    expect((await refused(verifyDirectory('x'.repeat(100), authority.publicJwk, { maxBytes: 10 }))).code).toBe('bad_directory');
  });

  it('refuses a validly signed document whose authority.kid is another key', async () => {
    const d = { ...doc, authority: { name: 'x', kid: newKey('ed25519').kid } };
    const jws = await new CompactSign(Buffer.from(JSON.stringify(d))).setProtectedHeader({ alg: 'EdDSA', typ: DIRECTORY_TYP, kid: authority.kid }).sign(authority.privateKey);
    expect((await refused(verifyDirectory(jws, authority.publicJwk))).message).toContain('authority.kid');
  });

  it('signDirectory refuses a kid that is not the signing key', async () => {
    await expect(signDirectory(doc, newKey('ed25519').privateKey, authority.kid)).rejects.toMatchObject({ code: 'bad_directory' });
  });
});

describe('directory schema (errors name the field)', () => {
  const cases: Array<[string, (d: DirectoryDocument) => void, string]> = [
    ['v', (d) => ((d as { v: number }).v = 2), 'v must be 1'],
    ['version', (d) => (d.version = 0), 'version'],
    ['version float', (d) => (d.version = 1.5), 'version'],
    ['extra member', (d) => ((d as unknown as Record<string, unknown>).extra = 1), 'unexpected member "extra"'],
    ['issuedAt', (d) => (d.issuedAt = 'today'), 'issuedAt'],
    ['state code', (d) => (d.states.ZZ = structuredClone(d.states.XA as never)), 'states: "ZZ"'],
    ['lower-case state', (d) => (d.states.fr = structuredClone(d.states.XA as never)), 'states: "fr"'],
    ['language', (d) => (d.states.XA!.languages = ['english']), 'states.XA.languages[0]'],
    ['flag value', (d) => ((d.states.XA!.flags as Record<string, unknown>).x = 'yes'), 'states.XA.flags.x'],
    ['declaration', (d) => (d.states.XA!.declarations = [{ text: '' }]), 'states.XA.declarations[0].text'],
    ['role', (d) => ((d.nodes[0]!.roles as string[]) = ['king']), 'nodes[0].roles[0]'],
    ['no roles', (d) => (d.nodes[0]!.roles = []), 'nodes[0].roles'],
    ['endpoint http', (d) => (d.nodes[0]!.endpoint = 'http://node-a.example/'), 'nodes[0].endpoint'],
    ['endpoint creds', (d) => (d.nodes[0]!.endpoint = 'https://u:p@node-a.example/'), 'nodes[0].endpoint'],
    ['endpoint ftp', (d) => (d.nodes[0]!.endpoint = 'ftp://node-a.example/'), 'nodes[0].endpoint'],
    ['private key', (d) => ((d.nodes[0]!.keys[0] as unknown as Record<string, unknown>).d = 'AAAA'), 'nodes[0].keys[0]: must not contain a private key'],
    ['kid not thumbprint', (d) => (d.nodes[0]!.keys[0]!.kid = 'abc'), 'nodes[0].keys[0]: kid'],
    ['wrong alg', (d) => ((d.nodes[0]!.keys[0] as { alg: string }).alg = 'ES256'), 'nodes[0].keys[0]: alg'],
    ['no enc key', (d) => (d.nodes[0]!.keys = d.nodes[0]!.keys.filter((k) => k.use === 'sig')), 'nodes[0].keys has no encryption'],
    ['ledger vkey', (d) => (d.nodes[0]!.ledger.vkey = 'junk'), 'nodes[0].ledger.vkey'],
    ['ledger name', (d) => (d.nodes[0]!.ledger.origin = 'comity/other'), 'nodes[0].ledger.vkey must be named'],
    ['unknown state', (d) => (d.nodes[0]!.state = 'XZ'), 'nodes[0].state is not in states'],
    ['duplicate node', (d) => d.nodes.push(structuredClone(d.nodes[0]!)), 'nodeId is listed twice'],
    ['duplicate kid', (d) => (d.nodes[1]!.keys.push(structuredClone(d.nodes[0]!.keys[0]!))), 'kid is listed twice'],
    ['CA of another State', (d) => (d.states.XA!.centralAuthority = 'node-b'), 'states.XA.centralAuthority is not a node of XA'],
    ['unknown 24/7 point', (d) => (d.states.XA!.contactPoint247 = 'node-q'), 'states.XA.contactPoint247'],
  ];
  for (const [name, mutate, message] of cases)
    it(`refuses ${name}`, () => {
      let err: unknown;
      try {
        parseDirectoryDocument(broken(mutate));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FederationError);
      expect((err as FederationError).code).toBe('bad_directory');
      expect((err as Error).message).toContain(message);
    });

  it('accepts ISO countries, XA..XZ, loopback http endpoints and optional article', () => {
    const d = broken((x) => {
      x.states.FR = { ...structuredClone(x.states.XA!), centralAuthority: null, contactPoint247: null };
      x.nodes[0]!.endpoint = 'http://127.0.0.1:8080/';
      x.nodes[1]!.endpoint = 'http://localhost:9000';
      x.states.XA!.declarations = [{ text: 'no article' }];
    });
    expect(() => parseDirectoryDocument(d)).not.toThrow();
  });
});

describe('authority key, key index, encryption key selection', () => {
  it('parses a public JWK or a base64url raw key, refusing private and X25519 keys', () => {
    expect(parseAuthorityKey(JSON.stringify(authority.publicJwk))).toEqual(authority.publicJwk);
    const { kty, crv, x } = authority.publicJwk;
    expect(parseAuthorityKey(JSON.stringify({ kty, crv, x }))).toEqual(authority.publicJwk);
    expect(parseAuthorityKey(` ${x}\n`)).toEqual(authority.publicJwk);
    expect(() => parseAuthorityKey(JSON.stringify(authority.privateKey.export({ format: 'jwk' })))).toThrow(FederationError);
    expect(() => parseAuthorityKey(JSON.stringify(newKey('x25519').publicJwk))).toThrow(FederationError);
    expect(() => parseAuthorityKey(JSON.stringify({ kty, crv, x, kid: 'other' }))).toThrow(FederationError);
    expect(() => parseAuthorityKey('AAAA')).toThrow(FederationError);
    expect(() => parseAuthorityKey('{nope')).toThrow(FederationError);
  });

  it('indexes every key with its node and expiry', () => {
    const d = structuredClone(doc);
    d.nodes[0]!.keys[0]!.exp = 2_000_000_000;
    const index = directoryKeyIndex(d);
    expect(index.resolve(A.sig.kid)).toEqual({ nodeId: 'node-a', publicJwk: d.nodes[0]!.keys[0], expiresAt: 2_000_000_000 });
    expect(index.get(B.enc.kid)?.expiresAt).toBeNull();
    expect(index.resolve('nope')).toBeUndefined();
    expect(index.hasNode('node-b')).toBe(true);
    expect(index.hasNode('node-z')).toBe(false);
    expect(index.size).toBe(4);
  });

  it('encrypts to the newest non-expired enc key', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    const nowS = now.getTime() / 1000;
    const fresh = newKey('x25519');
    const d = structuredClone(doc);
    d.nodes[0]!.keys = [A.sig.publicJwk, { ...A.enc.publicJwk, exp: nowS + 100 }, fresh.publicJwk];
    expect(encryptionKeyFor(d, 'node-a', now)?.kid).toBe(fresh.kid);
    d.nodes[0]!.keys = [A.sig.publicJwk, { ...A.enc.publicJwk, exp: nowS + 100 }];
    expect(encryptionKeyFor(d, 'node-a', now)?.kid).toBe(A.enc.kid);
    expect(encryptionKeyFor(d, 'node-a', new Date((nowS + 100) * 1000))).toBeUndefined();
    expect(encryptionKeyFor(d, 'node-z', now)).toBeUndefined();
  });
});
