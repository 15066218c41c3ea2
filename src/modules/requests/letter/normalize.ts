import { invalid } from '../../../platform/errors.ts';
import { bidiClass } from './bidi.ts';
import { resolveLabels } from './labels.ts';
import { LETTER_LANGUAGES, type LetterInput, type LetterLabels, type LetterLanguage, type LetterParty, type LetterReceipt, type LetterSection, type LetterSignature } from './types.ts';

/**
 * Checks a letter's input and puts its text in the form the typesetter expects: NFC (so "é" typed as e + accent is
 * one WinAnsi character), `\n` as the only line break, tabs as spaces, and no invisible control or formatting
 * characters (they have no glyph and would otherwise print as boxes). Joiners (ZWJ, ZWNJ) are kept: Arabic and
 * Persian spelling depends on them. Pure.
 */

/** The input after checks and normalization, with the date already printed in the letter's language and zone. */
export interface Letter {
  readonly language: LetterLanguage;
  readonly labels: LetterLabels;
  readonly dateText: string;
  readonly date: Date;
  readonly title: string;
  readonly references: { readonly ours: string; readonly theirs: string | null; readonly ledgerObject: string };
  readonly from: LetterParty;
  readonly to: LetterParty;
  readonly sections: readonly LetterSection[];
  readonly signature: LetterSignature;
  readonly receipt: LetterReceipt | null;
}

const KEEP = new Set([0x200c, 0x200d]);
const BREAKS = /\r\n?|[\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/g;

/** Normalizes one text as described above. */
export function cleanText(s: string): string {
  const unified = s.normalize('NFC').replace(BREAKS, '\n').replace(/\t/g, '    ');
  let out = '';
  for (const ch of unified) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || KEEP.has(cp)) {
      out += ch;
      continue;
    }
    const c = bidiClass(cp);
    if (c === 'S') out += ' ';
    else if (c === 'B' || c === 'BN' || c === 'LRE' || c === 'LRO' || c === 'RLE' || c === 'RLO' || c === 'PDF' || c === 'LRI' || c === 'RLI' || c === 'FSI' || c === 'PDI') continue;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\ufffd';
    else out += ch;
  }
  return out;
}

function text(field: string, value: unknown, required: boolean): string {
  if (typeof value !== 'string') throw invalid(field, 'must be a string');
  const s = cleanText(value);
  if (required && s.trim() === '') throw invalid(field, 'must not be empty');
  return s;
}

/** One line only (references, names): line breaks become spaces. */
const oneLine = (field: string, value: unknown, required: boolean): string => text(field, value, required).replace(/\n+/g, ' ');

function party(field: string, p: LetterParty | undefined): LetterParty {
  if (typeof p !== 'object' || p === null) throw invalid(field, 'is required');
  return { state: oneLine(`${field}.state`, p.state, true), stateName: oneLine(`${field}.stateName`, p.stateName, false), authority: text(`${field}.authority`, p.authority, false) };
}

/** Locales of the printed date: day-month-year English as in UN documents, Western digits like the rest of the letter. */
const DATE_LOCALE: Readonly<Record<LetterLanguage, string>> = { ar: 'ar-u-nu-latn', en: 'en-GB', es: 'es', fr: 'fr', ru: 'ru', zh: 'zh-CN' };

function formatDate(language: LetterLanguage, date: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(DATE_LOCALE[language], { dateStyle: 'long', timeZone }).format(date);
  } catch {
    throw invalid('timeZone', `unknown time zone "${timeZone}"`);
  }
}

/**
 * The checked, normalized letter. Throws `validation_failed` naming the field: an unsupported language (with the
 * list of supported ones), an invalid date or time zone, a missing title, reference, request id, section heading or
 * row label, or a malformed label override.
 */
export function normalizeLetter(input: LetterInput): Letter {
  const language = input.language;
  if (!(LETTER_LANGUAGES as readonly string[]).includes(language))
    throw invalid('language', `letters cannot be drafted in "${String(language)}": the supported languages are ${LETTER_LANGUAGES.join(', ')}`);
  const lang = language as LetterLanguage;
  if (!(input.date instanceof Date) || Number.isNaN(input.date.getTime())) throw invalid('date', 'must be a valid date');
  const sections: readonly LetterSection[] = input.sections;
  if (!Array.isArray(sections as unknown) || sections.length === 0) throw invalid('sections', 'a letter needs at least one section of required contents');
  const sig = input.signature;
  if (typeof sig !== 'object' || sig === null) throw invalid('signature', 'is required');
  const auth = sig.authorizedBy ?? null;
  const receipt = input.receipt;
  return {
    language: lang,
    labels: resolveLabels(lang, input.labels),
    date: input.date,
    dateText: formatDate(lang, input.date, input.timeZone),
    title: text('title', input.title, true),
    references: {
      ours: oneLine('references.ours', input.references.ours, true),
      theirs: theirs(input.references.theirs),
      ledgerObject: oneLine('references.ledgerObject', input.references.ledgerObject, true),
    },
    from: party('from', input.from),
    to: party('to', input.to),
    sections: sections.map((s, i) => ({
      heading: text(`sections.${i}.heading`, s.heading, true),
      rows: s.rows.map((r, j) => ({ label: text(`sections.${i}.rows.${j}.label`, r.label, true), value: text(`sections.${i}.rows.${j}.value`, r.value, false) })),
    })),
    signature: {
      name: oneLine('signature.name', sig.name, false),
      title: text('signature.title', sig.title, false),
      authority: text('signature.authority', sig.authority, false),
      authorizedBy:
        auth === null
          ? null
          : { name: oneLine('signature.authorizedBy.name', auth.name, true), decision: text('signature.authorizedBy.decision', auth.decision, true) },
    },
    receipt:
      receipt === null
        ? null
        : {
            index: oneLine('receipt.index', receipt.index, true),
            checkpoint: checkpointText(receipt.checkpoint),
            verifyHint: text('receipt.verifyHint', receipt.verifyHint, true),
          },
  };
}

/** The requested State's reference; blank means not yet assigned. */
function theirs(value: string | null): string | null {
  if (value === null) return null;
  const s = oneLine('references.theirs', value, false);
  return s.trim() === '' ? null : s;
}

/** The checkpoint note keeps its lines exactly (its blank line separates the body from the signatures). */
function checkpointText(note: unknown): string {
  const s = text('receipt.checkpoint', note, true);
  return s.replace(/\n+$/, '');
}

/** Every code point the letter prints outside the checkpoint note, and those of the note. */
export function codePoints(letter: Letter): { text: Set<number>; mono: Set<number> } {
  const strings: string[] = [
    ...Object.values(letter.labels),
    letter.dateText,
    letter.title,
    letter.references.ours,
    letter.references.theirs ?? '',
    letter.references.ledgerObject,
    ...[letter.from, letter.to].flatMap((p) => [p.state, p.stateName, p.authority]),
    ...letter.sections.flatMap((s) => [s.heading, ...s.rows.flatMap((r) => [r.label, r.value])]),
    letter.signature.name,
    letter.signature.title,
    letter.signature.authority,
    letter.signature.authorizedBy?.name ?? '',
    letter.signature.authorizedBy?.decision ?? '',
    letter.receipt?.index ?? '',
    letter.receipt?.verifyHint ?? '',
    '0123456789:()/ —',
  ];
  return { text: collect(strings), mono: collect([letter.receipt?.checkpoint ?? '']) };
}

const INVISIBLE = new Set([0x0a, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c]);

function collect(strings: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const s of strings) for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!INVISIBLE.has(cp)) out.add(cp);
  }
  return out;
}
