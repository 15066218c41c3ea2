import { createPublicKey } from 'node:crypto';
import { inspectJws, parseJsonBytes, signJws, singleCode, verifyJws, type JwsSigner } from './compact-jws.ts';
import { checkNodeFields, type NodeRole } from './directory.ts';
import { FederationError } from './errors.ts';
import { importPublicJwk, isExpiredAt, publicJwkOf, type PublicOkpJwk } from './jwk.ts';
import { isJsonObject } from './message.ts';

/**
 * A node card: what a node says about itself, so the directory authority can list it (the same fields as a
 * `DirectoryNode`, plus the software version and issue time). It is a compact JWS `{alg:'EdDSA',
 * typ:'comity-node+jws', kid}` self-signed by the node's active signing key, which must be one of `keys`: it
 * proves possession of that key, not who the node is — the authority checks that out of band.
 */
export interface NodeCard {
  v: 1;
  nodeId: string;
  state: string;
  name: string;
  roles: NodeRole[];
  endpoint: string;
  keys: PublicOkpJwk[];
  ledger: { origin: string; vkey: string };
  /** Software version of the node. */
  version: string;
  /** ISO 8601 UTC. */
  issuedAt: string;
}

export const NODE_CARD_TYP = 'comity-node+jws';
export const MAX_NODE_CARD_BYTES = 64 * 1024;

const MEMBERS = ['v', 'nodeId', 'state', 'name', 'roles', 'endpoint', 'keys', 'ledger', 'version', 'issuedAt'];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;
const code = singleCode('bad_node_card');

function bad(why: string): never {
  throw new FederationError('bad_node_card', `node card: ${why}`);
}

/** Validates an untrusted node card (exact member set; node fields as in the directory). */
export function parseNodeCard(value: unknown): NodeCard {
  if (!isJsonObject(value)) return bad('must be a JSON object');
  for (const k of Object.keys(value)) if (!MEMBERS.includes(k)) bad(`unexpected member "${k}"`);
  for (const k of MEMBERS) if (!(k in value)) bad(`missing member "${k}"`);
  if (value.v !== 1) bad('v must be 1');
  checkNodeFields(value, 'card', bad);
  if (typeof value.version !== 'string' || !/^[0-9A-Za-z.+_-]{1,64}$/.test(value.version)) bad('version must be a software version');
  if (typeof value.issuedAt !== 'string' || !ISO_TIME.test(value.issuedAt) || Number.isNaN(Date.parse(value.issuedAt))) bad('issuedAt must be an ISO 8601 UTC time');
  return value as unknown as NodeCard;
}

/**
 * Signs a node card with the node's active signing key, whose public JWK must be in `card.keys`.
 * @throws FederationError 'bad_node_card' for an invalid card or a signer not listed in it.
 */
export async function signNodeCard(card: NodeCard, signer: JwsSigner): Promise<string> {
  const checked = parseNodeCard(structuredClone(card));
  const pub = publicJwkOf(createPublicKey(signer.privateKey));
  const listed = checked.keys.find((k) => k.kid === signer.kid);
  if (listed === undefined || listed.use !== 'sig' || pub.kid !== signer.kid) bad('the signing key must be one of the card\'s own signing keys');
  return signJws(card, NODE_CARD_TYP, signer);
}

/**
 * Verifies a self-signed node card: profile header, a `kid` that names a signing key in the card (not expired at
 * `opts.now` when given), the signature under it, and the card schema.
 * @throws FederationError 'bad_node_card'.
 */
export async function verifyNodeCard(jws: string, opts: { now?: Date } = {}): Promise<NodeCard> {
  if (typeof jws === 'string' && jws.length > MAX_NODE_CARD_BYTES) bad('larger than allowed');
  const { header, payload } = inspectJws(jws, NODE_CARD_TYP, code, 'node card');
  const unverified = parseNodeCard(payload);
  const key = unverified.keys.find((k) => k.kid === header.kid);
  if (key === undefined || key.use !== 'sig') return bad('not signed by one of its own signing keys');
  if (opts.now !== undefined && isExpiredAt(key.exp, opts.now)) bad('signed by an expired key');
  return parseNodeCard(parseJsonBytes(await verifyJws(jws, importPublicJwk(key), code, 'node card'), code, 'node card'));
}
