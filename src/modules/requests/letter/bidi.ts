import { BIDI_CLASS_NAMES, BIDI_RANGES } from './bidi-data.ts';

/**
 * The Unicode Bidirectional Algorithm (UAX #9) for the lines of a letter: a letter in Arabic carries Latin
 * references, digits, e-mail addresses and brackets, and a letter in English may carry an Arabic or Hebrew name.
 * The PDF has no notion of direction: every glyph is placed left to right, so the order must be resolved here.
 *
 * Implemented: X9 (formatting characters ignored), W1–W7, N0 (paired brackets), N1–N2, I1–I2 over one paragraph
 * at a given base level, then L1 and L2 per line, and L4 mirroring. Not implemented: explicit embeddings,
 * overrides and isolates (X1–X8, LRE…PDI are ignored like BN); the letter's own text never needs them, and user
 * text that contains them is still laid out by its strong characters. Pure: no I/O.
 */

export type BidiClass = (typeof BIDI_CLASS_NAMES)[number];
export type BaseLevel = 0 | 1;

const CLASS_COUNT = BIDI_RANGES.length / 3;

/** The Bidi_Class of a code point (binary search over the non-L ranges). */
export function bidiClass(cp: number): BidiClass {
  let lo = 0;
  let hi = CLASS_COUNT - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const first = BIDI_RANGES[mid * 3] ?? 0;
    const last = BIDI_RANGES[mid * 3 + 1] ?? 0;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return BIDI_CLASS_NAMES[BIDI_RANGES[mid * 3 + 2] ?? 0] ?? 'L';
  }
  return 'L';
}

/** Mirror pairs (BidiMirroring.txt) for the brackets and signs a letter can hold. */
const MIRROR_PAIRS: readonly (readonly [number, number])[] = [
  [0x28, 0x29], [0x3c, 0x3e], [0x5b, 0x5d], [0x7b, 0x7d], [0xab, 0xbb], [0x2039, 0x203a], [0x2045, 0x2046],
  [0x207d, 0x207e], [0x208d, 0x208e], [0x2264, 0x2265], [0x2266, 0x2267], [0x2208, 0x220b], [0x2308, 0x2309],
  [0x230a, 0x230b], [0x2329, 0x232a], [0x2768, 0x2769], [0x276a, 0x276b], [0x276c, 0x276d], [0x276e, 0x276f],
  [0x2770, 0x2771], [0x2772, 0x2773], [0x2774, 0x2775], [0x27e6, 0x27e7], [0x27e8, 0x27e9], [0x27ea, 0x27eb],
  [0x27ec, 0x27ed], [0x27ee, 0x27ef], [0x2983, 0x2984], [0x2985, 0x2986], [0x3008, 0x3009], [0x300a, 0x300b],
  [0x300c, 0x300d], [0x300e, 0x300f], [0x3010, 0x3011], [0x3014, 0x3015], [0x3016, 0x3017], [0x3018, 0x3019],
  [0x301a, 0x301b], [0xfe59, 0xfe5a], [0xfe5b, 0xfe5c], [0xfe5d, 0xfe5e], [0xfe64, 0xfe65], [0xff08, 0xff09],
  [0xff1c, 0xff1e], [0xff3b, 0xff3d], [0xff5b, 0xff5d], [0xff5f, 0xff60], [0xff62, 0xff63],
];
const MIRRORS: ReadonlyMap<number, number> = new Map(MIRROR_PAIRS.flatMap(([a, b]) => [[a, b], [b, a]] as const));

/** Paired brackets (BidiBrackets.txt): opening → closing, for N0. Angle brackets 2329/232A ≡ 3008/3009. */
const OPENING: ReadonlyMap<number, number> = new Map([
  [0x28, 0x29], [0x5b, 0x5d], [0x7b, 0x7d], [0x2045, 0x2046], [0x207d, 0x207e], [0x208d, 0x208e], [0x2308, 0x2309],
  [0x230a, 0x230b], [0x2329, 0x3009], [0x2768, 0x2769], [0x276a, 0x276b], [0x276c, 0x276d], [0x276e, 0x276f],
  [0x2770, 0x2771], [0x2772, 0x2773], [0x2774, 0x2775], [0x27e6, 0x27e7], [0x27e8, 0x27e9], [0x27ea, 0x27eb],
  [0x27ec, 0x27ed], [0x27ee, 0x27ef], [0x2983, 0x2984], [0x2985, 0x2986], [0x3008, 0x3009], [0x300a, 0x300b],
  [0x300c, 0x300d], [0x300e, 0x300f], [0x3010, 0x3011], [0x3014, 0x3015], [0x3016, 0x3017], [0x3018, 0x3019],
  [0x301a, 0x301b], [0xfe59, 0xfe5a], [0xfe5b, 0xfe5c], [0xfe5d, 0xfe5e], [0xff08, 0xff09], [0xff3b, 0xff3d],
  [0xff5b, 0xff5d], [0xff5f, 0xff60], [0xff62, 0xff63],
]);
const CANONICAL_CLOSING: ReadonlyMap<number, number> = new Map([[0x232a, 0x3009]]);

/** The glyph to draw for `cp` on a right-to-left level (L4): its mirror, or itself. */
export function mirrored(cp: number): number {
  return MIRRORS.get(cp) ?? cp;
}

const IGNORED: ReadonlySet<BidiClass> = new Set(['BN', 'LRE', 'LRO', 'RLE', 'RLO', 'PDF', 'LRI', 'RLI', 'FSI', 'PDI']);
const NEUTRAL: ReadonlySet<BidiClass> = new Set(['B', 'S', 'WS', 'ON']);

/** Strong direction of a resolved class for N0/N1: EN and AN count as R. */
const strongOf = (c: BidiClass): 'L' | 'R' | null => (c === 'L' ? 'L' : c === 'R' || c === 'EN' || c === 'AN' ? 'R' : null);

/**
 * The resolved embedding level of each code point of one paragraph (`cps`, no paragraph separator inside) at
 * `base` (0 = left-to-right, 1 = right-to-left). Ignored characters (BN, formatting codes) take the level of the
 * character before them.
 */
export function resolveLevels(cps: readonly number[], base: BaseLevel): Uint8Array {
  const original = cps.map(bidiClass);
  const idx: number[] = [];
  for (let i = 0; i < cps.length; i++) if (!IGNORED.has(original[i] ?? 'L')) idx.push(i);
  const t: BidiClass[] = idx.map((i) => original[i] ?? 'L');
  const n = t.length;
  const e: 'L' | 'R' = base === 0 ? 'L' : 'R';
  const at = (k: number): BidiClass => t[k] ?? 'ON';

  // W1: NSM takes the class of the character before it (sos at the start).
  for (let k = 0; k < n; k++) if (at(k) === 'NSM') t[k] = k === 0 ? e : at(k - 1);
  // W2: EN after AL is AN. W3: AL is R.
  let last: BidiClass = e;
  for (let k = 0; k < n; k++) {
    const c = at(k);
    if (c === 'L' || c === 'R' || c === 'AL') last = c;
    else if (c === 'EN' && last === 'AL') t[k] = 'AN';
  }
  for (let k = 0; k < n; k++) if (at(k) === 'AL') t[k] = 'R';
  // W4: a single ES between ENs, a single CS between two numbers of the same kind.
  for (let k = 1; k < n - 1; k++) {
    const c = at(k);
    const prev = at(k - 1);
    const next = at(k + 1);
    if (c === 'ES' && prev === 'EN' && next === 'EN') t[k] = 'EN';
    else if (c === 'CS' && prev === next && (prev === 'EN' || prev === 'AN')) t[k] = prev;
  }
  // W5: ET next to EN becomes EN.
  for (let k = 0; k < n; ) {
    if (at(k) !== 'ET') {
      k++;
      continue;
    }
    let end = k;
    while (end < n && at(end) === 'ET') end++;
    if ((k > 0 && at(k - 1) === 'EN') || (end < n && at(end) === 'EN')) for (let j = k; j < end; j++) t[j] = 'EN';
    k = end;
  }
  // W6: remaining separators and terminators are neutral.
  for (let k = 0; k < n; k++) {
    const c = at(k);
    if (c === 'ES' || c === 'ET' || c === 'CS') t[k] = 'ON';
  }
  // W7: EN after L (or sos L) is L.
  last = e;
  for (let k = 0; k < n; k++) {
    const c = at(k);
    if (c === 'L' || c === 'R') last = c;
    else if (c === 'EN' && last === 'L') t[k] = 'L';
  }
  resolvePairedBrackets(t, idx.map((i) => cps[i] ?? 0), original, idx, e);
  // N1/N2: a run of neutrals between two strong sides of the same direction takes it, else the embedding's.
  for (let k = 0; k < n; ) {
    if (!NEUTRAL.has(at(k))) {
      k++;
      continue;
    }
    let end = k;
    while (end < n && NEUTRAL.has(at(end))) end++;
    const before = k === 0 ? e : (strongOf(at(k - 1)) ?? e);
    const after = end === n ? e : (strongOf(at(end)) ?? e);
    const dir = before === after ? before : e;
    for (let j = k; j < end; j++) t[j] = dir;
    k = end;
  }
  // I1/I2.
  const levels = new Uint8Array(cps.length);
  for (let k = 0; k < n; k++) {
    const c = at(k);
    let level: number = base;
    if (base === 0) level = c === 'R' ? 1 : c === 'AN' || c === 'EN' ? 2 : 0;
    else level = c === 'L' || c === 'EN' || c === 'AN' ? 2 : 1;
    levels[idx[k] ?? 0] = level;
  }
  let prevLevel: number = base;
  for (let i = 0; i < cps.length; i++) {
    if (IGNORED.has(original[i] ?? 'L')) levels[i] = prevLevel;
    prevLevel = levels[i] ?? base;
  }
  return levels;
}

/** N0 (BD16): a bracket pair takes the direction of the strong text inside it, in the sense of the rules. */
function resolvePairedBrackets(t: BidiClass[], cps: readonly number[], original: readonly BidiClass[], idx: readonly number[], e: 'L' | 'R'): void {
  const pairs: [number, number][] = [];
  const stack: { close: number; at: number }[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t[k] !== 'ON') continue;
    const cp = cps[k] ?? 0;
    const close = OPENING.get(cp);
    if (close !== undefined) {
      if (stack.length === 63) break;
      stack.push({ close, at: k });
      continue;
    }
    const want = CANONICAL_CLOSING.get(cp) ?? cp;
    for (let s = stack.length - 1; s >= 0; s--) {
      if (stack[s]?.close !== want) continue;
      pairs.push([stack[s]?.at ?? 0, k]);
      stack.length = s;
      break;
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const opposite = e === 'L' ? 'R' : 'L';
  for (const [open, close] of pairs) {
    let found: 'L' | 'R' | null = null;
    for (let k = open + 1; k < close; k++) {
      const s = strongOf(t[k] ?? 'ON');
      if (s === e) {
        found = e;
        break;
      }
      if (s !== null) found = s;
    }
    if (found === null) continue;
    let dir: 'L' | 'R' = e;
    if (found === opposite) {
      let context: 'L' | 'R' = e;
      for (let k = open - 1; k >= 0; k--) {
        const s = strongOf(t[k] ?? 'ON');
        if (s !== null) {
          context = s;
          break;
        }
      }
      dir = context === opposite ? opposite : e;
    }
    for (const k of [open, close]) {
      t[k] = dir;
      // NSMs that followed the bracket (changed to ON by W1) follow it again.
      for (let j = k + 1; j < t.length && original[idx[j] ?? 0] === 'NSM'; j++) t[j] = dir;
    }
  }
}

const TRAILING_RESET: ReadonlySet<BidiClass> = new Set(['WS', ...IGNORED]);

/**
 * The logical indices of the line `[start, end)` in visual (left-to-right) order: L1 resets trailing whitespace
 * and segment separators to the paragraph level, L2 reverses every run at or above each odd level.
 */
export function visualOrder(cps: readonly number[], levels: Uint8Array, start: number, end: number, base: BaseLevel): number[] {
  const lv: number[] = [];
  for (let i = start; i < end; i++) lv.push(levels[i] ?? base);
  const cls = (i: number): BidiClass => bidiClass(cps[start + i] ?? 0x20);
  for (let i = lv.length - 1; i >= 0 && TRAILING_RESET.has(cls(i)); i--) lv[i] = base;
  for (let i = 0; i < lv.length; i++) {
    const c = cls(i);
    if (c !== 'S' && c !== 'B') continue;
    lv[i] = base;
    for (let j = i - 1; j >= 0 && TRAILING_RESET.has(cls(j)); j--) lv[j] = base;
  }
  const order = lv.map((_, i) => start + i);
  let max = 0;
  let minOdd = 255;
  for (const l of lv) {
    max = Math.max(max, l);
    if (l % 2 === 1) minOdd = Math.min(minOdd, l);
  }
  for (let level = max; level >= minOdd && level > 0; level--) {
    for (let i = 0; i < order.length; ) {
      if ((lv[(order[i] ?? 0) - start] ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && (lv[(order[j] ?? 0) - start] ?? 0) >= level) j++;
      const run = order.slice(i, j).reverse();
      order.splice(i, run.length, ...run);
      i = j;
    }
  }
  return order;
}
