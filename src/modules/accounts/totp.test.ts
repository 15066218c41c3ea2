import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DIGITS,
  STEP_SECONDS,
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  otpauthUri,
  timeStep,
  totpAt,
  verifyTotp,
} from './totp.ts';

// RFC 6238 Appendix B: the seeds are the ASCII strings below (20, 32 and 64 bytes), T0 = 0, X = 30 s, 8 digits.
const SEED_SHA1 = Buffer.from('12345678901234567890', 'ascii');
const SEED_SHA256 = Buffer.from('12345678901234567890123456789012', 'ascii');
const SEED_SHA512 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii');

const RFC6238: Array<{ time: number; sha1: string; sha256: string; sha512: string }> = [
  { time: 59, sha1: '94287082', sha256: '46119246', sha512: '90693936' },
  { time: 1111111109, sha1: '07081804', sha256: '68084774', sha512: '25091201' },
  { time: 1111111111, sha1: '14050471', sha256: '67062674', sha512: '99943326' },
  { time: 1234567890, sha1: '89005924', sha256: '91819424', sha512: '93441116' },
  { time: 2000000000, sha1: '69279037', sha256: '90698825', sha512: '38618901' },
  { time: 20000000000, sha1: '65353130', sha256: '77737706', sha512: '47863826' },
];

// RFC 4226 Appendix D: HOTP values for counters 0…9 with the same 20-byte secret, 6 digits.
const RFC4226 = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

const stepOf = (unixSeconds: number): bigint => BigInt(Math.floor(unixSeconds / STEP_SECONDS));
const at = (unixSeconds: number): Date => new Date(unixSeconds * 1000);

describe('hotp / totp against the RFC vectors', () => {
  it.each(RFC6238)('RFC 6238 appendix B, T = $time', ({ time, sha1, sha256, sha512 }) => {
    expect(timeStep(at(time))).toBe(stepOf(time));
    expect(hotp(SEED_SHA1, stepOf(time), 8)).toBe(sha1);
    expect(hotp(SEED_SHA256, stepOf(time), 8, 'sha256')).toBe(sha256);
    expect(hotp(SEED_SHA512, stepOf(time), 8, 'sha512')).toBe(sha512);
  });

  it('RFC 4226 appendix D (HOTP, 6 digits)', () => {
    RFC4226.forEach((want, counter) => expect(hotp(SEED_SHA1, BigInt(counter))).toBe(want));
  });

  it('totpAt on the base32 form of the RFC secret gives the 6-digit tail of the 8-digit vectors', () => {
    const secret = base32Encode(SEED_SHA1);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(DIGITS).toBe(6);
    for (const v of RFC6238) expect(totpAt(secret, at(v.time))).toBe(v.sha1.slice(-6));
  });
});

describe('base32 (RFC 4648, unpadded)', () => {
  const vectors: Array<[string, string]> = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];

  it.each(vectors)('encodes %j as %j and back', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(plain);
  });

  it('decodes padded, lower-case and spaced input', () => {
    expect(base32Decode('MZXW6===').toString()).toBe('foo');
    expect(base32Decode('mzxw6ytboi').toString()).toBe('foobar');
    expect(base32Decode('MZXW 6YTB OI').toString()).toBe('foobar');
  });

  it('refuses characters outside the alphabet', () => {
    for (const bad of ['MZXW1', 'MZXW0', 'MZ-XW', 'MZXW6=A', 'ÄÖ']) expect(() => base32Decode(bad), bad).toThrow(/base32/);
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const s = base32Encode(bytes);
        expect(s).toMatch(/^[A-Z2-7]*$/);
        expect(s.length).toBe(Math.ceil((bytes.length * 8) / 5));
        expect([...base32Decode(s)]).toEqual([...bytes]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('verifyTotp', () => {
  const secret = base32Encode(SEED_SHA1);
  const now = at(1234567890);
  const here = stepOf(1234567890);
  const codeAt = (step: bigint): string => hotp(SEED_SHA1, step);

  it('accepts the current code and returns its step', () => {
    expect(verifyTotp(secret, codeAt(here), now, null)).toBe(here);
    expect(verifyTotp(secret, totpAt(secret, now), now, null)).toBe(here);
  });

  it('accepts one step either side (clock drift) and nothing further', () => {
    expect(verifyTotp(secret, codeAt(here - 1n), now, null)).toBe(here - 1n);
    expect(verifyTotp(secret, codeAt(here + 1n), now, null)).toBe(here + 1n);
    expect(verifyTotp(secret, codeAt(here - 2n), now, null)).toBeNull();
    expect(verifyTotp(secret, codeAt(here + 2n), now, null)).toBeNull();
    expect(verifyTotp(secret, codeAt(here + 2n), now, null, 2)).toBe(here + 2n);
    expect(verifyTotp(secret, codeAt(here + 1n), now, null, 0)).toBeNull();
  });

  it('refuses a replayed code and any code at or before the last used step', () => {
    const step = verifyTotp(secret, codeAt(here), now, null);
    expect(step).toBe(here);
    // The same code again, even moments later within the same step: refused.
    expect(verifyTotp(secret, codeAt(here), new Date(now.getTime() + 5_000), step)).toBeNull();
    // An older code still inside the window: refused too.
    expect(verifyTotp(secret, codeAt(here - 1n), now, step)).toBeNull();
    // The next step's code is fine.
    expect(verifyTotp(secret, codeAt(here + 1n), now, step)).toBe(here + 1n);
    // A last step before the window does not hide valid codes.
    expect(verifyTotp(secret, codeAt(here), now, here - 5n)).toBe(here);
  });

  it('refuses anything that is not exactly six ASCII digits', () => {
    const good = codeAt(here);
    for (const bad of ['', good.slice(1), `${good}0`, ` ${good}`, `${good}\n`, 'abcdef', '１２３４５６', '٠١٢٣٤٥', '12 345']) {
      expect(verifyTotp(secret, bad, now, null), JSON.stringify(bad)).toBeNull();
    }
  });

  it('refuses a wrong code for the right time', () => {
    const good = codeAt(here);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    const neighbours = [codeAt(here - 1n), codeAt(here + 1n)];
    if (!neighbours.includes(wrong)) expect(verifyTotp(secret, wrong, now, null)).toBeNull();
  });
});

describe('secrets and otpauth URIs', () => {
  it('generates 160-bit base32 secrets, each different', () => {
    const a = generateTotpSecret();
    const b = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(a).not.toBe(b);
  });

  it('builds the Key URI format authenticator apps scan', () => {
    const secret = generateTotpSecret();
    const uri = otpauthUri('Comity XA', 'alice.smith', secret);
    const u = new URL(uri);
    expect(u.protocol).toBe('otpauth:');
    expect(u.host).toBe('totp');
    expect(decodeURIComponent(u.pathname.slice(1))).toBe('Comity XA:alice.smith');
    expect(u.searchParams.get('secret')).toBe(secret);
    expect(u.searchParams.get('issuer')).toBe('Comity XA');
    expect(u.searchParams.get('algorithm')).toBe('SHA1');
    expect(u.searchParams.get('digits')).toBe('6');
    expect(u.searchParams.get('period')).toBe('30');
    // RFC 3986 percent-encoding throughout: apps that do not read "+" as a space would show "Comity+XA".
    expect(uri).not.toContain('+');
    expect(decodeURIComponent(uri.split('issuer=')[1]?.split('&')[0] ?? '')).toBe('Comity XA');
  });

  it('escapes characters that would break the label or the query', () => {
    const uri = otpauthUri('A&B=C?', 'x/y#z', 'GEZDGNBV');
    const u = new URL(uri);
    expect(decodeURIComponent(u.pathname.slice(1))).toBe('A&B=C?:x/y#z');
    expect(u.searchParams.get('issuer')).toBe('A&B=C?');
    expect(u.searchParams.get('secret')).toBe('GEZDGNBV');
    expect(u.hash).toBe('');
  });
});
