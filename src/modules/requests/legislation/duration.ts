/**
 * ISO 8601 durations as profiles write clock overrides (`PT1H`, `P45D`). Only the designator form is accepted,
 * with integer components, and the duration must be longer than zero: a clock of zero would be overdue at once.
 */
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** True for an ISO 8601 designator duration (`P1Y2M`, `P45D`, `PT1H30M`) with at least one non-zero component. */
export function isPositiveIsoDuration(s: unknown): s is string {
  if (typeof s !== 'string' || s.length > 40 || s.endsWith('T')) return false;
  const m = DURATION.exec(s);
  if (m === null) return false;
  const parts = m.slice(1).filter((p): p is string => p !== undefined);
  return parts.length > 0 && parts.some((p) => Number(p) > 0);
}
