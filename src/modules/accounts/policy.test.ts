import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../platform/config/schema.ts';
import { ACCOUNT_ACTIONS, can, type AccountAction } from './policy.ts';

/**
 * The accounts policy as a table: for each role, exactly the actions it grants. Written out by hand (not derived
 * from the code under test) so that any change to the policy must change this table too.
 */
const ALL: readonly AccountAction[] = ACCOUNT_ACTIONS;
const EXPECTED: Record<Role, readonly AccountAction[]> = {
  admin: ALL,
  oversight: ['users.list', 'users.read', 'tokens.list_all'],
  central_authority: [],
  duty_officer: [],
  investigator: [],
  prosecutor: [],
  authorizer: [],
  secretariat: [],
};

const matrix = ROLES.flatMap((role) => ACCOUNT_ACTIONS.map((action) => ({ role, action, allowed: EXPECTED[role].includes(action) })));

describe('accounts policy matrix (role × action → allowed)', () => {
  it('covers every role and action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
    expect(ACCOUNT_ACTIONS).toEqual([
      'users.list',
      'users.read',
      'users.create',
      'users.update',
      'users.roles',
      'users.disable',
      'users.reset_password',
      'users.reset_totp',
      'tokens.create_for_other',
      'tokens.list_all',
      'tokens.revoke_any',
    ]);
    expect(matrix).toHaveLength(ROLES.length * ACCOUNT_ACTIONS.length);
  });

  it.each(matrix)('$role · $action → $allowed', ({ role, action, allowed }) => {
    expect(can({ roles: [role] }, action)).toBe(allowed);
  });
});

describe('combining roles', () => {
  it('denies everything to an actor with no roles (default deny)', () => {
    for (const a of ACCOUNT_ACTIONS) expect(can({ roles: [] }, a)).toBe(false);
  });

  it('grants the union of the roles held', () => {
    for (const a of ACCOUNT_ACTIONS) {
      expect(can({ roles: ['investigator', 'oversight'] }, a)).toBe(EXPECTED.oversight.includes(a));
      expect(can({ roles: ['oversight', 'admin'] }, a)).toBe(true);
      expect(can({ roles: [...ROLES].filter((r) => r !== 'admin' && r !== 'oversight') }, a)).toBe(false);
    }
  });

  it('ignores role names it does not know', () => {
    expect(can({ roles: ['root' as Role, 'superuser' as Role] }, 'users.create')).toBe(false);
  });

  it('is pure: same answer every time, the actor untouched', () => {
    const actor = Object.freeze({ roles: Object.freeze(['oversight'] as Role[]) });
    for (let i = 0; i < 3; i++) {
      expect(can(actor, 'users.read')).toBe(true);
      expect(can(actor, 'users.disable')).toBe(false);
    }
  });
});
