/**
 * The closed set of errors of the mailer once it is configured (configuration problems are `ConfigError`s naming
 * `smtpUrl` or `smtpFrom`). Callers `switch` on `code`: the reminder job logs `send_failed` and retries on its next
 * run, while `invalid_message` is a bug in the caller and `closed` a shutdown race. Messages never carry the SMTP
 * password, nor the message's subject or text.
 *
 * - `invalid_message`: no or too many recipients, an address that is not one, a line break or control character in
 *   a header value (header injection), an empty or oversized subject or text.
 * - `send_failed`: the SMTP server could not be reached, timed out, refused the credentials, refused TLS, or
 *   rejected every recipient.
 * - `closed`: `send` after `close`.
 */
export type MailErrorCode = 'invalid_message' | 'send_failed' | 'closed';

export class MailError extends Error {
  readonly code: MailErrorCode;

  constructor(code: MailErrorCode, message: string) {
    super(message);
    this.name = 'MailError';
    this.code = code;
  }
}

export function isMailError(e: unknown): e is MailError {
  return e instanceof MailError;
}
