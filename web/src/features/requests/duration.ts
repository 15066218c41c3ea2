/**
 * ISO 8601 durations as the node writes them for legal clocks (`PT1H`, `P10D`, `P1Y6M`), parsed and put into
 * words with Intl (unit formats joined as a list), e.g. "60 days", "1 hour 30 minutes", "٦٠ يومًا". Pure.
 */

export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function parseDuration(s: string): DurationParts | null {
  const m = ISO.exec(s);
  if (!m || s === 'P' || s.endsWith('T')) return null;
  const n = (i: number): number => Number(m[i] ?? '0');
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

const UNITS: ReadonlyArray<[keyof DurationParts, string]> = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
];

/** The duration in words in `locale`; the ISO text itself when it is not a duration this parser knows. */
export function formatDuration(iso: string, locale: string): string {
  const p = parseDuration(iso);
  if (!p) return iso;
  const words = UNITS.filter(([k]) => p[k] > 0).map(([k, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(p[k]));
  if (words.length === 0) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(0);
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(words);
}

/** "in 3 hours", "2 days ago": the distance from `now` to `at` in the largest unit that fits. */
export function formatRelative(at: Date, now: Date, locale: string): string {
  const diff = at.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const steps: ReadonlyArray<[number, Intl.RelativeTimeFormatUnit]> = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [ms, unit] of steps) if (abs >= ms) return rtf.format(Math.round(diff / ms), unit);
  return rtf.format(Math.round(diff / 1000), 'second');
}
