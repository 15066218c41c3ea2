/**
 * The closed set of error codes of the node's key files. Messages name files and what to do, never key material
 * or the passphrase.
 *
 * - `passphrase_required`: a key file is sealed and no passphrase was given.
 * - `passphrase_wrong`: the passphrase does not open a sealed key file.
 * - `malformed_key_file`: a key file or the key index is unreadable, tampered with or inconsistent.
 * - `incomplete_key_set`: an operation needs keys the folder does not have (e.g. rotating before creation).
 */
export type KeyErrorCode = 'passphrase_required' | 'passphrase_wrong' | 'malformed_key_file' | 'incomplete_key_set';

/** The one error type thrown by `src/platform/keys`. */
export class KeyError extends Error {
  readonly code: KeyErrorCode;

  constructor(code: KeyErrorCode, message: string) {
    super(message);
    this.name = 'KeyError';
    this.code = code;
  }
}

/** True when `e` is a `KeyError` (optionally with the given code). */
export function isKeyError(e: unknown, code?: KeyErrorCode): e is KeyError {
  return e instanceof KeyError && (code === undefined || e.code === code);
}
