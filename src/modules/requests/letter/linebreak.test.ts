import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BREAK, BREAK_IF_NEEDED, breakOpportunities, wrap } from './linebreak.ts';

const cps = (s: string): number[] => [...s].map((c) => c.codePointAt(0) ?? 0);
/** Where lines may start (of the given class), as the text of each possible line start. */
function starts(s: string, mode: 'text' | 'code' = 'text', kind: number = BREAK): string[] {
  const chars = [...s];
  return breakOpportunities(cps(s), mode).flatMap((b, i) => (b === kind ? [chars.slice(i).join('').slice(0, 6)] : []));
}
/** Wraps with every code point one unit wide; returns the visible text of each line. */
function lines(s: string, width: number): string[] {
  const points = cps(s);
  return wrap(points, width, (a, b) => b - a).map((l) => String.fromCodePoint(...points.slice(l.start, l.visibleEnd)));
}

describe('breakOpportunities', () => {
  it('breaks after spaces, not before punctuation that closes', () => {
    expect(starts('Urgent : the logs')).toEqual(['the lo', 'logs']);
  });

  it('breaks between Chinese characters, never before a closing mark or after an opening one', () => {
    // Lines may start at 全, （, 据 and 请: not at 数 (after "（"), nor at "）" or "。".
    expect(starts('保全（数据）。请')).toEqual(['全（数据）。', '（数据）。请', '据）。请', '请']);
  });

  it('breaks after a hyphen between letters, not before a number', () => {
    expect(starts('computer-related -5 well-known')).toEqual(['relate', '-5 wel', 'well-k', 'known']);
  });

  it('breaks URLs and e-mail addresses only if needed, before separators, never after a hyphen', () => {
    expect(starts('https://portal-login.example/a')).toEqual([]);
    expect(starts('https://portal-login.example/a', 'text', BREAK_IF_NEEDED)).toEqual(['portal', '-login', '.examp', '/a']);
    expect(starts('payroll-update@mail.xb', 'text', BREAK_IF_NEEDED)).toEqual(['-updat', 'mail.x', '.xb']);
    // In Chinese an address ends at the ideographs around it, and a number next to it is not an address.
    expect(starts('从a-b@c.d发出，203.0.113.45上', 'text', BREAK_IF_NEEDED)).toEqual(['-b@c.d', 'c.d发出，', '.d发出，2']);
  });

  it('breaks code only after spaces', () => {
    expect(starts('— comity/ledger tZL8xEY/6/0VW-x', 'code')).toEqual(['comity', 'tZL8xE']);
  });

  it('never breaks before a combining mark or a joiner', () => {
    expect(starts('e\u0301\u200d中')).toEqual(['中']);
  });
});

describe('wrap', () => {
  it('fills lines greedily and lets spaces hang', () => {
    expect(lines('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(lines('aaa bbb   ccc', 7)).toEqual(['aaa bbb', 'ccc']);
  });

  it('cuts a word wider than the line between characters, losing none', () => {
    expect(lines('abcdefghij xy', 4)).toEqual(['abcd', 'efgh', 'ij', 'xy']);
  });

  it('moves an address to the next line whole, and cuts it at separators only when it is wider than a line', () => {
    expect(lines('see https://a.example/x', 22)).toEqual(['see', 'https://a.example/x']);
    expect(lines('see https://portal.example/abcdef', 14)).toEqual(['see', 'https://portal', '.example', '/abcdef']);
  });

  it('keeps grapheme clusters whole', () => {
    expect(lines('e\u0301e\u0301e\u0301', 2)).toEqual(['e\u0301', 'e\u0301', 'e\u0301']);
  });

  it('gives an empty paragraph one empty line', () => {
    expect(wrap([], 10, () => 0)).toEqual([{ start: 0, end: 0, visibleEnd: 0 }]);
  });

  it('puts every code point on exactly one line, each line within the width unless it is one cluster', () => {
    const alphabet = fc.constantFrom(...'ab cd-/@.中文，（）\u0301'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (chars, width) => {
        const points = cps(chars.join(''));
        const result = wrap(points, width, (a, b) => b - a);
        expect(result[0]?.start).toBe(0);
        for (let i = 1; i < result.length; i++) expect(result[i]?.start).toBe(result[i - 1]?.end);
        expect(result[result.length - 1]?.end).toBe(points.length);
        for (const l of result) {
          const visible = l.visibleEnd - l.start;
          const oneCluster = [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(String.fromCodePoint(...points.slice(l.start, l.visibleEnd)))].length <= 1;
          expect(visible <= width || oneCluster).toBe(true);
        }
      }),
    );
  });
});
