import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { pageLabel, resolveLabels } from './labels.ts';
import { cleanText, codePoints, normalizeLetter } from './normalize.ts';
import { sampleLetter } from './testkit/sample.ts';

describe('cleanText', () => {
  it('composes accents (NFC), so that "é" typed as e + accent prints with a standard font', () => {
    expect(cleanText('Lefe\u0300vre')).toBe('Lefèvre');
  });

  it('keeps \\n as the only line break and turns tabs into spaces', () => {
    expect(cleanText('a\r\nb\rc\u2028d\u2029e')).toBe('a\nb\nc\nd\ne');
    expect(cleanText('a\tb')).toBe('a    b');
  });

  it('removes invisible control and formatting characters but keeps the joiners Arabic spelling needs', () => {
    expect(cleanText('\u0000a\u202eb\u202c\u2066c\u2069\u00adde\ufeff')).toBe('abcde');
    expect(cleanText('می\u200cخواهم')).toBe('می\u200cخواهم');
  });

  it('replaces a lone surrogate rather than passing broken text on', () => {
    expect(cleanText('a\ud800b')).toBe('a\ufffdb');
  });
});

describe('normalizeLetter', () => {
  it('prints the date in the letter\'s language and time zone, day first', () => {
    expect(normalizeLetter({ ...sampleLetter('en'), date: new Date('2026-02-21T23:30:00Z'), timeZone: 'Europe/Belgrade' }).dateText).toBe('22 February 2026');
    expect(normalizeLetter(sampleLetter('zh')).dateText).toBe('2026年2月21日');
  });

  it('turns an empty requested reference into "not yet assigned" (null)', () => {
    const l = normalizeLetter({ ...sampleLetter('en'), references: { ours: 'XA-1', theirs: ' ', ledgerObject: 'r1' } });
    expect(l.references.theirs).toBeNull();
  });

  it.each([
    ['title', { title: '  ' }],
    ['references.ours', { references: { ours: '', theirs: null, ledgerObject: 'r1' } }],
    ['sections', { sections: [] }],
  ] as const)('refuses a letter without %s', (field, change) => {
    let err: unknown;
    try {
      normalizeLetter({ ...sampleLetter('en'), ...change });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation_failed');
    expect((err as AppError).message.startsWith(field)).toBe(true);
  });

  it('lists the characters to print by role: the checkpoint note apart', () => {
    const needs = codePoints(normalizeLetter(sampleLetter('ru')));
    expect(needs.text.has('З'.codePointAt(0) ?? 0)).toBe(true);
    expect(needs.mono.has('—'.codePointAt(0) ?? 0)).toBe(true);
    expect(needs.text.has(0x0a)).toBe(false);
  });
});

describe('labels', () => {
  it('fills the page label', () => {
    expect(pageLabel(resolveLabels('zh', undefined), 2, 5)).toBe('第 2 / 5 页');
  });

  it('refuses an empty override', () => {
    expect(() => resolveLabels('en', { date: '' })).toThrow(AppError);
  });
});
