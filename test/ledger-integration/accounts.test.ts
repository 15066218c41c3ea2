import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_A_USERNAME } from '../../src/modules/accounts/audit.ts';
import { sha256Hex } from '../../src/modules/accounts/secrets.ts';
import { LOCAL_OPERATOR, type AccountsService } from '../../src/modules/accounts/service.ts';
import { totpAt } from '../../src/modules/accounts/totp.ts';
import type { Actor } from '../../src/platform/actor.ts';
import { AppError } from '../../src/platform/errors.ts';
import { describeEachDialect } from '../kit/dialects.ts';
import { buildTestNode, createUser, type TestNode, type TestUser } from '../kit/node.ts';
import { appended, appendedBy, ledgerText } from './kit.ts';

const OPERATOR = 'operator:local-operator';
const MAX_FAILURES = 3;

let ipSeq = 0;
/** A fresh source address per test, so the per-address throttle of one test never touches another. */
const freshIp = (): string => {
  ipSeq += 1;
  return `10.9.${ipSeq >> 8}.${ipSeq & 255}`;
};

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('expected an AppError');
}

describeEachDialect('ledger: accounts, tokens and logins are recorded', (get) => {
  let node: TestNode;
  let svc: AccountsService;
  let admin: TestUser;
  let adminActor: Actor;
  /** Every secret this file handles: none may ever reach the ledger. */
  const secrets: string[] = [];

  const actorOf = (u: TestUser, via: Actor['via'] = 'session'): Actor => ({ userId: u.id, username: u.username, roles: u.roles, via });
  const userRef = (u: { id: string }): string => `user:${u.id}`;
  const keep = (...s: Array<string | null | undefined>): void => void secrets.push(...s.filter((x): x is string => typeof x === 'string' && x.length > 0));

  beforeAll(async () => {
    node = await buildTestNode(get(), { loginMaxFailures: MAX_FAILURES, loginLockoutMinutes: 10 });
    svc = node.services.accounts;
    admin = await createUser(node, ['admin']);
    adminActor = actorOf(admin);
    keep(admin.password);
  });
  afterAll(() => node.close());

  async function passwordHashOf(id: string): Promise<string> {
    return (await get().db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;
  }

  describe('users', () => {
    it('user.create: by the operator, with the account but no password or hash', async () => {
      const password = 'a long and secret passphrase 1';
      keep(password);
      const { result: u, entries } = await appendedBy(node, () =>
        svc.createUser(LOCAL_OPERATOR, { username: 'Ledger.One', displayName: 'Ledger One', email: 'one@example.test', password, roles: ['investigator', 'prosecutor'] }),
      );
      keep(await passwordHashOf(u.id));
      expect(entries).toHaveLength(1);
      const [e] = entries;
      expect(e?.entry).toMatchObject({ action: 'user.create', object: { type: 'user', id: u.id }, actor: OPERATOR, node: node.ledger.origin });
      expect(e?.details).toEqual({ username: 'ledger.one', displayName: 'Ledger One', email: 'one@example.test', roles: ['investigator', 'prosecutor'] });
    });

    it('user.create by an administrator names them; a refused creation appends nothing', async () => {
      const password = 'another secret passphrase 2';
      keep(password);
      const rows = await appended(node, () => svc.createUser(adminActor, { username: 'ledger-two', password, roles: [] }));
      expect(rows).toEqual([['user.create', 'user', expect.any(String), userRef(admin)]]);
      expect(await appended(node, () => svc.createUser(adminActor, { username: 'ledger-two', password, roles: [] }).catch(() => undefined))).toEqual([]);
      expect(await appended(node, () => svc.createUser(adminActor, { username: 'x', password, roles: [] }).catch(() => undefined))).toEqual([]);
    });

    it('user.update, user.roles, user.disable and user.enable: changed fields only, old → new, in one transaction', async () => {
      const u = await createUser(node, ['investigator']);
      keep(u.password);
      await svc.login({ username: u.username, password: u.password, ip: freshIp(), userAgent: 'vitest' });
      const { entries } = await appendedBy(node, () =>
        svc.updateUser(adminActor, u.id, { displayName: 'Renamed', email: 'r@example.test', roles: ['prosecutor', 'investigator'], disabled: true }),
      );
      expect(entries.map((x) => [x.entry.action, x.entry.object.id, x.entry.actor])).toEqual([
        ['user.update', u.id, userRef(admin)],
        ['user.roles', u.id, userRef(admin)],
        ['user.disable', u.id, userRef(admin)],
      ]);
      // One transaction, one timestamp.
      expect(new Set(entries.map((x) => x.entry.at)).size).toBe(1);
      expect(entries.map((x) => x.details)).toEqual([
        { changes: { displayName: { from: u.username, to: 'Renamed' }, email: { from: null, to: 'r@example.test' } } },
        { from: ['investigator'], to: ['investigator', 'prosecutor'] },
        { sessionsEnded: 1 },
      ]);
      expect(await appended(node, () => svc.updateUser(adminActor, u.id, { disabled: false }))).toEqual([['user.enable', 'user', u.id, userRef(admin)]]);
      // Nothing changes, nothing is recorded.
      expect(await appended(node, () => svc.updateUser(adminActor, u.id, { displayName: ' Renamed ', roles: ['investigator', 'prosecutor'], disabled: false }))).toEqual([]);
      const { entries: cleared } = await appendedBy(node, () => svc.updateUser(adminActor, u.id, { email: null }));
      expect(cleared.map((x) => x.details)).toEqual([{ changes: { email: { from: 'r@example.test', to: null } } }]);
      const { entries: regranted } = await appendedBy(node, () => svc.updateUser(adminActor, u.id, { roles: ['investigator'] }));
      expect(regranted.map((x) => [x.entry.action, x.details])).toEqual([['user.roles', { from: ['investigator', 'prosecutor'], to: ['investigator'], sessionsEnded: 0 }]]);
      // Refused (the last administrator cannot lose the role): nothing happens, nothing is recorded.
      expect(await code(svc.updateUser(adminActor, admin.id, { roles: ['investigator'] }))).toBe('conflict');
      expect(await appended(node, () => svc.updateUser(adminActor, admin.id, { roles: ['investigator'] }).catch(() => undefined))).toEqual([]);
    });

    it('user.password_reset by an administrator and user.password_change by the user', async () => {
      const u = await createUser(node, ['investigator']);
      keep(u.password);
      const reset = 'reset by the administrator 3';
      keep(reset);
      const { entries } = await appendedBy(node, () => svc.resetPassword(adminActor, u.id, reset));
      expect(entries.map((x) => [x.entry.action, x.entry.object.id, x.entry.actor, x.details])).toEqual([
        ['user.password_reset', u.id, userRef(admin), { sessionsEnded: 0, wasLocked: false }],
      ]);
      keep(await passwordHashOf(u.id));
      const mine = 'chosen by the user 4';
      keep(mine);
      expect(await appended(node, () => svc.changeOwnPassword(actorOf(u), reset, mine))).toEqual([['user.password_change', 'user', u.id, userRef(u)]]);
      keep(await passwordHashOf(u.id));
      // A wrong current password changes nothing.
      expect(await appended(node, () => svc.changeOwnPassword(actorOf(u), 'not the password', 'whatever else 5').catch(() => undefined))).toEqual([]);
    });

    it('user.totp_enrolled only when confirmed, and user.totp_reset; never the secret or the code', async () => {
      const u = await createUser(node, ['investigator']);
      const r = await svc.login({ username: u.username, password: u.password, ip: freshIp(), userAgent: 'vitest' });
      keep(r.sessionToken, r.csrfToken, sha256Hex(r.sessionToken));
      const me = actorOf(u);
      const { result: enrolment, entries: started } = await appendedBy(node, () => svc.beginTotpEnrollment(me));
      keep(enrolment.secret, enrolment.otpauthUri);
      expect(started).toEqual([]);
      const { entries } = await appendedBy(node, () => svc.confirmTotp(me, totpAt(enrolment.secret, node.clock.now()), r.session.id));
      expect(entries.map((x) => [x.entry.action, x.entry.object.id, x.entry.actor, x.details])).toEqual([
        ['user.totp_enrolled', u.id, userRef(u), { sessionId: r.session.id }],
      ]);
      const reset = await appendedBy(node, () => svc.resetTotp(adminActor, u.id));
      expect(reset.entries.map((x) => [x.entry.action, x.entry.object.id, x.entry.actor, x.details])).toEqual([
        ['user.totp_reset', u.id, userRef(admin), { sessionsEnded: 1, wasEnrolled: true }],
      ]);
      node.clock.advance(30_000);
    });
  });

  describe('tokens', () => {
    it('token.create: what the token is for, never the token, its hash or prefix; use is not recorded', async () => {
      const u = await createUser(node, ['investigator', 'prosecutor']);
      const { result, entries } = await appendedBy(node, () => svc.createToken(LOCAL_OPERATOR, u.id, { name: 'ci', roles: ['investigator'], expiresInDays: 7 }));
      keep(result.token, sha256Hex(result.token), result.record.prefix);
      expect(entries).toHaveLength(1);
      expect(entries[0]?.entry).toMatchObject({ action: 'token.create', object: { type: 'token', id: result.record.id }, actor: OPERATOR });
      expect(entries[0]?.details).toEqual({
        userId: u.id,
        username: u.username,
        name: 'ci',
        roles: ['investigator'],
        scopes: [],
        expiresAt: result.record.expiresAt.toISOString(),
      });
      // Using the token (its last-use time is written) is bookkeeping, not a change a person made.
      node.clock.advance(120_000);
      expect(await appended(node, async () => expect(await svc.authenticateToken(result.token)).not.toBeNull())).toEqual([]);
    });

    it('token.revoke once; revoking again records nothing', async () => {
      const u = await createUser(node, ['investigator']);
      const { token, record } = await svc.createToken(actorOf(u), u.id, { name: 'mine', roles: ['investigator'], expiresInDays: 1 });
      keep(token, sha256Hex(token));
      const { entries } = await appendedBy(node, () => svc.revokeToken(adminActor, record.id));
      expect(entries.map((x) => [x.entry.action, x.entry.object.type, x.entry.object.id, x.entry.actor, x.details])).toEqual([
        ['token.revoke', 'token', record.id, userRef(admin), { userId: u.id, username: u.username, name: 'mine' }],
      ]);
      expect(await appended(node, () => svc.revokeToken(adminActor, record.id))).toEqual([]);
    });
  });

  describe('logins', () => {
    it('auth.login with session id, address, user agent and stage; session activity is not recorded', async () => {
      const u = await createUser(node, ['investigator']);
      const ip = freshIp();
      const { result: r, entries } = await appendedBy(node, () => svc.login({ username: ` ${u.username.toUpperCase()} `, password: u.password, ip, userAgent: 'Mozilla/5.0 test' }));
      keep(r.sessionToken, r.csrfToken, sha256Hex(r.sessionToken), sha256Hex(r.csrfToken));
      expect(entries.map((x) => [x.entry.action, x.entry.object.type, x.entry.object.id, x.entry.actor, x.details])).toEqual([
        ['auth.login', 'user', u.id, userRef(u), { sessionId: r.session.id, ip, userAgent: 'Mozilla/5.0 test', stage: 'full' }],
      ]);
      node.clock.advance(60_000);
      expect(await appended(node, async () => expect(await svc.authenticateSession(r.sessionToken)).not.toBeNull())).toEqual([]);
      // A privileged user without a second factor logs in to enrol it: the stage says so.
      const a = await createUser(node, ['admin']);
      const { entries: enrol } = await appendedBy(node, () => svc.login({ username: a.username, password: a.password, ip: freshIp(), userAgent: null }));
      expect(enrol[0]?.details).toMatchObject({ stage: 'enroll_totp', userAgent: null });
    });

    it('auth.logout for one session, and once for logout everywhere; an ended session records nothing', async () => {
      const u = await createUser(node, ['investigator']);
      const login = () => svc.login({ username: u.username, password: u.password, ip: freshIp(), userAgent: 'vitest' });
      const a = await login();
      const b = await login();
      const c = await login();
      keep(a.sessionToken, b.sessionToken, c.sessionToken);
      const { entries } = await appendedBy(node, () => svc.logout(a.session.id));
      expect(entries.map((x) => [x.entry.action, x.entry.object.id, x.entry.actor, x.details])).toEqual([['auth.logout', u.id, userRef(u), { sessionId: a.session.id }]]);
      expect(await appended(node, () => svc.logout(a.session.id))).toEqual([]);
      const all = await appendedBy(node, () => svc.logoutEverywhere(actorOf(u)));
      expect(all.result).toBe(2);
      expect(all.entries.map((x) => [x.entry.action, x.entry.object.id, x.entry.actor, x.details])).toEqual([
        ['auth.logout', u.id, userRef(u), { everywhere: true, sessionsEnded: 2 }],
      ]);
      expect(await appended(node, () => svc.logoutEverywhere(actorOf(u)))).toEqual([]);
    });

    it('auth.login_failed for each failure; the failure that locks also records auth.account_locked, together', async () => {
      const u = await createUser(node, ['investigator']);
      const ip = freshIp();
      const wrong = (password = 'not the password at all') => svc.login({ username: u.username, password, ip, userAgent: 'vitest' });
      for (let i = 1; i < MAX_FAILURES; i++) {
        const { entries } = await appendedBy(node, async () => expect(await code(wrong())).toBe('invalid_credentials'));
        expect(entries.map((x) => [x.entry.action, x.entry.object.type, x.entry.object.id, x.entry.actor, x.details])).toEqual([
          ['auth.login_failed', 'user', u.id, 'anonymous', { reason: 'wrong_password', ip, failures: i }],
        ]);
      }
      const { entries } = await appendedBy(node, async () => expect(await code(wrong())).toBe('account_locked'));
      expect(entries.map((x) => [x.entry.action, x.entry.object.id, x.entry.actor])).toEqual([
        ['auth.login_failed', u.id, 'anonymous'],
        ['auth.account_locked', u.id, 'system'],
      ]);
      expect(entries[1]?.details).toEqual({ until: new Date(node.clock.now().getTime() + 10 * 60_000).toISOString(), failures: MAX_FAILURES, ip });
      const row = await get().db.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', u.id).executeTakeFirstOrThrow();
      expect(row.locked_until).not.toBeNull();
      // An attempt on the locked account, even with the right password.
      const locked = await appendedBy(node, async () => expect(await code(wrong(u.password))).toBe('account_locked'));
      expect(locked.entries.map((x) => [x.entry.action, x.entry.object.id, x.details])).toEqual([['auth.login_failed', u.id, { reason: 'account_locked', ip }]]);
    });

    it('auth.login_failed for a wrong one-time code and a disabled account; none for the code being asked for', async () => {
      const u = await createUser(node, ['investigator'], { totp: true });
      if (!u.totpSecret) throw new Error('no TOTP secret');
      keep(u.totpSecret);
      const ip = freshIp();
      const asked = await appendedBy(node, async () => expect(await code(svc.login({ username: u.username, password: u.password, ip, userAgent: null }))).toBe('totp_required'));
      expect(asked.entries).toEqual([]);
      const wrongCode = totpAt(u.totpSecret, node.clock.now()) === '000000' ? '111111' : '000000';
      const bad = await appendedBy(node, async () =>
        expect(await code(svc.login({ username: u.username, password: u.password, totp: wrongCode, ip, userAgent: null }))).toBe('totp_invalid'),
      );
      expect(bad.entries.map((x) => [x.entry.action, x.entry.object.id, x.details])).toEqual([['auth.login_failed', u.id, { reason: 'wrong_totp', ip, failures: 1 }]]);
      await svc.updateUser(adminActor, u.id, { disabled: true });
      const disabled = await appendedBy(node, async () => expect(await code(svc.login({ username: u.username, password: u.password, ip, userAgent: null }))).toBe('account_disabled'));
      expect(disabled.entries.map((x) => [x.entry.action, x.entry.object.id, x.details])).toEqual([['auth.login_failed', u.id, { reason: 'account_disabled', ip }]]);
    });

    it('auth.login_failed for an unknown name: the normalised name when it could be one, else a marker', async () => {
      const ip = freshIp();
      const attempt = (username: string, password = 'some password') => svc.login({ username, password, ip, userAgent: 'vitest' });
      const known = await appendedBy(node, async () => expect(await code(attempt('  No.Such-User '))).toBe('invalid_credentials'));
      expect(known.entries.map((x) => [x.entry.action, x.entry.object.type, x.entry.object.id, x.entry.actor, x.details])).toEqual([
        ['auth.login_failed', 'username', 'no.such-user', 'anonymous', { reason: 'unknown_username', ip }],
      ]);
      // A password typed into the name field never becomes a permanent part of the log.
      const typo = 'My Secret Passphrase!';
      keep(typo, typo.toLowerCase());
      const odd = await appendedBy(node, async () => expect(await code(attempt(typo))).toBe('invalid_credentials'));
      expect(odd.entries.map((x) => [x.entry.object.type, x.entry.object.id])).toEqual([['username', NOT_A_USERNAME]]);
    });

    it('records nothing for attempts the per-address throttle refuses', async () => {
      const ip = freshIp();
      const attempt = () => svc.login({ username: 'nobody-here', password: 'x', ip, userAgent: null });
      let refused = 0;
      const start = await node.ledger.size();
      for (let i = 0; i < 40; i++) if ((await code(attempt())) === 'too_many_requests') refused += 1;
      expect(refused).toBeGreaterThan(0);
      expect(await node.ledger.size()).toBe(start + 40 - refused);
    });
  });

  it('no secret ever reaches the ledger (leaves or details)', async () => {
    const text = await ledgerText(get());
    expect(secrets.length).toBeGreaterThan(20);
    for (const s of secrets) expect(text.includes(s), `the ledger holds a secret: ${s.slice(0, 12)}…`).toBe(false);
    expect(text).not.toMatch(/\$argon2id\$/);
    expect(text).not.toMatch(/comity_(pat|ses)_/);
  });
});
