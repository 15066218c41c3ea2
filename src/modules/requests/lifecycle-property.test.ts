import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOSURE_REASONS,
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
import { allowedEvents, apply, initialFacts, isTerminal, type LifecycleInput } from './lifecycle.ts';

const STATES: Record<Side, readonly RequestState[]> = { requesting: REQUESTING_STATES, requested: REQUESTED_STATES };

/** Any input, valid or not: the values a careless form or a hostile peer could send. */
const anyInput = fc.record(
  {
    outcome: fc.constantFrom(...DECISION_OUTCOMES),
    grounds: fc.subarray(['persecution', 'political_offence', 'fiscal_only', 'bank_secrecy', 'unheard_of']),
    reasons: fc.constantFrom('', '   ', 'Reasons given.'),
    conditions: fc.constantFrom<readonly string[]>([], [' '], ['No onward transfer.']),
    final: fc.boolean(),
    kept: fc.boolean(),
    reason: fc.constantFrom('', ' ', 'Unreachable.'),
  },
  { requiredKeys: [] },
);

/**
 * Values that satisfy every input guard of `event` given the facts (the test's own knowledge of the rules):
 * a refusal or postponement only once consultation happened or its absence was recorded.
 */
function validInput(event: LifecycleEvent, facts: LifecycleFacts, pick: number, flag: boolean): LifecycleInput {
  const consulted = facts.consultationHeld || facts.noConsultationReason !== null;
  const outcomes: readonly DecisionOutcome[] = event === 'decide' && !consulted ? ['accepted', 'accepted_with_conditions'] : DECISION_OUTCOMES;
  const outcome = outcomes[pick % outcomes.length] ?? 'accepted';
  return {
    event,
    outcome,
    grounds: ['prejudice_to_ongoing_investigation'],
    reasons: 'Reasons given.',
    conditions: ['No use beyond the named offence.'],
    final: flag,
    kept: flag,
    reason: 'The requesting authority could not be reached.',
  };
}

const step = fc.record({
  /** Mostly follow an allowed event with valid input (to get deep); else throw any event with any input at it. */
  allowed: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
  pick: fc.nat(),
  flag: fc.boolean(),
  input: anyInput,
});

function start(side: Side, facts: LifecycleFacts): RequestState {
  if (side === 'requesting') return 'draft';
  const r = apply('requested', null, facts, { event: 'receive' });
  if (!r.ok) throw new Error(r.message);
  return r.state;
}

/** Any facts at all, even ones no real history produces: the properties hold whatever the record says. */
const anyFacts: fc.Arbitrary<LifecycleFacts> = fc.record({
  confidentialityRequested: fc.boolean(),
  confidentiality: fc.constantFrom(null, 'kept', 'cannot_be_kept'),
  consultationHeld: fc.boolean(),
  noConsultationReason: fc.constantFrom(null, 'The requesting authority did not answer.'),
  outcome: fc.constantFrom(null, ...DECISION_OUTCOMES),
  conditions: fc.constantFrom('none', 'proposed', 'accepted'),
  intrusive: fc.boolean(),
  resultsCount: fc.nat({ max: 5 }),
  closure: fc.constantFrom(null, ...CLOSURE_REASONS),
});

/** A request at its beginning (a real history follows), or anywhere in the machine with any facts (to reach deep states). */
const origin = (side: Side): fc.Arbitrary<{ state: RequestState; facts: LifecycleFacts }> =>
  fc.oneof(
    fc.record({ intrusive: fc.boolean(), confidentialityRequested: fc.boolean() }).map((o) => {
      const facts = initialFacts(o);
      return { state: start(side, facts), facts };
    }),
    fc.record({ state: fc.constantFrom(...STATES[side]), facts: anyFacts }),
  );

describe('lifecycle properties (random event sequences)', () => {
  for (const side of ['requesting', 'requested'] as const) {
    it(`${side}: stays within its states, never leaves a terminal state, and allowedEvents agrees with apply`, () => {
      const visited = new Set<RequestState>();
      fc.assert(
        fc.property(origin(side), fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), (from, steps) => {
          let { state, facts } = from;
          visited.add(state);
          for (const s of steps) {
            const allowed = allowedEvents(side, state, facts);
            const pool: readonly LifecycleEvent[] = s.allowed && allowed.length > 0 ? allowed : LIFECYCLE_EVENTS;
            const event = pool[s.pick % pool.length] ?? 'close';
            const isAllowed = allowed.includes(event);

            // An allowed event with valid input succeeds.
            if (isAllowed) expect(apply(side, state, facts, validInput(event, facts, s.pick, s.flag)).ok).toBe(true);
            const input: LifecycleInput = s.allowed && isAllowed ? validInput(event, facts, s.pick, s.flag) : { ...s.input, event };
            const r = apply(side, state, facts, input);
            // A not-allowed event fails, whatever the input.
            if (!isAllowed) expect(r.ok).toBe(false);
            if (!r.ok) {
              expect(r.message.length).toBeGreaterThan(0);
              continue;
            }
            expect(STATES[side]).toContain(r.state);
            if (isTerminal(side, state)) expect(r.state).toBe(state);
            expect(r.facts.resultsCount).toBeGreaterThanOrEqual(facts.resultsCount);
            state = r.state;
            facts = r.facts;
            visited.add(state);
          }
        }),
        { numRuns: 400 },
      );
      // The sequences explored the whole machine, not just its first few states.
      expect([...visited].sort()).toEqual([...STATES[side]].sort());
    });
  }
});
