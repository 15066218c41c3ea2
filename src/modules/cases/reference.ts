/**
 * Generated case references: `{STATE}-{YEAR}-{NNNN}`, e.g. `XA-2026-0417`. The number comes from a counter per
 * State and year (`reference_counters`), bumped inside the transaction that creates the case, so numbers are
 * never handed out twice and a rolled-back creation gives its number back.
 */

/** The counter row for one State and year. */
export function referenceScope(state: string, year: number): string {
  return `case:${state}:${year}`;
}

/** At least four digits; the number simply grows wider after 9999. */
export function formatReference(state: string, year: number, n: number): string {
  return `${state}-${year}-${String(n).padStart(4, '0')}`;
}

/** The year a reference is numbered in: the UTC year of the clock. */
export function referenceYear(at: Date): number {
  return at.getUTCFullYear();
}
