import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  isHistoryEvent,
  isOneOf,
  ALL_STATES,
  CLOCK_KINDS,
  CLOCK_STATUSES,
  DECISION_OUTCOMES,
  REFUSAL_GROUNDS,
  type ClockKind,
  type ClockStatus,
  type DecisionOutcome,
  type RefusalGround,
  type RequestState,
  type Side,
  type WizardStep,
} from './vocabulary.ts';

/**
 * Labels of the requests module's vocabularies in the current language. Values the node sends as plain strings
 * (a clock status, a history event) are checked against the closed lists first: an unknown value is shown as the
 * code itself, never as a wrong label.
 */
export function useRequestLabels() {
  const { t } = useI18n();
  return {
    state: (s: string) => (isOneOf<RequestState>(ALL_STATES, s) ? t(`request.state.${s}` satisfies MessageKey) : s),
    event: (e: string) => (isHistoryEvent(e) ? t(`request.event.${e}` satisfies MessageKey) : e),
    side: (s: Side) => t(`request.side.${s}` satisfies MessageKey),
    outcome: (o: string) => (isOneOf<DecisionOutcome>(DECISION_OUTCOMES, o) ? t(`request.outcome.${o}` satisfies MessageKey) : o),
    ground: (g: string) => (isOneOf<RefusalGround>(REFUSAL_GROUNDS, g) ? t(`ground.${g}` satisfies MessageKey) : g),
    clockKind: (k: string) => (isOneOf<ClockKind>(CLOCK_KINDS, k) ? t(`clock.kind.${k}` satisfies MessageKey) : k),
    clockStatus: (s: string) => (isOneOf<ClockStatus>(CLOCK_STATUSES, s) ? t(`clock.status.${s}` satisfies MessageKey) : s),
    step: (s: WizardStep | 'setup' | 'review') => t(`wizard.step.${s}` satisfies MessageKey),
  };
}

/** The visual tone of a state's badge (the badge always carries the word too: colour is never the only cue). */
export function stateTone(state: string): 'neutral' | 'progress' | 'ok' | 'warn' | 'bad' | 'done' {
  switch (state) {
    case 'draft':
    case 'in_review':
      return 'neutral';
    case 'refused':
    case 'withdrawn':
      return 'bad';
    case 'info_requested':
    case 'postponed':
    case 'accepted_with_conditions':
    case 'consultation':
      return 'warn';
    case 'executed':
    case 'results_sent':
    case 'accepted':
      return 'ok';
    case 'closed':
    case 'no_longer_required':
      return 'done';
    default:
      return 'progress';
  }
}

/** The tone of a clock status. */
export function clockTone(status: string): 'neutral' | 'progress' | 'ok' | 'warn' | 'bad' | 'done' {
  switch (status) {
    case 'overdue':
    case 'met_late':
      return 'bad';
    case 'due_soon':
      return 'warn';
    case 'met':
      return 'ok';
    case 'running':
      return 'progress';
    case 'cancelled':
      return 'done';
    default:
      return 'neutral';
  }
}
