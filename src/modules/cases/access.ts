import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { authorize, type CaseAction, type CaseResource } from './policy.ts';
import * as store from './store.ts';
import type { CaseRecord } from './store.ts';

/** What the policy needs to know about a case read for one actor. */
export const resourceOf = (c: CaseRecord): CaseResource => ({ caseRole: c.viewerRole, status: c.status });

/**
 * Opens a case for a use case: 404 when it does not exist or the actor may not know it exists, then the policy's
 * answer for `action` (403, or 409 when the case is closed). With `lock`, first takes the case's row lock so that
 * concurrent changes to one case run one after the other (see `store.lockCase`).
 */
export async function loadCase(ex: Executor, actor: Actor, id: string, action: CaseAction, opts: { lock?: boolean } = {}): Promise<CaseRecord> {
  if (!isUuid(id)) throw notFound('case');
  if (opts.lock && !(await store.lockCase(ex, id))) throw notFound('case');
  const c = await store.findCase(ex, id, actor.userId);
  if (!c) throw notFound('case');
  authorize(actor, action, resourceOf(c));
  return c;
}
