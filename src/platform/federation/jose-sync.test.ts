import { generateKeyPairSync } from 'node:crypto';
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { jweDecrypt, jweEncrypt, jwsSign, jwsVerify } from './jose-sync.ts';

// The node:crypto JOSE operations against an independent implementation (jose, on WebCrypto), both ways.
const text = new TextEncoder().encode('{"hello":"world","n":1}');
const header = (jwe: string): Record<string, unknown> => JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;

describe('synchronous JOSE (node:crypto) interoperates with jose', () => {
  const ed = generateKeyPairSync('ed25519');
  const x = generateKeyPairSync('x25519');

  it('EdDSA: jose verifies what we sign, and we verify what jose signs', async () => {
    const ours = jwsSign({ alg: 'EdDSA', typ: 't', kid: 'k' }, text, ed.privateKey);
    const v = await compactVerify(ours, ed.publicKey, { algorithms: ['EdDSA'] });
    expect(new TextDecoder().decode(v.payload)).toBe(new TextDecoder().decode(text));
    const theirs = await new CompactSign(text).setProtectedHeader({ alg: 'EdDSA', typ: 't', kid: 'k' }).sign(ed.privateKey);
    expect(jwsVerify(theirs, ed.publicKey)).toBe(true);
    expect(theirs).toBe(ours); // Ed25519 is deterministic and the headers serialise alike
  });

  it('EdDSA: a changed byte, another key or a truncated signature does not verify', () => {
    const jws = jwsSign({ alg: 'EdDSA' }, text, ed.privateKey);
    const [h, p, s] = jws.split('.');
    expect(jwsVerify(`${h}.${p}x.${s}`, ed.publicKey)).toBe(false);
    expect(jwsVerify(jws, generateKeyPairSync('ed25519').publicKey)).toBe(false);
    expect(jwsVerify(`${h}.${p}.${s!.slice(0, 40)}`, ed.publicKey)).toBe(false);
    expect(jwsVerify('nodots', ed.publicKey)).toBe(false);
  });

  it('ECDH-ES+A256KW / A256GCM: jose decrypts what we encrypt, and we decrypt what jose encrypts', async () => {
    const ours = jweEncrypt({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'c', kid: 'k' }, text, x.publicKey);
    expect(Object.keys(header(ours))).toEqual(['alg', 'enc', 'cty', 'kid', 'epk']);
    const d = await compactDecrypt(ours, x.privateKey, { keyManagementAlgorithms: ['ECDH-ES+A256KW'], contentEncryptionAlgorithms: ['A256GCM'] });
    expect(Buffer.from(d.plaintext).equals(Buffer.from(text))).toBe(true);
    const theirs = await new CompactEncrypt(text).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: 'k' }).encrypt(x.publicKey);
    expect(jweDecrypt(theirs, header(theirs), x.privateKey).equals(Buffer.from(text))).toBe(true);
  });

  it('ECDH-ES+A256KW / A256GCM: a changed header, key, iv, ciphertext or tag, or the wrong private key, fails', () => {
    const jwe = jweEncrypt({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM' }, text, x.publicKey);
    const parts = jwe.split('.');
    const flip = (i: number): string => {
      const p = [...parts];
      const b = Buffer.from(p[i]!, 'base64url');
      b[b.length - 1] = b[b.length - 1]! ^ 1;
      p[i] = b.toString('base64url');
      return p.join('.');
    };
    for (const i of [1, 2, 3, 4]) expect(() => jweDecrypt(flip(i), header(jwe), x.privateKey), `part ${i}`).toThrow();
    const otherHeader = Buffer.from(JSON.stringify({ ...header(jwe), kid: 'z' })).toString('base64url');
    expect(() => jweDecrypt([otherHeader, ...parts.slice(1)].join('.'), header(jwe), x.privateKey)).toThrow();
    expect(() => jweDecrypt(jwe, header(jwe), generateKeyPairSync('x25519').privateKey)).toThrow();
    expect(() => jweDecrypt(jwe, { epk: { kty: 'OKP', crv: 'Ed25519', x: 'AA' } }, x.privateKey)).toThrow();
  });
});
