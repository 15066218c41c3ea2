import { mkdirSync } from 'node:fs';
import type { Transaction } from 'kysely';
import { startNode, type RunningNode } from '../src/http/server.ts';
import { loadConfig } from '../src/platform/config/load.ts';
import type { DB } from '../src/platform/db/schema.ts';
import type { AppendInput } from '../src/platform/ledger/ledger.ts';
import { newId } from '../src/platform/ids.ts';
import { createLogger } from '../src/platform/logger.ts';

/**
 * One node of the federation benchmark, driven the same way whether it runs in the benchmark's process or in a
 * child process of its own (bench/federation-child.ts forwards the same calls over IPC). The node is a real one
 * (`startNode`: its own data folder and database, HTTP on 127.0.0.1, the real federation loops); the benchmark
 * only observes it:
 *
 * - every database transaction of the node is timed (waiting for a connection, body, commit) and classified by the
 *   federation ledger entry it appends — `sent` (enqueue), `received` (inbox), `receipted` (markDelivered),
 *   `processed` (processing), none (claims, retries, checkpoints);
 * - the commit of a transaction that appended `federation.message.receipted` / `.received` / `.processed` for a
 *   message is reported as that message's `rcpt` / `recv` / `proc` event, with the time the commit returned;
 * - the HTTP requests of the node's federation client are timed.
 *
 * Times are `performance.timeOrigin + performance.now()` (epoch milliseconds, sub-millisecond), comparable between
 * processes on one machine.
 */

export const BENCH_TYPE = 'bench.noop';

export const now = (): number => performance.timeOrigin + performance.now();

export type EventKind = 'enq' | 'recv' | 'rcpt' | 'proc' | 'err';
/** [kind, message id, time, scheduled time (enq only)] */
export type BenchEvent = [EventKind, string, number, number?];

export interface NodeSpec {
  name: string;
  state: string;
  dataDir: string;
  databaseUrl: string;
  directoryFile: string;
  authorityKey: string;
  concurrencyPerPeer: number;
  pollMs: number | null;
  dbPoolSize: number;
}

/** Per kind of transaction: count and summed milliseconds of waiting for the connection, body, commit. */
export interface TxStat {
  n: number;
  waitMs: number;
  bodyMs: number;
  commitMs: number;
}

export interface NodeStats {
  tx: Record<string, TxStat>;
  http: { n: number; ms: number; errors: number };
  appendMs: number;
  appends: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  enqueueErrors: number;
  lastEnqueueError: string | null;
  /** Transactions that committed federation entries of more than one message (the node's group commits). */
  sharedTx: number;
  /** Ledger appends made outside a transaction the benchmark saw begin (should stay 0). */
  unattributedAppends: number;
}

const ACTION_KIND: Record<string, string> = {
  'federation.message.sent': 'enqueue',
  'federation.message.received': 'inbox',
  'federation.message.receipted': 'markDelivered',
  'federation.message.processed': 'processing',
};
const EVENT_OF: Record<string, EventKind> = { inbox: 'recv', markDelivered: 'rcpt', processing: 'proc' };

interface TxCtx {
  kind: string | null;
  ids: string[];
  kinds: string[];
}

export class BenchNode {
  private node: RunningNode | null = null;
  private readonly spec: NodeSpec;
  private readonly emit: (events: BenchEvent[]) => void;
  private readonly txOf = new WeakMap<object, TxCtx>();
  private stats: NodeStats = BenchNode.emptyStats();
  private cpuMark = process.cpuUsage();
  private conversations: string[] = [];
  private nextConv = 0;
  private peer = '';

  constructor(spec: NodeSpec, emit: (events: BenchEvent[]) => void) {
    this.spec = spec;
    this.emit = emit;
  }

  private static emptyStats(): NodeStats {
    return { tx: {}, http: { n: 0, ms: 0, errors: 0 }, appendMs: 0, appends: 0, cpuUserMs: 0, cpuSystemMs: 0, enqueueErrors: 0, lastEnqueueError: null, sharedTx: 0, unattributedAppends: 0 };
  }

  private get running(): RunningNode {
    if (!this.node) throw new Error('node not started');
    return this.node;
  }

  /** Starts the node; resolves with its address and id. */
  async start(): Promise<{ address: string; nodeId: string }> {
    const s = this.spec;
    mkdirSync(s.dataDir, { recursive: true });
    const config = loadConfig({
      flags: {
        dataDir: s.dataDir,
        databaseUrl: s.databaseUrl,
        host: '127.0.0.1',
        port: 0,
        state: s.state,
        nodeName: `Benchmark node ${s.state}`,
        logLevel: 'silent',
        argon2MemoryKib: 8192,
        argon2Passes: 1,
        directorySource: s.directoryFile,
        directoryAuthorityKey: s.authorityKey,
        witnessIntervalSeconds: 0,
        checkpointIntervalSeconds: 3600,
        federationConcurrencyPerPeer: s.concurrencyPerPeer,
        dbPoolSize: s.dbPoolSize,
        nodeRoles: ['central_authority', 'contact_point_24_7'],
      },
      env: {},
    });
    this.node = await startNode(config, {
      logger: createLogger('silent'),
      ...(s.pollMs ? { federationPollMs: s.pollMs } : {}),
      beforeFederationStart: (rt) => {
        // The benchmark's message type: a handler that does nothing (the processing transaction still marks the
        // message processed and appends its ledger entry).
        rt.federation.on(BENCH_TYPE, async () => {});
      },
    });
    this.instrument(this.node);
    return { address: this.node.address, nodeId: this.node.federation.keys.nodeId };
  }

  /** Wraps the node's database transactions, ledger appends and HTTP client to time and observe them. */
  private instrument(node: RunningNode): void {
    const db = node.database.db as unknown as { transaction: () => { execute: (fn: (trx: Transaction<DB>) => Promise<unknown>, o?: unknown) => Promise<unknown> } };
    const origTransaction = db.transaction.bind(db);
    const self = this;
    db.transaction = () => {
      const builder = origTransaction();
      const proto = Object.getPrototypeOf(builder) as { execute: (this: unknown, fn: unknown, o?: unknown) => Promise<unknown> };
      builder.execute = (fn, o) => {
        const ctx: TxCtx = { kind: null, ids: [], kinds: [] };
        const t0 = now();
        let t1 = 0;
        let t2 = 0;
        return (async () => {
          try {
            return await proto.execute.call(
              builder,
              async (trx: Transaction<DB>) => {
                self.txOf.set(trx, ctx);
                t1 = now();
                const r = await fn(trx);
                t2 = now();
                return r;
              },
              o,
            );
          } finally {
            const t3 = now();
            const kind = ctx.kind ?? 'other';
            if (ctx.ids.length > 1) self.stats.sharedTx += 1;
            const st = (self.stats.tx[kind] ??= { n: 0, waitMs: 0, bodyMs: 0, commitMs: 0 });
            st.n += 1;
            if (t1 > 0) {
              st.waitMs += t1 - t0;
              if (t2 > 0) {
                st.bodyMs += t2 - t1;
                st.commitMs += t3 - t2;
                const ev = EVENT_OF[kind];
                if (ev) self.emit(ctx.ids.map((id) => [ev, id, t3]));
              }
            }
          }
        })();
      };
      return builder;
    };

    const ledger = node.ledger as unknown as { append: (trx: unknown, input: AppendInput | readonly AppendInput[]) => Promise<number[]> };
    const origAppend = ledger.append.bind(ledger);
    ledger.append = async (trx, input) => {
      // The transaction is found by its handle (not by async context, which does not follow every path).
      const ctx = this.txOf.get(trx as object);
      if (!ctx) this.stats.unattributedAppends += 1;
      if (ctx) {
        for (const e of Array.isArray(input) ? (input as readonly AppendInput[]) : [input as AppendInput]) {
          const kind = ACTION_KIND[e.action];
          if (kind) {
            ctx.kind = kind;
            ctx.kinds.push(kind);
            ctx.ids.push(e.object.id);
          }
        }
      }
      const t = now();
      try {
        return await origAppend(trx, input);
      } finally {
        this.stats.appendMs += now() - t;
        this.stats.appends += 1;
      }
    };

    const transport = node.federation.transport as unknown as { request: (...a: unknown[]) => Promise<unknown> };
    const origRequest = transport.request.bind(transport);
    transport.request = async (...a: unknown[]) => {
      const t = now();
      try {
        return await origRequest(...a);
      } catch (e) {
        this.stats.http.errors += 1;
        throw e;
      } finally {
        this.stats.http.n += 1;
        this.stats.http.ms += now() - t;
      }
    };
  }

  /** The node's federation service (bench/federation-wake-repro.ts). */
  federationForRepro(): { deliverDue(): Promise<number> } {
    return this.running.federation.federation;
  }

  /** The signed node card, for the directory authority. */
  async card(): Promise<string> {
    return this.running.federation.signedCard();
  }

  async refresh(): Promise<string> {
    const r = await this.running.federation.refreshDirectory();
    if (r.outcome === 'refused') throw new Error(`${this.spec.name} refused the directory: ${r.reason}`);
    return r.outcome;
  }

  /** Chooses the receiving node and `n` conversations (messages go round-robin over them). */
  setup(peer: string, conversations: number): void {
    this.peer = peer;
    this.conversations = Array.from({ length: conversations }, () => newId());
    this.nextConv = 0;
  }

  /** Enqueues one message in its own transaction, like a domain change that sends would. */
  private async enqueue(scheduled: number): Promise<void> {
    const fed = this.running.federation.federation;
    const conversation = this.conversations[this.nextConv++ % this.conversations.length] as string;
    try {
      const sent = await fed.sendInTransaction((trx) => fed.send(trx, { to: this.peer, type: BENCH_TYPE, conversation, body: { n: this.nextConv, pad: 'x'.repeat(64) } }));
      this.emit([['enq', sent.id, now(), scheduled]]);
    } catch (e) {
      this.stats.enqueueErrors += 1;
      this.stats.lastEnqueueError = (e as Error).message;
      this.emit([['err', '', now()]]);
    }
  }

  /**
   * Open loop: message i is due at start + i/rate; a 1 ms timer enqueues every due message without waiting for
   * the previous ones (each in its own transaction). Resolves when all `rate × seconds` were enqueued.
   */
  async openLoop(rate: number, durationMs: number): Promise<{ offered: number; seconds: number }> {
    const total = Math.round((rate * durationMs) / 1000);
    const start = now();
    let i = 0;
    const pending = new Set<Promise<void>>();
    await new Promise<void>((resolve) => {
      const tick = (): void => {
        const t = now();
        while (i < total && start + (i * 1000) / rate <= t) {
          const p = this.enqueue(start + (i * 1000) / rate);
          pending.add(p);
          void p.finally(() => pending.delete(p));
          i += 1;
        }
        if (i >= total) {
          clearInterval(timer);
          resolve();
        }
      };
      const timer = setInterval(tick, 1);
      tick();
    });
    await Promise.all(pending);
    return { offered: total, seconds: (now() - start) / 1000 };
  }

  /** Closed loop: enqueue `n` messages now (each in its own transaction, concurrently). */
  async enqueueNow(n: number): Promise<void> {
    const t = now();
    await Promise.all(Array.from({ length: n }, () => this.enqueue(t)));
  }

  /** Counters since the last call (and resets them). */
  takeStats(): NodeStats {
    const s = this.stats;
    const cpu = process.cpuUsage(this.cpuMark);
    this.cpuMark = process.cpuUsage();
    s.cpuUserMs = cpu.user / 1000;
    s.cpuSystemMs = cpu.system / 1000;
    this.stats = BenchNode.emptyStats();
    return s;
  }

  /** Rows left in the outbox/inbox that are not done (to check a phase drained). */
  async backlog(): Promise<{ outboxPending: number; inboxReceived: number }> {
    const db = this.running.database.db;
    const o = await db.selectFrom('federation_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'pending').executeTakeFirst();
    const i = await db.selectFrom('federation_inbox').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'received').executeTakeFirst();
    return { outboxPending: Number(o?.n ?? 0), inboxReceived: Number(i?.n ?? 0) };
  }

  async close(): Promise<void> {
    await this.node?.close();
    this.node = null;
  }
}

/** The operations a coordinator calls on a node, in-process or over IPC. */
export type NodeMethod = 'start' | 'card' | 'refresh' | 'setup' | 'openLoop' | 'enqueueNow' | 'takeStats' | 'backlog' | 'close';
