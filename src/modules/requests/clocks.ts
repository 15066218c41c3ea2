import { AppError } from '../../platform/errors.ts';
import { addDuration, isDuration } from './duration.ts';
import {
  CLOCK_KINDS,
  DECISION_OUTCOMES,
  type ClockDefaults,
  type ClockKind,
  type ClockStatus,
  type ClockView,
  type DecisionOutcome,
  type HistoryEntry,
  type IsoDuration,
  type LifecycleEvent,
  type RequestContent,
  type RequestState,
  type Side,
} from './model.ts';

/**
 * The legal clocks of one request (DOMAIN §4 "numbers to enforce", DESIGN §7): when each duty started, when it is
 * due, whether it was met. Pure: the history, the rules and `now` come in, views come out, so both nodes compute the
 * same clocks from their own histories and the reminder job, the API and the UI never disagree.
 *
 * Choices worth knowing:
 * - The view is "as at `now`": history entries (and a follow-up's transmission) later than `now` are ignored, so a
 *   past moment can be replayed exactly.
 * - The decision clock does not pause during a consultation (request_info → info_received): the requested State's
 *   duty to decide runs on while it asks; the UI shows the consultation beside the clock instead.
 * - `preservation_expiry` is not a duty that can be late: it reads `running`/`due_soon` while the data is held and
 *   `overdue` once the preservation has expired. It never reads `met`.
 * - A clock whose stop event is in the history without its start event (an out-of-order or imported history) reads
 *   `met` with no start and no due date: the duty was plainly done and nothing can be said about its timeliness.
 * - A clock still running when the request reaches a terminal state (requesting: closed, withdrawn,
 *   no_longer_required; requested: closed) reads `cancelled`, stopped at that moment. A refusal likewise cancels the
 *   clocks that depend on acceptance (execution, preservation_expiry, follow_up, conditions_answer), started or not.
 *   Exception: preservation_expiry and follow_up survive a normal closing (the data stays held and the follow-up is
 *   still owed); only a refusal, a withdrawal or "no longer required" cancels them.
 *   Other clocks that never started stay `not_started` (e.g. conditions_answer on a request accepted outright).
 */

/** Everything `computeClocks` needs; see `computeClocks`. */
export interface ClockInput {
  /** Which node computes (both sides compute every clock; `owner` says whose duty). */
  readonly side: Side;
  /** The type's defaults already merged with the requested State's overrides (`mergeClockRules`). */
  readonly rules: ClockDefaults;
  /** This node's history of the request, oldest first. */
  readonly history: readonly HistoryEntry[];
  /** The request fields (`madeOrally`, `oralRequestAt`, `preservationDays` …). */
  readonly content: RequestContent;
  readonly confidentialityRequested: boolean;
  /** A later request linked to this one (requesting side), if any. */
  readonly followUp?: { readonly transmittedAt: Date | null } | null;
  readonly now: Date;
  /** Running clocks past this fraction of their span read `due_soon`; default 0.75, within (0, 1]. */
  readonly dueSoonFraction?: number;
}

/** Whose duty each clock measures. */
export const CLOCK_OWNERS: Readonly<Record<ClockKind, Side>> = Object.freeze({
  acknowledgment: 'requested',
  decision: 'requested',
  execution: 'requested',
  preservation_expiry: 'requested',
  follow_up: 'requesting',
  written_confirmation: 'requesting',
  confidentiality_answer: 'requested',
  conditions_answer: 'requesting',
});

export const DEFAULT_DUE_SOON_FRACTION = 0.75;

/** States after which nothing more happens to a request, by side. */
const TERMINAL: Readonly<Record<Side, readonly RequestState[]>> = {
  requesting: ['closed', 'withdrawn', 'no_longer_required'],
  requested: ['closed'],
};

/** The events that mean the same thing to the clocks, as each side records them. */
interface SideEvents {
  /** The request reached the requested State. */
  readonly reached: readonly LifecycleEvent[];
  /** The requested State acknowledged (registered) it. */
  readonly acknowledged: LifecycleEvent;
  readonly decision: LifecycleEvent;
  readonly conditionsAccepted: LifecycleEvent;
  readonly executionStarted: LifecycleEvent;
  readonly results: LifecycleEvent;
  readonly confidentialityAnswered: LifecycleEvent;
  /** The written request exists at the requested State (transmitted from / received at). */
  readonly written: LifecycleEvent;
}
const EVENTS: Readonly<Record<Side, SideEvents>> = {
  requesting: {
    reached: ['delivered', 'acknowledged'],
    acknowledged: 'acknowledged',
    decision: 'decision',
    conditionsAccepted: 'accept_conditions',
    executionStarted: 'execution_started',
    results: 'results',
    confidentialityAnswered: 'confidentiality_answered',
    written: 'transmit',
  },
  requested: {
    reached: ['receive'],
    acknowledged: 'register',
    decision: 'decide',
    conditionsAccepted: 'conditions_accepted',
    executionStarted: 'start_execution',
    results: 'send_results',
    confidentialityAnswered: 'answer_confidentiality',
    written: 'receive',
  },
};

const badRule = (kind: string, why: string): AppError => new AppError('validation_failed', `clock rule ${kind}: ${why}`);

function checkRules(rules: ClockDefaults, label: string): void {
  for (const [kind, duration] of Object.entries(rules)) {
    if (!(CLOCK_KINDS as readonly string[]).includes(kind)) throw badRule(kind, `unknown clock kind in ${label}`);
    if (duration !== undefined && !isDuration(duration)) throw badRule(kind, `${label} holds an invalid ISO 8601 duration`);
  }
}

/**
 * The clock rules of one request: the type's defaults, each replaced by the requested State's override when its
 * profile has one (overrides cannot remove a clock the type defines, only change its duration). Keys outside
 * `CLOCK_KINDS` and invalid durations are refused rather than ignored, because a State's declared deadline that is
 * silently dropped would be a wrong legal clock. Returns a frozen object in `CLOCK_KINDS` order.
 * Throws `AppError('validation_failed')`.
 */
export function mergeClockRules(typeDefaults: ClockDefaults, stateOverrides?: ClockDefaults): ClockDefaults {
  checkRules(typeDefaults, 'the type defaults');
  if (stateOverrides) checkRules(stateOverrides, "the State's overrides");
  const merged: Partial<Record<ClockKind, IsoDuration>> = {};
  for (const kind of CLOCK_KINDS) {
    const value = stateOverrides?.[kind] ?? typeDefaults[kind];
    if (value !== undefined) merged[kind] = value;
  }
  return Object.freeze(merged);
}

/** The clocks that have passed their due date unmet (for `preservation_expiry`: the data has expired). */
export function overdue(clocks: readonly ClockView[]): ClockView[] {
  return clocks.filter((c) => c.status === 'overdue');
}

// ── reading the history ────────────────────────────────────────────────────────────────────────────────────

type Match = (e: HistoryEntry) => boolean;

/** The earliest entry matching `pick` (by time; the first one on a tie), at or after `from` when given. */
function earliest(history: readonly HistoryEntry[], pick: Match, from?: Date): HistoryEntry | null {
  let best: HistoryEntry | null = null;
  for (const e of history) {
    if (!pick(e) || (from && e.at.getTime() < from.getTime())) continue;
    if (!best || e.at.getTime() < best.at.getTime()) best = e;
  }
  return best;
}

const isEvent =
  (...events: readonly LifecycleEvent[]): Match =>
  (e) =>
    events.includes(e.event);

const isOutcome = (v: unknown): v is DecisionOutcome => typeof v === 'string' && (DECISION_OUTCOMES as readonly string[]).includes(v);

/** The outcome a decision entry carries: `data.outcome`, else (requesting side) the state it led to. */
function outcomeOf(e: HistoryEntry): DecisionOutcome | null {
  const fromData = e.data?.['outcome'];
  if (isOutcome(fromData)) return fromData;
  return isOutcome(e.to) ? e.to : null;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date (rejects 2026-02-30, which `Date` would roll over). */
function realDate(y: string, m: string, d: string): boolean {
  const t = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return t.getUTCFullYear() === Number(y) && t.getUTCMonth() === Number(m) - 1 && t.getUTCDate() === Number(d);
}

/**
 * An RFC 3339 date-time, or a `YYYY-MM-DD` date read as 00:00 UTC on that day: earlier than the end of that calendar
 * day in every time zone (UTC−12 … UTC+14), so a deadline derived from a bare date ("preserved until 14 March") is
 * never shown later than it really is.
 */
function parseInstant(v: unknown): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v !== 'string') return null;
  const dt = RFC3339.exec(v);
  if (dt) {
    const [, y, m, d, hh, mm, ss] = dt;
    if (!y || !m || !d || !realDate(y, m, d) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null;
    const t = new Date(v);
    return Number.isNaN(t.getTime()) ? null : t;
  }
  const date = ISO_DATE.exec(v);
  if (date) {
    const [, y, m, d] = date;
    if (!y || !m || !d || !realDate(y, m, d)) return null;
    return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  }
  return null;
}

const validDays = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 && v <= 36_500 ? v : null);

// ── one clock ──────────────────────────────────────────────────────────────────────────────────────────────

/** What the history says about one clock before the status is worked out. */
interface Span {
  readonly start: Date | null;
  /** Overrides `start + duration` (preservation: the days asked for, or the date the requested State reported). */
  readonly due?: Date | null;
  readonly stop: Date | null;
  /** A moment at which the clock, once started, is cancelled if it has not stopped by then (refusal, terminal state). */
  readonly cancelAt: Date | null;
  /** A moment at which the clock is cancelled without ever starting (a refusal, for decision-dependent clocks). */
  readonly cancelUnstartedAt?: Date | null;
}

function statusOf(
  duration: IsoDuration,
  span: Span,
  now: Date,
  fraction: number,
): Pick<ClockView, 'startedAt' | 'dueAt' | 'stoppedAt' | 'status'> {
  const view = (startedAt: Date | null, dueAt: Date | null, stoppedAt: Date | null, status: ClockStatus) => ({ startedAt, dueAt, stoppedAt, status });
  const { start, stop, cancelAt } = span;
  if (!start) {
    if (stop) return view(null, null, stop, 'met');
    if (span.cancelUnstartedAt) return view(null, null, span.cancelUnstartedAt, 'cancelled');
    return view(null, null, null, 'not_started');
  }
  const due = span.due ?? addDuration(start, duration);
  if (stop && (!cancelAt || stop.getTime() <= cancelAt.getTime())) {
    return view(start, due, stop, stop.getTime() <= due.getTime() ? 'met' : 'met_late');
  }
  if (cancelAt && cancelAt.getTime() >= start.getTime()) return view(start, due, cancelAt, 'cancelled');
  if (now.getTime() > due.getTime()) return view(start, due, null, 'overdue');
  const length = due.getTime() - start.getTime();
  const elapsed = now.getTime() - start.getTime();
  return view(start, due, null, elapsed >= fraction * length ? 'due_soon' : 'running');
}

/** The moments of one request's history the clocks are made of, read once. */
interface Moments {
  /** The request reached the requested State. */
  readonly reached: Date | null;
  readonly acknowledged: Date | null;
  /** Acceptance: an unconditional acceptance, or the conditions accepted. */
  readonly accepted: Date | null;
  /** A decision accepting with conditions. */
  readonly conditional: Date | null;
  /** Execution started (or, failing an explicit event, the first results: execution had started by then). */
  readonly executionStarted: Date | null;
  /** The latest preservation end date the requested State reported (renewals extend it). */
  readonly preservedUntil: Date | null;
  readonly refusal: Date | null;
  /** The request reached a terminal state. */
  readonly terminal: Date | null;
  /** The request was abandoned: withdrawn, or no longer required (a normal closing is not an abandonment). */
  readonly abandoned: Date | null;
}

const at = (e: HistoryEntry | null): Date | null => e?.at ?? null;

function readMoments(side: Side, history: readonly HistoryEntry[]): Moments {
  const ev = EVENTS[side];
  const decisions = history.filter(isEvent(ev.decision));
  const isAcceptance: Match = (e) => (e.event === ev.decision && outcomeOf(e) === 'accepted') || e.event === ev.conditionsAccepted;
  let preservedUntil: { at: Date; until: Date } | null = null;
  for (const e of history.filter(isEvent(ev.results, ev.executionStarted))) {
    const until = parseInstant(e.data?.['preservedUntil']);
    if (until && (!preservedUntil || e.at.getTime() >= preservedUntil.at.getTime())) preservedUntil = { at: e.at, until };
  }
  return {
    reached: at(earliest(history, isEvent(...ev.reached))),
    acknowledged: at(earliest(history, isEvent(ev.acknowledged))),
    accepted: at(earliest(history, isAcceptance)),
    conditional: at(earliest(decisions, (e) => outcomeOf(e) === 'accepted_with_conditions')),
    executionStarted: at(earliest(history, isEvent(ev.executionStarted)) ?? earliest(history, isEvent(ev.results))),
    preservedUntil: preservedUntil?.until ?? null,
    refusal: at(earliest(decisions, (e) => outcomeOf(e) === 'refused')),
    terminal: at(earliest(history, (e) => TERMINAL[side].includes(e.to))),
    abandoned: at(earliest(history, isEvent('withdraw', 'withdrawn', 'no_longer_required'))),
  };
}

const earlier = (a: Date | null, b: Date | null): Date | null => (a && b ? (a.getTime() <= b.getTime() ? a : b) : (a ?? b));

/** Start, due and stop of one clock (null: this request has no such clock). */
function spanOf(kind: ClockKind, rule: IsoDuration, input: ClockInput, history: readonly HistoryEntry[], m: Moments): Span | null {
  const ev = EVENTS[input.side];
  // The first stop event at or after the start (any stop event when there is no start: see `statusOf`).
  const stopAfter = (from: Date | null, match: Match): Date | null => at(earliest(history, match, from ?? undefined));
  const preservationDue = (): Date | null => {
    if (m.preservedUntil) return m.preservedUntil;
    if (!m.executionStarted) return null;
    const days = validDays(input.content['preservationDays']);
    return addDuration(m.executionStarted, days !== null ? `P${days}D` : rule);
  };
  const dependent = { cancelAt: earlier(m.terminal, m.refusal), cancelUnstartedAt: m.refusal };
  switch (kind) {
    case 'acknowledgment':
      return { start: m.reached, stop: stopAfter(m.reached, isEvent(ev.acknowledged)), cancelAt: m.terminal };
    case 'decision':
      return { start: m.acknowledged, stop: stopAfter(m.acknowledged, isEvent(ev.decision)), cancelAt: m.terminal };
    case 'execution': {
      const final: Match = (e) => e.event === ev.results && e.data?.['final'] === true;
      return { start: m.accepted, stop: stopAfter(m.accepted, final), ...dependent };
    }
    // Preserved data outlives the preservation request: closing it after the results does not end these two
    // clocks (the data stays held and the follow-up is still owed); only a refusal or an abandonment does.
    case 'preservation_expiry':
      return { start: m.executionStarted, due: preservationDue(), stop: null, cancelAt: earlier(m.abandoned, m.refusal), cancelUnstartedAt: m.refusal };
    case 'follow_up': {
      const sent = parseInstant(input.followUp?.transmittedAt ?? null);
      const stop = sent && sent.getTime() <= input.now.getTime() ? sent : null;
      return { start: m.executionStarted, due: preservationDue(), stop, cancelAt: earlier(m.abandoned, m.refusal), cancelUnstartedAt: m.refusal };
    }
    case 'written_confirmation': {
      if (input.content['madeOrally'] !== true) return null;
      const oral = parseInstant(input.content['oralRequestAt']) ?? input.history[0]?.at ?? null;
      const start = oral && oral.getTime() <= input.now.getTime() ? oral : null;
      return { start, stop: at(earliest(history, isEvent(ev.written))), cancelAt: m.terminal };
    }
    case 'confidentiality_answer':
      if (!input.confidentialityRequested) return null;
      return { start: m.reached, stop: stopAfter(m.reached, isEvent(ev.confidentialityAnswered)), cancelAt: m.terminal };
    case 'conditions_answer':
      return { start: m.conditional, stop: stopAfter(m.conditional, isEvent(ev.conditionsAccepted)), ...dependent };
  }
}

/**
 * The legal clocks of one request as at `input.now`: one view per kind present in `input.rules`, in `CLOCK_KINDS`
 * order (a kind absent from the rules has no clock; `written_confirmation` exists only for a request made orally,
 * `confidentiality_answer` only when confidentiality was requested). Status: `not_started` (no start yet),
 * `running`, `due_soon` (at least `dueSoonFraction` of the span elapsed), `overdue` (past due, not stopped), `met`
 * (stopped by the due date), `met_late` (stopped after it), `cancelled` (refused or ended before it stopped).
 * Throws `AppError('validation_failed')` for an invalid rule duration or `dueSoonFraction`.
 */
export function computeClocks(input: ClockInput): ClockView[] {
  const fraction = input.dueSoonFraction ?? DEFAULT_DUE_SOON_FRACTION;
  if (!Number.isFinite(fraction) || fraction <= 0 || fraction > 1) {
    throw new AppError('validation_failed', 'dueSoonFraction must be a number within (0, 1]');
  }
  const history = input.history.filter((e) => e.at.getTime() <= input.now.getTime());
  const moments = readMoments(input.side, history);
  const views: ClockView[] = [];
  for (const kind of CLOCK_KINDS) {
    const duration = input.rules[kind];
    if (duration === undefined) continue;
    if (!isDuration(duration)) throw badRule(kind, 'invalid ISO 8601 duration');
    const span = spanOf(kind, duration, input, history, moments);
    if (span) views.push({ kind, owner: CLOCK_OWNERS[kind], duration, ...statusOf(duration, span, input.now, fraction) });
  }
  return views;
}
