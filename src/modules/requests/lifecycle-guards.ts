/**
 * The conditions a lifecycle transition checks before it applies (DOMAIN §4: consultation before refusal or
 * postponement, reasons for every refusal, grounds that are grounds, conditions accepted before execution,
 * confidentiality answered before a decision). Pure. Each guard says whether it reads the input or only the
 * facts, so `allowedEvents` can evaluate the fact guards without knowing what a user is about to type.
 */
import {
  DECISION_OUTCOMES,
  NOT_GROUNDS,
  REFUSAL_GROUNDS,
  type DecisionOutcome,
  type LifecycleFacts,
  type RequestState,
  type Side,
} from './model.ts';
import type { LifecycleErrorCode, LifecycleInput } from './lifecycle-types.ts';

/** What a guard sees: the request as it stands and the event's input. */
export interface GuardContext {
  readonly side: Side;
  readonly from: RequestState | null;
  readonly facts: LifecycleFacts;
  readonly input: LifecycleInput;
}

/**
 * A refused guard. For `illegal_transition` the message is the clause saying why (“the decision is …”); `apply`
 * completes it with the state, the event and the events that are allowed.
 */
export interface GuardFailure {
  readonly code: LifecycleErrorCode;
  readonly message: string;
  readonly field?: string;
}

export interface Guard {
  /** `facts`: decidable from the request alone (checked by `allowedEvents`); `input`: needs the event's values. */
  readonly reads: 'facts' | 'input';
  readonly check: (ctx: GuardContext) => GuardFailure | null;
}

const nonBlank = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';
const quoted = (s: unknown): string => `“${String(s)}”`;
const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** Refusal and postponement both need consultation, grounds and reasons (DOMAIN §4). */
const refusingOrPostponing = (input: LifecycleInput): 'refusal' | 'postponement' | null =>
  input.outcome === 'refused' ? 'refusal' : input.outcome === 'postponed' ? 'postponement' : null;

/** The decision carries one of `DECISION_OUTCOMES`. Checked first, so the other guards can rely on it. */
export const outcomeRequired: Guard = {
  reads: 'input',
  check: ({ input }) => {
    if (input.outcome === undefined) {
      return { code: 'outcome_required', field: 'outcome', message: `A decision needs an outcome: one of ${DECISION_OUTCOMES.join(', ')}.` };
    }
    if (!isOneOf(DECISION_OUTCOMES, input.outcome)) {
      return {
        code: 'outcome_required',
        field: 'outcome',
        message: `${quoted(input.outcome)} is not a decision outcome; use one of ${DECISION_OUTCOMES.join(', ')}.`,
      };
    }
    return null;
  },
};

/** No decision while the requesting State's request for confidentiality is unanswered. */
export const confidentialityAnswered: Guard = {
  reads: 'facts',
  check: ({ facts }) =>
    facts.confidentialityRequested && facts.confidentiality === null
      ? {
          code: 'confidentiality_unanswered',
          message:
            'The requesting State asked that the request be kept confidential: answer whether confidentiality can be kept before deciding.',
        }
      : null,
};

/** A refusal or postponement comes only after a consultation, or a recorded reason why none was possible. */
export const consultationBeforeRefusal: Guard = {
  reads: 'input',
  check: ({ facts, input }) => {
    const what = refusingOrPostponing(input);
    if (what === null || facts.consultationHeld || nonBlank(facts.noConsultationReason)) return null;
    return {
      code: 'consultation_required',
      field: 'outcome',
      message:
        `Before a ${what}, the requesting State must be consulted (DOMAIN §4): ` +
        'request information first, or record why no consultation was possible.',
    };
  },
};

/** A refusal or postponement cites at least one ground, each a real ground for refusal. */
export const groundsValid: Guard = {
  reads: 'input',
  check: ({ input }) => {
    const what = refusingOrPostponing(input);
    if (what === null) return null;
    const grounds = input.grounds ?? [];
    if (grounds.length === 0) {
      return { code: 'grounds_required', field: 'grounds', message: `A ${what} must cite at least one ground (DOMAIN §4).` };
    }
    for (const g of grounds) {
      if (isOneOf(NOT_GROUNDS, g)) {
        return {
          code: 'invalid_ground',
          field: 'grounds',
          message:
            `${quoted(g)} is not a ground for refusal (DOMAIN §4): ` +
            'assistance may not be refused on the fiscal nature of an offence or on bank secrecy.',
        };
      }
      if (!isOneOf(REFUSAL_GROUNDS, g)) {
        return {
          code: 'invalid_ground',
          field: 'grounds',
          message: `${quoted(g)} is not a known ground for refusal; the grounds are ${REFUSAL_GROUNDS.join(', ')}.`,
        };
      }
    }
    return null;
  },
};

/** Every refusal and postponement gives reasons the requesting State receives. */
export const reasonsRequired: Guard = {
  reads: 'input',
  check: ({ input }) => {
    const what = refusingOrPostponing(input);
    if (what === null || nonBlank(input.reasons)) return null;
    return {
      code: 'reasons_required',
      field: 'reasons',
      message: `A ${what} must state its reasons; the requesting State receives them (DOMAIN §4).`,
    };
  },
};

/** An acceptance with conditions names them, none blank. */
export const conditionsRequired: Guard = {
  reads: 'input',
  check: ({ input }) => {
    if (input.outcome !== 'accepted_with_conditions') return null;
    const conditions = input.conditions ?? [];
    if (conditions.length === 0) {
      return { code: 'conditions_required', field: 'conditions', message: 'An acceptance with conditions must state at least one condition.' };
    }
    const blank = conditions.findIndex((c) => !nonBlank(c));
    if (blank >= 0) {
      return { code: 'conditions_required', field: 'conditions', message: `Condition ${blank + 1} is blank; state each condition in words.` };
    }
    return null;
  },
};

/** Conditions can be accepted only while they are proposed. */
export const conditionsPending: Guard = {
  reads: 'facts',
  check: ({ facts }) => {
    if (facts.outcome === 'accepted_with_conditions' && facts.conditions === 'proposed') return null;
    return {
      code: 'illegal_transition',
      message: facts.conditions === 'accepted' ? 'the conditions have already been accepted' : 'no conditions are awaiting acceptance',
    };
  },
};

/** Execution waits for the requesting State's acceptance of the conditions; once accepted they bind it. */
export const conditionsAccepted: Guard = {
  reads: 'facts',
  check: ({ facts }) =>
    facts.conditions === 'proposed'
      ? {
          code: 'conditions_not_accepted',
          message: 'Execution may start only after the requesting State has accepted the conditions set with the decision.',
        }
      : null,
};

/** The event follows only a decision with one of these outcomes (e.g. `resume` only after a postponement). */
export function outcomeIs(...outcomes: readonly DecisionOutcome[]): Guard {
  return {
    reads: 'facts',
    check: ({ facts }) => {
      if (facts.outcome !== null && outcomes.includes(facts.outcome)) return null;
      const expected = outcomes.map(quoted).join(' or ');
      const actual = facts.outcome === null ? 'no decision has been recorded' : `the decision recorded is ${quoted(facts.outcome)}`;
      return { code: 'illegal_transition', message: `it applies only after a decision with outcome ${expected}, and ${actual}` };
    },
  };
}

/** Confidentiality is answered once, and only when the requesting State asked for it. */
export const confidentialityAsked: Guard = {
  reads: 'facts',
  check: ({ facts }) => {
    if (!facts.confidentialityRequested) return { code: 'illegal_transition', message: 'the requesting State did not ask for confidentiality' };
    if (facts.confidentiality !== null) {
      return { code: 'illegal_transition', message: `the confidentiality request has already been answered (${facts.confidentiality})` };
    }
    return null;
  },
};

/** A confidentiality answer says yes or no. */
export const keptRequired: Guard = {
  reads: 'input',
  check: ({ input }) =>
    typeof input.kept === 'boolean'
      ? null
      : {
          code: 'confidentiality_unanswered',
          field: 'kept',
          message: 'The answer must say whether the request can be kept confidential (kept: true or false).',
        },
};

/** Going without a consultation is recorded with the reason why none was possible. */
export const reasonRequired: Guard = {
  reads: 'input',
  check: ({ input }) =>
    nonBlank(input.reason)
      ? null
      : { code: 'reason_required', field: 'reason', message: 'Record why no consultation with the requesting State was possible.' },
};
