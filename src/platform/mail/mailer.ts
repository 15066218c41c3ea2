import { createTransport } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { ConfigError } from '../config/load.ts';
import type { Logger } from '../logger.ts';
import { hasControlCharacter, isAddress, parseMailbox, type Mailbox } from './address.ts';
import { MailError } from './errors.ts';
import { parseSmtpUrl, type SmtpSettings } from './smtp-url.ts';

/**
 * Sends plain-text e-mail (reminders of legal clocks) through the SMTP server the node is configured with. E-mail
 * is a second channel: the application shows every reminder in-app, so a failed send is logged and reported to
 * the caller, never retried here (the reminder job runs again on its next tick).
 *
 * Security: the SMTP password is used only by nodemailer and appears in no log line and no error; credentials are
 * never sent in clear to a host that is not loopback (see `SmtpSettings.requireTls`); certificates are verified;
 * every header value is checked for line breaks (header injection); nodemailer may not read files or URLs.
 */

export interface MailMessage {
  /** Bare addresses (`officer@ca.xb.example`), 1 to `MAX_RECIPIENTS`. */
  readonly to: readonly string[];
  /** One line, at most `MAX_SUBJECT` characters. */
  readonly subject: string;
  /** The body, plain text (line breaks allowed), at most `MAX_TEXT` characters. */
  readonly text: string;
}

export interface SendResult {
  /** Recipients the server accepted. */
  readonly accepted: string[];
  /** Recipients the server refused (the others were still sent to). */
  readonly rejected: string[];
}

export interface Mailer {
  /**
   * Sends one message. Throws `MailError`: `invalid_message` (nothing was sent), `send_failed` (server unreachable,
   * timed out, credentials or TLS refused, every recipient rejected), `closed`.
   */
  send(msg: MailMessage): Promise<SendResult>;
  /** Releases the transport; later sends throw `MailError('closed')`. Idempotent. */
  close(): void;
}

export interface MailerOptions {
  /** The `smtpUrl` setting; empty means "no e-mail" and `createMailer` returns null. */
  readonly smtpUrl: string;
  /** The `smtpFrom` setting: `address` or `Display Name <address>`. */
  readonly from: string;
  readonly logger?: Logger;
  /** Connection, greeting, socket-inactivity and DNS timeouts in milliseconds (default 10 s). */
  readonly timeoutMs?: number;
}

export const MAX_RECIPIENTS = 100;
export const MAX_SUBJECT = 500;
export const MAX_TEXT = 200_000;
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The mailer for `opts.smtpUrl`, or null when it is empty (reminders stay in the application). Throws
 * `ConfigError` naming `smtpUrl` (not an `smtp://`/`smtps://` URL, bad host or port, a path or query) or
 * `smtpFrom` (missing when `smtpUrl` is set, or not an address). Does not connect: a server that is down at start
 * shows up at the first send, so the node still starts.
 */
export function createMailer(opts: MailerOptions): Mailer | null {
  if (opts.smtpUrl.trim() === '') return null;
  const settings = parseSmtpUrl(opts.smtpUrl);
  if (opts.from.trim() === '') throw new ConfigError('invalid configuration: smtpFrom is required when smtpUrl is set');
  const from = parseMailbox(opts.from);
  if (!from) {
    throw new ConfigError('invalid configuration: smtpFrom must be an e-mail address, optionally with a name: "Comity XA <comity@ca.xa.example>"');
  }
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeout) || timeout < 1) throw new RangeError('createMailer: timeoutMs must be a positive integer');
  return new SmtpMailer(settings, from, timeout, opts.logger);
}

/** What the logs may say about the server: never the user name or the password. */
function describe(s: SmtpSettings): Record<string, unknown> {
  const tls = s.secure ? 'implicit' : s.requireTls ? 'starttls_required' : 'starttls_if_offered';
  return { host: s.host, port: s.port, tls, auth: s.auth !== null };
}

function validate(msg: MailMessage): void {
  const bad = (why: string): MailError => new MailError('invalid_message', `cannot send e-mail: ${why}`);
  if (!Array.isArray(msg.to) || msg.to.length === 0) throw bad('no recipient');
  if (msg.to.length > MAX_RECIPIENTS) throw bad(`more than ${MAX_RECIPIENTS} recipients`);
  msg.to.forEach((a, i) => {
    if (typeof a !== 'string' || hasControlCharacter(a)) throw bad(`recipient ${i + 1} holds a line break or control character`);
    if (!isAddress(a)) throw bad(`recipient ${i + 1} is not a valid e-mail address`);
  });
  if (typeof msg.subject !== 'string' || msg.subject.trim() === '') throw bad('empty subject');
  if (hasControlCharacter(msg.subject)) throw bad('the subject holds a line break or control character');
  if (msg.subject.length > MAX_SUBJECT) throw bad(`the subject is longer than ${MAX_SUBJECT} characters`);
  if (typeof msg.text !== 'string' || msg.text.trim() === '') throw bad('empty text');
  if (msg.text.length > MAX_TEXT) throw bad(`the text is longer than ${MAX_TEXT} characters`);
}

const addressOf = (a: string | { address: string }): string => (typeof a === 'string' ? a : a.address);

class SmtpMailer implements Mailer {
  readonly #transport: ReturnType<typeof createTransport<SMTPTransport.SentMessageInfo>>;
  readonly #from: Mailbox;
  readonly #settings: SmtpSettings;
  readonly #logger: Logger | undefined;
  /** Every form of the secret that could surface in a message from nodemailer or the server. */
  readonly #secrets: string[];
  #closed = false;

  constructor(settings: SmtpSettings, from: Mailbox, timeout: number, logger: Logger | undefined) {
    this.#settings = settings;
    this.#from = from;
    this.#logger = logger;
    const pass = settings.auth?.pass ?? '';
    const user = settings.auth?.user ?? '';
    const base64 = (v: string): string => Buffer.from(v).toString('base64');
    this.#secrets = pass === '' ? [] : [pass, encodeURIComponent(pass), base64(pass), base64(`\u0000${user}\u0000${pass}`)];
    const options: SMTPTransport.Options = {
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTls,
      ...(settings.auth ? { auth: { user: settings.auth.user, pass: settings.auth.pass } } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      dnsTimeout: timeout,
      tls: { minVersion: 'TLSv1.2', rejectUnauthorized: true },
      // nodemailer's own logger would print the SMTP conversation; we log outcomes only.
      logger: false,
      debug: false,
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    this.#transport = createTransport(options);
    logger?.info({ smtp: describe(settings) }, 'e-mail: SMTP mailer configured');
  }

  async send(msg: MailMessage): Promise<SendResult> {
    if (this.#closed) throw new MailError('closed', 'cannot send e-mail: the mailer is closed');
    validate(msg);
    try {
      const info = await this.#transport.sendMail({
        from: { name: this.#from.name, address: this.#from.address },
        to: [...msg.to],
        subject: msg.subject,
        text: msg.text,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      const result: SendResult = { accepted: info.accepted.map(addressOf), rejected: info.rejected.map(addressOf) };
      this.#logger?.info(
        { smtp: describe(this.#settings), mail: { messageId: info.messageId, accepted: result.accepted.length, rejected: result.rejected.length } },
        'e-mail: sent',
      );
      return result;
    } catch (e) {
      const err = this.#failure(e);
      this.#logger?.warn({ smtp: describe(this.#settings), mail: { error: err.message } }, 'e-mail: not sent');
      throw err;
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#transport.close();
  }

  /** A `send_failed` error with nodemailer's code and message, scrubbed of every form of the password. */
  #failure(e: unknown): MailError {
    const raw = e instanceof Error ? e : new Error(String(e));
    const code = (raw as { code?: unknown }).code;
    const responseCode = (raw as { responseCode?: unknown }).responseCode;
    const tags = [typeof code === 'string' ? code : null, typeof responseCode === 'number' ? String(responseCode) : null].filter((x) => x !== null);
    let text = raw.message.replace(/[\r\n]+/g, ' ').slice(0, 500);
    for (const secret of this.#secrets) text = text.split(secret).join('[redacted]');
    const where = `${this.#settings.host}:${this.#settings.port}`;
    return new MailError('send_failed', `e-mail to ${where} failed${tags.length > 0 ? ` (${tags.join(' ')})` : ''}: ${text}`);
  }
}
