import { isIP } from 'node:net';
import { ConfigError } from '../config/load.ts';

/**
 * The `smtpUrl` setting, parsed and checked once at start. Only `smtp://` (port 587 by default, upgraded with
 * STARTTLS when the server offers it) and `smtps://` (port 465 by default, TLS from the first byte) are accepted,
 * with an optional `user:password@` (percent-encoded). Paths, query strings and fragments are refused rather than
 * ignored: nodemailer reads options from a URL's query, and an operator who writes `?tls.rejectUnauthorized=false`
 * must learn it has no effect instead of believing it took.
 *
 * Errors name the key and never echo the URL, which may hold a password.
 */

export interface SmtpSettings {
  /** Host name or IP address (IPv6 without brackets). */
  readonly host: string;
  readonly port: number;
  /** `smtps://`: TLS from the first byte. */
  readonly secure: boolean;
  readonly auth: { readonly user: string; readonly pass: string } | null;
  /**
   * STARTTLS is mandatory: credentials are sent over `smtp://` to a host that is not loopback, so a server (or a
   * man in the middle) that does not offer STARTTLS must not receive them in clear.
   */
  readonly requireTls: boolean;
}

const fail = (why: string): ConfigError => new ConfigError(`invalid configuration: smtpUrl ${why}`);

const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Loopback hosts, where credentials in clear never leave the machine (the HTTP server has the same rule). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw fail(`has a badly percent-encoded ${what}`);
  }
}

/** Parses a non-empty `smtpUrl`. Throws `ConfigError` naming `smtpUrl` and what is wrong with it. */
export function parseSmtpUrl(smtpUrl: string): SmtpSettings {
  let url: URL;
  try {
    url = new URL(smtpUrl.trim());
  } catch {
    throw fail('must be a URL such as smtp://user:password@mail.example.org:587 or smtps://mail.example.org:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw fail(`must use smtp:// (STARTTLS) or smtps:// (TLS), not ${JSON.stringify(url.protocol.slice(0, 20))}`);
  }
  const secure = url.protocol === 'smtps:';
  const bracketed = /^\[(.*)\]$/.exec(url.hostname);
  const host = bracketed?.[1] ?? url.hostname;
  const validHost = bracketed ? isIP(host) === 6 : isIP(host) === 4 || (host.length <= 253 && host.split('.').every((l) => HOST_LABEL.test(l)));
  if (host.length === 0 || !validHost) throw fail('must name the SMTP server: a host name or an IP address');
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw fail('must have a port from 1 to 65535');
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    throw fail('must not have a path, query string or fragment (options in the URL are not supported)');
  }
  if (url.password !== '' && url.username === '') throw fail('has a password but no user name');
  const auth = url.username === '' ? null : { user: decode(url.username, 'user name'), pass: decode(url.password, 'password') };
  return Object.freeze({ host, port, secure, auth, requireTls: auth !== null && !secure && !isLoopbackHost(host) });
}
