import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/modules/accounts/secrets.ts';
import { describeEachDialect } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, loginSession, tokenFor, type TestNode, type TestUser } from '../kit/node.ts';
import { expectProblem, fieldsOf } from './problems.ts';

const USER_KEYS = ['createdAt', 'disabled', 'displayName', 'email', 'id', 'lockedUntil', 'roles', 'totpEnabled', 'updatedAt', 'username'];
const TOKEN_KEYS = ['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'roles', 'scopes', 'userId', 'username'];
const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';

describeEachDialect('HTTP users and tokens', (get) => {
  let node: TestNode;
  let admin: TestUser;
  let adminH: Record<string, string>;
  let oversightH: Record<string, string>;
  let investigator: TestUser;
  let investigatorH: Record<string, string>;

  beforeAll(async () => {
    node = await buildTestNode(get());
    admin = await createUser(node, ['admin'], { totp: true });
    adminH = (await loginSession(node, admin)).headers;
    oversightH = bearer(await tokenFor(node, await createUser(node, ['oversight'])));
    investigator = await createUser(node, ['investigator']);
    investigatorH = (await loginSession(node, investigator)).headers;
  });
  afterAll(() => node.close());

  function inject(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string> = {}, payload?: unknown) {
    return node.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  }

  describe('users', () => {
    it('admin creates a user (201, presenter fields only); a duplicate is 409', async () => {
      const body = { username: 'New.Person', displayName: 'New Person', email: 'np@example.org', password: 'a sufficiently long pw', roles: ['investigator', 'prosecutor'] };
      const res = await inject('POST', '/api/v1/users', adminH, body);
      expect(res.statusCode, res.body).toBe(201);
      const u = res.json();
      expect(Object.keys(u).sort()).toEqual(USER_KEYS);
      expect(u).toMatchObject({ username: 'new.person', displayName: 'New Person', email: 'np@example.org', roles: ['investigator', 'prosecutor'], disabled: false, totpEnabled: false, lockedUntil: null });
      expect(res.body).not.toContain('a sufficiently long pw');
      const dup = await inject('POST', '/api/v1/users', adminH, { ...body, username: 'NEW.PERSON' });
      expect(expectProblem(dup, 'conflict').detail).toContain('new.person');
    });

    it('names the field in every validation problem', async () => {
      const good = { username: 'valid-name', password: 'a sufficiently long pw', roles: ['investigator'] };
      const cases: Array<[unknown, string[]]> = [
        [{ password: good.password, roles: [] }, ['body /username']],
        [{ ...good, zzz: 1 }, ['body /zzz']],
        [{ ...good, username: 'Has Space' }, ['body /username']],
        [{ ...good, username: 'x' }, ['body /username']],
        [{ ...good, password: 'short' }, ['body /password']],
        [{ ...good, roles: ['investigator', 'wizard'] }, ['body /roles/1']],
        [{ ...good, roles: 'investigator' }, ['body /roles']],
        [{ ...good, email: 'not-an-email' }, ['body /email']],
        [{ ...good, username: 42 }, ['body /username']],
        [[good], ['body /']],
      ];
      for (const [payload, want] of cases) {
        const res = await inject('POST', '/api/v1/users', adminH, payload);
        const p = expectProblem(res, 'validation_failed');
        expect(new Set(fieldsOf(p)), JSON.stringify(payload)).toEqual(new Set(want));
        for (const e of p.errors ?? []) expect(e.detail.length).toBeGreaterThan(0);
        expect(p.detail).toContain(want[0]?.split(' ')[1]?.split('/')[1] ?? '');
      }
      const list = await inject('GET', '/api/v1/users?limit=200', adminH);
      expect(list.json().items.map((u: { username: string }) => u.username)).not.toContain('valid-name');
    });

    it('lists with pagination and filters for admin and oversight; refuses others', async () => {
      for (const n of ['page-a', 'page-b', 'page-c']) {
        expect((await inject('POST', '/api/v1/users', adminH, { username: n, password: 'a sufficiently long pw', roles: ['secretariat'] })).statusCode).toBe(201);
      }
      const p1 = await inject('GET', '/api/v1/users?role=secretariat&limit=2', adminH);
      expect(p1.json()).toMatchObject({ next: 'page-b' });
      expect(p1.json().items.map((u: { username: string }) => u.username)).toEqual(['page-a', 'page-b']);
      const p2 = await inject('GET', `/api/v1/users?role=secretariat&limit=2&after=${p1.json().next}`, oversightH);
      expect(p2.json()).toEqual({ items: [expect.objectContaining({ username: 'page-c' })], next: null });
      const dis = await inject('GET', '/api/v1/users?disabled=false&limit=200', oversightH);
      expect(dis.json().items.length).toBeGreaterThan(3);
      expect(dis.json().items.every((u: { disabled: boolean }) => !u.disabled)).toBe(true);
      expectProblem(await inject('GET', '/api/v1/users', investigatorH), 'forbidden');
      expectProblem(await inject('GET', '/api/v1/users'), 'unauthenticated');
      const bad = await inject('GET', '/api/v1/users?limit=0&role=wizard&sort=name', adminH);
      expect(new Set(fieldsOf(expectProblem(bad, 'validation_failed')))).toEqual(new Set(['query /limit', 'query /role', 'query /sort']));
    });

    it('reads a user: admin, oversight and oneself; 404 for none, 400 for a malformed id', async () => {
      const target = await createUser(node, ['prosecutor']);
      for (const h of [adminH, oversightH]) {
        const res = await inject('GET', `/api/v1/users/${target.id}`, h);
        expect(res.statusCode).toBe(200);
        expect(Object.keys(res.json()).sort()).toEqual(USER_KEYS);
      }
      expect((await inject('GET', `/api/v1/users/${investigator.id}`, investigatorH)).json().id).toBe(investigator.id);
      expectProblem(await inject('GET', `/api/v1/users/${target.id}`, investigatorH), 'forbidden');
      expectProblem(await inject('GET', `/api/v1/users/${NO_SUCH_ID}`, adminH), 'not_found');
      for (const id of ['abc', '12345', `${target.id}0`, target.id.toUpperCase(), `urn:uuid:${target.id}`, `{${target.id}}`, target.id.replaceAll('-', '')]) {
        const p = expectProblem(await inject('GET', `/api/v1/users/${encodeURIComponent(id)}`, adminH), 'validation_failed');
        expect(p.errors, id).toEqual([expect.objectContaining({ in: 'path', pointer: '/id' })]);
      }
    });

    it('changes a user (admin only; oversight is read-only) and refuses an empty change', async () => {
      const target = await createUser(node, ['investigator']);
      const t = await loginSession(node, target);
      expectProblem(await inject('PATCH', `/api/v1/users/${target.id}`, oversightH, { displayName: 'x' }), 'forbidden');
      expectProblem(await inject('PATCH', `/api/v1/users/${target.id}`, investigatorH, { displayName: 'x' }), 'forbidden');
      expect(fieldsOf(expectProblem(await inject('PATCH', `/api/v1/users/${target.id}`, adminH, {}), 'validation_failed'))).toEqual(['body /']);
      const res = await inject('PATCH', `/api/v1/users/${target.id}`, adminH, { roles: ['prosecutor'], email: null });
      expect(res.json()).toMatchObject({ roles: ['prosecutor'], email: null });
      // The change of roles ended the target's session.
      expectProblem(await inject('GET', '/api/v1/auth/session', t.headers), 'unauthenticated');
      const off = await inject('PATCH', `/api/v1/users/${target.id}`, adminH, { disabled: true });
      expect(off.json().disabled).toBe(true);
      expect(fieldsOf(expectProblem(await inject('PATCH', `/api/v1/users/${target.id}`, adminH, { disabled: 'yes' }), 'validation_failed'))).toEqual(['body /disabled']);
      expectProblem(await inject('PATCH', `/api/v1/users/${NO_SUCH_ID}`, adminH, { displayName: 'x' }), 'not_found');
    });

    it('resets a password and a TOTP device (admin only)', async () => {
      const target = await createUser(node, ['authorizer'], { totp: true });
      expectProblem(await inject('POST', `/api/v1/users/${target.id}/reset-password`, oversightH, { password: 'new password 12345' }), 'forbidden');
      expect(fieldsOf(expectProblem(await inject('POST', `/api/v1/users/${target.id}/reset-password`, adminH, { password: 'short' }), 'validation_failed'))).toEqual([
        'body /password',
      ]);
      expect((await inject('POST', `/api/v1/users/${target.id}/reset-password`, adminH, { password: 'new password 12345' })).statusCode).toBe(204);
      expectProblem(await inject('POST', `/api/v1/users/${target.id}/reset-totp`, investigatorH), 'forbidden');
      expect((await inject('POST', `/api/v1/users/${target.id}/reset-totp`, adminH)).statusCode).toBe(204);
      const login = await node.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: target.username, password: 'new password 12345' } });
      expect(login.json()).toMatchObject({ stage: 'enroll_totp', user: { totpEnabled: false } });
      expectProblem(await inject('POST', `/api/v1/users/${NO_SUCH_ID}/reset-totp`, adminH), 'not_found');
    });
  });

  describe('tokens', () => {
    it('creates a token from a session: 201, secret shown once, only its hash stored, works as bearer', async () => {
      const u = await createUser(node, ['investigator', 'prosecutor']);
      const { headers } = await loginSession(node, u);
      const res = await inject('POST', '/api/v1/tokens', headers, { name: 'exporter', roles: ['prosecutor'] });
      expect(res.statusCode, res.body).toBe(201);
      const { token, record } = res.json();
      expect(token).toMatch(/^comity_pat_[A-Za-z0-9_-]{43}$/);
      expect(Object.keys(record).sort()).toEqual(TOKEN_KEYS);
      expect(record).toMatchObject({ userId: u.id, username: u.username, name: 'exporter', roles: ['prosecutor'], revokedAt: null });
      expect(Date.parse(record.expiresAt) - Date.parse(record.createdAt)).toBe(30 * 86_400_000);
      const rows = await get().db.selectFrom('api_tokens').selectAll().where('user_id', '=', u.id).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.token_hash).toBe(sha256Hex(token));
      expect(JSON.stringify(rows)).not.toContain(token);
      const list = await inject('GET', '/api/v1/tokens', headers);
      expect(list.json().items.map((t: { id: string }) => t.id)).toEqual([record.id]);
      expect(list.body).not.toContain(token);
      const me = await inject('GET', '/api/v1/auth/session', bearer(token));
      expect(me.json()).toMatchObject({ via: 'token', roles: ['prosecutor'] });
      // A token cannot mint tokens.
      expectProblem(await inject('POST', '/api/v1/tokens', bearer(token), { name: 'child', roles: ['prosecutor'] }), 'forbidden');
    });

    it('refuses roles the user lacks, naming the field', async () => {
      const p = expectProblem(await inject('POST', '/api/v1/tokens', investigatorH, { name: 'x', roles: ['admin'] }), 'validation_failed');
      expect(fieldsOf(p)).toEqual(['body /roles']);
      const q = expectProblem(await inject('POST', '/api/v1/tokens', investigatorH, { name: 'x', roles: [], expiresInDays: 400 }), 'validation_failed');
      expect(new Set(fieldsOf(q))).toEqual(new Set(['body /roles', 'body /expiresInDays']));
    });

    it('revokes: the owner and admin may; oversight may list but not revoke; others see 404', async () => {
      const owner = await createUser(node, ['investigator']);
      const token = await tokenFor(node, owner);
      const id = (await inject('GET', '/api/v1/tokens', bearer(token))).json().items[0].id as string;
      expectProblem(await inject('GET', '/api/v1/tokens?all=true', investigatorH), 'forbidden');
      const all = await inject('GET', '/api/v1/tokens?all=true&includeRevoked=true', oversightH);
      expect(all.json().items.map((t: { id: string }) => t.id)).toContain(id);
      expectProblem(await inject('DELETE', `/api/v1/tokens/${id}`, investigatorH), 'not_found');
      expectProblem(await inject('DELETE', `/api/v1/tokens/${id}`, oversightH), 'forbidden');
      expectProblem(await inject('DELETE', `/api/v1/tokens/${NO_SUCH_ID}`, adminH), 'not_found');
      expect(fieldsOf(expectProblem(await inject('DELETE', '/api/v1/tokens/nope', adminH), 'validation_failed'))).toEqual(['path /id']);
      const del = await inject('DELETE', `/api/v1/tokens/${id}`, adminH);
      expect(del.statusCode).toBe(204);
      expectProblem(await inject('GET', '/api/v1/auth/session', bearer(token)), 'unauthenticated');
      const own = await tokenFor(node, owner);
      const ownId = (await inject('GET', '/api/v1/tokens', bearer(own))).json().items[0].id as string;
      expect((await inject('DELETE', `/api/v1/tokens/${ownId}`, bearer(own))).statusCode).toBe(204);
      expectProblem(await inject('GET', '/api/v1/tokens', bearer(own)), 'unauthenticated');
    });

    it('expire, and never carry more than the user\'s current roles', async () => {
      const u = await createUser(node, ['investigator', 'prosecutor']);
      const token = await tokenFor(node, u);
      await inject('PATCH', `/api/v1/users/${u.id}`, adminH, { roles: ['investigator'] });
      expect((await inject('GET', '/api/v1/auth/session', bearer(token))).json().roles).toEqual(['investigator']);
      node.clock.advance(86_400_000);
      expectProblem(await inject('GET', '/api/v1/auth/session', bearer(token)), 'unauthenticated');
    });
  });
});
