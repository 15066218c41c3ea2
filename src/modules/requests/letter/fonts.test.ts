import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { renderLetter } from './index.ts';
import type { LetterInput } from './types.ts';
import { lettersOnly, normalize, pdfText, streamText } from './testkit/pdf-text.ts';
import { sampleLetter } from './testkit/sample.ts';

const inCi = process.env.CI === 'true';
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const empty = mkdtempSync(join(tmpdir(), 'letter-fonts-empty-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

/** The sample letter with every string passed through `f`. */
function mapStrings(input: LetterInput, f: (s: string) => string): LetterInput {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return f(v);
    if (v instanceof Date || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(walk);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return walk(input) as LetterInput;
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describe('when no font can print the language', () => {
  it.each([
    ['ar', /Arabic.*"ar".*NotoNaskhArabic-Regular\.ttf.*DejaVuSans\.ttf.*Arabic shaping/s],
    ['zh', /Chinese.*"zh".*NotoSansCJK-Regular\.ttc.*wqy-microhei\.ttc/s],
    ['ru', /Cyrillic.*"ru".*DejaVuSans\.ttf/s],
  ] as const)('%s: fails as unavailable, naming the fonts, the folders and letterFontsDir', async (lang, names) => {
    const e = await failure(renderLetter(sampleLetter(lang), { fontsDir: empty, systemFontDirs: ['/nonexistent/fonts'] }));
    expect(e.code).toBe('unavailable');
    expect(e.message).toMatch(names);
    expect(e.message).toContain(empty);
    expect(e.message).toContain('/nonexistent/fonts (not found)');
    expect(e.message).toContain('letterFontsDir');
    expect(e.message).toContain('COMITY_LETTER_FONTS_DIR');
  });
});

describe('Latin-script letters', () => {
  it('print with the PDF standard fonts alone when every character is WinAnsi', async () => {
    const input = mapStrings(sampleLetter('fr'), (s) => s.replaceAll('č', 'c'));
    const pdf = await renderLetter(input, { systemFontDirs: [] });
    const body = normalize(streamText(await pdfText(pdf)));
    expect(body).toContain(normalize('Mme Irène Lefèvre, procureure principale'));
    expect(pdf.toString('latin1')).not.toContain('/FontFile2');
  });

  it('never drop a character outside WinAnsi: without a font that has it, the letter fails naming it', async () => {
    const input = mapStrings(sampleLetter('en'), (s) => s.replace('Irena Kovač', 'Irena Łukasiewicz'));
    const e = await failure(renderLetter(input, { systemFontDirs: [] }));
    expect(e.code).toBe('unavailable');
    expect(e.message).toContain('"Ł" (U+0141)');
    expect(e.message).toContain('letterFontsDir');
  });

  it.skipIf(!existsSync(DEJAVU) && !inCi)('print such a character with a fallback font', async () => {
    const input = mapStrings(sampleLetter('en'), (s) => s.replace('Irena Kovač', 'Irena Łukasiewicz'));
    const pdf = await renderLetter(input, { systemFontDirs: ['/usr/share/fonts/truetype/dejavu'] });
    expect(normalize(streamText(await pdfText(pdf)))).toContain(normalize('Ms Irena Łukasiewicz, Senior Prosecutor'));
  });
});

describe('the fonts folder (letterFontsDir)', () => {
  it.skipIf(!existsSync(DEJAVU) && !inCi)('is searched, so a node without system fonts can print Russian', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'letter-fonts-'));
    try {
      symlinkSync(DEJAVU, join(dir, 'DejaVuSans.ttf'));
      const pdf = await renderLetter(sampleLetter('ru'), { fontsDir: dir, systemFontDirs: [] });
      expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
      expect(normalize(streamText(await pdfText(pdf)))).toContain(normalize('Запрос об оперативном обеспечении сохранности'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Every Arabic font this machine has, each alone: the letter must come out whole with any of them. */
const ARABIC_FONT_DIRS = ['/usr/share/fonts/truetype/noto', '/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/opentype/fonts-hosny-amiri'].filter((d) => existsSync(d));

describe.each(ARABIC_FONT_DIRS)('an Arabic letter printed with the fonts of %s', (dir) => {
  it('holds the title, the headings and the labels, shaped text extracting to the same letters', async () => {
    const input = sampleLetter('ar');
    const pdf = await renderLetter(input, { systemFontDirs: [dir] });
    const body = lettersOnly(streamText(await pdfText(pdf)));
    const words = [input.title, ...input.sections.flatMap((s) => [s.heading, ...s.rows.map((r) => r.label)])].flatMap((s) => s.split(/\s+/u));
    // Words with lam + alef are left out here (pdf.js reverses ligatures; letter.test.ts handles them).
    const plain = words.map(lettersOnly).filter((w) => w !== '' && !/ل[اأإآ]/u.test(w));
    expect(plain.filter((w) => !body.includes(w))).toEqual([]);
  });
});
