import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { formatReference, referenceScope, referenceYear } from './reference.ts';
import { likePattern } from './store.ts';

describe('list cursor', () => {
  it('round-trips and stays opaque (base64url)', () => {
    const c = { createdAt: new Date('2026-03-14T02:10:00.123Z'), id: '0190a000-0000-7000-8000-000000000001' };
    const s = encodeCursor(c);
    expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(s)).toEqual(c);
  });

  it.each([
    '',
    'not base64!',
    Buffer.from('not json').toString('base64url'),
    Buffer.from('null').toString('base64url'),
    Buffer.from('{"t":"2026-03-14T02:10:00.123Z"}').toString('base64url'),
    Buffer.from('{"t":"yesterday","i":"0190a000-0000-7000-8000-000000000001"}').toString('base64url'),
    Buffer.from('{"t":"2026-03-14","i":"0190a000-0000-7000-8000-000000000001"}').toString('base64url'),
    Buffer.from('{"t":"2026-03-14T02:10:00.123Z","i":"1; drop table cases"}').toString('base64url'),
    'A'.repeat(300),
  ])('refuses %j naming the cursor parameter', (s) => {
    expect(() => decodeCursor(s)).toThrow(expect.objectContaining({ code: 'validation_failed', errors: [expect.objectContaining({ in: 'query', pointer: '/cursor' })] }));
  });
});

describe('references and search patterns', () => {
  it('formats {STATE}-{YEAR}-{NNNN}, growing past 9999', () => {
    expect(formatReference('XA', 2026, 417)).toBe('XA-2026-0417');
    expect(formatReference('XB', 2027, 12345)).toBe('XB-2027-12345');
    expect(referenceScope('XA', 2026)).toBe('case:XA:2026');
    expect(referenceYear(new Date('2026-12-31T23:59:59Z'))).toBe(2026);
    expect(referenceYear(new Date('2027-01-01T00:00:00Z'))).toBe(2027);
  });

  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
