import { fromJson, toDate, toJson } from '../../platform/db/codec.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { Identifier, Participation, SubjectFields, SubjectKind, SubjectRole } from './validate.ts';

/** SQL for the subjects of a case: the natural and legal persons it concerns. */

export interface SubjectRecord extends SubjectFields {
  id: string;
  caseId: string;
  createdAt: Date;
  updatedAt: Date;
}

type SubjectRow = {
  id: string;
  case_id: string;
  kind: string;
  name: string;
  identifiers: unknown;
  nationality: string | null;
  date_of_birth: string | null;
  role: string;
  participation: string | null;
  notes: string;
  created_at: unknown;
  updated_at: unknown;
};

const toSubject = (r: SubjectRow): SubjectRecord => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind as SubjectKind,
  name: r.name,
  identifiers: fromJson<Identifier[]>(r.identifiers),
  nationality: r.nationality,
  dateOfBirth: r.date_of_birth,
  role: r.role as SubjectRole,
  participation: r.participation as Participation | null,
  notes: r.notes,
  createdAt: toDate(r.created_at),
  updatedAt: toDate(r.updated_at),
});

const columns = (s: SubjectFields) => ({
  kind: s.kind,
  name: s.name,
  identifiers: toJson(s.identifiers),
  nationality: s.nationality,
  date_of_birth: s.dateOfBirth,
  role: s.role,
  participation: s.participation,
  notes: s.notes,
});

/** Subjects of a case in the order they were added (ids are UUIDv7, so time-ordered). */
export async function listSubjects(ex: Executor, caseId: string): Promise<SubjectRecord[]> {
  const rows = await ex.selectFrom('case_subjects').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toSubject);
}

/** A subject of the given case; undefined for an unknown id or a subject of another case. */
export async function findSubject(ex: Executor, caseId: string, id: string): Promise<SubjectRecord | undefined> {
  const r = await ex.selectFrom('case_subjects').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  return r ? toSubject(r) : undefined;
}

export async function insertSubject(ex: Executor, caseId: string, id: string, s: SubjectFields, at: Date): Promise<void> {
  await ex
    .insertInto('case_subjects')
    .values({ id, case_id: caseId, ...columns(s), created_at: at, updated_at: at })
    .execute();
}

export async function updateSubject(ex: Executor, caseId: string, id: string, s: SubjectFields, at: Date): Promise<void> {
  await ex.updateTable('case_subjects').set({ ...columns(s), updated_at: at }).where('case_id', '=', caseId).where('id', '=', id).execute();
}

export async function deleteSubject(ex: Executor, caseId: string, id: string): Promise<boolean> {
  const r = await ex.deleteFrom('case_subjects').where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
