import { AppError } from '../../platform/errors.ts';

/**
 * ISO 8601 durations (`P60D`, `PT1H`, `P1DT12H`, `P1W`) as the request types and the States' profiles write their
 * deadlines (model.ts `IsoDuration`). Pure: no clock, no I/O.
 *
 * The grammar is deliberately strict, because a deadline that parses "almost" is worse than one refused when the
 * profile is loaded: upper-case designators only, no sign (a deadline cannot be negative), integers for every
 * component except seconds (a fraction with `.` and up to 9 digits), at least one component, and a `T` only when a
 * time component follows. Weeks may be combined with other components (ISO 8601-1:2019, as Temporal does).
 */

/** The components of a duration, each a non-negative number (only `seconds` may have a fraction). */
export interface DurationParts {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

// Each integer component holds at most 9 digits: far beyond any legal deadline, and safely inside Date's range.
const INT = '(\\d{1,9})';
const PATTERN = new RegExp(
  `^P(?:${INT}Y)?(?:${INT}M)?(?:${INT}W)?(?:${INT}D)?(?:T(?:${INT}H)?(?:${INT}M)?(?:(\\d{1,9}(?:\\.\\d{1,9})?)S)?)?$`,
);

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;

const refuse = (s: string, why: string): AppError => {
  const shown = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return new AppError('validation_failed', `${JSON.stringify(shown)} is not an ISO 8601 duration: ${why}`);
};

/**
 * Parses a strict ISO 8601 duration into its components.
 * Throws `AppError('validation_failed')` naming what is wrong: empty `P`/`PT`, a sign, a fraction outside the
 * seconds, lower-case designators, components out of order.
 */
export function parseDuration(s: string): DurationParts {
  if (typeof s !== 'string' || s.length === 0) throw refuse(String(s), 'empty');
  if (s.startsWith('-') || s.startsWith('+')) throw refuse(s, 'a deadline cannot carry a sign');
  const m = PATTERN.exec(s);
  if (!m) {
    if (/^P.*[.,]\d*[YMWDH]/.test(s) || /[,]/.test(s)) throw refuse(s, 'only the seconds may have a fraction (with ".")');
    throw refuse(s, 'expected e.g. P60D, PT1H, P1DT12H or P1W (upper-case designators, in order Y M W D T H M S)');
  }
  const [, y, mo, w, d, h, mi, sec] = m;
  if (s.endsWith('T')) throw refuse(s, '"T" must be followed by hours, minutes or seconds');
  if ([y, mo, w, d, h, mi, sec].every((c) => c === undefined)) throw refuse(s, 'no component');
  const n = (c: string | undefined): number => (c === undefined ? 0 : Number(c));
  return { years: n(y), months: n(mo), weeks: n(w), days: n(d), hours: n(h), minutes: n(mi), seconds: n(sec) };
}

/** Whether `s` is a duration `parseDuration` accepts (for validators that report instead of throwing). */
export function isDuration(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  try {
    parseDuration(s);
    return true;
  } catch {
    return false;
  }
}

const daysInMonth = (year: number, monthIndex: number): number => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/**
 * `at` plus the duration `d`, in UTC: years and months by the calendar (the day of the month is kept, clamped to
 * the month's last day: 31 January + P1M = 28/29 February, as Temporal's "constrain"), then weeks and days as
 * 7 × 24 h and 24 h, then hours, minutes and seconds (rounded to the millisecond). UTC has no daylight-saving
 * shifts, so "a day" is always 24 hours, which is what a legal deadline counted in days means between two nodes in
 * different time zones. Throws like `parseDuration`, or when the result falls outside the range of `Date`.
 */
export function addDuration(at: Date, d: string): Date {
  const p = parseDuration(d);
  const t = at.getTime();
  if (Number.isNaN(t)) throw new AppError('validation_failed', 'addDuration: the start is not a valid date');
  const base = new Date(t);
  let result = t;
  if (p.years > 0 || p.months > 0) {
    const monthIndex = base.getUTCMonth() + p.months + 12 * p.years;
    const year = base.getUTCFullYear() + Math.floor(monthIndex / 12);
    const month = monthIndex % 12;
    const day = Math.min(base.getUTCDate(), daysInMonth(year, month));
    const timeOfDay = t - Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate());
    result = Date.UTC(year, month, day) + timeOfDay;
  }
  result +=
    (p.weeks * 7 + p.days) * MS_PER_DAY + p.hours * MS_PER_HOUR + p.minutes * MS_PER_MINUTE + Math.round(p.seconds * MS_PER_SECOND);
  const out = new Date(result);
  if (Number.isNaN(out.getTime())) throw new AppError('validation_failed', `${d} added to ${at.toISOString()} is out of range`);
  return out;
}

const UNITS: readonly { readonly key: keyof DurationParts; readonly one: string; readonly many: string }[] = [
  { key: 'years', one: 'year', many: 'years' },
  { key: 'months', one: 'month', many: 'months' },
  { key: 'weeks', one: 'week', many: 'weeks' },
  { key: 'days', one: 'day', many: 'days' },
  { key: 'hours', one: 'h', many: 'h' },
  { key: 'minutes', one: 'min', many: 'min' },
  { key: 'seconds', one: 's', many: 's' },
];

/**
 * A short English rendering for lists and reminders ("1 h", "60 days", "1 day 12 h", "2 weeks"). Zero components
 * are left out; an all-zero duration reads "0 s". The UI localizes from `parseDuration` itself. Throws like
 * `parseDuration`.
 */
export function formatDuration(d: string): string {
  const p = parseDuration(d);
  const parts = UNITS.filter((u) => p[u.key] > 0).map((u) => `${p[u.key]} ${p[u.key] === 1 ? u.one : u.many}`);
  return parts.length > 0 ? parts.join(' ') : '0 s';
}
