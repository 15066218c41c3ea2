/**
 * Retry timing for deliveries and handlers: exponential back-off with "full jitter" (a uniformly random wait
 * between 0 and min(cap, base · 2^attempt)), so that many senders retrying one recovered node do not arrive in
 * step. `random` is injectable for tests.
 */
export function backoffMs(attempt: number, opts: { baseMs?: number; capMs: number; random?: () => number }): number {
  const base = opts.baseMs ?? 500;
  const ceiling = Math.min(opts.capMs, base * 2 ** Math.min(Math.max(attempt, 0), 30));
  const r = (opts.random ?? Math.random)();
  // Never zero: a failed attempt always waits a little, even with an unlucky draw.
  return Math.max(Math.min(50, ceiling), Math.floor(r * ceiling));
}
