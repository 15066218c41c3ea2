import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { KeyError } from './errors.ts';
import { looksSealed, openWithPassphrase, SEAL_P2C, sealWithPassphrase } from './seal.ts';

const PASS = 'correct horse battery staple';
const TEXT = '{"kty":"OKP","crv":"Ed25519","x":"x","d":"secret"}';

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

describe('passphrase sealing (PBES2-HS512+A256KW / A256GCM)', () => {
  it('writes a standard compact JWE that jose opens with the passphrase', async () => {
    const jwe = sealWithPassphrase(Buffer.from(TEXT), PASS, { cty: 'jwk+json' });
    expect(looksSealed(jwe)).toBe(true);
    const h = decodeProtectedHeader(jwe);
    expect(h).toMatchObject({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', cty: 'jwk+json' });
    expect(h.p2c).toBeGreaterThanOrEqual(600_000);
    expect(Buffer.from(h.p2s as string, 'base64url').length).toBe(16);
    const { plaintext } = await compactDecrypt(jwe, new TextEncoder().encode(PASS), { maxPBES2Count: SEAL_P2C, keyManagementAlgorithms: ['PBES2-HS512+A256KW'] });
    expect(new TextDecoder().decode(plaintext)).toBe(TEXT);
    expect(decodeProtectedHeader(sealWithPassphrase(Buffer.from(TEXT), PASS)).p2s).not.toBe(h.p2s);
  });

  it('opens what jose writes', async () => {
    const jwe = await new CompactEncrypt(Buffer.from(TEXT))
      .setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', cty: 'jwk+json' })
      .setKeyManagementParameters({ p2c: 600_000 })
      .encrypt(new TextEncoder().encode(PASS));
    expect(openWithPassphrase(jwe, PASS, 'test').toString('utf8')).toBe(TEXT);
  });

  it('round trips and tells missing, wrong and tampered apart', () => {
    const jwe = sealWithPassphrase(Buffer.from(TEXT), PASS);
    expect(openWithPassphrase(jwe, PASS, 'f').toString()).toBe(TEXT);
    expect(keyCode(() => openWithPassphrase(jwe, undefined, 'f'))).toBe('passphrase_required');
    expect(keyCode(() => openWithPassphrase(jwe, '', 'f'))).toBe('passphrase_required');
    expect(keyCode(() => openWithPassphrase(jwe, 'wrong', 'f'))).toBe('passphrase_wrong');
    const parts = jwe.split('.');
    const ct = Buffer.from(parts[3] as string, 'base64url');
    ct[0] = (ct[0] as number) ^ 1;
    expect(keyCode(() => openWithPassphrase([parts[0], parts[1], parts[2], ct.toString('base64url'), parts[4]].join('.'), PASS, 'f'))).toBe('malformed_key_file');
    const header = JSON.parse(Buffer.from(parts[0] as string, 'base64url').toString()) as Record<string, unknown>;
    const reheader = (h: Record<string, unknown>) => [Buffer.from(JSON.stringify(h)).toString('base64url'), ...parts.slice(1)].join('.');
    expect(keyCode(() => openWithPassphrase(reheader({ ...header, alg: 'PBES2-HS256+A128KW' }), PASS, 'f'))).toBe('malformed_key_file');
    expect(keyCode(() => openWithPassphrase(reheader({ ...header, p2c: 100_000_000 }), PASS, 'f'))).toBe('malformed_key_file');
    expect(keyCode(() => openWithPassphrase(reheader({ ...header, zip: 'DEF' }), PASS, 'f'))).toBe('malformed_key_file');
    // the header is authenticated: changing cty breaks the tag
    expect(keyCode(() => openWithPassphrase(reheader({ ...header, cty: 'x' }), PASS, 'f'))).toBe('malformed_key_file');
    expect(keyCode(() => openWithPassphrase('a.b.c', PASS, 'f'))).toBe('malformed_key_file');
  });

  it('refuses to write fewer than 600 000 iterations or an empty passphrase', () => {
    expect(() => sealWithPassphrase(Buffer.from(TEXT), PASS, { p2c: 1000 })).toThrow(RangeError);
    expect(() => sealWithPassphrase(Buffer.from(TEXT), '')).toThrow(TypeError);
  });
});
