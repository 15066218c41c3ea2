import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import { casesHarness, failure, pointers, type CasesHarness } from '../../../test/cases/helpers.ts';
import type { Actor } from '../../platform/actor.ts';
import type { CaseView } from './service.ts';

function full(v: CaseView) {
  if (v.view !== 'full') throw new Error(`expected the full view, got ${v.view}`);
  return v;
}

describeEachDialect('cases service: create, read, update, close', (get) => {
  let h: CasesHarness;
  let inv: Actor;
  beforeAll(async () => {
    h = casesHarness(get());
    inv = await h.user(['investigator']);
  });

  it('generates {STATE}-{YEAR}-{NNNN} references per year and makes the creator lead', async () => {
    h.clock.set('2030-06-01T10:00:00Z');
    const a = full(await h.cases.createCase(inv, { title: ' Ransomware at the hospital ', offences: ['illegal_access', 'data_interference'] }));
    const b = full(await h.cases.createCase(inv, { title: 'Second', offences: ['csam'] }));
    expect([a.record.reference, b.record.reference]).toEqual(['XA-2030-0001', 'XA-2030-0002']);
    expect(a.record).toMatchObject({ title: 'Ransomware at the hospital', summary: '', status: 'open', version: 1, createdBy: inv.userId, viewerRole: 'lead', memberCount: 1 });
    expect(a.record.offences).toEqual(['illegal_access', 'data_interference']);
    expect(a.members.map((m) => [m.userId, m.caseRole, m.username])).toEqual([[inv.userId, 'lead', inv.username]]);
    expect(a.abilities).toEqual(['case.read', 'case.read_metadata', 'case.update', 'case.close', 'case.members.read', 'case.members.manage', 'case.subjects.manage']);
    h.clock.set('2031-01-01T00:00:00Z');
    expect((await h.cases.createCase(inv, { title: 'New year', offences: ['ncii'] })).record.reference).toBe('XA-2031-0001');
  });

  it('keeps a given reference unique and skips typed-in numbers when generating', async () => {
    h.clock.set('2032-02-02T00:00:00Z');
    const given = await h.cases.createCase(inv, { reference: 'XA-2032-0002', title: 'Typed', offences: ['grooming'] });
    expect(given.record.reference).toBe('XA-2032-0002');
    const dup = await failure(h.cases.createCase(inv, { reference: 'XA-2032-0002', title: 'Again', offences: ['grooming'] }));
    expect(dup.code).toBe('conflict');
    expect(pointers(dup)).toEqual(['/reference']);
    const refs = [];
    for (let i = 0; i < 2; i += 1) refs.push((await h.cases.createCase(inv, { title: `gen ${i}`, offences: ['csam'] })).record.reference);
    expect(refs).toEqual(['XA-2032-0001', 'XA-2032-0003']);
    const bad = await failure(h.cases.createCase(inv, { reference: ' -bad ref- ', title: 'x', offences: ['csam'] }));
    expect(pointers(bad)).toEqual(['/reference']);
  });

  it('hands out distinct references to concurrent creations', async () => {
    h.clock.set('2033-03-03T00:00:00Z');
    const views = await Promise.all(Array.from({ length: 12 }, (_, i) => h.cases.createCase(inv, { title: `race ${i}`, offences: ['computer_fraud'] })));
    const refs = views.map((v) => v.record.reference).sort();
    expect(refs).toEqual(Array.from({ length: 12 }, (_, i) => `XA-2033-${String(i + 1).padStart(4, '0')}`));
  });

  it('validates offences, title and summary, naming each field', async () => {
    const e = await failure(h.cases.createCase(inv, { title: '  ', offences: ['illegal_access', 'hacking', 'illegal_access'] }));
    expect(e.code).toBe('validation_failed');
    expect(pointers(e)).toEqual(['/title', '/offences/1', '/offences/2']);
    expect(pointers(await failure(h.cases.createCase(inv, { title: 'x', offences: [] })))).toEqual(['/offences']);
    expect(pointers(await failure(h.cases.createCase(inv, { title: 'x', summary: 'y'.repeat(20_001), offences: ['csam'] })))).toEqual(['/summary']);
  });

  it('lets only case-opening roles create', async () => {
    for (const role of ['admin', 'oversight', 'secretariat', 'authorizer'] as const) {
      const u = await h.user([role]);
      expect((await failure(h.cases.createCase(u, { title: 'x', offences: ['csam'] }))).code).toBe('forbidden');
    }
    for (const role of ['central_authority', 'prosecutor', 'duty_officer'] as const) {
      const u = await h.user([role]);
      expect((await h.cases.createCase(u, { title: 'x', offences: ['csam'] })).record.viewerRole).toBe('lead');
    }
  });

  it('shows members everything, oversight the metadata, everyone else nothing (404)', async () => {
    const c = full(await h.cases.createCase(inv, { title: 'Secret title', summary: 'Secret summary', offences: ['csam'] }));
    const oversight = await h.user(['oversight']);
    const meta = await h.cases.getCase(oversight, c.record.id);
    expect(meta.view).toBe('metadata');
    expect(meta.abilities).toEqual(['case.read_metadata']);
    expect(meta).not.toHaveProperty('subjects');
    for (const role of ['admin', 'secretariat', 'investigator', 'authorizer'] as const) {
      const stranger = await h.user([role]);
      expect((await failure(h.cases.getCase(stranger, c.record.id))).code).toBe('not_found');
    }
    expect((await failure(h.cases.getCase(inv, '0190a000-0000-7000-8000-000000000000'))).code).toBe('not_found');
    expect((await failure(h.cases.getCase(inv, 'not-a-uuid'))).code).toBe('not_found');
  });

  it('updates against the version read and refuses a stale one', async () => {
    const c = full(await h.cases.createCase(inv, { title: 'Before', offences: ['illegal_access'] }));
    h.clock.advance(1000);
    const u = full(await h.cases.updateCase(inv, c.record.id, { version: 1, title: 'After', offences: ['system_interference', 'illegal_access'] }));
    expect(u.record).toMatchObject({ title: 'After', version: 2, offences: ['illegal_access', 'system_interference'] });
    expect(u.record.updatedAt.getTime()).toBe(h.clock.now().getTime());
    const stale = await failure(h.cases.updateCase(inv, c.record.id, { version: 1, summary: 'lost update' }));
    expect(stale.code).toBe('version_conflict');
    expect(full(await h.cases.getCase(inv, c.record.id)).record.summary).toBe('');
    // Nothing to change: no new version.
    expect((await h.cases.updateCase(inv, c.record.id, { version: 2, title: 'After' })).record.version).toBe(2);
    expect(pointers(await failure(h.cases.updateCase(inv, c.record.id, { version: 2, offences: ['nope'] })))).toEqual(['/offences/0']);
    expect(pointers(await failure(h.cases.updateCase(inv, c.record.id, { version: 0 })))).toEqual(['/version']);
    const stranger = await h.user(['prosecutor']);
    expect((await failure(h.cases.updateCase(stranger, c.record.id, { version: 2, title: 'x' }))).code).toBe('not_found');
    // A stranger learns nothing, not even whether the input was valid.
    expect((await failure(h.cases.updateCase(stranger, c.record.id, { version: 0, title: '' }))).code).toBe('not_found');
    expect((await failure(h.cases.closeCase(stranger, c.record.id, { version: 0, reason: '' }))).code).toBe('not_found');
    expect((await failure(h.cases.members.add(stranger, c.record.id, { userId: 'x', caseRole: 'y' }))).code).toBe('not_found');
    const oversight = await h.user(['oversight']);
    expect((await failure(h.cases.updateCase(oversight, c.record.id, { version: 2, title: 'x' }))).code).toBe('forbidden');
  });

  it('lets exactly one of two concurrent changes against the same version through', async () => {
    const c = await h.cases.createCase(inv, { title: 'Race', offences: ['csam'] });
    const results = await Promise.allSettled([
      h.cases.updateCase(inv, c.record.id, { version: 1, title: 'one' }),
      h.cases.updateCase(inv, c.record.id, { version: 1, title: 'two' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' ? (rejected.reason as { code?: string }).code : null).toBe('version_conflict');
    expect((await h.cases.getCase(inv, c.record.id)).record.version).toBe(2);
  });

  it('closes with a reason, then the case is read-only', async () => {
    const c = full(await h.cases.createCase(inv, { title: 'To close', offences: ['copyright'] }));
    expect(pointers(await failure(h.cases.closeCase(inv, c.record.id, { version: 1, reason: '  ' })))).toEqual(['/reason']);
    expect((await failure(h.cases.closeCase(inv, c.record.id, { version: 7, reason: 'done' }))).code).toBe('version_conflict');
    const closed = full(await h.cases.closeCase(inv, c.record.id, { version: 1, reason: 'Transferred to XB' }));
    expect(closed.record).toMatchObject({ status: 'closed', version: 2, closedBy: inv.userId, closureReason: 'Transferred to XB' });
    expect(closed.record.closedAt).toEqual(h.clock.now());
    expect(closed.abilities).toEqual(['case.read', 'case.read_metadata', 'case.members.read']);
    const id = c.record.id;
    const other = await h.user(['investigator']);
    const refusals = await Promise.all([
      failure(h.cases.updateCase(inv, id, { version: 2, title: 'x' })),
      failure(h.cases.closeCase(inv, id, { version: 2, reason: 'again' })),
      failure(h.cases.members.add(inv, id, { userId: other.userId, caseRole: 'member' })),
      failure(h.cases.subjects.add(inv, id, { kind: 'legal', name: 'ACME', role: 'victim' })),
    ]);
    expect(refusals.map((e) => e.code)).toEqual(['conflict', 'conflict', 'conflict', 'conflict']);
    expect(full(await h.cases.getCase(inv, id)).record.status).toBe('closed');
  });
});
