import { sql, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import { fromJson, toBool, toDate, toDateOrNull, toInt, toJson } from '../../platform/db/codec.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { DB, RequestsTable } from '../../platform/db/schema.ts';
import type { DecisionOutcome, LifecycleEvent, LifecycleFacts, RequestContent, RequestState, RequestTypeId, Side } from './model.ts';

/** The SQL of the requests module: the only file that touches its tables. */

export interface Authorization {
  by: string;
  byName: string;
  role: string;
  at: string;
  /** The judicial or independent decision cited (intrusive measures). */
  decision: { reference: string; authority: string; date: string } | null;
  note: string;
}

export interface DecisionRecord {
  outcome: DecisionOutcome;
  grounds: string[];
  reasons: string;
  conditions: string[];
  at: string;
}

export interface RequestRecord {
  id: string;
  side: Side;
  caseId: string | null;
  typeId: RequestTypeId;
  typeVersion: number;
  state: RequestState;
  facts: LifecycleFacts;
  reference: string;
  theirReference: string | null;
  requestingState: string;
  requestedState: string;
  counterpartNode: string | null;
  conversation: string | null;
  remoteId: string | null;
  draftingLanguage: string;
  title: string;
  content: RequestContent;
  linkedRequestId: string | null;
  linkedReference: string | null;
  createdBy: string | null;
  submittedBy: string | null;
  authorizedBy: string | null;
  authorization: Authorization | null;
  decision: DecisionRecord | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  transmittedAt: Date | null;
  closedAt: Date | null;
}

type Row = Selectable<RequestsTable>;

export function toRecord(r: Row): RequestRecord {
  return {
    id: r.id,
    side: r.side as Side,
    caseId: r.case_id,
    typeId: r.type_id as RequestTypeId,
    typeVersion: toInt(r.type_version),
    state: r.state as RequestState,
    facts: fromJson<LifecycleFacts>(r.facts),
    reference: r.reference,
    theirReference: r.their_reference,
    requestingState: r.requesting_state,
    requestedState: r.requested_state,
    counterpartNode: r.counterpart_node,
    conversation: r.conversation,
    remoteId: r.remote_id,
    draftingLanguage: r.drafting_language,
    title: r.title,
    content: fromJson<RequestContent>(r.content),
    linkedRequestId: r.linked_request_id,
    linkedReference: r.linked_reference,
    createdBy: r.created_by,
    submittedBy: r.submitted_by,
    authorizedBy: r.authorized_by,
    authorization: r.authorization === null ? null : fromJson<Authorization>(r.authorization),
    decision: r.decision === null ? null : fromJson<DecisionRecord>(r.decision),
    version: toInt(r.version),
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    transmittedAt: toDateOrNull(r.transmitted_at),
    closedAt: toDateOrNull(r.closed_at),
  };
}

export interface NewRequest {
  id: string;
  side: Side;
  caseId: string | null;
  typeId: string;
  typeVersion: number;
  state: RequestState;
  facts: LifecycleFacts;
  reference: string;
  theirReference: string | null;
  requestingState: string;
  requestedState: string;
  counterpartNode: string | null;
  conversation: string | null;
  remoteId: string | null;
  draftingLanguage: string;
  title: string;
  content: RequestContent;
  linkedRequestId: string | null;
  linkedReference: string | null;
  createdBy: string | null;
  at: Date;
}

export async function insertRequest(ex: Executor, n: NewRequest): Promise<void> {
  await ex
    .insertInto('requests')
    .values({
      id: n.id,
      side: n.side,
      case_id: n.caseId,
      type_id: n.typeId,
      type_version: n.typeVersion,
      state: n.state,
      facts: toJson(n.facts),
      reference: n.reference,
      their_reference: n.theirReference,
      requesting_state: n.requestingState,
      requested_state: n.requestedState,
      counterpart_node: n.counterpartNode,
      conversation: n.conversation,
      remote_id: n.remoteId,
      drafting_language: n.draftingLanguage,
      title: n.title,
      content: toJson(n.content),
      linked_request_id: n.linkedRequestId,
      linked_reference: n.linkedReference,
      created_by: n.createdBy,
      submitted_by: null,
      authorized_by: null,
      authorization: null,
      decision: null,
      version: 1,
      created_at: n.at,
      updated_at: n.at,
      transmitted_at: null,
      closed_at: null,
    })
    .execute();
}

export async function findRequest(ex: Executor, id: string): Promise<RequestRecord | undefined> {
  const r = await ex.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/** The request a message of `conversation` from `node` belongs to. */
export async function findByConversation(ex: Executor, node: string, conversation: string): Promise<RequestRecord | undefined> {
  const r = await ex.selectFrom('requests').selectAll().where('counterpart_node', '=', node).where('conversation', '=', conversation).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/** Takes the request's row lock for the rest of the transaction (see cases `lockCase`). */
export async function lockRequest(ex: Executor, id: string): Promise<boolean> {
  const r = await ex.updateTable('requests').set({ version: sql<number>`version` }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type RequestPatch = Partial<{
  state: RequestState;
  facts: LifecycleFacts;
  theirReference: string | null;
  counterpartNode: string;
  conversation: string;
  remoteId: string;
  draftingLanguage: string;
  title: string;
  content: RequestContent;
  linkedRequestId: string | null;
  linkedReference: string | null;
  submittedBy: string | null;
  authorizedBy: string | null;
  authorization: Authorization | null;
  decision: DecisionRecord | null;
  transmittedAt: Date;
  closedAt: Date;
}>;

/** Applies `p` when the row is still at `version` (bumping it); false when someone changed it meanwhile. */
export async function updateRequest(ex: Executor, id: string, version: number, p: RequestPatch, at: Date): Promise<boolean> {
  const set: Record<string, unknown> = { version: version + 1, updated_at: at };
  if (p.state !== undefined) set.state = p.state;
  if (p.facts !== undefined) set.facts = toJson(p.facts);
  if (p.theirReference !== undefined) set.their_reference = p.theirReference;
  if (p.counterpartNode !== undefined) set.counterpart_node = p.counterpartNode;
  if (p.conversation !== undefined) set.conversation = p.conversation;
  if (p.remoteId !== undefined) set.remote_id = p.remoteId;
  if (p.draftingLanguage !== undefined) set.drafting_language = p.draftingLanguage;
  if (p.title !== undefined) set.title = p.title;
  if (p.content !== undefined) set.content = toJson(p.content);
  if (p.linkedRequestId !== undefined) set.linked_request_id = p.linkedRequestId;
  if (p.linkedReference !== undefined) set.linked_reference = p.linkedReference;
  if (p.submittedBy !== undefined) set.submitted_by = p.submittedBy;
  if (p.authorizedBy !== undefined) set.authorized_by = p.authorizedBy;
  if (p.authorization !== undefined) set.authorization = p.authorization === null ? null : toJson(p.authorization);
  if (p.decision !== undefined) set.decision = p.decision === null ? null : toJson(p.decision);
  if (p.transmittedAt !== undefined) set.transmitted_at = p.transmittedAt;
  if (p.closedAt !== undefined) set.closed_at = p.closedAt;
  const r = await ex.updateTable('requests').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ── history ────────────────────────────────────────────────────────────────────────────────────────────────

export interface EventRecord {
  seq: number;
  at: Date;
  event: LifecycleEvent | 'create' | 'update' | 'check' | 'message_refused' | 'receipt';
  from: RequestState | null;
  to: RequestState;
  actor: string;
  /** `local` (a user or the node here) or `remote` (a message from the other node). */
  origin: 'local' | 'remote';
  details: Record<string, unknown>;
  ledgerIndex: number | null;
  messageId: string | null;
}

export async function appendEvent(ex: Executor, requestId: string, e: Omit<EventRecord, 'seq'>): Promise<number> {
  const last = await ex.selectFrom('request_events').select((eb) => eb.fn.max('seq').as('m')).where('request_id', '=', requestId).executeTakeFirst();
  const seq = (last?.m === null || last?.m === undefined ? 0 : toInt(last.m)) + 1;
  await ex
    .insertInto('request_events')
    .values({
      request_id: requestId,
      seq,
      at: e.at,
      event: e.event,
      from_state: e.from,
      to_state: e.to,
      actor: e.actor,
      origin: e.origin,
      details: toJson(e.details),
      ledger_index: e.ledgerIndex,
      message_id: e.messageId,
    })
    .execute();
  return seq;
}

export async function listEvents(ex: Executor, requestId: string): Promise<EventRecord[]> {
  const rows = await ex.selectFrom('request_events').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
  return rows.map((r) => ({
    seq: toInt(r.seq),
    at: toDate(r.at),
    event: r.event as EventRecord['event'],
    from: r.from_state as RequestState | null,
    to: r.to_state as RequestState,
    actor: r.actor,
    origin: r.origin as 'local' | 'remote',
    details: fromJson<Record<string, unknown>>(r.details),
    ledgerIndex: r.ledger_index === null ? null : toInt(r.ledger_index),
    messageId: r.message_id,
  }));
}

// ── results ────────────────────────────────────────────────────────────────────────────────────────────────

export interface ResultItem {
  kind: string;
  description: string;
  /** SHA-256 (hex) of the item's content when it is a file, for integrity. */
  sha256?: string;
}

export interface ResultRecord {
  id: string;
  seq: number;
  at: Date;
  final: boolean;
  summary: string;
  items: ResultItem[];
  useLimitation: string;
  confidentiality: string;
  conditions: string[];
  preservedUntil: string | null;
  sentBy: string;
}

export async function insertResult(ex: Executor, requestId: string, r: Omit<ResultRecord, 'seq'>): Promise<number> {
  const last = await ex.selectFrom('request_results').select((eb) => eb.fn.max('seq').as('m')).where('request_id', '=', requestId).executeTakeFirst();
  const seq = (last?.m === null || last?.m === undefined ? 0 : toInt(last.m)) + 1;
  await ex
    .insertInto('request_results')
    .values({
      id: r.id,
      request_id: requestId,
      seq,
      at: r.at,
      final: r.final,
      summary: r.summary,
      items: toJson(r.items),
      use_limitation: r.useLimitation,
      confidentiality: r.confidentiality,
      conditions: toJson(r.conditions),
      preserved_until: r.preservedUntil,
      sent_by: r.sentBy,
    })
    .execute();
  return seq;
}

export async function listResults(ex: Executor, requestId: string): Promise<ResultRecord[]> {
  const rows = await ex.selectFrom('request_results').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
  return rows.map((r) => ({
    id: r.id,
    seq: toInt(r.seq),
    at: toDate(r.at),
    final: toBool(r.final),
    summary: r.summary,
    items: fromJson<ResultItem[]>(r.items),
    useLimitation: r.use_limitation,
    confidentiality: r.confidentiality,
    conditions: fromJson<string[]>(r.conditions),
    preservedUntil: r.preserved_until,
    sentBy: r.sent_by,
  }));
}

// ── onward transfers ───────────────────────────────────────────────────────────────────────────────────────

export type TransferStatus = 'requested' | 'authorized' | 'refused' | 'transferred';

export interface TransferRecord {
  id: string;
  remoteId: string | null;
  thirdState: string;
  recipient: string;
  purpose: string;
  status: TransferStatus;
  reasons: string | null;
  requestedAt: Date;
  requestedBy: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  transferredAt: Date | null;
  transferredBy: string | null;
}

export async function insertTransfer(ex: Executor, requestId: string, t: TransferRecord): Promise<void> {
  await ex
    .insertInto('request_onward_transfers')
    .values({
      id: t.id,
      request_id: requestId,
      remote_id: t.remoteId,
      third_state: t.thirdState,
      recipient: t.recipient,
      purpose: t.purpose,
      status: t.status,
      reasons: t.reasons,
      requested_at: t.requestedAt,
      requested_by: t.requestedBy,
      decided_at: t.decidedAt,
      decided_by: t.decidedBy,
      transferred_at: t.transferredAt,
      transferred_by: t.transferredBy,
    })
    .execute();
}

export async function listTransfers(ex: Executor, requestId: string): Promise<TransferRecord[]> {
  const rows = await ex.selectFrom('request_onward_transfers').selectAll().where('request_id', '=', requestId).orderBy('requested_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    remoteId: r.remote_id,
    thirdState: r.third_state,
    recipient: r.recipient,
    purpose: r.purpose,
    status: r.status as TransferStatus,
    reasons: r.reasons,
    requestedAt: toDate(r.requested_at),
    requestedBy: r.requested_by,
    decidedAt: toDateOrNull(r.decided_at),
    decidedBy: r.decided_by,
    transferredAt: toDateOrNull(r.transferred_at),
    transferredBy: r.transferred_by,
  }));
}

export async function updateTransfer(
  ex: Executor,
  id: string,
  expected: TransferStatus,
  p: { status: TransferStatus; reasons?: string | null; decidedAt?: Date; decidedBy?: string; transferredAt?: Date; transferredBy?: string },
): Promise<boolean> {
  const set: Record<string, unknown> = { status: p.status };
  if (p.reasons !== undefined) set.reasons = p.reasons;
  if (p.decidedAt !== undefined) set.decided_at = p.decidedAt;
  if (p.decidedBy !== undefined) set.decided_by = p.decidedBy;
  if (p.transferredAt !== undefined) set.transferred_at = p.transferredAt;
  if (p.transferredBy !== undefined) set.transferred_by = p.transferredBy;
  const r = await ex.updateTable('request_onward_transfers').set(set).where('id', '=', id).where('status', '=', expected).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ── access log ─────────────────────────────────────────────────────────────────────────────────────────────

export interface AccessRecord {
  id: string;
  requestId: string;
  caseId: string | null;
  userId: string;
  username: string;
  action: string;
  at: Date;
}

export async function logAccess(ex: Executor, a: AccessRecord): Promise<void> {
  await ex
    .insertInto('request_access_log')
    .values({ id: a.id, request_id: a.requestId, case_id: a.caseId, user_id: a.userId, username: a.username, action: a.action, at: a.at })
    .execute();
}

export async function listAccess(ex: Executor, requestId: string, limit: number): Promise<AccessRecord[]> {
  const rows = await ex.selectFrom('request_access_log').selectAll().where('request_id', '=', requestId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, requestId: r.request_id, caseId: r.case_id, userId: r.user_id, username: r.username, action: r.action, at: toDate(r.at) }));
}

// ── lists ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface ListFilter {
  side?: Side;
  state?: string;
  typeId?: string;
  caseId?: string;
  q?: string;
  open?: boolean;
  /** Keyset: strictly older than this (created_at, id). */
  before?: { at: Date; id: string };
  limit: number;
}

/** What the actor may list, already resolved by the policy (see `policy.listScope`). */
export interface SqlScope {
  everything: boolean;
  userId: string;
  memberCases: boolean;
  outgoingSubmitted: boolean;
  outgoingIntrusiveSubmitted: boolean;
  intrusiveTypes: readonly string[];
  incoming: 'all' | 'contact_point_24_7' | 'none';
  contactPointTypes: readonly string[];
}

const TERMINAL = ['closed', 'withdrawn', 'no_longer_required'];

export async function listRequests(ex: Executor, scope: SqlScope, f: ListFilter): Promise<RequestRecord[]> {
  let q = ex.selectFrom('requests').selectAll();
  if (!scope.everything) {
    q = q.where((eb: ExpressionBuilder<DB, 'requests'>) => {
      const ors = [];
      if (scope.memberCases) {
        ors.push(
          eb.and([
            eb('requests.side', '=', 'requesting'),
            eb(
              'requests.case_id',
              'in',
              eb.selectFrom('case_members').select('case_members.case_id').where('case_members.user_id', '=', scope.userId),
            ),
          ]),
        );
      }
      if (scope.outgoingSubmitted) ors.push(eb.and([eb('requests.side', '=', 'requesting'), eb('requests.state', '!=', 'draft')]));
      else if (scope.outgoingIntrusiveSubmitted && scope.intrusiveTypes.length > 0) {
        ors.push(eb.and([eb('requests.side', '=', 'requesting'), eb('requests.state', '!=', 'draft'), eb('requests.type_id', 'in', [...scope.intrusiveTypes])]));
      }
      if (scope.incoming === 'all') ors.push(eb('requests.side', '=', 'requested'));
      else if (scope.incoming === 'contact_point_24_7' && scope.contactPointTypes.length > 0) {
        ors.push(eb.and([eb('requests.side', '=', 'requested'), eb('requests.type_id', 'in', [...scope.contactPointTypes])]));
      }
      return ors.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(ors);
    });
  }
  if (f.side) q = q.where('side', '=', f.side);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.typeId) q = q.where('type_id', '=', f.typeId);
  if (f.caseId) q = q.where('case_id', '=', f.caseId);
  if (f.open === true) q = q.where('state', 'not in', TERMINAL);
  if (f.open === false) q = q.where('state', 'in', TERMINAL);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['reference']), 'like', sql<string>`${like} escape '\\'`),
        eb(eb.fn('lower', ['title']), 'like', sql<string>`${like} escape '\\'`),
        eb(eb.fn('lower', ['their_reference']), 'like', sql<string>`${like} escape '\\'`),
      ]),
    );
  }
  if (f.before) {
    const { at, id } = f.before;
    q = q.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map(toRecord);
}

/**
 * Requests whose clocks may still run, for the reminder job (clocks are computed in memory per request): every
 * open one — unsent ones too, a request first made orally has its written-confirmation clock running from the start
 * — and those closed since `closedSince` (preserved data stays held, and its follow-up owed, after the closing).
 */
export async function listOpenRequestIds(ex: Executor, after: string | null, limit: number, closedSince: Date): Promise<string[]> {
  let q = ex
    .selectFrom('requests')
    .select('id')
    .where((eb) => eb.or([eb('state', 'not in', TERMINAL), eb.and([eb('state', '=', 'closed'), eb('closed_at', '>', closedSince)])]));
  if (after) q = q.where('id', '>', after);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/**
 * When the follow-up of a request (a later request linked to it) went out: its transmission on the requesting
 * side, its arrival on the requested side. Null when there is none yet.
 */
export async function followUpAt(ex: Executor, requestId: string, side: Side): Promise<Date | null> {
  const col = side === 'requesting' ? 'transmitted_at' : 'created_at';
  const r = await ex
    .selectFrom('requests')
    .select((eb) => eb.fn.min(col).as('t'))
    .where('linked_request_id', '=', requestId)
    .where(col, 'is not', null)
    .executeTakeFirst();
  return r?.t === null || r?.t === undefined ? null : toDate(r.t);
}

// ── notifications ──────────────────────────────────────────────────────────────────────────────────────────

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: string;
  requestId: string | null;
  dedupeKey: string;
  title: string;
  body: string;
  dueAt: Date | null;
  createdAt: Date;
  readAt: Date | null;
  emailedAt: Date | null;
}

/** Inserts unless the user already has one with this dedupe key; true when inserted. */
export async function insertNotification(ex: Executor, n: Omit<NotificationRecord, 'readAt' | 'emailedAt'>): Promise<boolean> {
  const r = await ex
    .insertInto('notifications')
    .values({
      id: n.id,
      user_id: n.userId,
      kind: n.kind,
      request_id: n.requestId,
      dedupe_key: n.dedupeKey,
      title: n.title,
      body: n.body,
      due_at: n.dueAt,
      created_at: n.createdAt,
      read_at: null,
      emailed_at: null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

const toNotification = (r: Selectable<DB['notifications']>): NotificationRecord => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind,
  requestId: r.request_id,
  dedupeKey: r.dedupe_key,
  title: r.title,
  body: r.body,
  dueAt: toDateOrNull(r.due_at),
  createdAt: toDate(r.created_at),
  readAt: toDateOrNull(r.read_at),
  emailedAt: toDateOrNull(r.emailed_at),
});

export async function listNotifications(ex: Executor, userId: string, unreadOnly: boolean, limit: number): Promise<NotificationRecord[]> {
  let q = ex.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toNotification);
}

export async function markNotificationRead(ex: Executor, userId: string, id: string, at: Date): Promise<boolean> {
  const r = await ex.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function notificationsToEmail(ex: Executor, limit: number): Promise<NotificationRecord[]> {
  const rows = await ex.selectFrom('notifications').selectAll().where('emailed_at', 'is', null).where('read_at', 'is', null).orderBy('created_at').limit(limit).execute();
  return rows.map(toNotification);
}

export async function markEmailed(ex: Executor, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await ex.updateTable('notifications').set({ emailed_at: at }).where('id', 'in', [...ids]).execute();
}

/** Users holding any of `roles` (active accounts), for notifications of an incoming request's desk. */
export async function usersWithRoles(ex: Executor, roles: readonly string[]): Promise<{ id: string; email: string | null }[]> {
  if (roles.length === 0) return [];
  const rows = await ex
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id as id', 'users.email as email'])
    .where('user_roles.role', 'in', [...roles])
    .where('users.disabled', '=', false)
    .distinct()
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email }));
}

export async function caseMemberUsers(ex: Executor, caseId: string): Promise<{ id: string; email: string | null }[]> {
  const rows = await ex
    .selectFrom('case_members')
    .innerJoin('users', 'users.id', 'case_members.user_id')
    .select(['users.id as id', 'users.email as email'])
    .where('case_members.case_id', '=', caseId)
    .where('case_members.case_role', 'in', ['lead', 'member'])
    .where('users.disabled', '=', false)
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email }));
}

export async function userEmails(ex: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.selectFrom('users').select(['id', 'email']).where('id', 'in', [...ids]).execute();
  const m = new Map<string, string>();
  for (const r of rows) if (r.email) m.set(r.id, r.email);
  return m;
}
