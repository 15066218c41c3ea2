import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const argon2Async = promisify(argon2);

/** argon2id cost parameters (memory in KiB). */
export interface Argon2Params {
  memoryKiB: number;
  passes: number;
  parallelism: number;
}

const PHC_RE = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
const b64 = (b: Buffer): string => b.toString('base64').replace(/=+$/, '');

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;

/** Why a password is not acceptable, or null. Length is the rule (NIST SP 800-63B); no composition rules. */
export function passwordProblem(pw: string): string | null {
  // Characters are code points at both ends, as the API schema's maxLength counts them.
  const n = [...pw].length;
  if (n < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (n > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  return null;
}

/** Hashes a password with argon2id (Node's built-in `crypto.argon2`) into a PHC string. */
export async function hashPassword(pw: string, p: Argon2Params): Promise<string> {
  const nonce = randomBytes(16);
  const hash = await argon2Async('argon2id', {
    message: Buffer.from(pw, 'utf8'),
    nonce,
    parallelism: p.parallelism,
    tagLength: 32,
    memory: p.memoryKiB,
    passes: p.passes,
  });
  return `$argon2id$v=19$m=${p.memoryKiB},t=${p.passes},p=${p.parallelism}$${b64(nonce)}$${b64(hash)}`;
}

/** Verifies in constant time; false for a malformed hash rather than throwing. */
export async function verifyPassword(pw: string, phc: string): Promise<boolean> {
  const m = PHC_RE.exec(phc);
  if (!m) return false;
  const [, mem, passes, par, salt, want] = m as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(want, 'base64');
  let got: Buffer;
  try {
    got = await argon2Async('argon2id', {
      message: Buffer.from(pw, 'utf8'),
      nonce: Buffer.from(salt, 'base64'),
      parallelism: Number(par),
      tagLength: expected.length,
      memory: Number(mem),
      passes: Number(passes),
    });
  } catch {
    // Parameters argon2 refuses (memory below 8·p KiB, zero passes, salt under 8 bytes, tag under 4 bytes).
    return false;
  }
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** A hash made with weaker parameters than the current ones should be replaced at the next login. */
export function needsRehash(phc: string, p: Argon2Params): boolean {
  const m = PHC_RE.exec(phc);
  if (!m) return true;
  return Number(m[1]) < p.memoryKiB || Number(m[2]) < p.passes || Number(m[3]) !== p.parallelism;
}

/**
 * A hash of a random password, verified against when the username does not exist, so that the time a failed
 * login takes does not reveal whether an account exists.
 */
let dummy: Promise<string> | undefined;
export function dummyHash(p: Argon2Params): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64'), p);
  return dummy;
}
