import { describe, expect, it } from 'vitest';
import { type BaseLevel, bidiClass, mirrored, resolveLevels, visualOrder } from './bidi.ts';

const cps = (s: string): number[] => [...s].map((c) => c.codePointAt(0) ?? 0);

/** The line as it appears on paper, left to right (mirrored brackets on right-to-left levels). */
function visual(s: string, base: BaseLevel): string {
  const points = cps(s);
  const levels = resolveLevels(points, base);
  return visualOrder(points, levels, 0, points.length, base)
    .map((i) => {
      const cp = points[i] ?? 0;
      return String.fromCodePoint((levels[i] ?? 0) % 2 === 1 ? mirrored(cp) : cp);
    })
    .join('');
}

const reverse = (s: string): string => [...s].reverse().join('');

describe('bidiClass', () => {
  it('knows the classes a letter meets', () => {
    expect(bidiClass(0x41)).toBe('L');
    expect(bidiClass(0x0436)).toBe('L'); // Cyrillic
    expect(bidiClass(0x4e2d)).toBe('L'); // Han
    expect(bidiClass(0x0627)).toBe('AL');
    expect(bidiClass(0x05d0)).toBe('R');
    expect(bidiClass(0x31)).toBe('EN');
    expect(bidiClass(0x0663)).toBe('AN');
    expect(bidiClass(0x06f3)).toBe('EN'); // extended Arabic-Indic digits are European numbers
    expect(bidiClass(0x2b)).toBe('ES');
    expect(bidiClass(0x25)).toBe('ET');
    expect(bidiClass(0x20ac)).toBe('ET');
    expect(bidiClass(0x2c)).toBe('CS');
    expect(bidiClass(0x060c)).toBe('CS'); // Arabic comma
    expect(bidiClass(0x064e)).toBe('NSM');
    expect(bidiClass(0x20)).toBe('WS');
    expect(bidiClass(0x28)).toBe('ON');
    expect(bidiClass(0x200d)).toBe('BN');
    expect(bidiClass(0x200f)).toBe('R'); // RLM
    expect(bidiClass(0x1f600)).toBe('ON');
    expect(bidiClass(0x0898)).toBe('NSM');
    expect(bidiClass(0x08b5)).toBe('AL'); // unassigned in an Arabic block: AL by default
  });
});

describe('visual order (UAX #9)', () => {
  it('leaves left-to-right text alone', () => {
    expect(visual('Request 42 (urgent).', 0)).toBe('Request 42 (urgent).');
  });

  it('reverses an Arabic phrase, spaces included', () => {
    expect(visual('طلب حفظ', 1)).toBe(reverse('طلب حفظ'));
  });

  it('keeps Latin and numbers left to right inside Arabic (W7 joins "ABC 123" into one run)', () => {
    expect(visual('طلب ABC 123', 1)).toBe(`ABC 123 ${reverse('طلب')}`);
  });

  it('keeps a number left to right after Arabic (EN at level 2)', () => {
    expect(visual('العدد 2026', 1)).toBe(`2026 ${reverse('العدد')}`);
    // After Arabic letters digits are Arabic numbers (W2): "42" and "(3)" are read right to left, as browsers do.
    expect(visual('المادة 42(3)', 1)).toBe(`(3)42 ${reverse('المادة')}`);
  });

  it('places an Arabic name inside an English sentence right to left, the period after it', () => {
    expect(visual('Name: ليلى حداد.', 0)).toBe(`Name: ${reverse('ليلى حداد')}.`);
  });

  it('resolves paired brackets as one (N0) and mirrors them on right-to-left levels', () => {
    // Without N0 the closing bracket would stay right to left and print as "(a (b".
    expect(visual('a (b) ق', 1)).toBe('ق a (b)');
    expect(visual('قانون (ABC) هنا', 1)).toBe(`${reverse('هنا')} (ABC) ${reverse('قانون')}`);
  });

  it('keeps an e-mail address and a slashed number whole in Arabic', () => {
    expect(visual('البريد leila.haddad@pg.xa.example', 1)).toBe(`leila.haddad@pg.xa.example ${reverse('البريد')}`);
    expect(visual('الأمر 2026/118', 1)).toBe(`2026/118 ${reverse('الأمر')}`);
    // A hyphenated date after Arabic letters reads right to left group by group (W2, W4 apply to AN only with CS).
    expect(visual('من 2026-01-03', 1)).toBe(`03-01-2026 ${reverse('من')}`);
  });

  it('treats European digits after Arabic letters as Arabic numbers (W2) without reordering them', () => {
    const levels = resolveLevels(cps('ا 12'), 1);
    expect([...levels]).toEqual([1, 1, 2, 2]);
  });

  it('puts trailing white space at the paragraph level (L1)', () => {
    const points = cps('abc  ');
    const levels = resolveLevels(points, 1);
    expect(visualOrder(points, levels, 0, points.length, 1)).toEqual([4, 3, 0, 1, 2]);
  });

  it('gives ignored characters the level of the character before them', () => {
    const levels = resolveLevels(cps('ب\u200dب'), 1);
    expect([...levels]).toEqual([1, 1, 1]);
  });

  it('orders one line of a longer paragraph with the levels of the whole paragraph', () => {
    const text = 'أرسلت من payroll-update@northwind-mail.xb.example وتضمنت';
    const points = cps(text);
    const levels = resolveLevels(points, 1);
    const start = text.indexOf('payroll');
    const order = visualOrder(points, levels, start, points.length, 1);
    const line = order.map((i) => String.fromCodePoint(points[i] ?? 0)).join('');
    expect(line).toBe(`${reverse('وتضمنت')} payroll-update@northwind-mail.xb.example`);
  });
});

describe('mirrored', () => {
  it('swaps brackets and leaves other characters', () => {
    expect(String.fromCodePoint(mirrored(0x28))).toBe(')');
    expect(String.fromCodePoint(mirrored(0xbb))).toBe('«');
    expect(String.fromCodePoint(mirrored(0x300c))).toBe('」');
    expect(mirrored(0x41)).toBe(0x41);
  });
});
