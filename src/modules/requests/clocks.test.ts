import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.ts';
import { CLOCK_OWNERS, computeClocks, mergeClockRules, overdue, type ClockInput } from './clocks.ts';
import {
  CLOCK_KINDS,
  LIFECYCLE_EVENTS,
  REQUESTED_STATES,
  REQUESTING_STATES,
  type ClockDefaults,
  type ClockKind,
  type ClockStatus,
  type ClockView,
  type HistoryEntry,
  type LifecycleEvent,
  type RequestState,
  type Side,
} from './model.ts';

// Day 0 is Tuesday 10 March 2026 (scenario 1). `t('02:31')` is that day, `t('3d 02:48')` three days later.
function t(s: string): Date {
  const m = /^(?:(\d+)d )?(\d{2}):(\d{2})$/.exec(s);
  if (!m) throw new Error(`bad test time ${s}`);
  const [, d, hh, mm] = m;
  return new Date(Date.UTC(2026, 2, 10 + Number(d ?? 0), Number(hh), Number(mm)));
}
const iso = (s: string): string => t(s).toISOString();

function e(at: string, event: LifecycleEvent, to: RequestState, data?: Record<string, unknown>): HistoryEntry {
  return data ? { at: t(at), event, from: null, to, data } : { at: t(at), event, from: null, to };
}

/** One test case's input: `now` as a test time, everything else defaulted. */
type Case = Omit<Partial<ClockInput>, 'now'> & { now: string; history: readonly HistoryEntry[] };

/** The clocks of one request, looked at as at `now`. */
function clock(kind: ClockKind, over: Case): ClockView | undefined {
  const { now, ...rest } = over;
  const input: ClockInput = {
    side: 'requesting',
    rules: RULES,
    content: {},
    confidentialityRequested: false,
    ...rest,
    now: t(now),
  };
  return computeClocks(input).find((c) => c.kind === kind);
}

const RULES: ClockDefaults = {
  acknowledgment: 'PT1H',
  decision: 'P10D',
  execution: 'P30D',
  preservation_expiry: 'P90D',
  follow_up: 'P90D',
  written_confirmation: 'PT24H',
  confidentiality_answer: 'P5D',
  conditions_answer: 'P14D',
};

interface Expect {
  status: ClockStatus;
  started?: string | null;
  due?: string | null;
  stopped?: string | null;
}
function check(view: ClockView | undefined, want: Expect): void {
  expect(view).toBeDefined();
  if (!view) return;
  expect(view.status).toBe(want.status);
  if (want.started !== undefined) expect(view.startedAt?.toISOString() ?? null).toBe(want.started === null ? null : iso(want.started));
  if (want.due !== undefined) expect(view.dueAt?.toISOString() ?? null).toBe(want.due === null ? null : iso(want.due));
  if (want.stopped !== undefined) expect(view.stoppedAt?.toISOString() ?? null).toBe(want.stopped === null ? null : iso(want.stopped));
}

// ── typical histories ──────────────────────────────────────────────────────────────────────────────────────

const SENT = [e('02:25', 'submit', 'in_review'), e('02:30', 'authorize', 'authorized'), e('02:31', 'transmit', 'transmitted')];
const DELIVERED = [...SENT, e('02:31', 'delivered', 'delivered')];
const ACKED = [...DELIVERED, e('02:48', 'acknowledged', 'acknowledged')];
const ACCEPTED = [...ACKED, e('2d 10:00', 'decision', 'accepted', { outcome: 'accepted' })];
const EXECUTING = [...ACCEPTED, e('3d 09:00', 'execution_started', 'executing')];

const RECEIVED = [e('02:31', 'receive', 'received')];
const REGISTERED = [...RECEIVED, e('02:48', 'register', 'registered'), e('03:00', 'start_assessment', 'assessing')];
const DECIDED = [...REGISTERED, e('2d 10:00', 'decide', 'decision', { outcome: 'accepted' })];
const EXECUTING_B = [...DECIDED, e('3d 09:00', 'start_execution', 'executing')];

describe('scenario 1: preservation XA → XB, acknowledged in 17 minutes', () => {
  it.each<[Side, readonly HistoryEntry[]]>([
    ['requesting', ACKED],
    ['requested', REGISTERED],
  ])('%s side: the 60-minute clock is met at 17 minutes', (side, history) => {
    const ack = clock('acknowledgment', { side, history, rules: { acknowledgment: 'PT1H' }, now: '03:00' });
    check(ack, { status: 'met', started: '02:31', due: '03:31', stopped: '02:48' });
    expect(ack && ack.stoppedAt && ack.startedAt && ack.stoppedAt.getTime() - ack.startedAt.getTime()).toBe(17 * 60_000);
    expect(ack?.owner).toBe('requested');
  });
});

describe('acknowledgment', () => {
  it.each<[string, Case, Expect]>([
    ['requesting: transmitted, not delivered', { history: SENT, now: '02:40' }, { status: 'not_started', started: null, due: null }],
    ['requesting: delivered, 19 of 60 minutes', { history: DELIVERED, now: '02:50' }, { status: 'running', started: '02:31', due: '03:31' }],
    ['requesting: 45 of 60 minutes is due soon', { history: DELIVERED, now: '03:16' }, { status: 'due_soon' }],
    ['requesting: 44 of 60 minutes is not yet', { history: DELIVERED, now: '03:15' }, { status: 'running' }],
    ['requesting: exactly at the due time', { history: DELIVERED, now: '03:31' }, { status: 'due_soon' }],
    ['requesting: past due', { history: DELIVERED, now: '03:32' }, { status: 'overdue', stopped: null }],
    [
      'requesting: acknowledged late',
      { history: [...DELIVERED, e('03:40', 'acknowledged', 'acknowledged')], now: '04:00' },
      { status: 'met_late', stopped: '03:40' },
    ],
    [
      'requesting: the receipt came after the acknowledgment',
      { history: [...SENT, e('02:40', 'acknowledged', 'acknowledged'), e('02:45', 'delivered', 'acknowledged')], now: '03:00' },
      { status: 'met', started: '02:40', stopped: '02:40' },
    ],
    [
      'requesting: withdrawn while running',
      { history: [...DELIVERED, e('02:40', 'withdraw', 'withdrawn')], now: '05:00' },
      { status: 'cancelled', started: '02:31', stopped: '02:40' },
    ],
    [
      'requesting: no longer required while running',
      { history: [...DELIVERED, e('02:40', 'no_longer_required', 'no_longer_required')], now: '05:00' },
      { status: 'cancelled', stopped: '02:40' },
    ],
    ['requesting: as at a moment before the acknowledgment', { history: ACKED, now: '02:40' }, { status: 'running', stopped: null }],
    ['requested: received', { side: 'requested', history: RECEIVED, now: '02:50' }, { status: 'running', started: '02:31', due: '03:31' }],
    ['requested: registered', { side: 'requested', history: REGISTERED, now: '09:00' }, { status: 'met', stopped: '02:48' }],
    ['requested: not registered in time', { side: 'requested', history: RECEIVED, now: '03:40' }, { status: 'overdue' }],
    [
      'requested: registered late',
      { side: 'requested', history: [...RECEIVED, e('04:00', 'register', 'registered')], now: '05:00' },
      { status: 'met_late', stopped: '04:00' },
    ],
    [
      'requested: closed (withdrawn by the requesting State) while running',
      { side: 'requested', history: [...RECEIVED, e('02:50', 'withdrawn', 'closed')], now: '05:00' },
      { status: 'cancelled', stopped: '02:50' },
    ],
    [
      'requested: registered without a recorded receipt (imported history)',
      { side: 'requested', history: [e('02:48', 'register', 'registered')], now: '05:00' },
      { status: 'met', started: null, due: null, stopped: '02:48' },
    ],
  ])('%s', (_, input, want) => {
    check(clock('acknowledgment', input), want);
  });
});

describe('decision (P10D)', () => {
  const consulting = [...ACKED, e('1d 09:00', 'info_requested', 'info_requested'), e('4d 09:00', 'provide_info', 'info_provided')];
  it.each<[string, Case, Expect]>([
    ['requesting: delivered, not acknowledged', { history: DELIVERED, now: '1d 00:00' }, { status: 'not_started' }],
    ['requesting: acknowledged', { history: ACKED, now: '5d 00:00' }, { status: 'running', started: '02:48', due: '10d 02:48' }],
    ['requesting: 7.5 of 10 days', { history: ACKED, now: '7d 14:48' }, { status: 'due_soon' }],
    ['requesting: past due', { history: ACKED, now: '10d 02:49' }, { status: 'overdue' }],
    ['requesting: accepted', { history: ACCEPTED, now: '20d 00:00' }, { status: 'met', stopped: '2d 10:00' }],
    [
      'requesting: a refusal is a decision',
      { history: [...ACKED, e('3d 10:00', 'decision', 'refused', { outcome: 'refused' })], now: '20d 00:00' },
      { status: 'met', stopped: '3d 10:00' },
    ],
    [
      'requesting: postponed late, the first decision stops the clock',
      {
        history: [...ACKED, e('12d 10:00', 'decision', 'postponed', { outcome: 'postponed' }), e('14d 10:00', 'decision', 'accepted')],
        now: '20d 00:00',
      },
      { status: 'met_late', stopped: '12d 10:00' },
    ],
    ['requesting: does not pause during a consultation', { history: consulting, now: '10d 03:00' }, { status: 'overdue', due: '10d 02:48' }],
    ['requested: registered', { side: 'requested', history: REGISTERED, now: '1d 00:00' }, { status: 'running', started: '02:48' }],
    ['requested: decided', { side: 'requested', history: DECIDED, now: '20d 00:00' }, { status: 'met', stopped: '2d 10:00' }],
    [
      'requested: closed undecided',
      { side: 'requested', history: [...REGISTERED, e('1d 00:00', 'no_longer_required', 'closed')], now: '20d 00:00' },
      { status: 'cancelled', stopped: '1d 00:00' },
    ],
  ])('%s', (_, input, want) => {
    check(clock('decision', input), want);
  });
});

describe('execution (P30D)', () => {
  const final = { final: true };
  it.each<[string, Case, Expect]>([
    ['requesting: not decided yet', { history: ACKED, now: '2d 00:00' }, { status: 'not_started' }],
    ['requesting: accepted', { history: ACCEPTED, now: '5d 00:00' }, { status: 'running', started: '2d 10:00', due: '32d 10:00' }],
    [
      'requesting: the outcome read from the state when the entry carries none',
      { history: [...ACKED, e('2d 10:00', 'decision', 'accepted')], now: '5d 00:00' },
      { status: 'running', started: '2d 10:00' },
    ],
    [
      'requesting: final results in time',
      { history: [...EXECUTING, e('20d 10:00', 'results', 'executed', final)], now: '40d 00:00' },
      { status: 'met', stopped: '20d 10:00' },
    ],
    [
      'requesting: partial results do not stop it',
      { history: [...EXECUTING, e('20d 10:00', 'results', 'partially_executed', { final: false })], now: '33d 00:00' },
      { status: 'overdue', stopped: null },
    ],
    [
      'requesting: final results late',
      { history: [...EXECUTING, e('35d 10:00', 'results', 'executed', final)], now: '40d 00:00' },
      { status: 'met_late', stopped: '35d 10:00' },
    ],
    [
      'requesting: with conditions, starts when they are accepted',
      {
        history: [
          ...ACKED,
          e('2d 10:00', 'decision', 'accepted_with_conditions', { outcome: 'accepted_with_conditions' }),
          e('4d 10:00', 'accept_conditions', 'accepted'),
        ],
        now: '5d 00:00',
      },
      { status: 'running', started: '4d 10:00', due: '34d 10:00' },
    ],
    [
      'requesting: conditions not yet accepted',
      { history: [...ACKED, e('2d 10:00', 'decision', 'accepted_with_conditions', { outcome: 'accepted_with_conditions' })], now: '5d 00:00' },
      { status: 'not_started' },
    ],
    [
      'requesting: postponed',
      { history: [...ACKED, e('2d 10:00', 'decision', 'postponed', { outcome: 'postponed' })], now: '5d 00:00' },
      { status: 'not_started' },
    ],
    [
      'requesting: a refusal cancels it',
      { history: [...ACKED, e('2d 10:00', 'decision', 'refused', { outcome: 'refused' })], now: '5d 00:00' },
      { status: 'cancelled', started: null, due: null, stopped: '2d 10:00' },
    ],
    [
      'requesting: postponed, then refused',
      {
        history: [...ACKED, e('2d 10:00', 'decision', 'postponed', { outcome: 'postponed' }), e('9d 10:00', 'decision', 'refused', { outcome: 'refused' })],
        now: '10d 00:00',
      },
      { status: 'cancelled', stopped: '9d 10:00' },
    ],
    [
      'requesting: withdrawn during execution',
      { history: [...EXECUTING, e('5d 10:00', 'withdraw', 'withdrawn')], now: '40d 00:00' },
      { status: 'cancelled', started: '2d 10:00', stopped: '5d 10:00' },
    ],
    ['requested: accepted', { side: 'requested', history: DECIDED, now: '5d 00:00' }, { status: 'running', started: '2d 10:00' }],
    [
      'requested: final results sent',
      { side: 'requested', history: [...EXECUTING_B, e('6d 10:00', 'send_results', 'results_sent', final)], now: '40d 00:00' },
      { status: 'met', stopped: '6d 10:00' },
    ],
    [
      'requested: past due',
      { side: 'requested', history: [...EXECUTING_B, e('6d 10:00', 'send_results', 'executing', { final: false })], now: '33d 00:00' },
      { status: 'overdue' },
    ],
    [
      'requested: refused',
      { side: 'requested', history: [...REGISTERED, e('2d 10:00', 'decide', 'decision', { outcome: 'refused' })], now: '5d 00:00' },
      { status: 'cancelled', started: null, stopped: '2d 10:00' },
    ],
    [
      'requested: the requesting State accepted the conditions',
      {
        side: 'requested',
        history: [
          ...REGISTERED,
          e('2d 10:00', 'decide', 'decision', { outcome: 'accepted_with_conditions' }),
          e('3d 10:00', 'conditions_accepted', 'decision'),
        ],
        now: '5d 00:00',
      },
      { status: 'running', started: '3d 10:00' },
    ],
  ])('%s', (_, input, want) => {
    check(clock('execution', input), want);
  });
});

describe('preservation_expiry (P90D rule)', () => {
  const rules: ClockDefaults = { preservation_expiry: 'P90D' };
  it.each<[string, Case, Expect]>([
    ['requested: not executing yet', { side: 'requested', rules, history: DECIDED, now: '3d 00:00' }, { status: 'not_started' }],
    ['requested: the rule without days asked for', { side: 'requested', rules, history: EXECUTING_B, now: '10d 00:00' }, { status: 'running', started: '3d 09:00', due: '93d 09:00' }],
    [
      'requested: the days asked for',
      { side: 'requested', rules, history: EXECUTING_B, content: { preservationDays: 60 }, now: '10d 00:00' },
      { status: 'running', due: '63d 09:00' },
    ],
    [
      'requested: 45 of 60 days is due soon',
      { side: 'requested', rules, history: EXECUTING_B, content: { preservationDays: 60 }, now: '48d 09:00' },
      { status: 'due_soon' },
    ],
    [
      'requested: expired reads overdue',
      { side: 'requested', rules, history: EXECUTING_B, content: { preservationDays: 60 }, now: '63d 09:01' },
      { status: 'overdue', stopped: null },
    ],
    ...[0, -5, 1.5, '60', null, Number.NaN].map((days): [string, Case, Expect] => [
      `requested: invalid preservationDays ${String(days)} falls back to the rule`,
      { side: 'requested', rules, history: EXECUTING_B, content: { preservationDays: days }, now: '10d 00:00' },
      { status: 'running', due: '93d 09:00' },
    ]),
    [
      'requested: the date the requested State reported (a bare date is 00:00 UTC)',
      {
        side: 'requested',
        rules,
        history: [...EXECUTING_B, e('3d 10:00', 'send_results', 'results_sent', { final: true, preservedUntil: '2026-05-14' })],
        content: { preservationDays: 60 },
        now: '10d 00:00',
      },
      { status: 'running', started: '3d 09:00', due: '65d 00:00' },
    ],
    [
      'requesting: the date-time reported with the results, with an offset',
      {
        rules,
        history: [...EXECUTING, e('3d 10:00', 'results', 'executed', { final: true, preservedUntil: '2026-05-14T12:00:00+02:00' })],
        now: '10d 00:00',
      },
      { status: 'running', due: '65d 10:00' },
    ],
    [
      'requesting: a renewal extends it (the latest report wins)',
      {
        rules,
        history: [
          ...EXECUTING,
          e('3d 10:00', 'results', 'executed', { final: true, preservedUntil: '2026-05-14' }),
          e('60d 10:00', 'results', 'executed', { final: true, preservedUntil: '2026-08-12' }),
        ],
        now: '61d 00:00',
      },
      { status: 'running', due: '155d 00:00' },
    ],
    ...['2026-02-30', '14 March', '2026-05-14T25:00:00Z', '2026-05-14T12:00:00'].map(
      (bad): [string, Case, Expect] => [
        `requesting: an invalid preservedUntil ${bad} is ignored`,
        { rules, history: [...EXECUTING, e('3d 10:00', 'results', 'executed', { final: true, preservedUntil: bad })], now: '10d 00:00' },
        { status: 'running', due: '93d 09:00' },
      ],
    ),
    [
      'requesting: results without an explicit execution start: started by then',
      { rules, history: [...ACCEPTED, e('3d 10:00', 'results', 'executed', { final: true })], now: '10d 00:00' },
      { status: 'running', started: '3d 10:00', due: '93d 10:00' },
    ],
    [
      'requested: closed while held (the data stays held: the clock runs on)',
      { side: 'requested', rules, history: [...EXECUTING_B, e('5d 00:00', 'close', 'closed')], now: '10d 00:00' },
      { status: 'running', started: '3d 09:00', due: '93d 09:00' },
    ],
    [
      'requested: withdrawn while held',
      { side: 'requested', rules, history: [...EXECUTING_B, e('5d 00:00', 'withdrawn', 'closed')], now: '10d 00:00' },
      { status: 'cancelled', stopped: '5d 00:00' },
    ],
    [
      'requested: refused',
      { side: 'requested', rules, history: [...REGISTERED, e('1d 00:00', 'decide', 'decision', { outcome: 'refused' })], now: '10d 00:00' },
      { status: 'cancelled', started: null, stopped: '1d 00:00' },
    ],
  ])('%s', (_, input, want) => {
    const view = clock('preservation_expiry', input);
    check(view, want);
    expect(view?.owner).toBe('requested');
  });

  it('is absent when the rules have no such clock', () => {
    expect(clock('preservation_expiry', { rules: { acknowledgment: 'PT1H' }, history: EXECUTING, now: '10d 00:00' })).toBeUndefined();
  });
});

describe('follow_up (owner: requesting; due when the preservation expires)', () => {
  const rules: ClockDefaults = { preservation_expiry: 'P90D', follow_up: 'P90D' };
  const preserved = [...EXECUTING, e('3d 10:00', 'results', 'executed', { final: true, preservedUntil: '2026-05-14' })];
  it.each<[string, Case, Expect]>([
    ['not executing yet', { rules, history: ACCEPTED, now: '3d 00:00' }, { status: 'not_started' }],
    ['no follow-up yet', { rules, history: preserved, followUp: null, now: '10d 00:00' }, { status: 'running', started: '3d 09:00', due: '65d 00:00' }],
    ['a follow-up drafted but not transmitted', { rules, history: preserved, followUp: { transmittedAt: null }, now: '66d 00:00' }, { status: 'overdue' }],
    ['transmitted in time', { rules, history: preserved, followUp: { transmittedAt: t('7d 10:00') }, now: '10d 00:00' }, { status: 'met', stopped: '7d 10:00' }],
    ['transmitted after the data expired', { rules, history: preserved, followUp: { transmittedAt: t('70d 10:00') }, now: '80d 00:00' }, { status: 'met_late' }],
    ['transmitted after `now` is not seen yet', { rules, history: preserved, followUp: { transmittedAt: t('7d 10:00') }, now: '5d 00:00' }, { status: 'running', stopped: null }],
    ['the days asked for when nothing was reported', { rules, history: EXECUTING, content: { preservationDays: 60 }, now: '10d 00:00' }, { status: 'running', due: '63d 09:00' }],
    ['a refusal cancels it', { rules, history: [...ACKED, e('2d 10:00', 'decision', 'refused')], now: '3d 00:00' }, { status: 'cancelled', started: null }],
  ])('%s', (_, input, want) => {
    const view = clock('follow_up', input);
    check(view, want);
    expect(view?.owner).toBe('requesting');
  });
});

describe('written_confirmation of a request made orally (PT24H)', () => {
  const oral = { madeOrally: true, oralRequestAt: iso('01:00') };
  const drafted = [e('01:30', 'submit', 'in_review'), e('01:40', 'authorize', 'authorized')];
  it.each<[string, Case, Expect]>([
    ['running after the call', { content: oral, history: drafted, now: '10:00' }, { status: 'running', started: '01:00', due: '1d 01:00' }],
    ['due soon at 18 h', { content: oral, history: drafted, now: '19:00' }, { status: 'due_soon' }],
    ['flagged overdue until transmitted', { content: oral, history: drafted, now: '2d 00:00' }, { status: 'overdue', stopped: null }],
    [
      'met when transmitted in time',
      { content: oral, history: [...drafted, e('02:00', 'transmit', 'transmitted')], now: '2d 00:00' },
      { status: 'met', stopped: '02:00' },
    ],
    [
      'met late when transmitted after the deadline',
      { content: oral, history: [...drafted, e('1d 05:00', 'transmit', 'transmitted')], now: '2d 00:00' },
      { status: 'met_late', stopped: '1d 05:00' },
    ],
    ['without oralRequestAt, from the first history entry', { content: { madeOrally: true }, history: drafted, now: '10:00' }, { status: 'running', started: '01:30' }],
    [
      'requested side: met when the written request is received',
      { side: 'requested', content: oral, history: RECEIVED, now: '05:00' },
      { status: 'met', started: '01:00', stopped: '02:31' },
    ],
    [
      'withdrawn before confirmation',
      { content: oral, history: [...drafted, e('03:00', 'withdraw', 'withdrawn')], now: '2d 00:00' },
      { status: 'cancelled', stopped: '03:00' },
    ],
    ['an oral request dated after `now`', { content: { madeOrally: true, oralRequestAt: iso('12:00') }, history: [], now: '10:00' }, { status: 'not_started' }],
  ])('%s', (_, input, want) => {
    const view = clock('written_confirmation', input);
    check(view, want);
    expect(view?.owner).toBe('requesting');
  });

  it.each([{}, { madeOrally: false }, { madeOrally: 'true' }])('no clock when not made orally: %j', (content) => {
    expect(clock('written_confirmation', { content, history: SENT, now: '10:00' })).toBeUndefined();
  });

  it('scenario 2: emergency made by telephone, overdue in the reminders until transmitted', () => {
    const base: ClockInput = {
      side: 'requesting',
      rules: { acknowledgment: 'PT1H', written_confirmation: 'PT24H' },
      history: drafted,
      content: oral,
      confidentialityRequested: false,
      now: t('1d 02:00'),
    };
    expect(overdue(computeClocks(base)).map((c) => c.kind)).toEqual(['written_confirmation']);
    const after = computeClocks({ ...base, history: [...drafted, e('1d 03:00', 'transmit', 'transmitted')], now: t('1d 03:05') });
    expect(overdue(after)).toEqual([]);
    expect(after.map((c) => [c.kind, c.status])).toEqual([
      ['acknowledgment', 'not_started'],
      ['written_confirmation', 'met_late'],
    ]);
  });
});

describe('confidentiality_answer (P5D)', () => {
  it.each<[string, Case, Expect]>([
    ['requesting: delivered', { confidentialityRequested: true, history: DELIVERED, now: '1d 00:00' }, { status: 'running', started: '02:31', due: '5d 02:31' }],
    [
      'requesting: answered',
      { confidentialityRequested: true, history: [...ACKED, e('1d 00:00', 'confidentiality_answered', 'acknowledged')], now: '9d 00:00' },
      { status: 'met', stopped: '1d 00:00' },
    ],
    ['requesting: unanswered', { confidentialityRequested: true, history: ACKED, now: '6d 00:00' }, { status: 'overdue' }],
    ['requested: received', { side: 'requested', confidentialityRequested: true, history: RECEIVED, now: '4d 10:00' }, { status: 'due_soon' }],
    [
      'requested: answered late',
      { side: 'requested', confidentialityRequested: true, history: [...REGISTERED, e('6d 00:00', 'answer_confidentiality', 'assessing')], now: '9d 00:00' },
      { status: 'met_late', stopped: '6d 00:00' },
    ],
  ])('%s', (_, input, want) => {
    check(clock('confidentiality_answer', input), want);
  });

  it('no clock when confidentiality was not requested', () => {
    expect(clock('confidentiality_answer', { confidentialityRequested: false, history: ACKED, now: '1d 00:00' })).toBeUndefined();
  });
});

describe('conditions_answer (P14D, owner: requesting)', () => {
  const conditional = [...ACKED, e('2d 10:00', 'decision', 'accepted_with_conditions', { outcome: 'accepted_with_conditions' })];
  const conditionalB = [...REGISTERED, e('2d 10:00', 'decide', 'decision', { outcome: 'accepted_with_conditions' })];
  it.each<[string, Case, Expect]>([
    ['requesting: accepted without conditions', { history: ACCEPTED, now: '5d 00:00' }, { status: 'not_started' }],
    ['requesting: conditions set', { history: conditional, now: '5d 00:00' }, { status: 'running', started: '2d 10:00', due: '16d 10:00' }],
    [
      'requesting: conditions accepted',
      { history: [...conditional, e('4d 10:00', 'accept_conditions', 'accepted')], now: '20d 00:00' },
      { status: 'met', stopped: '4d 10:00' },
    ],
    ['requesting: unanswered', { history: conditional, now: '17d 00:00' }, { status: 'overdue' }],
    [
      'requesting: declined by withdrawing',
      { history: [...conditional, e('5d 10:00', 'withdraw', 'withdrawn')], now: '20d 00:00' },
      { status: 'cancelled', stopped: '5d 10:00' },
    ],
    ['requesting: refused', { history: [...ACKED, e('2d 10:00', 'decision', 'refused')], now: '5d 00:00' }, { status: 'cancelled', started: null, stopped: '2d 10:00' }],
    ['requested: conditions set', { side: 'requested', history: conditionalB, now: '13d 00:00' }, { status: 'due_soon' }],
    [
      'requested: conditions accepted late',
      { side: 'requested', history: [...conditionalB, e('17d 10:00', 'conditions_accepted', 'decision')], now: '20d 00:00' },
      { status: 'met_late', stopped: '17d 10:00' },
    ],
    [
      'never started on a request that ended normally stays not_started',
      { history: [...EXECUTING, e('9d 10:00', 'results', 'executed', { final: true }), e('9d 11:00', 'close', 'closed')], now: '20d 00:00' },
      { status: 'not_started', stopped: null },
    ],
  ])('%s', (_, input, want) => {
    const view = clock('conditions_answer', input);
    check(view, want);
    expect(view?.owner).toBe('requesting');
  });
});

describe('computeClocks', () => {
  const input: ClockInput = { side: 'requesting', rules: RULES, history: ACKED, content: {}, confidentialityRequested: true, now: t('03:00') };

  it('returns one clock per kind in the rules, in CLOCK_KINDS order, with its owner and duration', () => {
    const rules: ClockDefaults = { conditions_answer: 'P14D', acknowledgment: 'PT1H', execution: 'P30D' };
    const views = computeClocks({ ...input, rules });
    expect(views.map((v) => v.kind)).toEqual(['acknowledgment', 'execution', 'conditions_answer']);
    expect(views.map((v) => v.duration)).toEqual(['PT1H', 'P30D', 'P14D']);
    for (const v of views) expect(v.owner).toBe(CLOCK_OWNERS[v.kind]);
  });

  it('honours dueSoonFraction', () => {
    const at = (fraction: number, now: string): ClockStatus | undefined =>
      computeClocks({ ...input, history: DELIVERED, rules: { acknowledgment: 'PT1H' }, now: t(now), dueSoonFraction: fraction })[0]?.status;
    expect(at(0.5, '03:00')).toBe('running');
    expect(at(0.5, '03:01')).toBe('due_soon');
    expect(at(1, '03:30')).toBe('running');
    expect(at(1, '03:31')).toBe('due_soon');
  });

  it.each([0, -0.1, 1.01, Number.NaN, Number.POSITIVE_INFINITY])('refuses dueSoonFraction %s', (fraction) => {
    expect(() => computeClocks({ ...input, dueSoonFraction: fraction })).toThrow(/dueSoonFraction/);
  });

  it('refuses a rule that is not a duration', () => {
    expect(() => computeClocks({ ...input, rules: { acknowledgment: '60 minutes' } })).toThrow(/acknowledgment: invalid ISO 8601 duration/);
  });

  it('reads the history by time, not by position', () => {
    const shuffled = [ACKED[4], ACKED[0], ACKED[3], ACKED[2], ACKED[1]].filter((x): x is HistoryEntry => x !== undefined);
    expect(computeClocks({ ...input, history: shuffled })).toEqual(computeClocks(input));
  });

  it('overdue() keeps only the overdue clocks', () => {
    const views = computeClocks({ ...input, history: DELIVERED, now: t('1d 00:00') });
    expect(views.find((v) => v.kind === 'acknowledgment')?.status).toBe('overdue');
    expect(views.find((v) => v.kind === 'confidentiality_answer')?.status).toBe('running');
    expect(overdue(views).map((v) => v.kind)).toEqual(['acknowledgment']);
  });

  // Invariants over arbitrary histories (any events, any order, any times) on both sides.
  it('every view is consistent with its own dates (property)', () => {
    const events = fc.constantFrom(...LIFECYCLE_EVENTS);
    const states = fc.constantFrom<RequestState>(...REQUESTING_STATES, ...REQUESTED_STATES);
    const entry = fc.record({
      at: fc.integer({ min: 0, max: 60 * 24 * 60 }).map((min) => new Date(t('00:00').getTime() + min * 60_000)),
      event: events,
      from: fc.constant(null),
      to: states,
      data: fc.record({
        outcome: fc.constantFrom('accepted', 'accepted_with_conditions', 'postponed', 'refused', 'nonsense'),
        final: fc.boolean(),
        preservedUntil: fc.constantFrom('2026-04-01', '2026-04-01T10:00:00Z', 'bad'),
      }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom<Side>('requesting', 'requested'),
        fc.array(entry, { maxLength: 25 }),
        fc.integer({ min: 0, max: 90 * 24 * 60 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 90 * 24 * 60 })),
        (side, history, nowMin, oral, followMin) => {
          const now = new Date(t('00:00').getTime() + nowMin * 60_000);
          const views = computeClocks({
            side,
            rules: RULES,
            history,
            content: oral ? { madeOrally: true, preservationDays: 60 } : {},
            confidentialityRequested: true,
            followUp: followMin === null ? null : { transmittedAt: new Date(t('00:00').getTime() + followMin * 60_000) },
            now,
          });
          expect(views.map((v) => v.kind)).toEqual(CLOCK_KINDS.filter((k) => k !== 'written_confirmation' || oral));
          for (const v of views) {
            const n = now.getTime();
            if (v.status === 'not_started') expect([v.startedAt, v.dueAt, v.stoppedAt]).toEqual([null, null, null]);
            if (v.startedAt) expect(v.dueAt).not.toBeNull();
            if (v.stoppedAt) expect(v.stoppedAt.getTime()).toBeLessThanOrEqual(n);
            if (v.startedAt) expect(v.startedAt.getTime()).toBeLessThanOrEqual(n);
            if (v.status === 'running' || v.status === 'due_soon') expect(n).toBeLessThanOrEqual(v.dueAt?.getTime() ?? -Infinity);
            if (v.status === 'overdue') expect(n).toBeGreaterThan(v.dueAt?.getTime() ?? Infinity);
            if (['running', 'due_soon', 'overdue'].includes(v.status)) expect(v.stoppedAt).toBeNull();
            if (v.status === 'met_late') expect(v.stoppedAt?.getTime()).toBeGreaterThan(v.dueAt?.getTime() ?? Infinity);
            if (v.status === 'met' && v.dueAt) expect(v.stoppedAt?.getTime()).toBeLessThanOrEqual(v.dueAt.getTime());
            if (v.status === 'met' || v.status === 'cancelled') expect(v.stoppedAt).not.toBeNull();
            if (v.kind === 'preservation_expiry') expect(['met', 'met_late']).not.toContain(v.status);
          }
        },
      ),
    );
  });
});

describe('mergeClockRules', () => {
  const type: ClockDefaults = { acknowledgment: 'PT1H', decision: 'P10D', preservation_expiry: 'P90D' };

  it('replaces the defaults the State overrides and keeps the others, in CLOCK_KINDS order', () => {
    const merged = mergeClockRules(type, { preservation_expiry: 'P60D', acknowledgment: 'PT30M' });
    expect(merged).toEqual({ acknowledgment: 'PT30M', decision: 'P10D', preservation_expiry: 'P60D' });
    expect(Object.keys(merged)).toEqual(['acknowledgment', 'decision', 'preservation_expiry']);
    expect(Object.isFrozen(merged)).toBe(true);
  });

  it('adds a clock the State sets that the type lacks', () => {
    expect(mergeClockRules(type, { confidentiality_answer: 'P5D' })).toEqual({ ...type, confidentiality_answer: 'P5D' });
  });

  it('keeps the defaults when there are no overrides', () => {
    expect(mergeClockRules(type)).toEqual(type);
    expect(mergeClockRules(type, {})).toEqual(type);
  });

  it('does not change its arguments', () => {
    const overrides: ClockDefaults = { decision: 'P5D' };
    mergeClockRules(type, overrides);
    expect(type).toEqual({ acknowledgment: 'PT1H', decision: 'P10D', preservation_expiry: 'P90D' });
    expect(overrides).toEqual({ decision: 'P5D' });
  });

  it.each<[string, ClockDefaults, ClockDefaults | undefined, RegExp]>([
    ['an unknown kind in the overrides', type, { acknowledgement: 'PT1H' } as unknown as ClockDefaults, /acknowledgement: unknown clock kind in the State's overrides/],
    ['an unknown kind in the defaults', { deadline: 'PT1H' } as unknown as ClockDefaults, undefined, /deadline: unknown clock kind in the type defaults/],
    ['an invalid override', type, { decision: '10 days' }, /decision: the State's overrides holds an invalid/],
    ['a negative override', type, { decision: '-P10D' }, /decision/],
  ])('refuses %s', (_, defaults, overrides, message) => {
    let caught: unknown;
    try {
      mergeClockRules(defaults, overrides);
    } catch (err) {
      caught = err;
    }
    expect(isAppError(caught) && caught.code).toBe('validation_failed');
    expect((caught as Error).message).toMatch(message);
  });

  it('merged rules drive the clocks (XB answers preservation acknowledgments within 30 minutes)', () => {
    const rules = mergeClockRules({ acknowledgment: 'PT1H' }, { acknowledgment: 'PT30M' });
    const [ack] = computeClocks({ side: 'requested', rules, history: RECEIVED, content: {}, confidentialityRequested: false, now: t('03:02') });
    check(ack, { status: 'overdue', due: '03:01' });
  });
});
