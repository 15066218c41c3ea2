import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../platform/config/schema.ts';
import { REQUEST_ACTIONS, abilities, authorize, can, decide, listScope, type RequestAction, type RequestResource } from './policy.ts';

const out = (p: Partial<RequestResource> = {}): RequestResource => ({
  side: 'requesting',
  caseRole: null,
  routing: 'central_authority',
  intrusive: false,
  submitted: true,
  isDrafter: false,
  ...p,
});
const inc = (p: Partial<RequestResource> = {}): RequestResource => out({ side: 'requested', ...p });

const as = (...roles: Role[]) => ({ roles });

// The expected decisions, written out by hand: A = allow, F = 403, N = 404. Columns: the actions in this order.
const COLS: readonly RequestAction[] = [
  'request.read',
  'request.read_metadata',
  'request.edit',
  'request.submit',
  'request.return',
  'request.authorize',
  'request.transmit',
  'request.follow_up',
  'request.handle',
  'request.decide',
  'request.read_access_log',
];

const CASES: Array<[string, Role[], RequestResource, string]> = [
  //                                                                            rd md ed sb rt au tx fu ha de al
  ['investigator, case member, own draft', ['investigator'], out({ caseRole: 'member', submitted: false, isDrafter: true }), 'A A A A A F F F F F F'],
  ['investigator, case lead, submitted', ['investigator'], out({ caseRole: 'lead', isDrafter: false }), 'A A A A A F F F F F F'],
  ['investigator, observer', ['investigator'], out({ caseRole: 'observer' }), 'A A F F F F F F F F F'],
  ['investigator, not a member', ['investigator'], out(), 'N N N N N N N N N N N'],
  ['prosecutor member, drafter (four eyes)', ['prosecutor'], out({ caseRole: 'member', isDrafter: true }), 'A A A A A F A A F F F'],
  ['prosecutor member, not drafter', ['prosecutor'], out({ caseRole: 'member' }), 'A A A A A A A A F F F'],
  ['prosecutor member, intrusive', ['prosecutor'], out({ caseRole: 'member', intrusive: true }), 'A A A A A F A A F F F'],
  ['central authority, not member, submitted', ['central_authority'], out(), 'A A F F A A A A F F A'],
  ['central authority, not member, draft', ['central_authority'], out({ submitted: false }), 'N N N N N N N N N N N'],
  ['central authority, intrusive', ['central_authority'], out({ intrusive: true }), 'A A F F A F A A F F A'],
  ['authorizer, intrusive submitted', ['authorizer'], out({ intrusive: true }), 'A A F F A A F F F F F'],
  ['authorizer, intrusive, drafter', ['authorizer'], out({ intrusive: true, isDrafter: true }), 'A A F F A F F F F F F'],
  ['authorizer, not intrusive', ['authorizer'], out(), 'N N N N N N N N N N N'],
  ['authorizer, intrusive draft', ['authorizer'], out({ intrusive: true, submitted: false }), 'N N N N N N N N N N N'],
  ['duty officer member, 24/7 route', ['duty_officer'], out({ caseRole: 'member', routing: 'contact_point_24_7' }), 'A A A A A F A A F F F'],
  ['duty officer member, CA route', ['duty_officer'], out({ caseRole: 'member' }), 'A A A A A F F F F F F'],
  ['oversight', ['oversight'], out(), 'F A F F F F F F F F A'],
  ['oversight, member of the case', ['oversight'], out({ caseRole: 'observer' }), 'A A F F F F F F F F A'],
  ['secretariat', ['secretariat'], out(), 'N N N N N N N N N N N'],
  ['admin', ['admin'], out(), 'N N N N N N N N N N N'],
  ['no role, case member', [], out({ caseRole: 'lead' }), 'N N N N N N N N N N N'],
  ['incoming: central authority', ['central_authority'], inc(), 'A A F F F F F F A A A'],
  ['incoming 24/7: duty officer', ['duty_officer'], inc({ routing: 'contact_point_24_7' }), 'A A F F F F F F A A F'],
  ['incoming CA route: duty officer', ['duty_officer'], inc(), 'N N N N N N N N N N N'],
  ['incoming: investigator', ['investigator'], inc(), 'N N N N N N N N N N N'],
  ['incoming: oversight', ['oversight'], inc(), 'F A F F F F F F F F A'],
  ['incoming: authorizer', ['authorizer'], inc({ intrusive: true }), 'N N N N N N N N N N N'],
];

const LETTER: Record<string, string> = { allow: 'A', forbidden: 'F', not_found: 'N' };

describe('requests policy matrix', () => {
  it.each(CASES)('%s', (_name, roles, resource, expected) => {
    const got = COLS.map((a) => LETTER[decide(as(...roles), a, resource)]).join(' ');
    expect(got).toBe(expected);
  });

  it('covers every action except create in the matrix', () => {
    expect(new Set([...COLS, 'request.create'])).toEqual(new Set(REQUEST_ACTIONS));
  });

  it('lets drafting roles create requests, and nobody else', () => {
    for (const r of ROLES) expect(can(as(r), 'request.create'), r).toBe(['central_authority', 'investigator', 'prosecutor', 'duty_officer'].includes(r));
  });

  it('explains four eyes and intrusive measures in the refusal', () => {
    expect(() => authorize(as('prosecutor'), 'request.authorize', out({ caseRole: 'member', isDrafter: true }))).toThrow(/four eyes/);
    expect(() => authorize(as('prosecutor'), 'request.authorize', out({ caseRole: 'member', intrusive: true }))).toThrow(/authorizer/);
    expect(() => authorize(as('investigator'), 'request.read', out())).toThrow(/request not found/);
  });

  it('abilities agree with can', () => {
    for (const [, roles, resource] of CASES) {
      const list = abilities(as(...roles), resource);
      for (const a of COLS) expect(list.includes(a)).toBe(can(as(...roles), a, resource));
    }
  });

  it('scopes lists by role', () => {
    expect(listScope(as('oversight')).everything).toBe(true);
    expect(listScope(as('central_authority'))).toMatchObject({ outgoingSubmitted: true, incoming: 'all' });
    expect(listScope(as('duty_officer'))).toMatchObject({ outgoingSubmitted: false, incoming: 'contact_point_24_7' });
    expect(listScope(as('authorizer'))).toMatchObject({ outgoingIntrusiveSubmitted: true, incoming: 'none' });
    expect(listScope(as())).toMatchObject({ memberCases: false, everything: false, incoming: 'none' });
  });
});
