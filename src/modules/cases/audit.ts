import type { AppendInput } from '../../platform/ledger/ledger.ts';

/**
 * The ledger entries of the cases module (DESIGN §4): one per change, appended inside the change's own
 * transaction. Every entry's object is the case, so a case's whole trail — including its members and subjects —
 * is listed by one object; member and subject ids are in the details, with what changed.
 *
 * | action | details |
 * |---|---|
 * | `case.create` | reference, title, summary, offences, lead |
 * | `case.update` | version (the new one), `changes: {field: {from, to}}` (title, summary, offences) |
 * | `case.close` | version, reason |
 * | `case.member_add` | userId, caseRole |
 * | `case.member_role` | userId, from, to |
 * | `case.member_remove` | userId, caseRole |
 * | `case.subject_add` | subjectId, subject (its fields) |
 * | `case.subject_update` | subjectId, `changes: {field: {from, to}}` |
 * | `case.subject_remove` | subjectId, subject (its fields when removed) |
 */
export const CASE_LEDGER_ACTIONS = [
  'case.create',
  'case.update',
  'case.close',
  'case.member_add',
  'case.member_role',
  'case.member_remove',
  'case.subject_add',
  'case.subject_update',
  'case.subject_remove',
] as const;
export type CaseLedgerAction = (typeof CASE_LEDGER_ACTIONS)[number];

export interface CaseEntry extends AppendInput {
  action: CaseLedgerAction;
}

export const caseObject = (id: string): AppendInput['object'] => ({ type: 'case', id });

/** `{field: {from, to}}` for the fields whose values differ (compared as JSON). */
export function changedFields<T extends object>(before: T, after: T, fields: ReadonlyArray<keyof T & string>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of fields) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) out[f] = { from: before[f], to: after[f] };
  }
  return out;
}
