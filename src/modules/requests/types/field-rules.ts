/**
 * Semantic checks of individual fields, keyed by field id: what a well-formed value may still get wrong in law or
 * in fact (a preservation period outside 60–90 days, a follow-up request not promised, a consent refused, a date
 * in the future). Field ids are shared across types (`fields.ts`), so one rule serves every type that carries the
 * field. Pure: "now" is passed in, and time-relative checks are skipped without it.
 */
import type { RequestContent } from '../model.ts';
import { instantOf } from './formats.ts';
import { PRESERVATION_DAYS } from './numbers.ts';

export interface RuleContext {
  /** The request's content in normal form. */
  readonly content: RequestContent;
  /** The checker's clock; `null` skips checks relative to today. */
  readonly now: Date | null;
}

export interface RuleIssue {
  readonly severity: 'invalid' | 'warning';
  readonly detail: string;
}

type Rule = (value: unknown, ctx: RuleContext) => readonly RuleIssue[];

/** Statements shorter than this are flagged (a warning only: length is a hint, not a legal test). */
export const MIN_STATEMENT_CHARS = 80;

/** Slack for "not in the future" on bare dates: a date is local to its author, who may be a day ahead of UTC. */
const DAY_MS = 86_400_000;

const invalid = (detail: string): RuleIssue[] => [{ severity: 'invalid', detail }];
const warning = (detail: string): RuleIssue[] => [{ severity: 'warning', detail }];
const none: RuleIssue[] = [];

const mustBeTrue =
  (detail: string): Rule =>
  (v) =>
    v === false ? invalid(detail) : none;

const substantial =
  (what: string): Rule =>
  (v) =>
    typeof v === 'string' && v.length < MIN_STATEMENT_CHARS ? warning(`looks too short to ${what} (${v.length} characters); requested States refuse bare assertions`) : none;

const notInFuture: Rule = (v, { now }) => {
  const t = typeof v === 'string' ? instantOf(v) : null;
  return now && t !== null && t > now.getTime() + DAY_MS ? invalid('is in the future') : none;
};

export const FIELD_RULES: Readonly<Record<string, Rule>> = Object.freeze({
  preservationDays: (v) => {
    if (typeof v !== 'number') return none;
    if (v < PRESERVATION_DAYS.min)
      return invalid(`must be at least ${PRESERVATION_DAYS.min} days (${v} given): a requested State preserves for no less (${PRESERVATION_DAYS.source})`);
    if (v > PRESERVATION_DAYS.max)
      return invalid(`must be at most ${PRESERVATION_DAYS.max} days (${v} given); ask for an extension before it runs out (${PRESERVATION_DAYS.source})`);
    return none;
  },
  mlaWillFollow: mustBeTrue(
    'must be confirmed: a preservation request states that a request for mutual assistance to obtain the data will follow (BC 29(2)(f)); without it, the data is never disclosed',
  ),
  extraditionWillFollow: mustBeTrue('must be confirmed: provisional arrest is granted only pending a request for extradition'),
  hearingConsent: (v, { content }) =>
    v === false && content['hearingCapacity'] === 'suspect_or_accused'
      ? invalid('a suspect or accused person may be heard by video conference only with his or her consent')
      : none,
  specialityAssurance: (v) => (v === false ? warning('without an assurance that the rule of speciality will be respected, most States refuse extradition') : none),
  orderFinal: (v) => (v === false ? warning('the order is not final: many States enforce only final confiscation orders; say when it will become final') : none),
  proportionality: substantial('show necessity, scope, duration and why less intrusive means would not do'),
  emergencyFacts: substantial('show a significant and imminent risk to the life or safety of a person (UN 2)'),
  emergencyDataRelation: substantial('show how the data would avert the risk'),
  oralRequestAt: (v, { now }) => {
    const t = typeof v === 'string' ? instantOf(v) : null;
    return now && t !== null && t > now.getTime() ? invalid('is in the future: record when the request was made by telephone or in person') : none;
  },
  deadline: (v, { now }) => {
    const t = typeof v === 'string' ? instantOf(v, true) : null;
    return now && t !== null && t < now.getTime() ? warning('is already past: give a date still ahead, or remove it') : none;
  },
  warrantDate: notInFuture,
  confiscationOrderDate: notInFuture,
  collectionPeriod: (v, { now }) => {
    const to = isPeriod(v) && v.to !== undefined ? instantOf(v.to, true) : null;
    return now && to !== null && to < now.getTime() ? invalid('ends in the past: real-time collection and interception can only be ordered from now on') : none;
  },
  dataPeriod: (v, { now }) => {
    const from = isPeriod(v) && v.from !== undefined ? instantOf(v.from) : null;
    return now && from !== null && from > now.getTime() + DAY_MS ? warning('starts in the future: stored data cannot be more recent than the request') : none;
  },
});

function isPeriod(v: unknown): v is { readonly from?: string; readonly to?: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
