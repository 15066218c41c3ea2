import { createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids.ts';
import { directoryKeyIndex, type DirectoryKeyIndex } from './directory.ts';
import { MESSAGE_TYP, messageDigest, openMessage, sealMessage, type OpenOptions } from './envelope.ts';
import { FederationError, type FederationErrorCode } from './errors.ts';
import { newKey, testDirectory, testNode, type TestNodeKeys } from './fixtures.test-util.ts';
import type { MessagePayload } from './message.ts';

const NOW = new Date('2025-06-01T12:00:00Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);
const enc = new TextEncoder();
const b64u = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

let A: TestNodeKeys;
let B: TestNodeKeys;
let C: TestNodeKeys;
let index: DirectoryKeyIndex;

beforeAll(() => {
  A = testNode('node-a', 'XA');
  B = testNode('node-b', 'XB');
  C = testNode('node-c', 'XC');
  index = directoryKeyIndex(testDirectory(newKey('ed25519').kid, [A, B, C]));
});

function payload(over: Partial<MessagePayload> = {}): MessagePayload {
  return { id: newId(), type: 'mla.request', from: A.nodeId, to: B.nodeId, iat: NOW_S, exp: NOW_S + 3600, conversation: newId(), seq: 1, body: { note: 'TOPSECRET-BODY' }, ...over };
}

function options(over: Partial<OpenOptions> = {}): OpenOptions {
  return {
    self: B.nodeId,
    now: NOW,
    maxBytes: 64 * 1024,
    decryptionKey: (kid) => (kid === B.enc.kid ? B.enc.privateKey : undefined),
    resolveSenderKey: index.resolve,
    ...over,
  };
}

/** A JWE crafted directly with jose, bypassing sealMessage's own checks. */
async function craft(o: {
  payload?: unknown;
  payloadText?: string;
  jwsHeader?: Record<string, unknown>;
  signKey?: KeyObject | Uint8Array;
  jws?: string;
  jweHeader?: Record<string, unknown>;
  encryptTo?: KeyObject | Uint8Array;
}): Promise<string> {
  const text = o.payloadText ?? JSON.stringify(o.payload ?? payload());
  const jws =
    o.jws ??
    (await new CompactSign(enc.encode(text))
      .setProtectedHeader({ alg: 'EdDSA', typ: MESSAGE_TYP, kid: A.sig.kid, ...o.jwsHeader } as { alg: string })
      .sign(o.signKey ?? A.sig.privateKey));
  return new CompactEncrypt(enc.encode(jws))
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: MESSAGE_TYP, kid: B.enc.kid, ...o.jweHeader } as { alg: string; enc: string })
    .encrypt(o.encryptTo ?? createPublicKey(B.enc.privateKey));
}

async function refusal(jwe: unknown, o: Partial<OpenOptions> = {}): Promise<FederationError> {
  try {
    await openMessage(jwe as string, options(o));
  } catch (e) {
    expect(e).toBeInstanceOf(FederationError);
    expect((e as Error).message).not.toContain('TOPSECRET');
    return e as FederationError;
  }
  throw new Error('openMessage accepted the message');
}

async function expectCode(jwe: unknown, code: FederationErrorCode, o: Partial<OpenOptions> = {}): Promise<void> {
  expect((await refusal(jwe, o)).code).toBe(code);
}

describe('sealMessage / openMessage round trip', () => {
  it('opens what it seals, with the digest and sender kid', async () => {
    const p = payload();
    const jwe = await sealMessage(p, A.sig, B.enc);
    const opened = await openMessage(jwe, options());
    expect(opened.payload).toEqual(p);
    expect(opened.senderKid).toBe(A.sig.kid);
    expect(opened.digest).toBe(messageDigest(jwe));
    expect(opened.digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('writes exactly the headers of the profile, readable by plain jose', async () => {
    const jwe = await sealMessage(payload(), A.sig, B.enc);
    const outer = decodeProtectedHeader(jwe);
    expect(Object.keys(outer).sort()).toEqual(['alg', 'cty', 'enc', 'epk', 'kid']);
    expect(outer).toMatchObject({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'comity-msg+jws', kid: B.enc.kid });
    const { plaintext } = await compactDecrypt(jwe, B.enc.privateKey);
    const jws = new TextDecoder().decode(plaintext);
    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'EdDSA', typ: 'comity-msg+jws', kid: A.sig.kid });
    const { payload: bytes } = await compactVerify(jws, createPublicKey(A.sig.privateKey));
    expect(JSON.parse(new TextDecoder().decode(bytes))).toMatchObject({ from: A.nodeId, to: B.nodeId });
  });

  it('refuses to seal an invalid payload or for a non-X25519 key', async () => {
    await expect(sealMessage({ ...payload(), seq: 0 }, A.sig, B.enc)).rejects.toMatchObject({ code: 'malformed' });
    await expect(sealMessage(payload(), A.sig, { kid: A.sig.kid, publicJwk: A.sig.publicJwk })).rejects.toThrow(TypeError);
    await expect(sealMessage(payload(), B.enc, B.enc)).rejects.toThrow(TypeError);
  });

  it('accepts times within the clock skew', async () => {
    await expect(openMessage(await sealMessage(payload({ iat: NOW_S - 4000, exp: NOW_S - 299 }), A.sig, B.enc), options())).resolves.toBeDefined();
    await expect(openMessage(await sealMessage(payload({ iat: NOW_S + 299, exp: NOW_S + 4000 }), A.sig, B.enc), options())).resolves.toBeDefined();
  });
});

describe('openMessage refusals', () => {
  it('oversized: before any parsing', async () => {
    const jwe = await sealMessage(payload(), A.sig, B.enc);
    await expectCode(jwe, 'oversized', { maxBytes: jwe.length - 1 });
    await expectCode('x'.repeat(100), 'oversized', { maxBytes: 99 });
    await expectCode('é'.repeat(60), 'oversized', { maxBytes: 100 });
  });

  it('malformed: not a compact JWE', async () => {
    await expectCode(42, 'malformed');
    await expectCode('a.b.c', 'malformed');
    await expectCode('a.b.c.d.e.f', 'malformed');
    await expectCode('!!.b.c.d.e', 'malformed');
    await expectCode(`${b64u('not json')}.a.b.c.d`, 'malformed');
    await expectCode(`${b64u([1])}.a.b.c.d`, 'malformed');
    const jwe = await sealMessage(payload(), A.sig, B.enc);
    const parts = jwe.split('.');
    await expectCode([parts[0], '', parts[2], parts[3], parts[4]].join('.'), 'malformed');
    await expectCode(`${b64u({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: MESSAGE_TYP, kid: 7 })}.a.b.c.d`, 'malformed');
    await expectCode(`${b64u({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: MESSAGE_TYP, kid: B.enc.kid, x5u: 'https://x' })}.a.b.c.d`, 'malformed');
  });

  it('algorithm_not_allowed: RSA-OAEP, dir, ECDH-ES, A128GCM, zip, crit, wrong cty', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expectCode(await craft({ jweHeader: { alg: 'RSA-OAEP-256' }, encryptTo: rsa.publicKey }), 'algorithm_not_allowed');
    await expectCode(await craft({ jweHeader: { alg: 'RSA-OAEP' }, encryptTo: rsa.publicKey }), 'algorithm_not_allowed');
    await expectCode(await craft({ jweHeader: { alg: 'dir' }, encryptTo: randomBytes(32) }), 'algorithm_not_allowed');
    await expectCode(await craft({ jweHeader: { alg: 'ECDH-ES' } }), 'algorithm_not_allowed');
    await expectCode(await craft({ jweHeader: { enc: 'A128GCM' } }), 'algorithm_not_allowed');
    await expectCode(await craft({ jweHeader: { enc: 'A256CBC-HS512' } }), 'algorithm_not_allowed');
    await expectCode(await craft({ jweHeader: { cty: 'JWT' } }), 'algorithm_not_allowed');
    const good = (await craft({})).split('.');
    const header = decodeProtectedHeader(good.join('.'));
    await expectCode([b64u({ ...header, zip: 'DEF' }), ...good.slice(1)].join('.'), 'algorithm_not_allowed');
    await expectCode([b64u({ ...header, crit: ['exp'], exp: 1 }), ...good.slice(1)].join('.'), 'algorithm_not_allowed');
    await expectCode([b64u({ ...header, alg: 'none' }), ...good.slice(1)].join('.'), 'algorithm_not_allowed');
  });

  it('algorithm_not_allowed: inner JWS with HS256, none, ES256 or another typ', async () => {
    await expectCode(await craft({ jwsHeader: { alg: 'HS256' }, signKey: randomBytes(32) }), 'algorithm_not_allowed');
    const es = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expectCode(await craft({ jwsHeader: { alg: 'ES256' }, signKey: es.privateKey }), 'algorithm_not_allowed');
    const none = `${b64u({ alg: 'none', typ: MESSAGE_TYP, kid: A.sig.kid })}.${b64u(payload())}.`;
    await expectCode(await craft({ jws: none }), 'algorithm_not_allowed');
    await expectCode(await craft({ jwsHeader: { typ: 'JWT' } }), 'algorithm_not_allowed');
    await expectCode(await craft({ jwsHeader: { typ: undefined } }), 'algorithm_not_allowed');
    await expectCode(await craft({ jwsHeader: { crit: ['b64'], b64: true } }), 'algorithm_not_allowed');
  });

  it('malformed: inner content that is not a compact JWS of the profile', async () => {
    await expectCode(await craft({ jws: 'not a jws' }), 'malformed');
    await expectCode(await craft({ jwsHeader: { jku: 'https://evil.example/keys' } }), 'malformed');
  });

  it('unknown_recipient_key: a kid we do not hold', async () => {
    const other = newKey('x25519');
    await expectCode(await sealMessage(payload(), A.sig, other), 'unknown_recipient_key');
    await expectCode(await craft({}), 'unknown_recipient_key', { decryptionKey: () => undefined });
    await expectCode(await craft({}), 'unknown_recipient_key', { decryptionKey: () => A.sig.privateKey });
  });

  it('decryption_failed: swapped ciphertext, tag or key bytes, or another key under our kid', async () => {
    const jwe = await sealMessage(payload(), A.sig, B.enc);
    const parts = jwe.split('.');
    for (const i of [1, 2, 3, 4]) {
      const bytes = Buffer.from(parts[i] as string, 'base64url');
      bytes[0] = (bytes[0] as number) ^ 0x01;
      const t = [...parts];
      t[i] = bytes.toString('base64url');
      await expectCode(t.join('.'), 'decryption_failed');
    }
    const other = newKey('x25519');
    await expectCode(await craft({ encryptTo: createPublicKey(other.privateKey) }), 'decryption_failed');
  });

  it('unknown_sender / key_not_in_directory: a signing key the directory does not list', async () => {
    const mallory = newKey('ed25519');
    const forged = await craft({ signKey: mallory.privateKey, jwsHeader: { kid: mallory.kid } });
    await expectCode(forged, 'unknown_sender');
    await expectCode(forged, 'unknown_sender', { isKnownNode: () => false });
    await expectCode(forged, 'key_not_in_directory', { isKnownNode: (id) => index.hasNode(id) });
    const strangerFrom = await craft({ signKey: mallory.privateKey, jwsHeader: { kid: mallory.kid }, payload: payload({ from: 'stranger' }) });
    await expectCode(strangerFrom, 'unknown_sender', { isKnownNode: (id) => index.hasNode(id) });
    // The kid of an encryption key is not a signing key.
    await expectCode(await craft({ jwsHeader: { kid: A.enc.kid } }), 'key_not_in_directory');
  });

  it('key_expired: a retired signing key after its overlap period', async () => {
    const retired = { ...A.sig.publicJwk, exp: NOW_S - 1 };
    const resolve = (kid: string) => (kid === A.sig.kid ? { nodeId: A.nodeId, publicJwk: retired, expiresAt: NOW_S - 1 } : undefined);
    await expectCode(await sealMessage(payload(), A.sig, B.enc), 'key_expired', { resolveSenderKey: resolve });
    const stillValid = (kid: string) => (kid === A.sig.kid ? { nodeId: A.nodeId, publicJwk: retired, expiresAt: NOW_S + 60 } : undefined);
    await expect(openMessage(await sealMessage(payload(), A.sig, B.enc), options({ resolveSenderKey: stillValid }))).resolves.toBeDefined();
  });

  it('bad_signature: forged with A\'s kid, or a flipped signature byte', async () => {
    const mallory = newKey('ed25519');
    await expectCode(await craft({ signKey: mallory.privateKey }), 'bad_signature');
    const good = (await (async () => {
      const { plaintext } = await compactDecrypt(await sealMessage(payload(), A.sig, B.enc), B.enc.privateKey);
      return new TextDecoder().decode(plaintext);
    })()).split('.');
    const sig = Buffer.from(good[2] as string, 'base64url');
    sig[10] = (sig[10] as number) ^ 0x80;
    await expectCode(await craft({ jws: [good[0], good[1], sig.toString('base64url')].join('.') }), 'bad_signature');
    const alteredPayload = b64u({ ...payload(), seq: 99 });
    await expectCode(await craft({ jws: [good[0], alteredPayload, good[2]].join('.') }), 'bad_signature');
  });

  it('malformed: a validly signed payload that breaks the schema', async () => {
    await expectCode(await craft({ payloadText: 'not json' }), 'malformed');
    await expectCode(await craft({ payload: { ...payload(), extra: 1 } }), 'malformed');
    await expectCode(await craft({ payload: { ...payload(), body: [1, 2] } }), 'malformed');
    await expectCode(await craft({ payload: { ...payload(), id: 'not-a-uuid' } }), 'malformed');
    const { seq: _seq, ...noSeq } = payload();
    await expectCode(await craft({ payload: noSeq }), 'malformed');
  });

  it('sender_mismatch: from is not the owner of the signing key', async () => {
    await expectCode(await craft({ payload: payload({ from: C.nodeId }) }), 'sender_mismatch');
  });

  it('wrong_recipient: a message for another node, even when encrypted to our key', async () => {
    await expectCode(await sealMessage(payload({ to: C.nodeId }), A.sig, B.enc), 'wrong_recipient');
    const e = await refusal(await sealMessage(payload({ to: C.nodeId }), A.sig, B.enc));
    expect(e.message).not.toContain(C.nodeId.toUpperCase());
  });

  it('expired / not_yet_valid: outside the window beyond the skew', async () => {
    await expectCode(await sealMessage(payload({ iat: NOW_S - 4000, exp: NOW_S - 301 }), A.sig, B.enc), 'expired');
    await expectCode(await sealMessage(payload({ iat: NOW_S + 301, exp: NOW_S + 4000 }), A.sig, B.enc), 'not_yet_valid');
    await expectCode(await sealMessage(payload({ iat: NOW_S + 11, exp: NOW_S + 4000 }), A.sig, B.enc), 'not_yet_valid', { clockSkewSeconds: 10 });
  });

  it('checks in the documented order', async () => {
    // oversized before malformed
    await expectCode('not.a.jwe', 'oversized', { maxBytes: 3 });
    // algorithm before recipient key
    await expectCode(await craft({ jweHeader: { enc: 'A128GCM', kid: 'unknown' } }), 'algorithm_not_allowed');
    // recipient key before decryption
    await expectCode(await craft({ jweHeader: { kid: 'unknown' } }), 'unknown_recipient_key');
    // sender key before signature
    const mallory = newKey('ed25519');
    await expectCode(await craft({ signKey: mallory.privateKey, jwsHeader: { kid: mallory.kid } }), 'unknown_sender');
    // signature before payload schema
    await expectCode(await craft({ signKey: mallory.privateKey, payloadText: 'junk' }), 'bad_signature');
    // sender mismatch before recipient, recipient before time
    await expectCode(await craft({ payload: payload({ from: C.nodeId, to: C.nodeId, exp: NOW_S - 9999, iat: NOW_S - 99999 }) }), 'sender_mismatch');
    await expectCode(await craft({ payload: payload({ to: C.nodeId, exp: NOW_S - 9999, iat: NOW_S - 99999 }) }), 'wrong_recipient');
  });
});
