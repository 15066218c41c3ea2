import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '../ids.ts';
import { KeyError } from './errors.ts';
import { ensurePrivateDir, writePrivateFile } from './files.ts';
import { keyFileExists, keyFileSealed, readPrivateKey, sealKeyFile, writePrivateKey } from './private-key-file.ts';

/**
 * The node's identity: a stable id, the ledger origin derived from it, and its Ed25519 ledger signing key (JWK,
 * `kid` = RFC 7638 thumbprint). Created once in `<data>/keys/` (folder 0700, files 0600) and never rewritten or
 * rotated: it signs the ledger's checkpoints, whose verifier key others pin. The key file is
 * `signing-ed25519.jwk.json`, or `signing-ed25519.jwk.jwe` when sealed with a passphrase (see `seal.ts`). The
 * federation keys (keyset.ts) live beside it and rotate independently.
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

/** Options of `loadOrCreateNodeIdentity`: creation time, and the passphrase that opens (or seals) the key. */
export interface IdentityOptions {
  now?: Date;
  passphrase?: string;
}

export const KEYS_DIR = 'keys';
const IDENTITY_FILE = 'node.json';
/** Base name of the ledger key file (`.jwk.json`, or `.jwk.jwe` when sealed). */
export const LEDGER_KEY_BASE = 'signing-ed25519';

/** RFC 7638 thumbprint of an Ed25519 public JWK (required members in lexicographic order). */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical).digest('base64url');
}

function fromFiles(dir: string, passphrase: string | undefined): NodeIdentity {
  let id: IdentityFile;
  try {
    id = JSON.parse(readFileSync(join(dir, IDENTITY_FILE), 'utf8')) as IdentityFile;
  } catch {
    throw new KeyError('malformed_key_file', `${join(dir, IDENTITY_FILE)} is not readable JSON`);
  }
  if (typeof id.nodeId !== 'string' || typeof id.origin !== 'string') throw new KeyError('malformed_key_file', `${join(dir, IDENTITY_FILE)} has no nodeId/origin`);
  const signingKey = readPrivateKey(dir, LEDGER_KEY_BASE, passphrase, 'ed25519');
  const publicKey = createPublicKey(signingKey);
  const pub = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  return {
    nodeId: id.nodeId,
    origin: id.origin,
    signingKey,
    publicKey,
    publicKeyRaw: new Uint8Array(Buffer.from(pub.x, 'base64url')),
    kid: jwkThumbprint(pub),
  };
}

function complete(dir: string): boolean {
  return existsSync(join(dir, IDENTITY_FILE)) && keyFileExists(dir, LEDGER_KEY_BASE);
}

/**
 * Reads an existing node identity, or returns null when the folder has none (never creates one).
 * @throws KeyError 'passphrase_required' / 'passphrase_wrong' for a sealed key, 'malformed_key_file'.
 */
export function loadNodeIdentity(dataDir: string, passphrase?: string): NodeIdentity | null {
  const dir = join(dataDir, KEYS_DIR);
  if (!complete(dir)) return null;
  return fromFiles(dir, passphrase);
}

/**
 * Reads the node identity from `<dataDir>/keys/`, creating it on first use (sealed when a passphrase is given).
 * The second argument is the creation time (the original signature) or `{ now, passphrase }`.
 */
export function loadOrCreateNodeIdentity(dataDir: string, opts: Date | IdentityOptions = {}): NodeIdentity {
  const { now = new Date(), passphrase } = opts instanceof Date ? { now: opts } : opts;
  const dir = join(dataDir, KEYS_DIR);
  if (complete(dir)) return fromFiles(dir, passphrase);
  ensurePrivateDir(dir);
  // Key first, identity last: a folder with node.json always has its key.
  if (!keyFileExists(dir, LEDGER_KEY_BASE)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const kid = jwkThumbprint(createPublicKey(privateKey).export({ format: 'jwk' }) as { kty: string; crv: string; x: string });
    writePrivateKey(dir, LEDGER_KEY_BASE, privateKey, { kid, alg: 'EdDSA', use: 'sig' }, passphrase);
  }
  if (!existsSync(join(dir, IDENTITY_FILE))) {
    const nodeId = newId();
    const identity: IdentityFile = { nodeId, origin: `comity/${nodeId}`, createdAt: now.toISOString() };
    writePrivateFile(join(dir, IDENTITY_FILE), `${JSON.stringify(identity, null, 2)}\n`);
  }
  return fromFiles(dir, passphrase);
}

/** True when the ledger key is stored sealed. */
export function ledgerKeySealed(dataDir: string): boolean {
  return keyFileSealed(join(dataDir, KEYS_DIR), LEDGER_KEY_BASE);
}

/** Seals the ledger key file in place (no-op when already sealed); true when a plain file was converted. */
export function sealLedgerKey(dataDir: string, passphrase: string): boolean {
  return sealKeyFile(join(dataDir, KEYS_DIR), LEDGER_KEY_BASE, passphrase, 'ed25519');
}
