import { EventEmitter } from 'node:events';
import type { Executor } from '../../platform/db/executor.ts';
import { newId } from '../../platform/ids.ts';
import type { ServiceContext } from '../context.ts';
import type { ClockView, LifecycleEvent } from './model.ts';
import * as store from './store.ts';
import type { RequestRecord } from './store.ts';
import { requestType } from './types/index.ts';
import { needsAuthorizer } from './access.ts';

/** A change pushed to the browsers of the users concerned (live updates); they re-read through the API. */
export interface RequestChange {
  requestId: string;
  state: string;
  event: string;
  /** Users who should see it (the API still checks what each may read). */
  userIds: readonly string[];
}

/** Who is concerned by a request on this node: the case's lead and members, or the incoming desk. */
export async function concernedUsers(ex: Executor, r: RequestRecord): Promise<{ id: string; email: string | null }[]> {
  if (r.side === 'requesting') return r.caseId ? store.caseMemberUsers(ex, r.caseId) : [];
  const def = requestType(r.typeId);
  return store.usersWithRoles(ex, def?.routing === 'contact_point_24_7' ? ['central_authority', 'duty_officer'] : ['central_authority']);
}

/** Events that tell the users concerned that something came in or needs them (in-app, and by e-mail later). */
const INCOMING: Partial<Record<LifecycleEvent, string>> = {
  receive: 'A new request was received',
  acknowledged: 'The requested State acknowledged the request',
  info_requested: 'The requested State asks for more information',
  info_received: 'The requesting State provided the information asked for',
  decision: 'The requested State decided on the request',
  conditions_accepted: 'The requesting State accepted the conditions',
  execution_started: 'The requested State started executing the request',
  results: 'Results were received',
  confidentiality_answered: 'The requested State answered the confidentiality request',
  withdrawn: 'The requesting State withdrew the request',
  no_longer_required: 'The requesting State says the request is no longer required',
  onward_transfer_request: 'The requesting State asks to pass results on to a third State',
  onward_transfer_decision: 'The requested State decided on an onward transfer',
  status_reply: 'The requested State answered a status enquiry',
};

/**
 * In-app notifications (one row per user, deduplicated) and live-update pushes for the requests module. Rows are
 * written in the caller's transaction; the push goes out on the next turn of the event loop.
 */
export class Notifier {
  readonly changes = new EventEmitter<{ change: [RequestChange] }>();
  private readonly ctx: ServiceContext;

  constructor(ctx: ServiceContext) {
    this.ctx = ctx;
    this.changes.setMaxListeners(0);
  }

  private push(change: RequestChange): void {
    setImmediate(() => this.changes.emit('change', change));
  }

  async afterLocalStep(ex: Executor, r: RequestRecord, event: LifecycleEvent, at: Date): Promise<void> {
    const users = await concernedUsers(ex, r);
    if (event === 'submit') {
      // Whoever may authorize it: an authorizer for intrusive measures, the central authority or a prosecutor otherwise.
      const def = requestType(r.typeId);
      // Who may authorize it and open it: authorizers (intrusive measures, judicial authorization); otherwise the
      // central authority, and the prosecutors among the case's members.
      const members = new Set(users.map((u) => u.id));
      const candidates = !def || needsAuthorizer(def)
        ? await store.usersWithRoles(ex, ['authorizer'])
        : [...(await store.usersWithRoles(ex, ['central_authority'])), ...(await store.usersWithRoles(ex, ['prosecutor'])).filter((u) => members.has(u.id))];
      const seen = new Set<string>();
      const reviewers = candidates.filter((u) => u.id !== r.createdBy && u.id !== r.submittedBy && !seen.has(u.id) && seen.add(u.id));
      await this.notify(ex, reviewers, r, 'authorization_needed', `${r.reference}: authorization needed`, `${r.title} waits for authorization.`, `${r.id}:submit:${at.toISOString()}`, null, at);
    }
    this.push({ requestId: r.id, state: r.state, event, userIds: users.map((u) => u.id) });
  }

  async afterRemoteStep(ex: Executor, r: RequestRecord, event: LifecycleEvent, at: Date): Promise<void> {
    const users = await concernedUsers(ex, r);
    const title = INCOMING[event];
    if (title) await this.notify(ex, users, r, event === 'receive' ? 'incoming_request' : 'status_change', `${r.reference}: ${title}`, `${r.title} — now ${r.state.replace(/_/g, ' ')}.`, `${r.id}:${event}:${at.toISOString()}`, null, at);
    this.push({ requestId: r.id, state: r.state, event, userIds: users.map((u) => u.id) });
  }

  /** A reminder for a clock that is due soon or overdue; once per clock and status. */
  async remind(ex: Executor, r: RequestRecord, c: ClockView, at: Date): Promise<number> {
    const users = await concernedUsers(ex, r);
    const what = c.kind.replace(/_/g, ' ');
    const due = c.dueAt ? c.dueAt.toISOString() : '';
    const title = c.status === 'overdue' ? `${r.reference}: ${what} is overdue` : `${r.reference}: ${what} is due soon`;
    const body = `${r.title} — ${what} due ${due} (${c.duration}).`;
    const n = await this.notify(ex, users, r, c.status === 'overdue' ? 'clock_overdue' : 'clock_due_soon', title, body, `${r.id}:clock:${c.kind}:${c.status}:${due}`, c.dueAt, at);
    if (n > 0) this.push({ requestId: r.id, state: r.state, event: `clock_${c.status}`, userIds: users.map((u) => u.id) });
    return n;
  }

  private async notify(
    ex: Executor,
    users: readonly { id: string }[],
    r: RequestRecord,
    kind: string,
    title: string,
    body: string,
    dedupe: string,
    dueAt: Date | null,
    at: Date,
  ): Promise<number> {
    let n = 0;
    for (const u of users) {
      if (await store.insertNotification(ex, { id: newId(), userId: u.id, kind, requestId: r.id, dedupeKey: dedupe, title, body, dueAt, createdAt: at })) n += 1;
    }
    return n;
  }

  get clock(): ServiceContext['clock'] {
    return this.ctx.clock;
  }
}
