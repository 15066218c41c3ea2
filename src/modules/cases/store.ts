import { sql, type ExpressionBuilder } from 'kysely';
import { toDate, toDateOrNull, toInt } from '../../platform/db/codec.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Cursor } from './cursor.ts';
import { OFFENCE_IDS, type OffenceId } from './offences.ts';
import type { CaseRole, CaseStatus, ListScope } from './policy.ts';

/**
 * SQL for cases, their offences and the reference counter. No rules here: the service decides, the store reads
 * and writes. Dialect-varying columns are read through the codecs.
 */

/** A case as the service sees it, including the viewer's own case role. */
export interface CaseRecord {
  id: string;
  reference: string;
  title: string;
  summary: string;
  status: CaseStatus;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  closureReason: string | null;
  offences: OffenceId[];
  memberCount: number;
  /** The case role of the user the record was read for, or null when they are not a member. */
  viewerRole: CaseRole | null;
}

type CaseRow = {
  id: string;
  reference: string;
  title: string;
  summary: string;
  status: string;
  version: unknown;
  created_by: string;
  created_at: unknown;
  updated_at: unknown;
  closed_at: unknown;
  closed_by: string | null;
  closure_reason: string | null;
  viewer_role: string | null;
  member_count: unknown;
};

const offenceOrder = (a: OffenceId, b: OffenceId): number => OFFENCE_IDS.indexOf(a) - OFFENCE_IDS.indexOf(b);

function toCase(r: CaseRow, offences: OffenceId[]): CaseRecord {
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    summary: r.summary,
    status: r.status === 'closed' ? 'closed' : 'open',
    version: toInt(r.version),
    createdBy: r.created_by,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    closedAt: toDateOrNull(r.closed_at),
    closedBy: r.closed_by,
    closureReason: r.closure_reason,
    offences: [...offences].sort(offenceOrder),
    memberCount: toInt(r.member_count ?? 0),
    viewerRole: r.viewer_role === 'lead' || r.viewer_role === 'member' || r.viewer_role === 'observer' ? r.viewer_role : null,
  };
}

/** Columns of a case plus, as scalar subqueries, the viewer's case role and the number of members. */
function caseQuery(ex: Executor, viewerId: string) {
  return ex
    .selectFrom('cases')
    .select([
      'cases.id',
      'cases.reference',
      'cases.title',
      'cases.summary',
      'cases.status',
      'cases.version',
      'cases.created_by',
      'cases.created_at',
      'cases.updated_at',
      'cases.closed_at',
      'cases.closed_by',
      'cases.closure_reason',
    ])
    .select((eb) => [
      eb
        .selectFrom('case_members')
        .select('case_members.case_role')
        .whereRef('case_members.case_id', '=', 'cases.id')
        .where('case_members.user_id', '=', viewerId)
        .as('viewer_role'),
      eb
        .selectFrom('case_members')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('case_members.case_id', '=', 'cases.id')
        .as('member_count'),
    ]);
}

async function offencesOf(ex: Executor, caseIds: string[]): Promise<Map<string, OffenceId[]>> {
  const map = new Map<string, OffenceId[]>();
  if (caseIds.length === 0) return map;
  const rows = await ex.selectFrom('case_offences').select(['case_id', 'offence_id']).where('case_id', 'in', caseIds).execute();
  for (const r of rows) {
    const list = map.get(r.case_id) ?? [];
    list.push(r.offence_id as OffenceId);
    map.set(r.case_id, list);
  }
  return map;
}

export async function findCase(ex: Executor, id: string, viewerId: string): Promise<CaseRecord | undefined> {
  const r = await caseQuery(ex, viewerId).where('cases.id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return toCase(r, (await offencesOf(ex, [r.id])).get(r.id) ?? []);
}

/**
 * Takes the case's row lock for the rest of the transaction with a write that changes nothing (PostgreSQL; SQLite
 * serialises writers anyway). Every change to a case, its members or its subjects starts here, so two concurrent
 * changes to one case run one after the other. False when there is no such case.
 */
export async function lockCase(ex: Executor, id: string): Promise<boolean> {
  const r = await ex.updateTable('cases').set({ version: sql<number>`version` }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records a change to the case's members or subjects (which do not move its version). */
export async function touchCase(ex: Executor, id: string, at: Date): Promise<void> {
  await ex.updateTable('cases').set({ updated_at: at }).where('id', '=', id).execute();
}

/** Bumps the per-(State, year) counter and returns the new value: race-safe on both engines (an upsert). */
export async function nextReferenceNumber(ex: Executor, scope: string): Promise<number> {
  const r = await ex
    .insertInto('reference_counters')
    .values({ scope, value: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ value: sql<number>`reference_counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return toInt(r.value);
}

export async function referenceExists(ex: Executor, reference: string): Promise<boolean> {
  const r = await ex.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirst();
  return r !== undefined;
}

export interface NewCase {
  id: string;
  reference: string;
  title: string;
  summary: string;
  offences: OffenceId[];
  createdBy: string;
  at: Date;
}

/** Inserts an open case at version 1, its offences, and its creator as lead. */
export async function insertCase(ex: Executor, c: NewCase): Promise<void> {
  await ex
    .insertInto('cases')
    .values({
      id: c.id,
      reference: c.reference,
      title: c.title,
      summary: c.summary,
      status: 'open',
      version: 1,
      created_by: c.createdBy,
      created_at: c.at,
      updated_at: c.at,
      closed_at: null,
      closed_by: null,
      closure_reason: null,
    })
    .execute();
  await replaceOffences(ex, c.id, c.offences);
  await ex
    .insertInto('case_members')
    .values({ case_id: c.id, user_id: c.createdBy, case_role: 'lead', added_at: c.at, added_by: c.createdBy })
    .execute();
}

export async function replaceOffences(ex: Executor, caseId: string, offences: OffenceId[]): Promise<void> {
  await ex.deleteFrom('case_offences').where('case_id', '=', caseId).execute();
  if (offences.length > 0) {
    await ex.insertInto('case_offences').values(offences.map((offence_id) => ({ case_id: caseId, offence_id }))).execute();
  }
}

export interface CasePatch {
  title?: string;
  summary?: string;
}

/** Applies the patch and moves to the next version, only if the case is still at `version`. */
export async function updateCase(ex: Executor, id: string, version: number, p: CasePatch, at: Date): Promise<boolean> {
  const r = await ex
    .updateTable('cases')
    .set({ ...p, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Closes an open case at `version`; false when the version moved or it is already closed. */
export async function closeCase(ex: Executor, id: string, version: number, c: { by: string; reason: string; at: Date }): Promise<boolean> {
  const r = await ex
    .updateTable('cases')
    .set({ status: 'closed', version: version + 1, updated_at: c.at, closed_at: c.at, closed_by: c.by, closure_reason: c.reason })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface CaseFilter {
  viewerId: string;
  /** From the policy: which cases the viewer may list at all. */
  scope: ListScope;
  status?: CaseStatus;
  offence?: OffenceId;
  /** Case-insensitive substring of the reference, or of the title where the viewer is a member. */
  q?: string;
  after?: Cursor;
  limit: number;
}

/** `%`, `_` and the escape character itself match literally. */
export function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const isMember = (eb: ExpressionBuilder<DB, 'cases'>, viewerId: string) =>
  eb.exists(
    eb
      .selectFrom('case_members')
      .select('case_members.case_id')
      .whereRef('case_members.case_id', '=', 'cases.id')
      .where('case_members.user_id', '=', viewerId),
  );

/** Cases newest first (`created_at desc, id desc`), scoped and filtered in SQL; keyset-paginated. */
export async function listCases(ex: Executor, f: CaseFilter): Promise<CaseRecord[]> {
  if (f.scope === 'none') return [];
  let q = caseQuery(ex, f.viewerId);
  if (f.scope === 'member') q = q.where((eb) => isMember(eb, f.viewerId));
  if (f.status) q = q.where('cases.status', '=', f.status);
  if (f.offence) {
    const offence = f.offence;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_offences')
          .select('case_offences.case_id')
          .whereRef('case_offences.case_id', '=', 'cases.id')
          .where('case_offences.offence_id', '=', offence),
      ),
    );
  }
  if (f.q) {
    const pattern = likePattern(f.q);
    // The title is content: it is searched only where the viewer is a member, so a metadata reader cannot probe it.
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(cases.reference)`, 'like', sql`lower(${pattern}) escape '\\'`),
        eb.and([eb(sql`lower(cases.title)`, 'like', sql`lower(${pattern}) escape '\\'`), isMember(eb, f.viewerId)]),
      ]),
    );
  }
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where((eb) =>
      eb.or([eb('cases.created_at', '<', createdAt), eb.and([eb('cases.created_at', '=', createdAt), eb('cases.id', '<', id)])]),
    );
  }
  const rows = await q.orderBy('cases.created_at', 'desc').orderBy('cases.id', 'desc').limit(f.limit).execute();
  const offences = await offencesOf(
    ex,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCase(r, offences.get(r.id) ?? []));
}
