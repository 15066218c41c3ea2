/**
 * Line breaking for the letter (a subset of UAX #14 that covers what requests hold): breaks after spaces, between
 * CJK ideographs (with the usual kinsoku rules: never before a closing mark, never after an opening one), after a
 * hyphen or slash inside a word, around em dashes, and after a zero-width space. A word wider than the line (a
 * hash, a URL, a long identifier) is broken between grapheme clusters so that nothing is ever cut off. Pure: the
 * caller supplies the measure.
 */

/** One line: code-point offsets `[start, end)`; `visibleEnd` excludes the trailing spaces that hang in the margin. */
export interface LineSlice {
  readonly start: number;
  readonly end: number;
  readonly visibleEnd: number;
}

/** Spaces that allow a break after them (not NBSP, figure space or narrow NBSP, which exist to prevent one). */
const BREAK_SPACES: ReadonlySet<number> = new Set([0x20, 0x09, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2008, 0x2009, 0x200a, 0x205f, 0x3000]);
const ZWSP = 0x200b;

/** Marks a line must not start with (UAX #14 CL, CP, EX, IS, NS and the Latin ones). */
const NO_BREAK_BEFORE: ReadonlySet<number> = new Set(
  [...')]},.:;!?%\u2019\u201d\u2026\u2025\u00b0\u2030\u2032\u2033\u203c\u2047\u2048\u2049\u00bb\u203a',
    ...'、。，．：；？！）］｝」』】〕〉》〗〙〛〞〟・ー々〻ゝゞヽヾ゛゜％',
    ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ'].map((c) => c.codePointAt(0) ?? 0),
);
/** Marks a line must not end with (UAX #14 OP and opening quotes). */
const NO_BREAK_AFTER: ReadonlySet<number> = new Set(
  [...'([{\u2018\u201c\u00ab\u2039（［｛「『【〔〈《〖〘〚〝'].map((c) => c.codePointAt(0) ?? 0),
);
const HYPHENS: ReadonlySet<number> = new Set([0x2d, 0x2010, 0x2013, 0x2f]);
const EM_DASH = 0x2014;

/** Ideographic characters between which a line may break without a space (UAX #14 ID, plus CJK punctuation). */
export function isIdeographic(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2fff) ||
    (cp >= 0x3000 && cp <= 0x30ff) ||
    (cp >= 0x3130 && cp <= 0x318f) ||
    (cp >= 0x31c0 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

const isLetterOrDigit = (cp: number): boolean => /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp));
/** Combining marks and joiners stay with the character before them. */
const isExtender = (cp: number): boolean => cp === 0x200c || cp === 0x200d || /[\p{M}]/u.test(String.fromCodePoint(cp));

/**
 * How a text may break: `text` follows the rules above; `code` (the checkpoint note, keys, hashes) breaks only
 * after spaces, and otherwise between any two characters, so that no character that belongs to the code is
 * mistaken for a hyphen added by the layout.
 */
export type BreakMode = 'text' | 'code';

/** In a URL or an e-mail address, a break goes before these (the character then starts the next line). */
const URL_BREAK_BEFORE: ReadonlySet<number> = new Set([...'./-_?#&=~%'].map((c) => c.codePointAt(0) ?? 0));
const IDENTIFIER = /@|:\/\//u;

/** Whether a line may start before a code point: never, yes, or only when the word does not fit on a line. */
export const NO_BREAK = 0;
export const BREAK = 1;
export const BREAK_IF_NEEDED = 2;
export type Break = typeof NO_BREAK | typeof BREAK | typeof BREAK_IF_NEEDED;

/**
 * The break class before each code point (index 0 is always `NO_BREAK`). Inside a URL or an e-mail address the
 * breaks are `BREAK_IF_NEEDED` (after "@" or "//", before a separator, never after a hyphen, which would read as
 * hyphenation): such a word moves to the next line whole when it fits there.
 */
export function breakOpportunities(cps: readonly number[], mode: BreakMode = 'text'): Break[] {
  const out: Break[] = cps.map(() => NO_BREAK);
  const identifier = identifierMask(cps);
  for (let i = 1; i < cps.length; i++) {
    const prev = cps[i - 1] ?? 0;
    const cur = cps[i] ?? 0;
    if (BREAK_SPACES.has(cur) || isExtender(cur)) continue;
    if (mode === 'code') {
      if (BREAK_SPACES.has(prev)) out[i] = BREAK;
      continue;
    }
    if (BREAK_SPACES.has(prev) || prev === ZWSP) {
      if (!NO_BREAK_BEFORE.has(cur)) out[i] = BREAK;
      continue;
    }
    if (identifier[i] && identifier[i - 1]) {
      const prevIsSeparator = URL_BREAK_BEFORE.has(prev) || prev === 0x3a;
      if (prev === 0x40 || (prev === 0x2f && cps[i - 2] === 0x2f) || (URL_BREAK_BEFORE.has(cur) && !prevIsSeparator)) out[i] = BREAK_IF_NEEDED;
      continue;
    }
    if (NO_BREAK_BEFORE.has(cur) || NO_BREAK_AFTER.has(prev)) continue;
    if (isIdeographic(prev) || isIdeographic(cur)) out[i] = BREAK;
    else if (prev === EM_DASH || cur === EM_DASH) out[i] = BREAK;
    else if (HYPHENS.has(prev) && i >= 2 && isLetterOrDigit(cps[i - 2] ?? 0) && /\p{L}/u.test(String.fromCodePoint(cur))) out[i] = BREAK;
  }
  return out;
}

/** Marks the code points of words (between spaces and ideographs) that are URLs or e-mail addresses. */
function identifierMask(cps: readonly number[]): boolean[] {
  const mask = cps.map(() => false);
  const inWord = (cp: number): boolean => !BREAK_SPACES.has(cp) && !isIdeographic(cp);
  for (let i = 0; i < cps.length; ) {
    if (!inWord(cps[i] ?? 0)) {
      i++;
      continue;
    }
    let j = i;
    while (j < cps.length && inWord(cps[j] ?? 0)) j++;
    if (IDENTIFIER.test(String.fromCodePoint(...cps.slice(i, j)))) for (let k = i; k < j; k++) mask[k] = true;
    i = j;
  }
  return mask;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Code-point offsets (relative to `from`) at which grapheme clusters of `cps[from, to)` start, after the first. */
function graphemeStarts(cps: readonly number[], from: number, to: number): number[] {
  const text = String.fromCodePoint(...cps.slice(from, to));
  const starts: number[] = [];
  let units = 0;
  let points = 0;
  for (const { index } of segmenter.segment(text)) {
    while (units < index) {
      const cp = text.codePointAt(units) ?? 0;
      units += cp > 0xffff ? 2 : 1;
      points++;
    }
    if (index > 0) starts.push(from + points);
  }
  return starts;
}

/**
 * Lines of one paragraph at most `width` wide, as `measure` sees them (the measure of a slice excludes its
 * trailing spaces). Every code point lands on exactly one line; a line holds at least one grapheme cluster.
 */
export function wrap(cps: readonly number[], width: number, measure: (start: number, end: number) => number, mode: BreakMode = 'text'): LineSlice[] {
  if (cps.length === 0) return [{ start: 0, end: 0, visibleEnd: 0 }];
  const ops = breakOpportunities(cps, mode);
  const units: [number, number][] = [];
  let from = 0;
  for (let i = 1; i <= cps.length; i++) {
    if (i === cps.length || ops[i] === BREAK) {
      units.push([from, i]);
      from = i;
    }
  }
  const visibleEndOf = (start: number, end: number): number => {
    let e = end;
    while (e > start && BREAK_SPACES.has(cps[e - 1] ?? 0)) e--;
    return e;
  };
  const lines: LineSlice[] = [];
  let lineStart = -1;
  let lineEnd = -1;
  const flush = (): void => {
    if (lineStart < 0) return;
    lines.push({ start: lineStart, end: lineEnd, visibleEnd: visibleEndOf(lineStart, lineEnd) });
    lineStart = -1;
  };
  for (const [us, ue] of units) {
    if (lineStart >= 0 && measure(lineStart, visibleEndOf(lineStart, ue)) <= width) {
      lineEnd = ue;
      continue;
    }
    flush();
    if (measure(us, visibleEndOf(us, ue)) <= width) {
      lineStart = us;
      lineEnd = ue;
      continue;
    }
    // The unit alone is wider than the line: cut it where it allows (URL separators), else between clusters.
    const visible = visibleEndOf(us, ue);
    const soft: number[] = [];
    for (let i = us + 1; i < visible; i++) if (ops[i] === BREAK_IF_NEEDED) soft.push(i);
    const clusters = graphemeStarts(cps, us, visible);
    const lastFitting = (from: number, cuts: readonly number[]): number | null => {
      let best: number | null = null;
      for (const c of cuts) {
        if (c <= from) continue;
        if (measure(from, c) > width) break;
        best = c;
      }
      return best;
    };
    let start = us;
    while (start < visible && measure(start, visible) > width) {
      // A single cluster wider than the line stands alone (it cannot be cut without losing it).
      const cut = lastFitting(start, soft) ?? lastFitting(start, clusters) ?? clusters.find((c) => c > start) ?? visible;
      if (cut >= visible) break;
      lines.push({ start, end: cut, visibleEnd: cut });
      start = cut;
    }
    const previous = lines[lines.length - 1];
    if (start === visible && previous !== undefined) lines[lines.length - 1] = { ...previous, end: ue };
    else {
      lineStart = start;
      lineEnd = ue;
    }
  }
  flush();
  return lines;
}
