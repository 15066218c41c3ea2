import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import { inTransaction, isUniqueViolation, type Executor } from '../../platform/db/executor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { actorRef } from '../../platform/ledger/ledger.ts';
import type { ServiceContext } from '../context.ts';
import { loadCase, resourceOf } from './access.ts';
import { caseObject, changedFields } from './audit.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { listMembers } from './member-store.ts';
import { CaseMembers, type MemberView } from './members.ts';
import { OFFENCES, OFFENCE_IDS, isOffenceId, type Offence, type OffenceId } from './offences.ts';
import { abilities, authorize, can, listScope, type CaseAction, type CaseStatus } from './policy.ts';
import { formatReference, referenceScope, referenceYear } from './reference.ts';
import * as store from './store.ts';
import type { CaseRecord } from './store.ts';
import { listSubjects, type SubjectRecord } from './subject-store.ts';
import { CaseSubjects } from './subjects.ts';
import { FieldErrors, LIMITS, checkOffences, checkReference, checkText, checkTitle } from './validate.ts';

export interface NewCaseInput {
  /** Omit to get a generated `{STATE}-{YEAR}-{NNNN}`. */
  reference?: string | null;
  title: string;
  summary?: string;
  offences: readonly string[];
}

export interface CasePatchInput {
  /** The version the change was made against; a stale one is refused with `version_conflict`. */
  version: number;
  title?: string;
  summary?: string;
  offences?: readonly string[];
}

export interface CloseInput {
  version: number;
  reason: string;
}

export interface ListInput {
  status?: string;
  offence?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** A case as one actor may see it: everything (members), or its metadata only (oversight). */
export type CaseView =
  | { view: 'full'; record: CaseRecord; members: MemberView[]; subjects: SubjectRecord[]; abilities: CaseAction[] }
  | { view: 'metadata'; record: CaseRecord; abilities: CaseAction[] };

export interface CaseListEntry {
  view: 'full' | 'metadata';
  record: CaseRecord;
}

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;
const GENERATION_ATTEMPTS = 3;

const queryError = (field: string, detail: string): AppError => {
  const errors: FieldError[] = [{ in: 'query', pointer: `/${field}`, detail }];
  return new AppError('validation_failed', `${field}: ${detail}`, { errors });
};

const referenceTaken = (reference: string): AppError =>
  new AppError('conflict', `a case with the reference "${reference}" already exists`, {
    errors: [{ in: 'body', pointer: '/reference', detail: 'is already used by another case' }],
  });

/**
 * Cases: the first domain module. Every use case that changes state runs in one transaction that also appends its
 * ledger entry (audit.ts): the change and its record commit together or not at all. Throws `AppError` with codes not_found (unknown case, or one the actor may not see),
 * forbidden, validation_failed, conflict (reference taken, case closed, last lead) and version_conflict.
 */
export class CasesService {
  readonly ctx: ServiceContext;
  readonly members: CaseMembers;
  readonly subjects: CaseSubjects;

  constructor(ctx: ServiceContext) {
    this.ctx = ctx;
    this.members = new CaseMembers(ctx);
    this.subjects = new CaseSubjects(ctx);
  }

  /** The offence catalogue (DOMAIN §1). */
  offences(): readonly Offence[] {
    return OFFENCES;
  }

  async createCase(actor: Actor, input: NewCaseInput): Promise<CaseView> {
    authorize(actor, 'case.create');
    const e = new FieldErrors();
    const given = input.reference === undefined || input.reference === null ? null : checkReference(e, input.reference);
    const title = checkTitle(e, input.title);
    const summary = checkText(e, 'summary', input.summary ?? '', LIMITS.summaryMax);
    const offences = checkOffences(e, input.offences);
    e.check();
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTransaction(this.ctx.db, async (trx) => {
          const at = this.ctx.clock.now();
          let reference: string;
          if (given !== null) {
            if (await store.referenceExists(trx, given)) throw referenceTaken(given);
            reference = given;
          } else {
            reference = await this.generateReference(trx, at);
          }
          const id = newId();
          await store.insertCase(trx, { id, reference, title, summary, offences, createdBy: actor.userId, at });
          await this.ctx.ledger.append(trx, {
            actor: actorRef(actor),
            action: 'case.create',
            object: caseObject(id),
            details: { reference, title, summary, offences: sortedOffences(offences), lead: actor.userId },
          });
          return this.viewIn(trx, actor, id);
        });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        if (given !== null) throw referenceTaken(given);
        // A generated number collided with a reference someone typed in a concurrent transaction: go again.
        if (attempt >= GENERATION_ATTEMPTS) throw err;
      }
    }
  }

  /** The next free `{STATE}-{YEAR}-{NNNN}`: numbers already typed in by users are skipped. */
  private async generateReference(trx: Transaction<DB>, at: Date): Promise<string> {
    const state = this.ctx.config.state;
    const year = referenceYear(at);
    for (;;) {
      const reference = formatReference(state, year, await store.nextReferenceNumber(trx, referenceScope(state, year)));
      if (!(await store.referenceExists(trx, reference))) return reference;
    }
  }

  /**
   * For another module acting on a case inside its own transaction (requests): the case as `actor` sees it, after
   * the policy allowed `action` (404 / 403 / 409 as for the case's own routes), with its subjects.
   */
  async caseFor(ex: Executor, actor: Actor, id: string, action: CaseAction): Promise<{ record: CaseRecord; subjects: SubjectRecord[] }> {
    const c = await loadCase(ex, actor, id, action);
    return { record: c, subjects: await listSubjects(ex, c.id) };
  }

  /** The actor's role in a case (null when not a member), for another module's policy; no access check. */
  async caseRoleOf(ex: Executor, caseId: string, userId: string): Promise<CaseRecord['viewerRole']> {
    const c = await store.findCase(ex, caseId, userId);
    return c ? c.viewerRole : null;
  }

  /** The case in full for its members, its metadata for oversight; 404 for everyone else. */
  async getCase(actor: Actor, id: string): Promise<CaseView> {
    return this.viewIn(this.ctx.db, actor, id);
  }

  private async viewIn(ex: Executor, actor: Actor, id: string): Promise<CaseView> {
    const c = await loadCase(ex, actor, id, 'case.read_metadata');
    const resource = resourceOf(c);
    const allowed = abilities(actor, resource);
    if (!can(actor, 'case.read', resource)) return { view: 'metadata', record: c, abilities: allowed };
    const [members, subjects] = await Promise.all([this.members.present(ex, await listMembers(ex, c.id)), listSubjects(ex, c.id)]);
    return { view: 'full', record: c, members, subjects, abilities: allowed };
  }

  /**
   * Changes title, summary and offences against the version the client saw. The case is opened (404 / 403 / 409
   * closed) before the input is looked at, so a stranger learns nothing; then the input, then the version.
   */
  async updateCase(actor: Actor, id: string, patch: CasePatchInput): Promise<CaseView> {
    return inTransaction(this.ctx.db, async (trx) => {
      const at = this.ctx.clock.now();
      const c = await loadCase(trx, actor, id, 'case.update', { lock: true });
      const e = new FieldErrors();
      const title = patch.title === undefined ? undefined : checkTitle(e, patch.title);
      const summary = patch.summary === undefined ? undefined : checkText(e, 'summary', patch.summary, LIMITS.summaryMax);
      const offences = patch.offences === undefined ? undefined : checkOffences(e, patch.offences);
      checkVersion(e, patch.version);
      e.check();
      assertVersion(c, patch.version);
      const p: store.CasePatch = {};
      if (title !== undefined && title !== c.title) p.title = title;
      if (summary !== undefined && summary !== c.summary) p.summary = summary;
      const newOffences = offences !== undefined && !sameSet(offences, c.offences) ? offences : undefined;
      if (Object.keys(p).length > 0 || newOffences) {
        if (!(await store.updateCase(trx, c.id, c.version, p, at))) throw stale(c);
        if (newOffences) await store.replaceOffences(trx, c.id, newOffences);
        const before = { title: c.title, summary: c.summary, offences: c.offences };
        const after = { title: p.title ?? c.title, summary: p.summary ?? c.summary, offences: newOffences ? sortedOffences(newOffences) : c.offences };
        await this.ctx.ledger.append(trx, {
          actor: actorRef(actor),
          action: 'case.update',
          object: caseObject(c.id),
          details: { version: c.version + 1, changes: changedFields(before, after, ['title', 'summary', 'offences']) },
        });
      }
      return this.viewIn(trx, actor, c.id);
    });
  }

  /** Closes the case for good, with a reason; from then on it is read-only. */
  async closeCase(actor: Actor, id: string, input: CloseInput): Promise<CaseView> {
    return inTransaction(this.ctx.db, async (trx) => {
      const at = this.ctx.clock.now();
      const c = await loadCase(trx, actor, id, 'case.close', { lock: true });
      const e = new FieldErrors();
      const reason = checkText(e, 'reason', input.reason, LIMITS.reasonMax, true);
      checkVersion(e, input.version);
      e.check();
      assertVersion(c, input.version);
      if (!(await store.closeCase(trx, c.id, c.version, { by: actor.userId, reason, at }))) throw stale(c);
      await this.ctx.ledger.append(trx, { actor: actorRef(actor), action: 'case.close', object: caseObject(c.id), details: { version: c.version + 1, reason } });
      return this.viewIn(trx, actor, c.id);
    });
  }

  /**
   * The cases the actor may list, newest first, filtered and scoped in SQL. Members see their cases in full;
   * metadata readers (oversight) see every case, in full only where they are members.
   */
  async listCases(actor: Actor, input: ListInput): Promise<{ items: CaseListEntry[]; next: string | null }> {
    const limit = input.limit ?? LIST_LIMIT_DEFAULT;
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT_MAX) throw queryError('limit', `must be a whole number from 1 to ${LIST_LIMIT_MAX}`);
    let status: CaseStatus | undefined;
    if (input.status !== undefined) {
      if (input.status !== 'open' && input.status !== 'closed') throw queryError('status', 'must be open or closed');
      status = input.status;
    }
    let offence: OffenceId | undefined;
    if (input.offence !== undefined) {
      if (!isOffenceId(input.offence)) throw queryError('offence', `unknown offence "${input.offence}"`);
      offence = input.offence;
    }
    const q = input.q?.trim() || undefined;
    if (q !== undefined && q.length > 200) throw queryError('q', 'must be at most 200 characters');
    const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    const rows = await store.listCases(this.ctx.db, {
      viewerId: actor.userId,
      scope: listScope(actor),
      status,
      offence,
      q,
      after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((record) => ({ view: can(actor, 'case.read', resourceOf(record)) ? 'full' : 'metadata', record })),
      next: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }
}

function checkVersion(e: FieldErrors, v: number): void {
  if (!Number.isSafeInteger(v) || v < 1) e.add('version', 'must be the version of the case you read (a whole number from 1)');
}

const stale = (c: CaseRecord): AppError =>
  new AppError('version_conflict', `the case was changed by someone else (it is now at version ${c.version}); reload it and try again`);

function assertVersion(c: CaseRecord, version: number): void {
  if (c.version !== version) throw stale(c);
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Offences in catalogue order, as a case returns them. */
const sortedOffences = (list: readonly OffenceId[]): OffenceId[] => OFFENCE_IDS.filter((o) => list.includes(o));
