import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, tokenFor, type TestNode } from '../kit/node.ts';

describeEachDialect('smoke', (get) => {
  let node: TestNode;
  beforeAll(async () => {
    node = await buildTestNode(get());
  });
  afterAll(() => node.close());

  it('serves health, readiness, metrics and OpenAPI', async () => {
    expect((await node.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await node.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    const oa = await node.app.inject({ url: '/api/v1/openapi.json' });
    expect(oa.statusCode).toBe(200);
    expect(oa.json().openapi).toBe('3.1.0');
    const m = await node.app.inject({ url: '/metrics' });
    expect(m.body).toContain('comity_http_requests_total');
    const docs = await node.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers who am I for a token', async () => {
    const u = await createUser(node, ['investigator']);
    const res = await node.app.inject({ url: '/api/v1/auth/session', headers: bearer(await tokenFor(node, u)) });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe(u.username);
  });

  it('gives problem+json for unknown routes and missing auth', async () => {
    const nf = await node.app.inject({ url: '/api/v1/nope' });
    expect(nf.statusCode).toBe(404);
    expect(nf.headers['content-type']).toMatch(/application\/problem\+json/);
    const ua = await node.app.inject({ url: '/api/v1/users' });
    expect(ua.statusCode).toBe(401);
    expect(ua.json().code).toBe('unauthenticated');
  });
});
