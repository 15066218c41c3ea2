import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../config/schema.ts';
import { LEDGER_ACTIONS, canLedger, type LedgerAction } from './policy.ts';

// role × scope × action → allowed, written out by hand.
const READERS: readonly Role[] = ['admin', 'oversight'];

describe('ledger policy matrix', () => {
  const cases: Array<[Role[], string[], LedgerAction, boolean]> = [];
  for (const role of ROLES) {
    for (const action of LEDGER_ACTIONS) cases.push([[role], [], action, READERS.includes(role)]);
    cases.push([[role], ['ledger:read'], 'ledger.read', true]);
    cases.push([[role], ['ledger:read'], 'ledger.checkpoint', READERS.includes(role)]);
  }
  cases.push([[], ['ledger:read'], 'ledger.read', true]);
  cases.push([[], ['ledger:read'], 'ledger.checkpoint', false]);
  cases.push([[], [], 'ledger.read', false]);
  cases.push([[], ['cases:read'], 'ledger.read', false]);

  it.each(cases)('roles %j scopes %j %s → %s', (roles, scopes, action, allowed) => {
    expect(canLedger({ roles, scopes }, action)).toBe(allowed);
  });
});
