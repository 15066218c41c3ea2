import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './throttle.ts';

describe('LoginThrottle (per source address, sliding window)', () => {
  it('lets an address fail up to the limit, then refuses it until its oldest failure leaves the window', () => {
    const t = new LoginThrottle(3, 60_000);
    const t0 = 1_000_000;
    t.fail('a', t0);
    t.fail('a', t0 + 10_000);
    expect(t.retryAfter('a', t0 + 10_000)).toBe(0);
    t.fail('a', t0 + 20_000);
    expect(t.retryAfter('a', t0 + 20_000)).toBe(40);
    expect(t.retryAfter('a', t0 + 59_999)).toBe(1);
    // The first failure has left the window: one more try is allowed, and its failure closes the door again.
    expect(t.retryAfter('a', t0 + 60_000)).toBe(0);
    t.fail('a', t0 + 60_000);
    expect(t.retryAfter('a', t0 + 60_000)).toBe(10);
  });

  it('keeps addresses apart', () => {
    const t = new LoginThrottle(2, 60_000);
    t.fail('a', 0);
    t.fail('a', 1);
    expect(t.retryAfter('a', 2)).toBeGreaterThan(0);
    expect(t.retryAfter('b', 2)).toBe(0);
  });

  it('defaults to 30 failures in 10 minutes', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 29; i++) t.fail('x', i);
    expect(t.retryAfter('x', 30)).toBe(0);
    t.fail('x', 30);
    expect(t.retryAfter('x', 31)).toBe(600);
    expect(t.retryAfter('x', 600_000)).toBe(0);
  });

  it('forgets old entries rather than growing without bound', () => {
    const t = new LoginThrottle(5, 1000);
    for (let i = 0; i <= 100_001; i++) t.fail(`k${i}`, i < 100_000 ? 0 : 5000);
    const size = (t as unknown as { hits: Map<string, number[]> }).hits.size;
    expect(size).toBeLessThan(10);
  });
});
