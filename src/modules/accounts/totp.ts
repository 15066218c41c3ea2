import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA1, 6 digits and 30-second steps: the parameters every
 * authenticator app supports. Written here (30 lines) rather than taken as a dependency; tested against the
 * RFC 6238 appendix B vectors.
 */
export const STEP_SECONDS = 30;
export const DIGITS = 6;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(s: string): Buffer {
  const clean = s.replace(/=+$/, '').replace(/\s+/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) throw new Error('invalid base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret, base32 (what authenticator apps expect). */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** HOTP value for a counter (RFC 4226 §5.3). */
export function hotp(key: Buffer, counter: bigint, digits = DIGITS, algo: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(counter);
  const mac = createHmac(algo, key).update(msg).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return bin.toString().padStart(digits, '0');
}

export function timeStep(at: Date): bigint {
  return BigInt(Math.floor(at.getTime() / 1000 / STEP_SECONDS));
}

/** The code an authenticator shows at `at`. */
export function totpAt(secretB32: string, at: Date): string {
  return hotp(base32Decode(secretB32), timeStep(at));
}

/**
 * Checks a code within ±`window` steps of `at`, refusing any step at or before `lastStep` (a code cannot be
 * replayed). Returns the matched step, to be stored as the new `lastStep`, or null.
 */
export function verifyTotp(
  secretB32: string,
  code: string,
  at: Date,
  lastStep: bigint | null,
  window = 1,
): bigint | null {
  if (!/^\d{6}$/.test(code)) return null;
  const key = base32Decode(secretB32);
  const now = timeStep(at);
  for (let d = -window; d <= window; d++) {
    const step = now + BigInt(d);
    if (lastStep !== null && step <= lastStep) continue;
    const want = Buffer.from(hotp(key, step));
    if (timingSafeEqual(want, Buffer.from(code))) return step;
  }
  return null;
}

/** The `otpauth://` URI an authenticator app scans as a QR code. */
export function otpauthUri(issuer: string, account: string, secretB32: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const q = new URLSearchParams({ secret: secretB32, issuer, algorithm: 'SHA1', digits: String(DIGITS), period: String(STEP_SECONDS) });
  // URLSearchParams writes spaces as "+"; the Key URI format wants RFC 3986 percent-encoding ("+" itself is %2B).
  return `otpauth://totp/${label}?${q.toString().replace(/\+/g, '%20')}`;
}
