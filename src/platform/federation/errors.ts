/**
 * The closed set of error codes of the federation's cryptographic core. Callers `switch` on `code` (the inbox
 * maps each to a refusal, the CLI to a message); messages say what was wrong in terms an operator can act on and
 * never echo message content, bodies, keys or signatures.
 *
 * - `malformed`: not a compact JWE/JWS, undecodable header, or a payload that breaks its schema.
 * - `oversized`: more bytes than the caller allows (checked before anything is parsed).
 * - `algorithm_not_allowed`: an algorithm, `typ`/`cty`, `zip` or `crit` outside the allow-lists.
 * - `unknown_recipient_key`: the JWE names a key we do not hold (or no longer hold).
 * - `decryption_failed`: the JWE does not decrypt under the named key (tampered or not for us).
 * - `unknown_sender`: the signing key is unknown and so is (as far as we can tell) the sender.
 * - `key_not_in_directory`: the signing key is not a signing key listed in the directory.
 * - `key_expired`: the signing key is listed but its retirement period is over.
 * - `bad_signature`: the JWS does not verify under the listed key.
 * - `sender_mismatch`: `from` is not the node that owns the signing key.
 * - `wrong_recipient`: `to` is not this node.
 * - `expired` / `not_yet_valid`: outside the message's validity window (with clock skew).
 * - `bad_receipt`: a delivery receipt that is malformed, wrongly signed or for something else.
 * - `bad_directory`: a directory document that is unsigned, wrongly signed or breaks the schema.
 * - `directory_rollback`: a directory older than (or conflicting with) the one already accepted.
 * - `bad_node_card`: a node card that is malformed or not signed by one of its own keys.
 */
export type FederationErrorCode =
  | 'malformed'
  | 'oversized'
  | 'algorithm_not_allowed'
  | 'unknown_recipient_key'
  | 'decryption_failed'
  | 'unknown_sender'
  | 'key_not_in_directory'
  | 'key_expired'
  | 'bad_signature'
  | 'sender_mismatch'
  | 'wrong_recipient'
  | 'expired'
  | 'not_yet_valid'
  | 'bad_receipt'
  | 'bad_directory'
  | 'directory_rollback'
  | 'bad_node_card';

/** Every code, for exhaustive mapping tables and tests. */
export const FEDERATION_ERROR_CODES: readonly FederationErrorCode[] = [
  'malformed',
  'oversized',
  'algorithm_not_allowed',
  'unknown_recipient_key',
  'decryption_failed',
  'unknown_sender',
  'key_not_in_directory',
  'key_expired',
  'bad_signature',
  'sender_mismatch',
  'wrong_recipient',
  'expired',
  'not_yet_valid',
  'bad_receipt',
  'bad_directory',
  'directory_rollback',
  'bad_node_card',
];

/** The one error type thrown by the federation's pure modules. */
export class FederationError extends Error {
  readonly code: FederationErrorCode;

  constructor(code: FederationErrorCode, message: string) {
    super(message);
    this.name = 'FederationError';
    this.code = code;
  }
}

/** True when `e` is a `FederationError` (optionally with the given code). */
export function isFederationError(e: unknown, code?: FederationErrorCode): e is FederationError {
  return e instanceof FederationError && (code === undefined || e.code === code);
}
