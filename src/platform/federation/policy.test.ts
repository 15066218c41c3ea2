import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../config/schema.ts';
import { FEDERATION_ACTIONS, canFederation, type FederationAction } from './policy.ts';

// role × action → allowed, written out by hand.
const ALLOWED: Record<FederationAction, readonly Role[]> = {
  'directory.read': ROLES,
  'federation.status': ['admin', 'oversight'],
  'federation.ping': ['admin', 'central_authority', 'duty_officer'],
  'federation.retry': ['admin'],
  'federation.refresh': ['admin'],
  'federation.witness': ['admin'],
};

describe('federation policy matrix', () => {
  const cases: Array<[Role[], FederationAction, boolean]> = [];
  for (const action of FEDERATION_ACTIONS) {
    for (const role of ROLES) cases.push([[role], action, ALLOWED[action].includes(role)]);
    cases.push([[], action, false]);
  }
  it.each(cases)('roles %j %s → %s', (roles, action, allowed) => {
    expect(canFederation({ roles }, action)).toBe(allowed);
  });
});
