import { createCipheriv, createDecipheriv, createHash, createPublicKey, diffieHellman, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The four JOSE operations of the protocol, done synchronously with node:crypto rather than through WebCrypto's
 * asynchronous calls (which go through the thread pool and cost several times more per message):
 * EdDSA (Ed25519, RFC 8037) compact JWS signing and verification, and ECDH-ES+A256KW with A256GCM (RFC 7518
 * §4.6, §4.4, §5.3) compact JWE encryption and decryption for an X25519 recipient. Callers validate headers against
 * their allow-lists first; these functions do only the cryptography. Interoperability with `jose` and with
 * python3-jwcrypto is checked by the envelope and interop tests.
 */

const b64u = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64url');
const enc = new TextEncoder();

/** Signs `payload` as a compact JWS with the given protected header (serialised in member order). */
export function jwsSign(header: Record<string, unknown>, payload: Uint8Array, privateKey: KeyObject): string {
  const signingInput = `${b64u(enc.encode(JSON.stringify(header)))}.${b64u(payload)}`;
  return `${signingInput}.${b64u(sign(null, Buffer.from(signingInput, 'ascii'), privateKey))}`;
}

/** True when the compact JWS's Ed25519 signature verifies under `publicKey` (header not interpreted). */
export function jwsVerify(jws: string, publicKey: KeyObject): boolean {
  const last = jws.lastIndexOf('.');
  if (last < 0) return false;
  const sig = Buffer.from(jws.slice(last + 1), 'base64url');
  if (sig.length !== 64) return false;
  try {
    return verify(null, Buffer.from(jws.slice(0, last), 'ascii'), publicKey, sig);
  } catch {
    return false;
  }
}

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** RFC 7518 §4.6.2 Concat KDF (single SHA-256 round) for a 256-bit key, `alg` as AlgorithmID, empty apu/apv. */
function concatKdf(z: Buffer, alg: string): Buffer {
  const algId = Buffer.from(alg, 'ascii');
  const otherInfo = Buffer.concat([u32(algId.length), algId, u32(0), u32(0), u32(256)]);
  return createHash('sha256').update(u32(1)).update(z).update(otherInfo).digest();
}

const KW_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

/**
 * Encrypts `plaintext` for an X25519 public key as a compact JWE: protected header = `header` plus the ephemeral
 * `epk`, `alg` ECDH-ES+A256KW, `enc` A256GCM (the caller's header must say so).
 */
export function jweEncrypt(header: Record<string, unknown>, plaintext: Uint8Array, recipient: KeyObject): string {
  const eph = generateKeyPairSync('x25519');
  const epkJwk = eph.publicKey.export({ format: 'jwk' }) as { x: string };
  const protectedHeader = { ...header, epk: { x: epkJwk.x, crv: 'X25519', kty: 'OKP' } };
  const kek = concatKdf(diffieHellman({ privateKey: eph.privateKey, publicKey: recipient }), 'ECDH-ES+A256KW');
  const cek = randomBytes(32);
  const kw = createCipheriv('id-aes256-wrap', kek, KW_IV);
  const encryptedKey = Buffer.concat([kw.update(cek), kw.final()]);
  const h = b64u(enc.encode(JSON.stringify(protectedHeader)));
  const iv = randomBytes(12);
  const gcm = createCipheriv('aes-256-gcm', cek, iv);
  gcm.setAAD(Buffer.from(h, 'ascii'));
  const ct = Buffer.concat([gcm.update(plaintext), gcm.final()]);
  return `${h}.${b64u(encryptedKey)}.${b64u(iv)}.${b64u(ct)}.${b64u(gcm.getAuthTag())}`;
}

/**
 * Decrypts a compact ECDH-ES+A256KW / A256GCM JWE with an X25519 private key. Throws on any failure (bad `epk`,
 * unwrap, tag); the caller maps that to one error code without telling which.
 */
export function jweDecrypt(jwe: string, header: { epk?: unknown }, privateKey: KeyObject): Buffer {
  const [h = '', ek = '', ivs = '', cts = '', tags = ''] = jwe.split('.');
  const epk = header.epk as { kty?: unknown; crv?: unknown; x?: unknown } | undefined;
  if (!epk || typeof epk !== 'object' || epk.kty !== 'OKP' || epk.crv !== 'X25519' || typeof epk.x !== 'string') throw new Error('bad epk');
  const epkKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: epk.x }, format: 'jwk' });
  const kek = concatKdf(diffieHellman({ privateKey, publicKey: epkKey }), 'ECDH-ES+A256KW');
  const unwrap = createDecipheriv('id-aes256-wrap', kek, KW_IV);
  const cek = Buffer.concat([unwrap.update(Buffer.from(ek, 'base64url')), unwrap.final()]);
  if (cek.length !== 32) throw new Error('bad key length');
  const iv = Buffer.from(ivs, 'base64url');
  const tag = Buffer.from(tags, 'base64url');
  if (iv.length !== 12 || tag.length !== 16) throw new Error('bad iv or tag');
  const gcm = createDecipheriv('aes-256-gcm', cek, iv);
  gcm.setAAD(Buffer.from(h, 'ascii'));
  gcm.setAuthTag(tag);
  return Buffer.concat([gcm.update(Buffer.from(cts, 'base64url')), gcm.final()]);
}
