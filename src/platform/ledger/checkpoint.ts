import { fromB64, toB64 } from './base64.ts';
import { LedgerError } from './errors.ts';
import { HASH_SIZE } from './merkle.ts';
import { openNote, type NoteVerifier, type OpenedNote } from './note.ts';

/**
 * Checkpoints (c2sp.org/tlog-checkpoint): the signed statement "the log named <origin> has <size> entries and
 * root <hash>". The body is parsed strictly — exactly one spelling per checkpoint — because witnesses compare and
 * countersign these bytes.
 */

/** The body of a checkpoint. `extensions` are the optional lines after the root hash. */
export interface Checkpoint {
  origin: string;
  size: bigint;
  rootHash: Uint8Array;
  extensions: string[];
}

/** A checkpoint opened from a signed note, with the note's text and signatures. */
export interface OpenedCheckpoint extends Checkpoint {
  note: OpenedNote;
}

/** Tree sizes are unsigned 64-bit integers (as in every tlog implementation). */
export const MAX_TREE_SIZE = 2n ** 64n - 1n;
const SIZE = /^(?:0|[1-9][0-9]{0,19})$/;

function malformed(why: string): never {
  throw new LedgerError('ERR_MALFORMED_CHECKPOINT', why);
}

function checkLine(line: string, what: string): void {
  if (typeof line !== 'string' || line === '' || line.includes('\n')) malformed(`${what} must be one non-empty line`);
  if (!line.isWellFormed() || /[\u0000-\u001f]/.test(line)) malformed(`${what} has invalid characters`);
}

/**
 * The checkpoint body: origin, decimal size, base64 root hash, then extension lines, each ending in "\n".
 * @throws LedgerError `ERR_MALFORMED_CHECKPOINT` for an empty or multi-line origin or extension, an extension
 * starting with "— " (`signNote` refuses such text), a size outside 0…2^64−1 or a root hash that is not 32 bytes.
 */
export function formatCheckpoint(c: { origin: string; size: bigint; rootHash: Uint8Array; extensions?: readonly string[] }): string {
  checkLine(c.origin, 'origin');
  if (typeof c.size !== 'bigint' || c.size < 0n || c.size > MAX_TREE_SIZE) malformed('size out of range');
  if (c.rootHash.length !== HASH_SIZE) malformed('root hash must be 32 bytes');
  const ext = c.extensions ?? [];
  for (const e of ext) {
    checkLine(e, 'extension line');
    if (e.startsWith('\u2014 ')) malformed('an extension line may not look like a signature line');
  }
  return [c.origin, c.size.toString(10), toB64(c.rootHash), ...ext].map((l) => `${l}\n`).join('');
}

/**
 * Parses a checkpoint body (the text of its signed note).
 * @throws LedgerError `ERR_MALFORMED_CHECKPOINT` when a line is missing or empty, the size has a sign or leading
 * zeros or exceeds 2^64−1, the root is not canonical base64 of 32 bytes, or the text does not end in "\n".
 */
export function parseCheckpoint(text: string): Checkpoint {
  if (typeof text !== 'string' || !text.endsWith('\n')) malformed('checkpoint must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  const [origin = '', sizeText = '', root = '', ...extensions] = lines;
  if (lines.length < 3) malformed('checkpoint needs origin, size and root hash lines');
  checkLine(origin, 'origin');
  if (!SIZE.test(sizeText)) malformed('size is not a canonical decimal number');
  const size = BigInt(sizeText);
  if (size > MAX_TREE_SIZE) malformed('size out of range');
  const rootHash = fromB64(root, 'ERR_MALFORMED_CHECKPOINT');
  if (rootHash.length !== HASH_SIZE) malformed('root hash must be 32 bytes');
  for (const e of extensions) checkLine(e, 'extension line');
  return { origin, size, rootHash, extensions };
}

/**
 * Opens a signed checkpoint with exactly one allowed key, whose name must be the checkpoint's origin (and
 * `expectedOrigin` when given) — a log signs under its own name.
 * @throws LedgerError the codes of `openNote` (`ERR_MALFORMED_NOTE`, `ERR_NOTE_SIGNATURE`, `ERR_UNKNOWN_KEY`,
 * `ERR_MALFORMED_KEY`) and of `parseCheckpoint`; `ERR_MALFORMED_CHECKPOINT` when the origin is not the key name
 * or not `expectedOrigin`.
 */
export function openCheckpoint(note: string | Uint8Array, verifier: NoteVerifier, expectedOrigin?: string): OpenedCheckpoint {
  if (expectedOrigin !== undefined && expectedOrigin !== verifier.name) {
    malformed('the expected origin is not the name of the verifier key');
  }
  const opened = openNote(note, [verifier]);
  const cp = parseCheckpoint(opened.text);
  if (cp.origin !== verifier.name) malformed('checkpoint origin is not the name of its key');
  return { ...cp, note: opened };
}
