/**
 * Penalties in words. Profiles store maxima in years (0.5 = 6 months; 0 = a fine only); notes shown to drafters
 * and central authorities say them the way a lawyer reads them.
 */

/** `0` → "a fine only", `0.5` → "6 months", `1` → "1 year", `1.5` → "1 year 6 months", `7` → "7 years". */
export function formatPenalty(years: number): string {
  const months = Math.round(years * 12);
  if (months <= 0) return 'a fine only';
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts: string[] = [];
  if (y > 0) parts.push(`${y} year${y === 1 ? '' : 's'}`);
  if (m > 0) parts.push(`${m} month${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}
