import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX, PASSWORD_MIN, dummyHash, hashPassword, needsRehash, passwordProblem, verifyPassword, type Argon2Params } from './password.ts';

// The smallest cost the configuration allows: real argon2id, fast enough for tests.
const P: Argon2Params = { memoryKiB: 8192, passes: 1, parallelism: 1 };
const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

describe('hashPassword / verifyPassword (argon2id)', () => {
  it('round-trips and refuses a wrong password', async () => {
    const h = await hashPassword('correct horse battery staple', P);
    expect(await verifyPassword('correct horse battery staple', h)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', h)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('writes a PHC string with the cost parameters, a 16-byte salt and a 32-byte tag (unpadded base64)', async () => {
    const h = await hashPassword('correct horse battery staple', { memoryKiB: 9216, passes: 2, parallelism: 1 });
    const m = PHC.exec(h);
    expect(m).not.toBeNull();
    expect(m?.slice(1, 4)).toEqual(['9216', '2', '1']);
    expect(Buffer.from(m?.[4] ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(m?.[5] ?? '', 'base64')).toHaveLength(32);
    expect(`${m?.[4]}${m?.[5]}`).not.toContain('=');
    expect(await verifyPassword('correct horse battery staple', h)).toBe(true);
  });

  it('salts every hash', async () => {
    const a = await hashPassword('same password twice', P);
    const b = await hashPassword('same password twice', P);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password twice', a)).toBe(true);
    expect(await verifyPassword('same password twice', b)).toBe(true);
  });

  it('handles non-ASCII passwords by their UTF-8 bytes', async () => {
    const pw = 'pässwörd ✓ 🔑 密码 пароль';
    const h = await hashPassword(pw, P);
    expect(await verifyPassword(pw, h)).toBe(true);
    expect(await verifyPassword(pw.normalize('NFD'), h)).toBe(false);
  });

  it('answers false, never throws, for a malformed or tampered hash', async () => {
    const good = await hashPassword('correct horse battery staple', P);
    const [, , , , salt = '', tag = ''] = PHC.exec(good) ?? [];
    expect(salt.length).toBeGreaterThan(0);
    expect(tag.length).toBeGreaterThan(0);
    const flip = (s: string): string => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const bad = [
      '',
      'plaintext',
      good.replace('$argon2id$', '$argon2i$'),
      good.replace('v=19', 'v=16'),
      good.slice(0, -4),
      `${good}$extra`,
      good.replace(`$${salt}$`, '$!!!!$'),
      good.replace(tag, flip(tag)),
      good.replace(tag, tag.slice(0, 20)),
      // Well-formed text whose parameters argon2 itself refuses (memory below 8·p KiB, salt under 8 bytes, tag under 4).
      `$argon2id$v=19$m=1,t=1,p=1$${salt}$${tag}`,
      `$argon2id$v=19$m=8192,t=0,p=1$${salt}$${tag}`,
      `$argon2id$v=19$m=8192,t=1,p=0$${salt}$${tag}`,
      `$argon2id$v=19$m=8192,t=1,p=1$c2FsdA$${tag}`,
      `$argon2id$v=19$m=8192,t=1,p=1$${salt}$AAA`,
    ];
    for (const h of bad) await expect(verifyPassword('correct horse battery staple', h), h).resolves.toBe(false);
  });
});

describe('needsRehash', () => {
  it('is false for the current parameters or stronger ones', async () => {
    const h = await hashPassword('correct horse battery staple', P);
    expect(needsRehash(h, P)).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo', P)).toBe(false);
  });

  it('is true for weaker memory or passes, other parallelism, or an unreadable hash', () => {
    const salt = 'c2FsdHNhbHRzYWx0';
    const tag = 'aGFzaGhhc2hoYXNo';
    expect(needsRehash(`$argon2id$v=19$m=4096,t=1,p=1$${salt}$${tag}`, P)).toBe(true);
    expect(needsRehash(`$argon2id$v=19$m=8192,t=1,p=1$${salt}$${tag}`, { ...P, passes: 2 })).toBe(true);
    expect(needsRehash(`$argon2id$v=19$m=8192,t=1,p=2$${salt}$${tag}`, P)).toBe(true);
    expect(needsRehash('bcrypt-or-whatever', P)).toBe(true);
  });
});

describe('passwordProblem (length is the rule)', () => {
  it(`accepts ${PASSWORD_MIN} to ${PASSWORD_MAX} characters of anything`, () => {
    expect(passwordProblem('a'.repeat(PASSWORD_MIN - 1))).toMatch(/at least 12/);
    expect(passwordProblem('a'.repeat(PASSWORD_MIN))).toBeNull();
    expect(passwordProblem('a'.repeat(PASSWORD_MAX))).toBeNull();
    expect(passwordProblem('a'.repeat(PASSWORD_MAX + 1))).toMatch(/at most 1024/);
    expect(passwordProblem('')).toMatch(/at least/);
    // No composition rules: all lower-case letters, or all spaces, is the user's choice.
    expect(passwordProblem('            ')).toBeNull();
  });

  it('counts characters (code points), not UTF-16 units, at both ends', () => {
    expect(passwordProblem('🔑'.repeat(PASSWORD_MIN - 1))).toMatch(/at least/);
    expect(passwordProblem('🔑'.repeat(PASSWORD_MIN))).toBeNull();
    // 1024 characters (2048 UTF-16 units) is within the limit the API schema documents and enforces.
    expect(passwordProblem('🔑'.repeat(PASSWORD_MAX))).toBeNull();
    expect(passwordProblem('🔑'.repeat(PASSWORD_MAX + 1))).toMatch(/at most/);
  });
});

describe('dummyHash', () => {
  it('is a valid hash computed once, so unknown usernames cost the same as known ones', async () => {
    const a = await dummyHash(P);
    expect(a).toMatch(PHC);
    expect(await dummyHash(P)).toBe(a);
    expect(await verifyPassword('anything at all here', a)).toBe(false);
  });
});
