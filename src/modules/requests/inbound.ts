import type { Logger } from 'pino';
import type { Executor } from '../../platform/db/executor.ts';
import { AppError } from '../../platform/errors.ts';
import type { DeliveredMessage, ReceivedMessage } from '../../platform/federation/federation.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { apply, initialFacts, type LifecycleInput } from './lifecycle.ts';
import { DECISION_OUTCOMES, type LifecycleEvent, type RequestMessageType } from './model.ts';
import type { Messenger } from './ports.ts';
import type { RequestsService } from './service.ts';
import * as store from './store.ts';
import type { RequestRecord, ResultItem } from './store.ts';
import { lifecycleError, step } from './transition.ts';
import { requestType } from './types/index.ts';
import { validateContent } from './completeness.ts';

/**
 * The other node's side of the conversation: each incoming request message becomes the matching lifecycle event,
 * in the transaction that marks the message processed (exactly once in effect). A message the rules refuse — the
 * two nodes disagree about the state — is recorded in the request's history and the ledger
 * (`request.message_refused`) and logged for the operator, never retried forever.
 */

class BadBody extends Error {}

const str = (b: Record<string, unknown>, k: string, max = 20_000, required = true): string => {
  const v = b[k];
  if (v === undefined || v === null) {
    if (required) throw new BadBody(`${k} is missing`);
    return '';
  }
  if (typeof v !== 'string' || v.length > max) throw new BadBody(`${k} must be a string of at most ${max} characters`);
  return v;
};
const strList = (b: Record<string, unknown>, k: string): string[] => {
  const v = b[k] ?? [];
  if (!Array.isArray(v) || v.length > 100 || !v.every((x) => typeof x === 'string' && x.length <= 20_000)) throw new BadBody(`${k} must be a list of strings`);
  return v as string[];
};
const bool = (b: Record<string, unknown>, k: string): boolean => {
  const v = b[k];
  if (typeof v !== 'boolean') throw new BadBody(`${k} must be true or false`);
  return v;
};
const obj = (b: Record<string, unknown>, k: string): Record<string, unknown> => {
  const v = b[k];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new BadBody(`${k} must be an object`);
  return v as Record<string, unknown>;
};

/** Which lifecycle event an incoming message is, on the side that receives it. */
const EVENT_OF: Record<RequestMessageType, LifecycleEvent> = {
  'request.transmit': 'receive',
  'request.info_provided': 'info_received',
  'request.conditions_accepted': 'conditions_accepted',
  'request.withdrawn': 'withdrawn',
  'request.no_longer_required': 'no_longer_required',
  'request.status_enquiry': 'status_enquiry',
  'request.onward_transfer_request': 'onward_transfer_request',
  'request.acknowledged': 'acknowledged',
  'request.info_requested': 'info_requested',
  'request.decision': 'decision',
  'request.execution_started': 'execution_started',
  'request.results': 'results',
  'request.confidentiality_answer': 'confidentiality_answered',
  'request.status_reply': 'status_reply',
  'request.onward_transfer_decision': 'onward_transfer_decision',
};

export function installInbound(svc: RequestsService, messenger: Messenger, logger: Logger): void {
  const handle = async (trx: Executor, msg: ReceivedMessage): Promise<void> => {
    const type = msg.type as RequestMessageType;
    const at = svc.ctx.clock.now();
    if (type === 'request.transmit') {
      await receiveRequest(svc, trx, msg, at, logger);
      return;
    }
    const r = await store.findByConversation(trx, msg.from, msg.conversation);
    if (!r) {
      logger.warn({ type, from: msg.from, conversation: msg.conversation }, 'request message for an unknown request ignored');
      await svc.ctx.ledger.append(trx, { actor: `node:${msg.from}`, action: 'request.message_refused', object: { type: 'message', id: msg.id }, details: { type, reason: 'unknown request' } });
      return;
    }
    await store.lockRequest(trx, r.id);
    const fresh = (await store.findRequest(trx, r.id)) ?? r;
    try {
      await applyMessage(svc, trx, fresh, msg, type, at);
    } catch (e) {
      if (!(e instanceof BadBody) && !(e instanceof AppError)) throw e;
      logger.warn({ type, from: msg.from, request: r.id, reason: e.message }, 'request message refused by the lifecycle rules');
      const [index] = await svc.ctx.ledger.append(trx, {
        actor: `node:${msg.from}`,
        action: 'request.message_refused',
        object: { type: 'request', id: r.id },
        details: { message: msg.id, type, reason: e.message },
      });
      await store.appendEvent(trx, r.id, {
        at,
        event: 'message_refused',
        from: fresh.state,
        to: fresh.state,
        actor: `node:${msg.from}`,
        origin: 'remote',
        details: { type, reason: e.message },
        ledgerIndex: index ?? null,
        messageId: msg.id,
      });
    }
  };
  for (const type of Object.keys(EVENT_OF)) messenger.on(type, handle);

  messenger.onDelivered('request.transmit', async (trx, m: DeliveredMessage) => {
    const r = await store.findByConversation(trx, m.to, m.conversation);
    if (!r || r.side !== 'requesting') return;
    await store.lockRequest(trx, r.id);
    const fresh = (await store.findRequest(trx, r.id)) ?? r;
    const at = svc.ctx.clock.now();
    if (fresh.state === 'transmitted') {
      const res = await step(trx, svc.ctx.ledger, fresh, { input: { event: 'delivered' }, actor: 'system', origin: 'local', details: { message: m.id, receivedAt: m.receivedAt } }, at);
      await svc.notifier.afterRemoteStep(trx, res.record, 'delivered', at);
    } else {
      // The acknowledgment overtook the receipt: keep the receipt in the history without moving the state.
      await store.appendEvent(trx, r.id, { at, event: 'receipt', from: fresh.state, to: fresh.state, actor: 'system', origin: 'local', details: { message: m.id, receivedAt: m.receivedAt }, ledgerIndex: null, messageId: m.id });
    }
  });
}

/** `request.transmit`: a new incoming request, registered on the desk as `received`. */
async function receiveRequest(svc: RequestsService, trx: Executor, msg: ReceivedMessage, at: Date, logger: Logger): Promise<void> {
  const existing = await store.findByConversation(trx, msg.from, msg.conversation);
  if (existing) return;
  let req: Record<string, unknown>;
  try {
    req = obj(msg.body, 'request');
    const remoteId = str(msg.body, 'requestId', 64);
    if (!isUuid(remoteId) || remoteId !== msg.conversation) throw new BadBody('requestId must be the conversation id');
  } catch (e) {
    logger.warn({ from: msg.from, reason: (e as Error).message }, 'malformed request refused');
    await svc.ctx.ledger.append(trx, { actor: `node:${msg.from}`, action: 'request.message_refused', object: { type: 'message', id: msg.id }, details: { type: msg.type, reason: (e as Error).message } });
    return;
  }
  const refuse = async (reason: string): Promise<void> => {
    logger.warn({ from: msg.from, reason }, 'incoming request refused');
    await svc.ctx.ledger.append(trx, { actor: `node:${msg.from}`, action: 'request.message_refused', object: { type: 'message', id: msg.id }, details: { type: msg.type, reason } });
  };
  try {
    const typeId = str(req, 'typeId', 64);
    const def = requestType(typeId);
    if (!def) return refuse(`unknown request type ${typeId}`);
    const requestingState = str(req, 'requestingState', 2);
    const requestedState = str(req, 'requestedState', 2);
    const senderState = svc.deps.messenger?.directory().node(msg.from)?.state;
    if (senderState !== requestingState) return refuse(`the sending node belongs to ${senderState ?? 'no State'}, not ${requestingState}`);
    if (requestedState !== svc.ctx.config.state) return refuse(`the request is addressed to ${requestedState}, this node belongs to ${svc.ctx.config.state}`);
    const given = validateContent(def, obj(req, 'content'));
    if (given.errors.length > 0) return refuse(`the request's content does not match type ${def.id}: ${given.errors.map((x) => `${x.field}: ${x.detail}`).join('; ')}`);
    const content = given.content;
    const language = str(req, 'draftingLanguage', 8);
    const theirReference = str(req, 'reference', 100);
    const confidentialityRequested = bool(req, 'confidentialityRequested');
    const linked = req.linked === null || req.linked === undefined ? null : obj(req, 'linked');
    const authorization = req.authorization === null || req.authorization === undefined ? null : obj(req, 'authorization');
    const id = newId();
    const reference = await svc.nextReference(trx, 'IN', at);
    const linkedLocal = linked && typeof linked.theirReference === 'string' ? await findOwnByReference(trx, linked.theirReference) : null;
    const facts = initialFacts({ intrusive: def.intrusive, confidentialityRequested });
    await store.insertRequest(trx, {
      id,
      side: 'requested',
      caseId: null,
      typeId: def.id,
      typeVersion: typeof req.typeVersion === 'number' ? req.typeVersion : def.version,
      state: 'received',
      facts,
      reference,
      theirReference,
      requestingState,
      requestedState,
      counterpartNode: msg.from,
      conversation: msg.conversation,
      remoteId: msg.conversation,
      draftingLanguage: language,
      title: `${def.title.en} — ${theirReference}`,
      content,
      linkedRequestId: linkedLocal,
      linkedReference: linked && typeof linked.reference === 'string' ? linked.reference : null,
      createdBy: null,
      at,
    });
    const details = { from: null, to: 'received', theirReference, type: def.id, message: msg.id, authorized: authorization !== null, decision: authorization?.decision ?? null };
    const [index] = await svc.ctx.ledger.append(trx, { actor: `node:${msg.from}`, action: 'request.receive', object: { type: 'request', id }, details });
    await store.appendEvent(trx, id, { at, event: 'receive', from: null, to: 'received', actor: `node:${msg.from}`, origin: 'remote', details: { theirReference, authorization }, ledgerIndex: index ?? null, messageId: msg.id });
    const r = await store.findRequest(trx, id);
    if (r) await svc.notifier.afterRemoteStep(trx, r, 'receive', at);
  } catch (e) {
    if (e instanceof BadBody) return refuse(e.message);
    throw e;
  }
}

async function findOwnByReference(ex: Executor, reference: string): Promise<string | null> {
  const r = await ex.selectFrom('requests').select('id').where('reference', '=', reference).where('side', '=', 'requested').executeTakeFirst();
  return r?.id ?? null;
}

/** The lifecycle input a message stands for (values the rules look at), read without writing anything. */
function messageInput(type: RequestMessageType, b: Record<string, unknown>): LifecycleInput {
  const event = EVENT_OF[type];
  switch (type) {
    case 'request.decision':
      return { event, outcome: str(b, 'outcome', 40) as never, grounds: strList(b, 'grounds'), reasons: str(b, 'reasons', 20_000, false), conditions: strList(b, 'conditions') };
    case 'request.results':
      return { event, final: bool(obj(b, 'result'), 'final') };
    case 'request.confidentiality_answer':
      return { event, kept: bool(b, 'kept') };
    case 'request.withdrawn':
    case 'request.no_longer_required':
      return { event, reason: str(b, 'reason', 20_000, false) };
    default:
      return { event };
  }
}

/** Every other message: its lifecycle event, with what the body carries. */
async function applyMessage(svc: RequestsService, trx: Executor, r: RequestRecord, msg: ReceivedMessage, type: RequestMessageType, at: Date): Promise<void> {
  const event = EVENT_OF[type];
  // The rules first, before anything is written: a message they refuse leaves no trace but its refusal.
  const dry = apply(r.side, r.state, r.facts, messageInput(type, msg.body));
  if (!dry.ok) throw lifecycleError(dry.code, dry.message, dry.field);
  const b = msg.body;
  const base = { actor: `node:${msg.from}`, origin: 'remote' as const, messageId: msg.id };
  let input: LifecycleInput = { event };
  let details: Record<string, unknown> = {};
  let patch: store.RequestPatch = {};
  let reply: { type: RequestMessageType; body: Record<string, unknown> } | null = null;
  switch (type) {
    case 'request.acknowledged':
      patch = { theirReference: str(b, 'reference', 100) };
      details = { theirReference: patch.theirReference };
      break;
    case 'request.info_requested':
      details = { questions: str(b, 'questions') };
      break;
    case 'request.info_provided':
      details = { answer: str(b, 'answer') };
      break;
    case 'request.decision': {
      const outcome = str(b, 'outcome', 40);
      if (!(DECISION_OUTCOMES as readonly string[]).includes(outcome)) throw new BadBody(`unknown outcome ${outcome}`);
      const grounds = strList(b, 'grounds');
      const reasons = str(b, 'reasons', 20_000, false);
      const conditions = strList(b, 'conditions');
      input = { event, outcome: outcome as never, grounds, reasons, conditions };
      patch = { decision: { outcome: outcome as never, grounds, reasons, conditions, at: at.toISOString() } };
      details = { outcome, grounds, reasons, conditions };
      break;
    }
    case 'request.conditions_accepted':
      details = { conditions: strList(b, 'conditions') };
      break;
    case 'request.results': {
      const res = obj(b, 'result');
      const final = bool(res, 'final');
      const items = Array.isArray(res.items) ? (res.items as ResultItem[]).filter((i) => typeof i === 'object' && i !== null && typeof i.kind === 'string' && typeof i.description === 'string') : [];
      const preservedUntil = typeof res.preservedUntil === 'string' ? res.preservedUntil : null;
      const resultId = newId();
      await store.insertResult(trx, r.id, {
        id: resultId,
        at,
        final,
        summary: str(res, 'summary'),
        items,
        useLimitation: str(res, 'useLimitation', 20_000, false),
        confidentiality: str(res, 'confidentiality', 20_000, false),
        conditions: strList(res, 'conditions'),
        preservedUntil,
        sentBy: `node:${msg.from}`,
      });
      input = { event, final };
      details = { resultId, final, items: items.length, preservedUntil };
      break;
    }
    case 'request.confidentiality_answer': {
      const kept = bool(b, 'kept');
      input = { event, kept };
      details = { kept, reason: str(b, 'reason', 20_000, false) };
      break;
    }
    case 'request.withdrawn':
    case 'request.no_longer_required':
      input = { event, reason: str(b, 'reason', 20_000, false) };
      details = { reason: input.reason };
      patch = { closedAt: at };
      break;
    case 'request.status_enquiry':
      reply = { type: 'request.status_reply', body: { state: r.state, reference: r.reference, outcome: r.decision?.outcome ?? null, since: r.updatedAt.toISOString() } };
      break;
    case 'request.status_reply':
      details = { state: str(b, 'state', 40), reference: str(b, 'reference', 100), outcome: b.outcome ?? null, since: str(b, 'since', 40) };
      break;
    case 'request.onward_transfer_request': {
      const transferId = str(b, 'transferId', 64);
      const thirdState = str(b, 'thirdState', 2);
      const recipient = str(b, 'recipient', 500);
      const purpose = str(b, 'purpose');
      await store.insertTransfer(trx, r.id, {
        id: newId(),
        remoteId: transferId,
        thirdState,
        recipient,
        purpose,
        status: 'requested',
        reasons: null,
        requestedAt: at,
        requestedBy: `node:${msg.from}`,
        decidedAt: null,
        decidedBy: null,
        transferredAt: null,
        transferredBy: null,
      });
      details = { thirdState, recipient, purpose };
      break;
    }
    case 'request.onward_transfer_decision': {
      const transferId = str(b, 'transferId', 64);
      const authorized = bool(b, 'authorized');
      const reasons = str(b, 'reasons', 20_000, false);
      if (!(await store.updateTransfer(trx, transferId, 'requested', { status: authorized ? 'authorized' : 'refused', reasons, decidedAt: at, decidedBy: `node:${msg.from}` }))) {
        throw new BadBody('no pending onward transfer with this id');
      }
      details = { transferId, authorized, reasons };
      break;
    }
    case 'request.execution_started':
      break;
    case 'request.transmit':
      return;
  }
  const res = await step(trx, svc.ctx.ledger, r, { ...base, input, details, patch }, at);
  if (reply) await svc.sendFor(trx, res.record, reply.type, reply.body, 'system');
  await svc.notifier.afterRemoteStep(trx, res.record, event, at);
}
