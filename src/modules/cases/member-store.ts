import { toDate, toInt } from '../../platform/db/codec.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { CaseRole } from './policy.ts';

/** SQL for case membership. Users themselves belong to the accounts module and are read through it. */

export interface MemberRecord {
  caseId: string;
  userId: string;
  caseRole: CaseRole;
  addedAt: Date;
  addedBy: string;
}

type MemberRow = { case_id: string; user_id: string; case_role: string; added_at: unknown; added_by: string };

const toMember = (r: MemberRow): MemberRecord => ({
  caseId: r.case_id,
  userId: r.user_id,
  caseRole: r.case_role === 'lead' || r.case_role === 'member' ? r.case_role : 'observer',
  addedAt: toDate(r.added_at),
  addedBy: r.added_by,
});

/** Members of a case: leads first, then members, then observers; by the time they were added within each. */
export async function listMembers(ex: Executor, caseId: string): Promise<MemberRecord[]> {
  const rows = await ex.selectFrom('case_members').selectAll().where('case_id', '=', caseId).orderBy('added_at').orderBy('user_id').execute();
  const rank: Record<CaseRole, number> = { lead: 0, member: 1, observer: 2 };
  return rows.map(toMember).sort((a, b) => rank[a.caseRole] - rank[b.caseRole]);
}

export async function findMember(ex: Executor, caseId: string, userId: string): Promise<MemberRecord | undefined> {
  const r = await ex.selectFrom('case_members').selectAll().where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
  return r ? toMember(r) : undefined;
}

export async function insertMember(ex: Executor, m: MemberRecord): Promise<void> {
  await ex
    .insertInto('case_members')
    .values({ case_id: m.caseId, user_id: m.userId, case_role: m.caseRole, added_at: m.addedAt, added_by: m.addedBy })
    .execute();
}

export async function setMemberRole(ex: Executor, caseId: string, userId: string, caseRole: CaseRole): Promise<void> {
  await ex.updateTable('case_members').set({ case_role: caseRole }).where('case_id', '=', caseId).where('user_id', '=', userId).execute();
}

export async function deleteMember(ex: Executor, caseId: string, userId: string): Promise<boolean> {
  const r = await ex.deleteFrom('case_members').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function countLeads(ex: Executor, caseId: string): Promise<number> {
  const r = await ex
    .selectFrom('case_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .where('case_role', '=', 'lead')
    .executeTakeFirstOrThrow();
  return toInt(r.n);
}
