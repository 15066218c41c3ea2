import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import type { CasesService } from '../cases/index.ts';
import { authorize, type RequestAction, type RequestResource } from './policy.ts';
import * as store from './store.ts';
import type { RequestRecord } from './store.ts';
import { requestType } from './types/index.ts';
import type { RequestTypeDefinition } from './model.ts';

/**
 * Whether a type's approval is an authorizer's (judge or independent authority) citing a decision: intrusive
 * measures, and any type whose safeguards name judicial authorization.
 */
export const needsAuthorizer = (def: RequestTypeDefinition): boolean => def.intrusive || def.safeguards.includes('judicial_authorization');

/** What the policy needs to know about a request read for one actor. */
export async function resourceFor(ex: Executor, cases: CasesService, actor: Actor, r: RequestRecord): Promise<RequestResource> {
  const def = requestType(r.typeId);
  const caseRole = r.side === 'requesting' && r.caseId ? await cases.caseRoleOf(ex, r.caseId, actor.userId) : null;
  return {
    side: r.side,
    caseRole,
    routing: def?.routing ?? 'central_authority',
    intrusive: def ? needsAuthorizer(def) : true,
    submitted: r.state !== 'draft' || r.submittedBy !== null,
    isDrafter: r.createdBy === actor.userId || r.submittedBy === actor.userId,
  };
}

/**
 * Opens a request for a use case: 404 when it does not exist or the actor may not know it exists, then the
 * policy's answer for `action` (403). With `lock`, first takes the request's row lock so that concurrent changes
 * to one request (a user here, a message from the other node) run one after the other.
 */
export async function loadRequest(
  ex: Executor,
  cases: CasesService,
  actor: Actor,
  id: string,
  action: RequestAction,
  opts: { lock?: boolean } = {},
): Promise<RequestRecord> {
  if (!isUuid(id)) throw notFound('request');
  if (opts.lock && !(await store.lockRequest(ex, id))) throw notFound('request');
  const r = await store.findRequest(ex, id);
  if (!r) throw notFound('request');
  authorize(actor, action, await resourceFor(ex, cases, actor, r));
  return r;
}
