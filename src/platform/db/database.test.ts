import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import { fromJson, toBool, toDate, toInt, toJson } from './codec.ts';
import { migrateDownAll, migrateToLatest, pendingMigrations } from './database.ts';
import { newId } from '../ids.ts';

describeEachDialect('database', (get) => {
  it('has every migration applied', async () => {
    expect(await pendingMigrations(get())).toEqual([]);
  });

  it('migrates up → down → up', async () => {
    const d = get();
    await migrateDownAll(d);
    expect((await pendingMigrations(d)).length).toBeGreaterThan(0);
    const tables = await d.db.introspection.getTables();
    expect(tables.map((t) => t.name).filter((n) => !n.startsWith('comity_migrations'))).toEqual([]);
    await migrateToLatest(d);
    expect(await pendingMigrations(d)).toEqual([]);
    const names = (await d.db.introspection.getTables()).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['users', 'sessions', 'api_tokens', 'cases', 'case_subjects']));
  });

  it('returns timestamps, ids, booleans and JSON as the same JS types', async () => {
    const { db } = get();
    const id = newId();
    const at = new Date('2026-03-14T02:10:00.123Z');
    await db
      .insertInto('users')
      .values({
        id,
        username: `u-${id}`,
        display_name: 'Types',
        email: null,
        password_hash: 'x',
        totp_secret: null,
        totp_enabled: true,
        totp_last_step: null,
        disabled: false,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('api_tokens')
      .values({
        id: newId(),
        user_id: id,
        name: 't',
        prefix: 'p',
        token_hash: `h-${id}`,
        roles: toJson(['admin', 'oversight']),
        created_at: at,
        expires_at: at,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(u.id).toBe(id);
    expect(toDate(u.created_at)).toEqual(at);
    expect(toBool(u.totp_enabled)).toBe(true);
    expect(toBool(u.disabled)).toBe(false);
    const t = await db.selectFrom('api_tokens').select('roles').where('user_id', '=', id).executeTakeFirstOrThrow();
    expect(fromJson<string[]>(t.roles)).toEqual(['admin', 'oversight']);
    const later = await db
      .selectFrom('users')
      .select(sql<number>`count(*)`.as('n'))
      .where('created_at', '<', new Date('2026-03-14T02:10:00.124Z'))
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(toInt(later.n)).toBe(1);
  });

  it('rolls a failed transaction back', async () => {
    const { db } = get();
    const before = toInt((await db.selectFrom('users').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('reference_counters')
          .values({ scope: 'rollback', value: 1 })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const row = await db.selectFrom('reference_counters').selectAll().where('scope', '=', 'rollback').executeTakeFirst();
    expect(row).toBeUndefined();
    const after = toInt((await db.selectFrom('users').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before);
  });
});

describe('codec', () => {
  it('rejects values that are not of the column type', () => {
    expect(() => toDate('not a date')).toThrow();
    expect(() => toBool('maybe')).toThrow();
    expect(() => toInt('1.5')).not.toThrow();
    expect(() => toInt('x')).toThrow();
  });
});
