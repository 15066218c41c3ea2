import { describe, expect, it } from 'vitest';
import {
  DECISION_OUTCOMES,
  LIFECYCLE_EVENTS,
  REQUESTED_STATES,
  REQUESTING_STATES,
  type DecisionOutcome,
  type LifecycleEvent,
  type LifecycleFacts,
  type RequestState,
  type Side,
} from './model.ts';
import {
  TRANSITIONS,
  allowedEvents,
  apply,
  initialFacts,
  isTerminal,
  stateDiagram,
  type LifecycleInput,
  type LifecycleResult,
} from './lifecycle.ts';

// ── the expected table, written out by hand (not derived from TRANSITIONS) ─────────────────────────────────
// One line per state: `event>target!message`, `=` for "same state", `event(variant)>…` where the target depends on
// the input (a decision's outcome, partial or final results). Events not listed are illegal in that state.

const RUN = 'withdraw>withdrawn!request.withdrawn no_longer_required>no_longer_required!request.no_longer_required';
const OPEN_RECORD = 'confidentiality_answered>= status_enquiry>=!request.status_enquiry status_reply>=';
const ENDED_RECORD = 'confidentiality_answered>= status_reply>=';
const ONWARD = 'onward_transfer_request>=!request.onward_transfer_request onward_transfer_decision>= record_onward_transfer>=';
const DECISIONS =
  'decision(accepted)>accepted decision(accepted_with_conditions)>accepted_with_conditions decision(postponed)>postponed decision(refused)>refused';

const REQUESTING: Record<string, string> = {
  '(none)': '',
  draft: 'submit>in_review withdraw>withdrawn',
  in_review: 'return_to_draft>draft authorize>authorized withdraw>withdrawn',
  authorized: 'transmit>transmitted!request.transmit withdraw>withdrawn',
  transmitted: `delivered>delivered acknowledged>acknowledged ${RUN} ${OPEN_RECORD}`,
  delivered: `acknowledged>acknowledged ${RUN} ${OPEN_RECORD}`,
  acknowledged: `info_requested>info_requested ${DECISIONS} ${RUN} ${OPEN_RECORD}`,
  info_requested: `provide_info>info_provided!request.info_provided ${RUN} ${OPEN_RECORD}`,
  info_provided: `info_requested>info_requested ${DECISIONS} ${RUN} ${OPEN_RECORD}`,
  accepted: `execution_started>executing ${RUN} ${OPEN_RECORD}`,
  accepted_with_conditions: `accept_conditions>=!request.conditions_accepted execution_started>executing ${RUN} ${OPEN_RECORD}`,
  postponed: `info_requested>info_requested ${DECISIONS} ${RUN} ${OPEN_RECORD}`,
  refused: `close>closed ${OPEN_RECORD}`,
  executing: `results(partial)>partially_executed results(final)>executed ${RUN} ${OPEN_RECORD}`,
  partially_executed: `results(partial)>partially_executed results(final)>executed close>closed ${RUN} ${OPEN_RECORD} ${ONWARD}`,
  executed: `close>closed ${OPEN_RECORD} ${ONWARD}`,
  closed: `${ENDED_RECORD} ${ONWARD}`,
  withdrawn: ENDED_RECORD,
  no_longer_required: ENDED_RECORD,
};

const CONF = 'answer_confidentiality>=!request.confidentiality_answer';
const ENDING = 'withdrawn>closed no_longer_required>closed';
const RECORD = 'status_enquiry>= onward_transfer_request>= onward_transfer_decision>=!request.onward_transfer_decision';
const DECIDE = ['accepted', 'accepted_with_conditions', 'postponed', 'refused'].map((o) => `decide(${o})>decision!request.decision`).join(' ');

const REQUESTED: Record<string, string> = {
  '(none)': 'receive>received',
  received: `register>registered!request.acknowledged ${CONF} ${ENDING} ${RECORD}`,
  registered: `start_assessment>assessing ${CONF} ${ENDING} ${RECORD}`,
  assessing: `request_info>consultation!request.info_requested record_no_consultation>assessing ${DECIDE} ${CONF} ${ENDING} ${RECORD}`,
  consultation: `info_received>assessing record_no_consultation>assessing ${CONF} ${ENDING} ${RECORD}`,
  decision: `conditions_accepted>= resume>assessing start_execution>executing!request.execution_started close>closed ${CONF} ${ENDING} ${RECORD}`,
  executing: `send_results(partial)>executing!request.results send_results(final)>results_sent!request.results ${ENDING} ${RECORD}`,
  results_sent: `close>closed ${ENDING} ${RECORD}`,
  closed: RECORD,
};

/** The events each side handles at all (any other is the other side's). */
const SIDE_EVENTS: Record<Side, readonly LifecycleEvent[]> = {
  requesting: [
    'submit', 'return_to_draft', 'authorize', 'transmit', 'delivered', 'acknowledged', 'info_requested', 'provide_info', 'decision',
    'accept_conditions', 'execution_started', 'results', 'withdraw', 'confidentiality_answered', 'status_reply', 'record_onward_transfer',
    'close', 'no_longer_required', 'status_enquiry', 'onward_transfer_request', 'onward_transfer_decision',
  ],
  requested: [
    'receive', 'register', 'start_assessment', 'request_info', 'info_received', 'record_no_consultation', 'answer_confidentiality', 'decide',
    'conditions_accepted', 'resume', 'start_execution', 'send_results', 'withdrawn', 'onward_transfer_decision', 'close', 'no_longer_required',
    'status_enquiry', 'onward_transfer_request',
  ],
};

interface Expected {
  readonly event: LifecycleEvent;
  readonly variant: string | null;
  readonly to: RequestState | '=';
  readonly message: string | null;
}

function parse(line: string): Expected[] {
  return line
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((token) => {
      const m = /^([a-z_]+)(?:\(([a-z_]+)\))?>([a-z_=]+)(?:!([a-z_.]+))?$/.exec(token);
      if (m === null) throw new Error(`bad token ${token}`);
      const [, event = '', variant, to = '', message] = m;
      return { event: event as LifecycleEvent, variant: variant ?? null, to: to as RequestState | '=', message: message ?? null };
    });
}

const BASE = initialFacts({ intrusive: false, confidentialityRequested: false });
const fiscalOnly = ['fiscal_only'];

/** Facts under which the event's fact guards pass in this state (the reason each one exists is in the comment). */
function factsFor(side: Side, state: RequestState | null, event: LifecycleEvent): LifecycleFacts {
  if (side === 'requesting' && state === 'accepted_with_conditions') {
    // Execution starts once the conditions are accepted; accepting them needs them proposed.
    return { ...BASE, outcome: 'accepted_with_conditions', conditions: event === 'execution_started' ? 'accepted' : 'proposed' };
  }
  if (side === 'requesting' && state === 'accepted') return { ...BASE, outcome: 'accepted' };
  if (side === 'requested' && event === 'answer_confidentiality') return { ...BASE, confidentialityRequested: true };
  if (side === 'requested' && event === 'decide') return { ...BASE, consultationHeld: true };
  if (side === 'requested' && state === 'decision') {
    if (event === 'resume') return { ...BASE, outcome: 'postponed' };
    if (event === 'close') return { ...BASE, outcome: 'refused' };
    if (event === 'conditions_accepted') return { ...BASE, outcome: 'accepted_with_conditions', conditions: 'proposed' };
    return { ...BASE, outcome: 'accepted' };
  }
  return BASE;
}

function inputFor(event: LifecycleEvent, variant: string | null): LifecycleInput {
  const outcome = DECISION_OUTCOMES.find((o) => o === variant);
  return {
    event,
    ...(outcome === undefined ? {} : { outcome }),
    final: variant === 'final',
    kept: true,
    reason: 'The requesting authority could not be reached.',
    grounds: ['persecution'],
    reasons: 'Substantial grounds to believe the purpose is to prosecute a journalist for political opinions.',
    conditions: ['Only data from 1 to 31 March 2026.'],
  };
}

function ok(r: LifecycleResult): Extract<LifecycleResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected success, got ${r.code}: ${r.message}`);
  return r;
}
function failure(r: LifecycleResult): Extract<LifecycleResult, { ok: false }> {
  if (r.ok) throw new Error(`expected a refusal, got state ${r.state}`);
  return r;
}

const TABLES: Record<Side, Record<string, string>> = { requesting: REQUESTING, requested: REQUESTED };
const STATES: Record<Side, readonly RequestState[]> = { requesting: REQUESTING_STATES, requested: REQUESTED_STATES };

describe('the transition matrix: every (side, state, event)', () => {
  for (const side of ['requesting', 'requested'] as const) {
    it(`lists every ${side} state in the expected table`, () => {
      expect(Object.keys(TABLES[side]).sort()).toEqual(['(none)', ...STATES[side]].sort());
    });
    for (const [label, line] of Object.entries(TABLES[side])) {
      const state: RequestState | null = label === '(none)' ? null : (label as RequestState);
      it(`${side} ${label}`, () => {
        const expected = parse(line);
        const legal = new Set(expected.map((e) => e.event));
        for (const event of LIFECYCLE_EVENTS) {
          const facts = factsFor(side, state, event);
          const rows = expected.filter((e) => e.event === event);
          for (const row of rows) {
            const r = ok(apply(side, state, facts, inputFor(event, row.variant)));
            expect({ event, variant: row.variant, state: r.state, message: r.message }).toEqual({
              event,
              variant: row.variant,
              state: row.to === '=' ? state : row.to,
              message: row.message,
            });
            if (state !== null) expect(allowedEvents(side, state, facts)).toContain(event);
          }
          if (rows.length > 0) continue;
          const f = failure(apply(side, state, facts, inputFor(event, null)));
          if (!SIDE_EVENTS[side].includes(event)) {
            expect({ event, code: f.code }).toEqual({ event, code: 'wrong_side' });
            continue;
          }
          expect({ event, code: f.code, field: f.field }).toEqual({ event, code: 'illegal_transition', field: 'event' });
          expect(f.message).toContain(`“${event}”`);
          if (state === null) continue;
          expect(f.message).toContain(`“${state}”`);
          const allowed = allowedEvents(side, state, facts);
          for (const a of allowed) {
            expect(legal.has(a)).toBe(true);
            expect(f.message).toContain(a);
          }
          if (allowed.length === 0) expect(f.message).toContain('No event is allowed now.');
        }
      });
    }
  }
});

describe('isTerminal', () => {
  it('ends the requesting side at closed, withdrawn and no_longer_required, the requested side at closed', () => {
    expect(REQUESTING_STATES.filter((s) => isTerminal('requesting', s))).toEqual(['closed', 'withdrawn', 'no_longer_required']);
    expect(REQUESTED_STATES.filter((s) => isTerminal('requested', s))).toEqual(['closed']);
  });
});

describe('guards: codes and fields', () => {
  const assessing = (facts: Partial<LifecycleFacts> = {}, input: Omit<LifecycleInput, 'event'> = {}): LifecycleResult =>
    apply('requested', 'assessing', { ...BASE, ...facts }, { event: 'decide', ...input });
  const consulted = { consultationHeld: true };
  const refusal = { outcome: 'refused', grounds: ['persecution'], reasons: 'Political persecution.' } as const;

  it('outcome_required: a decision without an outcome, or with an unknown one, on either side', () => {
    expect(failure(assessing())).toMatchObject({ code: 'outcome_required', field: 'outcome' });
    const wire = JSON.parse('{"event":"decide","outcome":"maybe"}') as LifecycleInput;
    expect(failure(apply('requested', 'assessing', BASE, wire))).toMatchObject({ code: 'outcome_required', field: 'outcome' });
    expect(failure(apply('requesting', 'acknowledged', BASE, { event: 'decision' }))).toMatchObject({ code: 'outcome_required', field: 'outcome' });
  });

  it('confidentiality_unanswered: no decision before the confidentiality answer (checked after the outcome)', () => {
    const asked = { confidentialityRequested: true };
    expect(failure(assessing(asked))).toMatchObject({ code: 'outcome_required' });
    const f = failure(assessing(asked, { outcome: 'accepted' }));
    expect(f.code).toBe('confidentiality_unanswered');
    expect(f.field).toBeUndefined();
    expect(allowedEvents('requested', 'assessing', { ...BASE, ...asked })).not.toContain('decide');
    expect(ok(assessing({ ...asked, confidentiality: 'kept' }, { outcome: 'accepted' })).state).toBe('decision');
    expect(ok(assessing({ ...asked, confidentiality: 'cannot_be_kept' }, { outcome: 'accepted' })).state).toBe('decision');
  });

  it('confidentiality_unanswered on field kept: an answer must say yes or no, on either side', () => {
    const asked = { ...BASE, confidentialityRequested: true };
    expect(failure(apply('requested', 'received', asked, { event: 'answer_confidentiality' }))).toMatchObject({
      code: 'confidentiality_unanswered',
      field: 'kept',
    });
    expect(failure(apply('requesting', 'acknowledged', asked, { event: 'confidentiality_answered' }))).toMatchObject({
      code: 'confidentiality_unanswered',
      field: 'kept',
    });
  });

  it('consultation_required: refusal and postponement need a consultation or a recorded reason', () => {
    for (const outcome of ['refused', 'postponed'] as const) {
      const f = failure(assessing({}, { ...refusal, outcome }));
      expect(f).toMatchObject({ code: 'consultation_required', field: 'outcome' });
      expect(f.message).toContain(outcome === 'refused' ? 'refusal' : 'postponement');
    }
    expect(ok(assessing({}, { outcome: 'accepted' })).state).toBe('decision');
    expect(ok(assessing({ noConsultationReason: 'No answer within 30 days.' }, refusal)).state).toBe('decision');
  });

  it('grounds_required and invalid_ground', () => {
    expect(failure(assessing(consulted, { ...refusal, grounds: undefined }))).toMatchObject({ code: 'grounds_required', field: 'grounds' });
    expect(failure(assessing(consulted, { ...refusal, grounds: [] }))).toMatchObject({ code: 'grounds_required', field: 'grounds' });
    expect(failure(assessing(consulted, { ...refusal, outcome: 'postponed', grounds: [] }))).toMatchObject({ code: 'grounds_required' });
    const unknown = failure(assessing(consulted, { ...refusal, grounds: ['inconvenient'] }));
    expect(unknown).toMatchObject({ code: 'invalid_ground', field: 'grounds' });
    expect(unknown.message).toContain('“inconvenient” is not a known ground for refusal');
    const fiscal = failure(assessing(consulted, { ...refusal, grounds: fiscalOnly }));
    expect(fiscal).toMatchObject({ code: 'invalid_ground', field: 'grounds' });
    expect(fiscal.message).toContain('“fiscal_only” is not a ground for refusal (DOMAIN §4)');
    // Citing bank secrecy beside a real ground is still citing it: the record of a refusal must not contain it.
    const secrecy = failure(assessing(consulted, { ...refusal, grounds: ['persecution', 'bank_secrecy'] }));
    expect(secrecy.message).toContain('“bank_secrecy” is not a ground for refusal');
  });

  it('reasons_required: missing or blank reasons', () => {
    expect(failure(assessing(consulted, { ...refusal, reasons: undefined }))).toMatchObject({ code: 'reasons_required', field: 'reasons' });
    expect(failure(assessing(consulted, { ...refusal, outcome: 'postponed', reasons: ' \n ' }))).toMatchObject({ code: 'reasons_required' });
  });

  it('checks refusal guards in order: consultation, grounds, reasons', () => {
    const bare = { outcome: 'refused' } as const;
    expect(failure(assessing({}, bare)).code).toBe('consultation_required');
    expect(failure(assessing(consulted, bare)).code).toBe('grounds_required');
    expect(failure(assessing(consulted, { ...bare, grounds: ['political_offence'] })).code).toBe('reasons_required');
  });

  it('conditions_required: acceptance with conditions names them, none blank', () => {
    const withConditions = { outcome: 'accepted_with_conditions' } as const;
    expect(failure(assessing({}, withConditions))).toMatchObject({ code: 'conditions_required', field: 'conditions' });
    expect(failure(assessing({}, { ...withConditions, conditions: [] }))).toMatchObject({ code: 'conditions_required' });
    const blank = failure(assessing({}, { ...withConditions, conditions: ['No onward transfer.', '  '] }));
    expect(blank).toMatchObject({ code: 'conditions_required', field: 'conditions' });
    expect(blank.message).toContain('Condition 2');
    // Acceptance needs no consultation, grounds or reasons.
    expect(ok(assessing({}, { ...withConditions, conditions: ['No onward transfer.'] })).facts.conditions).toBe('proposed');
  });

  it('conditions_not_accepted: no execution while conditions are proposed, on either side', () => {
    const proposed = { ...BASE, outcome: 'accepted_with_conditions', conditions: 'proposed' } as const;
    expect(failure(apply('requested', 'decision', proposed, { event: 'start_execution' })).code).toBe('conditions_not_accepted');
    expect(failure(apply('requesting', 'accepted_with_conditions', proposed, { event: 'execution_started' })).code).toBe(
      'conditions_not_accepted',
    );
    expect(allowedEvents('requested', 'decision', proposed)).not.toContain('start_execution');
  });

  it('reason_required: going without consultation is recorded with a reason', () => {
    for (const reason of [undefined, '', '   ']) {
      const input: LifecycleInput = reason === undefined ? { event: 'record_no_consultation' } : { event: 'record_no_consultation', reason };
      expect(failure(apply('requested', 'assessing', BASE, input))).toMatchObject({ code: 'reason_required', field: 'reason' });
    }
  });

  it('illegal_transition when the facts forbid an event the state would allow, saying why', () => {
    const decided = (outcome: DecisionOutcome): LifecycleFacts => ({ ...BASE, outcome });
    const resume = failure(apply('requested', 'decision', decided('accepted'), { event: 'resume' }));
    expect(resume.code).toBe('illegal_transition');
    expect(resume.message).toContain('“postponed”');
    expect(resume.message).toContain('start_execution');
    expect(failure(apply('requested', 'decision', decided('accepted'), { event: 'close' })).code).toBe('illegal_transition');
    expect(failure(apply('requested', 'decision', decided('refused'), { event: 'start_execution' })).code).toBe('illegal_transition');
    expect(failure(apply('requested', 'decision', decided('postponed'), { event: 'start_execution' })).code).toBe('illegal_transition');
    expect(failure(apply('requested', 'decision', decided('accepted'), { event: 'conditions_accepted' })).message).toContain(
      'no conditions are awaiting acceptance',
    );
    const accepted = { ...BASE, outcome: 'accepted_with_conditions', conditions: 'accepted' } as const;
    expect(failure(apply('requesting', 'accepted_with_conditions', accepted, { event: 'accept_conditions' })).message).toContain(
      'already been accepted',
    );
    expect(failure(apply('requested', 'received', BASE, { event: 'answer_confidentiality', kept: true })).message).toContain(
      'did not ask for confidentiality',
    );
    const answered = { ...BASE, confidentialityRequested: true, confidentiality: 'kept' } as const;
    expect(failure(apply('requested', 'received', answered, { event: 'answer_confidentiality', kept: false })).message).toContain(
      'already been answered',
    );
  });

  it('wrong_side, unknown events and inconsistent records', () => {
    const decide = failure(apply('requesting', 'acknowledged', BASE, { event: 'decide', outcome: 'accepted' }));
    expect(decide).toMatchObject({ code: 'wrong_side', field: 'event' });
    expect(decide.message).toContain('requested side');
    expect(failure(apply('requested', 'closed', BASE, { event: 'withdraw' })).code).toBe('wrong_side');
    expect(failure(apply('requested', null, BASE, { event: 'transmit' })).code).toBe('wrong_side');
    const unknown = JSON.parse('{"event":"teleport"}') as LifecycleInput;
    expect(failure(apply('requested', 'assessing', BASE, unknown))).toMatchObject({ code: 'illegal_transition', field: 'event' });
    expect(failure(apply('requested', 'draft', BASE, { event: 'close' })).message).toContain('not a state of the requested side');
    expect(allowedEvents('requested', 'draft', BASE)).toEqual([]);
    const early = failure(apply('requested', null, BASE, { event: 'register' }));
    expect(early.message).toContain('Allowed now: receive.');
    expect(failure(apply('requesting', null, BASE, { event: 'submit' })).message).toContain('No event is allowed now.');
  });

  it('ignores a late signed receipt once the request has moved on', () => {
    expect(failure(apply('requesting', 'acknowledged', BASE, { event: 'delivered' })).code).toBe('illegal_transition');
    expect(failure(apply('requesting', 'delivered', BASE, { event: 'delivered' })).code).toBe('illegal_transition');
  });
});

describe('facts recorded by transitions', () => {
  it('records the outcome; conditions are proposed with accepted_with_conditions and reset by another outcome', () => {
    const awc = ok(apply('requesting', 'acknowledged', BASE, { event: 'decision', outcome: 'accepted_with_conditions' }));
    expect(awc.facts).toMatchObject({ outcome: 'accepted_with_conditions', conditions: 'proposed' });
    const stale = { ...BASE, outcome: 'postponed', conditions: 'proposed' } as const;
    expect(ok(apply('requesting', 'postponed', stale, { event: 'decision', outcome: 'accepted' })).facts).toMatchObject({
      outcome: 'accepted',
      conditions: 'none',
    });
    const accepted = ok(apply('requesting', 'accepted_with_conditions', awc.facts, { event: 'accept_conditions' }));
    expect(accepted).toMatchObject({ state: 'accepted_with_conditions', message: 'request.conditions_accepted' });
    expect(accepted.facts.conditions).toBe('accepted');
  });

  it('counts partial and final results on both sides', () => {
    const p1 = ok(apply('requesting', 'executing', BASE, { event: 'results', final: false }));
    const p2 = ok(apply('requesting', p1.state, p1.facts, { event: 'results' }));
    const fin = ok(apply('requesting', p2.state, p2.facts, { event: 'results', final: true }));
    expect([p1.state, p2.state, fin.state, fin.facts.resultsCount]).toEqual(['partially_executed', 'partially_executed', 'executed', 3]);
    const s1 = ok(apply('requested', 'executing', BASE, { event: 'send_results', final: false }));
    const s2 = ok(apply('requested', s1.state, s1.facts, { event: 'send_results', final: true }));
    expect([s1.state, s2.state, s2.facts.resultsCount, s2.message]).toEqual(['executing', 'results_sent', 2, 'request.results']);
  });

  it('records why the requested side closed', () => {
    const closure = (state: RequestState, event: LifecycleEvent, facts: LifecycleFacts = BASE): LifecycleFacts['closure'] =>
      ok(apply('requested', state, facts, { event })).facts.closure;
    expect(closure('results_sent', 'close')).toBe('completed');
    expect(closure('decision', 'close', { ...BASE, outcome: 'refused' })).toBe('refused');
    expect(closure('executing', 'withdrawn')).toBe('withdrawn');
    expect(closure('received', 'no_longer_required')).toBe('no_longer_required');
  });

  it('records consultation, its absence and the confidentiality answer', () => {
    expect(ok(apply('requested', 'consultation', BASE, { event: 'info_received' })).facts.consultationHeld).toBe(true);
    const none = ok(apply('requested', 'consultation', BASE, { event: 'record_no_consultation', reason: '  No reply for 30 days. ' }));
    expect([none.state, none.facts.noConsultationReason]).toEqual(['assessing', 'No reply for 30 days.']);
    const asked = { ...BASE, confidentialityRequested: true };
    expect(ok(apply('requested', 'registered', asked, { event: 'answer_confidentiality', kept: false })).facts.confidentiality).toBe(
      'cannot_be_kept',
    );
    expect(ok(apply('requesting', 'withdrawn', asked, { event: 'confidentiality_answered', kept: true })).facts.confidentiality).toBe('kept');
  });

  it('never mutates the facts it is given', () => {
    const frozen = Object.freeze({ ...BASE, consultationHeld: true });
    const r = ok(apply('requested', 'assessing', frozen, { event: 'decide', outcome: 'refused', grounds: ['double_jeopardy'], reasons: 'Tried.' }));
    expect(r.facts).not.toBe(frozen);
    expect(frozen.outcome).toBeNull();
  });

  it('initialFacts starts from nothing but what the request asks', () => {
    expect(initialFacts({ intrusive: true, confidentialityRequested: true })).toEqual({
      confidentialityRequested: true,
      confidentiality: null,
      consultationHeld: false,
      noConsultationReason: null,
      outcome: null,
      conditions: 'none',
      intrusive: true,
      resultsCount: 0,
      closure: null,
    });
  });
});

/** Applies events in turn, failing the test on the first refusal; returns the end state, facts and messages. */
function run(side: Side, state: RequestState | null, facts: LifecycleFacts, inputs: readonly LifecycleInput[]) {
  let s = state;
  let f = facts;
  const messages: string[] = [];
  for (const input of inputs) {
    const r = ok(apply(side, s, f, input));
    s = r.state;
    f = r.facts;
    if (r.message !== null) messages.push(r.message);
  }
  if (s === null) throw new Error('run: no event applied');
  return { state: s, facts: f, messages };
}

describe('scenarios (SCENARIOS.md)', () => {
  it('1. preservation: the requesting side from draft to closed, with the messages it sends', () => {
    const r = run('requesting', 'draft', BASE, [
      { event: 'submit' },
      { event: 'authorize' },
      { event: 'transmit' },
      { event: 'acknowledged' }, // the acknowledgment overtook the signed receipt
      { event: 'decision', outcome: 'accepted' },
      { event: 'execution_started' },
      { event: 'status_enquiry' },
      { event: 'results', final: true },
      { event: 'close' },
      { event: 'onward_transfer_request' },
    ]);
    expect(r.state).toBe('closed');
    expect(r.messages).toEqual(['request.transmit', 'request.status_enquiry', 'request.onward_transfer_request']);
  });

  it('3. refusal: refused without consultation, then refused after consultation with grounds and reasons', () => {
    const asked = initialFacts({ intrusive: true, confidentialityRequested: true });
    const start = run('requested', null, asked, [
      { event: 'receive' },
      { event: 'register' },
      { event: 'answer_confidentiality', kept: true },
      { event: 'start_assessment' },
    ]);
    const refusal = {
      event: 'decide',
      outcome: 'refused',
      grounds: ['sovereignty_security_ordre_public', 'persecution'],
      reasons: 'The conduct described is journalism; substantial grounds to believe the purpose is persecution for political opinion.',
    } as const;
    expect(failure(apply('requested', start.state, start.facts, refusal)).code).toBe('consultation_required');
    const end = run('requested', start.state, start.facts, [{ event: 'request_info' }, { event: 'info_received' }, refusal, { event: 'close' }]);
    expect(end.state).toBe('closed');
    expect(end.facts).toMatchObject({ outcome: 'refused', closure: 'refused', consultationHeld: true, confidentiality: 'kept' });
    expect([...start.messages, ...end.messages]).toEqual([
      'request.acknowledged',
      'request.confidentiality_answer',
      'request.info_requested',
      'request.decision',
    ]);
  });

  it('3. refusal after a recorded impossibility to consult is accepted; fiscal_only alone is not a ground', () => {
    const noConsultation = { event: 'record_no_consultation', reason: 'The requesting authority did not answer.' } as const;
    const facts = run('requested', 'assessing', BASE, [noConsultation]).facts;
    expect(failure(apply('requested', 'assessing', facts, { event: 'decide', outcome: 'refused', grounds: fiscalOnly, reasons: 'Tax.' })).code).toBe(
      'invalid_ground',
    );
    const refusal = { event: 'decide', outcome: 'refused', grounds: ['dual_criminality_absent'], reasons: 'Not an offence in XC.' } as const;
    const refused = ok(apply('requested', 'assessing', facts, refusal));
    expect([refused.state, refused.facts.outcome]).toEqual(['decision', 'refused']);
  });

  it('3. variant: conditions proposed → execution refused → conditions accepted → execution allowed', () => {
    const decided = run('requested', 'assessing', BASE, [
      { event: 'decide', outcome: 'accepted_with_conditions', conditions: ['Only data from March 2026.', 'No use beyond the named offence.'] },
    ]);
    expect(failure(apply('requested', decided.state, decided.facts, { event: 'start_execution' })).code).toBe('conditions_not_accepted');
    const accepted = run('requested', decided.state, decided.facts, [{ event: 'conditions_accepted' }]);
    expect(allowedEvents('requested', accepted.state, accepted.facts)).toContain('start_execution');
    const executing = ok(apply('requested', accepted.state, accepted.facts, { event: 'start_execution' }));
    expect([executing.state, executing.message]).toEqual(['executing', 'request.execution_started']);

    const mine = run('requesting', 'info_provided', BASE, [{ event: 'decision', outcome: 'accepted_with_conditions' }]);
    expect(failure(apply('requesting', mine.state, mine.facts, { event: 'execution_started' })).code).toBe('conditions_not_accepted');
    const after = run('requesting', mine.state, mine.facts, [{ event: 'accept_conditions' }, { event: 'execution_started' }]);
    expect([after.state, after.messages]).toEqual(['executing', ['request.conditions_accepted']]);
  });

  it('postponement: the requested side resumes assessing and later accepts', () => {
    const r = run('requested', 'consultation', BASE, [
      { event: 'info_received' },
      { event: 'decide', outcome: 'postponed', grounds: ['prejudice_to_ongoing_investigation'], reasons: 'A domestic search is imminent.' },
      { event: 'resume' },
      { event: 'decide', outcome: 'accepted' },
      { event: 'start_execution' },
    ]);
    expect([r.state, r.facts.outcome]).toEqual(['executing', 'accepted']);
  });
});

describe('TRANSITIONS and the diagram', () => {
  it('has one row per (side, state, event), within each side’s states', () => {
    const keys = TRANSITIONS.map((t) => `${t.side}|${t.from ?? ''}|${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of TRANSITIONS) {
      if (t.from !== null) expect(STATES[t.side]).toContain(t.from);
      if (!['same', 'by_outcome', 'by_final'].includes(t.to)) expect(STATES[t.side]).toContain(t.to);
    }
    expect(TRANSITIONS.filter((t) => t.from === null).map((t) => `${t.side} ${t.event} ${t.to}`)).toEqual(['requested receive received']);
  });

  it('sends each message only from the side that owns it', () => {
    const sent = (side: Side) => [...new Set(TRANSITIONS.filter((t) => t.side === side && t.message !== null).map((t) => t.message))].sort();
    expect(sent('requesting')).toEqual([
      'request.conditions_accepted',
      'request.info_provided',
      'request.no_longer_required',
      'request.onward_transfer_request',
      'request.status_enquiry',
      'request.transmit',
      'request.withdrawn',
    ]);
    // request.status_reply is sent by the service when it answers an enquiry automatically, not by a transition.
    expect(sent('requested')).toEqual([
      'request.acknowledged',
      'request.confidentiality_answer',
      'request.decision',
      'request.execution_started',
      'request.info_requested',
      'request.onward_transfer_decision',
      'request.results',
    ]);
  });

  it('draws every state, every outcome and the terminal states', () => {
    for (const side of ['requesting', 'requested'] as const) {
      const d = stateDiagram(side);
      expect(d.startsWith('stateDiagram-v2\n')).toBe(true);
      for (const s of STATES[side]) expect(d).toMatch(new RegExp(`^  ${s}$`, 'm'));
    }
    const requesting = stateDiagram('requesting');
    expect(requesting).toContain('  [*] --> draft\n');
    expect(requesting).toContain('  authorized --> transmitted : transmit / request.transmit\n');
    expect(requesting).toContain('  acknowledged --> refused : decision (refused)\n');
    expect(requesting).toContain('  executing --> executed : results (final)\n');
    expect(requesting).toContain('  withdrawn --> [*]\n');
    const requested = stateDiagram('requested');
    expect(requested).toContain('  [*] --> received : receive\n');
    expect(requested).toContain('  executing --> results_sent : send_results (final) / request.results\n');
    expect(requested).toContain('  closed --> [*]\n');
  });
});
