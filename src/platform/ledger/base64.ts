import { LedgerError, type LedgerErrorCode } from './errors.ts';

/**
 * Strict base64 (RFC 4648 §4, padded) and base64url (§5, unpadded). Node's own decoder is lenient — it skips
 * whitespace and invalid characters and ignores non-zero trailing bits — so two different strings could decode to
 * the same bytes. Signatures, hashes and keys must have exactly one spelling, so decoding here accepts only the
 * canonical encoding of some byte string and throws otherwise.
 */

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const B64URL = /^[A-Za-z0-9_-]*$/;

function bytesOf(buf: Buffer): Uint8Array {
  return Uint8Array.from(buf);
}

/** Standard padded base64 of `bytes`. */
export function toB64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Unpadded base64url of `bytes`. */
export function toB64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/**
 * Decodes canonical standard base64 (padding required, no whitespace, zero trailing bits).
 * @throws LedgerError with `code` (default `ERR_MALFORMED_BASE64`) when `s` is not canonical base64.
 */
export function fromB64(s: string, code: LedgerErrorCode = 'ERR_MALFORMED_BASE64'): Uint8Array {
  if (typeof s !== 'string' || !B64.test(s)) throw new LedgerError(code, 'not canonical base64');
  const buf = Buffer.from(s, 'base64');
  if (buf.toString('base64') !== s) throw new LedgerError(code, 'not canonical base64');
  return bytesOf(buf);
}

/**
 * Decodes canonical unpadded base64url (no padding, no whitespace, zero trailing bits).
 * @throws LedgerError with `code` (default `ERR_MALFORMED_BASE64`) when `s` is not canonical base64url.
 */
export function fromB64url(s: string, code: LedgerErrorCode = 'ERR_MALFORMED_BASE64'): Uint8Array {
  if (typeof s !== 'string' || !B64URL.test(s) || s.length % 4 === 1) throw new LedgerError(code, 'not canonical base64url');
  const buf = Buffer.from(s, 'base64url');
  if (buf.toString('base64url') !== s) throw new LedgerError(code, 'not canonical base64url');
  return bytesOf(buf);
}
