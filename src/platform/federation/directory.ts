import { createHash, type KeyObject } from 'node:crypto';
import { isValidKeyName, parseVerifierKey } from '../ledger/note.ts';
import { inspectJws, parseJsonBytes, signJws, singleCode, verifyJws } from './compact-jws.ts';
import type { SenderKey } from './envelope.ts';
import { FederationError } from './errors.ts';
import { importPublicJwk, isExpiredAt, okpThumbprint, parsePublicOkpJwk, publicJwkOf, type PublicOkpJwk } from './jwk.ts';
import { isJsonObject, isNodeId } from './message.ts';

/**
 * The federation directory (DESIGN §1): who is a member, their endpoints and keys, and what each State declared.
 * It travels as a compact JWS `{alg:'EdDSA', typ:'comity-directory+jws', kid}` signed by the directory
 * authority, whose public key every node pins. Versions only go up: a node refuses an older version, and a
 * different document under a version it already holds.
 */

export type NodeRole = 'central_authority' | 'contact_point_24_7' | 'prosecution' | 'police' | 'judicial' | 'other';
export const NODE_ROLES: readonly NodeRole[] = ['central_authority', 'contact_point_24_7', 'prosecution', 'police', 'judicial', 'other'];

/** One member node. */
export interface DirectoryNode {
  nodeId: string;
  /** Key of `DirectoryDocument.states`. */
  state: string;
  name: string;
  /** Non-empty, no duplicates. */
  roles: NodeRole[];
  /** Federation base URL: https://, or http:// only for loopback hosts; no credentials, query or fragment. */
  endpoint: string;
  /** At least one 'sig' and one 'enc' key; retired ones carry `exp`. */
  keys: PublicOkpJwk[];
  /** The node's ledger: checkpoint origin and its note verifier key (`name+keyid+key`, name = origin). */
  ledger: { origin: string; vkey: string };
}

/** A State's entry: its authorities, languages, channels, declarations and reservations. */
export interface DirectoryState {
  name: string;
  /** Node id of the State's central authority (a node of this State), or null. */
  centralAuthority: string | null;
  /** Node id of the State's 24/7 contact point (a node of this State), or null. */
  contactPoint247: string | null;
  /** ISO 639-1 codes. */
  languages: string[];
  channels: string[];
  declarations: { article?: string; text: string }[];
  reservations: { article?: string; text: string }[];
  /** Named yes/no positions, e.g. `preservation_requires_dual_criminality`. */
  flags: Record<string, boolean>;
}

export interface DirectoryDocument {
  v: 1;
  /** Integer ≥ 1; only goes up. */
  version: number;
  issuedAt: string;
  /** The signing authority; `kid` is the thumbprint of the pinned key. */
  authority: { name: string; kid: string };
  nodes: DirectoryNode[];
  /** Keyed by ISO 3166-1 alpha-2 code (or the user-assigned XA..XZ). */
  states: Record<string, DirectoryState>;
}

export const DIRECTORY_TYP = 'comity-directory+jws';
/** Default cap on a directory JWS, in bytes. */
export const MAX_DIRECTORY_BYTES = 1024 * 1024;

const code = singleCode('bad_directory');
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;
const FLAG = /^[a-z][a-z0-9_]{0,63}$/;
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const languages = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
/** Two-letter codes ICU names that are not ISO 3166-1 countries. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

function bad(why: string): never {
  throw new FederationError('bad_directory', `directory: ${why}`);
}

/** ISO 3166-1 alpha-2 (as known to ICU) or a user-assigned XA..XZ code. */
export function isStateCode(s: string): boolean {
  if (!/^[A-Z]{2}$/.test(s)) return false;
  if (s.startsWith('X')) return true;
  return !NOT_COUNTRIES.has(s) && regions.of(s) !== undefined;
}

/** ISO 639-1 (two lower-case letters ICU knows as a language). */
export function isLanguageCode(s: unknown): boolean {
  return typeof s === 'string' && /^[a-z]{2}$/.test(s) && languages.of(s) !== undefined;
}

/** True for a federation endpoint: https://, or http:// on a loopback host; no credentials, query or fragment. */
export function isEndpoint(s: unknown): boolean {
  if (typeof s !== 'string' || s.length > 2048) return false;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return false;
  }
  if (u.username !== '' || u.password !== '' || u.search !== '' || u.hash !== '' || s.includes('#') || s.includes('?')) return false;
  if (u.protocol === 'https:') return u.hostname !== '';
  if (u.protocol !== 'http:') return false;
  return u.hostname === 'localhost' || u.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(u.hostname);
}

function exactMembers(o: Record<string, unknown>, required: readonly string[], optional: readonly string[], where: string): void {
  for (const k of Object.keys(o)) if (!required.includes(k) && !optional.includes(k)) bad(`${where}: unexpected member "${k}"`);
  for (const k of required) if (!(k in o)) bad(`${where}: missing member "${k}"`);
}

function object(v: unknown, where: string): Record<string, unknown> {
  if (!isJsonObject(v)) bad(`${where} must be a JSON object`);
  return v as Record<string, unknown>;
}

function text(v: unknown, where: string, max = 200): string {
  if (typeof v !== 'string' || v.trim() === '' || v.length > max || /\p{Cc}/u.test(v)) bad(`${where} must be a non-empty text of at most ${max} characters`);
  return v as string;
}

function array(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) bad(`${where} must be an array`);
  return v as unknown[];
}

/** Node fields shared with node cards (`nodeId`, `state`, `name`, `roles`, `endpoint`, `keys`, `ledger`). */
export function checkNodeFields(n: Record<string, unknown>, where: string, fail: (why: string) => never): void {
  const guard = (f: () => void): void => {
    try {
      f();
    } catch (e) {
      if (e instanceof FederationError) fail(e.message.replace(/^directory: /, ''));
      throw e;
    }
  };
  if (!isNodeId(n.nodeId)) fail(`${where}.nodeId must be a node id`);
  if (typeof n.state !== 'string' || !isStateCode(n.state)) fail(`${where}.state must be an ISO 3166-1 alpha-2 code`);
  guard(() => text(n.name, `${where}.name`));
  if (!Array.isArray(n.roles) || n.roles.length === 0) fail(`${where}.roles must be a non-empty array`);
  const roles = n.roles as unknown[];
  roles.forEach((r, i) => {
    if (!(NODE_ROLES as readonly unknown[]).includes(r)) fail(`${where}.roles[${i}] is not a known role`);
  });
  if (new Set(roles).size !== roles.length) fail(`${where}.roles has duplicates`);
  if (!isEndpoint(n.endpoint)) fail(`${where}.endpoint must be an https:// URL (http:// only for loopback) without credentials, query or fragment`);
  if (!Array.isArray(n.keys)) fail(`${where}.keys must be an array`);
  const keys = (n.keys as unknown[]).map((k, i) => {
    try {
      return parsePublicOkpJwk(k, 'bad_directory', `${where}.keys[${i}]`);
    } catch (e) {
      return fail((e as Error).message);
    }
  });
  n.keys = keys;
  if (!keys.some((k) => k.use === 'sig')) fail(`${where}.keys has no signing (sig) key`);
  if (!keys.some((k) => k.use === 'enc')) fail(`${where}.keys has no encryption (enc) key`);
  if (!isJsonObject(n.ledger)) fail(`${where}.ledger must be an object`);
  const l = n.ledger as Record<string, unknown>;
  for (const k of Object.keys(l)) if (k !== 'origin' && k !== 'vkey') fail(`${where}.ledger: unexpected member "${k}"`);
  if (typeof l.origin !== 'string' || !isValidKeyName(l.origin)) fail(`${where}.ledger.origin must be a note key name`);
  let vkeyName: string | undefined;
  try {
    vkeyName = parseVerifierKey(l.vkey as string).name;
  } catch {
    fail(`${where}.ledger.vkey must be a note verifier key (name+keyid+key)`);
  }
  if (vkeyName !== l.origin) fail(`${where}.ledger.vkey must be named after ledger.origin`);
}

function checkNode(v: unknown, where: string): DirectoryNode {
  const n = object(v, where);
  exactMembers(n, ['nodeId', 'state', 'name', 'roles', 'endpoint', 'keys', 'ledger'], [], where);
  checkNodeFields(n, where, bad);
  return n as unknown as DirectoryNode;
}

function checkStatements(v: unknown, where: string): { article?: string; text: string }[] {
  return array(v, where).map((d, i) => {
    const o = object(d, `${where}[${i}]`);
    exactMembers(o, ['text'], ['article'], `${where}[${i}]`);
    if (o.article !== undefined) text(o.article, `${where}[${i}].article`, 64);
    text(o.text, `${where}[${i}].text`, 10_000);
    return o as { article?: string; text: string };
  });
}

function checkState(v: unknown, where: string): DirectoryState {
  const s = object(v, where);
  exactMembers(s, ['name', 'centralAuthority', 'contactPoint247', 'languages', 'channels', 'declarations', 'reservations', 'flags'], [], where);
  text(s.name, `${where}.name`);
  if (s.centralAuthority !== null && !isNodeId(s.centralAuthority)) bad(`${where}.centralAuthority must be a node id or null`);
  if (s.contactPoint247 !== null && !isNodeId(s.contactPoint247)) bad(`${where}.contactPoint247 must be a node id or null`);
  array(s.languages, `${where}.languages`).forEach((l, i) => {
    if (!isLanguageCode(l)) bad(`${where}.languages[${i}] must be an ISO 639-1 code`);
  });
  array(s.channels, `${where}.channels`).forEach((c, i) => text(c, `${where}.channels[${i}]`, 100));
  checkStatements(s.declarations, `${where}.declarations`);
  checkStatements(s.reservations, `${where}.reservations`);
  const flags = object(s.flags, `${where}.flags`);
  for (const [k, f] of Object.entries(flags)) {
    if (!FLAG.test(k)) bad(`${where}.flags: "${k}" is not a flag name ([a-z][a-z0-9_]*)`);
    if (typeof f !== 'boolean') bad(`${where}.flags.${k} must be true or false`);
  }
  return s as unknown as DirectoryState;
}

/**
 * Validates an untrusted directory document: exact member sets, formats, and cross-references (node states
 * exist, each State's central authority and 24/7 point are nodes of that State, node ids and key ids unique).
 * @throws FederationError 'bad_directory' naming the offending field.
 */
export function parseDirectoryDocument(value: unknown): DirectoryDocument {
  const d = object(value, 'document');
  exactMembers(d, ['v', 'version', 'issuedAt', 'authority', 'nodes', 'states'], [], 'document');
  if (d.v !== 1) bad('v must be 1');
  if (!Number.isSafeInteger(d.version) || (d.version as number) < 1) bad('version must be an integer ≥ 1');
  if (typeof d.issuedAt !== 'string' || !ISO_TIME.test(d.issuedAt) || Number.isNaN(Date.parse(d.issuedAt))) bad('issuedAt must be an ISO 8601 UTC time');
  const a = object(d.authority, 'authority');
  exactMembers(a, ['name', 'kid'], [], 'authority');
  text(a.name, 'authority.name');
  if (typeof a.kid !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(a.kid)) bad('authority.kid must be a JWK thumbprint');
  const states = object(d.states, 'states');
  for (const [c, s] of Object.entries(states)) {
    if (!isStateCode(c)) bad(`states: "${c}" is not an ISO 3166-1 alpha-2 code`);
    checkState(s, `states.${c}`);
  }
  const nodes = array(d.nodes, 'nodes').map((n, i) => checkNode(n, `nodes[${i}]`));
  const ids = new Set<string>();
  const kids = new Set<string>();
  nodes.forEach((n, i) => {
    if (ids.has(n.nodeId)) bad(`nodes[${i}].nodeId is listed twice`);
    ids.add(n.nodeId);
    if (!Object.hasOwn(states, n.state)) bad(`nodes[${i}].state is not in states`);
    n.keys.forEach((k, j) => {
      if (kids.has(k.kid)) bad(`nodes[${i}].keys[${j}].kid is listed twice`);
      kids.add(k.kid);
    });
  });
  for (const [c, s] of Object.entries(states as Record<string, DirectoryState>)) {
    for (const field of ['centralAuthority', 'contactPoint247'] as const) {
      const id = s[field];
      if (id !== null && !nodes.some((n) => n.nodeId === id && n.state === c)) bad(`states.${c}.${field} is not a node of ${c}`);
    }
  }
  return d as unknown as DirectoryDocument;
}

/** base64url SHA-256 of the signed document bytes (the JWS payload): what `previous.digest` compares. */
function payloadDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** Signs a directory document as the authority (validated first, so an authority cannot publish a bad one). */
export async function signDirectory(doc: DirectoryDocument, authorityPrivateKey: KeyObject, kid: string): Promise<string> {
  const checked = parseDirectoryDocument(structuredClone(doc));
  if (okpThumbprint(publicJwkOf(authorityPrivateKey)) !== kid || checked.authority.kid !== kid)
    throw new FederationError('bad_directory', 'directory: authority.kid and kid must be the thumbprint of the signing key');
  return signJws(doc, DIRECTORY_TYP, { kid, privateKey: authorityPrivateKey });
}

/** Options of `verifyDirectory`. */
export interface VerifyDirectoryOptions {
  /** The version and digest of the directory this node holds now, if any. */
  previous?: { version: number; digest: string };
  /** Largest accepted JWS in bytes (default 1 MiB). */
  maxBytes?: number;
}

/**
 * Verifies a directory JWS under the pinned authority key, then its schema, then that it is not a rollback.
 * `digest` is base64url SHA-256 of the signed document bytes; keep it with the version for the next call.
 * @throws FederationError 'bad_directory' (unsigned, `alg` other than EdDSA, another key, bad schema) or
 * 'directory_rollback' (older version, or same version with another digest).
 */
export async function verifyDirectory(jws: string, pinnedAuthority: PublicOkpJwk, opts: VerifyDirectoryOptions = {}): Promise<{ doc: DirectoryDocument; digest: string }> {
  if (typeof jws === 'string' && jws.length > (opts.maxBytes ?? MAX_DIRECTORY_BYTES)) bad('larger than allowed');
  const { header } = inspectJws(jws, DIRECTORY_TYP, code, 'directory');
  if (pinnedAuthority.crv !== 'Ed25519') bad('the pinned authority key is not an Ed25519 key');
  if (header.kid !== pinnedAuthority.kid) bad('not signed by the pinned directory authority');
  const bytes = await verifyJws(jws, importPublicJwk(pinnedAuthority), code, 'directory');
  const doc = parseDirectoryDocument(parseJsonBytes(bytes, code, 'directory'));
  if (doc.authority.kid !== pinnedAuthority.kid) bad('authority.kid is not the pinned authority');
  const digest = payloadDigest(bytes);
  const prev = opts.previous;
  if (prev !== undefined) {
    if (doc.version < prev.version) throw new FederationError('directory_rollback', `directory: version ${doc.version} is older than the version ${prev.version} already accepted`);
    if (doc.version === prev.version && digest !== prev.digest)
      throw new FederationError('directory_rollback', `directory: version ${doc.version} differs from the document already accepted under that version`);
  }
  return { doc, digest };
}

/**
 * Parses the directory authority key given to `comity directory pin`: a public Ed25519 JWK (JSON; `kid`, if
 * present, must be its thumbprint) or the base64url of the raw 32-byte key.
 * @throws FederationError 'bad_directory'.
 */
export function parseAuthorityKey(text: string): PublicOkpJwk {
  const t = typeof text === 'string' ? text.trim() : '';
  if (t.startsWith('{')) {
    let o: unknown;
    try {
      o = JSON.parse(t);
    } catch {
      return bad('authority key is not valid JSON');
    }
    if (!isJsonObject(o)) return bad('authority key is not a JWK');
    if ('d' in o) bad('authority key must be the public key, not the private key');
    const base = { kty: o.kty, crv: o.crv, x: o.x };
    const kid = typeof o.x === 'string' ? okpThumbprint({ kty: String(o.kty), crv: String(o.crv), x: o.x }) : '';
    const jwk = parsePublicOkpJwk({ ...base, kid: o.kid ?? kid, use: o.use ?? 'sig', alg: o.alg ?? 'EdDSA' }, 'bad_directory', 'authority key');
    if (jwk.crv !== 'Ed25519') bad('authority key must be an Ed25519 key');
    return jwk;
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(t)) bad('authority key must be a public JWK or the base64url of a 32-byte Ed25519 key');
  const x = t;
  return parsePublicOkpJwk({ kty: 'OKP', crv: 'Ed25519', x, kid: okpThumbprint({ kty: 'OKP', crv: 'Ed25519', x }), use: 'sig', alg: 'EdDSA' }, 'bad_directory', 'authority key');
}

/** A directory key as `openMessage`/`verifyReceipt` want it. */
export type DirectoryKey = SenderKey;

/** Key lookups over one directory document. `resolve` and `get` are the same bound function. */
export interface DirectoryKeyIndex {
  resolve(kid: string): DirectoryKey | undefined;
  get(kid: string): DirectoryKey | undefined;
  hasNode(nodeId: string): boolean;
  readonly size: number;
}

/** Indexes every listed key (signing and encryption) by `kid`: `expiresAt` is the key's `exp` or null. */
export function directoryKeyIndex(doc: DirectoryDocument): DirectoryKeyIndex {
  const byKid = new Map<string, DirectoryKey>();
  const nodes = new Set<string>();
  for (const n of doc.nodes) {
    nodes.add(n.nodeId);
    for (const k of n.keys) byKid.set(k.kid, { nodeId: n.nodeId, publicJwk: k, expiresAt: k.exp ?? null });
  }
  const resolve = (kid: string): DirectoryKey | undefined => byKid.get(kid);
  return { resolve, get: resolve, hasNode: (id) => nodes.has(id), size: byKid.size };
}

/**
 * The key to encrypt for `nodeId` at `now` (its public JWK; `kid` is in it): its active 'enc' key (no `exp`; the
 * last listed if several), else the retired one that expires last, ignoring expired keys. Undefined for an
 * unknown node or no usable key. Use as `sealMessage(p, signer, { kid: k.kid, publicJwk: k })`.
 */
export function encryptionKeyFor(doc: DirectoryDocument, nodeId: string, now: Date): PublicOkpJwk | undefined {
  const node = doc.nodes.find((n) => n.nodeId === nodeId);
  if (node === undefined) return undefined;
  const usable = node.keys.filter((k) => k.use === 'enc' && !isExpiredAt(k.exp, now));
  const active = usable.filter((k) => k.exp === undefined);
  if (active.length > 0) return active[active.length - 1];
  return usable.sort((a, b) => (a.exp ?? 0) - (b.exp ?? 0))[usable.length - 1];
}
