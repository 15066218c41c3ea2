import { importPublicJwk, isExpiredAt } from './jwk.ts';
import { inspectJws, parseJsonBytes, signJws, singleCode, verifyJws, type JwsSigner } from './compact-jws.ts';
import type { SenderKey } from './envelope.ts';
import { FederationError } from './errors.ts';
import { isJsonObject, isNodeId } from './message.ts';

/**
 * Delivery receipts (DESIGN §5): the receiving node signs, as a compact JWS `{alg:'EdDSA',
 * typ:'comity-receipt+jws', kid}`, that it stored message `msg` whose JWE bytes hash to `digest`. The sender
 * marks a message delivered only on a receipt that verifies and matches what it sent.
 */
export interface ReceiptPayload {
  /** The message id. */
  msg: string;
  /** `messageDigest` of the exact JWE delivered. */
  digest: string;
  /** Node id of the message's sender. */
  from: string;
  /** Node id of the receiving node (the signer). */
  by: string;
  /** When the receiver stored the message, ISO 8601 UTC (`toISOString()` form). */
  receivedAt: string;
}

export const RECEIPT_TYP = 'comity-receipt+jws';
/** Receipts are small; anything larger is refused before parsing. */
export const MAX_RECEIPT_BYTES = 8192;

const MEMBERS = ['msg', 'digest', 'from', 'by', 'receivedAt'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DIGEST = /^[A-Za-z0-9_-]{43}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;
const code = singleCode('bad_receipt');

function bad(why: string): never {
  throw new FederationError('bad_receipt', `receipt: ${why}`);
}

/** Validates a receipt payload strictly (exact member set and formats). */
export function parseReceiptPayload(value: unknown): ReceiptPayload {
  if (!isJsonObject(value)) return bad('payload must be a JSON object');
  for (const k of Object.keys(value)) if (!MEMBERS.includes(k)) bad(`unexpected member "${k}"`);
  const v = value as Record<string, unknown>;
  if (typeof v.msg !== 'string' || !UUID.test(v.msg)) bad('msg must be a message id');
  if (typeof v.digest !== 'string' || !DIGEST.test(v.digest)) bad('digest must be a base64url SHA-256');
  if (!isNodeId(v.from)) bad('from must be a node id');
  if (!isNodeId(v.by)) bad('by must be a node id');
  if (typeof v.receivedAt !== 'string' || !ISO.test(v.receivedAt) || Number.isNaN(Date.parse(v.receivedAt))) bad('receivedAt must be an ISO 8601 UTC time');
  return { msg: v.msg as string, digest: v.digest as string, from: v.from as string, by: v.by as string, receivedAt: v.receivedAt as string };
}

/** Signs a receipt with the receiving node's active signing key. */
export async function signReceipt(r: ReceiptPayload, signer: JwsSigner): Promise<string> {
  return signJws(parseReceiptPayload(r), RECEIPT_TYP, signer);
}

/** What a sender checks a receipt against. */
export interface VerifyReceiptOptions {
  /** The message as sent: id, digest of the JWE, the intended recipient (`by`) and ourselves (`from`). */
  expect: { msg: string; digest: string; by: string; from: string };
  /** The directory's key for a `kid` (e.g. `directoryKeyIndex(doc).resolve`). */
  resolveKey(kid: string): SenderKey | undefined;
  now: Date;
}

/**
 * Verifies a receipt: profile header, a listed non-expired signing key of the node `expect.by`, the signature,
 * the payload schema, and every member against `expect`.
 * @throws FederationError 'bad_receipt' on any failure.
 */
export async function verifyReceipt(jws: string, o: VerifyReceiptOptions): Promise<ReceiptPayload> {
  if (typeof jws === 'string' && jws.length > MAX_RECEIPT_BYTES) bad('larger than allowed');
  const { header } = inspectJws(jws, RECEIPT_TYP, code, 'receipt');
  const key = o.resolveKey(header.kid);
  if (key === undefined) return bad('signed by a key the directory does not list');
  if (key.publicJwk.crv !== 'Ed25519' || key.publicJwk.use !== 'sig' || key.publicJwk.kid !== header.kid) bad('kid does not name a signing key');
  if (isExpiredAt(key.expiresAt, o.now)) bad('signed by an expired key');
  if (key.nodeId !== o.expect.by) bad('signed by a node other than the recipient');
  const r = parseReceiptPayload(parseJsonBytes(await verifyJws(jws, importPublicJwk(key.publicJwk), code, 'receipt'), code, 'receipt payload'));
  if (r.msg !== o.expect.msg) bad('is for another message');
  if (r.digest !== o.expect.digest) bad('digest does not match the message sent');
  if (r.by !== o.expect.by) bad('"by" is not the recipient');
  if (r.from !== o.expect.from) bad('"from" is not the sender');
  return r;
}
