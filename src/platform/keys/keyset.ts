import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isExpiredAt, okpThumbprint, parsePublicOkpJwk, publicJwkOf, type PublicOkpJwk } from '../federation/jwk.ts';
import { KeyError } from './errors.ts';
import { ensurePrivateDir, writePrivateFile } from './files.ts';
import { KEYS_DIR, LEDGER_KEY_BASE, ledgerKeySealed, loadNodeIdentity, loadOrCreateNodeIdentity, sealLedgerKey, type NodeIdentity } from './node-identity.ts';
import { keyFileExists, keyFileSealed, readPrivateKey, sealKeyFile, writePrivateKey, type OkpPrivateType } from './private-key-file.ts';

/**
 * The federation key set in `<data>/keys/`: an Ed25519 'sig' key (JWS EdDSA) and an X25519 'enc' key (JWE
 * ECDH-ES+A256KW), each active until `rotateNodeKeys` replaces it; a replaced key stays published and usable for
 * verification and decryption until its `expiresAt`, so messages in flight still open. The ledger key
 * (node-identity.ts) is separate and never rotates.
 *
 * Layout: `keyset.json` (the index: public records, which keys are active) and one private file per key,
 * `fed-<use>-<kid>.jwk.json` (or `.jwk.jwe` when sealed). New private files are written before the index that
 * activates them, every write is atomic, so a crash at any point leaves a usable set (at worst an unused file).
 */

/** One federation key, public part only. */
export interface KeyRecord {
  /** RFC 7638 thumbprint. */
  kid: string;
  use: 'sig' | 'enc';
  alg: 'EdDSA' | 'ECDH-ES+A256KW';
  createdAt: string;
  /** null while active; the end of the overlap period once retired (ISO). */
  expiresAt: string | null;
  /** With kid, use, alg; retired keys also carry `exp` (unix seconds of `expiresAt`). */
  publicJwk: PublicOkpJwk;
}

/** The node's keys, loaded. */
export interface NodeKeys {
  nodeId: string;
  origin: string;
  /** The ledger identity (its own, never rotated Ed25519 key). */
  ledger: NodeIdentity;
  /** The active federation signing key. */
  signing: { kid: string; privateKey: KeyObject; publicJwk: PublicOkpJwk };
  /** The active federation encryption key. */
  encryption: { kid: string; privateKey: KeyObject; publicJwk: PublicOkpJwk };
  /** Every federation key, active and retired, public only, oldest first. */
  records: readonly KeyRecord[];
  /** True when any private key file of the folder is sealed with a passphrase. */
  sealed: boolean;
  /** Keys to publish at `now`: active ones and retired ones not yet expired. */
  publicJwks(now: Date): PublicOkpJwk[];
  /** The private X25519 key for `kid` when it is active, or retired and not expired at `now`. */
  decryptionKey(kid: string, now: Date): KeyObject | undefined;
}

/** Options of the loaders: the passphrase that opens sealed files (and seals new ones), and the clock. */
export interface KeyOptions {
  passphrase?: string;
  now?: Date;
}

interface IndexFile {
  v: 1;
  keys: KeyRecord[];
}

const INDEX_FILE = 'keyset.json';
const DAY_MS = 86_400_000;
const PROFILE = {
  sig: { alg: 'EdDSA', type: 'ed25519' },
  enc: { alg: 'ECDH-ES+A256KW', type: 'x25519' },
} as const;

const keyBase = (use: 'sig' | 'enc', kid: string): string => `fed-${use}-${kid}`;

function readIndex(dir: string): IndexFile | null {
  const file = join(dir, INDEX_FILE);
  if (!existsSync(file)) return null;
  const bad = (why: string): never => {
    throw new KeyError('malformed_key_file', `${file}: ${why}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return bad('not readable JSON');
  }
  const o = raw as Partial<IndexFile>;
  if (typeof o !== 'object' || o === null || o.v !== 1 || !Array.isArray(o.keys)) return bad('not a key index (v 1)');
  const keys = o.keys.map((r, i): KeyRecord => {
    if (typeof r !== 'object' || r === null || (r.use !== 'sig' && r.use !== 'enc')) return bad(`keys[${i}] is not a key record`);
    let jwk: PublicOkpJwk;
    try {
      jwk = parsePublicOkpJwk(r.publicJwk, 'malformed', `keys[${i}].publicJwk`);
    } catch (e) {
      return bad((e as Error).message);
    }
    if (jwk.kid !== r.kid || jwk.use !== r.use || jwk.alg !== r.alg || PROFILE[r.use].alg !== r.alg) bad(`keys[${i}] is inconsistent`);
    if (typeof r.createdAt !== 'string' || (r.expiresAt !== null && typeof r.expiresAt !== 'string')) bad(`keys[${i}] has bad dates`);
    return { kid: r.kid, use: r.use, alg: r.alg, createdAt: r.createdAt, expiresAt: r.expiresAt, publicJwk: jwk };
  });
  return { v: 1, keys };
}

function writeIndex(dir: string, keys: readonly KeyRecord[]): void {
  writePrivateFile(join(dir, INDEX_FILE), `${JSON.stringify({ v: 1, keys: [...keys] } satisfies IndexFile, null, 2)}\n`);
}

function activeRecord(keys: readonly KeyRecord[], use: 'sig' | 'enc'): KeyRecord | undefined {
  return keys.filter((k) => k.use === use && k.expiresAt === null).at(-1);
}

function expiresAtSeconds(r: KeyRecord): number | null {
  return r.expiresAt === null ? null : Math.floor(Date.parse(r.expiresAt) / 1000);
}

/** True when any federation or ledger private key file of the folder is sealed. */
function folderSealed(dataDir: string, dir: string): boolean {
  if (ledgerKeySealed(dataDir)) return true;
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('fed-') && f.endsWith('.jwk.jwe'));
}

/** Generates a key pair for `use`, writes its private file, and returns its (active) record. */
function createKey(dir: string, use: 'sig' | 'enc', now: Date, passphrase: string | undefined): KeyRecord {
  const { privateKey } = use === 'sig' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  const publicJwk = publicJwkOf(privateKey);
  writePrivateKey(dir, keyBase(use, publicJwk.kid), privateKey, { kid: publicJwk.kid, use, alg: PROFILE[use].alg }, passphrase);
  return { kid: publicJwk.kid, use, alg: PROFILE[use].alg, createdAt: now.toISOString(), expiresAt: null, publicJwk };
}

function loadPrivate(dir: string, r: KeyRecord, passphrase: string | undefined): KeyObject {
  const type: OkpPrivateType = PROFILE[r.use].type;
  const base = keyBase(r.use, r.kid);
  if (!keyFileExists(dir, base)) throw new KeyError('malformed_key_file', `${join(dir, base)}.jwk.json is missing (key ${r.kid} is in ${INDEX_FILE})`);
  const key = readPrivateKey(dir, base, passphrase, type);
  if (publicJwkOf(key).kid !== r.kid) throw new KeyError('malformed_key_file', `${join(dir, base)} does not hold key ${r.kid}`);
  return key;
}

function assemble(dataDir: string, dir: string, ledger: NodeIdentity, index: IndexFile, passphrase: string | undefined, now: Date): NodeKeys {
  const sig = activeRecord(index.keys, 'sig');
  const enc = activeRecord(index.keys, 'enc');
  if (sig === undefined || enc === undefined) throw new KeyError('malformed_key_file', `${join(dir, INDEX_FILE)} has no active signing or encryption key`);
  const signingKey = loadPrivate(dir, sig, passphrase);
  const decryption = new Map<string, { key: KeyObject; exp: number | null }>();
  for (const r of index.keys) {
    if (r.use !== 'enc' || isExpiredAt(expiresAtSeconds(r), now)) continue;
    decryption.set(r.kid, { key: loadPrivate(dir, r, passphrase), exp: expiresAtSeconds(r) });
  }
  const records = Object.freeze(index.keys.map((r) => Object.freeze({ ...r, publicJwk: Object.freeze({ ...r.publicJwk }) })));
  const encKey = decryption.get(enc.kid)?.key as KeyObject;
  return {
    nodeId: ledger.nodeId,
    origin: ledger.origin,
    ledger,
    signing: { kid: sig.kid, privateKey: signingKey, publicJwk: { ...sig.publicJwk } },
    encryption: { kid: enc.kid, privateKey: encKey, publicJwk: { ...enc.publicJwk } },
    records,
    sealed: folderSealed(dataDir, dir),
    publicJwks: (at) => records.filter((r) => !isExpiredAt(expiresAtSeconds(r), at)).map((r) => ({ ...r.publicJwk })),
    decryptionKey: (kid, at) => {
      const d = decryption.get(kid);
      return d === undefined || isExpiredAt(d.exp, at) ? undefined : d.key;
    },
  };
}

/**
 * Loads the node's keys, or returns null when the folder has no ledger identity or no federation key set yet
 * (never creates anything).
 * @throws KeyError 'passphrase_required' | 'passphrase_wrong' | 'malformed_key_file'.
 */
export function loadNodeKeys(dataDir: string, opts: KeyOptions = {}): NodeKeys | null {
  const dir = join(dataDir, KEYS_DIR);
  const index = readIndex(dir);
  if (index === null) return null;
  const ledger = loadNodeIdentity(dataDir, opts.passphrase);
  if (ledger === null) return null;
  return assemble(dataDir, dir, ledger, index, opts.passphrase, opts.now ?? new Date());
}

function refuseUnsealedWrite(dataDir: string, dir: string, passphrase: string | undefined): void {
  if (passphrase === undefined && folderSealed(dataDir, dir))
    throw new KeyError('passphrase_required', `the keys in ${dir} are sealed; give the passphrase so new keys are sealed too`);
}

/**
 * Loads the node's keys, creating what is missing: the ledger identity, then an active 'sig' and 'enc' key.
 * New private files are sealed when a passphrase is given.
 * @throws KeyError as `loadNodeKeys`; 'passphrase_required' when keys must be added to a sealed folder without it.
 */
export function loadOrCreateNodeKeys(dataDir: string, opts: KeyOptions = {}): NodeKeys {
  const now = opts.now ?? new Date();
  const dir = join(dataDir, KEYS_DIR);
  const existingLedger = loadNodeIdentity(dataDir, opts.passphrase);
  if (existingLedger === null) refuseUnsealedWrite(dataDir, dir, opts.passphrase);
  const ledger = existingLedger ?? loadOrCreateNodeIdentity(dataDir, { now, passphrase: opts.passphrase });
  const index = readIndex(dir) ?? { v: 1 as const, keys: [] };
  const missing = (['sig', 'enc'] as const).filter((u) => activeRecord(index.keys, u) === undefined);
  if (missing.length > 0) {
    refuseUnsealedWrite(dataDir, dir, opts.passphrase);
    ensurePrivateDir(dir);
    const added = missing.map((u) => createKey(dir, u, now, opts.passphrase));
    index.keys.push(...added);
    writeIndex(dir, index.keys);
  }
  return assemble(dataDir, dir, ledger, index, opts.passphrase, now);
}

/**
 * Rotates the federation keys: new 'sig' and 'enc' keys become active; the previously active ones get
 * `expiresAt = now + overlapDays` (and `exp` in their JWK) and keep verifying/decrypting until then. The ledger
 * key is not touched. The passphrase (required for a sealed folder) is checked by loading the current keys first.
 * @throws KeyError 'incomplete_key_set' when the folder has no key set, or as `loadNodeKeys`.
 */
export function rotateNodeKeys(dataDir: string, opts: { passphrase?: string; now?: Date; overlapDays: number }): { added: KeyRecord[]; retired: KeyRecord[] } {
  if (!Number.isFinite(opts.overlapDays) || opts.overlapDays < 0) throw new RangeError('overlapDays must be a non-negative number');
  const now = opts.now ?? new Date();
  const dir = join(dataDir, KEYS_DIR);
  const current = loadNodeKeys(dataDir, { passphrase: opts.passphrase, now });
  if (current === null) throw new KeyError('incomplete_key_set', `${dir} has no federation keys to rotate; start the node once (or run keys init) first`);
  refuseUnsealedWrite(dataDir, dir, opts.passphrase);
  const index = readIndex(dir) as IndexFile;
  const added = (['sig', 'enc'] as const).map((u) => createKey(dir, u, now, opts.passphrase));
  const expiresAt = new Date(now.getTime() + Math.round(opts.overlapDays * DAY_MS));
  const exp = Math.floor(expiresAt.getTime() / 1000);
  const retired: KeyRecord[] = [];
  const keys = index.keys.map((r) => {
    if (r.expiresAt !== null) return r;
    const old: KeyRecord = { ...r, expiresAt: new Date(exp * 1000).toISOString(), publicJwk: { ...r.publicJwk, exp } };
    retired.push(old);
    return old;
  });
  writeIndex(dir, [...keys, ...added]);
  return { added, retired };
}

/**
 * Seals every plain private key file of the folder (ledger key and federation keys) with `passphrase`, for
 * `comity keys seal`. Idempotent and restartable; already sealed files must open with the same passphrase.
 * Note that removing the plain file does not scrub the disk blocks it used.
 * @returns the file base names that were converted.
 * @throws KeyError 'passphrase_wrong' when a file is already sealed under another passphrase.
 */
export function sealKeys(dataDir: string, passphrase: string): { sealed: string[] } {
  if (typeof passphrase !== 'string' || passphrase === '') throw new TypeError('the passphrase must be a non-empty string');
  const dir = join(dataDir, KEYS_DIR);
  const sealed: string[] = [];
  if (keyFileSealed(dir, LEDGER_KEY_BASE)) loadNodeIdentity(dataDir, passphrase);
  if (keyFileExists(dir, LEDGER_KEY_BASE) && sealLedgerKey(dataDir, passphrase)) sealed.push(LEDGER_KEY_BASE);
  // Every federation key file, listed in the index or not (a rotation interrupted before its index write).
  const files = existsSync(dir) ? readdirSync(dir) : [];
  for (const f of files) {
    const m = /^(fed-(sig|enc)-[A-Za-z0-9_-]{43})\.jwk\.json$/.exec(f);
    if (m === null) continue;
    const [, base = '', use = 'sig'] = m;
    if (sealKeyFile(dir, base, passphrase, PROFILE[use as 'sig' | 'enc'].type)) sealed.push(base);
  }
  return { sealed };
}

/** The thumbprint of a public JWK (re-exported for callers that only import the key set). */
export { okpThumbprint };
