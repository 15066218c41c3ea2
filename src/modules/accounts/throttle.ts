/**
 * Per-source login throttling, in memory: after `max` failures from one address within `windowMs`, further
 * attempts from it are refused until the window passes. Complements the per-account lockout stored in the
 * database (which survives restarts and spans processes); this one stops one address spraying many accounts.
 */
export class LoginThrottle {
  private readonly hits = new Map<string, number[]>();
  private readonly max: number;
  private readonly windowMs: number;

  constructor(max = 30, windowMs = 10 * 60_000) {
    this.max = max;
    this.windowMs = windowMs;
  }

  /** Seconds until `key` may try again, or 0. */
  retryAfter(key: string, now: number): number {
    const list = this.prune(key, now);
    if (list.length < this.max) return 0;
    const oldest = list[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  fail(key: string, now: number): void {
    const list = this.prune(key, now);
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 100_000) this.sweep(now);
  }

  private prune(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }

  private sweep(now: number): void {
    for (const key of [...this.hits.keys()]) this.prune(key, now);
  }
}
