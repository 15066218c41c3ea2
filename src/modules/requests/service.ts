import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Actor } from '../../platform/actor.ts';
import { inTransaction, type Executor } from '../../platform/db/executor.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { actorRef } from '../../platform/ledger/ledger.ts';
import { isOffenceId, type CasesService, type OffenceId } from '../cases/index.ts';
import type { ServiceContext } from '../context.ts';
import { InputErrors, LINE_MAX, TEXT_MAX, isoDate, text, textList, type CommandInput } from './command-input.ts';
import { checkCompleteness, initialContent, validateContent } from './completeness.ts';
import { tailorToRequestedState, type TailoringReport } from './legislation/tailoring.ts';
import { initialFacts } from './lifecycle.ts';
import {
  DECISION_OUTCOMES,
  LIFECYCLE_EVENTS,
  UI_LANGUAGES,
  type CompletenessReport,
  type DecisionOutcome,
  type LegislationProfile,
  type LifecycleEvent,
  type RequestContent,
  type RequestMessageType,
  type RequestTypeDefinition,
} from './model.ts';
import { Notifier } from './notify.ts';
import { authorize, can, listScope, type RequestAction } from './policy.ts';
import type { Messenger } from './ports.ts';
import { loadRequest, needsAuthorizer, resourceFor } from './access.ts';
import * as store from './store.ts';
import type { RequestRecord } from './store.ts';
import { step, type Step } from './transition.ts';
import { ADDRESSEE, VERIFY_HINT, letterLanguage, letterSections } from './letter-input.ts';
import type { LetterInput } from './letter/index.ts';
import { REQUEST_TYPES, requestType } from './types/index.ts';
import { buildView, commandAction, type RequestView } from './views.ts';

export interface NewDraftInput {
  caseId: string;
  typeId: string;
  requestedState: string;
  draftingLanguage: string;
  linkedRequestId?: string | null;
  confidentialityRequested?: boolean;
  content?: Record<string, unknown>;
}

export interface DraftPatchInput {
  version: number;
  draftingLanguage?: string;
  requestedState?: string;
  confidentialityRequested?: boolean;
  linkedRequestId?: string | null;
  /** Fields to set; `null` clears a field. Absent fields stay. */
  content?: Record<string, unknown>;
}

export interface CheckReport {
  completeness: CompletenessReport;
  tailoring: TailoringReport;
  /** Completeness and the blocking tailoring items together: nothing here ⇒ the request may be submitted. */
  complete: boolean;
}

export interface RequestsDeps {
  cases: CasesService;
  messenger: Messenger | null;
  profiles: ReadonlyMap<string, LegislationProfile>;
}

const digestOf = (v: unknown): string => createHash('sha256').update(canonicalize(v) ?? '', 'utf8').digest('base64url');

/**
 * Cooperation requests (DOMAIN §4): drafting from a case with completeness and tailoring checks, review and
 * authorization (four eyes), transmission to the requested State's node, and both sides of the lifecycle in step
 * through federation messages. Every change runs in one transaction with its history entry, its ledger entry and
 * (when the other node must know) its outbox message. Throws AppError: not_found, forbidden, validation_failed
 * (naming the field), conflict (wrong state), version_conflict, unavailable (no federation).
 */
export class RequestsService {
  readonly ctx: ServiceContext;
  readonly deps: RequestsDeps;
  readonly notifier: Notifier;

  constructor(ctx: ServiceContext, deps: RequestsDeps) {
    this.ctx = ctx;
    this.deps = deps;
    this.notifier = new Notifier(ctx);
  }

  types(): readonly RequestTypeDefinition[] {
    return REQUEST_TYPES;
  }

  // ── drafting ─────────────────────────────────────────────────────────────────────────────────────────────

  async createDraft(actor: Actor, input: NewDraftInput): Promise<RequestView> {
    authorize(actor, 'request.create');
    const e = new InputErrors();
    const def = requestType(input.typeId);
    if (!def) e.add('typeId', `unknown request type "${input.typeId}"; GET /api/v1/request-types lists them`);
    const requestedState = this.checkRequestedState(e, input.requestedState);
    const language = checkLanguage(e, input.draftingLanguage);
    if (!isUuid(input.caseId)) e.add('caseId', 'must be the id of a case');
    e.check();
    if (!def) throw notFound('request type');
    return inTransaction(this.ctx.db, async (trx) => {
      const at = this.ctx.clock.now();
      const c = await this.deps.cases.caseFor(trx, actor, input.caseId, 'case.update');
      const linked = await this.checkLink(trx, actor, def, input.linkedRequestId ?? null, c.record.id);
      const base = initialContent(def, {
        title: c.record.title,
        summary: c.record.summary,
        offences: c.record.offences,
        subjects: c.subjects.map((s) => ({ name: s.name, role: s.role, nationality: s.nationality, dateOfBirth: s.dateOfBirth, identifiers: s.identifiers })),
      });
      const given = validateContent(def, withConfidentiality(def, { ...base, ...(input.content ?? {}) }, input.confidentialityRequested));
      if (given.errors.length > 0) throwContentErrors(given.errors);
      const id = newId();
      const facts = initialFacts({ intrusive: def.intrusive, confidentialityRequested: given.content.confidentialityRequested === true || input.confidentialityRequested === true });
      const reference = await this.nextReference(trx, 'OUT', at);
      await store.insertRequest(trx, {
        id,
        side: 'requesting',
        caseId: c.record.id,
        typeId: def.id,
        typeVersion: def.version,
        state: 'draft',
        facts,
        reference,
        theirReference: null,
        requestingState: this.ctx.config.state,
        requestedState,
        counterpartNode: null,
        conversation: null,
        remoteId: null,
        draftingLanguage: language,
        title: `${def.title.en} — ${c.record.reference}`,
        content: given.content,
        linkedRequestId: linked?.id ?? null,
        linkedReference: linked?.reference ?? null,
        createdBy: actor.userId,
        at,
      });
      const [index] = await this.ctx.ledger.append(trx, {
        actor: actorRef(actor),
        action: 'request.create',
        object: { type: 'request', id },
        details: { reference, caseId: c.record.id, type: def.id, typeVersion: def.version, requestedState, language, linked: linked?.id ?? null, content: digestOf(given.content) },
      });
      await store.appendEvent(trx, id, { at, event: 'create', from: null, to: 'draft', actor: actorRef(actor), origin: 'local', details: { type: def.id }, ledgerIndex: index ?? null, messageId: null });
      return this.viewIn(trx, actor, id, false);
    });
  }

  async updateDraft(actor: Actor, id: string, input: DraftPatchInput): Promise<RequestView> {
    return inTransaction(this.ctx.db, async (trx) => {
      const at = this.ctx.clock.now();
      const r = await loadRequest(trx, this.deps.cases, actor, id, 'request.edit', { lock: true });
      if (r.state !== 'draft') throw new AppError('conflict', `only a draft can be edited; this request is ${r.state} (return it to draft first)`);
      const def = this.typeOf(r);
      const e = new InputErrors();
      const language = input.draftingLanguage === undefined ? undefined : checkLanguage(e, input.draftingLanguage);
      const requestedState = input.requestedState === undefined ? undefined : this.checkRequestedState(e, input.requestedState);
      if (!Number.isSafeInteger(input.version) || input.version < 1) e.add('version', 'must be the version you read');
      e.check();
      if (r.version !== input.version) throw stale(r);
      let content = r.content;
      const changed: string[] = [];
      if (input.content || input.confidentialityRequested !== undefined) {
        const merged: Record<string, unknown> = { ...r.content };
        for (const [k, v] of Object.entries(input.content ?? {})) {
          if (v === null) delete merged[k];
          else merged[k] = v;
        }
        const checked = validateContent(def, withConfidentiality(def, merged, input.confidentialityRequested));
        if (checked.errors.length > 0) throwContentErrors(checked.errors);
        content = checked.content;
        for (const k of new Set([...Object.keys(r.content), ...Object.keys(content)])) {
          if (JSON.stringify(r.content[k]) !== JSON.stringify(content[k])) changed.push(k);
        }
      }
      let linked: { id: string; reference: string } | null | undefined;
      if (input.linkedRequestId !== undefined) linked = await this.checkLink(trx, actor, def, input.linkedRequestId, r.caseId);
      const patch: store.RequestPatch = {};
      if (changed.length > 0) patch.content = content;
      if (language !== undefined && language !== r.draftingLanguage) patch.draftingLanguage = language;
      if (linked !== undefined && (linked?.id ?? null) !== r.linkedRequestId) {
        patch.linkedRequestId = linked?.id ?? null;
        patch.linkedReference = linked?.reference ?? null;
      }
      const confidential = content.confidentialityRequested === true || (input.confidentialityRequested ?? (def.fields.some((f) => f.id === 'confidentialityRequested') ? false : r.facts.confidentialityRequested));
      if (confidential !== r.facts.confidentialityRequested) patch.facts = { ...r.facts, confidentialityRequested: confidential };
      let requestedStateChanged = false;
      if (requestedState !== undefined && requestedState !== r.requestedState) requestedStateChanged = true;
      if (Object.keys(patch).length === 0 && !requestedStateChanged) return this.viewIn(trx, actor, r.id, false);
      if (!(await store.updateRequest(trx, r.id, r.version, patch, at))) throw stale(r);
      if (requestedStateChanged && requestedState) await trx.updateTable('requests').set({ requested_state: requestedState }).where('id', '=', r.id).execute();
      const details = {
        fields: changed,
        content: digestOf(content),
        ...(patch.draftingLanguage ? { language: patch.draftingLanguage } : {}),
        ...(requestedStateChanged ? { requestedState } : {}),
        ...(patch.linkedRequestId !== undefined ? { linked: patch.linkedRequestId } : {}),
        ...(patch.facts ? { confidentialityRequested: patch.facts.confidentialityRequested } : {}),
      };
      const [index] = await this.ctx.ledger.append(trx, { actor: actorRef(actor), action: 'request.update', object: { type: 'request', id: r.id }, details });
      await store.appendEvent(trx, r.id, { at, event: 'update', from: r.state, to: r.state, actor: actorRef(actor), origin: 'local', details, ledgerIndex: index ?? null, messageId: null });
      return this.viewIn(trx, actor, r.id, false);
    });
  }

  /** Completeness and tailoring of the request as it stands; recorded in the ledger (`request.check`). */
  async check(actor: Actor, id: string): Promise<CheckReport> {
    return inTransaction(this.ctx.db, async (trx) => {
      const r = await loadRequest(trx, this.deps.cases, actor, id, 'request.read');
      if (r.side !== 'requesting') throw new AppError('conflict', 'only an outgoing request is checked before transmission');
      const report = this.checkReport(r);
      const [index] = await this.ctx.ledger.append(trx, {
        actor: actorRef(actor),
        action: 'request.check',
        object: { type: 'request', id: r.id },
        details: { complete: report.complete, content: digestOf(r.content), missing: report.completeness.items.filter((i) => i.severity !== 'warning').map((i) => i.field), dualCriminality: report.tailoring.dualCriminality.outcome },
      });
      await store.appendEvent(trx, r.id, { at: this.ctx.clock.now(), event: 'check', from: r.state, to: r.state, actor: actorRef(actor), origin: 'local', details: { complete: report.complete }, ledgerIndex: index ?? null, messageId: null });
      return report;
    });
  }

  checkReport(r: RequestRecord): CheckReport {
    const def = this.typeOf(r);
    const offences = Array.isArray(r.content.offences) ? r.content.offences.filter((o): o is OffenceId => typeof o === 'string' && isOffenceId(o)) : [];
    const tailoring = tailorToRequestedState({
      type: def,
      offences,
      requestedState: r.requestedState,
      draftingLanguage: r.draftingLanguage,
      requesting: this.deps.profiles.get(r.requestingState) ?? null,
      requested: this.deps.profiles.get(r.requestedState) ?? null,
      directoryState: this.directoryState(r.requestedState),
    });
    const completeness = checkCompleteness(def, r.content, { extraRequired: tailoring.extraRequired, now: this.ctx.clock.now() });
    const blocking = tailoring.items.some((i) => i.severity !== 'warning');
    return { completeness, tailoring, complete: completeness.complete && !blocking };
  }

  // ── reading ──────────────────────────────────────────────────────────────────────────────────────────────

  /** The request as the actor may see it. Reading the content of a request is recorded in its access log. */
  async get(actor: Actor, id: string): Promise<RequestView> {
    return inTransaction(this.ctx.db, async (trx) => this.viewIn(trx, actor, id, true));
  }

  async viewIn(ex: Executor, actor: Actor, id: string, logAccess: boolean): Promise<RequestView> {
    const r = await loadRequest(ex, this.deps.cases, actor, id, 'request.read_metadata');
    const resource = await resourceFor(ex, this.deps.cases, actor, r);
    const full = can(actor, 'request.read', resource);
    if (full && logAccess) {
      await store.logAccess(ex, { id: newId(), requestId: r.id, caseId: r.caseId, userId: actor.userId, username: actor.username, action: 'read', at: this.ctx.clock.now() });
    }
    return buildView(ex, {
      actor,
      record: r,
      resource,
      full,
      def: this.typeOf(r),
      now: this.ctx.clock.now(),
      check: full && r.side === 'requesting' && ['draft', 'in_review', 'authorized'].includes(r.state) ? this.checkReport(r) : null,
      profiles: this.deps.profiles,
    });
  }

  /** The requests the actor may see, newest first, scoped and filtered in SQL; keyset-paginated. */
  async list(actor: Actor, input: ListInput): Promise<{ items: RequestListItem[]; next: string | null }> {
    const e = new InputErrors();
    const limit = input.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) e.add('limit', 'must be a whole number from 1 to 200');
    if (input.side !== undefined && input.side !== 'requesting' && input.side !== 'requested') e.add('side', 'must be requesting or requested');
    if (input.typeId !== undefined && !requestType(input.typeId)) e.add('typeId', `unknown request type "${input.typeId}"`);
    if (input.caseId !== undefined && !isUuid(input.caseId)) e.add('caseId', 'must be a case id');
    const q = input.q?.trim() || undefined;
    if (q !== undefined && q.length > 200) e.add('q', 'must be at most 200 characters');
    let before: { at: Date; id: string } | undefined;
    if (input.cursor !== undefined) {
      before = decodeListCursor(input.cursor) ?? undefined;
      if (!before) e.add('cursor', 'is not a cursor this API returned');
    }
    try {
      e.check();
    } catch (err) {
      if (err instanceof AppError && err.errors) throw new AppError(err.code, err.message, { errors: err.errors.map((x) => ({ ...x, in: 'query' as const })) });
      throw err;
    }
    const scope = listScope(actor);
    const rows = await store.listRequests(
      this.ctx.db,
      {
        ...scope,
        userId: actor.userId,
        intrusiveTypes: REQUEST_TYPES.filter(needsAuthorizer).map((t) => t.id),
        contactPointTypes: REQUEST_TYPES.filter((t) => t.routing === 'contact_point_24_7').map((t) => t.id),
      },
      { side: input.side, state: input.state, typeId: input.typeId, caseId: input.caseId, q, open: input.open, before, limit: limit + 1 },
    );
    const page = rows.slice(0, limit);
    const items: RequestListItem[] = [];
    for (const r of page) {
      const resource = await resourceFor(this.ctx.db, this.deps.cases, actor, r);
      items.push({ record: r, full: can(actor, 'request.read', resource) });
    }
    const last = page.at(-1);
    return { items, next: rows.length > limit && last ? encodeListCursor(last.createdAt, last.id) : null };
  }

  async accessLog(actor: Actor, id: string, limit = 200): Promise<store.AccessRecord[]> {
    const r = await loadRequest(this.ctx.db, this.deps.cases, actor, id, 'request.read_access_log');
    return store.listAccess(this.ctx.db, r.id, limit);
  }

  // ── notifications and letter ─────────────────────────────────────────────────────────────────────────────

  async notifications(actor: Actor, q: { unread?: boolean; limit?: number }): Promise<store.NotificationRecord[]> {
    return store.listNotifications(this.ctx.db, actor.userId, q.unread === true, q.limit ?? 50);
  }

  async markNotificationRead(actor: Actor, id: string): Promise<void> {
    if (!isUuid(id) || !(await store.markNotificationRead(this.ctx.db, actor.userId, id, this.ctx.clock.now()))) {
      const mine = (await store.listNotifications(this.ctx.db, actor.userId, false, 200)).some((n) => n.id === id);
      if (!mine) throw notFound('notification');
    }
  }

  /**
   * The formal letter (PDF) of a request in its drafting language, with both references, the signature block and
   * a ledger receipt (the index of its transmission — or of its latest step — and a signed checkpoint covering
   * it). Recorded in the access log like any read of the content.
   */
  async letter(actor: Actor, id: string): Promise<{ pdf: Buffer; filename: string }> {
    const r = await inTransaction(this.ctx.db, async (trx) => {
      const rec = await loadRequest(trx, this.deps.cases, actor, id, 'request.read');
      await store.logAccess(trx, { id: newId(), requestId: rec.id, caseId: rec.caseId, userId: actor.userId, username: actor.username, action: 'letter', at: this.ctx.clock.now() });
      return rec;
    });
    const def = this.typeOf(r);
    const lang = letterLanguage(r.draftingLanguage);
    const events = await store.listEvents(this.ctx.db, r.id);
    const anchorEvent = [...events].reverse().find((e) => (e.event === 'transmit' || e.event === 'receive') && e.ledgerIndex !== null) ?? [...events].reverse().find((e) => e.ledgerIndex !== null);
    let receipt: LetterInput['receipt'] = null;
    if (anchorEvent?.ledgerIndex !== undefined && anchorEvent.ledgerIndex !== null) {
      let cp = await this.ctx.ledger.latestCheckpoint();
      if (!cp || cp.size <= anchorEvent.ledgerIndex) cp = await this.ctx.ledger.issueCheckpoint();
      if (cp && cp.size > anchorEvent.ledgerIndex) {
        receipt = { index: String(anchorEvent.ledgerIndex), checkpoint: cp.note, verifyHint: VERIFY_HINT[lang].replace('{index}', String(anchorEvent.ledgerIndex)) };
      }
    }
    const states = this.directoryStates();
    const requestingRef = r.side === 'requesting' ? r.reference : (r.theirReference ?? r.reference);
    const requestedRef = r.side === 'requesting' ? r.theirReference : r.reference;
    const auth = r.authorization;
    const input: LetterInput = {
      language: lang,
      title: def.title[lang],
      references: { ours: requestingRef, theirs: requestedRef, ledgerObject: r.id },
      from: { state: r.requestingState, stateName: states.get(r.requestingState) ?? r.requestingState, authority: String(r.content.requestingAuthority ?? states.get(r.requestingState) ?? r.requestingState) },
      to: { state: r.requestedState, stateName: states.get(r.requestedState) ?? r.requestedState, authority: ADDRESSEE[def.routing][lang] },
      date: r.transmittedAt ?? r.updatedAt,
      timeZone: typeof r.content.timeZone === 'string' ? r.content.timeZone : 'UTC',
      sections: letterSections(def, r, lang),
      signature: {
        name: auth?.byName ?? '',
        title: auth?.role ?? '',
        authority: String(r.content.requestingAuthority ?? ''),
        authorizedBy: auth?.decision ? { name: auth.byName, decision: `${auth.decision.reference}, ${auth.decision.authority}, ${auth.decision.date}` } : null,
      },
      receipt,
    };
    // Loaded on first use: the PDF engine and its fonts are heavy, and most processes (the CLI) never print a letter.
    const { renderLetter } = await import('./letter/index.ts');
    const pdf = await renderLetter(input, { fontsDir: this.ctx.config.letterFontsDir || undefined });
    return { pdf, filename: `${requestingRef.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf` };
  }

  private directoryStates(): Map<string, string> {
    const m = new Map<string, string>();
    for (const [code, p] of this.deps.profiles) m.set(code, p.name);
    try {
      const dir = this.deps.messenger?.directory();
      if (dir) for (const [code, st] of Object.entries(dir.doc.states)) m.set(code, st.name);
    } catch {
      // no directory yet: profile names only
    }
    return m;
  }

  // ── commands ─────────────────────────────────────────────────────────────────────────────────────────────

  /** Applies a user's lifecycle event (submit, authorize, transmit, register, decide, …) to a request. */
  async command(actor: Actor, id: string, input: CommandInput): Promise<RequestView> {
    if (!(LIFECYCLE_EVENTS as readonly string[]).includes(input.event)) throw invalid('event', `unknown event "${input.event}"`);
    const event = input.event as LifecycleEvent;
    const r0 = await this.peek(actor, id);
    const action = commandAction(r0.side, event, r0.state);
    if (!action) throw new AppError('conflict', `"${event}" is not something a user does on the ${r0.side} side; it happens when the other node's message arrives`);
    const committed = await inTransaction(this.ctx.db, async (trx) => {
      const at = this.ctx.clock.now();
      const r = await loadRequest(trx, this.deps.cases, actor, id, action, { lock: true });
      if (!Number.isSafeInteger(input.version) || input.version < 1) throw invalid('version', 'must be the version you read');
      if (r.version !== input.version) throw stale(r);
      const prepared = await this.prepare(trx, actor, r, event, input, at);
      const res = await step(trx, this.ctx.ledger, r, prepared.step, at);
      if (res.message) await this.sendFor(trx, res.record, res.message, prepared.body ?? {}, actorRef(actor));
      await prepared.after?.(res.record);
      await this.notifier.afterLocalStep(trx, res.record, event, at);
      return res.record;
    });
    this.deps.messenger?.wake();
    return this.get(actor, committed.id);
  }

  /** Loads the request for its side only (the real check happens in the transaction). */
  private async peek(actor: Actor, id: string): Promise<RequestRecord> {
    return loadRequest(this.ctx.db, this.deps.cases, actor, id, 'request.read_metadata');
  }

  /** Turns a user's input into the lifecycle step and the message body for the other node. */
  private async prepare(
    trx: Executor,
    actor: Actor,
    r: RequestRecord,
    event: LifecycleEvent,
    input: CommandInput,
    at: Date,
  ): Promise<{ step: Step; body?: Record<string, unknown>; after?: (r: RequestRecord) => Promise<void> }> {
    const me = actorRef(actor);
    const e = new InputErrors();
    const base = { actor: me, origin: 'local' as const };
    switch (event) {
      case 'submit': {
        const report = this.checkReport(r);
        if (!report.complete) {
          const items = [...report.completeness.items, ...report.tailoring.items].filter((i) => i.severity !== 'warning');
          throw new AppError('validation_failed', `the request is not complete: ${items.length} item(s) to fix (see errors)`, {
            errors: items.map((i) => ({ in: 'body', pointer: `/content/${i.field}`, detail: i.message })),
          });
        }
        return { step: { ...base, input: { event }, patch: { submittedBy: actor.userId }, details: { content: digestOf(r.content), check: 'complete', dualCriminality: report.tailoring.dualCriminality.outcome } } };
      }
      case 'return_to_draft': {
        const reason = text(e, 'reason', input.reason, TEXT_MAX, true);
        e.check();
        return { step: { ...base, input: { event, reason }, patch: { authorizedBy: null, authorization: null }, details: { reason } } };
      }
      case 'authorize': {
        const def = this.typeOf(r);
        const note = text(e, 'note', input.note, TEXT_MAX, false);
        let decision: store.Authorization['decision'] = null;
        if (needsAuthorizer(def)) {
          if (!input.decision) e.add('decision', 'an intrusive measure needs the judicial or independent decision it rests on: reference, authority and date');
          else {
            const reference = text(e, 'decision/reference', input.decision.reference, LINE_MAX, true);
            const authority = text(e, 'decision/authority', input.decision.authority, LINE_MAX, true);
            const date = isoDate(e, 'decision/date', input.decision.date, true);
            if (date !== null && date > at.toISOString().slice(0, 10)) e.add('decision/date', 'cannot be in the future');
            decision = { reference, authority, date: date ?? '' };
          }
        }
        e.check();
        const role = actor.roles.includes('authorizer') && needsAuthorizer(def) ? 'authorizer' : (actor.roles.find((x) => x === 'central_authority' || x === 'prosecutor') ?? 'central_authority');
        const authorization: store.Authorization = { by: actor.userId, byName: actor.username, role, at: at.toISOString(), decision, note };
        return { step: { ...base, input: { event }, patch: { authorizedBy: actor.userId, authorization }, details: { role, decision, content: digestOf(r.content) } } };
      }
      case 'transmit': {
        const target = this.routeFor(r);
        const def = this.typeOf(r);
        const body = {
          request: {
            reference: r.reference,
            typeId: r.typeId,
            typeVersion: r.typeVersion,
            requestingState: r.requestingState,
            requestedState: r.requestedState,
            draftingLanguage: r.draftingLanguage,
            title: `${def.title.en} — ${r.reference}`,
            content: r.content,
            confidentialityRequested: r.facts.confidentialityRequested,
            linked: r.linkedRequestId ? { reference: r.linkedReference, theirReference: await this.theirReferenceOf(trx, r.linkedRequestId) } : null,
            authorization: r.authorization ? { role: r.authorization.role, at: r.authorization.at, decision: r.authorization.decision } : null,
          },
        };
        return {
          step: { ...base, input: { event }, patch: { counterpartNode: target, conversation: r.id, transmittedAt: at }, details: { to: target, content: digestOf(r.content) } },
          body,
        };
      }
      case 'provide_info': {
        const answer = text(e, 'answer', input.answer, TEXT_MAX, true);
        e.check();
        return { step: { ...base, input: { event }, details: { answer } }, body: { answer } };
      }
      case 'accept_conditions':
        return { step: { ...base, input: { event }, details: { conditions: r.decision?.conditions ?? [] } }, body: { conditions: r.decision?.conditions ?? [] } };
      case 'withdraw':
      case 'no_longer_required': {
        const reason = text(e, 'reason', input.reason, TEXT_MAX, false);
        e.check();
        return { step: { ...base, input: { event, reason }, patch: { closedAt: at }, details: { reason } }, body: { reason } };
      }
      case 'status_enquiry':
        return { step: { ...base, input: { event }, details: {} }, body: {} };
      case 'close':
        return { step: { ...base, input: { event }, patch: { closedAt: at }, details: {} } };
      case 'onward_transfer_request': {
        const thirdState = text(e, 'thirdState', input.thirdState, 2, true).toUpperCase();
        if (thirdState && !/^[A-Z]{2}$/.test(thirdState)) e.add('thirdState', 'must be a two-letter State code');
        if (thirdState === r.requestingState || thirdState === r.requestedState) e.add('thirdState', 'must be a third State (neither the requesting nor the requested State)');
        const recipient = text(e, 'recipient', input.recipient, LINE_MAX, true);
        const purpose = text(e, 'purpose', input.purpose, TEXT_MAX, true);
        e.check();
        const transferId = newId();
        await store.insertTransfer(trx, r.id, {
          id: transferId,
          remoteId: null,
          thirdState,
          recipient,
          purpose,
          status: 'requested',
          reasons: null,
          requestedAt: at,
          requestedBy: me,
          decidedAt: null,
          decidedBy: null,
          transferredAt: null,
          transferredBy: null,
        });
        return { step: { ...base, input: { event }, details: { transferId, thirdState, recipient, purpose } }, body: { transferId, thirdState, recipient, purpose } };
      }
      case 'record_onward_transfer': {
        const transferId = text(e, 'transferId', input.transferId, 64, true);
        e.check();
        const t = (await store.listTransfers(trx, r.id)).find((x) => x.id === transferId);
        if (!t) throw invalid('transferId', 'no onward transfer with this id was asked for on this request');
        if (t.status !== 'authorized') {
          throw new AppError('conflict', `onward transfer to ${t.thirdState} is ${t.status}: the data may be passed on only with the transferring State's prior authorization (DOMAIN §5)`);
        }
        if (!(await store.updateTransfer(trx, t.id, 'authorized', { status: 'transferred', transferredAt: at, transferredBy: me }))) throw new AppError('version_conflict', 'the transfer changed meanwhile; reload');
        return { step: { ...base, input: { event }, details: { transferId, thirdState: t.thirdState, recipient: t.recipient } } };
      }
      // ── requested side ──
      case 'register':
        return { step: { ...base, input: { event }, details: { reference: r.reference } }, body: { reference: r.reference } };
      case 'start_assessment':
      case 'resume':
      case 'start_execution':
        return { step: { ...base, input: { event }, details: {} }, body: {} };
      case 'request_info': {
        const questions = text(e, 'questions', input.questions, TEXT_MAX, true);
        e.check();
        return { step: { ...base, input: { event }, details: { questions } }, body: { questions } };
      }
      case 'record_no_consultation': {
        const reason = text(e, 'reason', input.reason, TEXT_MAX, true);
        e.check();
        return { step: { ...base, input: { event, reason }, details: { reason } } };
      }
      case 'answer_confidentiality': {
        if (typeof input.kept !== 'boolean') e.add('kept', 'say whether the confidentiality of the request can be kept (true or false)');
        const reason = text(e, 'reason', input.reason, TEXT_MAX, input.kept === false);
        e.check();
        return { step: { ...base, input: { event, kept: input.kept }, details: { kept: input.kept, reason } }, body: { kept: input.kept, reason } };
      }
      case 'decide': {
        if (input.outcome !== undefined && !(DECISION_OUTCOMES as readonly string[]).includes(input.outcome)) e.add('outcome', `must be one of ${DECISION_OUTCOMES.join(', ')}`);
        const reasons = text(e, 'reasons', input.reasons, TEXT_MAX, false);
        const conditions = textList(e, 'conditions', input.conditions, false);
        const grounds = (input.grounds ?? []).map((g) => g.trim());
        e.check();
        const outcome = input.outcome as DecisionOutcome | undefined;
        const decision: store.DecisionRecord | undefined = outcome ? { outcome, grounds, reasons, conditions, at: at.toISOString() } : undefined;
        return {
          step: { ...base, input: { event, outcome, grounds, reasons, conditions }, patch: decision ? { decision } : {}, details: { outcome, grounds, reasons, conditions } },
          body: { outcome, grounds, reasons, conditions },
        };
      }
      case 'send_results': {
        const summary = text(e, 'summary', input.summary, TEXT_MAX, true);
        const useLimitation = text(e, 'useLimitation', input.useLimitation, TEXT_MAX, false);
        const confidentiality = text(e, 'confidentiality', input.confidentiality, TEXT_MAX, false);
        const preservedUntil = isoDate(e, 'preservedUntil', input.preservedUntil, false);
        const items = (input.items ?? []).map((it, i) => {
          const kind = text(e, `items/${i}/kind`, it.kind, 100, true);
          const description = text(e, `items/${i}/description`, it.description, TEXT_MAX, true);
          if (it.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(it.sha256)) e.add(`items/${i}/sha256`, 'must be 64 lowercase hex digits');
          return it.sha256 ? { kind, description, sha256: it.sha256 } : { kind, description };
        });
        if (typeof input.final !== 'boolean') e.add('final', 'say whether these are the final results (true) or partial (false)');
        e.check();
        const conditions = r.decision?.outcome === 'accepted_with_conditions' ? r.decision.conditions : [];
        const resultId = newId();
        const result = { id: resultId, at, final: input.final === true, summary, items, useLimitation, confidentiality, conditions, preservedUntil, sentBy: me };
        await store.insertResult(trx, r.id, result);
        return {
          step: { ...base, input: { event, final: input.final === true }, details: { resultId, final: input.final === true, items: items.length, preservedUntil, useLimitation: useLimitation !== '', digest: digestOf(result) } },
          // Who sent it stays here: the other State learns it came from this node.
          body: { result: { id: resultId, final: result.final, summary, items, useLimitation, confidentiality, conditions, preservedUntil, at: at.toISOString() } },
        };
      }
      case 'onward_transfer_decision': {
        const transferId = text(e, 'transferId', input.transferId, 64, true);
        if (typeof input.authorized !== 'boolean') e.add('authorized', 'say whether the onward transfer is authorized (true or false)');
        const reasons = text(e, 'reasons', input.reasons, TEXT_MAX, input.authorized === false);
        e.check();
        const t = (await store.listTransfers(trx, r.id)).find((x) => x.id === transferId);
        if (!t) throw invalid('transferId', 'no onward transfer with this id was asked for on this request');
        const status = input.authorized ? 'authorized' : 'refused';
        if (!(await store.updateTransfer(trx, t.id, 'requested', { status, reasons, decidedAt: at, decidedBy: me }))) {
          throw new AppError('conflict', `this onward transfer was already decided (${t.status})`);
        }
        return { step: { ...base, input: { event }, details: { transferId, authorized: input.authorized, reasons } }, body: { transferId: t.remoteId, authorized: input.authorized, reasons } };
      }
      default:
        throw new AppError('conflict', `"${event}" is not something a user does on the ${r.side} side`);
    }
  }

  /** Writes the message for the other node in the same transaction (conversation = the requesting side's id). */
  async sendFor(trx: Executor, r: RequestRecord, type: RequestMessageType, body: Record<string, unknown>, actor: string): Promise<void> {
    const m = this.deps.messenger;
    if (!m) throw new AppError('unavailable', 'this process runs no federation: transmission and follow-up messages need the node (comity start)');
    if (!r.counterpartNode || !r.conversation) throw new AppError('internal', 'request has no counterpart');
    await m.send(trx, { to: r.counterpartNode, type, body: { ...body, requestId: r.id }, conversation: r.conversation, actor });
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────────────────

  typeOf(r: RequestRecord): RequestTypeDefinition {
    const def = requestType(r.typeId);
    if (!def) throw new AppError('internal', `request type ${r.typeId} is not known to this node`);
    return def;
  }

  /** The requested State's node for this request's type: its 24/7 point or its central authority, from the directory. */
  routeFor(r: RequestRecord): string {
    const m = this.deps.messenger;
    if (!m) throw new AppError('unavailable', 'this process runs no federation: transmission needs the node (comity start)');
    const dir = m.directory();
    const st = dir.doc.states[r.requestedState];
    if (!st) throw new AppError('conflict', `the federation directory lists no State ${r.requestedState}`);
    const def = this.typeOf(r);
    const node = def.routing === 'contact_point_24_7' ? (st.contactPoint247 ?? st.centralAuthority) : st.centralAuthority;
    if (!node || !dir.node(node)) {
      throw new AppError('conflict', `${r.requestedState} has designated no ${def.routing === 'contact_point_24_7' ? '24/7 point of contact or central authority' : 'central authority'} node in the federation directory`);
    }
    return node;
  }

  directoryState(state: string): TailoringDirectoryState | null {
    try {
      const st = this.deps.messenger?.directory().doc.states[state];
      return st ? { languages: st.languages, declarations: st.declarations, reservations: st.reservations, flags: st.flags } : null;
    } catch {
      return null;
    }
  }

  private checkRequestedState(e: InputErrors, s: string): string {
    const state = (s ?? '').trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(state)) e.add('requestedState', 'must be a two-letter State code (ISO 3166-1, or XA…XZ)');
    else if (state === this.ctx.config.state) e.add('requestedState', 'must be another State than this node\'s own');
    else if (this.deps.messenger && !this.directoryState(state) && !this.deps.profiles.has(state)) e.add('requestedState', `${state} is not in the federation directory`);
    return state;
  }

  private async checkLink(ex: Executor, actor: Actor, def: RequestTypeDefinition, linkedId: string | null, caseId: string | null): Promise<{ id: string; reference: string } | null> {
    if (linkedId === null) return null;
    if (!isUuid(linkedId)) throw invalid('linkedRequestId', 'must be the id of an earlier request');
    const l = await store.findRequest(ex, linkedId);
    if (!l || l.side !== 'requesting' || l.caseId !== caseId) throw invalid('linkedRequestId', 'must be an earlier outgoing request of the same case');
    if (!def.follows.includes(l.typeId)) throw invalid('linkedRequestId', `a ${def.id} request cannot follow a ${l.typeId} request (it may follow: ${def.follows.join(', ') || 'none'})`);
    void actor;
    return { id: l.id, reference: l.reference };
  }

  private async theirReferenceOf(ex: Executor, id: string): Promise<string | null> {
    const l = await store.findRequest(ex, id);
    return l?.theirReference ?? null;
  }

  async nextReference(ex: Executor, kind: 'OUT' | 'IN', at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    const scope = `request:${kind}:${this.ctx.config.state}:${year}`;
    const r = await ex
      .insertInto('reference_counters')
      .values({ scope, value: 1 })
      .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ value: eb('reference_counters.value', '+', 1) })))
      .returning('value')
      .executeTakeFirstOrThrow();
    return `${this.ctx.config.state}-${kind}-${year}-${String(Number(r.value)).padStart(4, '0')}`;
  }
}

export interface ListInput {
  side?: 'requesting' | 'requested';
  state?: string;
  typeId?: string;
  caseId?: string;
  q?: string;
  open?: boolean;
  limit?: number;
  cursor?: string;
}

export interface RequestListItem {
  record: RequestRecord;
  /** false: the actor sees metadata only (oversight). */
  full: boolean;
}

function encodeListCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), 'utf8').toString('base64url');
}

function decodeListCursor(s: string): { at: Date; id: string } | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'string' || !isUuid(v[1])) return null;
    const at = new Date(v[0]);
    return Number.isNaN(at.getTime()) ? null : { at, id: v[1] };
  } catch {
    return null;
  }
}

export interface TailoringDirectoryState {
  languages: string[];
  declarations: { article?: string; text: string }[];
  reservations: { article?: string; text: string }[];
  flags: Record<string, boolean>;
}

/**
 * The request's confidentiality wish lives in its `confidentialityRequested` field when the type has one (the
 * letter prints it); the API's top-level flag sets that field. The lifecycle reads it from the facts.
 */
function withConfidentiality(def: RequestTypeDefinition, content: Record<string, unknown>, flag: boolean | undefined): Record<string, unknown> {
  if (flag === undefined || !def.fields.some((f) => f.id === 'confidentialityRequested')) return content;
  return { ...content, confidentialityRequested: flag };
}

function checkLanguage(e: InputErrors, s: string): string {
  const l = (s ?? '').trim().toLowerCase();
  if (!/^[a-z]{2}$/.test(l)) e.add('draftingLanguage', 'must be an ISO 639-1 language code (e.g. en, fr, ar)');
  void UI_LANGUAGES;
  return l;
}

function throwContentErrors(errors: readonly { field: string; detail: string }[]): never {
  const first = errors[0];
  throw new AppError('validation_failed', errors.length === 1 && first ? `content.${first.field}: ${first.detail}` : `${errors.length} fields of the request are invalid`, {
    errors: errors.map((x) => ({ in: 'body', pointer: `/content/${x.field}`, detail: x.detail })),
  });
}

const stale = (r: RequestRecord): AppError =>
  new AppError('version_conflict', `the request was changed by someone else (it is now at version ${r.version}); reload it and try again`);

export type { RequestContent };
