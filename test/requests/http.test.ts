import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, tokenFor, type TestNode, type TestUser } from '../kit/node.ts';

type Headers = Record<string, string>;

/**
 * The requests API over HTTP on one node (no federation directory): shapes, problem+json naming the field, the
 * policy's 404/403, the formal letter, the access log and notifications. The lifecycle across two nodes is in
 * two-nodes.test.ts.
 */
describeEachDialect('requests HTTP API', (get) => {
  let node: TestNode;
  let lead: TestUser;
  let leadH: Headers;
  let prosecutorH: Headers;
  let strangerH: Headers;
  let oversightH: Headers;
  let caseId: string;

  beforeAll(async () => {
    node = await buildTestNode(get());
    lead = await createUser(node, ['investigator']);
    leadH = bearer(await tokenFor(node, lead));
    const prosecutor = await createUser(node, ['prosecutor']);
    prosecutorH = bearer(await tokenFor(node, prosecutor));
    strangerH = bearer(await tokenFor(node, await createUser(node, ['investigator'])));
    oversightH = bearer(await tokenFor(node, await createUser(node, ['oversight'])));
    const c = await node.app.inject({ method: 'POST', url: '/api/v1/cases', headers: leadH, payload: { title: 'Ransomware at the hospital', offences: ['illegal_access', 'data_interference'] } });
    caseId = c.json().id;
    await node.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/members`, headers: leadH, payload: { userId: prosecutor.id, caseRole: 'member' } });
  });
  afterAll(() => node.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object): Promise<LightMyRequestResponse> =>
    node.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const problem = (res: LightMyRequestResponse, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe(code);
    return res.json() as { detail: string; errors?: Array<{ in: string; pointer: string; detail: string }> };
  };

  it('serves every request type as data, with labels in the six languages', async () => {
    const res = await call('GET', '/api/v1/request-types', leadH);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; fields: Array<{ id: string; label: Record<string, string> }> }>;
    expect(items).toHaveLength(20);
    const p = items.find((t) => t.id === 'preservation');
    expect(p?.fields.find((x) => x.id === 'mlaWillFollow')?.label).toEqual(expect.objectContaining({ ar: expect.any(String), zh: expect.any(String) }));
    expect((await call('GET', '/api/v1/request-types/preservation', leadH)).json().routing).toBe('contact_point_24_7');
    problem(await call('GET', '/api/v1/request-types/nope', leadH), 404, 'not_found');
    problem(await call('GET', '/api/v1/request-types', {}), 401, 'unauthenticated');
  });

  it('drafts from a case, names the bad fields, and hides the draft from strangers', async () => {
    const bad = problem(await call('POST', '/api/v1/requests', leadH, { caseId, typeId: 'preservation', requestedState: 'XA', draftingLanguage: 'english' }), 400, 'validation_failed');
    expect(bad.errors?.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/draftingLanguage']));
    const own = problem(await call('POST', '/api/v1/requests', leadH, { caseId, typeId: 'preservation', requestedState: 'XA', draftingLanguage: 'en' }), 400, 'validation_failed');
    expect(own.errors?.[0]?.pointer).toBe('/requestedState');
    const wrongKind = problem(await call('POST', '/api/v1/requests', leadH, { caseId, typeId: 'preservation', requestedState: 'XB', draftingLanguage: 'en', content: { mlaWillFollow: 'yes' } }), 400, 'validation_failed');
    expect(wrongKind.errors?.[0]?.pointer).toBe('/content/mlaWillFollow');
    problem(await call('POST', '/api/v1/requests', strangerH, { caseId, typeId: 'preservation', requestedState: 'XB', draftingLanguage: 'en' }), 404, 'not_found');
    const before = await node.database.db.selectFrom('requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();

    const res = await call('POST', '/api/v1/requests', leadH, { caseId, typeId: 'preservation', requestedState: 'XB', draftingLanguage: 'en' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(`/api/v1/requests/${body.id}`);
    expect(body).toMatchObject({ view: 'full', side: 'requesting', state: 'draft', requestedState: 'XB', version: 1, caseId });
    expect(body.reference).toMatch(/^XA-OUT-\d{4}-\d{4}$/);
    expect(body.commands).toEqual(expect.arrayContaining(['submit', 'withdraw']));
    expect(body.check.complete).toBe(false);
    expect(body.check.completeness.items.map((i: { field: string }) => i.field)).toContain('custodian');
    expect(Number((await node.database.db.selectFrom('requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(Number(before.n) + 1);

    problem(await call('GET', `/api/v1/requests/${body.id}`, strangerH), 404, 'not_found');
    // Oversight audits everything: it sees even a draft, as metadata only.
    const meta = await call('GET', `/api/v1/requests/${body.id}`, oversightH);
    expect(meta.json()).toMatchObject({ view: 'metadata', title: null, content: null, commands: [] });

    // Submitting while incomplete: 422 with one error per missing field, and nothing changes.
    const refused = problem(await call('POST', `/api/v1/requests/${body.id}/events`, leadH, { event: 'submit', version: 1 }), 400, 'validation_failed');
    expect(refused.errors?.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/content/custodian', '/content/mlaWillFollow']));
    // A stale version: 409 version_conflict; an event of the other side: 409 conflict.
    problem(await call('POST', `/api/v1/requests/${body.id}/events`, leadH, { event: 'submit', version: 7 }), 409, 'version_conflict');
    problem(await call('POST', `/api/v1/requests/${body.id}/events`, leadH, { event: 'register', version: 1 }), 409, 'conflict');
    expect((await call('GET', `/api/v1/requests/${body.id}`, leadH)).json().state).toBe('draft');

    // A check is recorded in the ledger.
    const check = await call('POST', `/api/v1/requests/${body.id}/check`, leadH);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ complete: false, tailoring: { languageAccepted: true } });
    const actions = await node.database.db.selectFrom('ledger_entries').select('action').where('object_id', '=', body.id).orderBy('idx').execute();
    expect(actions.map((a) => a.action)).toEqual(['request.create', 'request.check']);

    // PATCH sets and clears fields against the version read.
    const patched = await call('PATCH', `/api/v1/requests/${body.id}`, leadH, { version: 1, content: { custodian: 'Borduria Hosting Ltd', doNotNotify: true } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ version: 2, content: expect.objectContaining({ custodian: 'Borduria Hosting Ltd', doNotNotify: true }) });
    const cleared = await call('PATCH', `/api/v1/requests/${body.id}`, leadH, { version: 2, content: { doNotNotify: null } });
    expect(cleared.json().content.doNotNotify).toBeUndefined();
    problem(await call('PATCH', `/api/v1/requests/${body.id}`, leadH, { version: 2, content: { custodian: 'x' } }), 409, 'version_conflict');
  });

  it('lists what each may see, serves the letter as a PDF, and logs every read in the access log', async () => {
    const created = (await call('POST', '/api/v1/requests', leadH, { caseId, typeId: 'general_mla', requestedState: 'XB', draftingLanguage: 'fr' })).json();
    const mine = await call('GET', `/api/v1/requests?caseId=${caseId}&limit=1`, leadH);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toHaveLength(1);
    expect(mine.json().next).toEqual(expect.any(String));
    const next = await call('GET', `/api/v1/requests?caseId=${caseId}&limit=1&cursor=${encodeURIComponent(mine.json().next)}`, leadH);
    expect(next.json().items).toHaveLength(1);
    expect((await call('GET', `/api/v1/requests?caseId=${caseId}`, strangerH)).json().items).toEqual([]);
    problem(await call('GET', '/api/v1/requests?cursor=garbage', leadH), 400, 'validation_failed');

    const pdf = await call('GET', `/api/v1/requests/${created.id}/letter.pdf`, prosecutorH);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await call('GET', `/api/v1/requests/${created.id}`, leadH);
    // Oversight reads the access log (and reading metadata is not a read of the content: it is not logged).
    await call('GET', `/api/v1/requests/${created.id}`, oversightH);
    const log = await call('GET', `/api/v1/requests/${created.id}/access-log`, oversightH);
    expect(log.statusCode).toBe(200);
    expect(log.json().items.map((i: { action: string; username: string }) => [i.username, i.action])).toEqual(
      expect.arrayContaining([[lead.username, 'read'], [expect.any(String), 'letter']]),
    );
    expect(log.json().items).toHaveLength(2);
    problem(await call('GET', `/api/v1/requests/${created.id}/access-log`, leadH), 403, 'forbidden');
  });

  it('serves my notifications only, and 404s a notification of someone else', async () => {
    const list = await call('GET', '/api/v1/notifications?unread=true', leadH);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    problem(await call('POST', '/api/v1/notifications/0190a000-0000-7000-8000-000000000009/read', leadH), 404, 'not_found');
  });
});
