import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import { inTransaction } from '../../platform/db/executor.ts';
import { newId } from '../../platform/ids.ts';
import { initialFacts } from './lifecycle.ts';
import * as store from './store.ts';

const T0 = new Date('2026-03-14T02:25:00.000Z');

function draft(p: Partial<store.NewRequest> = {}): store.NewRequest {
  const id = newId();
  return {
    id,
    side: 'requesting',
    caseId: null,
    typeId: 'preservation',
    typeVersion: 1,
    state: 'draft',
    facts: initialFacts({ intrusive: false, confidentialityRequested: true }),
    reference: `XA-OUT-2026-${id.slice(-6)}`,
    theirReference: null,
    requestingState: 'XA',
    requestedState: 'XB',
    counterpartNode: null,
    conversation: null,
    remoteId: null,
    draftingLanguage: 'en',
    title: 'Preservation — XA-2026-0417',
    content: { summaryOfFacts: 'Ransomware', identifiers: ['198.51.100.7'] },
    linkedRequestId: null,
    linkedReference: null,
    createdBy: null,
    at: T0,
    ...p,
  };
}

const everything: store.SqlScope = {
  everything: true,
  userId: '0190a000-0000-7000-8000-000000000001',
  memberCases: false,
  outgoingSubmitted: false,
  outgoingIntrusiveSubmitted: false,
  intrusiveTypes: [],
  incoming: 'none',
  contactPointTypes: [],
};

describeEachDialect('requests store', (get) => {
  it('stores a request with its JSON columns and reads it back as written', async () => {
    const { db } = get();
    const n = draft();
    await store.insertRequest(db, n);
    const r = await store.findRequest(db, n.id);
    expect(r).toMatchObject({ id: n.id, side: 'requesting', state: 'draft', version: 1, content: n.content, facts: n.facts, reference: n.reference, createdAt: T0 });
    expect(r?.authorization).toBeNull();
  });

  it('moves a request only from the version it was read at', async () => {
    const { db } = get();
    const n = draft();
    await store.insertRequest(db, n);
    const at = new Date(T0.getTime() + 1000);
    expect(await store.updateRequest(db, n.id, 1, { state: 'in_review', submittedBy: '0190a000-0000-7000-8000-000000000002' }, at)).toBe(true);
    expect(await store.updateRequest(db, n.id, 1, { state: 'draft' }, at)).toBe(false);
    const r = await store.findRequest(db, n.id);
    expect(r).toMatchObject({ state: 'in_review', version: 2, updatedAt: at });
  });

  it('finds a request by its counterpart and conversation, and keeps one per conversation', async () => {
    const { db } = get();
    const conversation = newId();
    const n = draft({ side: 'requested', counterpartNode: 'node-xa', conversation, remoteId: conversation, state: 'received' });
    await store.insertRequest(db, n);
    expect((await store.findByConversation(db, 'node-xa', conversation))?.id).toBe(n.id);
    expect(await store.findByConversation(db, 'node-xc', conversation)).toBeUndefined();
    await expect(store.insertRequest(db, draft({ side: 'requested', counterpartNode: 'node-xa', conversation }))).rejects.toThrow();
  });

  it('numbers history entries and results per request, in a transaction', async () => {
    const { db } = get();
    const n = draft();
    await store.insertRequest(db, n);
    await inTransaction(db, async (trx) => {
      for (const event of ['submit', 'authorize', 'transmit'] as const) {
        await store.appendEvent(trx, n.id, { at: T0, event, from: 'draft', to: 'in_review', actor: 'user:x', origin: 'local', details: { k: event }, ledgerIndex: 7, messageId: null });
      }
    });
    const events = await store.listEvents(db, n.id);
    expect(events.map((e) => [e.seq, e.event, e.ledgerIndex])).toEqual([
      [1, 'submit', 7],
      [2, 'authorize', 7],
      [3, 'transmit', 7],
    ]);
    await store.insertResult(db, n.id, { id: newId(), at: T0, final: false, summary: 'first', items: [{ kind: 'log', description: 'x' }], useLimitation: 'only case 0417', confidentiality: '', conditions: ['c1'], preservedUntil: '2026-05-13', sentBy: 'node:xb' });
    await store.insertResult(db, n.id, { id: newId(), at: T0, final: true, summary: 'second', items: [], useLimitation: '', confidentiality: '', conditions: [], preservedUntil: null, sentBy: 'node:xb' });
    const results = await store.listResults(db, n.id);
    expect(results.map((r) => [r.seq, r.final, r.summary, r.preservedUntil])).toEqual([
      [1, false, 'first', '2026-05-13'],
      [2, true, 'second', null],
    ]);
    expect(results[0]?.conditions).toEqual(['c1']);
  });

  it('moves an onward transfer only from the status expected', async () => {
    const { db } = get();
    const n = draft();
    await store.insertRequest(db, n);
    const id = newId();
    await store.insertTransfer(db, n.id, { id, remoteId: null, thirdState: 'XC', recipient: 'XC prosecutor', purpose: 'joint case', status: 'requested', reasons: null, requestedAt: T0, requestedBy: 'user:a', decidedAt: null, decidedBy: null, transferredAt: null, transferredBy: null });
    expect(await store.updateTransfer(db, id, 'authorized', { status: 'transferred' })).toBe(false);
    expect(await store.updateTransfer(db, id, 'requested', { status: 'authorized', decidedAt: T0, decidedBy: 'node:xb' })).toBe(true);
    expect((await store.listTransfers(db, n.id))[0]).toMatchObject({ status: 'authorized', decidedBy: 'node:xb' });
  });

  it('keeps the access log append-only in the database', async () => {
    const { db } = get();
    const n = draft();
    await store.insertRequest(db, n);
    const id = newId();
    await store.logAccess(db, { id, requestId: n.id, caseId: null, userId: '0190a000-0000-7000-8000-000000000003', username: 'petra', action: 'read', at: T0 });
    expect((await store.listAccess(db, n.id, 10)).map((a) => a.username)).toEqual(['petra']);
    await expect(db.updateTable('request_access_log').set({ username: 'nobody' }).where('id', '=', id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('request_access_log').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
  });

  it('writes a notification once per user and dedupe key', async () => {
    const { db } = get();
    const n = draft();
    await store.insertRequest(db, n);
    const userId = newId();
    const base = { userId, kind: 'clock_overdue', requestId: n.id, dedupeKey: `${n.id}:clock:acknowledgment:overdue`, title: 't', body: 'b', dueAt: T0, createdAt: T0 };
    expect(await store.insertNotification(db, { id: newId(), ...base })).toBe(true);
    expect(await store.insertNotification(db, { id: newId(), ...base })).toBe(false);
    const list = await store.listNotifications(db, userId, true, 10);
    expect(list).toHaveLength(1);
    const first = list[0];
    if (!first) throw new Error('no notification');
    expect(await store.markNotificationRead(db, userId, first.id, T0)).toBe(true);
    expect(await store.markNotificationRead(db, userId, first.id, T0)).toBe(false);
    expect(await store.listNotifications(db, userId, true, 10)).toEqual([]);
  });

  it('lists newest first with keyset pages, filters, text search, and nothing for an empty scope', async () => {
    const { db } = get();
    const tag = newId().slice(-8);
    const made: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const n = draft({ at: new Date(T0.getTime() + i * 1000), title: `Hospital ${tag} ${i}`, state: i % 2 === 0 ? 'draft' : 'closed' });
      await store.insertRequest(db, n);
      made.push(n.id);
    }
    const page1 = await store.listRequests(db, everything, { q: tag, limit: 2 });
    expect(page1.map((r) => r.id)).toEqual([made[4], made[3]]);
    const last = page1[1];
    if (!last) throw new Error('short page');
    const page2 = await store.listRequests(db, everything, { q: tag, limit: 10, before: { at: last.createdAt, id: last.id } });
    expect(page2.map((r) => r.id)).toEqual([made[2], made[1], made[0]]);
    expect((await store.listRequests(db, everything, { q: tag, open: true, limit: 10 })).map((r) => r.id)).toEqual([made[4], made[2], made[0]]);
    expect(await store.listRequests(db, everything, { q: `${tag}%`, limit: 10 })).toEqual([]);
    expect(await store.listRequests(db, { ...everything, everything: false }, { q: tag, limit: 10 })).toEqual([]);
    const incoming = await store.listRequests(db, { ...everything, everything: false, incoming: 'all' }, { q: tag, limit: 10 });
    expect(incoming).toEqual([]);
  });
});
