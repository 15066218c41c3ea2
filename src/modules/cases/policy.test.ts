import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../platform/config/schema.ts';
import {
  CASE_ACTIONS,
  abilities,
  assignableCaseRoles,
  can,
  decide,
  listScope,
  type CaseAction,
  type CaseRole,
  type CaseStatus,
  type Decision,
} from './policy.ts';

// The expected matrix, written out by hand (not derived from the policy). Columns: the actor's relation to the
// case — lead, member, observer, not a member. A = allow, F = 403 forbidden, N = 404 (may not know it exists),
// C = 409 (would be allowed were the case open).
type Row = Record<Exclude<CaseAction, 'case.create'>, string>;

const WORKER_OPEN: Row = {
  'case.read': '           A A A N',
  'case.read_metadata': '  A A A N',
  'case.update': '         A A F N',
  'case.close': '          A F F N',
  'case.members.read': '   A A A N',
  'case.members.manage': ' A F F N',
  'case.subjects.manage': 'A A F N',
};
const WORKER_CLOSED: Row = {
  'case.read': '           A A A N',
  'case.read_metadata': '  A A A N',
  'case.update': '         C C F N',
  'case.close': '          C F F N',
  'case.members.read': '   A A A N',
  'case.members.manage': ' C F F N',
  'case.subjects.manage': 'C C F N',
};
// Oversight sees every case's metadata and changes nothing, even as a member; it reads content only as a member.
const OVERSIGHT: Row = {
  'case.read': '           A A A F',
  'case.read_metadata': '  A A A A',
  'case.update': '         F F F F',
  'case.close': '          F F F F',
  'case.members.read': '   A A A F',
  'case.members.manage': ' F F F F',
  'case.subjects.manage': 'F F F F',
};
// An actor holding no role at all (e.g. every role withdrawn) gets nothing, membership or not.
const NO_ROLE: Row = {
  'case.read': '           N N N N',
  'case.read_metadata': '  N N N N',
  'case.update': '         N N N N',
  'case.close': '          N N N N',
  'case.members.read': '   N N N N',
  'case.members.manage': ' N N N N',
  'case.subjects.manage': 'N N N N',
};

// Roles add up: oversight plus an operational role works like the operational role, and sees the rest as metadata.
const OVERSIGHT_AND_WORKER_OPEN: Row = {
  'case.read': '           A A A F',
  'case.read_metadata': '  A A A A',
  'case.update': '         A A F F',
  'case.close': '          A F F F',
  'case.members.read': '   A A A F',
  'case.members.manage': ' A F F F',
  'case.subjects.manage': 'A A F F',
};
const OVERSIGHT_AND_WORKER_CLOSED: Row = {
  'case.read': '           A A A F',
  'case.read_metadata': '  A A A A',
  'case.update': '         C C F F',
  'case.close': '          C F F F',
  'case.members.read': '   A A A F',
  'case.members.manage': ' C F F F',
  'case.subjects.manage': 'C C F F',
};

/** Every role, with the rows that apply to it and whether it may open cases. */
const ROLE_TABLE: Record<Role, { open: Row; closed: Row; create: boolean }> = {
  admin: { open: WORKER_OPEN, closed: WORKER_CLOSED, create: false },
  central_authority: { open: WORKER_OPEN, closed: WORKER_CLOSED, create: true },
  duty_officer: { open: WORKER_OPEN, closed: WORKER_CLOSED, create: true },
  investigator: { open: WORKER_OPEN, closed: WORKER_CLOSED, create: true },
  prosecutor: { open: WORKER_OPEN, closed: WORKER_CLOSED, create: true },
  authorizer: { open: WORKER_OPEN, closed: WORKER_CLOSED, create: false },
  oversight: { open: OVERSIGHT, closed: OVERSIGHT, create: false },
  secretariat: { open: WORKER_OPEN, closed: WORKER_CLOSED, create: false },
};

const RELATIONS: ReadonlyArray<CaseRole | null> = ['lead', 'member', 'observer', null];
const CODE: Record<string, Decision> = { A: 'allow', F: 'forbidden', N: 'not_found', C: 'closed' };

function cells(row: Row, action: Exclude<CaseAction, 'case.create'>): Decision[] {
  return row[action]
    .trim()
    .split(/\s+/)
    .map((c) => {
      const d = CODE[c];
      if (!d) throw new Error(`bad cell ${c}`);
      return d;
    });
}

function matrix(roles: readonly Role[], open: Row, closed: Row) {
  const out: Array<{ roles: readonly Role[]; status: CaseStatus; relation: CaseRole | null; action: CaseAction; expected: Decision }> = [];
  for (const [status, row] of [['open', open], ['closed', closed]] as const) {
    for (const action of CASE_ACTIONS) {
      if (action === 'case.create') continue;
      cells(row, action).forEach((expected, i) => out.push({ roles, status, relation: RELATIONS[i] ?? null, action, expected }));
    }
  }
  return out;
}

const CASES = [
  ...ROLES.flatMap((role) => matrix([role], ROLE_TABLE[role].open, ROLE_TABLE[role].closed)),
  ...matrix(['oversight', 'investigator'], OVERSIGHT_AND_WORKER_OPEN, OVERSIGHT_AND_WORKER_CLOSED),
  ...matrix([], NO_ROLE, NO_ROLE),
];

describe('cases policy matrix', () => {
  it('covers every role, relation, status and case action', () => {
    expect(CASES.length).toBe((ROLES.length + 2) * RELATIONS.length * 2 * (CASE_ACTIONS.length - 1));
  });

  it.each(CASES.map((c) => [c.roles.join('+') || '(no role)', c.relation ?? 'non-member', c.status, c.action, c.expected, c]))(
    '%s as %s on a %s case: %s → %s',
    (_r, _rel, _s, _a, _e, c) => {
      const resource = { caseRole: c.relation, status: c.status };
      const actor = { roles: c.roles };
      expect(decide(actor, c.action, resource)).toBe(c.expected);
      expect(can(actor, c.action, resource)).toBe(c.expected === 'allow');
      expect(abilities(actor, resource).includes(c.action)).toBe(c.expected === 'allow');
    },
  );

  it.each(ROLES.map((r) => [r, ROLE_TABLE[r].create]))('%s may open a case: %s', (role, allowed) => {
    expect(can({ roles: [role] }, 'case.create')).toBe(allowed);
    expect(decide({ roles: [role] }, 'case.create')).toBe(allowed ? 'allow' : 'forbidden');
  });

  it('denies case actions without a resource, and anything to an actor without roles', () => {
    for (const a of CASE_ACTIONS.filter((x) => x !== 'case.create')) expect(can({ roles: ['investigator'] }, a)).toBe(false);
    expect(can({ roles: [] }, 'case.create')).toBe(false);
  });
});

describe('list scope and assignable case roles', () => {
  it.each([
    [['oversight'], 'all'],
    [['oversight', 'prosecutor'], 'all'],
    [['investigator'], 'member'],
    [['admin'], 'member'],
    [['secretariat'], 'member'],
    [[], 'none'],
  ] as Array<[Role[], string]>)('%j lists %s', (roles, scope) => {
    expect(listScope({ roles })).toBe(scope);
  });

  it('lets oversight-only users be observers, users without roles nothing, everyone else anything', () => {
    expect(assignableCaseRoles(['oversight'])).toEqual(['observer']);
    expect(assignableCaseRoles([])).toEqual([]);
    for (const r of ROLES.filter((x) => x !== 'oversight')) expect(assignableCaseRoles([r])).toEqual(['lead', 'member', 'observer']);
    expect(assignableCaseRoles(['oversight', 'secretariat'])).toEqual(['lead', 'member', 'observer']);
  });
});
