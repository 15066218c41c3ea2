/**
 * Wall-clock times in a named time zone (IANA), with Intl only: the drafter types a local date and time "in
 * Europe/Paris" and the request carries RFC 3339 with the offset that zone had at that moment. Pure.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Whether `tz` is a time zone this browser knows. */
export function isTimeZone(tz: string): boolean {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The offset of `tz` from UTC at `instant`, in minutes (east positive). */
export function offsetMinutes(tz: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/** `+05:30`, `-03:00`, `Z` for zero. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * `YYYY-MM-DDTHH:mm` read as a wall-clock time in `tz` → RFC 3339 with that zone's offset (`…+01:00`). In a
 * daylight-saving gap the time is moved forward by the gap, as the law of most States does; in the repeated hour
 * the first occurrence is taken. Null when the input is not a valid local time or the zone is unknown.
 */
export function zonedToIso(local: string, tz: string): string | null {
  const m = LOCAL.exec(local);
  if (!m || !isTimeZone(tz)) return null;
  const [, y, mo, d, h, mi, s] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0'));
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h) || check.getUTCMonth() !== Number(mo) - 1) return null;
  // The offsets in force around that day (a zone changes its offset at most once a day).
  const candidates = [...new Set([-86_400_000, 0, 86_400_000].map((d) => offsetMinutes(tz, new Date(wall + d))))];
  // An offset is right when the instant it gives has that offset; two are right in the repeated hour (take the
  // first occurrence: the larger offset), none in a gap (take the offset before the gap: the smaller one).
  const valid = candidates.filter((o) => offsetMinutes(tz, new Date(wall - o * 60_000)) === o);
  const off = valid.length > 0 ? Math.max(...valid) : Math.min(...candidates);
  const instant = new Date(wall - off * 60_000);
  const actual = offsetMinutes(tz, instant);
  const shown = new Date(instant.getTime() + actual * 60_000).toISOString().slice(0, 19);
  return `${shown}${formatOffset(actual)}`;
}

/** An RFC 3339 instant shown as `YYYY-MM-DDTHH:mm` wall-clock time in `tz` (for a datetime-local input). */
export function isoToZoned(iso: string, tz: string): string | null {
  const t = Date.parse(iso);
  if (Number.isNaN(t) || !isTimeZone(tz)) return null;
  const instant = new Date(t);
  const local = new Date(t + offsetMinutes(tz, instant) * 60_000);
  return local.toISOString().slice(0, 16);
}
