import type { Actor } from '../../platform/actor.ts';
import { inTransaction, type Executor } from '../../platform/db/executor.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { actorRef } from '../../platform/ledger/ledger.ts';
import { findUserById, findUsersByIds } from '../accounts/store.ts';
import type { ServiceContext } from '../context.ts';
import { loadCase } from './access.ts';
import { caseObject, type CaseEntry } from './audit.ts';
import { touchCase } from './store.ts';
import * as store from './member-store.ts';
import type { MemberRecord } from './member-store.ts';
import { CASE_ROLES, assignableCaseRoles } from './policy.ts';
import { FieldErrors } from './validate.ts';

/** A member with the account details a case screen shows (read from the accounts module, never written). */
export interface MemberView extends MemberRecord {
  username: string;
  displayName: string;
  disabled: boolean;
}

export interface MemberInput {
  userId: string;
  caseRole: string;
}

const lastLead = () => conflict('a case keeps at least one lead: make another member lead first');

/**
 * Who works on a case. Adding, changing and removing members is for the case's leads; a case always keeps at
 * least one lead. Each change runs in one transaction under the case's row lock, with its ledger entry.
 */
export class CaseMembers {
  private readonly ctx: ServiceContext;

  constructor(ctx: ServiceContext) {
    this.ctx = ctx;
  }

  /** Adds the accounts' names to membership rows. */
  async present(ex: Executor, members: MemberRecord[]): Promise<MemberView[]> {
    const users = await findUsersByIds(ex, members.map((m) => m.userId));
    return members.map((m) => {
      const u = users.get(m.userId);
      return { ...m, username: u?.username ?? '(deleted)', displayName: u?.displayName ?? '(deleted)', disabled: u?.disabled ?? true };
    });
  }

  async list(actor: Actor, caseId: string): Promise<MemberView[]> {
    const c = await loadCase(this.ctx.db, actor, caseId, 'case.members.read');
    return this.present(this.ctx.db, await store.listMembers(this.ctx.db, c.id));
  }

  /**
   * Adds an enabled user to the case with a case role, or changes the case role of an existing member
   * (`created` tells which). A user who holds no role cannot be added; one whose only role is oversight only as
   * an observer. Demoting the last lead is refused.
   */
  async add(actor: Actor, caseId: string, input: MemberInput): Promise<{ member: MemberView; created: boolean }> {
    return inTransaction(this.ctx.db, async (trx) => {
      const at = this.ctx.clock.now();
      const c = await loadCase(trx, actor, caseId, 'case.members.manage', { lock: true });
      const role = CASE_ROLES.find((r) => r === input.caseRole);
      if (role === undefined || !isUuid(input.userId)) {
        const e = new FieldErrors();
        if (!isUuid(input.userId)) e.add('userId', 'must be the id of a user');
        if (role === undefined) e.add('caseRole', `must be one of ${CASE_ROLES.join(', ')}`);
        throw e.error();
      }
      const user = await findUserById(trx, input.userId);
      const problems = new FieldErrors();
      if (!user || user.disabled) problems.add('userId', 'no enabled user has this id');
      else if (!assignableCaseRoles(user.roles).includes(role))
        problems.add(
          'caseRole',
          user.roles.length === 0 ? 'the user holds no role and cannot work on cases' : 'a user whose only role is oversight can only be an observer',
        );
      problems.check();
      const existing = await store.findMember(trx, c.id, input.userId);
      let created = false;
      let entry: CaseEntry | undefined;
      if (!existing) {
        await store.insertMember(trx, { caseId: c.id, userId: input.userId, caseRole: role, addedAt: at, addedBy: actor.userId });
        created = true;
        entry = { actor: actorRef(actor), action: 'case.member_add', object: caseObject(c.id), details: { userId: input.userId, caseRole: role } };
      } else if (existing.caseRole !== role) {
        if (existing.caseRole === 'lead' && (await store.countLeads(trx, c.id)) <= 1) throw lastLead();
        await store.setMemberRole(trx, c.id, input.userId, role);
        entry = { actor: actorRef(actor), action: 'case.member_role', object: caseObject(c.id), details: { userId: input.userId, from: existing.caseRole, to: role } };
      }
      if (entry) {
        await touchCase(trx, c.id, at);
        await this.ctx.ledger.append(trx, entry);
      }
      const m = await store.findMember(trx, c.id, input.userId);
      if (!m) throw notFound('member');
      const [member] = await this.present(trx, [m]);
      if (!member) throw notFound('member');
      return { member, created };
    });
  }

  /** Removes a member (a lead may remove themself, unless they are the last lead). */
  async remove(actor: Actor, caseId: string, userId: string): Promise<void> {
    await inTransaction(this.ctx.db, async (trx) => {
      const c = await loadCase(trx, actor, caseId, 'case.members.manage', { lock: true });
      const m = isUuid(userId) ? await store.findMember(trx, c.id, userId) : undefined;
      if (!m) throw notFound('member');
      if (m.caseRole === 'lead' && (await store.countLeads(trx, c.id)) <= 1) throw lastLead();
      await store.deleteMember(trx, c.id, userId);
      await touchCase(trx, c.id, this.ctx.clock.now());
      await this.ctx.ledger.append(trx, {
        actor: actorRef(actor),
        action: 'case.member_remove',
        object: caseObject(c.id),
        details: { userId, caseRole: m.caseRole },
      });
    });
  }
}
