import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import { buildTestNode, createUser, type TestNode, type TestUser } from '../../../test/kit/node.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Role } from '../../platform/config/schema.ts';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { SESSION_PREFIX, TOKEN_PREFIX, sha256Hex } from './secrets.ts';
import { LOCAL_OPERATOR, type AccountsService, type LoginResult } from './service.ts';
import { base32Decode, hotp, timeStep, totpAt } from './totp.ts';

/** Awaits a promise that must fail with an AppError of `code`; returns the error. */
async function failsWith(p: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  let outcome: unknown;
  try {
    outcome = await p;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    expect(e.code, e.message).toBe(code);
    return e;
  }
  throw new Error(`expected ${code}, got ${JSON.stringify(outcome)}`);
}

/** The JSON Pointers an AppError names. */
const pointers = (e: AppError): string[] => (e.errors ?? []).map((f) => f.pointer);

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let ipSeq = 0;
/** A fresh source address per login sequence, so the per-address throttle of one test never touches another. */
const freshIp = (): string => {
  ipSeq += 1;
  return `10.0.${ipSeq >> 8}.${ipSeq & 255}`;
};

describeEachDialect('accounts service', (get) => {
  let node: TestNode;
  let svc: AccountsService;
  const MAX_FAILURES = 3;
  const LOCK_MINUTES = 10;

  beforeAll(async () => {
    node = await buildTestNode(get(), { loginMaxFailures: MAX_FAILURES, loginLockoutMinutes: LOCK_MINUTES });
    svc = node.services.accounts;
  });
  afterAll(() => node.close());

  const login = (u: TestUser, extra: { password?: string; totp?: string; ip?: string } = {}): Promise<LoginResult> =>
    svc.login({
      username: u.username,
      password: extra.password ?? u.password,
      totp: extra.totp,
      ip: extra.ip ?? freshIp(),
      userAgent: 'vitest',
    });

  /** The actor of a live session token. */
  async function sessionActor(token: string): Promise<Actor> {
    const a = await svc.authenticateSession(token);
    if (!a) throw new Error('session not live');
    return a.actor;
  }

  const asUser = (u: TestUser, via: Actor['via'] = 'session'): Actor => ({ userId: u.id, username: u.username, roles: u.roles, via });

  describe('users', () => {
    it('creates a user with a normalised username, argon2id hash and deduplicated roles', async () => {
      const name = `  Alice.Smith-${Date.now().toString(36)} `;
      const u = await svc.createUser(LOCAL_OPERATOR, {
        username: name,
        password: 'correct horse battery staple',
        roles: ['investigator', 'prosecutor', 'investigator'],
      });
      expect(u.username).toBe(name.trim().toLowerCase());
      expect(u.displayName).toBe(u.username);
      expect(u.email).toBeNull();
      expect(u.roles).toEqual(['investigator', 'prosecutor']);
      expect(u.disabled).toBe(false);
      expect(u.totpEnabled).toBe(false);
      expect(u.failedLogins).toBe(0);
      expect(u.lockedUntil).toBeNull();
      expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=8192,t=1,p=1\$/);
      const row = await get().db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain('correct horse battery staple');
      const found = await svc.findByUsername(LOCAL_OPERATOR, name.toUpperCase());
      expect(found.id).toBe(u.id);
    });

    it('refuses a duplicate username, whatever its case or spacing', async () => {
      const u = await createUser(node, ['investigator']);
      const e = await failsWith(
        svc.createUser(LOCAL_OPERATOR, { username: ` ${u.username.toUpperCase()} `, password: 'another long password', roles: [] }),
        'conflict',
      );
      expect(e.message).toContain(u.username);
    });

    it('names the offending field of an invalid user', async () => {
      const ok = { username: `valid-${Date.now().toString(36)}`, password: 'long enough password', roles: ['investigator'] };
      for (const username of ['a', 'has space', '-leading', '.dot', 'x'.repeat(64), 'ümlaut', '']) {
        const e = await failsWith(svc.createUser(LOCAL_OPERATOR, { ...ok, username }), 'validation_failed');
        expect(pointers(e), username).toEqual(['/username']);
      }
      const e1 = await failsWith(svc.createUser(LOCAL_OPERATOR, { ...ok, password: 'short' }), 'validation_failed');
      expect(pointers(e1)).toEqual(['/password']);
      const e2 = await failsWith(svc.createUser(LOCAL_OPERATOR, { ...ok, roles: ['investigator', 'root'] }), 'validation_failed');
      expect(pointers(e2)).toEqual(['/roles']);
      expect(e2.message).toContain('root');
      // Nothing was stored by the refused attempts.
      const n = await get().db.selectFrom('users').select('id').where('username', '=', ok.username).execute();
      expect(n).toHaveLength(0);
    });

    it('lets only admins create, admins and oversight read and list, and anyone read themselves', async () => {
      const inv = await createUser(node, ['investigator']);
      const ovs = await createUser(node, ['oversight']);
      const adm = await createUser(node, ['admin']);
      const input = { username: `x-${Date.now().toString(36)}`, password: 'long enough password', roles: [] };
      await failsWith(svc.createUser(asUser(inv), input), 'forbidden');
      await failsWith(svc.createUser(asUser(ovs), input), 'forbidden');
      await failsWith(svc.listUsers(asUser(inv), { limit: 10 }), 'forbidden');
      await failsWith(svc.getUser(asUser(inv), ovs.id), 'forbidden');
      expect((await svc.getUser(asUser(inv), inv.id)).username).toBe(inv.username);
      expect((await svc.getUser(asUser(ovs), inv.id)).username).toBe(inv.username);
      expect((await svc.listUsers(asUser(ovs), { limit: 500 })).map((u) => u.id)).toContain(inv.id);
      await failsWith(svc.updateUser(asUser(ovs), inv.id, { displayName: 'x' }), 'forbidden');
      await failsWith(svc.resetPassword(asUser(ovs), inv.id, 'a new long password'), 'forbidden');
      await failsWith(svc.resetTotp(asUser(ovs), inv.id), 'forbidden');
      expect((await svc.createUser(asUser(adm), input)).username).toBe(input.username);
      await failsWith(svc.getUser(asUser(adm), '01900000-0000-7000-8000-000000000000'), 'not_found');
    });

    it('replaces roles, and a change of roles ends the user\'s sessions', async () => {
      const u = await createUser(node, ['investigator']);
      const s = await login(u);
      expect(await svc.authenticateSession(s.sessionToken)).not.toBeNull();
      const after = await svc.updateUser(LOCAL_OPERATOR, u.id, { roles: ['prosecutor', 'secretariat'], displayName: '  Pat  ', email: 'p@example.org' });
      expect(after.roles).toEqual(['prosecutor', 'secretariat']);
      expect(after.displayName).toBe('Pat');
      expect(after.email).toBe('p@example.org');
      expect(await svc.authenticateSession(s.sessionToken)).toBeNull();
      await failsWith(svc.updateUser(LOCAL_OPERATOR, u.id, { roles: ['nobody'] }), 'validation_failed');
      await failsWith(svc.updateUser(LOCAL_OPERATOR, '01900000-0000-7000-8000-000000000000', { displayName: 'x' }), 'not_found');
    });

    it('disabling ends sessions, stops tokens and refuses login', async () => {
      const u = await createUser(node, ['investigator']);
      const s = await login(u);
      const { token } = await svc.createToken(LOCAL_OPERATOR, u.id, { name: 'ci', roles: ['investigator'], expiresInDays: 5 });
      expect(await svc.authenticateToken(token)).not.toBeNull();
      await svc.updateUser(LOCAL_OPERATOR, u.id, { disabled: true });
      expect(await svc.authenticateSession(s.sessionToken)).toBeNull();
      expect(await svc.authenticateToken(token)).toBeNull();
      await failsWith(login(u), 'account_disabled');
      // A wrong password still says only "invalid credentials" (disabled status is not revealed without it).
      await failsWith(login(u, { password: 'not the password at all' }), 'invalid_credentials');
      await failsWith(svc.createToken(LOCAL_OPERATOR, u.id, { name: 'x', roles: ['investigator'], expiresInDays: 1 }), 'conflict');
      await svc.updateUser(LOCAL_OPERATOR, u.id, { disabled: false });
      expect((await login(u)).user.id).toBe(u.id);
      expect(await svc.authenticateToken(token)).not.toBeNull();
    });

    it('resets a password: unlocks the account and ends its sessions', async () => {
      const u = await createUser(node, ['investigator']);
      const s = await login(u);
      const ip = freshIp();
      for (let i = 0; i < MAX_FAILURES; i++) await login(u, { password: 'wrong wrong wrong', ip }).catch(() => undefined);
      await failsWith(login(u), 'account_locked');
      await failsWith(svc.resetPassword(LOCAL_OPERATOR, u.id, 'short'), 'validation_failed');
      await svc.resetPassword(LOCAL_OPERATOR, u.id, 'a brand new password');
      expect(await svc.authenticateSession(s.sessionToken)).toBeNull();
      await failsWith(login(u), 'invalid_credentials');
      expect((await login(u, { password: 'a brand new password' })).user.id).toBe(u.id);
    });

    it('changes one\'s own password only with the current one; other sessions end', async () => {
      const u = await createUser(node, ['investigator']);
      const s1 = await login(u);
      const s2 = await login(u);
      const me = await sessionActor(s1.sessionToken);
      await failsWith(svc.changeOwnPassword(me, 'not my password', 'a fine new password'), 'invalid_credentials');
      const e = await failsWith(svc.changeOwnPassword(me, u.password, 'too short'), 'validation_failed');
      expect(pointers(e)).toEqual(['/newPassword']);
      await svc.changeOwnPassword(me, u.password, 'a fine new password');
      expect(await svc.authenticateSession(s1.sessionToken)).toBeNull();
      expect(await svc.authenticateSession(s2.sessionToken)).toBeNull();
      await failsWith(login(u), 'invalid_credentials');
      expect((await login(u, { password: 'a fine new password' })).user.id).toBe(u.id);
    });
  });

  describe('login', () => {
    it('opens a full session for a user whose roles need no second factor; only hashes are stored', async () => {
      const u = await createUser(node, ['investigator']);
      const r = await svc.login({ username: `  ${u.username.toUpperCase()} `, password: u.password, ip: '192.0.2.7', userAgent: 'UA/1' });
      expect(r.user.id).toBe(u.id);
      expect(r.sessionToken.startsWith(SESSION_PREFIX)).toBe(true);
      expect(r.csrfToken.length).toBeGreaterThanOrEqual(40);
      expect(r.session.stage).toBe('full');
      expect(r.session.expiresAt.getTime() - r.session.createdAt.getTime()).toBe(node.config.sessionAbsoluteHours * HOUR);
      const row = await get().db.selectFrom('sessions').selectAll().where('id', '=', r.session.id).executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(sha256Hex(r.sessionToken));
      expect(row.csrf_hash).toBe(sha256Hex(r.csrfToken));
      expect(row.ip).toBe('192.0.2.7');
      expect(row.user_agent).toBe('UA/1');
      const text = JSON.stringify(row);
      expect(text).not.toContain(r.sessionToken);
      expect(text).not.toContain(r.csrfToken);
      const a = await svc.authenticateSession(r.sessionToken);
      expect(a?.actor).toMatchObject({ userId: u.id, username: u.username, roles: ['investigator'], via: 'session', sessionId: r.session.id });
      expect(await svc.authenticateSession(`${r.sessionToken}x`)).toBeNull();
      expect(await svc.authenticateSession(r.sessionToken.slice(SESSION_PREFIX.length))).toBeNull();
      // A session token is not an API token.
      expect(await svc.authenticateToken(r.sessionToken)).toBeNull();
    });

    it('gives the same answer for an unknown user and a wrong password', async () => {
      const u = await createUser(node, ['investigator']);
      const a = await failsWith(login(u, { password: 'definitely not it' }), 'invalid_credentials');
      const b = await failsWith(svc.login({ username: 'no-such-user', password: 'whatever it is', ip: freshIp(), userAgent: null }), 'invalid_credentials');
      expect(a.message).toBe(b.message);
    });

    it(`locks an account after ${MAX_FAILURES} failures in a row, with retryAfter, until the lockout passes`, async () => {
      const u = await createUser(node, ['investigator']);
      const ip = freshIp();
      for (let i = 1; i < MAX_FAILURES; i++) await failsWith(login(u, { password: 'wrong password!', ip }), 'invalid_credentials');
      const locked = await failsWith(login(u, { password: 'wrong password!', ip }), 'account_locked');
      expect(locked.retryAfter).toBe(LOCK_MINUTES * 60);
      const row = await get().db.selectFrom('users').select(['locked_until', 'failed_logins']).where('id', '=', u.id).executeTakeFirstOrThrow();
      expect(new Date(row.locked_until ?? 0).getTime()).toBe(node.clock.now().getTime() + LOCK_MINUTES * MIN);
      // Even the right password is refused while locked, with the time left.
      node.clock.advance(2 * MIN);
      const still = await failsWith(login(u), 'account_locked');
      expect(still.retryAfter).toBe((LOCK_MINUTES - 2) * 60);
      expect(still.message).toMatch(/locked/);
      node.clock.advance((LOCK_MINUTES - 2) * MIN - 1000);
      await failsWith(login(u), 'account_locked');
      node.clock.advance(1000);
      const ok = await login(u);
      expect(ok.user.id).toBe(u.id);
      const after = await get().db.selectFrom('users').select(['locked_until', 'failed_logins']).where('id', '=', u.id).executeTakeFirstOrThrow();
      expect(after.locked_until).toBeNull();
      expect(after.failed_logins).toBe(0);
    });

    it('counts failures in a row: a success starts the count again', async () => {
      const u = await createUser(node, ['investigator']);
      for (let round = 0; round < 3; round++) {
        for (let i = 1; i < MAX_FAILURES; i++) await failsWith(login(u, { password: 'nope nope nope' }), 'invalid_credentials');
        await login(u);
      }
    });

    it('throttles one source address spraying many accounts, then lets it try again', async () => {
      const ip = freshIp();
      const other = freshIp();
      const attempt = (from: string) => svc.login({ username: `ghost-${Math.random()}`, password: 'guess guess guess', ip: from, userAgent: null });
      for (let i = 0; i < 30; i++) await failsWith(attempt(ip), 'invalid_credentials');
      const t = await failsWith(attempt(ip), 'too_many_requests');
      expect(t.retryAfter).toBeGreaterThan(0);
      expect(t.retryAfter).toBeLessThanOrEqual(600);
      // A real user from that address is refused too, before the password is even checked.
      const u = await createUser(node, ['investigator']);
      await failsWith(login(u, { ip }), 'too_many_requests');
      // Another address is unaffected.
      await failsWith(attempt(other), 'invalid_credentials');
      expect((await login(u, { ip: other })).user.id).toBe(u.id);
      node.clock.advance(10 * MIN);
      expect((await login(u, { ip })).user.id).toBe(u.id);
    });
  });

  describe('second factor', () => {
    it('requires the code of an enrolled user, refuses a wrong or replayed one', async () => {
      const u = await createUser(node, ['investigator'], { totp: true });
      const secret = u.totpSecret ?? '';
      await failsWith(login(u), 'totp_required');
      const now = node.clock.now();
      const key = base32Decode(secret);
      const step = timeStep(now);
      const used = new Set([hotp(key, step - 1n), hotp(key, step), hotp(key, step + 1n)]);
      let wrong = '000000';
      for (let i = 0; used.has(wrong); i++) wrong = String(i).padStart(6, '0');
      await failsWith(login(u, { totp: wrong }), 'totp_invalid');
      const code = totpAt(secret, now);
      const ok = await login(u, { totp: code });
      expect(ok.session.stage).toBe('full');
      const row = await get().db.selectFrom('users').select('totp_last_step').where('id', '=', u.id).executeTakeFirstOrThrow();
      expect(String(row.totp_last_step)).toBe(String(step));
      // The same code cannot open a second session, even within its 30 s.
      await failsWith(login(u, { totp: code }), 'totp_invalid');
      node.clock.advance(30_000);
      expect((await login(u, { totp: totpAt(secret, node.clock.now()) })).session.stage).toBe('full');
    });

    it('wrong codes count towards the lockout', async () => {
      const u = await createUser(node, ['investigator'], { totp: true });
      const key = base32Decode(u.totpSecret ?? '');
      const step = timeStep(node.clock.now());
      const live = new Set([hotp(key, step - 1n), hotp(key, step), hotp(key, step + 1n)]);
      const wrong = ['111111', '222222', '333333', '444444', '555555'].filter((c) => !live.has(c));
      const ip = freshIp();
      for (let i = 1; i < MAX_FAILURES; i++) await failsWith(login(u, { totp: wrong[i] ?? '', ip }), 'totp_invalid');
      await failsWith(login(u, { totp: wrong[0] ?? '', ip }), 'account_locked');
      await failsWith(login(u, { totp: totpAt(u.totpSecret ?? '', node.clock.now()), ip }), 'account_locked');
      node.clock.advance(LOCK_MINUTES * MIN);
      expect((await login(u, { totp: totpAt(u.totpSecret ?? '', node.clock.now()), ip })).user.id).toBe(u.id);
    });

    it('gives an admin without TOTP an enrolment-only session that becomes full on confirmation', async () => {
      expect(node.config.totpRequiredRoles).toEqual(['admin', 'authorizer']);
      const u = await createUser(node, ['admin']);
      const r = await login(u);
      expect(r.session.stage).toBe('enroll_totp');
      expect(svc.totpRequiredFor(['admin'])).toBe(true);
      expect(svc.totpRequiredFor(['authorizer', 'investigator'])).toBe(true);
      expect(svc.totpRequiredFor(['investigator', 'oversight'])).toBe(false);
      const me = await sessionActor(r.sessionToken);
      const { secret, otpauthUri } = await svc.beginTotpEnrollment(me);
      expect(otpauthUri).toContain(`secret=${secret}`);
      expect(otpauthUri).toContain(encodeURIComponent(`Comity ${node.config.state}:${u.username}`));
      await failsWith(svc.confirmTotp(me, '12345', r.session.id), 'totp_invalid');
      const code = totpAt(secret, node.clock.now());
      await svc.confirmTotp(me, code, r.session.id);
      expect((await svc.authenticateSession(r.sessionToken))?.session?.stage).toBe('full');
      await failsWith(svc.beginTotpEnrollment(me), 'conflict');
      await failsWith(svc.confirmTotp(me, code, r.session.id), 'conflict');
      // From now on the code is needed at login, and the confirmation code cannot be replayed there.
      await failsWith(login(u), 'totp_required');
      await failsWith(login(u, { totp: code }), 'totp_invalid');
      node.clock.advance(30_000);
      expect((await login(u, { totp: totpAt(secret, node.clock.now()) })).session.stage).toBe('full');
    });

    it('confirming needs a started enrolment', async () => {
      const u = await createUser(node, ['investigator']);
      await failsWith(svc.confirmTotp(asUser(u), '123456'), 'conflict');
    });

    it('an administrator reset removes the device and ends sessions; the next login enrols again', async () => {
      const u = await createUser(node, ['authorizer'], { totp: true });
      const r = await login(u, { totp: totpAt(u.totpSecret ?? '', node.clock.now()) });
      await failsWith(svc.resetTotp(LOCAL_OPERATOR, '01900000-0000-7000-8000-000000000000'), 'not_found');
      await svc.resetTotp(LOCAL_OPERATOR, u.id);
      expect(await svc.authenticateSession(r.sessionToken)).toBeNull();
      const again = await login(u);
      expect(again.session.stage).toBe('enroll_totp');
      expect((await svc.getUser(LOCAL_OPERATOR, u.id)).totpSecret).toBeNull();
    });
  });

  describe('sessions', () => {
    it(`end after ${30} idle minutes; activity keeps them alive`, async () => {
      expect(node.config.sessionIdleMinutes).toBe(30);
      const u = await createUser(node, ['investigator']);
      const r = await login(u);
      node.clock.advance(29 * MIN);
      expect(await svc.authenticateSession(r.sessionToken)).not.toBeNull();
      node.clock.advance(29 * MIN);
      expect(await svc.authenticateSession(r.sessionToken)).not.toBeNull();
      node.clock.advance(30 * MIN + 1);
      expect(await svc.authenticateSession(r.sessionToken)).toBeNull();
      const row = await get().db.selectFrom('sessions').select('revoked_at').where('id', '=', r.session.id).executeTakeFirstOrThrow();
      expect(row.revoked_at).not.toBeNull();
      // Coming back does not revive it.
      node.clock.advance(-30 * MIN);
      expect(await svc.authenticateSession(r.sessionToken)).toBeNull();
      node.clock.advance(30 * MIN);
    });

    it(`end ${12} hours after login whatever the activity`, async () => {
      expect(node.config.sessionAbsoluteHours).toBe(12);
      const u = await createUser(node, ['investigator']);
      const r = await login(u);
      for (let t = 20; t < 12 * 60; t += 20) {
        node.clock.advance(20 * MIN);
        expect(await svc.authenticateSession(r.sessionToken), `${t} min`).not.toBeNull();
      }
      node.clock.set(new Date(r.session.expiresAt.getTime() - 1));
      expect(await svc.authenticateSession(r.sessionToken)).not.toBeNull();
      node.clock.advance(1);
      expect(await svc.authenticateSession(r.sessionToken)).toBeNull();
    });

    it('logout ends one session; logout everywhere ends all of them but not API tokens', async () => {
      const u = await createUser(node, ['investigator']);
      const a = await login(u);
      const b = await login(u);
      const c = await login(u);
      const { token } = await svc.createToken(LOCAL_OPERATOR, u.id, { name: 'ci', roles: ['investigator'], expiresInDays: 1 });
      await svc.logout(a.session.id);
      expect(await svc.authenticateSession(a.sessionToken)).toBeNull();
      expect(await svc.authenticateSession(b.sessionToken)).not.toBeNull();
      const other = await createUser(node, ['investigator']);
      const o = await login(other);
      expect(await svc.logoutEverywhere(await sessionActor(b.sessionToken))).toBe(2);
      expect(await svc.authenticateSession(b.sessionToken)).toBeNull();
      expect(await svc.authenticateSession(c.sessionToken)).toBeNull();
      expect(await svc.authenticateSession(o.sessionToken)).not.toBeNull();
      expect(await svc.authenticateToken(token)).not.toBeNull();
      expect(await svc.logoutEverywhere(asUser(u))).toBe(0);
    });
  });

  describe('API tokens', () => {
    it('are shown once, stored only as a hash, and scoped to a subset of the user\'s roles', async () => {
      const u = await createUser(node, ['investigator', 'prosecutor']);
      const me = await sessionActor((await login(u)).sessionToken);
      const { token, record } = await svc.createToken(me, u.id, { name: '  nightly export ', roles: ['investigator'], expiresInDays: 7 });
      expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
      expect(token.length).toBeGreaterThan(TOKEN_PREFIX.length + 40);
      expect(record).toMatchObject({ userId: u.id, username: u.username, name: 'nightly export', roles: ['investigator'], revokedAt: null, lastUsedAt: null });
      expect(token.startsWith(record.prefix)).toBe(true);
      expect(record.prefix.length).toBeLessThan(TOKEN_PREFIX.length + 10);
      expect(record.expiresAt.getTime() - record.createdAt.getTime()).toBe(7 * DAY);
      expect(Object.values(record)).not.toContain(token);
      const row = await get().db.selectFrom('api_tokens').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(sha256Hex(token));
      expect(JSON.stringify(row)).not.toContain(token.slice(TOKEN_PREFIX.length + 6));
      const listed = await svc.listTokens(me);
      expect(listed.map((t) => t.id)).toEqual([record.id]);
      expect(JSON.stringify(listed)).not.toContain(token);
      const auth = await svc.authenticateToken(token);
      expect(auth?.actor).toMatchObject({ userId: u.id, roles: ['investigator'], via: 'token', tokenId: record.id });
      expect(auth?.session).toBeUndefined();
      expect(await svc.authenticateToken(`${token}x`)).toBeNull();
      expect(await svc.authenticateToken(token.replace(TOKEN_PREFIX, SESSION_PREFIX))).toBeNull();
      expect(await svc.authenticateSession(token)).toBeNull();
      // Using it records when, at most once a minute.
      const used = await get().db.selectFrom('api_tokens').select('last_used_at').where('id', '=', record.id).executeTakeFirstOrThrow();
      expect(new Date(used.last_used_at ?? 0).getTime()).toBe(node.clock.now().getTime());
    });

    it('refuses roles the user lacks and other invalid input, naming the field', async () => {
      const u = await createUser(node, ['investigator']);
      const me = asUser(u);
      const ok = { name: 'n', roles: ['investigator'], expiresInDays: 1 };
      const cases: Array<[Partial<typeof ok>, string]> = [
        [{ roles: ['investigator', 'prosecutor'] }, '/roles'],
        [{ roles: ['admin'] }, '/roles'],
        [{ roles: [] }, '/roles'],
        [{ roles: ['wizard'] }, '/roles'],
        [{ expiresInDays: 0 }, '/expiresInDays'],
        [{ expiresInDays: 367 }, '/expiresInDays'],
        [{ expiresInDays: 1.5 }, '/expiresInDays'],
        [{ name: '   ' }, '/name'],
        [{ name: 'x'.repeat(101) }, '/name'],
      ];
      for (const [patch, pointer] of cases) {
        const e = await failsWith(svc.createToken(me, u.id, { ...ok, ...patch }), 'validation_failed');
        expect(pointers(e), JSON.stringify(patch)).toEqual([pointer]);
      }
      expect(await svc.listTokens(me)).toHaveLength(0);
      const max = await svc.createToken(me, u.id, { ...ok, expiresInDays: 366 });
      expect(max.record.expiresAt.getTime() - max.record.createdAt.getTime()).toBe(366 * DAY);
    });

    it('expire at their expiry time', async () => {
      const u = await createUser(node, ['investigator']);
      const { token, record } = await svc.createToken(asUser(u), u.id, { name: 'short', roles: ['investigator'], expiresInDays: 1 });
      node.clock.set(new Date(record.expiresAt.getTime() - 1));
      expect(await svc.authenticateToken(token)).not.toBeNull();
      node.clock.advance(1);
      expect(await svc.authenticateToken(token)).toBeNull();
    });

    it('can be revoked by their owner, idempotently', async () => {
      const u = await createUser(node, ['investigator']);
      const { token, record } = await svc.createToken(asUser(u), u.id, { name: 'r', roles: ['investigator'], expiresInDays: 1 });
      await svc.revokeToken(asUser(u), record.id);
      expect(await svc.authenticateToken(token)).toBeNull();
      await svc.revokeToken(asUser(u), record.id);
      expect(await svc.listTokens(asUser(u))).toHaveLength(0);
      const all = await svc.listTokens(asUser(u), { includeRevoked: true });
      expect(all.map((t) => [t.id, t.revokedAt !== null])).toEqual([[record.id, true]]);
      await failsWith(svc.revokeToken(asUser(u), '01900000-0000-7000-8000-000000000000'), 'not_found');
    });

    it('carry no more than the user\'s current roles', async () => {
      const u = await createUser(node, ['investigator', 'prosecutor']);
      const { token } = await svc.createToken(asUser(u), u.id, { name: 'scoped', roles: ['investigator', 'prosecutor'], expiresInDays: 1 });
      const rolesNow = async (): Promise<readonly Role[] | undefined> => (await svc.authenticateToken(token))?.actor.roles;
      expect(await rolesNow()).toEqual(['investigator', 'prosecutor']);
      await svc.updateUser(LOCAL_OPERATOR, u.id, { roles: ['investigator', 'secretariat'] });
      expect(await rolesNow()).toEqual(['investigator']);
      await svc.updateUser(LOCAL_OPERATOR, u.id, { roles: ['secretariat'] });
      expect(await rolesNow()).toEqual([]);
      await svc.updateUser(LOCAL_OPERATOR, u.id, { roles: ['prosecutor', 'investigator', 'admin'] });
      expect(await rolesNow()).toEqual(['investigator', 'prosecutor']);
    });

    it('cannot create further tokens', async () => {
      const u = await createUser(node, ['investigator']);
      const { token } = await svc.createToken(asUser(u), u.id, { name: 'parent', roles: ['investigator'], expiresInDays: 1 });
      const viaToken = (await svc.authenticateToken(token))?.actor;
      if (!viaToken) throw new Error('token did not authenticate');
      await failsWith(svc.createToken(viaToken, u.id, { name: 'child', roles: ['investigator'], expiresInDays: 1 }), 'forbidden');
      expect(await svc.listTokens(asUser(u))).toHaveLength(1);
    });

    it('of others: admin manages them, oversight only lists them, others cannot even see them', async () => {
      const owner = await createUser(node, ['investigator']);
      const peer = await createUser(node, ['investigator']);
      const ovs = await createUser(node, ['oversight']);
      const adm = await createUser(node, ['admin']);
      await failsWith(svc.createToken(asUser(peer), owner.id, { name: 'x', roles: ['investigator'], expiresInDays: 1 }), 'forbidden');
      const { token, record } = await svc.createToken(asUser(adm), owner.id, { name: 'by admin', roles: ['investigator'], expiresInDays: 1 });
      expect(record.userId).toBe(owner.id);
      await failsWith(svc.listTokens(asUser(peer), { all: true }), 'forbidden');
      await failsWith(svc.listTokens(asUser(peer), { userId: owner.id }), 'forbidden');
      expect((await svc.listTokens(asUser(ovs), { all: true })).map((t) => t.id)).toContain(record.id);
      expect((await svc.listTokens(asUser(ovs), { userId: owner.id })).map((t) => t.id)).toEqual([record.id]);
      await failsWith(svc.revokeToken(asUser(peer), record.id), 'not_found');
      await failsWith(svc.revokeToken(asUser(ovs), record.id), 'forbidden');
      expect(await svc.authenticateToken(token)).not.toBeNull();
      await svc.revokeToken(asUser(adm), record.id);
      expect(await svc.authenticateToken(token)).toBeNull();
    });
  });
});

describeEachDialect('accounts service: the last administrator', (get) => {
  let node: TestNode;
  beforeAll(async () => {
    node = await buildTestNode(get());
  });
  afterAll(() => node.close());

  it('cannot be demoted or disabled until another enabled administrator exists', async () => {
    const svc = node.services.accounts;
    const a = await createUser(node, ['admin', 'oversight']);
    const conflict = async (p: Promise<unknown>): Promise<void> => {
      await expect(p).rejects.toMatchObject({ code: 'conflict' });
    };
    await conflict(svc.updateUser(LOCAL_OPERATOR, a.id, { roles: ['oversight'] }));
    await conflict(svc.updateUser(LOCAL_OPERATOR, a.id, { disabled: true }));
    await conflict(svc.updateUser(LOCAL_OPERATOR, a.id, { roles: [] }));
    // Harmless changes to the last admin are fine.
    expect((await svc.updateUser(LOCAL_OPERATOR, a.id, { roles: ['admin'] })).roles).toEqual(['admin']);
    expect((await svc.updateUser(LOCAL_OPERATOR, a.id, { displayName: 'Root' })).displayName).toBe('Root');
    // A disabled admin does not count as another one.
    const b = await createUser(node, ['admin']);
    await svc.updateUser(LOCAL_OPERATOR, b.id, { disabled: true });
    await conflict(svc.updateUser(LOCAL_OPERATOR, a.id, { disabled: true }));
    // Once b is enabled again, a may step down; then b is the last one.
    await svc.updateUser(LOCAL_OPERATOR, b.id, { disabled: false });
    expect((await svc.updateUser(LOCAL_OPERATOR, a.id, { roles: ['oversight'] })).roles).toEqual(['oversight']);
    await conflict(svc.updateUser(LOCAL_OPERATOR, b.id, { disabled: true }));
    const rows = await get().db.selectFrom('user_roles').select('user_id').where('role', '=', 'admin').execute();
    expect(rows.map((r) => r.user_id)).toEqual([b.id]);
  });
});
