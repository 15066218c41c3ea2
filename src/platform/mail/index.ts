/** Outgoing e-mail (reminders): the mailer, its errors and the address rules it applies. */
export { createMailer, DEFAULT_TIMEOUT_MS, MAX_RECIPIENTS, MAX_SUBJECT, MAX_TEXT } from './mailer.ts';
export type { Mailer, MailerOptions, MailMessage, SendResult } from './mailer.ts';
export { MailError, isMailError } from './errors.ts';
export type { MailErrorCode } from './errors.ts';
export { isAddress, parseMailbox } from './address.ts';
export type { Mailbox } from './address.ts';
export { parseSmtpUrl } from './smtp-url.ts';
export type { SmtpSettings } from './smtp-url.ts';
