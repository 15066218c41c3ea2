/**
 * Format predicates for request field values (RFC 3339 dates and times, IANA time zones, e-mail, international
 * telephone numbers, country and currency codes). Pure, so the completeness checker, the letter and the web UI
 * judge a value the same way.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

function validCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** A calendar date `YYYY-MM-DD` (the `date` kind). */
export function isDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  return m !== null && validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** An RFC 3339 date-time with an offset or `Z` (the `datetime` kind); no leap second, offsets up to ±23:59. */
export function isDateTime(s: string): boolean {
  const m = DATETIME_RE.exec(s);
  if (!m) return false;
  const [h, min, sec] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (!validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) || h > 23 || min > 59 || sec > 59) return false;
  return m[9] === undefined || (Number(m[10]) <= 23 && Number(m[11]) <= 59);
}

/**
 * The instant a date or date-time stands for, in milliseconds: a date-time exactly; a bare date as the start of
 * that day (UTC) or, with `endOfDay`, its last millisecond — so that a period `2026-03-01`–`2026-03-01` is one
 * whole day. `null` when the string is neither.
 */
export function instantOf(s: string, endOfDay = false): number | null {
  if (isDateTime(s)) return Date.parse(s);
  if (isDate(s)) return Date.parse(`${s}T00:00:00Z`) + (endOfDay ? 86_399_999 : 0);
  return null;
}

let zones: ReadonlySet<string> | null = null;

/**
 * An IANA time-zone name the runtime knows (`Intl.supportedValuesOf('timeZone')`), including aliases such as
 * `Asia/Calcutta` and `UTC` that resolve to a canonical zone. Offsets such as `+01:00` are not time zones.
 */
export function isTimeZone(s: string): boolean {
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (zones.has(s)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(s)) return false;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: s }).resolvedOptions().timeZone;
    return zones.has(resolved) || resolved === 'UTC';
  } catch {
    return false;
  }
}

const EMAIL_RE = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** A deliverable-looking address: ASCII local part ≤ 64, dotted domain with a TLD, ≤ 254 in all. */
export function isEmail(s: string): boolean {
  const at = s.lastIndexOf('@');
  if (s.length > 254 || at < 1 || at > 64) return false;
  const local = s.slice(0, at);
  return EMAIL_RE.test(s) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

/** An international number: `+`, the country code, 7–15 digits in all (E.164), spaces, dots, dashes and brackets allowed. */
export function isPhone(s: string): boolean {
  if (!/^\+[0-9 ().-]+$/.test(s)) return false;
  return /^\+[1-9][0-9]{6,14}$/.test(s.replace(/[ ().-]/g, ''));
}

/** ISO 3166-1 alpha-2 in capitals (user-assigned codes such as XA are accepted). */
export function isCountry(s: string): boolean {
  return /^[A-Z]{2}$/.test(s);
}

/** ISO 4217 (`EUR`) or a virtual-asset ticker (`BTC`, `USDT`): 3–10 capitals or digits, starting with a letter. */
export function isCurrency(s: string): boolean {
  return /^[A-Z][A-Z0-9]{2,9}$/.test(s);
}
