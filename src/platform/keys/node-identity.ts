import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '../ids.ts';

/**
 * The node's identity: a stable id, the ledger origin derived from it, and its Ed25519 signing key (JWK, `kid` =
 * RFC 7638 thumbprint). Created once in `<data>/keys/` (folder 0700, files 0600) and never rewritten; the
 * federation issue adds the X25519 key, rotation and passphrase sealing beside it.
 */
export interface NodeIdentity {
  readonly nodeId: string;
  /** C2SP checkpoint origin and note key name: `comity/<nodeId>` (schema-less, no spaces, no '+'). */
  readonly origin: string;
  readonly signingKey: KeyObject;
  readonly publicKey: KeyObject;
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKeyRaw: Uint8Array;
  readonly kid: string;
}

interface IdentityFile {
  nodeId: string;
  origin: string;
  createdAt: string;
}

type Ed25519Jwk = { kty: 'OKP'; crv: 'Ed25519'; x: string; d?: string; kid?: string };

export const KEYS_DIR = 'keys';
const IDENTITY_FILE = 'node.json';
const SIGNING_FILE = 'signing-ed25519.jwk.json';

/** RFC 7638 thumbprint of an Ed25519 public JWK (required members in lexicographic order). */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical).digest('base64url');
}

function writePrivate(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
  renameSync(tmp, path);
  chmodSync(path, 0o600);
}

function fromFiles(dir: string): NodeIdentity {
  const id = JSON.parse(readFileSync(join(dir, IDENTITY_FILE), 'utf8')) as IdentityFile;
  const jwk = JSON.parse(readFileSync(join(dir, SIGNING_FILE), 'utf8')) as Ed25519Jwk;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d) throw new Error(`${join(dir, SIGNING_FILE)} is not an Ed25519 private JWK`);
  const signingKey = createPrivateKey({ key: jwk, format: 'jwk' });
  const publicKey = createPublicKey(signingKey);
  const pub = publicKey.export({ format: 'jwk' }) as Ed25519Jwk;
  return {
    nodeId: id.nodeId,
    origin: id.origin,
    signingKey,
    publicKey,
    publicKeyRaw: new Uint8Array(Buffer.from(pub.x, 'base64url')),
    kid: jwkThumbprint(pub),
  };
}

/** Reads an existing node identity, or returns null when the folder has none (never creates one). */
export function loadNodeIdentity(dataDir: string): NodeIdentity | null {
  const dir = join(dataDir, KEYS_DIR);
  if (!existsSync(join(dir, IDENTITY_FILE)) || !existsSync(join(dir, SIGNING_FILE))) return null;
  return fromFiles(dir);
}

/** Reads the node identity from `<dataDir>/keys/`, creating it on first use. */
export function loadOrCreateNodeIdentity(dataDir: string, now: Date = new Date()): NodeIdentity {
  const dir = join(dataDir, KEYS_DIR);
  if (existsSync(join(dir, IDENTITY_FILE)) && existsSync(join(dir, SIGNING_FILE))) return fromFiles(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as Ed25519Jwk;
  const kid = jwkThumbprint(jwk);
  const nodeId = newId();
  // Key first, identity last: a folder with node.json always has its key.
  if (!existsSync(join(dir, SIGNING_FILE))) writePrivate(join(dir, SIGNING_FILE), `${JSON.stringify({ ...jwk, kid, alg: 'EdDSA', use: 'sig' }, null, 2)}\n`);
  const identity: IdentityFile = { nodeId, origin: `comity/${nodeId}`, createdAt: now.toISOString() };
  if (!existsSync(join(dir, IDENTITY_FILE))) writePrivate(join(dir, IDENTITY_FILE), `${JSON.stringify(identity, null, 2)}\n`);
  return fromFiles(dir);
}
