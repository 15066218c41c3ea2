/**
 * The formal letter of a cooperation request: a printable, verifiable PDF in the drafting language.
 */
export { renderLetter } from './render.ts';
export { DEFAULT_LABELS, resolveLabels } from './labels.ts';
export { LETTER_LANGUAGES } from './types.ts';
export type { LetterInput, LetterLabels, LetterLanguage, LetterParty, LetterReceipt, LetterRow, LetterSection, LetterSignature, RenderLetterOptions } from './types.ts';
