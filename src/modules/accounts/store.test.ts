import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import type { Role } from '../../platform/config/schema.ts';
import { inTransaction } from '../../platform/db/executor.ts';
import { newId } from '../../platform/ids.ts';
import * as store from './store.ts';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);

/**
 * The accounts store against each real database, with identical assertions: what goes in comes back with the
 * same JS types (Date, boolean, bigint, arrays) on SQLite and PostgreSQL.
 */
describeEachDialect('accounts store', (get) => {
  const db = () => get().db;

  async function addUser(username: string, roles: Role[], at = T0): Promise<string> {
    const id = newId();
    await inTransaction(db(), (trx) =>
      store.insertUser(trx, { id, username, displayName: username.toUpperCase(), email: `${username}@example.org`, passwordHash: '$argon2id$x', roles, at }),
    );
    return id;
  }

  describe('users', () => {
    it('finds several users at once, with their roles, ignoring unknown ids', async () => {
      const a = await addUser('batch-a', ['prosecutor']);
      const b = await addUser('batch-b', ['oversight', 'investigator']);
      const found = await store.findUsersByIds(db(), [a, b, a, newId()]);
      expect([...found.keys()].sort()).toEqual([a, b].sort());
      expect(found.get(b)?.roles).toEqual(['investigator', 'oversight']);
      expect(found.get(a)?.username).toBe('batch-a');
      expect((await store.findUsersByIds(db(), [])).size).toBe(0);
    });

    it('round-trips every column with the same types on both engines', async () => {
      const id = await addUser('store-alice', ['prosecutor', 'investigator']);
      const u = await store.findUserById(db(), id);
      expect(u).toEqual({
        id,
        username: 'store-alice',
        displayName: 'STORE-ALICE',
        email: 'store-alice@example.org',
        passwordHash: '$argon2id$x',
        totpSecret: null,
        totpEnabled: false,
        totpLastStep: null,
        disabled: false,
        failedLogins: 0,
        lockedUntil: null,
        passwordChangedAt: T0,
        createdAt: T0,
        updatedAt: T0,
        roles: ['investigator', 'prosecutor'],
      });
      expect(await store.findUserByUsername(db(), 'store-alice')).toEqual(u);
      expect(await store.findUserByUsername(db(), 'STORE-ALICE')).toBeUndefined();
      expect(await store.findUserById(db(), newId())).toBeUndefined();
    });

    it('applies a patch, including a TOTP step beyond 32 bits and explicit nulls', async () => {
      const id = await addUser('store-bob', ['investigator']);
      const step = 2n ** 40n + 7n;
      await store.updateUser(
        db(),
        id,
        { displayName: 'Bob', email: null, totpSecret: 'ABCDEF', totpEnabled: true, totpLastStep: step, disabled: true, failedLogins: 4, lockedUntil: later(60_000) },
        later(1000),
      );
      const u = await store.findUserById(db(), id);
      expect(u).toMatchObject({ displayName: 'Bob', email: null, totpSecret: 'ABCDEF', totpEnabled: true, totpLastStep: step, disabled: true, failedLogins: 4 });
      expect(u?.lockedUntil).toEqual(later(60_000));
      expect(u?.updatedAt).toEqual(later(1000));
      expect(u?.createdAt).toEqual(T0);
      await store.updateUser(db(), id, { totpSecret: null, totpEnabled: false, totpLastStep: null, lockedUntil: null }, later(2000));
      expect(await store.findUserById(db(), id)).toMatchObject({ totpSecret: null, totpEnabled: false, totpLastStep: null, lockedUntil: null });
    });

    it('counts failed logins atomically', async () => {
      const id = await addUser('store-carol', []);
      const results = await Promise.all([1, 2, 3, 4].map(() => store.incrementFailedLogins(db(), id, T0)));
      expect(Math.max(...results)).toBe(4);
      expect((await store.findUserById(db(), id))?.failedLogins).toBe(4);
    });

    it('lists by role, disabled flag and username cursor, in username order', async () => {
      const prefix = 'list-';
      const ids: Record<string, string> = {};
      for (const [name, roles] of [
        ['list-d', ['oversight']],
        ['list-a', ['investigator', 'oversight']],
        ['list-c', []],
        ['list-b', ['investigator']],
      ] as Array<[string, Role[]]>) {
        ids[name] = await addUser(name, roles);
      }
      await store.updateUser(db(), ids['list-c'] ?? '', { disabled: true }, T0);
      const names = async (f: Omit<store.UserFilter, 'limit'>, limit = 100): Promise<string[]> =>
        (await store.listUsers(db(), { ...f, limit })).map((u) => u.username).filter((n) => n.startsWith(prefix));
      expect(await names({})).toEqual(['list-a', 'list-b', 'list-c', 'list-d']);
      expect(await names({ role: 'oversight' })).toEqual(['list-a', 'list-d']);
      expect(await names({ role: 'investigator', disabled: false })).toEqual(['list-a', 'list-b']);
      expect(await names({ disabled: true })).toEqual(['list-c']);
      expect(await names({ after: 'list-b' })).toEqual(['list-c', 'list-d']);
      const page = await store.listUsers(db(), { after: 'list-', limit: 2 });
      expect(page.map((u) => u.username)).toEqual(['list-a', 'list-b']);
      expect(page[0]?.roles).toEqual(['investigator', 'oversight']);
    });

    it('replaces roles and counts only enabled administrators', async () => {
      const before = await store.countAdmins(db());
      const a = await addUser('store-admin-a', ['admin']);
      const b = await addUser('store-admin-b', ['admin', 'oversight']);
      expect(await store.countAdmins(db())).toBe(before + 2);
      await store.updateUser(db(), a, { disabled: true }, T0);
      expect(await store.countAdmins(db())).toBe(before + 1);
      await inTransaction(db(), (trx) => store.replaceRoles(trx, b, ['secretariat']));
      expect(await store.countAdmins(db())).toBe(before);
      expect((await store.findUserById(db(), b))?.roles).toEqual(['secretariat']);
      await inTransaction(db(), (trx) => store.replaceRoles(trx, b, []));
      expect((await store.findUserById(db(), b))?.roles).toEqual([]);
    });

    it('refuses a second user with the same username', async () => {
      await addUser('store-dup', []);
      await expect(addUser('store-dup', [])).rejects.toThrow();
    });
  });

  describe('sessions', () => {
    it('round-trip, are found only by their hash, and revoke per session or per user', async () => {
      const uid = await addUser('store-sessions', []);
      const mk = async (hash: string, stage: string): Promise<string> => {
        const id = newId();
        await store.insertSession(db(), { id, userId: uid, tokenHash: hash, csrfHash: `csrf-${hash}`, stage, at: T0, expiresAt: later(3_600_000), ip: null, userAgent: 'ua' });
        return id;
      };
      const s1 = await mk('hash-one', 'enroll_totp');
      const s2 = await mk('hash-two', 'full');
      expect(await store.findSessionByTokenHash(db(), 'hash-one')).toEqual({
        id: s1,
        userId: uid,
        csrfHash: 'csrf-hash-one',
        stage: 'enroll_totp',
        createdAt: T0,
        lastSeenAt: T0,
        expiresAt: later(3_600_000),
        revokedAt: null,
      });
      expect(await store.findSessionByTokenHash(db(), 'hash-three')).toBeUndefined();
      await store.touchSession(db(), s1, later(5000));
      await store.setSessionStage(db(), s1, 'full');
      expect(await store.findSessionByTokenHash(db(), 'hash-one')).toMatchObject({ lastSeenAt: later(5000), stage: 'full' });
      await store.revokeSession(db(), s1, later(6000));
      await store.revokeSession(db(), s1, later(9000));
      expect((await store.findSessionByTokenHash(db(), 'hash-one'))?.revokedAt).toEqual(later(6000));
      await mk('hash-three', 'full');
      expect(await store.revokeUserSessions(db(), uid, later(7000))).toBe(2);
      expect(await store.revokeUserSessions(db(), uid, later(8000))).toBe(0);
      expect((await store.findSessionByTokenHash(db(), 'hash-two'))?.revokedAt).toEqual(later(7000));
      void s2;
    });
  });

  describe('API tokens', () => {
    it('round-trip roles and scopes as arrays (scopes default to none), list newest first and revoke once', async () => {
      const uid = await addUser('store-tokens', ['investigator', 'prosecutor']);
      const mk = async (name: string, roles: Role[], at: Date, scopes?: string[]): Promise<string> => {
        const id = newId();
        await store.insertToken(db(), { id, userId: uid, name, prefix: `comity_pat_${name}`, tokenHash: `th-${name}`, roles, scopes, at, expiresAt: later(86_400_000) });
        return id;
      };
      const t1 = await mk('one', ['investigator', 'prosecutor'], T0);
      const t2 = await mk('two', ['prosecutor'], later(1000), ['ledger:read']);
      expect(await store.findTokenByHash(db(), 'th-one')).toEqual({
        id: t1,
        userId: uid,
        username: 'store-tokens',
        name: 'one',
        prefix: 'comity_pat_one',
        roles: ['investigator', 'prosecutor'],
        scopes: [],
        createdAt: T0,
        expiresAt: later(86_400_000),
        revokedAt: null,
        lastUsedAt: null,
      });
      expect(await store.findTokenById(db(), t2)).toMatchObject({ name: 'two', roles: ['prosecutor'], scopes: ['ledger:read'] });
      expect(await store.findTokenByHash(db(), 'th-none')).toBeUndefined();
      expect((await store.listTokens(db(), uid, false)).map((t) => t.id)).toEqual([t2, t1]);
      await store.touchToken(db(), t1, later(2000));
      expect(await store.revokeToken(db(), t2, later(3000))).toBe(true);
      expect(await store.revokeToken(db(), t2, later(4000))).toBe(false);
      expect((await store.listTokens(db(), uid, false)).map((t) => t.id)).toEqual([t1]);
      const all = await store.listTokens(db(), uid, true);
      expect(all.map((t) => [t.id, t.revokedAt, t.lastUsedAt])).toEqual([
        [t2, later(3000), null],
        [t1, null, later(2000)],
      ]);
      expect((await store.listTokens(db(), undefined, true)).map((t) => t.id)).toEqual(expect.arrayContaining([t1, t2]));
    });
  });
});
