import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../src/modules/accounts/service.ts';
import type { Actor } from '../../src/platform/actor.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { describeEachDialect } from '../kit/dialects.ts';
import { buildTestNode, createUser, type TestNode, type TestUser } from '../kit/node.ts';
import { counts } from './kit.ts';

const REFUSAL = 'ledger refused by the test';
const TABLES = ['users', 'user_roles', 'sessions', 'api_tokens', 'cases', 'case_offences', 'case_members', 'case_subjects', 'reference_counters', 'ledger_entries', 'ledger_details', 'ledger_nodes'];

/** Makes every append fail: a trigger that refuses inserts into ledger_entries (the database is this file's own). */
async function refuseAppends(database: Database): Promise<void> {
  if (database.dialect === 'postgres') {
    await sql`CREATE FUNCTION test_refuse_append() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION ${sql.lit(REFUSAL)}; END $$`.execute(database.db);
    await sql`CREATE TRIGGER test_refuse_append BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION test_refuse_append()`.execute(database.db);
  } else {
    await sql`CREATE TRIGGER test_refuse_append BEFORE INSERT ON ledger_entries BEGIN SELECT RAISE(ABORT, ${sql.lit(REFUSAL)}); END`.execute(database.db);
  }
}

async function allowAppends(database: Database): Promise<void> {
  await sql`DROP TRIGGER test_refuse_append${sql.raw(database.dialect === 'postgres' ? ' ON ledger_entries' : '')}`.execute(database.db);
  if (database.dialect === 'postgres') await sql`DROP FUNCTION test_refuse_append()`.execute(database.db);
}

describeEachDialect('ledger: if the append fails, the change does not happen', (get) => {
  let node: TestNode;
  let lead: Actor;
  let holder: TestUser;
  let locked: TestUser;
  let caseId: string;

  beforeAll(async () => {
    node = await buildTestNode(get(), { loginMaxFailures: 1 });
    const u = await createUser(node, ['investigator']);
    lead = { userId: u.id, username: u.username, roles: u.roles, via: 'session' };
    holder = await createUser(node, ['investigator']);
    locked = await createUser(node, ['investigator']);
    caseId = (await node.services.cases.createCase(lead, { title: 'Before the fault', offences: ['computer_fraud'] })).record.id;
    await refuseAppends(get());
  });
  afterAll(() => node.close());

  /** Runs `fn`, which must fail with the trigger's refusal, and checks that no table changed. */
  async function refusedAndUnchanged(fn: () => Promise<unknown>): Promise<void> {
    const before = await counts(get(), TABLES);
    const state = await get().db.selectFrom('ledger_state').selectAll().executeTakeFirstOrThrow();
    await expect(fn()).rejects.toThrow(REFUSAL);
    expect(await counts(get(), TABLES)).toEqual(before);
    expect(await get().db.selectFrom('ledger_state').selectAll().executeTakeFirstOrThrow()).toEqual(state);
  }

  it('creating a case fails and leaves no case, member, offence or reference number behind', async () => {
    await refusedAndUnchanged(() => node.services.cases.createCase(lead, { title: 'Never opened', offences: ['illegal_access'] }));
    await refusedAndUnchanged(() => node.services.cases.createCase(lead, { reference: 'XA-MANUAL-1', title: 'Never opened', offences: ['illegal_access'] }));
  });

  it('changing a case fails and leaves it as it was', async () => {
    const before = await node.services.cases.getCase(lead, caseId);
    await refusedAndUnchanged(() => node.services.cases.updateCase(lead, caseId, { version: before.record.version, title: 'Changed?' }));
    await refusedAndUnchanged(() => node.services.cases.subjects.add(lead, caseId, { kind: 'legal', name: 'Shell Ltd', role: 'other' }));
    await refusedAndUnchanged(() => node.services.cases.closeCase(lead, caseId, { version: before.record.version, reason: 'no' }));
    expect(await node.services.cases.getCase(lead, caseId)).toEqual(before);
  });

  it('creating a user fails and leaves no account', async () => {
    await refusedAndUnchanged(() => node.services.accounts.createUser(LOCAL_OPERATOR, { username: 'never-created', password: 'a long enough password', roles: ['investigator'] }));
    expect(await get().db.selectFrom('users').select('id').where('username', '=', 'never-created').executeTakeFirst()).toBeUndefined();
  });

  it('creating a token fails and leaves no token', async () => {
    await refusedAndUnchanged(() => node.services.accounts.createToken(LOCAL_OPERATOR, holder.id, { name: 'never', roles: ['investigator'], expiresInDays: 1 }));
  });

  it('a login fails without a session; a failed login neither counts nor locks', async () => {
    await refusedAndUnchanged(() => node.services.accounts.login({ username: holder.username, password: holder.password, ip: '10.1.1.1', userAgent: null }));
    // With loginMaxFailures = 1 this failure would lock the account: it is not counted and nothing is locked.
    await refusedAndUnchanged(() => node.services.accounts.login({ username: locked.username, password: 'wrong password', ip: '10.1.1.2', userAgent: null }));
    const row = await get().db.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', locked.id).executeTakeFirstOrThrow();
    expect([Number(row.failed_logins), row.locked_until]).toEqual([0, null]);
  });

  it('once appends work again, the same changes go through, each with its entry', async () => {
    await allowAppends(get());
    const size = await node.ledger.size();
    await node.services.cases.createCase(lead, { title: 'After the fault', offences: ['illegal_access'] });
    await node.services.accounts.createToken(LOCAL_OPERATOR, holder.id, { name: 'now', roles: ['investigator'], expiresInDays: 1 });
    const rows = await node.ledger.entries(size, await node.ledger.size());
    expect(rows.map((r) => r.action)).toEqual(['case.create', 'token.create']);
  });
});
