/**
 * The closed set of error codes every layer uses. Services throw `AppError`; the HTTP layer maps codes to status
 * and RFC 9457 problem types (src/http/problem.ts), the CLI maps them to exit codes and one line (src/cli/output.ts).
 * Messages are written for the person reading them and never echo a secret.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'totp_required'
  | 'totp_enrollment_required'
  | 'totp_invalid'
  | 'account_locked'
  | 'account_disabled'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'version_conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

/** One field that failed validation. `pointer` is a JSON Pointer (RFC 6901) into the request part named by `in`. */
export interface FieldError {
  in: 'body' | 'query' | 'path' | 'header';
  pointer: string;
  detail: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  /** Seconds after which a retry may succeed (lockout, throttling). */
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, message: string, extra: { errors?: FieldError[]; retryAfter?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.errors = extra.errors;
    this.retryAfter = extra.retryAfter;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Shorthands for the errors services throw most. */
export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
export const forbidden = (why: string): AppError => new AppError('forbidden', why);
export const conflict = (why: string): AppError => new AppError('conflict', why);
export const invalid = (field: string, detail: string): AppError =>
  new AppError('validation_failed', `${field}: ${detail}`, {
    errors: [{ in: 'body', pointer: `/${field.split('.').join('/')}`, detail }],
  });
