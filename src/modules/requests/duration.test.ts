import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.ts';
import { addDuration, formatDuration, isDuration, parseDuration } from './duration.ts';

const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseDuration', () => {
  it.each([
    ['P60D', { days: 60 }],
    ['PT1H', { hours: 1 }],
    ['P1DT12H', { days: 1, hours: 12 }],
    ['P1W', { weeks: 1 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
    ['PT30M', { minutes: 30 }],
    ['PT0.5S', { seconds: 0.5 }],
    ['P0D', {}],
    ['P1M', { months: 1 }],
    ['PT1M', { minutes: 1 }],
  ])('%s', (s, parts) => {
    expect(parseDuration(s)).toEqual({ ...zero, ...parts });
  });

  it.each([
    ['', /empty/],
    ['P', /no component/],
    ['PT', /"T" must be followed/],
    ['P1DT', /"T" must be followed/],
    ['-P1D', /sign/],
    ['+P1D', /sign/],
    ['P1.5D', /only the seconds may have a fraction/],
    ['PT1.5H', /only the seconds may have a fraction/],
    ['PT1.5M', /only the seconds may have a fraction/],
    ['PT1,5S', /fraction/],
    ['p1d', /expected e\.g\./],
    ['P1H', /expected e\.g\./],
    ['PT1D', /expected e\.g\./],
    ['P1D1Y', /expected e\.g\./],
    [' P1D', /expected e\.g\./],
    ['P1D ', /expected e\.g\./],
    ['60 days', /expected e\.g\./],
    ['P1234567890D', /expected e\.g\./],
    ['PT.5S', /expected e\.g\./],
  ])('refuses %j', (s, message) => {
    let caught: unknown;
    try {
      parseDuration(s);
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught) && caught.code).toBe('validation_failed');
    expect((caught as Error).message).toMatch(message);
    expect(isDuration(s)).toBe(false);
  });

  it('isDuration refuses what is not a string', () => {
    expect(isDuration(60)).toBe(false);
    expect(isDuration(null)).toBe(false);
    expect(isDuration('P60D')).toBe(true);
  });

  it('shortens a long bad input in the message', () => {
    expect(() => parseDuration(`P${'9'.repeat(200)}D`)).toThrow(/…" is not an ISO 8601 duration/);
  });
});

describe('addDuration', () => {
  const at = (s: string): Date => new Date(s);
  it.each([
    ['2026-03-10T02:31:00Z', 'PT1H', '2026-03-10T03:31:00.000Z'],
    ['2026-03-10T02:31:00Z', 'P60D', '2026-05-09T02:31:00.000Z'],
    ['2026-03-10T02:31:00Z', 'P1DT12H', '2026-03-11T14:31:00.000Z'],
    ['2026-03-10T02:31:00Z', 'P1W', '2026-03-17T02:31:00.000Z'],
    ['2026-03-10T02:31:00Z', 'PT0.25S', '2026-03-10T02:31:00.250Z'],
    // months and years by the calendar, clamped to the end of the month
    ['2026-01-31T10:00:00Z', 'P1M', '2026-02-28T10:00:00.000Z'],
    ['2028-01-31T10:00:00Z', 'P1M', '2028-02-29T10:00:00.000Z'],
    ['2028-02-29T00:00:00Z', 'P1Y', '2029-02-28T00:00:00.000Z'],
    ['2026-11-15T23:59:59Z', 'P2M', '2027-01-15T23:59:59.000Z'],
    ['2026-01-31T10:00:00Z', 'P1M1D', '2026-03-01T10:00:00.000Z'],
    ['2026-01-15T00:00:00Z', 'P1Y13M', '2028-02-15T00:00:00.000Z'],
    // a day is 24 h in UTC, across a European daylight-saving change (29 March 2026)
    ['2026-03-28T12:00:00Z', 'P1D', '2026-03-29T12:00:00.000Z'],
  ])('%s + %s = %s', (start, d, expected) => {
    expect(addDuration(at(start), d).toISOString()).toBe(expected);
  });

  it('does not change its argument', () => {
    const start = at('2026-01-31T10:00:00Z');
    addDuration(start, 'P1M');
    expect(start.toISOString()).toBe('2026-01-31T10:00:00.000Z');
  });

  it('refuses an invalid start or a result out of range', () => {
    expect(() => addDuration(new Date(Number.NaN), 'P1D')).toThrow(/not a valid date/);
    expect(() => addDuration(at('2026-01-01T00:00:00Z'), 'P999999999D')).toThrow(/out of range/);
    expect(() => addDuration(at('2026-01-01T00:00:00Z'), 'P999999999Y')).toThrow(/out of range/);
  });

  it('days and hours add up exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 48 }), fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (days, hours, start) => {
        const end = addDuration(start, `P${days}DT${hours}H`);
        expect(end.getTime() - start.getTime()).toBe((days * 24 + hours) * 3_600_000);
      }),
    );
  });

  it('a month later is never earlier than 28 days nor later than 31 days (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (start) => {
        const days = (addDuration(start, 'P1M').getTime() - start.getTime()) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(28);
        expect(days).toBeLessThanOrEqual(31);
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    ['PT1H', '1 h'],
    ['P60D', '60 days'],
    ['P1D', '1 day'],
    ['P1DT12H', '1 day 12 h'],
    ['P2W', '2 weeks'],
    ['PT1H30M', '1 h 30 min'],
    ['P1Y6M', '1 year 6 months'],
    ['PT0.5S', '0.5 s'],
    ['P0D', '0 s'],
  ])('%s reads %j', (d, text) => {
    expect(formatDuration(d)).toBe(text);
  });

  it('refuses what is not a duration', () => {
    expect(() => formatDuration('1 h')).toThrow(/not an ISO 8601 duration/);
  });
});
