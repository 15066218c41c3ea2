/**
 * The closed set of error codes of the ledger's cryptographic core. Callers `switch` on `code` (the HTTP layer
 * and the CLI map each one in one place); messages say what was wrong in terms a reader can act on and never
 * echo key material, signatures or note text.
 *
 * - `ERR_MALFORMED_NOTE`: a signed note that does not follow c2sp.org/signed-note (or text that cannot be signed).
 * - `ERR_NOTE_SIGNATURE`: a signature by a known key (name and key id match) that does not verify.
 * - `ERR_UNKNOWN_KEY`: no signature in the note is by a key on the caller's allow-list.
 * - `ERR_MALFORMED_KEY`: a verifier, signer or private key that cannot be used (bad encoding, name, id or type).
 * - `ERR_MALFORMED_CHECKPOINT`: a checkpoint body that does not follow c2sp.org/tlog-checkpoint, or whose origin
 *   is not the one expected.
 * - `ERR_PROOF`: an inclusion or consistency proof that does not verify (for any reason).
 * - `ERR_RANGE`: an index, size or range outside what the tree or the operation allows.
 * - `ERR_MALFORMED_RECEIPT`: an offline receipt whose shape is not the one of `Receipt`.
 * - `ERR_MALFORMED_ENTRY`: ledger leaf bytes or an entry object that are not a canonical `LedgerEntry`.
 * - `ERR_COMMITMENT`: commitment inputs refused (salt too short, details not plain JSON).
 * - `ERR_MALFORMED_BASE64`: text that is not canonical base64 / base64url.
 */
export type LedgerErrorCode =
  | 'ERR_MALFORMED_NOTE'
  | 'ERR_NOTE_SIGNATURE'
  | 'ERR_UNKNOWN_KEY'
  | 'ERR_MALFORMED_KEY'
  | 'ERR_MALFORMED_CHECKPOINT'
  | 'ERR_PROOF'
  | 'ERR_RANGE'
  | 'ERR_MALFORMED_RECEIPT'
  | 'ERR_MALFORMED_ENTRY'
  | 'ERR_COMMITMENT'
  | 'ERR_MALFORMED_BASE64';

/** Every code, for exhaustive mapping tables and tests. */
export const LEDGER_ERROR_CODES: readonly LedgerErrorCode[] = [
  'ERR_MALFORMED_NOTE',
  'ERR_NOTE_SIGNATURE',
  'ERR_UNKNOWN_KEY',
  'ERR_MALFORMED_KEY',
  'ERR_MALFORMED_CHECKPOINT',
  'ERR_PROOF',
  'ERR_RANGE',
  'ERR_MALFORMED_RECEIPT',
  'ERR_MALFORMED_ENTRY',
  'ERR_COMMITMENT',
  'ERR_MALFORMED_BASE64',
];

/** The one error type thrown by the ledger's pure modules. */
export class LedgerError extends Error {
  readonly code: LedgerErrorCode;

  constructor(code: LedgerErrorCode, message: string) {
    super(message);
    this.name = 'LedgerError';
    this.code = code;
  }
}

/** True when `e` is a `LedgerError` (optionally with the given code). */
export function isLedgerError(e: unknown, code?: LedgerErrorCode): e is LedgerError {
  return e instanceof LedgerError && (code === undefined || e.code === code);
}
