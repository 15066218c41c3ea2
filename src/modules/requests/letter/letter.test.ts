import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { DEFAULT_SYSTEM_FONT_DIRS, catalogFor } from './font-catalog.ts';
import { letterFonts } from './fonts.ts';
import { DEFAULT_LABELS, type LetterInput, renderLetter } from './index.ts';
import { pageLabel } from './labels.ts';
import { type PdfText, lettersOnly, normalize, pdfText, streamText } from './testkit/pdf-text.ts';
import { type SampleLanguage, sampleLetter } from './testkit/sample.ts';

/*
 * What is asserted, per language: pdf.js extracts the text of the rendered letter, and every label, value, heading,
 * both references, the request id, the signature block, the ledger index, each line of the checkpoint note and the
 * hint must be found in it.
 *  - Left-to-right letters (en, fr, ru, zh): the body text in content-stream order, NFKC, white space removed, with
 *    the "(continued)" headings taken out; each expected text must be a substring (so a value is found whole and
 *    in order even when it runs over a page).
 *  - Arabic: the same content-stream order (the letter writes right-to-left runs in logical order at their visual
 *    places), letters and digits only, NFKC (presentation forms normalized). Punctuation is not compared (on a
 *    right-to-left line it is drawn mirrored and reversed). Where a font draws lam + alef as one ligature glyph,
 *    pdf.js reverses the ligature's characters with the run ("الاتفاقية" comes out "االتفاقية"), so a word that
 *    holds lam + alef matches any arrangement of its own letters of its own length; every other word must match
 *    exactly, in order. Word order and direction on the page are checked separately, from word positions.
 * Arabic and Chinese need fonts the machine may lack: those tests are skipped then, except in CI (CI=true), where
 * they must run and fail if the fonts are missing.
 */

const LANGUAGES: readonly SampleLanguage[] = ['en', 'fr', 'ru', 'ar', 'zh'];
const inCi = process.env.CI === 'true';

async function fontsPresent(lang: SampleLanguage): Promise<boolean> {
  try {
    await letterFonts(lang, { text: new Set(), mono: new Set() }, catalogFor(DEFAULT_SYSTEM_FONT_DIRS));
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'unavailable') return false;
    throw e;
  }
}
const present: Record<SampleLanguage, boolean> = {
  en: true,
  fr: true,
  ru: await fontsPresent('ru'),
  ar: await fontsPresent('ar'),
  zh: await fontsPresent('zh'),
};
const skip = (lang: SampleLanguage): boolean => (lang === 'ar' || lang === 'zh') && !present[lang] && !inCi;

/** Every text the letter must print for `input`. */
function expectedTexts(input: LetterInput, lang: SampleLanguage): string[] {
  const labels = DEFAULT_LABELS[lang];
  const sig = input.signature;
  const receipt = input.receipt;
  if (receipt === null || sig.authorizedBy == null) throw new Error('the sample has a receipt and an authorizer');
  return [
    input.title,
    input.from.authority,
    input.from.stateName,
    input.to.authority,
    input.to.stateName,
    labels.from,
    labels.to,
    labels.date,
    labels.ourReference,
    input.references.ours,
    labels.yourReference,
    input.references.theirs ?? '',
    labels.requestId,
    input.references.ledgerObject,
    ...input.sections.flatMap((s) => [s.heading, ...s.rows.flatMap((r) => [r.label, r.value])]),
    labels.signature,
    sig.name,
    sig.title,
    sig.authority,
    labels.authorizedBy,
    sig.authorizedBy.name,
    labels.decision,
    sig.authorizedBy.decision,
    labels.ledgerReceipt,
    labels.ledgerIndex,
    receipt.index,
    labels.checkpoint,
    ...receipt.checkpoint.split('\n').filter((l) => l !== ''),
    receipt.checkpoint,
    receipt.verifyHint,
  ];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An Arabic text as a pattern over `lettersOnly` text, word by word (see above for words with lam + alef). */
function arabicPattern(s: string): RegExp {
  const words = s.split(/\s+/u).map(lettersOnly).filter((w) => w !== '');
  const word = (w: string): string => (/ل[اأإآ]/u.test(w) ? `[${escape([...new Set(w)].join(''))}]{${[...w].length}}` : escape(w));
  return new RegExp(words.map(word).join(''), 'u');
}

/** The expected texts the extracted text lacks (empty when the letter is complete). */
function missingTexts(t: PdfText, input: LetterInput, lang: SampleLanguage): string[] {
  const continued = input.sections.map((s) => `${s.heading} ${DEFAULT_LABELS[lang].continued}`);
  if (lang === 'ar') {
    const body = continued.reduce((acc, c) => acc.replace(new RegExp(arabicPattern(c), 'gu'), ''), lettersOnly(streamText(t)));
    return expectedTexts(input, lang).filter((e) => !arabicPattern(e).test(body));
  }
  const body = continued.reduce((acc, c) => acc.replaceAll(normalize(c), ''), normalize(streamText(t)));
  return expectedTexts(input, lang).filter((e) => !body.includes(normalize(e)));
}

describe.each(LANGUAGES)('the %s letter', (lang) => {
  it.skipIf(skip(lang))('prints every required content, both references, the signature and the ledger receipt', async () => {
    const input = sampleLetter(lang);
    const t = await pdfText(await renderLetter(input));
    expect(missingTexts(t, input, lang)).toEqual([]);
  });

  it.skipIf(skip(lang))('runs over more than one page, numbered "x / y" in the footer with our reference', async () => {
    const input = sampleLetter(lang);
    const t = await pdfText(await renderLetter(input));
    expect(t.pageCount).toBeGreaterThan(1);
    const read = lang === 'ar' ? lettersOnly : normalize;
    t.footer.forEach((items, i) => {
      const footer = read(items.map((x) => x.str).join(''));
      expect(footer).toContain(read(pageLabel(DEFAULT_LABELS[lang], i + 1, t.pageCount)));
      expect(footer).toContain(read(input.references.ours));
    });
    // The statement of facts itself runs over a page: its first paragraph is on page 1, its last on a later page.
    const facts = input.sections[1]?.rows[1]?.value.split('\n') ?? [];
    // A paragraph is found by its first words: in Arabic as a pattern that allows for lam + alef ligatures (see
    // the top of this file), as the complete-content test reads it.
    const starts = (page: string, s: string): boolean =>
      lang === 'ar' ? arabicPattern(s.split(/\s+/u).slice(0, 4).join(' ')).test(read(page)) : read(page).includes(read(s).slice(0, 24));
    const pageOf = (s: string): number => t.body.findIndex((page) => starts(page.map((i) => i.str).join(''), s));
    expect(pageOf(facts[0] ?? '?')).toBe(0);
    expect(pageOf(facts[facts.length - 1] ?? '?')).toBeGreaterThan(0);
  });

  it.skipIf(skip(lang))('gives the same bytes for the same input, with the metadata of the request', async () => {
    const input = sampleLetter(lang);
    const a = await renderLetter(input);
    const b = await renderLetter(sampleLetter(lang));
    expect(a.equals(b)).toBe(true);
    const t = await pdfText(a);
    expect(t.info).toMatchObject({ Title: input.title, Author: input.from.authority, Subject: input.references.ours, Language: lang, CreationDate: 'D:20260221093000Z' });
  });
});

describe('right-to-left layout (Arabic)', () => {
  it.skipIf(skip('ar'))('places words right to left, keeps Latin and numbers left to right, aligns on the right', async () => {
    const t = await pdfText(await renderLetter(sampleLetter('ar')));
    const page = t.body[0] ?? [];
    const find = (s: string): { x: number; y: number; width: number } => {
      const item = page.find((i) => i.str === s);
      if (item === undefined) throw new Error(`"${s}" not found on page 1`);
      return item;
    };
    // Title "طلب حفظ عاجل …": each word left of the one before it, on one line.
    const [w1, w2, w3] = [find('طلب'), find('حفظ'), find('عاجل')];
    expect(w1.y).toBeCloseTo(w2.y, 1);
    expect(w1.x).toBeGreaterThan(w2.x);
    expect(w2.x).toBeGreaterThan(w3.x);
    // The title ends at the right margin.
    expect(w1.x + w1.width).toBeGreaterThan(595.28 - 62.36 - 2);
    // Left-to-right runs inside Arabic text are whole and in their own order.
    expect(page.some((i) => i.str === 'XA-PG-2026-000118')).toBe(true);
    expect(page.some((i) => i.str.includes('payroll-update@northwind-mail'))).toBe(true);
    // A paragraph without Arabic letters (a phone number) reads left to right: "+" stays on the left of "381".
    const phone = find(page.some((i) => i.str === '+381 11 555 0199') ? '+381 11 555 0199' : '381 11 555 0199');
    const plus = page.find((i) => i.str.startsWith('+') && Math.abs(i.y - phone.y) < 1);
    expect(plus).toBeDefined();
    expect(plus?.x ?? Number.NaN).toBeLessThanOrEqual(phone.x);
  });
});

describe('renderLetter errors', () => {
  it('refuses a language it has no labels and fonts for, listing the supported ones', async () => {
    const err = await renderLetter({ ...sampleLetter('en'), language: 'de' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation_failed');
    expect((err as AppError).message).toMatch(/"de".*ar, en, es, fr, ru, zh/);
  });

  it('refuses an unknown time zone and an invalid date', async () => {
    await expect(renderLetter({ ...sampleLetter('en'), timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'validation_failed', message: /timeZone/ });
    await expect(renderLetter({ ...sampleLetter('en'), date: new Date(Number.NaN) })).rejects.toMatchObject({ code: 'validation_failed', message: /date/ });
  });
});

describe('a letter with no ledger entry yet', () => {
  it('says it cannot be verified instead of printing a receipt', async () => {
    const input: LetterInput = { ...sampleLetter('en'), receipt: null, signature: { name: '', title: '', authority: '' } };
    const body = normalize(streamText(await pdfText(await renderLetter(input))));
    expect(body).toContain(normalize(DEFAULT_LABELS.en.receiptPending));
    expect(body).not.toContain(normalize(DEFAULT_LABELS.en.checkpoint));
  });
});

describe('labels', () => {
  it('prints the Spanish labels and honours overrides', async () => {
    const input: LetterInput = { ...sampleLetter('en'), language: 'es', labels: { ourReference: 'Ref. nuestra' } };
    const t = await pdfText(await renderLetter(input));
    const body = normalize(streamText(t));
    expect(body).toContain(normalize('Ref. nuestra'));
    expect(body).toContain(normalize(DEFAULT_LABELS.es.yourReference));
    expect(normalize(t.footer[0]?.map((i) => i.str).join('') ?? '')).toContain(normalize(`Página 1 / ${t.pageCount}`));
  });

  it('refuses a page label without its slots', async () => {
    await expect(renderLetter({ ...sampleLetter('en'), labels: { page: 'Page' } })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
