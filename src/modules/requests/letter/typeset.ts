import { type BaseLevel, bidiClass, mirrored, resolveLevels, visualOrder } from './bidi.ts';
import type { ChainEntry, LetterFonts } from './fonts.ts';
import { openFont, withTextForEveryGlyph } from './fontkit.ts';
import { type BreakMode, wrap } from './linebreak.ts';

/**
 * Turns text into positioned glyph runs and draws them: font fallback character by character, line breaking,
 * bidirectional reordering, and the one thing pdfkit cannot do for right-to-left text — place words right to left.
 *
 * How right-to-left text reaches the page: a run of Arabic (or Hebrew) letters is handed to fontkit in logical
 * order; fontkit shapes it (joining forms, lam-alef) and emits its glyphs right to left. Neutral characters on a
 * right-to-left level (spaces, brackets, punctuation) are never handed to fontkit with the letters (fonts with an
 * `rtlm` feature would mirror brackets a second time): they are reversed and mirrored here. Runs are written to
 * the content stream in logical order at their visual positions, so text extraction and search see the words in
 * reading order.
 */

export type Role = 'regular' | 'bold' | 'mono';

export interface TextStyle {
  readonly role: Role;
  /** Font size in points. */
  readonly size: number;
}

/** One run of text in one face, placed on its line. */
export interface Piece {
  /** What to hand to pdfkit (logical order for shaped right-to-left letters, visual order otherwise). */
  readonly text: string;
  readonly entry: ChainEntry;
  /** Offset from the line's left edge, in points. */
  readonly x: number;
  readonly width: number;
  /** Logical position of the run's first character: runs are written in this order. */
  readonly order: number;
  /** Only spaces: takes room, draws nothing. */
  readonly blank: boolean;
}

export interface Line {
  readonly pieces: readonly Piece[];
  readonly width: number;
  /** Not the first line of its paragraph (a wrapped continuation). */
  readonly continuation: boolean;
}

const ZWNJ = 0x200c;
const ZWJ = 0x200d;
/** Direction marks: they steer the bidi algorithm and are never drawn. */
const MARKS: ReadonlySet<number> = new Set([0x200e, 0x200f, 0x061c]);
/** Characters without a glyph of their own; a face need not have them. */
const INVISIBLE: ReadonlySet<number> = new Set([ZWJ, ZWNJ, ...MARKS]);
const SHAPED: ReadonlySet<string> = new Set(['R', 'AL', 'NSM', 'BN']);
const isSpace = (cp: number): boolean => /\s/u.test(String.fromCodePoint(cp));
const isExtender = (cp: number): boolean => INVISIBLE.has(cp) || /\p{M}/u.test(String.fromCodePoint(cp));

/** Lays out and draws the text of one document with the faces chosen for its letter (see the module comment). */
export class Typesetter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly fonts: LetterFonts;
  private readonly registered = new Set<string>();

  constructor(doc: PDFKit.PDFDocument, fonts: LetterFonts) {
    this.doc = doc;
    this.fonts = fonts;
  }

  /**
   * The lines of `text` (paragraphs split on `\n`) in `style`, each at most `width` wide. `base` is the letter's
   * direction; a paragraph of text (not code) takes it only when it holds a letter of that direction (see
   * `paragraphLevel`), so a phone number in an Arabic letter still reads left to right.
   */
  layout(text: string, style: TextStyle, width: number, base: BaseLevel, mode: BreakMode = 'text'): Line[] {
    return text.split('\n').flatMap((p) => this.paragraph(p, style, width, base, mode));
  }

  /** Draws `line` with its left edge at `left` and its baseline at `baseline` (points from the top of the page). */
  draw(line: Line, style: TextStyle, left: number, baseline: number): void {
    const pieces = [...line.pieces].sort((a, b) => a.order - b.order);
    for (const p of pieces) {
      if (p.blank) continue;
      this.use(p.entry, style.size);
      const options: PDFKit.Mixins.TextOptions = { lineBreak: false, baseline: 'alphabetic' };
      if (!p.entry.fauxBold) {
        this.doc.text(p.text, left + p.x, baseline, options);
        continue;
      }
      this.doc.save();
      this.doc.lineWidth(style.size * 0.04);
      this.doc.text(p.text, left + p.x, baseline, { ...options, fill: true, stroke: true });
      this.doc.restore();
    }
  }

  private chain(role: Role): readonly ChainEntry[] {
    return this.fonts[role];
  }

  private use(entry: ChainEntry, size: number): void {
    const face = entry.face;
    if (!face.standard && !this.registered.has(face.key)) {
      if (face.data === null) throw new Error(`font ${face.source} has no data`);
      // pdfkit takes a fontkit font where it takes a file (PDFFontFactory.open); @types/pdfkit does not say so.
      const font = withTextForEveryGlyph(openFont(face.data, face.collectionName));
      this.doc.registerFont(face.key, font as unknown as PDFKit.Mixins.PDFFontSource);
      this.registered.add(face.key);
    }
    this.doc.font(face.key).fontSize(size);
  }

  private textWidth(entry: ChainEntry, text: string, size: number): number {
    if (text === '') return 0;
    this.use(entry, size);
    return this.doc.widthOfString(text);
  }

  private measure(cps: readonly number[], faces: readonly number[], chain: readonly ChainEntry[], size: number, start: number, end: number): number {
    let total = 0;
    for (let i = start; i < end; ) {
      let j = i + 1;
      while (j < end && faces[j] === faces[i]) j++;
      const entry = chain[faces[i] ?? 0];
      if (entry !== undefined) total += this.textWidth(entry, printable(entry, cps.slice(i, j)), size);
      i = j;
    }
    return total;
  }

  private paragraph(text: string, style: TextStyle, width: number, base: BaseLevel, mode: BreakMode): Line[] {
    const cps = [...text].map((c) => c.codePointAt(0) ?? 0);
    const chain = this.chain(style.role);
    const faces = assignFaces(cps, chain);
    const level = mode === 'code' ? base : paragraphLevel(cps, base);
    const levels = resolveLevels(cps, level);
    const slices = wrap(cps, width, (s, e) => this.measure(cps, faces, chain, style.size, s, e), mode);
    return slices.map((slice, n) => {
      const runs = pieceRuns(cps, levels, faces, slice.start, slice.visibleEnd, level);
      let x = 0;
      const pieces: Piece[] = [];
      for (const run of runs) {
        const entry = chain[run.face];
        if (entry === undefined) continue;
        const t = printable(entry, run.cps);
        const w = this.textWidth(entry, t, style.size);
        pieces.push({ text: t, entry, x, width: w, order: run.order, blank: run.cps.every(isSpace) });
        x += w;
      }
      return { pieces, width: x, continuation: n > 0 };
    });
  }
}

/**
 * The embedding level of one paragraph in a letter written at `letterLevel`: the letter's own direction when the
 * paragraph holds a strong letter of that direction, else the direction of the letters it holds, and left to
 * right when it holds none (numbers, phone numbers, addresses, dates). Like HTML's `dir=auto`, except that an
 * Arabic sentence that starts with a Latin name stays right to left in an Arabic letter.
 */
export function paragraphLevel(cps: readonly number[], letterLevel: BaseLevel): BaseLevel {
  let ltr = false;
  let rtl = false;
  for (const cp of cps) {
    const c = bidiClass(cp);
    if (c === 'L') ltr = true;
    else if (c === 'R' || c === 'AL') rtl = true;
  }
  if (letterLevel === 1) return rtl ? 1 : 0;
  return !ltr && rtl ? 1 : 0;
}

/** What a face can be handed: joiners only matter to shaping fonts; a standard font cannot encode them. */
function printable(entry: ChainEntry, cps: readonly number[]): string {
  const kept = cps.filter((cp) => !MARKS.has(cp) && !(entry.face.standard && INVISIBLE.has(cp)));
  return String.fromCodePoint(...kept);
}

/**
 * The chain index of the face each code point is printed with. A letter takes the first face that has it. Digits,
 * punctuation, spaces and marks take the face of the nearest letter before them (else after them) when that face
 * has them, so "XA-PG-2026" is one face in an Arabic letter and "21 فبراير 2026" another; else the first face
 * that has them. Joiners and direction marks (no glyph) ride with their neighbour.
 */
export function assignFaces(cps: readonly number[], chain: readonly ChainEntry[]): number[] {
  const first = (cp: number): number => chain.findIndex((e) => e.face.covers(cp));
  const isLetter = (cp: number): boolean => /\p{L}/u.test(String.fromCodePoint(cp));
  const out: number[] = cps.map((cp) => (isLetter(cp) ? first(cp) : -1));
  const covers = (i: number, cp: number): boolean => (chain[i]?.face.covers(cp) ?? false) || INVISIBLE.has(cp);
  /** The face of the nearest letter from `from` in direction `step`; `inWord` stops at white space. */
  const nearestLetter = (from: number, step: 1 | -1, inWord: boolean): number => {
    for (let k = from; k >= 0 && k < cps.length; k += step) {
      const c = cps[k] ?? 0;
      if (inWord && isSpace(c)) return -1;
      if (isLetter(c) && (out[k] ?? -1) >= 0) return out[k] ?? -1;
    }
    return -1;
  };
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] ?? 0;
    if (isLetter(cp)) continue;
    const prev = i > 0 ? (out[i - 1] ?? -1) : -1;
    if ((isExtender(cp) || INVISIBLE.has(cp)) && prev >= 0 && covers(prev, cp)) {
      out[i] = prev;
      continue;
    }
    // Same word first ("202a", "XA-PG-2026"), then the nearest letter before, then after.
    const candidates = [nearestLetter(i - 1, -1, true), nearestLetter(i + 1, 1, true), nearestLetter(i - 1, -1, false), nearestLetter(i + 1, 1, false)];
    out[i] = candidates.find((f) => f >= 0 && covers(f, cp)) ?? first(cp);
  }
  // Letters and signs no face has were refused when the fonts were chosen; the primary face stands in.
  return out.map((f) => (f >= 0 ? f : 0));
}

interface Run {
  readonly cps: readonly number[];
  readonly face: number;
  readonly order: number;
}

/** The runs of line `[start, end)` in visual order, each in one face, with the text to hand to pdfkit. */
export function pieceRuns(cps: readonly number[], levels: Uint8Array, faces: readonly number[], start: number, end: number, base: BaseLevel): Run[] {
  const order = visualOrder(cps, levels, start, end, base);
  const runs: Run[] = [];
  for (let i = 0; i < order.length; ) {
    const first = order[i] ?? 0;
    const level = levels[first] ?? base;
    const odd = level % 2 === 1;
    let j = i + 1;
    while (j < order.length && (levels[order[j] ?? 0] ?? base) === level && (order[j] ?? 0) === (order[j - 1] ?? 0) + (odd ? -1 : 1)) j++;
    const lo = odd ? (order[j - 1] ?? 0) : first;
    const hi = odd ? first : (order[j - 1] ?? 0);
    runs.push(...(odd ? rtlRuns(cps, faces, lo, hi + 1) : ltrRuns(cps, faces, lo, hi + 1)));
    i = j;
  }
  return runs;
}

function ltrRuns(cps: readonly number[], faces: readonly number[], lo: number, hi: number): Run[] {
  const runs: Run[] = [];
  for (let i = lo; i < hi; ) {
    let j = i + 1;
    while (j < hi && faces[j] === faces[i]) j++;
    runs.push({ cps: cps.slice(i, j), face: faces[i] ?? 0, order: i });
    i = j;
  }
  return runs;
}

/**
 * A right-to-left run `[lo, hi)`: letter runs go to the shaper in logical order (it reverses them), neutral runs
 * are reversed and mirrored here; the runs themselves are listed right to left.
 */
function rtlRuns(cps: readonly number[], faces: readonly number[], lo: number, hi: number): Run[] {
  const shaped = (cp: number): boolean => SHAPED.has(bidiClass(cp));
  const logical: Run[] = [];
  for (let i = lo; i < hi; ) {
    const kind = shaped(cps[i] ?? 0);
    let j = i + 1;
    while (j < hi && faces[j] === faces[i] && shaped(cps[j] ?? 0) === kind) j++;
    const slice = cps.slice(i, j);
    // The shaper reverses a run only when it holds a right-to-left letter; anything else is reversed here.
    const reversedByShaper = kind && slice.some((cp) => !INVISIBLE.has(cp) && (bidiClass(cp) === 'R' || bidiClass(cp) === 'AL'));
    logical.push({ cps: reversedByShaper ? slice : [...slice].reverse().map(mirrored), face: faces[i] ?? 0, order: i });
    i = j;
  }
  return logical.reverse();
}
