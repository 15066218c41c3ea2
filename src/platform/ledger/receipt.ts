import { fromB64, toB64 } from './base64.ts';
import { openCheckpoint } from './checkpoint.ts';
import { decodeEntry, type LedgerEntry } from './entry.ts';
import { LedgerError } from './errors.ts';
import { HASH_SIZE, leafHash, verifyInclusion } from './merkle.ts';
import { parseVerifierKey } from './note.ts';

/**
 * Offline receipts: everything needed to show, without contacting the node, that an entry is in its log — the
 * leaf bytes, an inclusion proof and a checkpoint signed by the node. The verifier trusts only the verifier key
 * it is given; everything in the receipt is checked against it.
 */

/** A receipt as served by the API and kept by the person who asked for it (JSON-serialisable). */
export interface Receipt {
  v: 1;
  /** Leaf index, decimal. */
  index: string;
  /** Leaf bytes, standard base64. */
  leaf: string;
  /** Inclusion proof hashes, standard base64, in RFC 9162 order. */
  proof: string[];
  /** The signed checkpoint note the proof leads to. */
  checkpoint: string;
}

/** What a valid receipt proves. */
export interface VerifiedReceipt {
  entry: LedgerEntry;
  index: bigint;
  size: bigint;
  origin: string;
}

const RECEIPT_KEYS = ['checkpoint', 'index', 'leaf', 'proof', 'v'];
const INDEX = /^(?:0|[1-9][0-9]{0,19})$/;
/** No tree of up to 2^64 leaves needs a longer proof. */
const MAX_PROOF = 64;

function malformed(why: string): never {
  throw new LedgerError('ERR_MALFORMED_RECEIPT', why);
}

/** Assembles a receipt from its parts (the inverse of the parsing done by `verifyReceipt`). */
export function makeReceipt(p: { index: bigint | number; leaf: Uint8Array; proof: readonly Uint8Array[]; checkpoint: string }): Receipt {
  return { v: 1, index: p.index.toString(10), leaf: toB64(p.leaf), proof: p.proof.map(toB64), checkpoint: p.checkpoint };
}

function parseReceipt(x: unknown): { index: bigint; leaf: Uint8Array; proof: Uint8Array[]; checkpoint: string } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) malformed('receipt must be an object');
  const r = x as Record<string, unknown>;
  const keys = Object.keys(r).sort();
  if (keys.length !== RECEIPT_KEYS.length || keys.some((k, i) => k !== RECEIPT_KEYS[i])) malformed('receipt must have exactly v, index, leaf, proof and checkpoint');
  if (r.v !== 1) malformed('unsupported receipt version');
  if (typeof r.index !== 'string' || !INDEX.test(r.index)) malformed('index must be a canonical decimal string');
  if (typeof r.leaf !== 'string' || r.leaf === '') malformed('leaf must be non-empty base64');
  if (!Array.isArray(r.proof) || r.proof.length > MAX_PROOF) malformed(`proof must be an array of at most ${MAX_PROOF} hashes`);
  if (typeof r.checkpoint !== 'string') malformed('checkpoint must be a signed note');
  const proof = r.proof.map((p: unknown) => {
    if (typeof p !== 'string') malformed('proof hashes must be base64 strings');
    const h = fromB64(p, 'ERR_MALFORMED_RECEIPT');
    if (h.length !== HASH_SIZE) malformed('proof hashes must be 32 bytes');
    return h;
  });
  return { index: BigInt(r.index), leaf: fromB64(r.leaf, 'ERR_MALFORMED_RECEIPT'), proof, checkpoint: r.checkpoint };
}

/**
 * Verifies an offline receipt against the node's published verifier key: opens the checkpoint with that key
 * (whose name is the log's origin), checks the inclusion of SHA-256(0x00 ‖ leaf) at `index` in the checkpoint's
 * tree, decodes the entry and checks that it names this log (`node` = origin) and this position (`seq` = index).
 * @throws LedgerError `ERR_MALFORMED_RECEIPT` for a receipt of the wrong shape or an entry that names another log
 * or position; `ERR_MALFORMED_KEY` for an unusable `vkey`; the `openCheckpoint` codes (`ERR_MALFORMED_NOTE`,
 * `ERR_NOTE_SIGNATURE`, `ERR_UNKNOWN_KEY`, `ERR_MALFORMED_CHECKPOINT`); `ERR_PROOF` when the proof fails;
 * `ERR_MALFORMED_ENTRY` when the proven leaf is not a canonical entry.
 */
export function verifyReceipt(receipt: unknown, vkey: string): VerifiedReceipt {
  const r = parseReceipt(receipt);
  const verifier = parseVerifierKey(vkey);
  const cp = openCheckpoint(r.checkpoint, verifier);
  verifyInclusion(r.index, cp.size, leafHash(r.leaf), r.proof, cp.rootHash);
  const entry = decodeEntry(r.leaf);
  if (entry.node !== cp.origin) malformed('the entry names another log');
  if (BigInt(entry.seq) !== r.index) malformed('the entry names another position');
  return { entry, index: r.index, size: cp.size, origin: cp.origin };
}
