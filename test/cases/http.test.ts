import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDialect } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, loginSession, tokenFor, type TestNode, type TestUser } from '../kit/node.ts';

type Headers = Record<string, string>;

describeEachDialect('cases HTTP API', (get) => {
  let node: TestNode;
  let lead: TestUser;
  let leadH: Headers;
  let strangerH: Headers;
  let oversightH: Headers;
  let memberUser: TestUser;
  let memberH: Headers;

  beforeAll(async () => {
    node = await buildTestNode(get());
    lead = await createUser(node, ['investigator']);
    leadH = bearer(await tokenFor(node, lead));
    strangerH = bearer(await tokenFor(node, await createUser(node, ['prosecutor'])));
    oversightH = bearer(await tokenFor(node, await createUser(node, ['oversight'])));
    memberUser = await createUser(node, ['central_authority']);
    memberH = bearer(await tokenFor(node, memberUser));
  });
  afterAll(() => node.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: object): Promise<LightMyRequestResponse> =>
    node.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  const problem = (res: LightMyRequestResponse, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe(code);
    return res.json() as { errors?: Array<{ in: string; pointer: string }> };
  };

  const newCase = async (body: object = { title: 'Ransomware at the hospital', offences: ['illegal_access', 'data_interference'] }) => {
    const res = await call('POST', '/api/v1/cases', leadH, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; reference: string };
  };

  it('serves the offence catalogue to any logged-in user', async () => {
    const res = await call('GET', '/api/v1/offences', oversightH);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; unArticle: number | null; uncertain: boolean }>;
    expect(items).toHaveLength(12);
    expect(items[0]).toEqual(expect.objectContaining({ id: 'illegal_access', unArticle: 7, bcArticle: 2, uncertain: false }));
    problem(await call('GET', '/api/v1/offences', {}), 401, 'unauthenticated');
  });

  it('creates a case (201, Location, full shape) and reads it back', async () => {
    const res = await call('POST', '/api/v1/cases', leadH, { title: 'Hospital', summary: 'Encrypted systems', offences: ['system_interference'] });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(`/api/v1/cases/${body.id}`);
    expect(body).toMatchObject({
      view: 'full',
      title: 'Hospital',
      summary: 'Encrypted systems',
      status: 'open',
      version: 1,
      offences: ['system_interference'],
      memberCount: 1,
      myRole: 'lead',
      createdBy: lead.id,
      closedAt: null,
      closedBy: null,
      closureReason: null,
      subjects: [],
    });
    expect(body.reference).toMatch(/^XA-\d{4}-\d{4}$/);
    expect(body.members).toEqual([expect.objectContaining({ userId: lead.id, username: lead.username, caseRole: 'lead' })]);
    expect(body.abilities).toContain('case.close');
    const read = await call('GET', `/api/v1/cases/${body.id}`, leadH);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);
  });

  it('works with a browser session too (CSRF checked)', async () => {
    const { headers } = await loginSession(node, lead);
    const res = await call('POST', '/api/v1/cases', headers, { title: 'From the browser', offences: ['csam'] });
    expect(res.statusCode).toBe(201);
    const { 'x-csrf-token': _csrf, ...noCsrf } = headers;
    problem(await call('POST', '/api/v1/cases', noCsrf, { title: 'No CSRF', offences: ['csam'] }), 403, 'csrf_failed');
  });

  it('refuses every route without authentication (401)', async () => {
    const c = await newCase();
    const sid = '0190a000-0000-7000-8000-000000000009';
    // Valid bodies, so that the answer depends on authentication alone.
    const routes: Array<['GET' | 'POST' | 'PATCH' | 'DELETE', string, object | undefined]> = [
      ['POST', '/api/v1/cases', { title: 'x', offences: ['csam'] }],
      ['GET', '/api/v1/cases', undefined],
      ['GET', `/api/v1/cases/${c.id}`, undefined],
      ['PATCH', `/api/v1/cases/${c.id}`, { version: 1, title: 'x' }],
      ['POST', `/api/v1/cases/${c.id}/close`, { version: 1, reason: 'x' }],
      ['GET', `/api/v1/cases/${c.id}/members`, undefined],
      ['POST', `/api/v1/cases/${c.id}/members`, { userId: lead.id, caseRole: 'member' }],
      ['DELETE', `/api/v1/cases/${c.id}/members/${lead.id}`, undefined],
      ['POST', `/api/v1/cases/${c.id}/subjects`, { kind: 'natural', name: 'X', role: 'other' }],
      ['PATCH', `/api/v1/cases/${c.id}/subjects/${sid}`, { name: 'x' }],
      ['DELETE', `/api/v1/cases/${c.id}/subjects/${sid}`, undefined],
    ];
    for (const [method, url, payload] of routes) problem(await call(method, url, {}, payload), 401, 'unauthenticated');
    expect((await call('GET', `/api/v1/cases/${c.id}`, bearer('comity_pat_forged'))).statusCode).toBe(401);
  });

  it('answers 404 to a non-member on every case route, and metadata to oversight', async () => {
    const c = await newCase();
    const subject = (await call('POST', `/api/v1/cases/${c.id}/subjects`, leadH, { kind: 'natural', name: 'W', role: 'witness' })).json();
    const routes: Array<['GET' | 'POST' | 'PATCH' | 'DELETE', string, object | undefined]> = [
      ['GET', `/api/v1/cases/${c.id}`, undefined],
      ['PATCH', `/api/v1/cases/${c.id}`, { version: 1, title: 'x' }],
      ['POST', `/api/v1/cases/${c.id}/close`, { version: 1, reason: 'x' }],
      ['GET', `/api/v1/cases/${c.id}/members`, undefined],
      ['POST', `/api/v1/cases/${c.id}/members`, { userId: lead.id, caseRole: 'member' }],
      ['DELETE', `/api/v1/cases/${c.id}/members/${lead.id}`, undefined],
      ['POST', `/api/v1/cases/${c.id}/subjects`, { kind: 'natural', name: 'X', role: 'other' }],
      ['PATCH', `/api/v1/cases/${c.id}/subjects/${subject.id}`, { name: 'x' }],
      ['DELETE', `/api/v1/cases/${c.id}/subjects/${subject.id}`, undefined],
    ];
    for (const [method, url, payload] of routes) problem(await call(method, url, strangerH, payload), 404, 'not_found');
    const listed = await call('GET', '/api/v1/cases', strangerH);
    expect(listed.json().items.map((i: { id: string }) => i.id)).not.toContain(c.id);

    const meta = await call('GET', `/api/v1/cases/${c.id}`, oversightH);
    expect(meta.statusCode).toBe(200);
    expect(meta.json()).toEqual({
      view: 'metadata',
      id: c.id,
      reference: c.reference,
      status: 'open',
      offences: ['illegal_access', 'data_interference'],
      memberCount: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      closedAt: null,
      abilities: ['case.read_metadata'],
    });
    const row = (await call('GET', `/api/v1/cases?q=${encodeURIComponent(c.reference)}`, oversightH)).json().items[0];
    expect(row).toMatchObject({ id: c.id, view: 'metadata', title: null, myRole: null });
    problem(await call('GET', `/api/v1/cases/${c.id}/members`, oversightH), 403, 'forbidden');
    problem(await call('PATCH', `/api/v1/cases/${c.id}`, oversightH, { version: 1, title: 'x' }), 403, 'forbidden');
  });

  it('lists with filters and a cursor', async () => {
    const u = await createUser(node, ['duty_officer']);
    const h = bearer(await tokenFor(node, u));
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      node.clock.advance(1000);
      ids.push((await call('POST', '/api/v1/cases', h, { title: `Page ${i}`, offences: i === 0 ? ['csam'] : ['grooming'] })).json().id);
    }
    const first = await call('GET', '/api/v1/cases?limit=2', h);
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    expect(first.json().items[0]).toMatchObject({ view: 'full', title: 'Page 2', myRole: 'lead', status: 'open', memberCount: 1 });
    const next = first.json().next as string;
    const second = await call('GET', `/api/v1/cases?limit=2&cursor=${next}`, h);
    expect(second.json()).toEqual({ items: [expect.objectContaining({ id: ids[0] })], next: null });
    expect((await call('GET', '/api/v1/cases?offence=csam&status=open&q=page', h)).json().items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect(problem(await call('GET', '/api/v1/cases?cursor=nonsense', h), 400, 'validation_failed').errors).toEqual([
      expect.objectContaining({ in: 'query', pointer: '/cursor' }),
    ]);
    expect(problem(await call('GET', '/api/v1/cases?limit=500', h), 400, 'validation_failed').errors?.[0]).toMatchObject({ in: 'query', pointer: '/limit' });
    expect(problem(await call('GET', '/api/v1/cases?offence=hacking', h), 400, 'validation_failed').errors?.[0]).toMatchObject({ in: 'query', pointer: '/offence' });
    problem(await call('GET', '/api/v1/cases?colour=red', h), 400, 'validation_failed');
  });

  it('refuses bad input with 400 problem+json naming the field', async () => {
    const bad = async (url: string, payload: object, pointer: string, method: 'POST' | 'PATCH' = 'POST') => {
      const p = problem(await call(method, url, leadH, payload), 400, 'validation_failed');
      expect(p.errors?.map((e) => e.pointer), JSON.stringify(payload)).toContain(pointer);
    };
    await bad('/api/v1/cases', { title: 'x', offences: ['illegal_access', 'hacking'] }, '/offences/1');
    await bad('/api/v1/cases', { title: 'x', offences: ['csam', 'csam'] }, '/offences/1');
    await bad('/api/v1/cases', { title: 'x', offences: [] }, '/offences');
    await bad('/api/v1/cases', { offences: ['csam'] }, '/title');
    await bad('/api/v1/cases', { title: 'x', offences: ['csam'], colour: 'red' }, '/colour');
    const c = await newCase();
    const subjects = `/api/v1/cases/${c.id}/subjects`;
    await bad(subjects, { kind: 'natural', name: 'A', role: 'other', nationality: 'Arland' }, '/nationality');
    await bad(subjects, { kind: 'natural', name: 'A', role: 'victim', participation: 'accomplice' }, '/participation');
    await bad(subjects, { kind: 'natural', name: 'A', role: 'suspect' }, '/participation');
    await bad(subjects, { kind: 'natural', name: 'A', role: 'other', dateOfBirth: '14/03/1990' }, '/dateOfBirth');
    await bad(subjects, { kind: 'natural', name: 'A', role: 'other', identifiers: [{ type: 'passport' }] }, '/identifiers/0/value');
    await bad(`/api/v1/cases/${c.id}/members`, { userId: lead.id, caseRole: 'boss' }, '/caseRole');
    await bad(`/api/v1/cases/${c.id}`, { version: 1, offences: ['nope'] }, '/offences/0', 'PATCH');
    await bad(`/api/v1/cases/${c.id}`, { title: 'no version' }, '/version', 'PATCH');
    problem(await call('GET', '/api/v1/cases/not-a-uuid', leadH), 400, 'validation_failed');
  });

  it('updates with optimistic concurrency: 200, then 409 for a stale version', async () => {
    const c = await newCase();
    const ok = await call('PATCH', `/api/v1/cases/${c.id}`, leadH, { version: 1, summary: 'Logs point to XB', offences: ['illegal_access'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, summary: 'Logs point to XB', offences: ['illegal_access'] });
    problem(await call('PATCH', `/api/v1/cases/${c.id}`, leadH, { version: 1, title: 'Lost' }), 409, 'version_conflict');
    problem(await call('POST', `/api/v1/cases/${c.id}/close`, leadH, { version: 1, reason: 'stale' }), 409, 'version_conflict');
  });

  it('manages members: add (201), change (200), list, remove (204), last lead (409), non-lead (403)', async () => {
    const c = await newCase();
    const members = `/api/v1/cases/${c.id}/members`;
    const added = await call('POST', members, leadH, { userId: memberUser.id, caseRole: 'observer' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ userId: memberUser.id, username: memberUser.username, caseRole: 'observer', addedBy: lead.id, disabled: false });
    const changed = await call('POST', members, leadH, { userId: memberUser.id, caseRole: 'member' });
    expect([changed.statusCode, changed.json().caseRole]).toEqual([200, 'member']);
    const list = await call('GET', members, memberH);
    expect(list.json().items.map((m: { userId: string; caseRole: string }) => [m.userId, m.caseRole])).toEqual([
      [lead.id, 'lead'],
      [memberUser.id, 'member'],
    ]);
    problem(await call('POST', members, memberH, { userId: memberUser.id, caseRole: 'lead' }), 403, 'forbidden');
    problem(await call('DELETE', `${members}/${lead.id}`, leadH), 409, 'conflict');
    problem(await call('DELETE', `${members}/${'0190a000-0000-7000-8000-00000000000a'}`, leadH), 404, 'not_found');
    const removed = await call('DELETE', `${members}/${memberUser.id}`, leadH);
    expect([removed.statusCode, removed.body]).toEqual([204, '']);
    problem(await call('GET', `/api/v1/cases/${c.id}`, memberH), 404, 'not_found');
  });

  it('manages subjects: add (201), change (200), remove (204)', async () => {
    const c = await newCase();
    const subjects = `/api/v1/cases/${c.id}/subjects`;
    const res = await call('POST', subjects, leadH, {
      kind: 'natural',
      name: 'J. Doe',
      identifiers: [{ type: 'email', value: 'jd@example.test' }],
      nationality: 'XB',
      dateOfBirth: '1990-02-28',
      role: 'suspect',
      participation: 'perpetrator',
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ caseId: c.id, kind: 'natural', role: 'suspect', participation: 'perpetrator', notes: '', nationality: 'XB' });
    const upd = await call('PATCH', `${subjects}/${s.id}`, leadH, { role: 'victim', participation: null });
    expect([upd.statusCode, upd.json().role, upd.json().participation]).toEqual([200, 'victim', null]);
    expect((await call('GET', `/api/v1/cases/${c.id}`, leadH)).json().subjects).toEqual([upd.json()]);
    const del = await call('DELETE', `${subjects}/${s.id}`, leadH);
    expect(del.statusCode).toBe(204);
    problem(await call('DELETE', `${subjects}/${s.id}`, leadH), 404, 'not_found');
  });

  it('closes a case (200) which is then read-only (409)', async () => {
    const c = await newCase();
    const closed = await call('POST', `/api/v1/cases/${c.id}/close`, leadH, { version: 1, reason: 'Proceedings transferred' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', version: 2, closureReason: 'Proceedings transferred', closedBy: lead.id });
    expect(closed.json().abilities).toEqual(['case.read', 'case.read_metadata', 'case.members.read']);
    problem(await call('PATCH', `/api/v1/cases/${c.id}`, leadH, { version: 2, title: 'x' }), 409, 'conflict');
    problem(await call('POST', `/api/v1/cases/${c.id}/subjects`, leadH, { kind: 'legal', name: 'X', role: 'victim' }), 409, 'conflict');
    problem(await call('POST', `/api/v1/cases/${c.id}/close`, leadH, { version: 2, reason: 'again' }), 409, 'conflict');
  });

  it('describes every cases route in the OpenAPI document', async () => {
    const doc = (await node.app.inject({ url: '/api/v1/openapi.json' })).json();
    const paths = Object.keys(doc.paths as object);
    for (const p of [
      '/api/v1/offences',
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/close',
      '/api/v1/cases/{id}/members',
      '/api/v1/cases/{id}/members/{userId}',
      '/api/v1/cases/{id}/subjects',
      '/api/v1/cases/{id}/subjects/{subjectId}',
    ])
      expect(paths).toContain(p);
    expect(doc.paths['/api/v1/cases'].post.tags).toEqual(['cases']);
  });
});
