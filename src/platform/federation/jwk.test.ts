import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { FederationError } from './errors.ts';
import { isExpiredAt, okpThumbprint, parsePublicOkpJwk, publicJwkOf } from './jwk.ts';

describe('public OKP JWKs', () => {
  it('publishes Ed25519 as sig/EdDSA and X25519 as enc/ECDH-ES+A256KW with the RFC 7638 kid', async () => {
    const ed = publicJwkOf(generateKeyPairSync('ed25519').privateKey);
    const x = publicJwkOf(generateKeyPairSync('x25519').publicKey, 1234);
    expect(ed).toMatchObject({ kty: 'OKP', crv: 'Ed25519', use: 'sig', alg: 'EdDSA' });
    expect(x).toMatchObject({ kty: 'OKP', crv: 'X25519', use: 'enc', alg: 'ECDH-ES+A256KW', exp: 1234 });
    expect(ed.kid).toBe(await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: ed.x }));
    expect(okpThumbprint(x)).toBe(x.kid);
    expect(parsePublicOkpJwk(ed, 'malformed', 'k')).toEqual(ed);
  });

  it('refuses anything outside the profile', () => {
    const ed = publicJwkOf(generateKeyPairSync('ed25519').privateKey);
    const bad = [
      { ...ed, use: 'enc' },
      { ...ed, alg: 'ECDH-ES+A256KW' },
      { ...ed, crv: 'X448' },
      { ...ed, kty: 'EC' },
      { ...ed, kid: 'x' },
      { ...ed, x: `${ed.x}A` },
      { ...ed, exp: -1 },
      { ...ed, exp: 1.5 },
      { ...ed, key_ops: ['verify'] },
      { ...ed, d: ed.x },
      null,
      [],
    ];
    for (const b of bad) expect(() => parsePublicOkpJwk(b, 'bad_directory', 'k')).toThrow(FederationError);
  });

  it('expires at exp, never without one', () => {
    expect(isExpiredAt(null, new Date())).toBe(false);
    expect(isExpiredAt(undefined, new Date())).toBe(false);
    expect(isExpiredAt(100, new Date(99_999))).toBe(false);
    expect(isExpiredAt(100, new Date(100_000))).toBe(true);
  });
});
