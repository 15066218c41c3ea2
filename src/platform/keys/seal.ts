import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { KeyError } from './errors.ts';

/**
 * Passphrase sealing of key files as compact JWE (RFC 7516) with `alg` 'PBES2-HS512+A256KW' and `enc`
 * 'A256GCM' (RFC 7518 §4.8, §5.3), written synchronously with node:crypto because the ledger opens its key
 * synchronously. Any JOSE library opens these files with the passphrase (given a `p2c` limit ≥ ours), and these
 * functions open what such a library writes.
 *
 * PBES2: key = PBKDF2-HMAC-SHA-512(passphrase, UTF8(alg) ‖ 0x00 ‖ p2s, p2c, 32 bytes); a random CEK is wrapped
 * with AES-256 key wrap (RFC 3394, default IV); the content is AES-256-GCM with a random 96-bit IV and the
 * ASCII of the encoded protected header as additional data.
 */

export const SEAL_ALG = 'PBES2-HS512+A256KW';
export const SEAL_ENC = 'A256GCM';
/** PBKDF2 iterations written (OWASP 2023 figure for PBKDF2-HMAC-SHA-512 is 210 000; we use more). */
export const SEAL_P2C = 600_000;
/** Largest iteration count accepted when opening (bounds the work a hostile file can demand). */
export const MAX_OPEN_P2C = 10_000_000;
const MIN_OPEN_P2C = 1000;
const KW_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');
const HEADER_MEMBERS = new Set(['alg', 'enc', 'p2s', 'p2c', 'cty', 'typ', 'kid']);

function kek(passphrase: string, p2s: Buffer, p2c: number): Buffer {
  const salt = Buffer.concat([Buffer.from(SEAL_ALG, 'utf8'), Buffer.of(0), p2s]);
  return pbkdf2Sync(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, p2c, 32, 'sha512');
}

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || passphrase === '') throw new TypeError('the passphrase must be a non-empty string');
}

/** Seals `plaintext` under `passphrase`; `cty` (e.g. 'jwk+json') goes into the protected header. */
export function sealWithPassphrase(plaintext: Uint8Array, passphrase: string, opts: { cty?: string; p2c?: number } = {}): string {
  checkPassphrase(passphrase);
  const p2c = opts.p2c ?? SEAL_P2C;
  if (!Number.isSafeInteger(p2c) || p2c < SEAL_P2C) throw new RangeError(`p2c must be at least ${SEAL_P2C}`);
  const p2s = randomBytes(16);
  const header: Record<string, unknown> = { alg: SEAL_ALG, enc: SEAL_ENC, p2s: p2s.toString('base64url'), p2c };
  if (opts.cty !== undefined) header.cty = opts.cty;
  const encodedHeader = Buffer.from(JSON.stringify(header), 'utf8').toString('base64url');
  const cek = randomBytes(32);
  const wrap = createCipheriv('id-aes256-wrap', kek(passphrase, p2s, p2c), KW_IV);
  const encryptedKey = Buffer.concat([wrap.update(cek), wrap.final()]);
  const iv = randomBytes(12);
  const gcm = createCipheriv('aes-256-gcm', cek, iv);
  gcm.setAAD(Buffer.from(encodedHeader, 'ascii'));
  const ciphertext = Buffer.concat([gcm.update(plaintext), gcm.final()]);
  const tag = gcm.getAuthTag();
  return [encodedHeader, encryptedKey, iv, ciphertext, tag].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** True when `text` looks like a compact JWE (five dot-separated parts) rather than JSON. */
export function looksSealed(text: string): boolean {
  return !text.trimStart().startsWith('{') && text.trim().split('.').length === 5;
}

function decode(part: string, what: string, file: string): Buffer {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new KeyError('malformed_key_file', `${file}: sealed key has a bad ${what}`);
  return Buffer.from(part, 'base64url');
}

/**
 * Opens a sealed file's text. `file` names it in error messages.
 * @throws KeyError 'passphrase_required' (no passphrase), 'passphrase_wrong' (the key does not unwrap),
 * 'malformed_key_file' (not such a JWE, other algorithms, or content that fails authentication).
 */
export function openWithPassphrase(compact: string, passphrase: string | undefined, file: string): Buffer {
  const parts = compact.trim().split('.');
  if (parts.length !== 5) throw new KeyError('malformed_key_file', `${file}: not a compact JWE`);
  const [h = '', ek = '', ivB = '', ctB = '', tagB = ''] = parts;
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(decode(h, 'header', file).toString('utf8')) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof KeyError) throw e;
    throw new KeyError('malformed_key_file', `${file}: sealed key has an unreadable header`);
  }
  if (typeof header !== 'object' || header === null || header.alg !== SEAL_ALG || header.enc !== SEAL_ENC)
    throw new KeyError('malformed_key_file', `${file}: sealed key must use ${SEAL_ALG} with ${SEAL_ENC}`);
  for (const k of Object.keys(header)) if (!HEADER_MEMBERS.has(k)) throw new KeyError('malformed_key_file', `${file}: sealed key header has unsupported member "${k}"`);
  const p2c = header.p2c;
  if (typeof p2c !== 'number' || !Number.isSafeInteger(p2c) || p2c < MIN_OPEN_P2C || p2c > MAX_OPEN_P2C)
    throw new KeyError('malformed_key_file', `${file}: sealed key has an unacceptable iteration count`);
  if (typeof header.p2s !== 'string') throw new KeyError('malformed_key_file', `${file}: sealed key has no salt`);
  const p2s = decode(header.p2s, 'salt', file);
  if (p2s.length < 8) throw new KeyError('malformed_key_file', `${file}: sealed key salt is too short`);
  const encryptedKey = decode(ek, 'encrypted key', file);
  const iv = decode(ivB, 'iv', file);
  const tag = decode(tagB, 'tag', file);
  if (encryptedKey.length !== 40 || iv.length !== 12 || tag.length !== 16) throw new KeyError('malformed_key_file', `${file}: sealed key has wrong part sizes`);
  if (passphrase === undefined || passphrase === '') throw new KeyError('passphrase_required', `${file} is sealed with a passphrase; give the passphrase to open it`);
  let cek: Buffer;
  try {
    const unwrap = createDecipheriv('id-aes256-wrap', kek(passphrase, p2s, p2c), KW_IV);
    cek = Buffer.concat([unwrap.update(encryptedKey), unwrap.final()]);
  } catch {
    throw new KeyError('passphrase_wrong', `the passphrase does not open ${file}`);
  }
  try {
    const gcm = createDecipheriv('aes-256-gcm', cek, iv);
    gcm.setAAD(Buffer.from(h, 'ascii'));
    gcm.setAuthTag(tag);
    return Buffer.concat([gcm.update(decode(ctB, 'ciphertext', file)), gcm.final()]);
  } catch {
    throw new KeyError('malformed_key_file', `${file}: sealed key fails authentication (the file was altered)`);
  }
}
