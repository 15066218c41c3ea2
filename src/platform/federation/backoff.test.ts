import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.ts';

describe('backoffMs', () => {
  it('grows exponentially up to the cap, scaled by the random draw', () => {
    expect(backoffMs(0, { baseMs: 500, capMs: 300_000, random: () => 0.999999 })).toBe(499);
    expect(backoffMs(3, { baseMs: 500, capMs: 300_000, random: () => 0.5 })).toBe(2000);
    expect(backoffMs(40, { baseMs: 500, capMs: 300_000, random: () => 0.5 })).toBe(150_000);
    expect(backoffMs(40, { baseMs: 500, capMs: 1000, random: () => 1 - Number.EPSILON })).toBe(999);
  });
  it('never waits less than 50 ms (or the cap when it is smaller), whatever the draw', () => {
    expect(backoffMs(5, { capMs: 300_000, random: () => 0 })).toBe(50);
    expect(backoffMs(5, { baseMs: 10, capMs: 20, random: () => 0 })).toBe(20);
  });
  it('treats a negative attempt as the first', () => {
    expect(backoffMs(-3, { baseMs: 100, capMs: 10_000, random: () => 0.5 })).toBe(50);
  });
});
