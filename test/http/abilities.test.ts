import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, loginSession, tokenFor, type TestNode } from '../kit/node.ts';
import type { Role } from '../../src/platform/config/schema.ts';

describeEachDialect('node-wide abilities in the session', (get) => {
  let node: TestNode;
  beforeAll(async () => {
    node = await buildTestNode(get());
  });
  afterAll(() => node.close());

  const abilitiesOf = async (roles: Role[], tokenRoles?: Role[]): Promise<string[]> => {
    const u = await createUser(node, roles);
    const res = await node.app.inject({ url: '/api/v1/auth/session', headers: bearer(await tokenFor(node, u, tokenRoles ?? roles)) });
    expect(res.statusCode).toBe(200);
    return res.json().abilities as string[];
  };

  it.each<[Role[], string[]]>([
    [['admin'], ['users.list', 'users.read', 'users.create', 'users.update', 'users.roles', 'users.disable', 'users.reset_password', 'users.reset_totp', 'tokens.create_for_other', 'tokens.list_all', 'tokens.revoke_any', 'ledger.read', 'ledger.checkpoint']],
    [['oversight'], ['users.list', 'users.read', 'tokens.list_all', 'request.outgoing', 'ledger.read', 'ledger.checkpoint']],
    [['investigator'], ['case.create', 'request.create', 'request.outgoing']],
    [['central_authority'], ['case.create', 'request.create', 'request.review', 'request.incoming', 'request.outgoing']],
    [['duty_officer'], ['case.create', 'request.create', 'request.incoming', 'request.outgoing']],
    [['authorizer'], ['request.review', 'request.outgoing']],
    [['secretariat'], []],
  ])('roles %j → %j', async (roles, expected) => {
    expect(await abilitiesOf(roles)).toEqual(expected);
  });

  it('follows the roles in force, not all the user holds', async () => {
    expect(await abilitiesOf(['admin', 'investigator'], ['investigator'])).toEqual(['case.create', 'request.create', 'request.outgoing']);
  });

  it('is empty for a session that must still enrol TOTP, and full after login otherwise', async () => {
    const admin = await createUser(node, ['admin']);
    const pending = await loginSession(node, admin);
    expect(pending.res.json().stage).toBe('enroll_totp');
    expect(pending.res.json().abilities).toEqual([]);
    const inv = await loginSession(node, await createUser(node, ['investigator']));
    expect(inv.res.json().abilities).toEqual(['case.create', 'request.create', 'request.outgoing']);
  });
});
