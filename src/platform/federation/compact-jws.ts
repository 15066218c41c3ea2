import type { KeyObject } from 'node:crypto';
import { jwsSign, jwsVerify } from './jose-sync.ts';
import { FederationError, type FederationErrorCode } from './errors.ts';

/**
 * Compact JWS with the one profile the federation uses: protected header exactly `{alg:'EdDSA', typ, kid}`,
 * Ed25519 keys, JSON payloads. Every check takes the expected `typ` (an allow-list of one) and a code mapper, so
 * the envelope reports precise codes while receipts, directories and node cards report their single code.
 * Nothing read here is trusted before `verifyJws` returns.
 */

/** Maps the precise code of a defect to the code the caller reports (identity for envelopes). */
export type CodeMap = (code: FederationErrorCode) => FederationErrorCode;

export const preciseCodes: CodeMap = (c) => c;
export const singleCode =
  (code: FederationErrorCode): CodeMap =>
  () =>
    code;

/** The verified-later header of a compact JWS of this profile. */
export interface JwsHeader {
  alg: 'EdDSA';
  typ: string;
  kid: string;
}

/** A signer: the private Ed25519 key and its `kid` (RFC 7638 thumbprint). */
export interface JwsSigner {
  kid: string;
  privateKey: KeyObject;
}

const SEGMENT = /^[A-Za-z0-9_-]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Splits a compact serialization into exactly `n` base64url segments. */
export function splitCompact(s: unknown, n: 3 | 5, map: CodeMap, what: string): string[] {
  if (typeof s !== 'string') throw new FederationError(map('malformed'), `${what} is not a string`);
  const parts = s.split('.');
  if (parts.length !== n || !parts.every((p) => SEGMENT.test(p)))
    throw new FederationError(map('malformed'), `${what} is not a compact serialization of ${n} base64url parts`);
  return parts;
}

/** Decodes base64url → UTF-8 → JSON (strictly: canonical base64url, valid UTF-8, an object when `object`). */
export function decodeJsonSegment(segment: string, map: CodeMap, what: string): unknown {
  const buf = Buffer.from(segment, 'base64url');
  if (buf.toString('base64url') !== segment) throw new FederationError(map('malformed'), `${what} is not canonical base64url`);
  return parseJsonBytes(buf, map, what);
}

/** Parses UTF-8 JSON bytes. */
export function parseJsonBytes(bytes: Uint8Array, map: CodeMap, what: string): unknown {
  try {
    return JSON.parse(utf8.decode(bytes)) as unknown;
  } catch {
    throw new FederationError(map('malformed'), `${what} is not UTF-8 JSON`);
  }
}

/** Checks a JWS protected header: exactly alg/typ/kid, `alg` 'EdDSA', the expected `typ`, no `crit`. */
export function checkJwsHeader(value: unknown, typ: string, map: CodeMap, what: string): JwsHeader {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new FederationError(map('malformed'), `${what} header is not a JSON object`);
  const h = value as Record<string, unknown>;
  if ('crit' in h || 'b64' in h) throw new FederationError(map('algorithm_not_allowed'), `${what} header has "crit"/"b64", which are not supported`);
  if (h.alg !== 'EdDSA') throw new FederationError(map('algorithm_not_allowed'), `${what} must be signed with EdDSA`);
  if (h.typ !== typ) throw new FederationError(map('algorithm_not_allowed'), `${what} typ must be "${typ}"`);
  for (const k of Object.keys(h))
    if (k !== 'alg' && k !== 'typ' && k !== 'kid') throw new FederationError(map('malformed'), `${what} header has unexpected member "${k}"`);
  if (typeof h.kid !== 'string' || h.kid === '' || h.kid.length > 128)
    throw new FederationError(map('malformed'), `${what} header has no usable kid`);
  return { alg: 'EdDSA', typ, kid: h.kid };
}

/** Reads the (unverified) header and payload of a compact JWS of this profile. */
export function inspectJws(jws: unknown, typ: string, map: CodeMap, what: string): { header: JwsHeader; payload: unknown } {
  const [h = '', p = ''] = splitCompact(jws, 3, map, what);
  const header = checkJwsHeader(decodeJsonSegment(h, map, `${what} header`), typ, map, what);
  return { header, payload: decodeJsonSegment(p, map, `${what} payload`) };
}

/** Signs a JSON value as a compact JWS `{alg:'EdDSA', typ, kid}`. */
export async function signJws(payload: unknown, typ: string, signer: JwsSigner): Promise<string> {
  if (signer.privateKey.type !== 'private' || signer.privateKey.asymmetricKeyType !== 'ed25519')
    throw new TypeError('the signer must hold an Ed25519 private key');
  return jwsSign({ alg: 'EdDSA', typ, kid: signer.kid }, new TextEncoder().encode(JSON.stringify(payload)), signer.privateKey);
}

/**
 * Verifies an EdDSA compact JWS under `publicKey` and returns its payload bytes. The header must say `EdDSA` and
 * carry no `crit` or `b64` (callers check the rest of it against their profile).
 */
export async function verifyJws(jws: string, publicKey: KeyObject, map: CodeMap, what: string): Promise<Uint8Array> {
  const bad = (): never => {
    throw new FederationError(map('bad_signature'), `${what} signature does not verify`);
  };
  const [h = '', p = '', sig = ''] = typeof jws === 'string' ? jws.split('.') : [];
  if (!SEGMENT.test(h) || !SEGMENT.test(p) || !SEGMENT.test(sig) || sig === '') return bad();
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  } catch {
    return bad();
  }
  const hd = header as Record<string, unknown> | null;
  if (typeof hd !== 'object' || hd === null || hd.alg !== 'EdDSA' || 'crit' in hd || 'b64' in hd) return bad();
  if (publicKey.asymmetricKeyType !== 'ed25519' || !jwsVerify(jws, publicKey)) return bad();
  return new Uint8Array(Buffer.from(p, 'base64url'));
}
