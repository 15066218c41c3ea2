import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../src/modules/accounts/totp.ts';
import { describeEachDialect } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, loginSession, tokenFor, type TestNode, type TestUser } from '../kit/node.ts';
import { cookieMap, expectProblem } from './problems.ts';

let addr = 0;
/** A fresh client address, so the per-address login throttle of one test never reaches another. */
const freshAddress = (): string => {
  addr += 1;
  return `203.0.113.${addr % 250}`;
};

describeEachDialect('HTTP auth: login, cookies, CSRF, sessions', (get) => {
  let node: TestNode;
  beforeAll(async () => {
    node = await buildTestNode(get(), { loginMaxFailures: 3, loginLockoutMinutes: 5 });
  });
  afterAll(() => node.close());

  const loginReq = (payload: unknown, remoteAddress = freshAddress()) =>
    node.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: payload as Record<string, unknown>, remoteAddress });

  describe('login', () => {
    it('sets an HTTP-only SameSite=Strict session cookie and a readable CSRF cookie', async () => {
      const u = await createUser(node, ['investigator']);
      const res = await loginReq({ username: u.username, password: u.password });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['cache-control']).toBe('no-store');
      const c = cookieMap(res);
      const session = c.get('comity_session');
      const csrf = c.get('comity_csrf');
      expect(session?.value).toMatch(/^comity_ses_[A-Za-z0-9_-]{43}$/);
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 12 * 3600 });
      expect(session?.secure).toBeFalsy();
      expect(csrf?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(csrf).toMatchObject({ sameSite: 'Strict', path: '/', maxAge: 12 * 3600 });
      expect(csrf?.httpOnly).toBeFalsy();
      const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      expect(raw.find((h) => h.startsWith('comity_session='))).toMatch(/; HttpOnly/);
      expect(raw.find((h) => h.startsWith('comity_csrf='))).not.toMatch(/HttpOnly/);
      const body = res.json();
      expect(body).toMatchObject({
        user: { id: u.id, username: u.username, roles: ['investigator'], disabled: false, totpEnabled: false },
        roles: ['investigator'],
        via: 'session',
        stage: 'full',
        totpRequired: false,
        node: { state: 'XA', name: node.config.nodeName },
      });
      // Secrets never leave in the body.
      expect(Object.keys(body.user).sort()).toEqual(
        ['createdAt', 'disabled', 'displayName', 'email', 'id', 'lockedUntil', 'roles', 'totpEnabled', 'updatedAt', 'username'].sort(),
      );
      expect(res.body).not.toContain(session?.value ?? '-');
      expect(res.body).not.toContain('argon2');
    });

    it('marks cookies Secure when cookieSecure is set', async () => {
      const secure = await buildTestNode(get(), { cookieSecure: true });
      try {
        const u = await createUser(secure, ['investigator']);
        const res = await secure.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: u.password } });
        const c = cookieMap(res);
        expect(c.get('comity_session')?.secure).toBe(true);
        expect(c.get('comity_csrf')?.secure).toBe(true);
      } finally {
        await secure.close();
      }
    });

    it('answers wrong credentials with 401 problems and sets no cookie', async () => {
      const u = await createUser(node, ['investigator']);
      const a = await loginReq({ username: u.username, password: 'not the right one' });
      const pa = expectProblem(a, 'invalid_credentials');
      expect(a.cookies).toHaveLength(0);
      const b = await loginReq({ username: 'nobody-here', password: 'not the right one' });
      expect(expectProblem(b, 'invalid_credentials').detail).toBe(pa.detail);
      expect(a.body).not.toContain('not the right one');
    });

    it('locks the account with 423 and Retry-After, and the lock lifts with time', async () => {
      const u = await createUser(node, ['investigator']);
      const from = freshAddress();
      expectProblem(await loginReq({ username: u.username, password: 'wrong wrong wrong' }, from), 'invalid_credentials');
      expectProblem(await loginReq({ username: u.username, password: 'wrong wrong wrong' }, from), 'invalid_credentials');
      const locked = await loginReq({ username: u.username, password: 'wrong wrong wrong' }, from);
      const p = expectProblem(locked, 'account_locked', 423);
      expect(p.retryAfter).toBe(300);
      expect(locked.headers['retry-after']).toBe('300');
      expect(p.detail).toMatch(/locked/);
      const still = await loginReq({ username: u.username, password: u.password }, from);
      expect(expectProblem(still, 'account_locked').retryAfter).toBe(300);
      node.clock.advance(5 * 60_000);
      expect((await loginReq({ username: u.username, password: u.password }, from)).statusCode).toBe(200);
    });

    it('throttles an address that fails too often with 429 and Retry-After', async () => {
      const from = freshAddress();
      for (let i = 0; i < 30; i++) {
        expectProblem(await loginReq({ username: `ghost${i}`, password: 'guess guess guess' }, from), 'invalid_credentials');
      }
      const res = await loginReq({ username: 'ghost', password: 'guess guess guess' }, from);
      const p = expectProblem(res, 'too_many_requests', 429);
      expect(p.retryAfter).toBeGreaterThan(0);
      expect(res.headers['retry-after']).toBe(String(p.retryAfter));
      const u = await createUser(node, ['investigator']);
      expect((await loginReq({ username: u.username, password: u.password }, freshAddress())).statusCode).toBe(200);
      node.clock.advance(10 * 60_000);
    });

    it('asks for the one-time code of an enrolled user and refuses a wrong or replayed one', async () => {
      const u = await createUser(node, ['investigator'], { totp: true });
      const secret = u.totpSecret ?? '';
      expectProblem(await loginReq({ username: u.username, password: u.password }), 'totp_required');
      const code = totpAt(secret, node.clock.now());
      const wrong = code === '000000' ? '000001' : '000000';
      expectProblem(await loginReq({ username: u.username, password: u.password, totp: wrong }), 'totp_invalid');
      expect((await loginReq({ username: u.username, password: u.password, totp: code })).statusCode).toBe(200);
      expectProblem(await loginReq({ username: u.username, password: u.password, totp: code }), 'totp_invalid');
      const bad = await loginReq({ username: u.username, password: u.password, totp: '12ab56' });
      expect(expectProblem(bad, 'validation_failed').errors?.[0]).toMatchObject({ in: 'body', pointer: '/totp' });
      node.clock.advance(30_000);
    });
  });

  describe('CSRF', () => {
    let user: TestUser;
    let headers: Record<string, string>;
    beforeAll(async () => {
      user = await createUser(node, ['investigator']);
      headers = (await loginSession(node, user)).headers;
    });

    const withoutCsrf = (): Record<string, string> => ({ cookie: headers.cookie ?? '' });

    it('is not needed for safe methods', async () => {
      const res = await node.app.inject({ url: '/api/v1/auth/session', headers: withoutCsrf() });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ via: 'session', stage: 'full', user: { id: user.id } });
    });

    it('refuses a state-changing request without the header, with a wrong one, or with another session\'s', async () => {
      const other = await loginSession(node, await createUser(node, ['investigator']));
      const sessionCookie = headers.cookie ?? '';
      const variants: Array<Record<string, string>> = [
        withoutCsrf(),
        { cookie: sessionCookie, 'x-csrf-token': '' },
        { cookie: sessionCookie, 'x-csrf-token': 'not-the-token' },
        { cookie: sessionCookie, 'x-csrf-token': `${headers['x-csrf-token']}x` },
        { cookie: sessionCookie, 'x-csrf-token': String(other.headers['x-csrf-token']) },
        // The session token itself is not the CSRF token.
        { cookie: sessionCookie, 'x-csrf-token': /comity_session=([^;]+)/.exec(sessionCookie)?.[1] ?? '' },
      ];
      for (const h of variants) {
        for (const req of [
          { method: 'POST' as const, url: '/api/v1/auth/logout-all' },
          { method: 'POST' as const, url: '/api/v1/tokens', payload: { name: 'x', roles: ['investigator'] } },
          { method: 'DELETE' as const, url: '/api/v1/tokens/01900000-0000-7000-8000-000000000000' },
        ]) {
          const res = await node.app.inject({ ...req, headers: h });
          const p = expectProblem(res, 'csrf_failed', 403);
          expect(p.detail).toContain('x-csrf-token');
        }
      }
      // Nothing happened: the session is still alive and no token was made.
      const me = await node.app.inject({ url: '/api/v1/tokens', headers: withoutCsrf() });
      expect(me.json().items).toEqual([]);
    });

    it('accepts the matching header', async () => {
      const res = await node.app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'from browser', roles: ['investigator'] } });
      expect(res.statusCode).toBe(201);
    });

    it('is not needed with a bearer token', async () => {
      const admin = await createUser(node, ['admin']);
      const target = await createUser(node, ['investigator']);
      const res = await node.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${target.id}`,
        headers: bearer(await tokenFor(node, admin)),
        payload: { displayName: 'Changed by a script' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().displayName).toBe('Changed by a script');
    });
  });

  describe('sessions', () => {
    it('describes the current session, and a token\'s narrower roles', async () => {
      const u = await createUser(node, ['investigator', 'prosecutor']);
      const { headers, res: login } = await loginSession(node, u);
      const s = await node.app.inject({ url: '/api/v1/auth/session', headers });
      expect(s.json()).toEqual({ ...login.json(), user: s.json().user });
      expect(s.json().expiresAt).toBe(new Date(node.clock.now().getTime() + 12 * 3_600_000).toISOString());
      const t = await node.app.inject({ url: '/api/v1/auth/session', headers: bearer(await tokenFor(node, u, ['prosecutor'])) });
      expect(t.json()).toMatchObject({ via: 'token', roles: ['prosecutor'], stage: 'full', expiresAt: null, user: { roles: ['investigator', 'prosecutor'] } });
    });

    it('requires authentication, and clears a dead session cookie', async () => {
      expectProblem(await node.app.inject({ url: '/api/v1/auth/session' }), 'unauthenticated');
      const res = await node.app.inject({ url: '/api/v1/auth/session', headers: { cookie: 'comity_session=comity_ses_forged' } });
      expectProblem(res, 'unauthenticated');
      const cleared = cookieMap(res).get('comity_session');
      expect(cleared?.value).toBe('');
      for (const authorization of ['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer comity_pat_forged', 'Bearer a b', 'comity_pat_x']) {
        const r = await node.app.inject({ url: '/api/v1/auth/session', headers: { authorization } });
        expectProblem(r, 'unauthenticated');
      }
    });

    it('ends after the idle time, and on logout', async () => {
      const u = await createUser(node, ['investigator']);
      const a = await loginSession(node, u);
      node.clock.advance(31 * 60_000);
      expectProblem(await node.app.inject({ url: '/api/v1/auth/session', headers: a.headers }), 'unauthenticated');
      const b = await loginSession(node, u);
      const out = await node.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: b.headers });
      expect(out.statusCode).toBe(204);
      expect(out.body).toBe('');
      const cleared = cookieMap(out);
      expect(cleared.get('comity_session')?.value).toBe('');
      expect(cleared.get('comity_csrf')?.value).toBe('');
      expectProblem(await node.app.inject({ url: '/api/v1/auth/session', headers: b.headers }), 'unauthenticated');
    });

    it('logs out everywhere: every session of the user ends, API tokens stay', async () => {
      const u = await createUser(node, ['investigator']);
      const a = await loginSession(node, u);
      const b = await loginSession(node, u);
      const token = await tokenFor(node, u);
      const res = await node.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: a.headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ended: 2 });
      for (const h of [a.headers, b.headers]) expectProblem(await node.app.inject({ url: '/api/v1/auth/session', headers: h }), 'unauthenticated');
      expect((await node.app.inject({ url: '/api/v1/auth/session', headers: bearer(token) })).statusCode).toBe(200);
    });

    it('changes the password: current one required, sessions end', async () => {
      const u = await createUser(node, ['investigator']);
      const { headers } = await loginSession(node, u);
      const change = (payload: Record<string, string>) => node.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload });
      expectProblem(await change({ currentPassword: 'nope nope', newPassword: 'a new long password' }), 'invalid_credentials');
      const short = await change({ currentPassword: u.password, newPassword: 'short' });
      expect(expectProblem(short, 'validation_failed').errors).toEqual([{ in: 'body', pointer: '/newPassword', detail: 'must be at least 12 characters' }]);
      const ok = await change({ currentPassword: u.password, newPassword: 'a new long password' });
      expect(ok.statusCode).toBe(204);
      expectProblem(await node.app.inject({ url: '/api/v1/auth/session', headers }), 'unauthenticated');
      expect((await loginReq({ username: u.username, password: 'a new long password' })).statusCode).toBe(200);
    });
  });

  describe('TOTP enrolment for roles that require it', () => {
    it('gives an enrolment-only session that reaches nothing else until the device is confirmed', async () => {
      const admin = await createUser(node, ['admin']);
      const { headers, res } = await loginSession(node, admin);
      expect(res.json()).toMatchObject({ stage: 'enroll_totp', totpRequired: true });
      // Allowed during enrolment.
      expect((await node.app.inject({ url: '/api/v1/auth/session', headers })).json().stage).toBe('enroll_totp');
      // Everything else is refused with a clear problem.
      for (const req of [
        { method: 'GET' as const, url: '/api/v1/users' },
        { method: 'GET' as const, url: '/api/v1/tokens' },
        { method: 'POST' as const, url: '/api/v1/tokens', payload: { name: 'x', roles: ['admin'] } },
        { method: 'GET' as const, url: `/api/v1/users/${admin.id}` },
        { method: 'POST' as const, url: '/api/v1/auth/password', payload: { currentPassword: admin.password, newPassword: 'whatever new password' } },
      ]) {
        expectProblem(await node.app.inject({ ...req, headers }), 'totp_enrollment_required', 403);
      }
      // Enrolment needs CSRF like any other change.
      expectProblem(await node.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enroll', headers: { cookie: headers.cookie ?? '' } }), 'csrf_failed');
      const en = await node.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enroll', headers });
      expect(en.statusCode).toBe(200);
      const { secret, otpauthUri } = en.json<{ secret: string; otpauthUri: string }>();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(otpauthUri.startsWith('otpauth://totp/')).toBe(true);
      const code = totpAt(secret, node.clock.now());
      const wrong = code === '123456' ? '654321' : '123456';
      expectProblem(await node.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers, payload: { code: wrong } }), 'totp_invalid');
      const bad = await node.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers, payload: { code: '12345' } });
      expect(expectProblem(bad, 'validation_failed').errors?.[0]?.pointer).toBe('/code');
      const ok = await node.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers, payload: { code } });
      expect(ok.statusCode).toBe(204);
      expect((await node.app.inject({ url: '/api/v1/auth/session', headers })).json()).toMatchObject({ stage: 'full', user: { totpEnabled: true } });
      expect((await node.app.inject({ url: '/api/v1/users', headers })).statusCode).toBe(200);
      // A second enrolment is a conflict; the next login needs a fresh code.
      expectProblem(await node.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enroll', headers }), 'conflict');
      expectProblem(await loginReq({ username: admin.username, password: admin.password }), 'totp_required');
      node.clock.advance(30_000);
    });

    it('is done from a browser session, not with an API token', async () => {
      const u = await createUser(node, ['investigator']);
      const h = bearer(await tokenFor(node, u));
      expectProblem(await node.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enroll', headers: h }), 'forbidden');
      expectProblem(await node.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers: h, payload: { code: '123456' } }), 'forbidden');
    });
  });
});
