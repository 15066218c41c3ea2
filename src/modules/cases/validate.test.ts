import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { FieldErrors, checkDate, checkOffences, checkReference, checkSubject, type SubjectInput } from './validate.ts';

const today = new Date('2026-03-14T02:10:00Z');

function errorsOf(fn: (e: FieldErrors) => void): string[] {
  const e = new FieldErrors();
  fn(e);
  return e.list.map((x) => `${x.pointer} ${x.detail}`);
}

describe('case input rules', () => {
  it('accepts national reference styles and refuses the rest', () => {
    for (const ok of ['XA-2026-0417', 'NAT/2026/88', 'Ü 12:4#7', 'a', 'A.B_C']) expect(errorsOf((e) => checkReference(e, ok)), ok).toEqual([]);
    for (const bad of ['', ' ', '-x', 'x-', 'a\nb', 'a;b', 'x'.repeat(65)]) expect(errorsOf((e) => checkReference(e, bad)), bad).toHaveLength(1);
    const e = new FieldErrors();
    expect(checkReference(e, '  XA-1  ')).toBe('XA-1');
  });

  it('names each bad offence by its index', () => {
    const e = new FieldErrors();
    expect(checkOffences(e, ['csam', 'x', 'csam', 'ncii'])).toEqual(['csam', 'ncii']);
    expect(e.list.map((x) => x.pointer)).toEqual(['/offences/1', '/offences/2']);
    expect(errorsOf((x) => checkOffences(x, []))[0]).toMatch(/^\/offences /);
  });

  it('checks calendar dates and their range', () => {
    for (const ok of ['2000-02-29', '1900-01-01', '2026-03-14']) expect(errorsOf((e) => checkDate(e, 'd', ok, today)), ok).toEqual([]);
    for (const bad of ['2001-02-29', '1999-13-01', '1899-12-31', '2026-03-15', '20000-01-01', '2000-1-1'])
      expect(errorsOf((e) => checkDate(e, 'd', bad, today)), bad).toHaveLength(1);
  });

  it('throws one validation error with every field', () => {
    const e = new FieldErrors();
    e.add('a.0.b', 'bad');
    e.add('c', 'worse');
    try {
      e.check();
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      const a = err as AppError;
      expect(a.code).toBe('validation_failed');
      expect(a.message).toBe('a/0/b: bad');
      expect(a.errors).toEqual([
        { in: 'body', pointer: '/a/0/b', detail: 'bad' },
        { in: 'body', pointer: '/c', detail: 'worse' },
      ]);
    }
    expect(() => new FieldErrors().check()).not.toThrow();
  });
});

describe('subject rules', () => {
  const base: SubjectInput = { kind: 'natural', name: ' Jane ', role: 'suspect', participation: 'instigator' };

  it('normalises a valid subject', () => {
    expect(checkSubject({ ...base, identifiers: [{ type: 'phone', value: ' +000 ' }] }, today)).toEqual({
      kind: 'natural',
      name: 'Jane',
      identifiers: [{ type: 'phone', value: '+000' }],
      nationality: null,
      dateOfBirth: null,
      role: 'suspect',
      participation: 'instigator',
      notes: '',
    });
  });

  it.each([
    ['suspect', undefined, false],
    ['suspect', 'perpetrator', true],
    ['suspect', 'attempt', true],
    ['victim', undefined, true],
    ['victim', 'attempt', false],
    ['witness', 'accomplice', false],
    ['other', null, true],
  ] as Array<[string, string | undefined | null, boolean]>)('role %s with participation %s: valid=%s', (role, participation, valid) => {
    for (const kind of ['natural', 'legal']) {
      const run = () => checkSubject({ kind, name: 'X', role, participation }, today);
      if (valid) expect(run).not.toThrow();
      else expect(run).toThrow(/participation/);
    }
  });
});
