import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Federation } from './federation.ts';
import * as store from './store.ts';

/**
 * Connectivity check over the real message path: a `ping` goes through the outbox, sealed and receipted like any
 * message; the other node's handler answers with a `pong` in the same conversation, which travels back the same
 * way. The round trip is measured on this node's clock, from the ping's creation to the pong's handling.
 */
export class Pinger {
  private readonly deps: { db: Kysely<DB>; clock: Clock; federation: Federation };

  constructor(deps: { db: Kysely<DB>; clock: Clock; federation: Federation }) {
    this.deps = deps;
    deps.federation.on('ping', async (trx, msg) => {
      await deps.federation.send(trx, { to: msg.from, type: 'pong', conversation: msg.conversation, body: { ping: msg.id } });
    });
    deps.federation.on('pong', async (trx, msg) => {
      const pingId = typeof msg.body.ping === 'string' ? msg.body.ping : null;
      if (!pingId) return;
      const ping = await store.getPing(trx, pingId);
      // A pong for a ping this node never sent, or from another node than the one pinged, changes nothing.
      if (!ping || ping.peer !== msg.from) return;
      const now = deps.clock.now();
      await store.recordPong(trx, pingId, now, Math.max(0, now.getTime() - ping.sentAt.getTime()));
    });
  }

  /** Queues a ping to `peer`; returns its id (poll `get`). */
  async ping(peer: string, actor: string): Promise<string> {
    return this.deps.federation.sendInTransaction(async (trx) => {
      const sent = await this.deps.federation.send(trx, { to: peer, type: 'ping', body: {}, actor });
      await store.insertPing(trx, sent.id, peer, this.deps.clock.now());
      return sent.id;
    });
  }

  async get(id: string): Promise<store.PingRow> {
    const p = await store.getPing(this.deps.db, id);
    if (!p) throw notFound(`ping ${id}`);
    return p;
  }
}
