import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeDialects } from '../kit/dialects.ts';
import { inTransaction } from '../../src/platform/db/executor.ts';
import { verifyLedger } from '../../src/platform/ledger/verify.ts';
import * as store from '../../src/platform/federation/store.ts';
import { startFederation, type Federation3 } from './kit.ts';

async function outboxStates(f: Federation3, name: string): Promise<Record<string, number>> {
  const rows = await f.byName(name).node.database.db.selectFrom('federation_outbox').select(['state']).execute();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.state] = (out[r.state] ?? 0) + 1;
  return out;
}

async function actions(f: Federation3, name: string, prefix: string): Promise<string[]> {
  const rows = await f.byName(name).node.database.db.selectFrom('ledger_entries').select(['action']).where('action', 'like', `${prefix}%`).orderBy('idx').execute();
  return rows.map((r) => r.action);
}

for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`federation delivery over real HTTP [${dialect}]`, () => {
    let f: Federation3;
    /** What the test handlers saw, per node and type: the `n` of each message body, in handling order. */
    const seen = new Map<string, number[]>();
    const record = (node: string, type: string, n: unknown): void => {
      const k = `${node}:${type}`;
      seen.set(k, [...(seen.get(k) ?? []), Number(n)]);
    };
    const got = (node: string, type: string): number[] => seen.get(`${node}:${type}`) ?? [];
    beforeAll(async () => {
      f = await startFederation({
        dialect,
        handlers: {
          'test.seq': (node, msg) => record(node, 'test.seq', msg.body.n),
          'test.down': (node, msg) => record(node, 'test.down', msg.body.n),
        },
      });
    }, 120_000);
    afterAll(async () => {
      await f?.close();
    });

    it('every node accepted the same directory version listing all three nodes', () => {
      const versions = f.nodes.map((n) => n.node.federation.directory.get()?.doc.version);
      expect(versions).toEqual([1, 1, 1]);
      expect(f.nodes[0]?.node.federation.directory.get()?.doc.nodes.map((n) => n.state).sort()).toEqual(['XA', 'XB', 'XC']);
    });

    it('a ping is delivered, receipted, answered by a pong, and the round trip is recorded', async () => {
      const xa = f.byName('XA');
      const xb = f.byName('XB');
      const id = await xa.node.federation.pinger.ping(xb.id, 'operator:test');
      await f.until(async () => (await xa.node.federation.pinger.get(id)).pongAt !== null);
      const ping = await xa.node.federation.pinger.get(id);
      expect(ping.deliveredAt).not.toBeNull();
      expect(ping.roundTripMs).toBeGreaterThanOrEqual(0);
      // The ping on XA: sent and receipted; on XB: received and processed; the pong the other way.
      const sent = await store.getOutbox(xa.node.database.db, id);
      expect(sent?.state).toBe('delivered');
      expect(sent?.receipt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      const got = await store.getInbox(xb.node.database.db, id);
      expect(got?.state).toBe('processed');
      expect(got?.digest).toBe(sent?.digest);
      expect(await actions(f, 'XA', 'federation.message')).toEqual(
        expect.arrayContaining(['federation.message.sent', 'federation.message.receipted', 'federation.message.received', 'federation.message.processed']),
      );
      // XB marks the pong delivered when XA's receipt comes back, which may be just after XA handled it.
      await f.until(async () => (await actions(f, 'XB', 'federation.message.receipted')).length > 0);
      expect(await actions(f, 'XB', 'federation.message')).toEqual(
        expect.arrayContaining(['federation.message.received', 'federation.message.processed', 'federation.message.sent', 'federation.message.receipted']),
      );
    });

    it('messages in one conversation arrive and are handled in order, exactly once each', async () => {
      const xa = f.byName('XA');
      const xc = f.byName('XC');
      const conversation = await inTransaction(xa.node.database.db, async (trx) => {
        const first = await xa.node.federation.federation.send(trx, { to: xc.id, type: 'test.seq', body: { n: 1 } });
        for (let n = 2; n <= 20; n++) await xa.node.federation.federation.send(trx, { to: xc.id, type: 'test.seq', conversation: first.conversation, body: { n } });
        return first.conversation;
      });
      xa.node.federation.federation.wake();
      const inbox = () => xc.node.database.db.selectFrom('federation_inbox').select(['seq', 'state']).where('conversation', '=', conversation).orderBy('seq').execute();
      // The handler runs inside the transaction that marks its message processed: the last one is seen by the
      // handler a moment before that transaction commits, so wait for the marks too.
      await f.until(async () => got('XC', 'test.seq').length >= 20 && (await inbox()).every((r) => r.state === 'processed'));
      expect(got('XC', 'test.seq')).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const rows = await inbox();
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['processed']));
    });

    it('posting the same envelope again returns the same receipt and has no second effect', async () => {
      const xa = f.byName('XA');
      const xb = f.byName('XB');
      const id = await xa.node.federation.pinger.ping(xb.id, 'operator:test');
      await f.until(async () => (await xa.node.federation.pinger.get(id)).pongAt !== null);
      const sent = await store.getOutbox(xa.node.database.db, id);
      const before = await xb.node.database.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const pongsBefore = await xb.node.database.db.selectFrom('federation_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', 'pong').executeTakeFirstOrThrow();
      const res = await fetch(`${xb.node.address}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: sent?.jwe });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(sent?.receipt);
      await xb.node.federation.federation.processDue();
      const after = await xb.node.database.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const pongsAfter = await xb.node.database.db.selectFrom('federation_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', 'pong').executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      expect(Number(pongsAfter.n)).toBe(Number(pongsBefore.n));
    });

    it('a receiver that is down gets everything, in order, once it is back', async () => {
      const xa = f.byName('XA');
      const xbId = f.byName('XB').id;
      await f.stop('XB');
      const conversation = await inTransaction(xa.node.database.db, async (trx) => {
        const first = await xa.node.federation.federation.send(trx, { to: xbId, type: 'test.down', body: { n: 1 } });
        for (let n = 2; n <= 10; n++) await xa.node.federation.federation.send(trx, { to: xbId, type: 'test.down', conversation: first.conversation, body: { n } });
        return first.conversation;
      });
      xa.node.federation.federation.wake();
      // Attempts fail while XB is down: the messages stay pending, with an error and a later attempt.
      await f.until(async () => {
        const r = await xa.node.database.db.selectFrom('federation_outbox').select(['attempts']).where('conversation', '=', conversation).where('seq', '=', 1).executeTakeFirst();
        return Number(r?.attempts ?? 0) >= 2;
      });
      expect((await outboxStates(f, 'XA')).pending).toBeGreaterThanOrEqual(10);
      await f.restart('XB');
      await f.until(async () => got('XB', 'test.down').length >= 10, 30_000);
      expect(got('XB', 'test.down')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      await f.until(async () => ((await outboxStates(f, 'XA')).pending ?? 0) === 0);
    });

    it('every ledger still verifies after the exchanges', async () => {
      for (const n of f.nodes) {
        await n.node.ledger.issueCheckpoint();
        const r = await verifyLedger(n.node.database.db, n.node.ledger.vkey);
        expect(r.ok, `${n.name}: ${JSON.stringify(r)}`).toBe(true);
      }
    });
  });
}

for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`dead letters and their retry [${dialect}]`, () => {
    let f: Federation3;
    const seen: number[] = [];
    beforeAll(async () => {
      f = await startFederation({ dialect, states: ['XA', 'XB'], handlers: { 'test.late': (_node, msg) => void seen.push(Number(msg.body.n)) } });
    }, 120_000);
    afterAll(async () => {
      await f?.close();
    });

    it('a message not delivered within its lifetime is dead-lettered with an alert; a retry seals it again and delivers it', async () => {
      const xa = f.byName('XA');
      const xbId = f.byName('XB').id;
      await f.stop('XB');
      const sent = await inTransaction(xa.node.database.db, (trx) => xa.node.federation.federation.send(trx, { to: xbId, type: 'test.late', body: { n: 1 } }));
      await f.until(async () => ((await store.getOutbox(xa.node.database.db, sent.id))?.attempts ?? 0) >= 1);
      // Past the message's lifetime (72 h by default) on XA's clock.
      xa.clock.offsetMs = 73 * 3600_000;
      await f.until(async () => (await store.getOutbox(xa.node.database.db, sent.id))?.state === 'dead');
      const alerts = await xa.node.database.db.selectFrom('federation_alerts').selectAll().where('kind', '=', 'dead_letter').execute();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.peer).toBe(xbId);
      expect(await actions(f, 'XA', 'federation.message.dead_lettered')).toHaveLength(1);
      const metrics = await (await fetch(`${xa.node.address}/metrics`)).text();
      expect(metrics).toMatch(/^comity_federation_dead_letters_total 1$/m);
      expect(metrics).toMatch(/^comity_federation_outbox_messages\{state="dead"\} 1$/m);

      // Back to the present; XB returns; the operator retries.
      xa.clock.offsetMs = 0;
      await f.restart('XB');
      const old = await store.getOutbox(xa.node.database.db, sent.id);
      const r = await xa.node.federation.federation.retryDeadLetters('operator:test');
      expect(r.requeued).toEqual([sent.id]);
      await f.until(async () => (await store.getOutbox(xa.node.database.db, sent.id))?.state === 'delivered');
      const now = await store.getOutbox(xa.node.database.db, sent.id);
      expect(now?.digest).not.toBe(old?.digest);
      expect(now?.priorDigests).toEqual([old?.digest]);
      await f.until(async () => seen.length === 1);
      expect(seen).toEqual([1]);
      expect(await actions(f, 'XA', 'federation.message.requeued')).toHaveLength(1);
    });
  });
}
