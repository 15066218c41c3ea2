import { describe, expect, it } from 'vitest';
import { SESSION_PREFIX, TOKEN_PREFIX, newSecret, sha256Hex } from './secrets.ts';

describe('bearer secrets', () => {
  it('are 256 random bits, base64url, behind their prefix', () => {
    const a = newSecret(TOKEN_PREFIX);
    const b = newSecret(TOKEN_PREFIX);
    expect(a).toMatch(/^comity_pat_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(newSecret(SESSION_PREFIX)).toMatch(/^comity_ses_[A-Za-z0-9_-]{43}$/);
    expect(newSecret('')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are stored as SHA-256 hex (FIPS 180 test vectors)', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
