import { envName } from '../../../platform/config/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Candidate, type Face, type FontCatalog, standardFace } from './font-catalog.ts';
import type { FontkitFont } from './fontkit.ts';
import type { LetterLanguage } from './types.ts';

/**
 * Which faces print a letter in a given language. Latin-script letters use the PDF standard fonts (nothing to
 * install); Russian needs a Cyrillic font, Arabic a font that shapes Arabic, Chinese a CJK font. Whatever a letter
 * holds beyond its primary font (an Arabic name in an English letter, a Polish "Ł") is printed with the first
 * fallback font that has it; a character no available font has is an error, never a silent gap or a wrong glyph.
 */

/** A face in a chain; `fauxBold` when a regular face stands in for a bold one (printed with a thin outline). */
export interface ChainEntry {
  readonly face: Face;
  readonly fauxBold: boolean;
}

/** The faces of one letter: each chain is tried in order, character by character. */
export interface LetterFonts {
  readonly regular: readonly ChainEntry[];
  readonly bold: readonly ChainEntry[];
  readonly mono: readonly ChainEntry[];
}

/** The code points a letter prints, by role: `text` for everything but the checkpoint note, `mono` for the note. */
export interface FontNeeds {
  readonly text: ReadonlySet<number>;
  readonly mono: ReadonlySet<number>;
}

interface Family {
  readonly regular: Candidate;
  readonly bold: Candidate | null;
}

interface ScriptFonts {
  readonly name: string;
  /** Code points the primary font must have. */
  readonly probe: readonly number[];
  /** OpenType features the primary font must offer for `script` (Arabic joining forms). */
  readonly features: { readonly script: string; readonly required: readonly string[] } | null;
  readonly families: readonly Family[];
  /** The smallest Debian packages that provide a suitable font. */
  readonly debian: string;
}

const fam = (regular: string, bold: string | null, names?: { regular: string; bold: string | null }): Family => ({
  regular: names === undefined ? { file: regular } : { file: regular, name: names.regular },
  bold: bold === null ? null : names?.bold === undefined || names.bold === null ? { file: bold } : { file: bold, name: names.bold },
});

const DEJAVU = fam('DejaVuSans.ttf', 'DejaVuSans-Bold.ttf');
const NOTO_SANS = fam('NotoSans-Regular.ttf', 'NotoSans-Bold.ttf');
const LIBERATION = fam('LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf');
const FREESANS = fam('FreeSans.ttf', 'FreeSansBold.ttf');

const CYRILLIC: ScriptFonts = {
  name: 'Cyrillic (Russian)',
  probe: [0x0401, 0x0416, 0x044f, 0x0451],
  features: null,
  families: [DEJAVU, NOTO_SANS, LIBERATION, FREESANS, fam('PTSans-Regular.ttf', 'PTSans-Bold.ttf')],
  debian: 'fonts-dejavu-core',
};

const ARABIC: ScriptFonts = {
  name: 'Arabic',
  probe: [0x0627, 0x0628, 0x0644, 0x0647, 0x064a, 0x060c],
  features: { script: 'arab', required: ['init', 'medi', 'fina'] },
  families: [
    fam('NotoNaskhArabic-Regular.ttf', 'NotoNaskhArabic-Bold.ttf'),
    fam('NotoSansArabic-Regular.ttf', 'NotoSansArabic-Bold.ttf'),
    DEJAVU,
    fam('Amiri-Regular.ttf', 'Amiri-Bold.ttf'),
    fam('ScheherazadeNew-Regular.ttf', 'ScheherazadeNew-Bold.ttf'),
  ],
  debian: 'fonts-dejavu-core (or fonts-noto-core for Noto Naskh Arabic)',
};

const CJK: ScriptFonts = {
  name: 'Chinese',
  probe: [0x4e2d, 0x6587, 0x8bf7, 0x3002, 0xff0c],
  features: null,
  families: [
    fam('NotoSansCJK-Regular.ttc', 'NotoSansCJK-Bold.ttc', { regular: 'NotoSansCJKsc-Regular', bold: 'NotoSansCJKsc-Bold' }),
    fam('NotoSansCJKsc-Regular.otf', 'NotoSansCJKsc-Bold.otf'),
    fam('NotoSansSC-Regular.otf', 'NotoSansSC-Bold.otf'),
    fam('SourceHanSansSC-Regular.otf', 'SourceHanSansSC-Bold.otf'),
    fam('NotoSerifCJK-Regular.ttc', 'NotoSerifCJK-Bold.ttc', { regular: 'NotoSerifCJKsc-Regular', bold: 'NotoSerifCJKsc-Bold' }),
    fam('wqy-microhei.ttc', null, { regular: 'WenQuanYiMicroHei', bold: null }),
    fam('wqy-zenhei.ttc', null, { regular: 'WenQuanYiZenHei', bold: null }),
    fam('DroidSansFallbackFull.ttf', null),
  ],
  debian: 'fonts-wqy-microhei (or fonts-noto-cjk)',
};

/** The primary fonts of a language; null for Latin-script languages (PDF standard fonts). */
const SCRIPT_OF: Readonly<Record<LetterLanguage, ScriptFonts | null>> = { en: null, fr: null, es: null, ru: CYRILLIC, ar: ARABIC, zh: CJK };

/** Right-to-left languages among the letter languages. */
export const isRtl = (language: LetterLanguage): boolean => language === 'ar';

/** Fonts tried, in order, for characters the primary font lacks. */
const FALLBACKS: readonly Candidate[] = [
  ...[DEJAVU, NOTO_SANS, LIBERATION, FREESANS].map((f) => f.regular),
  ...ARABIC.families.map((f) => f.regular),
  ...CJK.families.map((f) => f.regular),
  { file: 'NotoSansHebrew-Regular.ttf' },
  { file: 'NotoSansSymbols-Regular.ttf' },
  { file: 'NotoSansSymbols2-Regular.ttf' },
];
const MONO_FALLBACKS: readonly Candidate[] = [{ file: 'DejaVuSansMono.ttf' }, { file: 'NotoSansMono-Regular.ttf' }, { file: 'LiberationMono-Regular.ttf' }];

const anyFont = (): boolean => true;

function suits(script: ScriptFonts): (font: FontkitFont) => boolean {
  return (font) => {
    if (!script.probe.every((cp) => font.hasGlyphForCodePoint(cp))) return false;
    if (script.features === null) return true;
    let features: string[];
    try {
      features = font.getAvailableFeatures(script.features.script);
    } catch {
      return false;
    }
    return script.features.required.every((f) => features.includes(f));
  };
}

async function primaryFaces(script: ScriptFonts, catalog: FontCatalog): Promise<{ regular: Face; bold: Face | null } | null> {
  const accept = suits(script);
  for (const family of script.families) {
    const regular = await catalog.find(family.regular, accept);
    if (regular === null) continue;
    const bold = family.bold === null ? null : await catalog.find(family.bold, accept);
    return { regular, bold };
  }
  return null;
}

const describeCp = (cp: number): string => `"${String.fromCodePoint(cp)}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;

/** Appends to `chain` the first candidates that cover what it misses; returns what is still missing. */
async function extend(chain: Face[], needs: ReadonlySet<number>, candidates: readonly Candidate[], catalog: FontCatalog): Promise<number[]> {
  let missing = [...needs].filter((cp) => !chain.some((f) => f.covers(cp)));
  for (const candidate of candidates) {
    if (missing.length === 0) break;
    const face = await catalog.find(candidate, anyFont);
    if (face === null || chain.some((f) => f.key === face.key)) continue;
    if (!missing.some((cp) => face.covers(cp))) continue;
    chain.push(face);
    missing = missing.filter((cp) => !face.covers(cp));
  }
  return missing;
}

/** The hint every font error ends with: where to put fonts. */
const configHint = (): string => `or set letterFontsDir (${envName('letterFontsDir')}) to a folder that holds one`;

/**
 * The faces for a letter in `language` that prints the code points in `needs`. Looks again once (fonts may have
 * been installed since the last look) before failing. Throws `unavailable` naming the language or the
 * characters, the fonts looked for, the folders searched and the `letterFontsDir` setting.
 */
export async function letterFonts(language: LetterLanguage, needs: FontNeeds, catalog: FontCatalog): Promise<LetterFonts> {
  try {
    return await choose(language, needs, catalog);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    catalog.forget();
    return await choose(language, needs, catalog);
  }
}

async function choose(language: LetterLanguage, needs: FontNeeds, catalog: FontCatalog): Promise<LetterFonts> {
  const script = SCRIPT_OF[language];
  let regular: Face = standardFace('Helvetica');
  let bold: Face | null = standardFace('Helvetica-Bold');
  if (script !== null) {
    const found = await primaryFaces(script, catalog);
    if (found === null) {
      const files = script.families.map((f) => f.regular.file).join(', ');
      throw new AppError(
        'unavailable',
        `No font to print ${script.name} letters (language "${language}") was found: looked for ${files}` +
          `${script.features === null ? '' : ' with Arabic shaping'} in ${await catalog.describeDirs()}. ` +
          `Install one (Debian: ${script.debian}) ${configHint()}.`,
      );
    }
    regular = found.regular;
    bold = found.bold;
  }
  const chain: Face[] = [regular];
  const all = new Set([...needs.text, ...needs.mono]);
  const missing = await extend(chain, all, FALLBACKS, catalog);
  if (!regular.standard) {
    // Latin in a Russian, Arabic or Chinese letter: the standard font is the last resort, before failing.
    const helvetica = standardFace('Helvetica');
    if (missing.some((cp) => helvetica.covers(cp))) chain.push(helvetica);
  }
  const unprintable = missing.filter((cp) => !chain.some((f) => f.covers(cp)));
  if (unprintable.length > 0) {
    const shown = unprintable.slice(0, 8).map(describeCp).join(', ');
    throw new AppError(
      'unavailable',
      `The letter holds characters no available font can print: ${shown}${unprintable.length > 8 ? ` and ${unprintable.length - 8} more` : ''}. ` +
        `Looked in ${await catalog.describeDirs()} for ${FALLBACKS.map((c) => c.file).join(', ')}. ` +
        `Install a font that has them (Debian: fonts-dejavu-core, fonts-noto-core, fonts-noto-cjk) ${configHint()}.`,
    );
  }
  const regularChain: ChainEntry[] = chain.map((face) => ({ face, fauxBold: false }));
  const boldChain: ChainEntry[] = [
    ...(bold === null ? [] : [{ face: bold, fauxBold: false }]),
    ...chain.map((face) => ({ face, fauxBold: true })),
  ];
  const mono: Face[] = [standardFace('Courier')];
  await extend(mono, needs.mono, MONO_FALLBACKS, catalog);
  const monoChain: ChainEntry[] = [...mono, ...chain].map((face) => ({ face, fauxBold: false }));
  return { regular: regularChain, bold: boldChain, mono: monoChain };
}
