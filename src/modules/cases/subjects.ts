import type { Actor } from '../../platform/actor.ts';
import { inTransaction } from '../../platform/db/executor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { actorRef } from '../../platform/ledger/ledger.ts';
import type { ServiceContext } from '../context.ts';
import { loadCase } from './access.ts';
import { caseObject, changedFields } from './audit.ts';
import { touchCase } from './store.ts';
import * as store from './subject-store.ts';
import type { SubjectRecord } from './subject-store.ts';
import { checkSubject, type SubjectFields, type SubjectInput } from './validate.ts';

/** A change to a subject: absent fields stay, `null` clears nationality, date of birth or participation. */
export interface SubjectPatch {
  kind?: string;
  name?: string;
  identifiers?: ReadonlyArray<{ type: string; value: string }>;
  nationality?: string | null;
  dateOfBirth?: string | null;
  role?: string;
  participation?: string | null;
  notes?: string;
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const SUBJECT_FIELDS = ['kind', 'name', 'identifiers', 'nationality', 'dateOfBirth', 'role', 'participation', 'notes'] as const;

/** The subject's own fields, as plain JSON for a ledger entry's details. */
const fieldsOf = (s: SubjectFields): Record<string, unknown> => Object.fromEntries(SUBJECT_FIELDS.map((f) => [f, s[f]]));

const sameFields = (a: SubjectFields, b: SubjectFields): boolean =>
  a.kind === b.kind &&
  a.name === b.name &&
  a.nationality === b.nationality &&
  a.dateOfBirth === b.dateOfBirth &&
  a.role === b.role &&
  a.participation === b.participation &&
  a.notes === b.notes &&
  JSON.stringify(a.identifiers) === JSON.stringify(b.identifiers);

/**
 * The persons a case concerns. Leads and members manage them while the case is open; the whole subject is
 * re-checked after every change (e.g. a suspect turned victim must drop the participation in the same change).
 */
export class CaseSubjects {
  private readonly ctx: ServiceContext;

  constructor(ctx: ServiceContext) {
    this.ctx = ctx;
  }

  async add(actor: Actor, caseId: string, input: SubjectInput): Promise<SubjectRecord> {
    return inTransaction(this.ctx.db, async (trx) => {
      const at = this.ctx.clock.now();
      const c = await loadCase(trx, actor, caseId, 'case.subjects.manage', { lock: true });
      const fields = checkSubject(input, at);
      const id = newId();
      await store.insertSubject(trx, c.id, id, fields, at);
      await touchCase(trx, c.id, at);
      await this.ctx.ledger.append(trx, {
        actor: actorRef(actor),
        action: 'case.subject_add',
        object: caseObject(c.id),
        details: { subjectId: id, subject: fieldsOf(fields) },
      });
      const s = await store.findSubject(trx, c.id, id);
      if (!s) throw notFound('subject');
      return s;
    });
  }

  async update(actor: Actor, caseId: string, subjectId: string, patch: SubjectPatch): Promise<SubjectRecord> {
    return inTransaction(this.ctx.db, async (trx) => {
      const at = this.ctx.clock.now();
      const c = await loadCase(trx, actor, caseId, 'case.subjects.manage', { lock: true });
      const current = isUuid(subjectId) ? await store.findSubject(trx, c.id, subjectId) : undefined;
      if (!current) throw notFound('subject');
      const fields = checkSubject({ ...current, ...defined(patch) }, at);
      if (sameFields(fields, current)) return current;
      await store.updateSubject(trx, c.id, subjectId, fields, at);
      await touchCase(trx, c.id, at);
      await this.ctx.ledger.append(trx, {
        actor: actorRef(actor),
        action: 'case.subject_update',
        object: caseObject(c.id),
        details: { subjectId, changes: changedFields<SubjectFields>(current, fields, SUBJECT_FIELDS) },
      });
      const s = await store.findSubject(trx, c.id, subjectId);
      if (!s) throw notFound('subject');
      return s;
    });
  }

  async remove(actor: Actor, caseId: string, subjectId: string): Promise<void> {
    await inTransaction(this.ctx.db, async (trx) => {
      const c = await loadCase(trx, actor, caseId, 'case.subjects.manage', { lock: true });
      const current = isUuid(subjectId) ? await store.findSubject(trx, c.id, subjectId) : undefined;
      if (!current || !(await store.deleteSubject(trx, c.id, subjectId))) throw notFound('subject');
      await touchCase(trx, c.id, this.ctx.clock.now());
      await this.ctx.ledger.append(trx, {
        actor: actorRef(actor),
        action: 'case.subject_remove',
        object: caseObject(c.id),
        details: { subjectId, subject: fieldsOf(current) },
      });
    });
  }
}
