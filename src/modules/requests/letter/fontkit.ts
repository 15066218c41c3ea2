import { createRequire } from 'node:module';

/**
 * fontkit, the font engine inside pdfkit, reached through pdfkit's own dependency (so it is always the copy pdfkit
 * was built against, and no package is added). The letter needs it before drawing: to know which characters a
 * font covers, to check that an Arabic font shapes, and to pick one face out of a TrueType collection.
 */

/** The part of a fontkit font the letter uses. */
export interface FontkitFont {
  readonly postscriptName: string | null;
  readonly familyName: string;
  hasGlyphForCodePoint(cp: number): boolean;
  getAvailableFeatures(script: string, language?: string): string[];
  layout(text: string, ...rest: unknown[]): { glyphs: { codePoints: readonly number[] }[] };
}

interface FontkitModule {
  create(buffer: Uint8Array, postscriptName?: string): unknown;
}

const isFont = (x: unknown): x is FontkitFont =>
  typeof x === 'object' && x !== null && typeof (x as { hasGlyphForCodePoint?: unknown }).hasGlyphForCodePoint === 'function';

let loaded: FontkitModule | null = null;

function fontkit(): FontkitModule {
  if (loaded !== null) return loaded;
  const fromHere = createRequire(import.meta.url);
  const mod: unknown = createRequire(fromHere.resolve('pdfkit'))('fontkit');
  if (typeof mod !== 'object' || mod === null || typeof (mod as { create?: unknown }).create !== 'function')
    throw new Error('pdfkit\'s fontkit was not found or has an unexpected shape');
  loaded = mod as FontkitModule;
  return loaded;
}

/**
 * The fonts held in a font file: one for a TTF/OTF, each member for a collection (TTC). Returns [] for data that
 * is not a font fontkit can read (a broken file must not stop the search for another one).
 */
export function openFonts(data: Uint8Array): FontkitFont[] {
  let parsed: unknown;
  try {
    parsed = fontkit().create(data);
  } catch {
    return [];
  }
  if (isFont(parsed)) return [parsed];
  const members: unknown = typeof parsed === 'object' && parsed !== null ? (parsed as { fonts?: unknown }).fonts : undefined;
  return Array.isArray(members) ? members.filter(isFont) : [];
}

/** One font of a file, parsed afresh (fontkit caches glyphs with the text they were first met in). */
export function openFont(data: Uint8Array, collectionName: string | null): FontkitFont {
  const parsed: unknown = collectionName === null ? fontkit().create(data) : fontkit().create(data, collectionName);
  if (!isFont(parsed)) throw new Error(`font data does not hold ${collectionName ?? 'a single font'}`);
  return parsed;
}

const ZWJ = 0x200d;

/**
 * `font` as pdfkit should see it: every glyph of a layout maps to some text. Some fonts insert glyphs of their own
 * while shaping (Amiri adds a kashida between lam and kaf); fontkit gives them no characters, pdfkit then writes
 * an empty ToUnicode entry, and readers extract a random letter for it. Such glyphs map to ZWJ (invisible, and
 * what they are: a joining stroke). The glyphs themselves are not changed.
 */
export function withTextForEveryGlyph(font: FontkitFont): FontkitFont {
  return new Proxy(font, {
    get(target, prop) {
      if (prop === 'layout') {
        return (text: string, ...rest: unknown[]) => {
          const run = target.layout(text, ...rest);
          run.glyphs = run.glyphs.map((g) => (g.codePoints.length > 0 ? g : (Object.create(g, { codePoints: { value: [ZWJ], enumerable: true } }) as typeof g)));
          return run;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
