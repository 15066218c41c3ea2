import { FederationError, type FederationErrorCode } from './errors.ts';

/**
 * The signed content of a federation message (DESIGN §5). Every member is required and no other member is
 * allowed; `body` is the module-specific JSON object, validated by the module that owns `type`.
 */
export interface MessagePayload {
  /** UUIDv7 chosen by the sender; the inbox deduplicates on it. */
  id: string;
  /** Message type, `[a-z0-9][a-z0-9._-]{0,63}` (e.g. `mla.request`). */
  type: string;
  /** Sender node id. */
  from: string;
  /** Recipient node id. */
  to: string;
  /** Issued at, unix seconds. */
  iat: number;
  /** Expires at, unix seconds (≥ iat). */
  exp: number;
  /** Conversation UUID; messages are ordered by `seq` within it. */
  conversation: string;
  /** Position in the conversation, an integer ≥ 1. */
  seq: number;
  /** JSON object. */
  body: unknown;
}

const MEMBERS = ['id', 'type', 'from', 'to', 'iat', 'exp', 'conversation', 'seq', 'body'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TYPE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** Node ids: lower-case letters, digits, '.', '_', '-'; 1–64 characters (a lower-case UUID fits). */
export const NODE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** True for a syntactically valid node id. */
export function isNodeId(s: unknown): s is string {
  return typeof s === 'string' && NODE_ID.test(s);
}

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validates an untrusted message payload strictly (exact member set, formats, `exp ≥ iat`).
 * @throws FederationError `code` (default 'malformed') naming the offending member, never its value.
 */
export function parseMessagePayload(value: unknown, code: FederationErrorCode = 'malformed'): MessagePayload {
  const bad = (why: string): never => {
    throw new FederationError(code, `message payload: ${why}`);
  };
  if (!isJsonObject(value)) return bad('must be a JSON object');
  for (const k of Object.keys(value)) if (!(MEMBERS as readonly string[]).includes(k)) bad(`unexpected member "${k}"`);
  for (const k of MEMBERS) if (!(k in value)) bad(`missing member "${k}"`);
  const v = value as Record<(typeof MEMBERS)[number], unknown>;
  if (typeof v.id !== 'string' || !UUID_V7.test(v.id)) bad('id must be a lower-case UUIDv7');
  if (typeof v.type !== 'string' || !TYPE.test(v.type)) bad('type must match [a-z0-9][a-z0-9._-]{0,63}');
  if (!isNodeId(v.from)) bad('from must be a node id');
  if (!isNodeId(v.to)) bad('to must be a node id');
  if (!Number.isSafeInteger(v.iat) || (v.iat as number) < 0) bad('iat must be a non-negative integer (unix seconds)');
  if (!Number.isSafeInteger(v.exp) || (v.exp as number) < (v.iat as number)) bad('exp must be an integer not before iat');
  if (typeof v.conversation !== 'string' || !UUID.test(v.conversation)) bad('conversation must be a lower-case UUID');
  if (!Number.isSafeInteger(v.seq) || (v.seq as number) < 1) bad('seq must be an integer ≥ 1');
  if (!isJsonObject(v.body)) bad('body must be a JSON object');
  return {
    id: v.id as string,
    type: v.type as string,
    from: v.from as string,
    to: v.to as string,
    iat: v.iat as number,
    exp: v.exp as number,
    conversation: v.conversation as string,
    seq: v.seq as number,
    body: v.body,
  };
}

/** Alias of `parseMessagePayload` that only asserts (for senders checking what they are about to seal). */
export function assertMessagePayload(value: unknown): asserts value is MessagePayload {
  parseMessagePayload(value);
}
