import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { totpAt } from '../../src/modules/accounts/totp.ts';
import { createScratch, describeEachDialect } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, testConfig, tokenFor, type TestNode } from '../kit/node.ts';
import { expectProblem } from './problems.ts';
import { servedRoutes } from './routes.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface OpenApiOperation {
  summary?: string;
  tags?: string[];
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: { format?: string } }>;
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}
type OpenApiDoc = { openapi: string; paths: Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>>; components?: Record<string, unknown> };

function documented(doc: OpenApiDoc): Map<string, OpenApiOperation> {
  const out = new Map<string, OpenApiOperation>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const m of METHODS) {
      const op = item[m];
      if (op) out.set(`${m.toUpperCase()} ${path}`, op);
    }
  }
  return out;
}

describeEachDialect('HTTP operations', (get, dialect) => {
  let node: TestNode;
  beforeAll(async () => {
    node = await buildTestNode(get());
  });
  afterAll(() => node.close());

  it('/healthz and /readyz', async () => {
    const h = await node.app.inject({ url: '/healthz' });
    expect(h.statusCode).toBe(200);
    expect(h.json()).toEqual({ status: 'ok' });
    const r = await node.app.inject({ url: '/readyz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ready', database: dialect, migrations: 'current' });
  });

  it('/readyz is 503 while migrations are pending', async () => {
    const scratch = await createScratch(dialect);
    const database = openDatabase({ url: scratch.url, poolSize: 2 });
    const fresh = await buildTestNode(database);
    try {
      const p = expectProblem(await fresh.app.inject({ url: '/readyz' }), 'unavailable', 503);
      expect(p.detail).toMatch(/^migrations pending: 0001_/);
    } finally {
      await fresh.close();
      await database.close();
      await scratch.drop();
    }
  });

  it('/metrics counts requests by route template and status, times them, and shows the pool', async () => {
    const u = await createUser(node, ['admin']);
    const h = bearer(await tokenFor(node, u));
    for (let i = 0; i < 3; i++) await node.app.inject({ url: '/healthz' });
    await node.app.inject({ url: '/no/such/thing' });
    await node.app.inject({ url: `/api/v1/users/${u.id}`, headers: h });
    await node.app.inject({ url: '/api/v1/users/not-a-uuid', headers: h });
    const res = await node.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    const counter = (route: string, status: number, method = 'GET'): number => {
      const line = text.split('\n').find((l) => l.startsWith(`comity_http_requests_total{method="${method}",route="${route}",status="${status}"} `));
      return Number(line?.split(' ').at(-1) ?? Number.NaN);
    };
    expect(text).toContain('# TYPE comity_http_requests_total counter');
    expect(counter('/healthz', 200)).toBeGreaterThanOrEqual(3);
    expect(counter('unmatched', 404)).toBeGreaterThanOrEqual(1);
    expect(counter('/api/v1/users/:id', 200)).toBeGreaterThanOrEqual(1);
    expect(counter('/api/v1/users/:id', 400)).toBeGreaterThanOrEqual(1);
    // Labels carry the route template, never the concrete path.
    expect(text).not.toContain(u.id);
    expect(text).not.toContain('/no/such/thing');
    expect(text).toContain('# TYPE comity_http_request_duration_seconds histogram');
    const buckets = text.split('\n').filter((l) => l.startsWith('comity_http_request_duration_seconds_bucket{') && l.includes('route="/healthz"'));
    expect(buckets.some((l) => l.includes('le="+Inf"') && Number(l.split(' ').at(-1)) >= 3)).toBe(true);
    expect(buckets.length).toBeGreaterThanOrEqual(13);
    expect(text).toMatch(/^comity_http_request_duration_seconds_sum\{method="GET",route="\/healthz"\} [\d.e-]+$/m);
    expect(text).toMatch(/^comity_http_request_duration_seconds_count\{method="GET",route="\/healthz"\} \d+$/m);
    for (const state of ['total', 'idle', 'waiting']) {
      expect(text).toMatch(new RegExp(`^comity_db_pool_connections\\{dialect="${dialect}",state="${state}"\\} \\d+$`, 'm'));
    }
    expect(text).toMatch(/^comity_process_cpu_user_seconds_total /m);
  });

  describe('OpenAPI', () => {
    let doc: OpenApiDoc;
    beforeAll(async () => {
      const res = await node.app.inject({ url: '/api/v1/openapi.json' });
      expect(res.statusCode).toBe(200);
      doc = res.json<OpenApiDoc>();
    });

    it('is OpenAPI 3.1 with both security schemes', () => {
      expect(doc.openapi).toBe('3.1.0');
      expect(JSON.stringify(doc.components)).toContain('"bearer"');
      expect(JSON.stringify(doc.components)).toContain('"comity_session"');
    });

    it('documents exactly the routes the app serves', () => {
      const served = servedRoutes(node.app);
      // The parser must have found the routes we know of, or the comparison proves nothing.
      for (const r of ['POST /api/v1/auth/login', 'POST /api/v1/auth/logout-all', 'GET /api/v1/users/{id}', 'POST /api/v1/users/{id}/reset-totp', 'DELETE /api/v1/tokens/{id}', 'GET /metrics']) {
        expect(served).toContain(r);
      }
      expect([...documented(doc).keys()].sort()).toEqual([...served].sort());
    });

    it('gives every operation a summary, tags, a success response and problem responses', () => {
      for (const [key, op] of documented(doc)) {
        expect(op.summary, key).toBeTruthy();
        expect(op.tags?.length, key).toBeGreaterThan(0);
        const codes = Object.keys(op.responses ?? {});
        expect(codes.some((c) => /^2\d\d$/.test(c)), `${key}: ${codes}`).toBe(true);
        expect(codes, key).toEqual(expect.arrayContaining(['4XX', '5XX']));
        const problem = JSON.stringify(op.responses?.['4XX']);
        for (const member of ['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId', 'errors']) expect(problem, key).toContain(`"${member}"`);
        for (const p of op.parameters ?? []) {
          if (p.in === 'path') {
            expect(p.required, `${key} ${p.name}`).toBe(true);
            expect(key).toContain(`{${p.name}}`);
          }
        }
        const [method] = key.split(' ');
        if (method === 'PATCH') expect(op.requestBody?.content, key).toHaveProperty(['application/json']);
      }
    });

    it('serves interactive docs at /api/docs', async () => {
      const res = await node.app.inject({ url: '/api/docs' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toMatch(/swagger/i);
    });
  });
});

describeEachDialect('HTTP logs', (get) => {
  it('record requests but never a password, cookie, CSRF token, TOTP secret or API token', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (s: string) => void lines.push(s) });
    const config = testConfig({ databaseUrl: 'unused' });
    const clock = new ManualClock(new Date());
    const { app, services, ledger } = await buildApp({ config, database: get(), clock, logger });
    const node: TestNode = { app, services, ledger, clock, config, database: get(), close: () => app.close() };
    try {
      const u = await createUser(node, ['authorizer', 'investigator']);
      const secrets: string[] = [u.password];
      // A failed login, then one that must enrol TOTP, with the secret and first code going over the wire.
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: `${u.password}-wrong` } });
      secrets.push(`${u.password}-wrong`);
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: u.password } });
      expect(login.statusCode).toBe(200);
      const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
      const session = String(cookies.comity_session);
      const csrf = String(cookies.comity_csrf);
      secrets.push(session, csrf);
      const headers = { cookie: `comity_session=${session}; comity_csrf=${csrf}`, 'x-csrf-token': csrf, 'user-agent': 'log-test' };
      const en = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/enroll', headers });
      const secret = String(en.json().secret);
      const code = totpAt(secret, clock.now());
      secrets.push(secret, en.json().otpauthUri);
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers, payload: { code } })).statusCode).toBe(204);
      // A token request, then uses of the token, including a refused one.
      const made = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'log test', roles: ['investigator'] } });
      expect(made.statusCode).toBe(201);
      const token = String(made.json().token);
      secrets.push(token);
      expect((await app.inject({ url: '/api/v1/auth/session', headers: bearer(token) })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/v1/users', headers: bearer(token) })).statusCode).toBe(403);
      await app.inject({ url: '/api/v1/auth/session', headers: bearer(`${token}x`) });
      secrets.push(`${token}x`);
      await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: u.password, newPassword: 'another long password' } });
      secrets.push('another long password');

      const text = lines.join('');
      // Logging happened: every request is there, with its id and outcome.
      expect(lines.length).toBeGreaterThan(10);
      expect(text).toContain('incoming request');
      expect(text).toContain('request completed');
      expect(text).toContain('"code":"forbidden"');
      expect(text).toContain(String(made.headers['x-request-id']));
      for (const s of secrets) expect(text.includes(s), `a secret reached the log: ${s.slice(0, 12)}…`).toBe(false);
      expect(text).not.toContain(code.length === 6 ? `"${code}"` : code);
      expect(text).not.toMatch(/comity_pat_|comity_ses_/);
      expect(text).not.toMatch(/argon2id/);
      for (const line of lines) {
        const entry = JSON.parse(line) as { req?: { headers?: unknown } };
        expect(entry.req?.headers).toBeUndefined();
      }
    } finally {
      await app.close();
    }
  });
});
