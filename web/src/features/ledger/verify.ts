/**
 * Receipt verification in the browser, with WebCrypto only (SHA-256, Ed25519) and no code shared with the node:
 * the formats of docs/ledger.md, checked the way `comity ledger receipt-verify` and Go's tlog/note do.
 *
 * 1. parse the verifier key `name+keyid+base64(0x01 ‖ pubkey)` and check its key id;
 * 2. open the checkpoint note: a signature line by that key name and key id must verify (Ed25519 over the body);
 *    the checkpoint's origin must be the key name; other signatures are ignored;
 * 3. recompute the root from SHA-256(0x00 ‖ leaf) and the inclusion proof (RFC 9162 §2.1.3.2) and compare it
 *    with the signed root;
 * 4. decode the leaf: `seq` must be the receipt's index and `node` the origin.
 *
 * Nothing read from the receipt is trusted before the step that checks it. Pure: no DOM, no network.
 */

type Bytes = Uint8Array<ArrayBuffer>;

export type VerifyErrorCode = 'bad_receipt' | 'bad_key' | 'bad_note' | 'no_signature' | 'bad_signature' | 'origin_mismatch' | 'bad_proof' | 'bad_leaf';

export class VerifyError extends Error {
  readonly code: VerifyErrorCode;
  constructor(code: VerifyErrorCode, message: string) {
    super(message);
    this.name = 'VerifyError';
    this.code = code;
  }
}

export interface ReceiptInput {
  v: number;
  index: string;
  leaf: string;
  proof: string[];
  checkpoint: string;
}

export interface VerifiedReceipt {
  origin: string;
  size: number;
  rootHash: string;
  index: number;
  entry: { action: string; actor: string; at: string; object: { type: string; id: string }; seq: number; node: string };
}

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: string;
}

const fail = (code: VerifyErrorCode, message: string): never => {
  throw new VerifyError(code, message);
};

function copy(a: ArrayLike<number>): Bytes {
  const out = new Uint8Array(new ArrayBuffer(a.length));
  out.set(Array.from(a));
  return out;
}

function concat(...parts: ArrayLike<number>[]): Bytes {
  const out = new Uint8Array(new ArrayBuffer(parts.reduce((n, p) => n + p.length, 0)));
  let o = 0;
  for (const p of parts) {
    out.set(Array.from(p), o);
    o += p.length;
  }
  return out;
}

const utf8 = (s: string): Bytes => copy(new TextEncoder().encode(s));

/** Standard base64 (RFC 4648 §4), canonical only: what the node writes. */
export function fromBase64(s: string, code: VerifyErrorCode): Bytes {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) fail(code, 'not canonical base64');
  const bin = atob(s);
  const out = copy(Array.from(bin, (c) => c.charCodeAt(0)));
  if (toBase64(out) !== s) fail(code, 'not canonical base64');
  return out;
}

export function toBase64(b: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i] ?? 0);
  return btoa(s);
}

async function sha256(...parts: ArrayLike<number>[]): Promise<Bytes> {
  return copy(new Uint8Array(await crypto.subtle.digest('SHA-256', concat(...parts))));
}

const equal = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.from(a).every((x, i) => x === b[i]);
const hex = (b: ArrayLike<number>): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export interface VerifierKey {
  name: string;
  keyId: Bytes;
  publicKey: Bytes;
}

/** `name+hexkeyid+base64(0x01 ‖ public key)`, split at the first two '+'; the key id must match. */
export async function parseVerifierKey(vkey: string): Promise<VerifierKey> {
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/.exec(vkey.trim());
  if (!m) return fail('bad_key', 'the verifier key is not name+keyid+key');
  const [, name = '', id = '', b64 = ''] = m;
  const raw = fromBase64(b64, 'bad_key');
  if (raw.length !== 33 || raw[0] !== 0x01) fail('bad_key', 'not an Ed25519 verifier key');
  const publicKey = copy(raw.subarray(1));
  const keyId = copy((await sha256(utf8(name), [0x0a, 0x01], publicKey)).subarray(0, 4));
  if (hex(keyId) !== id) fail('bad_key', 'the key id does not match the key');
  return { name, keyId, publicKey };
}

/** Parses a checkpoint body (origin, size, root); extension lines are ignored. */
export function parseCheckpointBody(body: string): Checkpoint {
  const lines = body.split('\n');
  const [origin = '', size = '', root = ''] = lines;
  if (lines.length < 4 || lines.at(-1) !== '' || !origin || !/^(0|[1-9][0-9]{0,15})$/.test(size)) fail('bad_note', 'not a checkpoint');
  if (fromBase64(root, 'bad_note').length !== 32) fail('bad_note', 'the root hash is not 32 bytes');
  return { origin, size: Number(size), rootHash: root };
}

/** Opens a signed note with one trusted key: returns the checkpoint when a signature by that key verifies. */
export async function openCheckpoint(note: string, key: VerifierKey): Promise<Checkpoint> {
  const split = note.indexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return fail('bad_note', 'the note has no signature block');
  const body = note.slice(0, split + 1);
  const sigLines = note.slice(split + 2, -1).split('\n');
  const cryptoKey = await crypto.subtle.importKey('raw', key.publicKey, { name: 'Ed25519' }, false, ['verify']);
  let matched = false;
  for (const line of sigLines) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m) fail('bad_note', 'a signature line is malformed');
    const [, name = '', b64 = ''] = m ?? [];
    if (name !== key.name) continue;
    const raw = fromBase64(b64, 'bad_note');
    if (raw.length !== 4 + 64 || !equal(raw.subarray(0, 4), key.keyId)) continue;
    matched = true;
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, copy(raw.subarray(4)), utf8(body));
    if (!ok) fail('bad_signature', 'the signature by the trusted key does not verify');
  }
  if (!matched) fail('no_signature', 'the checkpoint is not signed by the trusted key');
  const cp = parseCheckpointBody(body);
  if (cp.origin !== key.name) fail('origin_mismatch', 'the checkpoint names another log than the key');
  return cp;
}

/** RFC 9162 §2.1.3.2: the root implied by a leaf hash at `index` in a tree of `size` leaves and its proof. */
export async function rootFromInclusionProof(index: number, size: number, leafHash: Bytes, proof: readonly Bytes[]): Promise<Bytes> {
  if (!(index >= 0 && index < size)) fail('bad_proof', 'the index is outside the tree');
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) fail('bad_proof', 'the proof is too long');
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256([0x01], p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await sha256([0x01], r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) fail('bad_proof', 'the proof is too short');
  return r;
}

function parseReceipt(json: unknown): ReceiptInput {
  const r = json as Partial<ReceiptInput> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    r.v !== 1 ||
    typeof r.index !== 'string' ||
    !/^(0|[1-9][0-9]{0,15})$/.test(r.index) ||
    typeof r.leaf !== 'string' ||
    !Array.isArray(r.proof) ||
    !r.proof.every((p) => typeof p === 'string') ||
    typeof r.checkpoint !== 'string'
  )
    return fail('bad_receipt', 'not a Comity receipt (v, index, leaf, proof, checkpoint)');
  return r as ReceiptInput;
}

/**
 * Verifies a receipt (parsed JSON or its text) against a verifier key obtained from a trusted channel.
 * @throws VerifyError with the first check that failed.
 */
export async function verifyReceipt(receipt: unknown, vkey: string): Promise<VerifiedReceipt> {
  let json = receipt;
  if (typeof receipt === 'string') {
    try {
      json = JSON.parse(receipt);
    } catch {
      fail('bad_receipt', 'the receipt is not JSON');
    }
  }
  const r = parseReceipt(json);
  const key = await parseVerifierKey(vkey);
  const cp = await openCheckpoint(r.checkpoint, key);
  const index = Number(r.index);
  const leaf = fromBase64(r.leaf, 'bad_receipt');
  const proof = r.proof.map((p) => {
    const b = fromBase64(p, 'bad_proof');
    if (b.length !== 32) fail('bad_proof', 'a proof hash is not 32 bytes');
    return b;
  });
  const root = await rootFromInclusionProof(index, cp.size, await sha256([0x00], leaf), proof);
  if (!equal(root, fromBase64(cp.rootHash, 'bad_note'))) fail('bad_proof', 'the leaf and proof do not lead to the signed root');
  let entry: VerifiedReceipt['entry'];
  try {
    entry = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(leaf)) as VerifiedReceipt['entry'];
  } catch {
    return fail('bad_leaf', 'the leaf is not a JSON entry');
  }
  if (entry.seq !== index) fail('bad_leaf', 'the entry is not the one at this index');
  if (entry.node !== cp.origin) fail('bad_leaf', 'the entry belongs to another log');
  return { origin: cp.origin, size: cp.size, rootHash: cp.rootHash, index, entry };
}
