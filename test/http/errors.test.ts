import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/platform/db/database.ts';
import { createScratch, describeEachDialect } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, loginSession, tokenFor, type TestNode } from '../kit/node.ts';
import { STACK_LINE, expectProblem, fieldsOf } from './problems.ts';

/**
 * Every kind of error the HTTP layer gives is an RFC 9457 problem (application/problem+json) with a request id
 * equal to the x-request-id header, and never a stack.
 */
describeEachDialect('HTTP errors are problem+json', (get, dialect) => {
  let node: TestNode;
  let adminH: Record<string, string>;
  beforeAll(async () => {
    node = await buildTestNode(get(), { bodyLimitBytes: 4096 });
    adminH = bearer(await tokenFor(node, await createUser(node, ['admin', 'oversight'])));
  });
  afterAll(() => node.close());

  const post = (url: string, headers: Record<string, string>, payload: string | Buffer) => node.app.inject({ method: 'POST', url, headers, payload });

  it('404 for an unknown route or method, with the path as instance', async () => {
    const a = expectProblem(await node.app.inject({ url: '/api/v1/nope?x=1' }), 'not_found');
    expect(a.instance).toBe('/api/v1/nope');
    expect(a.detail).toContain('/api/v1/nope');
    expectProblem(await node.app.inject({ method: 'PUT', url: '/api/v1/users', headers: adminH }), 'not_found');
    expectProblem(await node.app.inject({ method: 'DELETE', url: '/healthz' }), 'not_found');
    expectProblem(await node.app.inject({ url: '/' }), 'not_found');
  });

  it('400 bad_request for malformed JSON', async () => {
    for (const body of ['{', '{"username": }', '[1,', 'nul', '{"a":1}}', '\u0000', '{"__proto__": {"admin": true}}']) {
      const p = expectProblem(await post('/api/v1/auth/login', { 'content-type': 'application/json' }, body), 'bad_request');
      expect(p.detail).toMatch(/JSON/);
    }
    expectProblem(await post('/api/v1/users', { ...adminH, 'content-type': 'application/json' }, ''), 'bad_request');
  });

  it('415 for a body that is not JSON, on any route that takes a body', async () => {
    const types = ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream'];
    for (const ct of types) {
      const p = expectProblem(await post('/api/v1/auth/login', { 'content-type': ct }, 'username=a&password=b'), 'unsupported_media_type');
      expect(p.detail).toMatch(/application\/json/);
      // Also where the route has no body schema: nothing is accepted but JSON.
      expectProblem(await post('/api/v1/auth/logout-all', { ...adminH, 'content-type': ct }, 'x'), 'unsupported_media_type');
    }
    const r = await post('/api/v1/users', { ...adminH, 'content-type': 'text/plain' }, JSON.stringify({ username: 'via-text', password: 'a long enough password', roles: [] }));
    expectProblem(r, 'unsupported_media_type');
  });

  it('413 for a body larger than bodyLimitBytes', async () => {
    const big = JSON.stringify({ username: 'x', password: 'y'.repeat(5000) });
    const p = expectProblem(await post('/api/v1/auth/login', { 'content-type': 'application/json' }, big), 'payload_too_large');
    expect(p.detail).toMatch(/larger/);
    expectProblem(await post('/api/v1/users', { ...adminH, 'content-type': 'application/json' }, big), 'payload_too_large');
  });

  it('400 validation_failed with per-field errors for schema violations in body, query and path', async () => {
    const body = expectProblem(await post('/api/v1/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ username: '', extra: true })), 'validation_failed');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { in: 'body', pointer: '/username', detail: expect.any(String) },
        { in: 'body', pointer: '/password', detail: 'is required' },
        { in: 'body', pointer: '/extra', detail: 'is not an allowed field' },
      ]),
    );
    expect(body.detail).toMatch(/^body \//);
    const query = expectProblem(await node.app.inject({ url: '/api/v1/tokens?all=maybe&x=1', headers: adminH }), 'validation_failed');
    expect(new Set(fieldsOf(query))).toEqual(new Set(['query /all', 'query /x']));
    const path = expectProblem(await node.app.inject({ url: '/api/v1/users/not-a-uuid', headers: adminH }), 'validation_failed');
    expect(path.errors).toEqual([{ in: 'path', pointer: '/id', detail: expect.stringContaining('uuid') }]);
    // Types are not coerced in bodies: "true" is not a boolean.
    const id = (await node.app.inject({ url: '/api/v1/auth/session', headers: adminH })).json().user.id as string;
    const strict = expectProblem(await node.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: adminH, payload: { disabled: 'true' } }), 'validation_failed');
    expect(fieldsOf(strict)).toEqual(['body /disabled']);
  });

  it('401 before anything else for a private route without credentials (no schema is revealed)', async () => {
    expectProblem(await node.app.inject({ url: '/api/v1/users' }), 'unauthenticated');
    expectProblem(await node.app.inject({ url: '/api/v1/users/not-a-uuid' }), 'unauthenticated');
    expectProblem(await node.app.inject({ url: '/api/v1/users?bogus=1' }), 'unauthenticated');
    expectProblem(await post('/api/v1/users', { 'content-type': 'application/json' }, '{"zzz":1}'), 'unauthenticated');
    expectProblem(await post('/api/v1/users', { 'content-type': 'text/plain' }, 'x'), 'unauthenticated');
    expectProblem(await post('/api/v1/users', { 'content-type': 'application/json' }, '{'), 'unauthenticated');
    // HEAD twins of GET routes are guarded like their GET.
    expect((await node.app.inject({ method: 'HEAD', url: '/api/v1/users' })).statusCode).toBe(401);
    expect((await node.app.inject({ method: 'HEAD', url: '/api/v1/users', headers: adminH })).statusCode).toBe(200);
    expect((await node.app.inject({ method: 'HEAD', url: '/healthz' })).statusCode).toBe(200);
  });

  it('403 forbidden and 409 conflict', async () => {
    const inv = bearer(await tokenFor(node, await createUser(node, ['investigator'])));
    const f = expectProblem(await node.app.inject({ url: '/api/v1/users', headers: inv }), 'forbidden');
    expect(f.detail).toMatch(/users\.list/);
    const u = await createUser(node, ['investigator']);
    const c = await node.app.inject({ method: 'POST', url: '/api/v1/users', headers: adminH, payload: { username: u.username, password: 'a long enough password', roles: [] } });
    expectProblem(c, 'conflict');
  });

  it('carries the request id on every response, success or not, and never takes one from the client', async () => {
    const ok = await node.app.inject({ url: '/healthz', headers: { 'x-request-id': 'client-chosen' } });
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const a = expectProblem(await node.app.inject({ url: '/nope', headers: { 'x-request-id': 'client-chosen' } }), 'not_found');
    const b = expectProblem(await node.app.inject({ url: '/nope' }), 'not_found');
    expect(a.requestId).not.toBe(b.requestId);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['x-frame-options']).toBe('DENY');
  });

  it('a session with a stale CSRF cookie gets a problem too', async () => {
    const { headers } = await loginSession(node, await createUser(node, ['investigator']));
    expectProblem(await node.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: headers.cookie ?? '' } }), 'csrf_failed');
  });

  // The router answers these itself, before any hook or handler: `frameworkErrors` in src/http/app.ts turns them
  // into problems too.
  it('400 problem for a URL that is not valid percent-encoding', async () => {
    expectProblem(await node.app.inject({ url: '/api/v1/users/%E0%A4%A', headers: adminH }), 'bad_request');
  });
  it('a problem for a path parameter over maxParamLength', async () => {
    const res = await node.app.inject({ url: `/api/v1/users/${'a'.repeat(300)}`, headers: adminH });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  describe('internal errors', () => {
    it(`500 with a fixed detail quoting the request id and no stack, when the database is gone [${dialect}]`, async () => {
      const scratch = await createScratch(dialect);
      const database = openDatabase({ url: scratch.url, poolSize: 2 });
      await migrateToLatest(database);
      const broken = await buildTestNode(database);
      try {
        const token = await tokenFor(broken, await createUser(broken, ['investigator']));
        expect((await broken.app.inject({ url: '/api/v1/auth/session', headers: bearer(token) })).statusCode).toBe(200);
        await database.close();
        const res = await broken.app.inject({ url: '/api/v1/auth/session', headers: bearer(token) });
        const p = expectProblem(res, 'internal');
        expect(p.detail).toBe(`an internal error occurred; quote request id ${p.requestId}`);
        expect(res.body).not.toMatch(STACK_LINE);
        expect(res.body).not.toMatch(/destroyed|sqlite|postgres|kysely|pool|select/i);
        const login = await broken.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'someone', password: 'something long' } });
        expectProblem(login, 'internal');
        // Readiness says what is wrong, as a 503 problem.
        const ready = expectProblem(await broken.app.inject({ url: '/readyz' }), 'unavailable', 503);
        expect(ready.detail).toMatch(/database/);
        // Liveness does not depend on the database.
        expect((await broken.app.inject({ url: '/healthz' })).statusCode).toBe(200);
      } finally {
        await broken.close();
        await scratch.drop();
      }
    });
  });
});
