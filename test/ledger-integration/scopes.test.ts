import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../src/modules/accounts/service.ts';
import { AppError } from '../../src/platform/errors.ts';
import { describeEachDialect } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, loginSession, tokenFor, type TestNode, type TestUser } from '../kit/node.ts';
import { expectProblem, fieldsOf } from '../http/problems.ts';
import { appendedBy } from './kit.ts';

describeEachDialect('API token scopes: ledger:read', (get) => {
  let node: TestNode;
  let auditor: TestUser;
  let auditorH: Record<string, string>;
  let investigator: TestUser;
  let investigatorH: Record<string, string>;

  function inject(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string> = {}, payload?: unknown) {
    return node.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  }

  beforeAll(async () => {
    node = await buildTestNode(get());
    auditor = await createUser(node, ['oversight'], { totp: true });
    auditorH = (await loginSession(node, auditor)).headers;
    investigator = await createUser(node, ['investigator']);
    investigatorH = (await loginSession(node, investigator)).headers;
  });
  afterAll(() => node.close());

  describe('a ledger:read-only token', () => {
    let token: string;

    it('is created from an oversight session with scopes and no role; the response and list show its scopes', async () => {
      const { result: res, entries } = await appendedBy(node, () => inject('POST', '/api/v1/tokens', auditorH, { name: 'witness script', scopes: ['ledger:read'], expiresInDays: 30 }));
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<{ token: string; record: { id: string; roles: string[]; scopes: string[] } }>();
      token = body.token;
      expect(body.record).toMatchObject({ roles: [], scopes: ['ledger:read'] });
      expect(entries.map((x) => [x.entry.action, x.entry.object.id, x.entry.actor])).toEqual([['token.create', body.record.id, `user:${auditor.id}`]]);
      expect(entries[0]?.details).toMatchObject({ roles: [], scopes: ['ledger:read'] });
      const list = await inject('GET', '/api/v1/tokens', auditorH);
      expect(list.json<{ items: Array<{ id: string; scopes: string[] }> }>().items.find((t) => t.id === body.record.id)?.scopes).toEqual(['ledger:read']);
    });

    it('reads the ledger: GET /api/v1/ledger/key and /api/v1/ledger/entries', async () => {
      const key = await inject('GET', '/api/v1/ledger/key', bearer(token));
      expect(key.statusCode, key.body).toBe(200);
      expect(key.body).toBe(`${node.ledger.vkey}\n`);
      const entries = await inject('GET', '/api/v1/ledger/entries?start=0&end=2', bearer(token));
      expect(entries.statusCode, entries.body).toBe(200);
    });

    it('reaches nothing else: cases, users, tokens are refused (403); "who am I" answers with its scopes', async () => {
      for (const url of ['/api/v1/cases', '/api/v1/offences', '/api/v1/tokens', `/api/v1/users/${auditor.id}`, '/api/v1/users'])
        expectProblem(await inject('GET', url, bearer(token)), 'forbidden');
      expectProblem(await inject('POST', '/api/v1/cases', bearer(token), { title: 'x', offences: ['illegal_access'] }), 'forbidden');
      expectProblem(await inject('POST', '/api/v1/auth/logout-all', bearer(token)), 'forbidden');
      const me = await inject('GET', '/api/v1/auth/session', bearer(token));
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json()).toMatchObject({ via: 'token', roles: [] });
      const auth = await node.services.accounts.authenticateToken(token);
      expect(auth?.actor).toMatchObject({ roles: [], scopes: ['ledger:read'], via: 'token' });
    });

    it('lapses when its user no longer holds oversight or admin', async () => {
      const u = await createUser(node, ['oversight', 'investigator']);
      const { token: t } = await node.services.accounts.createToken(LOCAL_OPERATOR, u.id, { name: 'lapsing', roles: [], scopes: ['ledger:read'], expiresInDays: 1 });
      expect((await inject('GET', '/api/v1/ledger/key', bearer(t))).statusCode).toBe(200);
      await node.services.accounts.updateUser(LOCAL_OPERATOR, u.id, { roles: ['investigator'] });
      expect((await node.services.accounts.authenticateToken(t))?.actor.scopes).toEqual([]);
      expectProblem(await inject('GET', '/api/v1/ledger/key', bearer(t)), 'forbidden');
    });
  });

  it('a token with roles and a scope works with both', async () => {
    const u = await createUser(node, ['admin', 'investigator']);
    const { token } = await node.services.accounts.createToken(LOCAL_OPERATOR, u.id, { name: 'both', roles: ['investigator'], scopes: ['ledger:read'], expiresInDays: 1 });
    expect((await inject('GET', '/api/v1/ledger/key', bearer(token))).statusCode).toBe(200);
    expect((await inject('GET', '/api/v1/cases', bearer(token))).statusCode).toBe(200);
  });

  it('an ordinary token (roles only) reads no ledger and still works on cases', async () => {
    const t = await tokenFor(node, investigator);
    expectProblem(await inject('GET', '/api/v1/ledger/key', bearer(t)), 'forbidden');
    expect((await inject('GET', '/api/v1/cases', bearer(t))).statusCode).toBe(200);
  });

  describe('granting ledger:read is refused with a field error, and records nothing', () => {
    it('to a user without oversight or admin (the API, from their own session)', async () => {
      const { result: res, entries } = await appendedBy(node, () => inject('POST', '/api/v1/tokens', investigatorH, { name: 'sneaky', scopes: ['ledger:read'] }));
      expect(fieldsOf(expectProblem(res, 'validation_failed'))).toEqual(['body /scopes']);
      expect(entries).toEqual([]);
      const both = await inject('POST', '/api/v1/tokens', investigatorH, { name: 'sneaky', roles: ['investigator'], scopes: ['ledger:read'] });
      expect(fieldsOf(expectProblem(both, 'validation_failed'))).toEqual(['body /scopes']);
    });

    it('by the operator for a user who holds neither role; by an administrator for such a user', async () => {
      const e = await node.services.accounts
        .createToken(LOCAL_OPERATOR, investigator.id, { name: 'x', roles: [], scopes: ['ledger:read'], expiresInDays: 1 })
        .then(() => undefined, (err: unknown) => err);
      expect(e).toBeInstanceOf(AppError);
      expect(e instanceof AppError ? [e.code, e.errors?.map((f) => f.pointer)] : null).toEqual(['validation_failed', ['/scopes']]);
    });

    it('by someone else who is not an administrator, for a user who holds oversight', async () => {
      const helper = await createUser(node, ['investigator']);
      // Only administrators create tokens for others (who then hold admin, so may grant the scope).
      const e = await node.services.accounts
        .createToken({ userId: helper.id, username: helper.username, roles: helper.roles, via: 'session' }, auditor.id, { name: 'x', roles: [], scopes: ['ledger:read'], expiresInDays: 1 })
        .then(() => undefined, (err: unknown) => err);
      expect(e instanceof AppError ? e.code : e).toBe('forbidden');
    });

    it('unknown scopes, and a token with neither roles nor scopes', async () => {
      const unknown = await inject('POST', '/api/v1/tokens', auditorH, { name: 'x', scopes: ['ledger:write'] });
      expect(fieldsOf(expectProblem(unknown, 'validation_failed'))).toEqual(['body /scopes/0']);
      const empty = await inject('POST', '/api/v1/tokens', auditorH, { name: 'x' });
      expect(fieldsOf(expectProblem(empty, 'validation_failed'))).toEqual(['body /roles']);
      const e = await node.services.accounts
        .createToken(LOCAL_OPERATOR, auditor.id, { name: 'x', roles: [], scopes: ['ledger:write'], expiresInDays: 1 })
        .then(() => undefined, (err: unknown) => err);
      expect(e instanceof AppError ? [e.code, e.errors?.map((f) => f.pointer)] : null).toEqual(['validation_failed', ['/scopes']]);
    });
  });
});
