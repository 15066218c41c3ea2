import { createHash, type KeyObject } from 'node:crypto';
import { jweDecrypt, jweEncrypt } from './jose-sync.ts';
import { checkJwsHeader, decodeJsonSegment, parseJsonBytes, preciseCodes, signJws, splitCompact, verifyJws, type JwsSigner } from './compact-jws.ts';
import { FederationError } from './errors.ts';
import { importPublicJwk, isExpiredAt, type PublicOkpJwk } from './jwk.ts';
import { parseMessagePayload, type MessagePayload } from './message.ts';

/**
 * The message envelope (DESIGN §5): sign-then-encrypt. A compact JWS (`{alg:'EdDSA', typ:'comity-msg+jws',
 * kid}`, payload = UTF-8 JSON of the `MessagePayload`) inside a compact JWE (`{alg:'ECDH-ES+A256KW',
 * enc:'A256GCM', cty:'comity-msg+jws', kid}`) for the recipient's X25519 key. Any standard JOSE library opens it.
 */

export const MESSAGE_TYP = 'comity-msg+jws';
const KEY_MANAGEMENT = ['ECDH-ES+A256KW'];
const CONTENT_ENCRYPTION = ['A256GCM'];
/** Members the outer JWE protected header may hold (jose adds `epk`; `apu`/`apv` are harmless KDF inputs). */
const JWE_MEMBERS = new Set(['alg', 'enc', 'cty', 'kid', 'epk', 'apu', 'apv']);

/** A sender's signing key as the directory lists it. */
export interface SenderKey {
  nodeId: string;
  publicJwk: PublicOkpJwk;
  /** Unix seconds after which the key no longer verifies, or null while it is active. */
  expiresAt: number | null;
}

/** What `openMessage` needs from its caller: who we are, the clock, limits and key lookups. */
export interface OpenOptions {
  /** Our node id: `payload.to` must equal it. */
  self: string;
  now: Date;
  /** Largest accepted JWE, in bytes; checked before anything is parsed. */
  maxBytes: number;
  /** Allowed clock difference for `exp` and `iat`, in seconds (default 300). */
  clockSkewSeconds?: number;
  /** Our private X25519 key for a `kid` (active, or retired and not expired), or undefined. */
  decryptionKey(kid: string): KeyObject | undefined;
  /** The directory's signing key for a `kid` (e.g. `directoryKeyIndex(doc).resolve`), or undefined. */
  resolveSenderKey(kid: string): SenderKey | undefined;
  /**
   * Optional: whether a node id is a directory member. Used only to choose the code when the signing `kid` is
   * unknown: 'key_not_in_directory' when the (still unverified) `from` is a member — its key list is probably
   * newer than our directory — and 'unknown_sender' otherwise (and always when this is not given).
   */
  isKnownNode?(nodeId: string): boolean;
}

/** An opened, verified message. */
export interface OpenedMessage {
  payload: MessagePayload;
  /** base64url SHA-256 of the exact JWE ASCII bytes (what the receipt signs). */
  digest: string;
  /** The `kid` of the sender's signing key. */
  senderKid: string;
}

/** base64url(SHA-256(the JWE's ASCII bytes)). */
export function messageDigest(jwe: string): string {
  return createHash('sha256').update(jwe, 'utf8').digest('base64url');
}

/**
 * Signs and encrypts a message for one recipient key.
 * @throws FederationError 'malformed' when `p` breaks the payload schema; TypeError for unusable keys.
 */
export async function sealMessage(p: MessagePayload, signer: JwsSigner, recipient: { kid: string; publicJwk: PublicOkpJwk }): Promise<string> {
  const payload = parseMessagePayload(p);
  if (recipient.publicJwk.crv !== 'X25519' || recipient.publicJwk.kid !== recipient.kid)
    throw new TypeError('the recipient key must be the X25519 key named by its kid');
  const jws = await signJws(payload, MESSAGE_TYP, signer);
  return jweEncrypt({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: MESSAGE_TYP, kid: recipient.kid }, new TextEncoder().encode(jws), importPublicJwk(recipient.publicJwk));
}

const fail = (code: ConstructorParameters<typeof FederationError>[0], why: string): never => {
  throw new FederationError(code, why);
};

function checkJweHeader(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('malformed', 'JWE header is not a JSON object');
  const h = value as Record<string, unknown>;
  if (typeof h.alg !== 'string' || !KEY_MANAGEMENT.includes(h.alg)) fail('algorithm_not_allowed', 'JWE key management algorithm must be ECDH-ES+A256KW');
  if (typeof h.enc !== 'string' || !CONTENT_ENCRYPTION.includes(h.enc)) fail('algorithm_not_allowed', 'JWE content encryption must be A256GCM');
  if ('zip' in h) fail('algorithm_not_allowed', 'compressed JWE ("zip") is not accepted');
  if ('crit' in h) fail('algorithm_not_allowed', 'JWE "crit" extensions are not supported');
  if (h.cty !== MESSAGE_TYP) fail('algorithm_not_allowed', `JWE cty must be "${MESSAGE_TYP}"`);
  for (const k of Object.keys(h)) if (!JWE_MEMBERS.has(k)) fail('malformed', `JWE header has unexpected member "${k}"`);
  if (typeof h.kid !== 'string' || h.kid === '' || h.kid.length > 128) fail('malformed', 'JWE header has no usable kid');
  return h.kid as string;
}

/** Peeks at the unverified `from` of an inner JWS, only to choose an error code. */
function unverifiedFrom(payloadSegment: string): unknown {
  try {
    const p = decodeJsonSegment(payloadSegment, preciseCodes, 'payload');
    return typeof p === 'object' && p !== null ? (p as Record<string, unknown>).from : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decrypts and verifies a message, checking in this order: size, shape, algorithm allow-lists, recipient key,
 * decryption, inner JWS header, sender key (known, a signing key, not expired), signature, payload schema,
 * sender = key owner, recipient = `self`, and the validity window (`exp`, `iat` with clock skew).
 * @throws FederationError with the code of the first failed check.
 */
export async function openMessage(jwe: string, o: OpenOptions): Promise<OpenedMessage> {
  if (typeof jwe !== 'string') return fail('malformed', 'message is not a string');
  if (jwe.length > o.maxBytes || Buffer.byteLength(jwe, 'utf8') > o.maxBytes) fail('oversized', `message is larger than ${o.maxBytes} bytes`);
  const [h = '', ek = '', iv = '', ct = '', tag = ''] = splitCompact(jwe, 5, preciseCodes, 'message');
  const jweHeader = decodeJsonSegment(h, preciseCodes, 'JWE header');
  const kid = checkJweHeader(jweHeader);
  if (ek === '' || iv === '' || ct === '' || tag === '') fail('malformed', 'JWE has an empty encrypted key, iv, ciphertext or tag');

  const key = o.decryptionKey(kid);
  if (key === undefined || key.type !== 'private' || key.asymmetricKeyType !== 'x25519')
    fail('unknown_recipient_key', 'message is encrypted for a key this node does not hold');
  let plaintext: Uint8Array;
  try {
    plaintext = jweDecrypt(jwe, jweHeader as { epk?: unknown }, key as KeyObject);
  } catch {
    return fail('decryption_failed', 'message does not decrypt');
  }

  const jws = Buffer.from(plaintext).toString('latin1');
  const [jh = '', jp = ''] = splitCompact(jws, 3, preciseCodes, 'inner JWS');
  const header = checkJwsHeader(decodeJsonSegment(jh, preciseCodes, 'inner JWS header'), MESSAGE_TYP, preciseCodes, 'inner JWS');

  const sender = o.resolveSenderKey(header.kid);
  if (sender === undefined) {
    const from = unverifiedFrom(jp);
    if (o.isKnownNode !== undefined && typeof from === 'string' && o.isKnownNode(from))
      fail('key_not_in_directory', 'message is signed by a key the directory does not list for its sender');
    fail('unknown_sender', 'message is signed by a key the directory does not know');
  }
  const s = sender as SenderKey;
  if (s.publicJwk.crv !== 'Ed25519' || s.publicJwk.use !== 'sig' || s.publicJwk.kid !== header.kid)
    fail('key_not_in_directory', 'the kid of the signature does not name a signing key in the directory');
  if (isExpiredAt(s.expiresAt, o.now)) fail('key_expired', 'message is signed by a retired key whose overlap period is over');

  const payloadBytes = await verifyJws(jws, importPublicJwk(s.publicJwk), preciseCodes, 'message');
  const payload = parseMessagePayload(parseJsonBytes(payloadBytes, preciseCodes, 'message payload'));

  if (payload.from !== s.nodeId) fail('sender_mismatch', 'message "from" is not the node that owns the signing key');
  if (payload.to !== o.self) fail('wrong_recipient', 'message is addressed to another node');
  const skew = o.clockSkewSeconds ?? 300;
  const now = Math.floor(o.now.getTime() / 1000);
  if (payload.exp < now - skew) fail('expired', 'message has expired');
  if (payload.iat > now + skew) fail('not_yet_valid', 'message is issued in the future');
  return { payload, digest: messageDigest(jwe), senderKid: header.kid };
}
