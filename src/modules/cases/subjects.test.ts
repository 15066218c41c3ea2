import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import { casesHarness, failure, pointers, type CasesHarness } from '../../../test/cases/helpers.ts';
import type { Actor } from '../../platform/actor.ts';

describeEachDialect('cases service: subjects', (get) => {
  let h: CasesHarness;
  let lead: Actor;
  let caseId: string;

  beforeAll(async () => {
    h = casesHarness(get());
    lead = await h.user(['investigator']);
    caseId = (await h.cases.createCase(lead, { title: 'Subjects', offences: ['computer_fraud'] })).record.id;
  });

  it('adds natural and legal persons and returns them with the case', async () => {
    const victim = await h.cases.subjects.add(lead, caseId, {
      kind: 'legal',
      name: 'XA University Hospital',
      identifiers: [{ type: 'company_registration', value: ' HR-12345 ' }],
      nationality: 'XA',
      role: 'victim',
    });
    expect(victim).toMatchObject({ kind: 'legal', identifiers: [{ type: 'company_registration', value: 'HR-12345' }], participation: null, dateOfBirth: null, notes: '' });
    const suspect = await h.cases.subjects.add(lead, caseId, {
      kind: 'natural',
      name: 'J. Doe',
      identifiers: [{ type: 'email', value: 'jd@example.test' }, { type: 'ip', value: '192.0.2.7' }],
      nationality: 'XB',
      dateOfBirth: '1990-02-28',
      role: 'suspect',
      participation: 'perpetrator',
      notes: 'Operates the payment portal',
    });
    expect(suspect).toMatchObject({ role: 'suspect', participation: 'perpetrator', dateOfBirth: '1990-02-28', caseId });
    const company = await h.cases.subjects.add(lead, caseId, { kind: 'legal', name: 'Shell Ltd', role: 'suspect', participation: 'attempt' });
    expect(company.participation).toBe('attempt');
    const c = await h.cases.getCase(lead, caseId);
    if (c.view !== 'full') throw new Error('expected full');
    expect(c.subjects.map((s) => s.name)).toEqual(['XA University Hospital', 'J. Doe', 'Shell Ltd']);
  });

  it('enforces the participation rule and the other field rules', async () => {
    const cases: Array<[Parameters<typeof h.cases.subjects.add>[2], string[]]> = [
      [{ kind: 'natural', name: 'A', role: 'suspect' }, ['/participation']],
      [{ kind: 'natural', name: 'A', role: 'victim', participation: 'accomplice' }, ['/participation']],
      [{ kind: 'natural', name: 'A', role: 'witness', participation: 'nonsense' }, ['/participation']],
      [{ kind: 'natural', name: 'A', role: 'suspect', participation: 'bystander' }, ['/participation']],
      [{ kind: 'natural', name: 'A', role: 'other', nationality: 'xa' }, ['/nationality']],
      [{ kind: 'natural', name: 'A', role: 'other', nationality: 'XAB' }, ['/nationality']],
      [{ kind: 'legal', name: 'A', role: 'other', dateOfBirth: '2000-01-01' }, ['/dateOfBirth']],
      [{ kind: 'natural', name: 'A', role: 'other', dateOfBirth: '2001-02-29' }, ['/dateOfBirth']],
      [{ kind: 'natural', name: 'A', role: 'other', dateOfBirth: '2999-01-01' }, ['/dateOfBirth']],
      [{ kind: 'robot', name: ' ', role: 'boss' }, ['/kind', '/role', '/name']],
      [{ kind: 'natural', name: 'A', role: 'other', identifiers: [{ type: 'dna', value: 'x' }, { type: 'email', value: ' ' }] }, ['/identifiers/0/type', '/identifiers/1/value']],
      [{ kind: 'natural', name: 'A', role: 'other', identifiers: [{ type: 'ip', value: '192.0.2.1' }, { type: 'ip', value: '192.0.2.1' }] }, ['/identifiers/1']],
      [{ kind: 'natural', name: 'A', role: 'other', identifiers: Array.from({ length: 51 }, (_, i) => ({ type: 'other', value: `v${i}` })) }, ['/identifiers']],
    ];
    for (const [input, expected] of cases) {
      const e = await failure(h.cases.subjects.add(lead, caseId, input));
      expect([e.code, pointers(e)], JSON.stringify(input).slice(0, 80)).toEqual(['validation_failed', expected]);
    }
  });

  it('updates a subject, re-checking it whole', async () => {
    const s = await h.cases.subjects.add(lead, caseId, { kind: 'natural', name: 'Changing', role: 'suspect', participation: 'accomplice', nationality: 'XC' });
    expect(pointers(await failure(h.cases.subjects.update(lead, caseId, s.id, { role: 'witness' })))).toEqual(['/participation']);
    h.clock.advance(60_000);
    const w = await h.cases.subjects.update(lead, caseId, s.id, { role: 'witness', participation: null, nationality: null, notes: 'turned witness' });
    expect(w).toMatchObject({ role: 'witness', participation: null, nationality: null, notes: 'turned witness', name: 'Changing' });
    expect(w.updatedAt).toEqual(h.clock.now());
    expect(w.createdAt).toEqual(s.createdAt);
    h.clock.advance(60_000);
    const same = await h.cases.subjects.update(lead, caseId, s.id, { name: 'Changing' });
    expect(same.updatedAt).toEqual(w.updatedAt);
    expect((await h.cases.subjects.update(lead, caseId, s.id, {})).role).toBe('witness');
  });

  it('removes subjects, and keeps them inside their own case', async () => {
    const s = await h.cases.subjects.add(lead, caseId, { kind: 'natural', name: 'Gone', role: 'other' });
    const other = (await h.cases.createCase(lead, { title: 'Other', offences: ['csam'] })).record.id;
    expect((await failure(h.cases.subjects.update(lead, other, s.id, { name: 'x' }))).code).toBe('not_found');
    expect((await failure(h.cases.subjects.remove(lead, other, s.id))).code).toBe('not_found');
    await h.cases.subjects.remove(lead, caseId, s.id);
    expect((await failure(h.cases.subjects.remove(lead, caseId, s.id))).code).toBe('not_found');
    expect((await failure(h.cases.subjects.update(lead, caseId, 'not-a-uuid', {}))).code).toBe('not_found');
  });

  it('lets leads and members manage subjects; observers and strangers not', async () => {
    const member = await h.user(['prosecutor']);
    const observer = await h.user(['authorizer']);
    await h.cases.members.add(lead, caseId, { userId: member.userId, caseRole: 'member' });
    await h.cases.members.add(lead, caseId, { userId: observer.userId, caseRole: 'observer' });
    const input = { kind: 'natural', name: 'By member', role: 'witness' };
    expect((await h.cases.subjects.add(member, caseId, input)).name).toBe('By member');
    expect((await failure(h.cases.subjects.add(observer, caseId, input))).code).toBe('forbidden');
    const stranger = await h.user(['investigator']);
    // A stranger learns nothing, not even whether the body was valid.
    expect((await failure(h.cases.subjects.add(stranger, caseId, { kind: 'x', name: '', role: 'y' }))).code).toBe('not_found');
  });
});
