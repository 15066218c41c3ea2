/**
 * E-mail addresses as the mailer accepts them. Deliberately narrower than RFC 5322: a dot-atom local part and an
 * ASCII (or punycode, `xn--`) domain of at least two labels. Addresses come from the node's configuration and from
 * user profiles; anything cleverer (quoted local parts, comments, group syntax, IP literals) is far more likely a
 * mistake or an injection attempt than a real mailbox of a central authority.
 */

/** An address with an optional display name (`Comity XA <comity@ca.xa.example>`). */
export interface Mailbox {
  /** Empty when the mailbox has no display name. */
  readonly name: string;
  readonly address: string;
}

// C0 and C1 line controls and the Unicode line separators: none may reach a header (header injection).
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;
const ATEXT = "A-Za-z0-9!#$%&'*+/=?^_`{|}~-";
const LOCAL = new RegExp(`^[${ATEXT}]+(?:\\.[${ATEXT}]+)*$`);
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Whether `s` holds a line break or another control character (never allowed in a header value). */
export function hasControlCharacter(s: string): boolean {
  return CONTROL.test(s);
}

/** Whether `s` is a bare address (`local@example.org`) the mailer will send to. */
export function isAddress(s: string): boolean {
  if (s.length > 254 || CONTROL.test(s)) return false;
  const at = s.lastIndexOf('@');
  if (at <= 0) return false;
  const local = s.slice(0, at);
  const labels = s.slice(at + 1).split('.');
  const tld = labels.at(-1) ?? '';
  return local.length <= 64 && LOCAL.test(local) && labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(tld);
}

const WITH_NAME = /^(?:"((?:[^"\\]|\\.)*)"|([^"<>]*?))\s*<([^<>]*)>$/;

/**
 * Parses `address`, `<address>`, `Display Name <address>` or `"Name, Office" <address>`; null when it is none of
 * these or holds a control character. The name is returned unquoted; the mailer hands it to nodemailer as a
 * separate field, which encodes it, so a name can never smuggle a header in.
 */
export function parseMailbox(s: string): Mailbox | null {
  const text = s.trim();
  if (text.length === 0 || text.length > 320 || CONTROL.test(text)) return null;
  if (isAddress(text)) return { name: '', address: text };
  const m = WITH_NAME.exec(text);
  if (!m) return null;
  const [, quoted, plain, address] = m;
  if (address === undefined || !isAddress(address)) return null;
  const name = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (plain ?? '').trim();
  return { name, address };
}
