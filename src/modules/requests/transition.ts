import { AppError } from '../../platform/errors.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { Ledger } from '../../platform/ledger/ledger.ts';
import { apply, type LifecycleInput } from './lifecycle.ts';
import type { LifecycleFacts, RequestMessageType, RequestState } from './model.ts';
import * as store from './store.ts';
import type { RequestRecord } from './store.ts';

/**
 * The one path every state change of a request takes, whoever causes it (a user here, a message from the other
 * node, the node itself on a receipt): the pure lifecycle rules decide, then — in the caller's transaction — the
 * row moves (optimistic version), the history gets its entry, and the ledger its `request.<event>` entry.
 */

export interface Step {
  readonly input: LifecycleInput;
  /** Ledger reference of who caused it (`user:…`, `node:…`, `system`). */
  readonly actor: string;
  readonly origin: 'local' | 'remote';
  /** What the history and the ledger record besides the transition (no personal data beyond what is needed). */
  readonly details?: Record<string, unknown>;
  /** Other columns that change with the step. */
  readonly patch?: store.RequestPatch;
  readonly messageId?: string | null;
}

export interface StepResult {
  readonly record: RequestRecord;
  readonly from: RequestState;
  readonly to: RequestState;
  readonly facts: LifecycleFacts;
  /** The message the other node must get, if any (the caller sends it with its body). */
  readonly message: RequestMessageType | null;
  readonly ledgerIndex: number;
}

/** Maps a refusal of the lifecycle rules to the API error: 409 for a wrong state, 422 naming the field otherwise. */
export function lifecycleError(code: string, message: string, field?: string): AppError {
  if (code === 'illegal_transition' || code === 'wrong_side') return new AppError('conflict', message);
  const pointer = `/${field ?? 'event'}`;
  return new AppError('validation_failed', message, { errors: [{ in: 'body', pointer, detail: message }] });
}

export async function step(ex: Executor, ledger: Ledger, r: RequestRecord, s: Step, at: Date): Promise<StepResult> {
  const res = apply(r.side, r.state, r.facts, s.input);
  if (!res.ok) throw lifecycleError(res.code, res.message, res.field);
  const patch: store.RequestPatch = { ...s.patch, state: res.state, facts: res.facts };
  // A record-only event (a status enquiry or reply) changes nothing a user decides on: it does not move the
  // version, so nobody's next action is refused as stale because of it.
  const recordOnly = res.state === r.state && JSON.stringify(res.facts) === JSON.stringify(r.facts) && Object.keys(s.patch ?? {}).length === 0;
  if (!recordOnly && !(await store.updateRequest(ex, r.id, r.version, patch, at))) {
    throw new AppError('version_conflict', `the request was changed by someone else (it is now at version ${r.version + 1} or later); reload it and try again`);
  }
  const details = { from: r.state, to: res.state, ...(s.details ?? {}) };
  const [index] = await ledger.append(ex, { actor: s.actor, action: `request.${s.input.event}`, object: { type: 'request', id: r.id }, details });
  const ledgerIndex = index ?? -1;
  await store.appendEvent(ex, r.id, {
    at,
    event: s.input.event,
    from: r.state,
    to: res.state,
    actor: s.actor,
    origin: s.origin,
    details: s.details ?? {},
    ledgerIndex,
    messageId: s.messageId ?? null,
  });
  const record = (await store.findRequest(ex, r.id)) ?? r;
  return { record, from: r.state, to: res.state, facts: res.facts, message: res.message, ledgerIndex };
}
