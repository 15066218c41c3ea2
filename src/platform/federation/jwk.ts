import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { FederationError, type FederationErrorCode } from './errors.ts';

/**
 * Public OKP keys as the federation publishes them (RFC 8037): Ed25519 for signatures (`use` 'sig', `alg`
 * 'EdDSA') and X25519 for encryption (`use` 'enc', `alg` 'ECDH-ES+A256KW'). `kid` is always the RFC 7638
 * thumbprint, so a key has exactly one id; `exp` (unix seconds) is present on retired keys.
 */
export interface PublicOkpJwk {
  kty: 'OKP';
  crv: 'Ed25519' | 'X25519';
  x: string;
  kid: string;
  use: 'sig' | 'enc';
  alg: 'EdDSA' | 'ECDH-ES+A256KW';
  exp?: number;
}

/** The curve, `use` and `alg` that belong together. */
const PROFILE = {
  Ed25519: { use: 'sig', alg: 'EdDSA', keyType: 'ed25519' },
  X25519: { use: 'enc', alg: 'ECDH-ES+A256KW', keyType: 'x25519' },
} as const;

const MEMBERS = new Set(['kty', 'crv', 'x', 'kid', 'use', 'alg', 'exp']);
const B64URL_32 = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

/** RFC 7638 thumbprint (base64url SHA-256) of an OKP public key: required members in lexicographic order. */
export function okpThumbprint(jwk: { crv: string; kty: string; x: string }): string {
  return createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })).digest('base64url');
}

/** The published JWK of an Ed25519 or X25519 key (public or private KeyObject); `exp` only when given. */
export function publicJwkOf(key: KeyObject, exp?: number): PublicOkpJwk {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const t = pub.asymmetricKeyType;
  if (t !== 'ed25519' && t !== 'x25519') throw new TypeError('publicJwkOf: not an Ed25519 or X25519 key');
  const crv: PublicOkpJwk['crv'] = t === 'ed25519' ? 'Ed25519' : 'X25519';
  const { x } = pub.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new TypeError('publicJwkOf: key has no public value');
  const base = { kty: 'OKP' as const, crv, x };
  const jwk: PublicOkpJwk = { ...base, kid: okpThumbprint(base), use: PROFILE[crv].use, alg: PROFILE[crv].alg };
  if (exp !== undefined) jwk.exp = exp;
  return jwk;
}

/** A node:crypto public KeyObject for a (validated) public JWK. */
export function importPublicJwk(jwk: PublicOkpJwk): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: jwk.crv, x: jwk.x }, format: 'jwk' });
}

/** True when the unix-seconds `exp` of a key is reached at `now` (a key without `exp` never expires). */
export function isExpiredAt(exp: number | null | undefined, now: Date): boolean {
  return exp !== null && exp !== undefined && now.getTime() >= exp * 1000;
}

/**
 * Validates an untrusted public JWK against the federation profile: only the members above, `kty` 'OKP', a
 * curve with its own `use` and `alg`, `x` the canonical base64url of 32 bytes that is a valid point, `kid` the
 * thumbprint, `exp` a positive integer, and never a private member (`d`).
 * @throws FederationError with `code`, naming `where` (e.g. `nodes[2].keys[0]`).
 */
export function parsePublicOkpJwk(value: unknown, code: FederationErrorCode, where: string): PublicOkpJwk {
  const bad = (why: string): never => {
    throw new FederationError(code, `${where}: ${why}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('must be a JWK object');
  const o = value as Record<string, unknown>;
  if ('d' in o) bad('must not contain a private key');
  for (const k of Object.keys(o)) if (!MEMBERS.has(k)) bad(`unexpected member "${k}"`);
  if (o.kty !== 'OKP') bad('kty must be "OKP"');
  if (o.crv !== 'Ed25519' && o.crv !== 'X25519') return bad('crv must be "Ed25519" or "X25519"');
  const profile = PROFILE[o.crv];
  if (o.use !== profile.use) bad(`use must be "${profile.use}" for ${o.crv}`);
  if (o.alg !== profile.alg) bad(`alg must be "${profile.alg}" for ${o.crv}`);
  if (typeof o.x !== 'string' || !B64URL_32.test(o.x)) return bad('x must be the base64url of 32 bytes');
  const crv: PublicOkpJwk['crv'] = o.crv;
  const base = { kty: 'OKP' as const, crv, x: o.x };
  if (o.kid !== okpThumbprint(base)) bad('kid must be the RFC 7638 thumbprint of the key');
  if (o.exp !== undefined && (!Number.isSafeInteger(o.exp) || (o.exp as number) <= 0)) bad('exp must be a positive integer (unix seconds)');
  try {
    const k = importPublicJwk({ ...base, kid: '', use: profile.use, alg: profile.alg });
    if (k.asymmetricKeyType !== profile.keyType) bad('key type does not match crv');
  } catch (e) {
    if (e instanceof FederationError) throw e;
    bad('x is not a valid public key');
  }
  const jwk: PublicOkpJwk = { ...base, kid: o.kid as string, use: profile.use, alg: profile.alg };
  if (o.exp !== undefined) jwk.exp = o.exp as number;
  return jwk;
}
