import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestDetailSchema, presentRequest } from '../../src/modules/requests/schema.ts';
import type { Actor } from '../../src/platform/actor.ts';
import { AppError } from '../../src/platform/errors.ts';
import { verifyLedger } from '../../src/platform/ledger/verify.ts';
import { requestType } from '../../src/modules/requests/types/index.ts';
import { needsAuthorizer } from '../../src/modules/requests/access.ts';
import type { RequestView } from '../../src/modules/requests/views.ts';
import { activeDialects } from '../kit/dialects.ts';
import { startFederation, type Federation3, type FedNode } from '../federation/kit.ts';
import { completed, ledgerActions, userOn } from './kit.ts';
import { compact, pdfText, streamText } from '../../src/modules/requests/letter/testkit/pdf-text.ts';

/**
 * The cooperation-request lifecycle across two real nodes (XA requesting, XB requested), with real HTTP, real
 * signed and encrypted messages and both ledgers: the stories of SCENARIOS.md 1 and 3.
 */

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError, but the call succeeded');
}

for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`cooperation requests between two nodes [${dialect}]`, () => {
    let f: Federation3;
    let xa: FedNode;
    let xb: FedNode;
    let amira: Actor; // XA investigator, drafts
    let jonas: Actor; // XA prosecutor, reviews and transmits
    let sofia: Actor; // XA judge (authorizer)
    let ca: Actor; // XA central authority
    let petra: Actor; // XB duty officer
    let xbCa: Actor; // XB central authority
    let caseId: string;

    beforeAll(async () => {
      f = await startFederation({ dialect, states: ['XA', 'XB'] });
      xa = f.byName('XA');
      xb = f.byName('XB');
      amira = await userOn(xa, ['investigator']);
      jonas = await userOn(xa, ['prosecutor']);
      sofia = await userOn(xa, ['authorizer']);
      ca = await userOn(xa, ['central_authority']);
      petra = await userOn(xb, ['duty_officer']);
      xbCa = await userOn(xb, ['central_authority']);
      const c = await xa.node.services.cases.createCase(amira, { title: 'Ransomware at the university hospital', summary: 'Systems encrypted; ransom note points to a payment portal hosted in XB.', offences: ['illegal_access', 'data_interference', 'system_interference'] });
      caseId = c.record.id;
      await xa.node.services.cases.members.add(amira, caseId, { userId: jonas.userId, caseRole: 'member' });
    }, 120_000);
    afterAll(async () => {
      await f?.close();
    });

    const rq = (n: FedNode) => n.node.services.requests;
    /** Applies an event, and checks the view against the API's response schema (what the HTTP layer would send). */
    const ev = async (n: FedNode, actor: Actor, v: RequestView, event: string, extra: Record<string, unknown> = {}): Promise<RequestView> => {
      const out = await rq(n).command(actor, v.record.id, { event, version: v.record.version, ...extra });
      expect([...Value.Errors(RequestDetailSchema, presentRequest(out))]).toEqual([]);
      return out;
    };
    const incoming = async (reference: string): Promise<RequestView> => {
      let found: string | undefined;
      await f.until(async () => {
        const page = await rq(xb).list(xbCa, { side: 'requested', q: reference });
        found = page.items[0]?.record.id;
        return found !== undefined;
      });
      if (!found) throw new Error('not received');
      return rq(xb).get(xbCa, found);
    };
    const settle = async (n: FedNode, actor: Actor, id: string, state: string): Promise<RequestView> => {
      await f.until(async () => (await rq(n).get(actor, id)).record.state === state);
      return rq(n).get(actor, id);
    };

    /** Drafts a complete request of `type` to XB, authorizes and transmits it; returns both sides. */
    async function transmitted(type: string, extra: Record<string, unknown> = {}, confidentiality = false): Promise<{ out: RequestView; inc: RequestView }> {
      const def = requestType(type);
      if (!def) throw new Error(type);
      let v = await rq(xa).createDraft(amira, { caseId, typeId: type, requestedState: 'XB', draftingLanguage: 'en', confidentialityRequested: confidentiality });
      v = await rq(xa).updateDraft(amira, v.record.id, { version: v.record.version, content: completed(def, { ...v.record.content, ...extra }) });
      v = await ev(xa, amira, v, 'submit');
      v = needsAuthorizer(def)
        ? await ev(xa, sofia, v, 'authorize', { decision: { reference: 'Order no. 2026/88', authority: 'Investigating judge, Arland district court', date: '2026-03-13' } })
        : await ev(xa, jonas, v, 'authorize');
      v = await ev(xa, jonas, v, 'transmit');
      const inc = await incoming(v.record.reference);
      return { out: v, inc };
    }

    it('preservation XA→XB: refused by the checker while incomplete, then authorized, transmitted, acknowledged, executed and closed, with matching ledger trails', async () => {
      const def = requestType('preservation');
      if (!def) throw new Error('no preservation type');
      let v = await rq(xa).createDraft(amira, { caseId, typeId: 'preservation', requestedState: 'XB', draftingLanguage: 'en' });
      expect(v.record).toMatchObject({ state: 'draft', side: 'requesting', requestedState: 'XB' });
      // Carried over from the case.
      expect(v.record.content.offences).toEqual(['illegal_access', 'data_interference', 'system_interference']);
      expect(v.check?.complete).toBe(false);
      expect(v.check?.tailoring.dualCriminality.applies).toBe(false);
      expect(v.check?.tailoring.dualCriminality.basis).toMatch(/XB/);

      // Incomplete: the checker refuses the submission and lists every missing field.
      const refused = await failure(ev(xa, amira, v, 'submit'));
      expect(refused.code).toBe('validation_failed');
      const missing = (refused.errors ?? []).map((e) => e.pointer);
      expect(missing).toContain('/content/custodian');
      expect(missing).toContain('/content/mlaWillFollow');
      expect((await rq(xa).get(amira, v.record.id)).record.state).toBe('draft');

      v = await rq(xa).updateDraft(amira, v.record.id, {
        version: v.record.version,
        content: completed(def, {
          custodian: 'Borduria Hosting Ltd, 12 Harbour Street, Borduria City',
          dataToPreserve: ['Subscriber records of the account operating pay-portal.example', 'IP login logs, 1–14 March 2026', 'Server logs of pay-portal.example'],
          mlaWillFollow: true,
          doNotNotify: true,
          preservationDays: 90,
          timeZone: 'Europe/Paris',
          officeHours: '24/7 duty desk',
        }),
      });
      expect(v.check?.complete, JSON.stringify(v.check?.completeness.items)).toBe(true);
      const checked = await rq(xa).check(amira, v.record.id);
      expect(checked.complete).toBe(true);
      v = await rq(xa).get(amira, v.record.id);

      v = await ev(xa, amira, v, 'submit');
      expect(v.record.state).toBe('in_review');
      // Four eyes: the drafter cannot authorize (not even with the right role).
      const fourEyes = await failure(ev(xa, amira, v, 'authorize'));
      expect(fourEyes.code).toBe('forbidden');
      v = await ev(xa, jonas, v, 'authorize');
      expect(v.record.state).toBe('authorized');
      v = await ev(xa, jonas, v, 'transmit');
      expect(v.record.state).toBe('transmitted');
      expect(v.record.counterpartNode).toBe(xb.id);

      // The signed receipt moves it to delivered; XB has it on its desk as received.
      const delivered = await settle(xa, amira, v.record.id, 'delivered');
      // The formal letter: every field given, our reference, the signature block and a ledger receipt of the
      // transmission (its index and a signed checkpoint that covers it).
      const letter = await rq(xa).letter(jonas, v.record.id);
      const text = compact(streamText(await pdfText(letter.pdf)));
      expect(letter.filename).toBe(`${v.record.reference}.pdf`);
      const transmitEvent = delivered.history.find((h) => h.event === 'transmit');
      for (const needle of [v.record.reference, 'Borduria Hosting Ltd, 12 Harbour Street', 'pay-portal.example', 'Expedited preservation of stored data', jonas.username, String(transmitEvent?.ledgerIndex), `comity/${xa.id}`]) {
        expect(text, needle).toContain(compact(needle));
      }
      let inc = await incoming(v.record.reference);
      expect(inc.record).toMatchObject({ side: 'requested', state: 'received', theirReference: v.record.reference, requestingState: 'XA', typeId: 'preservation' });
      expect(inc.record.content.custodian).toBe('Borduria Hosting Ltd, 12 Harbour Street, Borduria City');
      // The 24/7 duty officer sees it (24/7-routed type).
      expect((await rq(xb).get(petra, inc.record.id)).full).toBe(true);

      inc = await ev(xb, petra, inc, 'register');
      expect(inc.record.state).toBe('registered');
      const acked = await settle(xa, amira, v.record.id, 'acknowledged');
      expect(acked.record.theirReference).toBe(inc.record.reference);
      const ack = acked.clocks.find((c) => c.kind === 'acknowledgment');
      expect(ack?.status).toBe('met');

      inc = await ev(xb, petra, inc, 'start_assessment');
      inc = await ev(xb, petra, inc, 'decide', { outcome: 'accepted', reasons: 'Data preserved at the provider.' });
      expect(inc.record.state).toBe('decision');
      await settle(xa, amira, v.record.id, 'accepted');
      inc = await ev(xb, petra, inc, 'start_execution');
      await settle(xa, amira, v.record.id, 'executing');
      const until = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
      inc = await ev(xb, petra, inc, 'send_results', { final: true, summary: 'Data preserved; held until the follow-up request is decided.', preservedUntil: until, useLimitation: 'Only for case XA-2026-0417.' });
      expect(inc.record.state).toBe('results_sent');
      let out = await settle(xa, amira, v.record.id, 'executed');
      expect(out.results).toHaveLength(1);
      expect(out.results[0]).toMatchObject({ final: true, preservedUntil: until, useLimitation: 'Only for case XA-2026-0417.' });
      expect(out.clocks.find((c) => c.kind === 'preservation_expiry')?.dueAt?.toISOString()).toBe(`${until}T00:00:00.000Z`);
      out = await ev(xa, jonas, out, 'close');
      expect(out.record.state).toBe('closed');
      inc = await ev(xb, petra, inc, 'close');
      expect(inc.record.state).toBe('closed');

      // Matching ledger trails: every message on one side is the matching event on the other.
      const a = await ledgerActions(xa, v.record.id);
      const b = await ledgerActions(xb, inc.record.id);
      expect(a).toEqual([
        'request.create',
        'request.update',
        'request.check',
        'request.submit',
        'request.authorize',
        'request.transmit',
        'request.delivered',
        'request.acknowledged',
        'request.decision',
        'request.execution_started',
        'request.results',
        'request.close',
      ]);
      expect(b).toEqual(['request.receive', 'request.register', 'request.start_assessment', 'request.decide', 'request.start_execution', 'request.send_results', 'request.close']);
      expect(delivered.record.transmittedAt).not.toBeNull();
      for (const n of [xa, xb]) {
        await n.node.ledger.issueCheckpoint();
        const r = await verifyLedger(n.node.database.db, n.node.ledger.vkey);
        expect(r.ok, JSON.stringify(r)).toBe(true);
      }
      // Every read of the received request's content is in its access log.
      const log = await rq(xb).accessLog(xbCa, inc.record.id);
      expect(log.map((x) => x.username)).toContain(petra.username);

      // The preserved data stays held after the closing, and the follow-up is owed: a production request linked to
      // the preservation stops the follow-up clock on XA, and XB finds its own preservation linked to it.
      const held = await rq(xa).get(amira, v.record.id);
      expect(held.clocks.find((c) => c.kind === 'follow_up')?.status).toMatch(/running|due_soon|overdue/);
      const wrong = await failure(rq(xa).createDraft(amira, { caseId, typeId: 'general_mla', requestedState: 'XB', draftingLanguage: 'en', linkedRequestId: v.record.id }));
      expect(wrong.errors?.[0]?.pointer).toBe('/linkedRequestId');
      const prod = requestType('subscriber_information');
      if (!prod) throw new Error('no type');
      let p = await rq(xa).createDraft(amira, { caseId, typeId: 'subscriber_information', requestedState: 'XB', draftingLanguage: 'en', linkedRequestId: v.record.id });
      expect(p.record.linkedReference).toBe(v.record.reference);
      p = await rq(xa).updateDraft(amira, p.record.id, { version: p.record.version, content: completed(prod, p.record.content) });
      p = await ev(xa, amira, p, 'submit');
      p = needsAuthorizer(prod)
        ? await ev(xa, sofia, p, 'authorize', { decision: { reference: 'Order no. 2026/88', authority: 'Judge Sofia Brandt', date: '2026-03-13' } })
        : await ev(xa, jonas, p, 'authorize');
      p = await ev(xa, jonas, p, 'transmit');
      expect((await rq(xa).get(amira, v.record.id)).clocks.find((c) => c.kind === 'follow_up')?.status).toBe('met');
      const follow = await incoming(p.record.reference);
      expect(follow.record.linkedRequestId).toBe(inc.record.id);
    });

    it('a refusal without consultation is refused; after consultation, a refusal needs grounds and reasons, and XA receives them', async () => {
      const { out, inc: inc0 } = await transmitted('content_data');
      let inc = await ev(xb, xbCa, inc0, 'register');
      inc = await ev(xb, xbCa, inc, 'start_assessment');
      const noConsult = await failure(ev(xb, xbCa, inc, 'decide', { outcome: 'refused', grounds: ['persecution'], reasons: 'The facts describe journalism.' }));
      expect(noConsult.code).toBe('validation_failed');
      expect(noConsult.message).toMatch(/consult/i);
      inc = await ev(xb, xbCa, inc, 'request_info', { questions: 'Which conduct of the account holder is illegal access, beyond publishing documents?' });
      let o = await settle(xa, ca, out.record.id, 'info_requested');
      o = await ev(xa, jonas, o, 'provide_info', { answer: 'The documents were obtained by accessing the ministry server.' });
      inc = await settle(xb, xbCa, inc.record.id, 'assessing');
      expect(inc.record.facts.consultationHeld).toBe(true);
      const fiscal = await failure(ev(xb, xbCa, inc, 'decide', { outcome: 'refused', grounds: ['fiscal_only'], reasons: 'x' }));
      expect(fiscal.errors?.[0]?.pointer).toBe('/grounds');
      const noReasons = await failure(ev(xb, xbCa, inc, 'decide', { outcome: 'refused', grounds: ['persecution'] }));
      expect(noReasons.errors?.[0]?.pointer).toBe('/reasons');
      inc = await ev(xb, xbCa, inc, 'decide', { outcome: 'refused', grounds: ['sovereignty_security_ordre_public', 'persecution'], reasons: 'Substantial grounds for believing the purpose is to prosecute a journalist for political opinions.' });
      o = await settle(xa, ca, out.record.id, 'refused');
      expect(o.record.decision).toMatchObject({ outcome: 'refused', grounds: ['sovereignty_security_ordre_public', 'persecution'] });
      expect(o.record.decision?.reasons).toMatch(/journalist/);
      // Oversight sees the exchange as metadata, never the content.
      const overseer = await userOn(xa, ['oversight']);
      const meta = await rq(xa).get(overseer, out.record.id);
      expect(meta.full).toBe(false);
      expect(meta.history.every((h) => Object.keys(h.details).length === 0)).toBe(true);
    });

    it('conditions are proposed, must be accepted before execution, then bind the results; onward transfer needs prior authorization', async () => {
      const { out, inc: inc0 } = await transmitted('subscriber_information');
      let inc = await ev(xb, xbCa, inc0, 'register');
      inc = await ev(xb, xbCa, inc, 'start_assessment');
      inc = await ev(xb, xbCa, inc, 'decide', { outcome: 'accepted_with_conditions', conditions: ['Only data from 1 to 14 March 2026.', 'No use beyond the offence named in the request.'] });
      const early = await failure(ev(xb, xbCa, inc, 'start_execution'));
      expect(early.message).toMatch(/condition/i);
      let o = await settle(xa, ca, out.record.id, 'accepted_with_conditions');
      expect(o.commands).toContain('accept_conditions');
      o = await ev(xa, jonas, o, 'accept_conditions');
      await f.until(async () => (await rq(xb).get(xbCa, inc.record.id)).record.facts.conditions === 'accepted');
      inc = await rq(xb).get(xbCa, inc.record.id);
      inc = await ev(xb, xbCa, inc, 'start_execution');
      inc = await ev(xb, xbCa, inc, 'send_results', { final: true, summary: 'Subscriber: J. Doe, registered 2025-11-02.', useLimitation: 'Case XA-2026-0417 only.' });
      o = await settle(xa, ca, out.record.id, 'executed');
      expect(o.results[0]?.conditions).toEqual(['Only data from 1 to 14 March 2026.', 'No use beyond the offence named in the request.']);
      // Onward transfer to XC: asked, refused until XB authorizes it.
      o = await ev(xa, jonas, o, 'onward_transfer_request', { thirdState: 'XC', recipient: 'Carpania public prosecutor', purpose: 'Joint investigation of the same portal' });
      const transferId = o.transfers[0]?.id ?? '';
      const tooEarly = await failure(ev(xa, jonas, o, 'record_onward_transfer', { transferId }));
      expect(tooEarly.code).toBe('conflict');
      await f.until(async () => (await rq(xb).get(xbCa, inc.record.id)).transfers.length === 1);
      inc = await rq(xb).get(xbCa, inc.record.id);
      inc = await ev(xb, xbCa, inc, 'onward_transfer_decision', { transferId: inc.transfers[0]?.id, authorized: true, reasons: 'Same conduct under investigation in XC.' });
      await f.until(async () => (await rq(xa).get(ca, out.record.id)).transfers[0]?.status === 'authorized');
      o = await rq(xa).get(ca, out.record.id);
      o = await ev(xa, jonas, o, 'record_onward_transfer', { transferId });
      expect(o.transfers[0]?.status).toBe('transferred');
    });

    it('a withdrawal closes the request on both sides; a status enquiry is answered automatically', async () => {
      const { out, inc } = await transmitted('traffic_data', {}, true);
      let o = await settle(xa, ca, out.record.id, 'delivered');
      o = await ev(xa, jonas, o, 'status_enquiry');
      await f.until(async () => (await rq(xa).get(ca, out.record.id)).history.some((h) => h.event === 'status_reply'));
      o = await rq(xa).get(ca, out.record.id);
      const reply = o.history.find((h) => h.event === 'status_reply');
      expect(reply?.details).toMatchObject({ state: 'received', reference: inc.record.reference });
      // Confidentiality was asked: XB must answer before deciding.
      let i = await ev(xb, xbCa, inc, 'register');
      i = await ev(xb, xbCa, i, 'start_assessment');
      const unanswered = await failure(ev(xb, xbCa, i, 'decide', { outcome: 'accepted' }));
      expect(unanswered.message).toMatch(/confidential/i);
      i = await ev(xb, xbCa, i, 'answer_confidentiality', { kept: true });
      await f.until(async () => (await rq(xa).get(ca, out.record.id)).record.facts.confidentiality === 'kept');
      o = await rq(xa).get(ca, out.record.id);
      o = await ev(xa, jonas, o, 'withdraw', { reason: 'The suspect was identified by other means.' });
      expect(o.record.state).toBe('withdrawn');
      const closed = await settle(xb, xbCa, inc.record.id, 'closed');
      expect(closed.record.facts.closure).toBe('withdrawn');
      // Nothing more can happen to it.
      const late = await failure(ev(xb, xbCa, closed, 'start_execution'));
      expect(late.code).toBe('conflict');
    });
  });
}
