/**
 * The input of the formal letter (the printable PDF of a request). The requests service builds it from a request,
 * its type definition and the ledger: this module knows nothing of request types, it prints what it is given, in
 * the order it is given, so a letter can never drift from the completeness rules that decided what is required.
 */
import { UI_LANGUAGES, type UiLanguage } from '../model.ts';

/** The languages a letter can be drafted in: the six UN languages, each with default labels and fonts. */
export const LETTER_LANGUAGES: readonly UiLanguage[] = UI_LANGUAGES;
export type LetterLanguage = UiLanguage;

/** The fixed words of a letter, localized. `page` holds `{page}` and `{pages}`. */
export interface LetterLabels {
  readonly date: string;
  readonly ourReference: string;
  readonly yourReference: string;
  /** Printed as "your reference" before the requested State has registered the request. */
  readonly notYetAssigned: string;
  /** Label of the request's identifier (the ledger object id). */
  readonly requestId: string;
  readonly from: string;
  readonly to: string;
  /** Appended to a section heading repeated at the top of a new page. */
  readonly continued: string;
  /** Printed in place of an empty value, so that a blank is never mistaken for a printing fault. */
  readonly emptyValue: string;
  /** Caption under the line left for a handwritten signature and seal. */
  readonly signature: string;
  readonly authorizedBy: string;
  readonly decision: string;
  readonly ledgerReceipt: string;
  readonly ledgerIndex: string;
  readonly checkpoint: string;
  /** Said instead of the receipt when the request has no ledger entry yet (a draft). */
  readonly receiptPending: string;
  /** Footer page number, e.g. `Page {page} / {pages}`. */
  readonly page: string;
}

/** One State and one of its authorities, as printed in the letterhead and the address. */
export interface LetterParty {
  /** ISO 3166-1 alpha-2 (or the platform's State code, e.g. `XA`). */
  readonly state: string;
  readonly stateName: string;
  readonly authority: string;
}

export interface LetterRow {
  readonly label: string;
  /** Free text; `\n` separates paragraphs. An empty value prints `labels.emptyValue`. */
  readonly value: string;
}

export interface LetterSection {
  readonly heading: string;
  readonly rows: readonly LetterRow[];
}

export interface LetterSignature {
  readonly name: string;
  readonly title: string;
  readonly authority: string;
  /** The authorizer of an intrusive request and the judicial or independent decision they cited. */
  readonly authorizedBy?: { readonly name: string; readonly decision: string } | null;
}

/** The ledger entry that records the request and a signed checkpoint covering it. */
export interface LetterReceipt {
  /** The entry's index in the node's ledger. */
  readonly index: string;
  /** The C2SP signed note, verbatim (origin, size, root hash, blank line, signature lines). */
  readonly checkpoint: string;
  /** One sentence on how to verify the paper, naming `comity ledger receipt-verify`. */
  readonly verifyHint: string;
}

export interface LetterInput {
  /** Drafting language, ISO 639-1; one of `LETTER_LANGUAGES`. */
  readonly language: string;
  /** e.g. "Request for expedited preservation of stored computer data", already localized. */
  readonly title: string;
  readonly references: {
    /** The requesting State's reference. */
    readonly ours: string;
    /** The requested State's reference, once it has registered the request. */
    readonly theirs: string | null;
    /** The request's identifier (the ledger object id). */
    readonly ledgerObject: string;
  };
  readonly from: LetterParty;
  readonly to: LetterParty;
  /** The date of the letter; also the PDF's creation date, so the same input gives the same bytes. */
  readonly date: Date;
  /** IANA zone the date is printed in. */
  readonly timeZone: string;
  /** Every required content of the request, in order, already localized. */
  readonly sections: readonly LetterSection[];
  readonly signature: LetterSignature;
  /** Null while the request has no ledger entry (the letter then says it cannot be verified yet). */
  readonly receipt: LetterReceipt | null;
  /** Overrides of the default labels of `language`. */
  readonly labels?: Partial<LetterLabels>;
}

export interface RenderLetterOptions {
  /** Folder searched first for fonts (the `letterFontsDir` setting); empty or absent = none. */
  readonly fontsDir?: string;
  /** System font folders searched after `fontsDir`, recursively. Default: `/usr/share/fonts`, `/usr/local/share/fonts`. */
  readonly systemFontDirs?: readonly string[];
}
