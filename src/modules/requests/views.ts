import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { computeClocks, mergeClockRules } from './clocks.ts';
import { allowedEvents } from './lifecycle.ts';
import type { ClockView, HistoryEntry, LegislationProfile, LifecycleEvent, RequestTypeDefinition } from './model.ts';
import { abilities, can, type RequestAction, type RequestResource } from './policy.ts';
import * as store from './store.ts';
import type { EventRecord, RequestRecord, ResultRecord, TransferRecord } from './store.ts';
import type { CheckReport } from './service.ts';

/** A request as one actor may see it: in full, or its metadata only (oversight; never the content). */
export interface RequestView {
  record: RequestRecord;
  full: boolean;
  def: RequestTypeDefinition;
  abilities: RequestAction[];
  /** Lifecycle events this actor may apply now (`POST …/events`). */
  commands: LifecycleEvent[];
  history: EventRecord[];
  clocks: ClockView[];
  results: ResultRecord[];
  transfers: TransferRecord[];
  check: CheckReport | null;
}

const COMMANDS: Record<'requesting' | 'requested', Partial<Record<LifecycleEvent, RequestAction>>> = {
  requesting: {
    submit: 'request.submit',
    return_to_draft: 'request.return',
    authorize: 'request.authorize',
    transmit: 'request.transmit',
    provide_info: 'request.follow_up',
    accept_conditions: 'request.follow_up',
    close: 'request.follow_up',
    withdraw: 'request.follow_up',
    no_longer_required: 'request.follow_up',
    status_enquiry: 'request.follow_up',
    onward_transfer_request: 'request.follow_up',
    record_onward_transfer: 'request.follow_up',
  },
  requested: {
    register: 'request.handle',
    start_assessment: 'request.handle',
    request_info: 'request.handle',
    record_no_consultation: 'request.handle',
    answer_confidentiality: 'request.handle',
    decide: 'request.decide',
    resume: 'request.handle',
    start_execution: 'request.handle',
    send_results: 'request.handle',
    close: 'request.handle',
    onward_transfer_decision: 'request.decide',
  },
};

/** Requesting-side states before transmission: withdrawing then is the drafters' own business. */
const UNSENT: readonly string[] = ['draft', 'in_review', 'authorized'];

/**
 * The policy action a user command needs on a side, in a state; undefined for events that only arrive by message
 * or receipt. Withdrawing an unsent request is for its drafters (`request.edit`); once sent, for those who follow
 * it up with the requested State.
 */
export function commandAction(side: 'requesting' | 'requested', event: LifecycleEvent, state: string): RequestAction | undefined {
  if (side === 'requesting' && event === 'withdraw' && UNSENT.includes(state)) return 'request.edit';
  return COMMANDS[side][event];
}

/** The history as the clocks read it (creation, edits and checks are not lifecycle events). */
export function historyForClocks(events: readonly EventRecord[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const e of events) {
    if (e.event === 'create' || e.event === 'update' || e.event === 'check' || e.event === 'message_refused' || e.event === 'receipt') continue;
    out.push({ at: e.at, event: e.event, from: e.from, to: e.to, data: e.details });
  }
  return out;
}

export async function clocksOf(ex: Executor, r: RequestRecord, def: RequestTypeDefinition, profiles: ReadonlyMap<string, LegislationProfile>, now: Date, events?: readonly EventRecord[]): Promise<ClockView[]> {
  const history = historyForClocks(events ?? (await store.listEvents(ex, r.id)));
  const overrides = profiles.get(r.requestedState)?.clocks?.[r.typeId];
  const followUpAt = await store.followUpAt(ex, r.id, r.side);
  return computeClocks({
    side: r.side,
    rules: mergeClockRules(def.clocks, overrides),
    history,
    content: r.content,
    confidentialityRequested: r.facts.confidentialityRequested,
    followUp: { transmittedAt: followUpAt },
    now,
  });
}

export async function buildView(
  ex: Executor,
  v: { actor: Actor; record: RequestRecord; resource: RequestResource; full: boolean; def: RequestTypeDefinition; now: Date; check: CheckReport | null; profiles: ReadonlyMap<string, LegislationProfile> },
): Promise<RequestView> {
  const { actor, record: r, resource, full, def } = v;
  const events = await store.listEvents(ex, r.id);
  const clocks = await clocksOf(ex, r, def, v.profiles, v.now, events);
  const allowed = allowedEvents(r.side, r.state, r.facts);
  const commands = allowed.filter((e) => {
    const action = commandAction(r.side, e, r.state);
    return action !== undefined && can(actor, action, resource);
  });
  return {
    record: r,
    full,
    def,
    abilities: abilities(actor, resource),
    commands,
    history: full ? events : events.map((e) => ({ ...e, details: {} })),
    clocks,
    results: full ? await store.listResults(ex, r.id) : [],
    transfers: full ? await store.listTransfers(ex, r.id) : [],
    check: v.check,
  };
}

/** The table behind `commandAction`: each side's user commands and the policy action each needs. */
export const commandActions = COMMANDS;
