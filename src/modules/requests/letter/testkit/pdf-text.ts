import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { BODY_BOTTOM, PAGE } from '../composer.ts';

/**
 * Text of a PDF as pdf.js extracts it (what a reader's copy, search and screen reader get), split into body and
 * footer by position. Test support only.
 */

export interface TextItem {
  readonly str: string;
  /** Left edge, points from the left of the page. */
  readonly x: number;
  /** Baseline, points from the top of the page. */
  readonly y: number;
  readonly width: number;
}

export interface PdfText {
  readonly pageCount: number;
  /** Per page, the body items in content-stream order (the order the letter writes them). */
  readonly body: readonly (readonly TextItem[])[];
  /** Per page, the footer items. */
  readonly footer: readonly (readonly TextItem[])[];
  readonly info: Record<string, unknown>;
}

/** pdf.js's metrics of the PDF standard fonts (Helvetica, Courier), so it measures them without warnings. */
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export async function pdfText(pdf: Buffer): Promise<PdfText> {
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, standardFontDataUrl: STANDARD_FONTS });
  const doc = await task.promise;
  const body: TextItem[][] = [];
  const footer: TextItem[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const b: TextItem[] = [];
    const f: TextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const t = { str: item.str, x: item.transform[4] ?? 0, y: PAGE.height - (item.transform[5] ?? 0), width: item.width };
      (t.y > BODY_BOTTOM + 5 ? f : b).push(t);
    }
    body.push(b);
    footer.push(f);
  }
  const meta = await doc.getMetadata();
  const info = typeof meta.info === 'object' && meta.info !== null ? (meta.info as Record<string, unknown>) : {};
  await task.destroy();
  return { pageCount: doc.numPages, body, footer, info };
}

/** Text without any white space (line breaks and wrapping do not matter then). */
export const compact = (s: string): string => s.replace(/\s+/gu, '');

/** The body text in the order the letter writes it (content-stream order): right for left-to-right letters. */
export function streamText(t: PdfText): string {
  return t.body.flatMap((page) => page.map((i) => i.str)).join('');
}

/**
 * The body text in reading order for a right-to-left letter: lines top to bottom, the items of a line right to
 * left. pdf.js gives each item in logical order already, but cuts an Arabic word into several items where the
 * font's cursive attachment moves glyphs, and lists those pieces left to right.
 */
export function readingText(t: PdfText): string {
  const out: string[] = [];
  for (const page of t.body) {
    const lines: TextItem[][] = [];
    for (const item of [...page].sort((a, b) => a.y - b.y)) {
      const line = lines.find((l) => Math.abs((l[0]?.y ?? 0) - item.y) < 2);
      if (line === undefined) lines.push([item]);
      else line.push(item);
    }
    for (const line of lines) out.push(line.sort((a, b) => b.x + b.width - (a.x + a.width)).map((i) => i.str).join(''));
  }
  return out.join('');
}

/** For left-to-right scripts: NFKC (full-width forms to ASCII, as pdf.js may give them) and no white space. */
export const normalize = (s: string): string => compact(s.normalize('NFKC'));

/**
 * For Arabic: letters, marks and digits only, NFKC (presentation forms to letters). Punctuation is left out: on
 * a right-to-left line it is drawn reversed and mirrored, and extraction returns the glyphs drawn.
 */
export const lettersOnly = (s: string): string => s.normalize('NFKC').replace(/[^\p{L}\p{M}\p{N}]/gu, '');
