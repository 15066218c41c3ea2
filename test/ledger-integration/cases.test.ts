import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CasesService } from '../../src/modules/cases/service.ts';
import type { Actor } from '../../src/platform/actor.ts';
import { describeEachDialect } from '../kit/dialects.ts';
import { buildTestNode, createUser, type TestNode } from '../kit/node.ts';
import { appended, appendedBy, entriesFrom } from './kit.ts';

describeEachDialect('ledger: every change to a case is recorded against the case', (get) => {
  let node: TestNode;
  let cases: CasesService;
  let lead: Actor;
  let colleague: Actor;
  let caseId: string;
  let first: number;

  const ref = (a: Actor): string => `user:${a.userId}`;
  async function person(roles: Actor['roles']): Promise<Actor> {
    const u = await createUser(node, [...roles]);
    return { userId: u.id, username: u.username, roles: u.roles, via: 'session' };
  }
  async function version(): Promise<number> {
    return (await cases.getCase(lead, caseId)).record.version;
  }

  beforeAll(async () => {
    node = await buildTestNode(get());
    cases = node.services.cases;
    lead = await person(['investigator']);
    colleague = await person(['prosecutor']);
  });
  afterAll(() => node.close());

  it('case.create: reference, title, summary, offences and the lead', async () => {
    first = await node.ledger.size();
    const { result, entries } = await appendedBy(node, () =>
      cases.createCase(lead, { title: 'Ransomware at the hospital', summary: 'Encrypted on 12 March.', offences: ['system_interference', 'illegal_access'] }),
    );
    caseId = result.record.id;
    expect(entries).toHaveLength(1);
    expect(entries[0]?.entry).toMatchObject({ action: 'case.create', object: { type: 'case', id: caseId }, actor: ref(lead), node: node.ledger.origin });
    expect(entries[0]?.details).toEqual({
      reference: result.record.reference,
      title: 'Ransomware at the hospital',
      summary: 'Encrypted on 12 March.',
      offences: ['illegal_access', 'system_interference'],
      lead: lead.userId,
    });
  });

  it('case.update: the new version and the changed fields, old → new; no change, no entry', async () => {
    const v = await version();
    const { entries } = await appendedBy(node, () => cases.updateCase(lead, caseId, { version: v, title: 'Ransomware at XA hospital', summary: 'Encrypted on 12 March.', offences: ['illegal_access', 'system_interference', 'data_interference'] }));
    expect(entries.map((x) => [x.entry.action, x.entry.object.id, x.entry.actor])).toEqual([['case.update', caseId, ref(lead)]]);
    expect(entries[0]?.details).toEqual({
      version: v + 1,
      changes: {
        title: { from: 'Ransomware at the hospital', to: 'Ransomware at XA hospital' },
        offences: { from: ['illegal_access', 'system_interference'], to: ['illegal_access', 'data_interference', 'system_interference'] },
      },
    });
    expect(await appended(node, async () => cases.updateCase(lead, caseId, { version: v + 1, title: 'Ransomware at XA hospital' }))).toEqual([]);
    // A stale version is refused and records nothing.
    expect(await appended(node, () => cases.updateCase(lead, caseId, { version: v, title: 'Stale' }).catch(() => undefined))).toEqual([]);
  });

  it('case.member_add, case.member_role and case.member_remove, with the member in the details', async () => {
    const add = await appendedBy(node, () => cases.members.add(lead, caseId, { userId: colleague.userId, caseRole: 'member' }));
    expect(add.entries.map((x) => [x.entry.action, x.entry.object.type, x.entry.object.id, x.entry.actor, x.details])).toEqual([
      ['case.member_add', 'case', caseId, ref(lead), { userId: colleague.userId, caseRole: 'member' }],
    ]);
    expect(await appended(node, () => cases.members.add(lead, caseId, { userId: colleague.userId, caseRole: 'member' }))).toEqual([]);
    const role = await appendedBy(node, () => cases.members.add(lead, caseId, { userId: colleague.userId, caseRole: 'lead' }));
    expect(role.entries.map((x) => [x.entry.action, x.entry.object.id, x.details])).toEqual([['case.member_role', caseId, { userId: colleague.userId, from: 'member', to: 'lead' }]]);
    const removed = await appendedBy(node, () => cases.members.remove(colleague, caseId, colleague.userId));
    expect(removed.entries.map((x) => [x.entry.action, x.entry.object.id, x.entry.actor, x.details])).toEqual([
      ['case.member_remove', caseId, ref(colleague), { userId: colleague.userId, caseRole: 'lead' }],
    ]);
    // The last lead cannot leave: refused, nothing recorded.
    expect(await appended(node, () => cases.members.remove(lead, caseId, lead.userId).catch(() => undefined))).toEqual([]);
  });

  it('case.subject_add, case.subject_update (changed fields) and case.subject_remove', async () => {
    const add = await appendedBy(node, () =>
      cases.subjects.add(lead, caseId, { kind: 'natural', name: 'J. Doe', identifiers: [{ type: 'email', value: 'jd@example.test' }], nationality: 'XB', role: 'suspect', participation: 'perpetrator' }),
    );
    const subjectId = add.result.id;
    expect(add.entries.map((x) => [x.entry.action, x.entry.object.type, x.entry.object.id, x.entry.actor])).toEqual([['case.subject_add', 'case', caseId, ref(lead)]]);
    expect(add.entries[0]?.details).toEqual({
      subjectId,
      subject: { kind: 'natural', name: 'J. Doe', identifiers: [{ type: 'email', value: 'jd@example.test' }], nationality: 'XB', dateOfBirth: null, role: 'suspect', participation: 'perpetrator', notes: '' },
    });
    const upd = await appendedBy(node, () => cases.subjects.update(lead, caseId, subjectId, { role: 'witness', participation: null, notes: 'Now cooperating' }));
    expect(upd.entries.map((x) => [x.entry.action, x.entry.object.id, x.details])).toEqual([
      [
        'case.subject_update',
        caseId,
        { subjectId, changes: { role: { from: 'suspect', to: 'witness' }, participation: { from: 'perpetrator', to: null }, notes: { from: '', to: 'Now cooperating' } } },
      ],
    ]);
    expect(await appended(node, () => cases.subjects.update(lead, caseId, subjectId, { notes: 'Now cooperating' }))).toEqual([]);
    // Refused by the rules of a subject: nothing recorded.
    expect(await appended(node, () => cases.subjects.update(lead, caseId, subjectId, { participation: 'accomplice' }).catch(() => undefined))).toEqual([]);
    const rm = await appendedBy(node, () => cases.subjects.remove(lead, caseId, subjectId));
    expect(rm.entries.map((x) => [x.entry.action, x.entry.object.id, x.details])).toEqual([
      [
        'case.subject_remove',
        caseId,
        { subjectId, subject: { kind: 'natural', name: 'J. Doe', identifiers: [{ type: 'email', value: 'jd@example.test' }], nationality: 'XB', dateOfBirth: null, role: 'witness', participation: null, notes: 'Now cooperating' } },
      ],
    ]);
    expect(await appended(node, () => cases.subjects.remove(lead, caseId, subjectId).catch(() => undefined))).toEqual([]);
  });

  it('case.close with the reason; a closed case refuses changes and records nothing more', async () => {
    const v = await version();
    const { entries } = await appendedBy(node, () => cases.closeCase(lead, caseId, { version: v, reason: 'Suspect convicted' }));
    expect(entries.map((x) => [x.entry.action, x.entry.object.id, x.entry.actor, x.details])).toEqual([['case.close', caseId, ref(lead), { version: v + 1, reason: 'Suspect convicted' }]]);
    expect(await appended(node, () => cases.updateCase(lead, caseId, { version: v + 1, title: 'Reopened?' }).catch(() => undefined))).toEqual([]);
  });

  it('the case\'s trail is listed by its object, in order', async () => {
    const rows = await get().db.selectFrom('ledger_entries').select(['idx', 'action']).where('object_type', '=', 'case').where('object_id', '=', caseId).orderBy('idx').execute();
    expect(rows.map((r) => r.action)).toEqual([
      'case.create',
      'case.update',
      'case.member_add',
      'case.member_role',
      'case.member_remove',
      'case.subject_add',
      'case.subject_update',
      'case.subject_remove',
      'case.close',
    ]);
    // Everything since the case was opened concerns it (reads recorded nothing).
    const since = await entriesFrom(node, first);
    expect(since.every((x) => x.entry.object.type === 'case' && x.entry.object.id === caseId)).toBe(true);
  });

  it('reads record nothing', async () => {
    expect(
      await appended(node, async () => {
        await cases.getCase(lead, caseId);
        await cases.listCases(lead, {});
        await cases.members.list(lead, caseId);
      }),
    ).toEqual([]);
  });
});
