import PDFDocument from 'pdfkit';
import { composeLetter, drawFooters, leadingOf } from './compose.ts';
import { Composer } from './composer.ts';
import { DEFAULT_SYSTEM_FONT_DIRS, catalogFor } from './font-catalog.ts';
import { isRtl, letterFonts } from './fonts.ts';
import { codePoints, normalizeLetter } from './normalize.ts';
import { Typesetter } from './typeset.ts';
import type { LetterInput, RenderLetterOptions } from './types.ts';

/**
 * The formal letter of a request as a PDF (A4, black on white): the paper a central authority signs, sends and
 * files. Everything it prints comes from `input`; the same input gives the same bytes (the creation date and the
 * file identifier derive from the input, never from the clock), so a printed letter can be re-rendered and
 * compared.
 *
 * Throws `validation_failed` for bad input (unsupported language, invalid date or time zone, missing title,
 * reference, request id, heading or label) and `unavailable` when no installed font can print the language or
 * some of its characters (the message names the fonts looked for and the `letterFontsDir` setting).
 */
export async function renderLetter(input: LetterInput, opts: RenderLetterOptions = {}): Promise<Buffer> {
  const letter = normalizeLetter(input);
  const fontsDir = opts.fontsDir?.trim() ?? '';
  const catalog = catalogFor([...(fontsDir === '' ? [] : [fontsDir]), ...(opts.systemFontDirs ?? DEFAULT_SYSTEM_FONT_DIRS)]);
  const fonts = await letterFonts(letter.language, codePoints(letter), catalog);
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: letter.language,
    displayTitle: true,
    info: {
      Title: letter.title.replace(/\n+/g, ' '),
      Author: letter.from.authority.replace(/\n+/g, ' ') || letter.from.stateName || letter.from.state,
      Subject: letter.references.ours,
      Keywords: [letter.references.ours, letter.references.theirs, letter.references.ledgerObject].filter((k) => k !== null).join(', '),
      Creator: 'Comity',
      CreationDate: letter.date,
      ModDate: letter.date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    const composer = new Composer(doc, new Typesetter(doc, fonts), isRtl(letter.language), leadingOf(letter.language));
    composeLetter(composer, letter);
    drawFooters(composer, doc, letter);
  } catch (e) {
    doc.end();
    await done.catch(() => undefined);
    throw e;
  }
  doc.end();
  return await done;
}
