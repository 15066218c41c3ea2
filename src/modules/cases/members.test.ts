import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import { casesHarness, failure, pointers, type CasesHarness } from '../../../test/cases/helpers.ts';
import type { Actor } from '../../platform/actor.ts';

describeEachDialect('cases service: members', (get) => {
  let h: CasesHarness;
  let lead: Actor;
  const open = async () => (await h.cases.createCase(lead, { title: 'Members', offences: ['illegal_access'] })).record.id;

  beforeAll(async () => {
    h = casesHarness(get());
    lead = await h.user(['central_authority']);
  });

  it('adds members who then see the case according to their case role', async () => {
    const id = await open();
    const member = await h.user(['investigator']);
    const observer = await h.user(['secretariat']);
    h.clock.advance(5000);
    const added = await h.cases.members.add(lead, id, { userId: member.userId, caseRole: 'member' });
    expect(added.created).toBe(true);
    expect(added.member).toMatchObject({ userId: member.userId, username: member.username, caseRole: 'member', addedBy: lead.userId, disabled: false });
    expect(added.member.addedAt).toEqual(h.clock.now());
    await h.cases.members.add(lead, id, { userId: observer.userId, caseRole: 'observer' });
    expect((await h.cases.members.list(member, id)).map((m) => [m.userId, m.caseRole])).toEqual([
      [lead.userId, 'lead'],
      [member.userId, 'member'],
      [observer.userId, 'observer'],
    ]);
    expect((await h.cases.getCase(observer, id)).view).toBe('full');
    expect((await h.cases.getCase(observer, id)).record.memberCount).toBe(3);
    expect((await failure(h.cases.updateCase(observer, id, { version: 1, title: 'x' }))).code).toBe('forbidden');
    expect((await h.cases.updateCase(member, id, { version: 1, title: 'by member' })).record.version).toBe(2);
    expect((await failure(h.cases.members.add(member, id, { userId: observer.userId, caseRole: 'lead' }))).code).toBe('forbidden');
    expect((await failure(h.cases.closeCase(member, id, { version: 2, reason: 'x' }))).code).toBe('forbidden');
    const stranger = await h.user(['investigator']);
    expect((await failure(h.cases.members.list(stranger, id))).code).toBe('not_found');
    expect((await failure(h.cases.members.add(stranger, id, { userId: stranger.userId, caseRole: 'lead' }))).code).toBe('not_found');
  });

  it('changes a member\'s case role with the same call', async () => {
    const id = await open();
    const u = await h.user(['prosecutor']);
    await h.cases.members.add(lead, id, { userId: u.userId, caseRole: 'observer' });
    const again = await h.cases.members.add(lead, id, { userId: u.userId, caseRole: 'observer' });
    expect(again.created).toBe(false);
    const promoted = await h.cases.members.add(lead, id, { userId: u.userId, caseRole: 'lead' });
    expect([promoted.created, promoted.member.caseRole]).toEqual([false, 'lead']);
    // Now there are two leads: the first may step down.
    expect((await h.cases.members.add(u, id, { userId: lead.userId, caseRole: 'member' })).member.caseRole).toBe('member');
    const last = await failure(h.cases.members.add(u, id, { userId: u.userId, caseRole: 'member' }));
    expect(last.code).toBe('conflict');
  });

  it('only adds enabled users, and oversight-only users only as observers', async () => {
    const id = await open();
    const disabled = await h.user(['investigator']);
    await h.disable(disabled);
    expect(pointers(await failure(h.cases.members.add(lead, id, { userId: disabled.userId, caseRole: 'member' })))).toEqual(['/userId']);
    expect(pointers(await failure(h.cases.members.add(lead, id, { userId: '0190a000-0000-7000-8000-000000000001', caseRole: 'member' })))).toEqual(['/userId']);
    expect(pointers(await failure(h.cases.members.add(lead, id, { userId: 'nope', caseRole: 'boss' })))).toEqual(['/userId', '/caseRole']);
    const oversight = await h.user(['oversight']);
    expect(pointers(await failure(h.cases.members.add(lead, id, { userId: oversight.userId, caseRole: 'member' })))).toEqual(['/caseRole']);
    expect((await h.cases.members.add(lead, id, { userId: oversight.userId, caseRole: 'observer' })).created).toBe(true);
    const roleless = await h.user([]);
    expect(pointers(await failure(h.cases.members.add(lead, id, { userId: roleless.userId, caseRole: 'observer' })))).toEqual(['/caseRole']);
  });

  it('removes members, never the last lead', async () => {
    const id = await open();
    const u = await h.user(['investigator']);
    await h.cases.members.add(lead, id, { userId: u.userId, caseRole: 'member' });
    await h.cases.members.remove(lead, id, u.userId);
    expect((await failure(h.cases.getCase(u, id))).code).toBe('not_found');
    expect((await failure(h.cases.members.remove(lead, id, u.userId))).code).toBe('not_found');
    const e = await failure(h.cases.members.remove(lead, id, lead.userId));
    expect(e.code).toBe('conflict');
    expect((await h.cases.members.list(lead, id)).map((m) => m.caseRole)).toEqual(['lead']);
  });

  it('keeps a lead when two leads remove each other at the same time', async () => {
    for (let round = 0; round < 10; round += 1) {
      const id = await open();
      const other = await h.user(['prosecutor']);
      await h.cases.members.add(lead, id, { userId: other.userId, caseRole: 'lead' });
      const results = await Promise.allSettled([h.cases.members.remove(lead, id, other.userId), h.cases.members.remove(other, id, lead.userId)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const leads = await h.ctx.db.selectFrom('case_members').select('user_id').where('case_id', '=', id).where('case_role', '=', 'lead').execute();
      expect(leads).toHaveLength(1);
    }
  });
});
