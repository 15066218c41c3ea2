import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import { casesHarness, failure, type CasesHarness } from '../../../test/cases/helpers.ts';
import type { Actor } from '../../platform/actor.ts';
import type { CaseListEntry, ListInput } from './service.ts';

describeEachDialect('cases service: list', (get) => {
  let h: CasesHarness;
  let inv: Actor;
  let pros: Actor;
  let ids: Record<string, string>;

  beforeAll(async () => {
    h = casesHarness(get());
    inv = await h.user(['investigator']);
    pros = await h.user(['prosecutor']);
    ids = {};
    const make = async (actor: Actor, key: string, title: string, offences: string[], reference?: string) => {
      h.clock.advance(1000);
      ids[key] = (await h.cases.createCase(actor, { title, offences, reference })).record.id;
    };
    await make(inv, 'hospital', 'Ransomware at the Hospital', ['illegal_access', 'data_interference']);
    await make(inv, 'percent', 'Fraud 100% online', ['computer_fraud'], 'NAT/2026_17');
    await make(inv, 'grooming', 'Grooming on a chat service', ['grooming']);
    await make(pros, 'other', 'Someone else\'s hospital case', ['illegal_access']);
    const closing = (await h.cases.createCase(inv, { title: 'Old closed case', offences: ['copyright'] })).record;
    ids.closed = closing.id;
    await h.cases.closeCase(inv, closing.id, { version: 1, reason: 'done' });
  });

  const list = async (actor: Actor, q: ListInput = {}): Promise<CaseListEntry[]> => (await h.cases.listCases(actor, q)).items;
  const keys = (items: CaseListEntry[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.record.id) ?? i.record.id);

  it('lists only the cases the actor is a member of, newest first', async () => {
    expect(keys(await list(inv))).toEqual(['closed', 'grooming', 'percent', 'hospital']);
    expect(keys(await list(pros))).toEqual(['other']);
    for (const role of ['admin', 'secretariat', 'authorizer', 'investigator'] as const) expect(await list(await h.user([role]))).toEqual([]);
    expect(await list(await h.user([]))).toEqual([]);
  });

  it('filters by status, offence and text, in SQL', async () => {
    expect(keys(await list(inv, { status: 'closed' }))).toEqual(['closed']);
    expect(keys(await list(inv, { status: 'open', offence: 'illegal_access' }))).toEqual(['hospital']);
    expect(keys(await list(inv, { q: 'HOSPITAL' }))).toEqual(['hospital']);
    expect(keys(await list(inv, { q: '100%' }))).toEqual(['percent']);
    // % and _ match literally, not as wildcards.
    expect(keys(await list(inv, { q: '%' }))).toEqual(['percent']);
    expect(keys(await list(inv, { q: '2026_1' }))).toEqual(['percent']);
    expect(keys(await list(inv, { q: 'nat/' }))).toEqual(['percent']);
    expect(await list(inv, { q: 'x_y' })).toEqual([]);
    expect(keys(await list(inv, { q: '2026-000' }))).toEqual(['closed', 'grooming', 'hospital']);
    expect(await list(inv, { q: '2026_000' })).toEqual([]);
    expect(keys(await list(inv, { q: '   ' }))).toHaveLength(4);
  });

  it('shows oversight every case as metadata, and never matches its text search on titles', async () => {
    const oversight = await h.user(['oversight']);
    const items = await list(oversight);
    const mine = items.filter((i) => Object.values(ids).includes(i.record.id));
    expect(mine).toHaveLength(5);
    expect(mine.every((i) => i.view === 'metadata')).toBe(true);
    expect(await list(oversight, { q: 'hospital' })).toEqual([]);
    const byRef = await list(oversight, { q: 'nat/2026' });
    expect(keys(byRef)).toEqual(['percent']);
    // As a member, oversight sees that case in full.
    await h.cases.members.add(inv, ids.hospital ?? '', { userId: oversight.userId, caseRole: 'observer' });
    const now = await list(oversight, { q: 'hospital' });
    expect(keys(now)).toEqual(['hospital']);
    expect(now[0]?.view).toBe('full');
  });

  it('pages with an opaque keyset cursor, ties on created_at broken by id', async () => {
    const pager = await h.user(['duty_officer']);
    const created: string[] = [];
    // The clock does not move: every case has the same created_at.
    for (let i = 0; i < 7; i += 1) created.push((await h.cases.createCase(pager, { title: `page ${i}`, offences: ['csam'] })).record.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await h.cases.listCases(pager, { limit: 3, cursor });
      sizes.push(page.items.length);
      seen.push(...page.items.map((i) => i.record.id));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual([...created].reverse());
    expect((await h.cases.listCases(pager, { limit: 7 })).next).toBeNull();
  });

  it('refuses a bad cursor, limit, status or offence, naming the query parameter', async () => {
    for (const [q, name] of [
      [{ cursor: 'garbage!' }, '/cursor'],
      [{ cursor: Buffer.from('{"t":"2026-01-01T00:00:00.000Z","i":"x"}').toString('base64url') }, '/cursor'],
      [{ cursor: Buffer.from('[1]').toString('base64url') }, '/cursor'],
      [{ limit: 0 }, '/limit'],
      [{ limit: 201 }, '/limit'],
      [{ status: 'pending' }, '/status'],
      [{ offence: 'hacking' }, '/offence'],
    ] as Array<[ListInput, string]>) {
      const e = await failure(h.cases.listCases(inv, q));
      expect(e.code).toBe('validation_failed');
      expect(e.errors).toEqual([expect.objectContaining({ in: 'query', pointer: name })]);
    }
  });
});
