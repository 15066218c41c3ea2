/**
 * Which treaty articles bear on which request type, so that a State's declarations and reservations can be
 * shown to the drafter of a request they affect. Data in one table (DOMAIN: UN article numbers beyond Art. 15
 * were recalled, not read, and are marked `(?)`); matching ignores the `(?)` mark so a correction here does not
 * break a profile that cites the article.
 */
import { offenceById, type OffenceId } from '../../cases/index.ts';
import type { RequestTypeId } from '../model.ts';

/** Instruments a profile may cite: UN Convention against Cybercrime, Budapest Convention, its Second Protocol, UNTOC. */
export const INSTRUMENTS = ['UN', 'BC', 'SAP', 'UNTOC'] as const;

/** `BC 29(4)`, `UN 37 (?)`, `SAP 9`, `UNTOC 18(15)(a)`, `BC 27(9)(e)`. */
const ARTICLE = /^(UN|BC|SAP|UNTOC) (\d{1,3})((?:\([0-9a-z]{1,4}\))*)(?: \(\?\))?$/;

/** True when `s` cites an article in the form the profiles use (instrument, number, optional paragraphs, `(?)`). */
export function isArticleCitation(s: string): boolean {
  return ARTICLE.test(s.trim());
}

/** The path of a citation: `BC 29(4)` → `['BC', '29', '4']`; null when it is not a citation. */
function pathOf(s: string): readonly string[] | null {
  const m = ARTICLE.exec(s.trim().replace(/\s+/g, ' '));
  if (m === null || m[1] === undefined || m[2] === undefined) return null;
  const paragraphs = [...(m[3] ?? '').matchAll(/\(([0-9a-z]+)\)/g)].map((p) => p[1] ?? '');
  return [m[1], m[2], ...paragraphs];
}

/**
 * True when one citation contains the other: `BC 29` and `BC 29(4)` overlap (a statement on a paragraph bears on
 * the article, and one on the article bears on each paragraph); `BC 29` and `BC 2` do not.
 */
export function articlesOverlap(a: string, b: string): boolean {
  const pa = pathOf(a);
  const pb = pathOf(b);
  if (pa === null || pb === null) return a.trim() === b.trim();
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) if (pa[i] !== pb[i]) return false;
  return true;
}

/** The MLA articles every mutual-assistance type rests on (BC 25, 27; UN 40 (?)). */
const MLA: readonly string[] = ['BC 25', 'BC 27', 'UN 40 (?)'];

/** Articles specific to each request type (beyond the type's own `basis`). */
export const TYPE_ARTICLES: Readonly<Record<RequestTypeId, readonly string[]>> = {
  general_mla: [...MLA],
  preservation: ['BC 29', 'BC 35', 'UN 42 (?)'],
  preservation_partial_disclosure: ['BC 29', 'BC 30', 'BC 35', 'UN 42 (?)', 'UN 43 (?)'],
  subscriber_information: [...MLA, 'BC 31', 'UN 44 (?)', 'SAP 7', 'SAP 8'],
  traffic_data: [...MLA, 'BC 31', 'UN 44 (?)', 'SAP 8'],
  content_data: [...MLA, 'BC 31', 'UN 44 (?)'],
  search_seizure: [...MLA, 'BC 31', 'UN 44 (?)'],
  realtime_traffic: [...MLA, 'BC 33', 'UN 45 (?)'],
  interception: [...MLA, 'BC 34', 'UN 46 (?)'],
  emergency_disclosure: ['SAP 9', 'BC 35', 'UN 41 (?)'],
  emergency_mla: [...MLA, 'SAP 10'],
  extradition: ['BC 24', 'UN 37 (?)'],
  provisional_arrest: ['BC 24', 'UN 37 (?)'],
  proceeds_tracing_freezing: [...MLA, 'UN 31', 'UN 50 (?)'],
  confiscation: ['UN 31', 'UN 50 (?)', 'UN 52 (?)'],
  spontaneous_information: ['BC 26', 'UN 40 (?)'],
  transfer_of_proceedings: ['UN 39 (?)'],
  joint_investigation_team: ['SAP 12', 'UN 48 (?)'],
  video_hearing: [...MLA, 'SAP 11'],
  locate_person: ['BC 35', 'UN 41 (?)', 'UN 47 (?)'],
};

/**
 * Articles that govern every request whatever its type: general principles of cooperation (BC 23, UN 35 (?)),
 * confidentiality and use limitation (BC 28), personal data (UN 36 (?)), sovereignty (UN 5) and human rights (UN 6).
 */
export const GENERAL_ARTICLES: readonly string[] = ['BC 23', 'BC 28', 'UN 5', 'UN 6', 'UN 35 (?)', 'UN 36 (?)'];

/**
 * How a declaration or reservation bears on a request: `type` (an article of the request type), `offence` (the
 * article creating one of the request's offences, e.g. a BC 6(3) reservation on misuse of devices), `general`
 * (an article governing all requests), `unclear` (no or unparseable article: shown, since we cannot rule it
 * out) or `other`.
 */
export type Relevance = 'type' | 'offence' | 'general' | 'unclear' | 'other';

/** Classifies a statement's article against a request (see `Relevance`). */
export function relevanceOf(article: string | null | undefined, type: { readonly id: RequestTypeId; readonly basis?: readonly string[] }, offences: readonly OffenceId[]): Relevance {
  if (article === null || article === undefined || pathOf(article) === null) return 'unclear';
  const typeArticles = [...TYPE_ARTICLES[type.id], ...(type.basis ?? []).filter((b) => pathOf(b) !== null)];
  if (typeArticles.some((a) => articlesOverlap(a, article))) return 'type';
  const offenceArticles = offences.flatMap((o) => {
    const entry = offenceById(o);
    if (entry === undefined) return [];
    return [entry.bcArticle === null ? null : `BC ${entry.bcArticle}`, entry.unArticle === null ? null : `UN ${entry.unArticle}`].filter((a): a is string => a !== null);
  });
  if (offenceArticles.some((a) => articlesOverlap(a, article))) return 'offence';
  if (GENERAL_ARTICLES.some((a) => articlesOverlap(a, article))) return 'general';
  return 'other';
}
