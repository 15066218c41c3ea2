import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction, isUniqueViolation, type Executor } from '../db/executor.ts';
import type { Dialect } from '../db/database.ts';
import { AppError, invalid } from '../errors.ts';
import { newId } from '../ids.ts';
import type { AppendInput, Ledger } from '../ledger/ledger.ts';
import type { NodeKeys } from '../keys/keyset.ts';
import { backoffMs } from './backoff.ts';
import { Batcher } from './batcher.ts';
import { encryptionKeyFor } from './directory.ts';
import type { AcceptedDirectory, DirectoryKeeper } from './directory-keeper.ts';
import { messageDigest, openMessage, sealMessage } from './envelope.ts';
import { FederationError } from './errors.ts';
import type { MessagePayload } from './message.ts';
import { signReceipt, verifyReceipt } from './receipt.ts';
import * as store from './store.ts';
import type { Transport } from './transport.ts';

/** A message as a handler sees it: verified, decrypted, next in its conversation. */
export interface ReceivedMessage {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly conversation: string;
  readonly seq: number;
  readonly iat: number;
  readonly body: Record<string, unknown>;
  readonly receivedAt: Date;
}

/**
 * Handles one message type. It runs inside the transaction that marks the message processed and appends the
 * `federation.message.processed` entry: everything it writes (and any reply it `send`s) commits with them, or
 * nothing does and the message is tried again later — exactly once in effect.
 */
export type MessageHandler = (trx: Transaction<DB>, msg: ReceivedMessage) => Promise<void>;

/** A message of ours the recipient receipted, as a delivery listener sees it. */
export interface DeliveredMessage {
  readonly id: string;
  readonly type: string;
  readonly to: string;
  readonly conversation: string;
  readonly seq: number;
  /** When the recipient stored it, as its signed receipt says. */
  readonly receivedAt: string;
}

/**
 * Runs inside the transaction that marks a message delivered on its valid signed receipt (and appends the
 * `federation.message.receipted` entry): a module moves its own state with the receipt, atomically. It must not
 * throw for a message it does not know (the group commit would be retried).
 */
export type DeliveryListener = (trx: Transaction<DB>, msg: DeliveredMessage) => Promise<void>;

/** Where the federation reports what operators watch (Prometheus in the node; nothing in the CLI). */
export interface FederationMetrics {
  refused(reason: string): void;
  received(): void;
  delivered(): void;
  deliveryFailed(): void;
  deadLettered(): void;
}

const noMetrics: FederationMetrics = { refused() {}, received() {}, delivered() {}, deliveryFailed() {}, deadLettered() {} };

export interface FederationSettings {
  maxMessageBytes: number;
  messageTtlHours: number;
  concurrencyPerPeer: number;
  retryMaxSeconds: number;
  /** How often the delivery and processing loops look for due work when nothing woke them. Default 1 s. */
  pollMs?: number;
  /** How long a claimed outbox row stays leased to this worker. Default 60 s. */
  leaseMs?: number;
  /** A handler that fails this many times is parked as `failed` with an alert. Default 12. */
  maxHandlerAttempts?: number;
}

export interface FederationDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  ledger: Ledger;
  keys: NodeKeys;
  directory: DirectoryKeeper;
  transport: Transport;
  logger: Logger;
  settings: FederationSettings;
  metrics?: FederationMetrics;
}

export interface SendInput {
  to: string;
  type: string;
  body: Record<string, unknown>;
  /** Continue a conversation; a new one (UUIDv7) when absent. */
  conversation?: string;
  /** Ledger actor reference of whoever caused the message (`system` when the node itself does). */
  actor?: string;
}

export interface SentMessage {
  id: string;
  conversation: string;
  seq: number;
}

interface InboxWrite {
  p: MessagePayload;
  digest: string;
  receipt: string;
  bytes: number;
  now: Date;
}

type InboxWriteResult = { kind: 'stored' } | { kind: 'existing'; row: store.InboxRow } | { kind: 'taken' };

/** Claimed messages a node holds in memory at most (waiting for a delivery slot or being delivered). */
const MAX_IN_FLIGHT = 512;

/** Why a message was refused at the inbox, with the HTTP status it is answered with. */
export class InboxRefusal extends Error {
  readonly status: number;
  readonly reason: string;
  constructor(status: number, reason: string, message: string) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.name = 'InboxRefusal';
  }
}

const REFUSAL_STATUS: Record<string, number> = {
  oversized: 413,
  malformed: 400,
  algorithm_not_allowed: 400,
  unknown_recipient_key: 400,
  decryption_failed: 400,
  unknown_sender: 403,
  key_not_in_directory: 403,
  key_expired: 403,
  bad_signature: 403,
  sender_mismatch: 403,
  wrong_recipient: 400,
  expired: 400,
  not_yet_valid: 400,
};

const sha256b64url = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64url');

/**
 * The node's end of the federation protocol (DESIGN §5): `send` writes a sealed message to the outbox inside the
 * caller's transaction; the delivery loop posts due messages to their node's inbox and marks them delivered on a
 * valid signed receipt; `receive` (the inbox route) opens, verifies and stores an incoming message durably before
 * answering with a signed receipt; the processing loop hands stored messages, in order per conversation, to the
 * handler of their type, exactly once in effect.
 */
export class Federation {
  private readonly handlers = new Map<string, MessageHandler>();
  private readonly deliveryListeners = new Map<string, DeliveryListener>();
  readonly metrics: FederationMetrics;
  private readonly settings: Required<FederationSettings>;
  private timers: NodeJS.Timeout[] = [];
  private running = false;
  private deliveryPass: Promise<number> | null = null;
  private deliveryAgain = false;
  private processingPass: Promise<number> | null = null;
  private processingAgain = false;
  private processingWake: NodeJS.Immediate | null = null;
  /** Claimed messages waiting for or in delivery (ids), per-peer queues, active workers per peer. */
  private readonly queued = new Set<string>();
  private readonly peerQueues = new Map<string, store.OutboxRow[]>();
  private readonly peerActive = new Map<string, number>();
  private readonly deliveries = new Set<Promise<void>>();
  private stopping = false;
  private wakeScheduled = false;
  /** Group commits: receipts that came back, and incoming messages to store (see `Batcher`). */
  private readonly deliveredMarks: Batcher<{ m: store.OutboxRow; receipt: string; receivedAt: string }, boolean>;
  private readonly inboxWrites: Batcher<InboxWrite, InboxWriteResult>;

  private readonly deps: FederationDeps;

  constructor(deps: FederationDeps) {
    this.deps = deps;
    this.metrics = deps.metrics ?? noMetrics;
    this.settings = { pollMs: 1000, leaseMs: 60_000, maxHandlerAttempts: 12, ...deps.settings };
    this.deliveredMarks = new Batcher((items) => this.commitDelivered(items));
    this.inboxWrites = new Batcher((items) => this.commitInbox(items));
  }

  get nodeId(): string {
    return this.deps.keys.nodeId;
  }

  /** The directory in force, or a clear error when the node has none yet. */
  directory(): AcceptedDirectory {
    const d = this.deps.directory.get();
    if (!d) throw new AppError('unavailable', 'this node has no federation directory yet (configure directorySource and directoryAuthorityKey)');
    return d;
  }

  /** Registers the handler of a message type (one per type). */
  on(type: string, handler: MessageHandler): void {
    if (this.handlers.has(type)) throw new Error(`a handler for "${type}" is already registered`);
    this.handlers.set(type, handler);
  }

  /** Registers the listener told, in the marking transaction, when a message of `type` was receipted (one per type). */
  onDelivered(type: string, listener: DeliveryListener): void {
    if (this.deliveryListeners.has(type)) throw new Error(`a delivery listener for "${type}" is already registered`);
    this.deliveryListeners.set(type, listener);
  }

  // -------------------------------------------------------------------------------------------- sending

  /**
   * Writes a message for `to` to the outbox inside `trx`, with its `federation.message.sent` ledger entry (the
   * delivery loop seals and sends it once the transaction committed). The ledger append comes first: it takes the ledger's write lock, which also serialises the choice of
   * the conversation's next sequence number between concurrent transactions.
   */
  async send(trx: Executor, input: SendInput): Promise<SentMessage> {
    const dir = this.directory();
    const peer = dir.node(input.to);
    if (!peer) throw invalid('to', `node ${input.to} is not in the federation directory`);
    if (input.to === this.nodeId) throw invalid('to', 'a node cannot send a message to itself');
    const now = this.deps.clock.now();
    const recipient = encryptionKeyFor(dir.doc, input.to, now);
    if (!recipient) throw invalid('to', `node ${input.to} publishes no valid encryption key`);
    const id = newId();
    const conversation = input.conversation ?? newId();
    await this.deps.ledger.append(trx, {
      actor: input.actor ?? 'system',
      action: 'federation.message.sent',
      object: { type: 'message', id },
      details: { to: input.to, type: input.type, conversation },
    });
    const seq = await store.nextOutboxSeq(trx, input.to, conversation);
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.settings.messageTtlHours * 3600;
    const payload: MessagePayload = { id, type: input.type, from: this.nodeId, to: input.to, iat, exp, conversation, seq, body: input.body };
    // Sealed by the delivery loop at the first attempt, outside this transaction (and its locks), then sent as
    // the same bytes at every attempt.
    await store.insertOutbox(trx, {
      id,
      peer: input.to,
      conversation,
      seq,
      type: input.type,
      payload: JSON.stringify(payload),
      jwe: null,
      digest: null,
      nextAttemptAt: now,
      createdAt: now,
      expiresAt: new Date(exp * 1000),
    });
    this.wake();
    return { id, conversation, seq };
  }

  /** Runs `fn` in a transaction and wakes the delivery loop after it committed. */
  async sendInTransaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    const r = await inTransaction(this.deps.db, fn);
    this.wake();
    return r;
  }

  /** Asks the loops to look for work now rather than at their next poll. */
  wake(): void {
    this.wakeDelivery();
    this.wakeProcessing();
  }

  private wakeDelivery(): void {
    if (this.running) void this.runDelivery();
  }

  private wakeProcessing(): void {
    if (!this.running || this.processingWake) return;
    // After a turn of the event loop, so that messages arriving together are handled in one transaction.
    this.processingWake = setImmediate(() => {
      this.processingWake = null;
      void this.runProcessing();
    });
  }

  /**
   * Claims due messages while there is room in flight and starts their deliveries without waiting for them; a
   * delivery that ends makes room and wakes the loop again. Calls made while a claim runs are coalesced into one
   * more round. Resolves when this claiming round is over (not when its deliveries are); `deliverDue` waits for those.
   */
  private runDelivery(): Promise<number> {
    if (this.deliveryPass) {
      this.deliveryAgain = true;
      return this.deliveryPass;
    }
    this.deliveryPass = (async () => {
      let total = 0;
      try {
        do {
          this.deliveryAgain = false;
          total += await this.claimRound();
        } while (this.deliveryAgain);
      } catch (e) {
        this.deps.logger.error({ err: e }, 'federation delivery pass failed');
      } finally {
        this.deliveryPass = null;
      }
      return total;
    })();
    return this.deliveryPass;
  }

  /** One delivery pass: claims what is due and waits for those deliveries to end (tests and tools). */
  async deliverDue(): Promise<number> {
    const n = await this.runDelivery();
    await Promise.allSettled([...this.deliveries]);
    return n;
  }

  private async claimRound(): Promise<number> {
    const room = MAX_IN_FLIGHT - this.queued.size;
    if (room <= 0) return 0;
    const now = this.deps.clock.now();
    const claimed = (
      await inTransaction(this.deps.db, (trx) =>
        store.claimDueOutbox(trx, this.deps.dialect, now, new Date(now.getTime() + this.settings.leaseMs), Math.min(room, 256)),
      )
    ).filter((m) => !this.queued.has(m.id));
    if (claimed.length === 0) return 0;
    await this.sealClaimed(claimed);
    for (const m of claimed) {
      this.queued.add(m.id);
      const q = this.peerQueues.get(m.peer) ?? [];
      q.push(m);
      this.peerQueues.set(m.peer, q);
    }
    for (const peer of new Set(claimed.map((m) => m.peer))) this.startPeerWorkers(peer);
    return claimed.length;
  }

  /** Seals, once, the claimed messages that were never sent, and stores their envelopes in one transaction. */
  private async sealClaimed(claimed: store.OutboxRow[]): Promise<void> {
    const fresh = claimed.filter((m) => m.jwe === '');
    if (fresh.length === 0) return;
    const dir = this.deps.directory.get();
    const now = this.deps.clock.now();
    const sealed: Array<{ m: store.OutboxRow; jwe: string; digest: string }> = [];
    for (const m of fresh) {
      const recipient = dir ? encryptionKeyFor(dir.doc, m.peer, now) : undefined;
      if (!recipient) continue; // not in the directory (any more): deliverOne retries it later
      const jwe = await sealMessage(JSON.parse(m.payload) as MessagePayload, this.deps.keys.signing, { kid: recipient.kid, publicJwk: recipient });
      sealed.push({ m, jwe, digest: messageDigest(jwe) });
    }
    const stored = await inTransaction(this.deps.db, async (trx) => {
      const out = new Map<string, { jwe: string; digest: string }>();
      for (const x of sealed) out.set(x.m.id, await store.setOutboxEnvelope(trx, x.m.id, x.jwe, x.digest));
      return out;
    });
    // Another process may have sealed it first: use what the database holds.
    for (const m of fresh) {
      const env = stored.get(m.id);
      if (env) {
        m.jwe = env.jwe;
        m.digest = env.digest;
      }
    }
  }

  /** Runs up to `concurrencyPerPeer` deliveries to `peer` from its in-memory queue, in claim order. */
  private startPeerWorkers(peer: string): void {
    const q = this.peerQueues.get(peer);
    if (!q) return;
    let active = this.peerActive.get(peer) ?? 0;
    while (active < this.settings.concurrencyPerPeer && q.length > 0) {
      active += 1;
      const run = async (): Promise<void> => {
        try {
          // A stopping node sends nothing more: what is still queued keeps its lease and is sent after a restart.
          for (let m = this.stopping ? undefined : q.shift(); m; m = this.stopping ? undefined : q.shift()) {
            try {
              await this.deliverOne(m);
            } catch (e) {
              this.deps.logger.error({ err: e, message: m.id }, 'federation delivery failed unexpectedly');
            } finally {
              this.queued.delete(m.id);
            }
            // Room was made: claim more (coalesced with every other wake).
            this.wakeDelivery();
          }
        } finally {
          this.peerActive.set(peer, (this.peerActive.get(peer) ?? 1) - 1);
        }
      };
      // `finally` callbacks run asynchronously, after `worker` is assigned.
      const worker: Promise<void> = run().finally(() => this.deliveries.delete(worker));
      this.deliveries.add(worker);
    }
    this.peerActive.set(peer, active);
  }

  private async deliverOne(m: store.OutboxRow): Promise<void> {
    const now = this.deps.clock.now();
    if (now.getTime() >= m.expiresAt.getTime()) {
      await this.deadLetter(m, m.lastError ?? 'not delivered before the message expired');
      return;
    }
    const dir = this.deps.directory.get();
    const peer = dir?.node(m.peer);
    if (!dir || !peer || m.jwe === '') {
      await this.retry(m, `node ${m.peer} is not in the directory, or publishes no valid encryption key`);
      return;
    }
    let res;
    try {
      res = await this.deps.transport.request('POST', `${peer.endpoint.replace(/\/+$/, '')}/federation/v1/inbox`, {
        contentType: 'application/jose',
        text: m.jwe,
      });
    } catch (e) {
      await this.retry(m, (e as Error).message);
      return;
    }
    if (res.status === 200) {
      const receipt = res.body.trim();
      let lastError: unknown;
      // The receipt names the digest of the envelope the receiver stored: this one, or an earlier sealing of the
      // same message (a retried dead letter that had in fact arrived).
      for (const digest of [m.digest, ...m.priorDigests]) {
        try {
          const r = await verifyReceipt(receipt, {
            expect: { msg: m.id, digest, by: m.peer, from: this.nodeId },
            resolveKey: (kid) => dir.index.resolve(kid),
            now: this.deps.clock.now(),
          });
          await this.markDelivered(m, receipt, r.receivedAt);
          return;
        } catch (e) {
          lastError = e;
        }
      }
      await this.retry(m, `the receipt from ${m.peer} is not valid: ${(lastError as Error).message}`);
      return;
    }
    const detail = problemDetail(res.body);
    if (res.status === 413) {
      await this.deadLetter(m, `refused by ${m.peer} as too large (HTTP 413)${detail}`);
      return;
    }
    await this.retry(m, `HTTP ${res.status} from ${m.peer}${detail}`);
  }

  private async markDelivered(m: store.OutboxRow, receipt: string, receivedAt: string): Promise<void> {
    if (await this.deliveredMarks.submit({ m, receipt, receivedAt })) this.metrics.delivered();
  }

  /** Marks delivered, in one transaction, every message whose receipt came back meanwhile (group commit). */
  private async commitDelivered(items: Array<{ m: store.OutboxRow; receipt: string; receivedAt: string }>): Promise<boolean[]> {
    const at = this.deps.clock.now();
    return inTransaction(this.deps.db, async (trx) => {
      const out: boolean[] = [];
      const entries: AppendInput[] = [];
      const heard: Array<() => Promise<void>> = [];
      for (const { m, receipt, receivedAt } of items) {
        const marked = await store.markOutboxDelivered(trx, m.id, receipt, at);
        out.push(marked);
        if (!marked) continue;
        entries.push({
          actor: 'system',
          action: 'federation.message.receipted',
          object: { type: 'message', id: m.id },
          details: { to: m.peer, type: m.type, digest: m.digest, receipt: sha256b64url(receipt), receivedAt },
        });
        if (m.type === 'ping') await store.markPingDelivered(trx, m.id, at);
        const listener = this.deliveryListeners.get(m.type);
        if (listener) heard.push(() => listener(trx, { id: m.id, type: m.type, to: m.peer, conversation: m.conversation, seq: m.seq, receivedAt }));
      }
      // One append for the whole group: one head update, one write per table.
      if (entries.length > 0) await this.deps.ledger.append(trx, entries);
      // Then the modules' own consequences of the receipts, after the receipts themselves in the ledger.
      for (const h of heard) await h();
      return out;
    });
  }

  private async retry(m: store.OutboxRow, error: string): Promise<void> {
    this.metrics.deliveryFailed();
    const now = this.deps.clock.now();
    const wait = backoffMs(m.attempts, { capMs: this.settings.retryMaxSeconds * 1000 });
    const next = new Date(Math.min(now.getTime() + wait, m.expiresAt.getTime()));
    this.deps.logger.warn({ message: m.id, peer: m.peer, attempt: m.attempts + 1, retryInMs: next.getTime() - now.getTime(), error }, 'federation delivery failed; will retry');
    await store.markOutboxRetry(this.deps.db, m.id, next, error.slice(0, 1000));
  }

  private async deadLetter(m: store.OutboxRow, error: string): Promise<void> {
    const now = this.deps.clock.now();
    const done = await inTransaction(this.deps.db, async (trx) => {
      if (!(await store.markOutboxDead(trx, m.id, error.slice(0, 1000)))) return false;
      await this.deps.ledger.append(trx, {
        actor: 'system',
        action: 'federation.message.dead_lettered',
        object: { type: 'message', id: m.id },
        details: { to: m.peer, type: m.type, attempts: m.attempts + 1, error: error.slice(0, 1000) },
      });
      await store.insertAlert(trx, {
        id: newId(),
        kind: 'dead_letter',
        peer: m.peer,
        summary: `message ${m.id} (${m.type}) to ${m.peer} was not delivered after ${m.attempts + 1} attempts and is dead-lettered`,
        details: { message: m.id, type: m.type, conversation: m.conversation, seq: m.seq, error },
        createdAt: now,
      });
      return true;
    });
    if (done) {
      this.metrics.deadLettered();
      this.deps.logger.error({ alert: 'dead_letter', message: m.id, peer: m.peer, error }, 'ALERT: federation message dead-lettered');
    }
  }

  /**
   * Puts dead-lettered messages (all, or those for one node) back in the queue. Each is sealed again — same id,
   * conversation and sequence number, new `iat`/`exp`, the recipient's current key — since the old envelope's
   * lifetime is over; the digests of earlier sealings are kept so that a receipt for any of them is accepted
   * (the receiver may have stored an earlier one whose receipt never came back). Also gives incoming messages
   * whose handler gave up (`failed`) to their handler again. Every step is a ledger entry.
   */
  async retryDeadLetters(actor: string, peer?: string): Promise<{ requeued: string[]; reprocessed: string[] }> {
    const now = this.deps.clock.now();
    const dir = this.directory();
    const requeued: string[] = [];
    for (const m of await store.deadLetters(this.deps.db, peer)) {
      const recipient = encryptionKeyFor(dir.doc, m.peer, now);
      if (!dir.node(m.peer) || !recipient) continue;
      const old = JSON.parse(m.payload) as MessagePayload;
      const iat = Math.floor(now.getTime() / 1000);
      const payload: MessagePayload = { ...old, iat, exp: iat + this.settings.messageTtlHours * 3600 };
      const jwe = await sealMessage(payload, this.deps.keys.signing, { kid: recipient.kid, publicJwk: recipient });
      const done = await inTransaction(this.deps.db, async (trx) => {
        const ok = await store.requeueResealed(trx, m.id, {
          payload: JSON.stringify(payload),
          jwe,
          digest: messageDigest(jwe),
          priorDigests: [...m.priorDigests, m.digest],
          now,
          expiresAt: new Date(payload.exp * 1000),
        });
        if (ok) await this.deps.ledger.append(trx, { actor, action: 'federation.message.requeued', object: { type: 'message', id: m.id }, details: { to: m.peer, type: m.type } });
        return ok;
      });
      if (done) requeued.push(m.id);
    }
    const reprocessed: string[] = [];
    for (const m of await store.failedInbox(this.deps.db, peer)) {
      const done = await inTransaction(this.deps.db, async (trx) => {
        const ok = await store.reprocessInbox(trx, m.id, now);
        if (ok) await this.deps.ledger.append(trx, { actor, action: 'federation.message.reprocessed', object: { type: 'message', id: m.id }, details: { from: m.sender, type: m.type } });
        return ok;
      });
      if (done) reprocessed.push(m.id);
    }
    this.wake();
    return { requeued, reprocessed };
  }

  // -------------------------------------------------------------------------------------------- receiving

  /**
   * The inbox: opens and verifies an envelope, stores it durably with its `federation.message.received` entry, and
   * returns the signed receipt. The same message again returns the stored receipt and changes nothing.
   * @throws InboxRefusal — nothing is stored.
   */
  async receive(jwe: string): Promise<{ receipt: string; duplicate: boolean; id: string }> {
    const now = this.deps.clock.now();
    const dir = this.deps.directory.get();
    if (!dir) return this.refuse(503, 'no_directory', 'this node has no federation directory yet and cannot check senders');
    let opened;
    try {
      opened = await openMessage(jwe, {
        self: this.nodeId,
        now,
        maxBytes: this.settings.maxMessageBytes,
        decryptionKey: (kid) => this.deps.keys.decryptionKey(kid, now),
        resolveSenderKey: (kid) => dir.index.resolve(kid),
        isKnownNode: (id) => dir.node(id) !== undefined,
      });
    } catch (e) {
      if (e instanceof FederationError) return this.refuse(REFUSAL_STATUS[e.code] ?? 400, e.code, e.message);
      throw e;
    }
    const p = opened.payload;
    const existing = await store.getInbox(this.deps.db, p.id);
    if (existing) return this.duplicate(existing, p, opened.digest);
    const receivedAt = now.toISOString();
    const receipt = await signReceipt({ msg: p.id, digest: opened.digest, from: p.from, by: this.nodeId, receivedAt }, this.deps.keys.signing);
    let r: InboxWriteResult;
    try {
      r = await this.inboxWrites.submit({ p, digest: opened.digest, receipt, bytes: Buffer.byteLength(jwe, 'utf8'), now });
    } catch (e) {
      if (isUniqueViolation(e)) {
        // Another process stored the same id or place between our check and our insert.
        const raced = await store.getInbox(this.deps.db, p.id);
        if (raced) return this.duplicate(raced, p, opened.digest);
        return this.refuse(409, 'sequence_taken', `conversation ${p.conversation} already has message ${p.seq} from ${p.from}`);
      }
      throw e;
    }
    if (r.kind === 'existing') return this.duplicate(r.row, p, opened.digest);
    if (r.kind === 'taken') return this.refuse(409, 'sequence_taken', `conversation ${p.conversation} already has message ${p.seq} from ${p.from}`);
    this.metrics.received();
    this.deps.logger.debug({ message: p.id, from: p.from, type: p.type }, 'federation message received');
    this.wakeProcessing();
    return { receipt, duplicate: false, id: p.id };
  }

  /**
   * Stores incoming messages, with their `federation.message.received` entries, in one transaction (group commit:
   * every inbox request that arrived during the previous commit). Each answer is given only after this commits.
   */
  private async commitInbox(items: InboxWrite[]): Promise<InboxWriteResult[]> {
    return inTransaction(this.deps.db, async (trx) => {
      const out: InboxWriteResult[] = [];
      const entries: AppendInput[] = [];
      for (const { p, digest, receipt, bytes, now } of items) {
        const again = await store.getInbox(trx, p.id);
        if (again) {
          out.push({ kind: 'existing', row: again });
          continue;
        }
        if (await store.inboxAt(trx, p.from, p.conversation, p.seq)) {
          out.push({ kind: 'taken' });
          continue;
        }
        await store.insertInbox(trx, {
          id: p.id,
          sender: p.from,
          conversation: p.conversation,
          seq: p.seq,
          type: p.type,
          payload: JSON.stringify(p),
          digest,
          bytes,
          receipt,
          receivedAt: now,
        });
        entries.push({
          actor: `node:${p.from}`,
          action: 'federation.message.received',
          object: { type: 'message', id: p.id },
          details: { from: p.from, type: p.type, conversation: p.conversation, seq: p.seq, digest, receipt: sha256b64url(receipt) },
        });
        out.push({ kind: 'stored' });
      }
      if (entries.length > 0) await this.deps.ledger.append(trx, entries);
      return out;
    });
  }

  /**
   * The same message again: the stored receipt, nothing else. "The same" is the same envelope, or the same message
   * sealed again by its sender (same id, sender, conversation, place and type: a retried dead letter); the receipt
   * then names the digest stored first, which the sender recognises. Anything else reusing the id is refused.
   */
  private duplicate(existing: store.InboxRow, p: MessagePayload, digest: string): { receipt: string; duplicate: boolean; id: string } {
    const same = existing.digest === digest || (existing.conversation === p.conversation && existing.seq === p.seq && existing.type === p.type);
    if (existing.sender !== p.from || !same) {
      this.refuse(409, 'id_reused', `a different message with id ${p.id} was already received`);
    }
    return { receipt: existing.receipt, duplicate: true, id: p.id };
  }

  private refuse(status: number, reason: string, message: string): never {
    this.metrics.refused(reason);
    // Logged without content: the reason and nothing the sender wrote.
    this.deps.logger.warn({ reason, status }, 'federation message refused');
    throw new InboxRefusal(status, reason, message);
  }

  /** One processing pass over the stored messages that are next in their conversation. */
  processDue(): Promise<number> {
    return this.runProcessing();
  }

  private runProcessing(): Promise<number> {
    if (this.processingPass) {
      this.processingAgain = true;
      return this.processingPass;
    }
    this.processingPass = (async () => {
      let total = 0;
      try {
        for (this.processingAgain = true; this.processingAgain; ) {
          this.processingAgain = false;
          const due = await store.dueInbox(this.deps.db, this.deps.clock.now(), 256);
          if (due.length === 0) break;
          for (let i = 0; i < due.length; i += 32) total += await this.processBatch(due.slice(i, i + 32));
          // More may be due behind these: look again until a look finds nothing.
          this.processingAgain = true;
        }
      } catch (e) {
        this.deps.logger.error({ err: e }, 'federation processing pass failed');
      } finally {
        this.processingPass = null;
      }
      return total;
    })();
    return this.processingPass;
  }

  /** The next message of the same conversation if it is here and due (so that a pass follows a conversation). */
  private async nextInConversation(ex: Executor, m: store.InboxRow, now: Date): Promise<store.InboxRow | undefined> {
    const next = await store.inboxAt(ex, m.sender, m.conversation, m.seq + 1);
    return next && next.state === 'received' && next.nextAttemptAt.getTime() <= now.getTime() ? next : undefined;
  }

  /**
   * Handles `starts` (each next in its conversation) and the messages that follow them in their conversations, up
   * to 256, in ONE transaction (group commit). If any handler fails, the transaction is rolled back and the same
   * messages are handled one at a time, so that the failure is retried or parked alone. Messages of a type without a
   * handler are parked.
   */
  private async processBatch(starts: store.InboxRow[]): Promise<number> {
    const now = this.deps.clock.now();
    const unhandled = starts.filter((m) => !this.handlers.has(m.type));
    const handled = starts.filter((m) => this.handlers.has(m.type));
    let total = 0;
    for (const m of unhandled) await this.processOne(m);
    if (handled.length === 0) return total;
    try {
      total += await inTransaction(this.deps.db, async (trx) => {
        let n = 0;
        for (const start of handled) {
          for (let m: store.InboxRow | undefined = start; m && n < 256; ) {
            const handler = this.handlers.get(m.type);
            if (!handler || !(await store.claimInboxProcessed(trx, m.id, now))) break;
            await handler(trx, toReceived(m));
            await this.deps.ledger.append(trx, {
              actor: 'system',
              action: 'federation.message.processed',
              object: { type: 'message', id: m.id },
              details: { from: m.sender, type: m.type },
            });
            n += 1;
            m = await this.nextInConversation(trx, m, now);
          }
        }
        return n;
      });
    } catch {
      for (const start of handled) {
        for (let m: store.InboxRow | undefined = start; m && (await this.processOne(m)); m = await this.nextInConversation(this.deps.db, m, this.deps.clock.now())) total += 1;
      }
    }
    return total;
  }

  /** Handles one message; true when it is now processed (by this call or another worker). */
  private async processOne(m: store.InboxRow): Promise<boolean> {
    const handler = this.handlers.get(m.type);
    const msg = toReceived(m);
    const now = this.deps.clock.now();
    if (!handler) {
      await this.parkFailed(m, `no handler for message type "${m.type}"`);
      return false;
    }
    try {
      await inTransaction(this.deps.db, async (trx) => {
        if (!(await store.claimInboxProcessed(trx, m.id, now))) return;
        await handler(trx, msg);
        await this.deps.ledger.append(trx, {
          actor: 'system',
          action: 'federation.message.processed',
          object: { type: 'message', id: m.id },
          details: { from: m.sender, type: m.type },
        });
      });
      return true;
    } catch (e) {
      const error = (e as Error).message;
      if (m.attempts + 1 >= this.settings.maxHandlerAttempts) {
        await this.parkFailed(m, error);
        return false;
      }
      const wait = backoffMs(m.attempts, { capMs: this.settings.retryMaxSeconds * 1000 });
      this.deps.logger.warn({ message: m.id, type: m.type, attempt: m.attempts + 1, error }, 'federation message handler failed; will retry');
      await store.markInboxRetry(this.deps.db, m.id, new Date(now.getTime() + wait), error.slice(0, 1000));
      return false;
    }
  }

  private async parkFailed(m: store.InboxRow, error: string): Promise<void> {
    const now = this.deps.clock.now();
    const done = await inTransaction(this.deps.db, async (trx) => {
      if (!(await store.markInboxFailed(trx, m.id, error.slice(0, 1000)))) return false;
      await this.deps.ledger.append(trx, {
        actor: 'system',
        action: 'federation.message.failed',
        object: { type: 'message', id: m.id },
        details: { from: m.sender, type: m.type, error: error.slice(0, 1000) },
      });
      await store.insertAlert(trx, {
        id: newId(),
        kind: 'handler_failed',
        peer: m.sender,
        summary: `message ${m.id} (${m.type}) from ${m.sender} could not be handled: ${error.slice(0, 200)}`,
        details: { message: m.id, type: m.type, conversation: m.conversation, seq: m.seq, error },
        createdAt: now,
      });
      return true;
    });
    if (done) this.deps.logger.error({ alert: 'handler_failed', message: m.id, type: m.type, error }, 'ALERT: federation message could not be handled');
  }

  // -------------------------------------------------------------------------------------------- lifecycle

  /** Starts the delivery and processing loops (polling every `pollMs`, and at once when woken). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    const tick = (): void => {
      void this.runDelivery();
      void this.runProcessing();
    };
    this.timers.push(setInterval(tick, this.settings.pollMs));
    for (const t of this.timers) t.unref();
    tick();
  }

  /** Stops the loops and waits for the passes in progress. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.allSettled([this.deliveryPass, this.processingPass, ...this.deliveries]);
  }
}

function toReceived(m: store.InboxRow): ReceivedMessage {
  const p = JSON.parse(m.payload) as MessagePayload;
  return {
    id: m.id,
    type: m.type,
    from: m.sender,
    to: p.to,
    conversation: m.conversation,
    seq: m.seq,
    iat: p.iat,
    body: p.body as Record<string, unknown>,
    receivedAt: m.receivedAt,
  };
}

function problemDetail(body: string): string {
  try {
    const p = JSON.parse(body) as { detail?: unknown; reason?: unknown };
    const parts = [typeof p.reason === 'string' ? p.reason : null, typeof p.detail === 'string' ? p.detail : null].filter(Boolean);
    return parts.length > 0 ? `: ${parts.join(': ').slice(0, 300)}` : '';
  } catch {
    return '';
  }
}
