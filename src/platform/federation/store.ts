import { sql } from 'kysely';
import { toDate, toDateOrNull, toInt } from '../db/codec.ts';
import type { Executor } from '../db/executor.ts';

/**
 * SQL for the federation tables: accepted directory versions, the outbox, the inbox, pings and alerts. Witness
 * and cosignature rows live in `witness-store.ts`. Functions take the executor their caller's transaction runs on.
 */

// ---------------------------------------------------------------------------------------------- directory

export interface DirectoryRow {
  version: number;
  digest: string;
  jws: string;
  source: string;
  acceptedAt: Date;
}

export async function latestDirectory(ex: Executor): Promise<DirectoryRow | undefined> {
  const r = await ex.selectFrom('federation_directory').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  return r && { version: toInt(r.version), digest: r.digest, jws: r.jws, source: r.source, acceptedAt: toDate(r.accepted_at) };
}

export async function insertDirectory(ex: Executor, row: DirectoryRow): Promise<void> {
  await ex
    .insertInto('federation_directory')
    .values({ version: row.version, digest: row.digest, jws: row.jws, source: row.source, accepted_at: row.acceptedAt })
    .execute();
}

// ---------------------------------------------------------------------------------------------- outbox

export type OutboxState = 'pending' | 'delivered' | 'dead';

export interface OutboxRow {
  id: string;
  peer: string;
  conversation: string;
  seq: number;
  type: string;
  payload: string;
  jwe: string;
  digest: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  expiresAt: Date;
  deliveredAt: Date | null;
  receipt: string | null;
  /** Digests of earlier sealings of the same message (a retried dead letter is sealed again with a new `exp`). */
  priorDigests: string[];
}

type OutboxDbRow = {
  id: string;
  peer: string;
  conversation: string;
  seq: number;
  type: string;
  payload: string;
  jwe: string | null;
  digest: string | null;
  state: string;
  attempts: number;
  next_attempt_at: unknown;
  last_error: string | null;
  created_at: unknown;
  expires_at: unknown;
  delivered_at: unknown;
  receipt: string | null;
  prior_digests: string;
};

const outboxColumns = [
  'id',
  'peer',
  'conversation',
  'seq',
  'type',
  'payload',
  'jwe',
  'digest',
  'state',
  'attempts',
  'next_attempt_at',
  'last_error',
  'created_at',
  'expires_at',
  'delivered_at',
  'receipt',
  'prior_digests',
] as const;

function outboxFromDb(r: OutboxDbRow): OutboxRow {
  return {
    id: r.id,
    peer: r.peer,
    conversation: r.conversation,
    seq: toInt(r.seq),
    type: r.type,
    payload: r.payload,
    jwe: r.jwe ?? '',
    digest: r.digest ?? '',
    state: r.state as OutboxState,
    attempts: toInt(r.attempts),
    nextAttemptAt: toDate(r.next_attempt_at),
    lastError: r.last_error,
    createdAt: toDate(r.created_at),
    expiresAt: toDate(r.expires_at),
    deliveredAt: toDateOrNull(r.delivered_at),
    receipt: r.receipt,
    priorDigests: JSON.parse(r.prior_digests ?? '[]') as string[],
  };
}

/** The next sequence number of `conversation` towards `peer` (1 for a new conversation). */
export async function nextOutboxSeq(ex: Executor, peer: string, conversation: string): Promise<number> {
  const r = await ex
    .selectFrom('federation_outbox')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('peer', '=', peer)
    .where('conversation', '=', conversation)
    .executeTakeFirst();
  return r?.seq === null || r?.seq === undefined ? 1 : toInt(r.seq) + 1;
}

export async function insertOutbox(
  ex: Executor,
  row: Omit<OutboxRow, 'state' | 'attempts' | 'lastError' | 'deliveredAt' | 'receipt' | 'priorDigests' | 'jwe' | 'digest'> & { jwe: string | null; digest: string | null },
): Promise<void> {
  await ex
    .insertInto('federation_outbox')
    .values({
      id: row.id,
      peer: row.peer,
      conversation: row.conversation,
      seq: row.seq,
      type: row.type,
      payload: row.payload,
      jwe: row.jwe,
      digest: row.digest,
      state: 'pending',
      attempts: 0,
      next_attempt_at: row.nextAttemptAt,
      lease_until: null,
      last_error: null,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      delivered_at: null,
      receipt: null,
    })
    .execute();
}

/**
 * Stores the envelope a message was sealed into, unless one is stored already (another worker sealed it first);
 * returns the envelope the database holds.
 */
export async function setOutboxEnvelope(ex: Executor, id: string, jwe: string, digest: string): Promise<{ jwe: string; digest: string }> {
  await ex.updateTable('federation_outbox').set({ jwe, digest }).where('id', '=', id).where('jwe', 'is', null).execute();
  const r = await ex.selectFrom('federation_outbox').select(['jwe', 'digest']).where('id', '=', id).executeTakeFirstOrThrow();
  return { jwe: r.jwe ?? jwe, digest: r.digest ?? digest };
}

export async function getOutbox(ex: Executor, id: string): Promise<OutboxRow | undefined> {
  const r = await ex.selectFrom('federation_outbox').select(outboxColumns).where('id', '=', id).executeTakeFirst();
  return r && outboxFromDb(r as OutboxDbRow);
}

/**
 * How many messages of one conversation may be in flight at once. The receiver handles a conversation strictly in
 * sequence order whatever order its messages arrive in, so the sender may pipeline; the window bounds how far
 * ahead of an undelivered message it runs (and how much a receiver holds back behind a gap).
 */
export const CONVERSATION_WINDOW = 32;

/**
 * Claims up to `limit` messages that are due: pending, their next attempt time reached, not leased by another
 * worker, and within the conversation window (every message of the same conversation to the same node at least
 * `window` places earlier was delivered). Each claimed row is leased until `leaseUntil` so that another worker (a
 * second process on PostgreSQL) does not send it at the same time; the lease lapses by itself if this one dies.
 * On PostgreSQL the candidate rows are locked with `FOR UPDATE SKIP LOCKED`.
 */
export async function claimDueOutbox(
  trx: Executor,
  dialect: 'sqlite' | 'postgres',
  now: Date,
  leaseUntil: Date,
  limit: number,
  window: number = CONVERSATION_WINDOW,
): Promise<OutboxRow[]> {
  const lock = dialect === 'postgres' ? sql`FOR UPDATE OF o SKIP LOCKED` : sql``;
  const rows = await sql<OutboxDbRow>`
    SELECT o.id, o.peer, o.conversation, o.seq, o.type, o.payload, o.jwe, o.digest, o.state, o.attempts,
           o.next_attempt_at, o.last_error, o.created_at, o.expires_at, o.delivered_at, o.receipt, o.prior_digests
      FROM federation_outbox o
     WHERE o.state = 'pending' AND o.next_attempt_at <= ${now}
       AND (o.lease_until IS NULL OR o.lease_until <= ${now})
       AND NOT EXISTS (SELECT 1 FROM federation_outbox p
                        WHERE p.peer = o.peer AND p.conversation = o.conversation
                          AND p.seq <= o.seq - ${window} AND p.state <> 'delivered')
     ORDER BY o.next_attempt_at, o.created_at, o.seq
     LIMIT ${limit}
     ${lock}`.execute(trx);
  const claimed = rows.rows.map(outboxFromDb);
  if (claimed.length > 0) {
    await trx
      .updateTable('federation_outbox')
      .set({ lease_until: leaseUntil })
      .where(
        'id',
        'in',
        claimed.map((c) => c.id),
      )
      .execute();
  }
  return claimed;
}

export async function markOutboxDelivered(ex: Executor, id: string, receipt: string, at: Date): Promise<boolean> {
  const r = await ex
    .updateTable('federation_outbox')
    .set({ state: 'delivered', receipt, delivered_at: at, lease_until: null, last_error: null, attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markOutboxRetry(ex: Executor, id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await ex
    .updateTable('federation_outbox')
    .set({ attempts: sql`attempts + 1`, next_attempt_at: nextAttemptAt, lease_until: null, last_error: error })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}

export async function markOutboxDead(ex: Executor, id: string, error: string): Promise<boolean> {
  const r = await ex
    .updateTable('federation_outbox')
    .set({ state: 'dead', lease_until: null, last_error: error, attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Dead letters (all, or those for one node), oldest first. */
export async function deadLetters(ex: Executor, peer?: string): Promise<OutboxRow[]> {
  let q = ex.selectFrom('federation_outbox').select(outboxColumns).where('state', '=', 'dead');
  if (peer) q = q.where('peer', '=', peer);
  const rows = await q.orderBy('created_at').orderBy('seq').execute();
  return rows.map((r) => outboxFromDb(r as OutboxDbRow));
}

/** Puts a dead letter back in the queue, sealed again (new envelope, new lifetime), due now. */
export async function requeueResealed(
  ex: Executor,
  id: string,
  r: { payload: string; jwe: string; digest: string; priorDigests: string[]; now: Date; expiresAt: Date },
): Promise<boolean> {
  const u = await ex
    .updateTable('federation_outbox')
    .set({
      state: 'pending',
      payload: r.payload,
      jwe: r.jwe,
      digest: r.digest,
      prior_digests: JSON.stringify(r.priorDigests),
      next_attempt_at: r.now,
      expires_at: r.expiresAt,
      lease_until: null,
      attempts: 0,
    })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  return Number(u.numUpdatedRows) === 1;
}

/** Incoming messages whose handler gave up (all, or those from one node). */
export async function failedInbox(ex: Executor, sender?: string): Promise<InboxRow[]> {
  let q = ex.selectFrom('federation_inbox').selectAll().where('state', '=', 'failed');
  if (sender) q = q.where('sender', '=', sender);
  const rows = await q.orderBy('received_at').orderBy('seq').execute();
  return rows.map((r) => inboxFromDb(r as unknown as InboxDbRow));
}

/** Gives a failed incoming message to its handler again, now. */
export async function reprocessInbox(ex: Executor, id: string, now: Date): Promise<boolean> {
  const u = await ex
    .updateTable('federation_inbox')
    .set({ state: 'received', attempts: 0, next_attempt_at: now })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(u.numUpdatedRows) === 1;
}

export interface PeerQueue {
  peer: string;
  pending: number;
  dead: number;
  delivered: number;
  lastDeliveredAt: Date | null;
  oldestPendingAt: Date | null;
  lastError: string | null;
}

export async function outboxByPeer(ex: Executor): Promise<PeerQueue[]> {
  const rows = await ex
    .selectFrom('federation_outbox')
    .select((eb) => [
      'peer',
      'state',
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('delivered_at').as('last_delivered'),
      eb.fn.min('created_at').as('oldest'),
    ])
    .groupBy(['peer', 'state'])
    .execute();
  const out = new Map<string, PeerQueue>();
  for (const r of rows) {
    const q = out.get(r.peer) ?? { peer: r.peer, pending: 0, dead: 0, delivered: 0, lastDeliveredAt: null, oldestPendingAt: null, lastError: null };
    const n = toInt(r.n);
    if (r.state === 'pending') {
      q.pending = n;
      q.oldestPendingAt = toDateOrNull(r.oldest);
    } else if (r.state === 'dead') q.dead = n;
    else {
      q.delivered = n;
      q.lastDeliveredAt = toDateOrNull(r.last_delivered);
    }
    out.set(r.peer, q);
  }
  for (const q of out.values()) {
    if (q.pending + q.dead === 0) continue;
    const e = await ex
      .selectFrom('federation_outbox')
      .select('last_error')
      .where('peer', '=', q.peer)
      .where('state', '<>', 'delivered')
      .where('last_error', 'is not', null)
      .orderBy('next_attempt_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    q.lastError = e?.last_error ?? null;
  }
  return [...out.values()].sort((a, b) => a.peer.localeCompare(b.peer));
}

export async function countOutbox(ex: Executor, state: OutboxState): Promise<number> {
  const r = await ex.selectFrom('federation_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', state).executeTakeFirst();
  return toInt(r?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------- inbox

export type InboxState = 'received' | 'processed' | 'failed';

export interface InboxRow {
  id: string;
  sender: string;
  conversation: string;
  seq: number;
  type: string;
  payload: string;
  digest: string;
  bytes: number;
  receipt: string;
  state: InboxState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  receivedAt: Date;
  processedAt: Date | null;
}

type InboxDbRow = {
  id: string;
  sender: string;
  conversation: string;
  seq: number;
  type: string;
  payload: string;
  digest: string;
  bytes: number;
  receipt: string;
  state: string;
  attempts: number;
  next_attempt_at: unknown;
  last_error: string | null;
  received_at: unknown;
  processed_at: unknown;
};

function inboxFromDb(r: InboxDbRow): InboxRow {
  return {
    id: r.id,
    sender: r.sender,
    conversation: r.conversation,
    seq: toInt(r.seq),
    type: r.type,
    payload: r.payload,
    digest: r.digest,
    bytes: toInt(r.bytes),
    receipt: r.receipt,
    state: r.state as InboxState,
    attempts: toInt(r.attempts),
    nextAttemptAt: toDate(r.next_attempt_at),
    lastError: r.last_error,
    receivedAt: toDate(r.received_at),
    processedAt: toDateOrNull(r.processed_at),
  };
}

export async function getInbox(ex: Executor, id: string): Promise<InboxRow | undefined> {
  const r = await ex.selectFrom('federation_inbox').selectAll().where('id', '=', id).executeTakeFirst();
  return r && inboxFromDb(r as unknown as InboxDbRow);
}

/** The message already received at this place of the conversation, if any. */
export async function inboxAt(ex: Executor, sender: string, conversation: string, seq: number): Promise<InboxRow | undefined> {
  const r = await ex
    .selectFrom('federation_inbox')
    .selectAll()
    .where('sender', '=', sender)
    .where('conversation', '=', conversation)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return r && inboxFromDb(r as unknown as InboxDbRow);
}

export async function insertInbox(ex: Executor, row: Omit<InboxRow, 'state' | 'attempts' | 'lastError' | 'processedAt' | 'nextAttemptAt'>): Promise<void> {
  await ex
    .insertInto('federation_inbox')
    .values({
      id: row.id,
      sender: row.sender,
      conversation: row.conversation,
      seq: row.seq,
      type: row.type,
      payload: row.payload,
      digest: row.digest,
      bytes: row.bytes,
      receipt: row.receipt,
      state: 'received',
      attempts: 0,
      next_attempt_at: row.receivedAt,
      last_error: null,
      received_at: row.receivedAt,
      processed_at: null,
    })
    .execute();
}

/**
 * Received messages that may be handled now: due, and next in their conversation — sequence 1, or the message
 * before it (same sender, same conversation) already processed. A gap holds the rest of that conversation back.
 */
export async function dueInbox(ex: Executor, now: Date, limit: number): Promise<InboxRow[]> {
  const rows = await sql<InboxDbRow>`
    SELECT i.* FROM federation_inbox i
     WHERE i.state = 'received' AND i.next_attempt_at <= ${now}
       AND (i.seq = 1 OR EXISTS (SELECT 1 FROM federation_inbox p
                                  WHERE p.sender = i.sender AND p.conversation = i.conversation
                                    AND p.seq = i.seq - 1 AND p.state = 'processed'))
     ORDER BY i.received_at, i.seq
     LIMIT ${limit}`.execute(ex);
  return rows.rows.map(inboxFromDb);
}

/** Marks a message processed if nobody did yet; false when another worker already had it (then do nothing). */
export async function claimInboxProcessed(ex: Executor, id: string, at: Date): Promise<boolean> {
  const r = await ex
    .updateTable('federation_inbox')
    .set({ state: 'processed', processed_at: at, last_error: null, attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .where('state', '=', 'received')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markInboxRetry(ex: Executor, id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await ex
    .updateTable('federation_inbox')
    .set({ attempts: sql`attempts + 1`, next_attempt_at: nextAttemptAt, last_error: error })
    .where('id', '=', id)
    .where('state', '=', 'received')
    .execute();
}

export async function markInboxFailed(ex: Executor, id: string, error: string): Promise<boolean> {
  const r = await ex
    .updateTable('federation_inbox')
    .set({ state: 'failed', last_error: error, attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .where('state', '=', 'received')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function inboxBySender(ex: Executor): Promise<Map<string, { received: number; processed: number; failed: number; lastReceivedAt: Date | null }>> {
  const rows = await ex
    .selectFrom('federation_inbox')
    .select((eb) => ['sender', 'state', eb.fn.countAll<number>().as('n'), eb.fn.max('received_at').as('last')])
    .groupBy(['sender', 'state'])
    .execute();
  const out = new Map<string, { received: number; processed: number; failed: number; lastReceivedAt: Date | null }>();
  for (const r of rows) {
    const s = out.get(r.sender) ?? { received: 0, processed: 0, failed: 0, lastReceivedAt: null };
    const n = toInt(r.n);
    if (r.state === 'received') s.received = n;
    else if (r.state === 'processed') s.processed = n;
    else s.failed = n;
    const last = toDateOrNull(r.last);
    if (last && (!s.lastReceivedAt || last > s.lastReceivedAt)) s.lastReceivedAt = last;
    out.set(r.sender, s);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- pings

export interface PingRow {
  id: string;
  peer: string;
  sentAt: Date;
  deliveredAt: Date | null;
  pongAt: Date | null;
  roundTripMs: number | null;
}

export async function insertPing(ex: Executor, id: string, peer: string, at: Date): Promise<void> {
  await ex.insertInto('federation_pings').values({ id, peer, sent_at: at, delivered_at: null, pong_at: null, round_trip_ms: null }).execute();
}

export async function getPing(ex: Executor, id: string): Promise<PingRow | undefined> {
  const r = await ex.selectFrom('federation_pings').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    r && {
      id: r.id,
      peer: r.peer,
      sentAt: toDate(r.sent_at),
      deliveredAt: toDateOrNull(r.delivered_at),
      pongAt: toDateOrNull(r.pong_at),
      roundTripMs: r.round_trip_ms === null ? null : toInt(r.round_trip_ms),
    }
  );
}

export async function markPingDelivered(ex: Executor, id: string, at: Date): Promise<void> {
  await ex.updateTable('federation_pings').set({ delivered_at: at }).where('id', '=', id).where('delivered_at', 'is', null).execute();
}

export async function recordPong(ex: Executor, id: string, at: Date, roundTripMs: number): Promise<boolean> {
  const r = await ex
    .updateTable('federation_pings')
    .set({ pong_at: at, round_trip_ms: roundTripMs })
    .where('id', '=', id)
    .where('pong_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------------------------------------- alerts

export interface AlertRow {
  id: string;
  kind: string;
  peer: string | null;
  summary: string;
  details: unknown;
  createdAt: Date;
}

export async function insertAlert(ex: Executor, a: AlertRow): Promise<void> {
  await ex
    .insertInto('federation_alerts')
    .values({ id: a.id, kind: a.kind, peer: a.peer, summary: a.summary, details: JSON.stringify(a.details ?? {}), created_at: a.createdAt, acknowledged_at: null })
    .execute();
}

export async function recentAlerts(ex: Executor, limit: number): Promise<AlertRow[]> {
  const rows = await ex.selectFrom('federation_alerts').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, peer: r.peer, summary: r.summary, details: JSON.parse(r.details) as unknown, createdAt: toDate(r.created_at) }));
}
