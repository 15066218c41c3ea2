/**
 * The body of `POST /api/v1/requests/{id}/events` for each user command, from the command forms' values: only the
 * inputs that event takes (src/modules/requests/service.ts `prepare`), trimmed, with the optional ones left out
 * when empty. The node checks every rule and names the field it refuses; this only shapes what the user typed. Pure.
 */

export const USER_COMMANDS = [
  'submit',
  'return_to_draft',
  'authorize',
  'transmit',
  'provide_info',
  'accept_conditions',
  'close',
  'withdraw',
  'no_longer_required',
  'status_enquiry',
  'onward_transfer_request',
  'record_onward_transfer',
  'register',
  'start_assessment',
  'request_info',
  'record_no_consultation',
  'answer_confidentiality',
  'decide',
  'resume',
  'start_execution',
  'send_results',
  'onward_transfer_decision',
] as const;
export type UserCommand = (typeof USER_COMMANDS)[number];

export interface ResultItemValues {
  kind: string;
  description: string;
  sha256: string;
}

export interface CommandValues {
  reason: string;
  reasons: string;
  questions: string;
  answer: string;
  note: string;
  decisionReference: string;
  decisionAuthority: string;
  decisionDate: string;
  outcome: string;
  grounds: string[];
  conditions: string[];
  kept: '' | 'yes' | 'no';
  final: '' | 'final' | 'partial';
  summary: string;
  items: ResultItemValues[];
  useLimitation: string;
  confidentiality: string;
  preservedUntil: string;
  thirdState: string;
  recipient: string;
  purpose: string;
  transferId: string;
  authorized: '' | 'yes' | 'no';
}

export function emptyValues(): CommandValues {
  return {
    reason: '',
    reasons: '',
    questions: '',
    answer: '',
    note: '',
    decisionReference: '',
    decisionAuthority: '',
    decisionDate: '',
    outcome: '',
    grounds: [],
    conditions: [],
    kept: '',
    final: '',
    summary: '',
    items: [],
    useLimitation: '',
    confidentiality: '',
    preservedUntil: '',
    thirdState: '',
    recipient: '',
    purpose: '',
    transferId: '',
    authorized: '',
  };
}

/** The shape the node accepts (a structural copy of the generated `RequestEventBody`, which this file cannot import). */
export interface EventBody {
  event: UserCommand;
  version: number;
  reason?: string;
  reasons?: string;
  grounds?: string[];
  outcome?: 'accepted' | 'accepted_with_conditions' | 'postponed' | 'refused';
  conditions?: string[];
  kept?: boolean;
  questions?: string;
  answer?: string;
  final?: boolean;
  summary?: string;
  items?: Array<{ kind: string; description: string; sha256?: string }>;
  useLimitation?: string;
  confidentiality?: string;
  preservedUntil?: string;
  decision?: { reference: string; authority: string; date: string };
  note?: string;
  thirdState?: string;
  recipient?: string;
  purpose?: string;
  transferId?: string;
  authorized?: boolean;
}

const opt = <K extends string>(key: K, v: string): Partial<Record<K, string>> => (v.trim() ? ({ [key]: v.trim() } as Record<K, string>) : {});
const yesNo = (v: '' | 'yes' | 'no'): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);
const OUTCOMES = ['accepted', 'accepted_with_conditions', 'postponed', 'refused'] as const;

/**
 * `needsDecision`: the request asks for intrusive measures, so authorizing it cites the judicial or independent
 * decision (sent whole, even half-filled, so that the node names each missing part).
 */
export function eventBody(event: UserCommand, version: number, v: CommandValues, opts: { needsDecision?: boolean } = {}): EventBody {
  const base = { event, version };
  switch (event) {
    case 'return_to_draft':
    case 'record_no_consultation':
      return { ...base, reason: v.reason.trim() };
    case 'withdraw':
    case 'no_longer_required':
      return { ...base, ...opt('reason', v.reason) };
    case 'authorize':
      return {
        ...base,
        ...opt('note', v.note),
        ...(opts.needsDecision ? { decision: { reference: v.decisionReference.trim(), authority: v.decisionAuthority.trim(), date: v.decisionDate.trim() } } : {}),
      };
    case 'provide_info':
      return { ...base, answer: v.answer.trim() };
    case 'request_info':
      return { ...base, questions: v.questions.trim() };
    case 'answer_confidentiality': {
      const kept = yesNo(v.kept);
      return { ...base, ...(kept === undefined ? {} : { kept }), ...opt('reason', v.reason) };
    }
    case 'decide': {
      const outcome = OUTCOMES.find((o) => o === v.outcome);
      const negative = outcome === 'refused' || outcome === 'postponed';
      return {
        ...base,
        ...(outcome ? { outcome } : {}),
        ...opt('reasons', v.reasons),
        ...(negative && v.grounds.length > 0 ? { grounds: [...v.grounds] } : {}),
        ...(outcome === 'accepted_with_conditions' ? { conditions: v.conditions.map((c) => c.trim()).filter(Boolean) } : {}),
      };
    }
    case 'send_results':
      return {
        ...base,
        ...(v.final ? { final: v.final === 'final' } : {}),
        summary: v.summary.trim(),
        items: v.items
          .filter((i) => i.kind.trim() || i.description.trim() || i.sha256.trim())
          .map((i) => ({ kind: i.kind.trim(), description: i.description.trim(), ...(i.sha256.trim() ? { sha256: i.sha256.trim().toLowerCase() } : {}) })),
        ...opt('useLimitation', v.useLimitation),
        ...opt('confidentiality', v.confidentiality),
        ...opt('preservedUntil', v.preservedUntil),
      };
    case 'onward_transfer_request':
      return { ...base, thirdState: v.thirdState.trim().toUpperCase(), recipient: v.recipient.trim(), purpose: v.purpose.trim() };
    case 'record_onward_transfer':
      return { ...base, transferId: v.transferId };
    case 'onward_transfer_decision': {
      const authorized = yesNo(v.authorized);
      return { ...base, transferId: v.transferId, ...(authorized === undefined ? {} : { authorized }), ...opt('reasons', v.reasons) };
    }
    default:
      return base;
  }
}

/** Commands that need no input besides the confirmation. */
export function isConfirmOnly(event: UserCommand): boolean {
  return ['submit', 'transmit', 'accept_conditions', 'close', 'status_enquiry', 'register', 'start_assessment', 'resume', 'start_execution'].includes(event);
}

/** Commands that end or give up something: their button is styled as a warning. */
export function isDestructive(event: UserCommand): boolean {
  return ['withdraw', 'no_longer_required', 'return_to_draft', 'close'].includes(event);
}
