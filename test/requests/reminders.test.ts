import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/actor.ts';
import { requestType } from '../../src/modules/requests/types/index.ts';
import { activeDialects } from '../kit/dialects.ts';
import { startFederation, type Federation3, type FedNode } from '../federation/kit.ts';
import { completed, userOn } from './kit.ts';

/**
 * Legal clocks and reminders with an injected clock: the requested node's clock is moved forward; its reminder
 * pass writes in-app notifications for the desk (once per clock and status) and e-mails them through a real SMTP
 * server on loopback.
 */

interface Mail {
  to: string[];
  raw: string;
}

async function smtp(): Promise<{ port: number; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`legal clocks and reminders [${dialect}]`, () => {
    let f: Federation3;
    let mail: Awaited<ReturnType<typeof smtp>>;
    let xa: FedNode;
    let xb: FedNode;
    let amira: Actor;
    let jonas: Actor;
    let petra: Actor;
    let noMail: Actor;

    beforeAll(async () => {
      mail = await smtp();
      f = await startFederation({
        dialect,
        states: ['XA', 'XB'],
        config: { smtpUrl: `smtp://127.0.0.1:${mail.port}`, smtpFrom: 'Comity <comity@node.example>', reminderIntervalSeconds: 0 },
      });
      xa = f.byName('XA');
      xb = f.byName('XB');
      amira = await userOn(xa, ['investigator']);
      jonas = await userOn(xa, ['prosecutor']);
      petra = await userOn(xb, ['duty_officer'], 'petra.novak@cp247.xb.example');
      noMail = await userOn(xb, ['central_authority']);
    }, 120_000);
    afterAll(async () => {
      await f?.close();
      await mail?.close();
    });

    it('reminds the 24/7 desk when the acknowledgment clock is due soon, then overdue, once each, in the application and by e-mail', async () => {
      const def = requestType('preservation');
      if (!def) throw new Error('no type');
      const c = await xa.node.services.cases.createCase(amira, { title: 'Ransomware', summary: 'Hospital encrypted', offences: ['illegal_access'] });
      await xa.node.services.cases.members.add(amira, c.record.id, { userId: jonas.userId, caseRole: 'member' });
      const rq = xa.node.services.requests;
      let v = await rq.createDraft(amira, { caseId: c.record.id, typeId: 'preservation', requestedState: 'XB', draftingLanguage: 'en' });
      v = await rq.updateDraft(amira, v.record.id, { version: v.record.version, content: completed(def, { ...v.record.content, mlaWillFollow: true }) });
      v = await rq.command(amira, v.record.id, { event: 'submit', version: v.record.version });
      v = await rq.command(jonas, v.record.id, { event: 'authorize', version: v.record.version });
      v = await rq.command(jonas, v.record.id, { event: 'transmit', version: v.record.version });
      let incomingId = '';
      await f.until(async () => {
        incomingId = (await xb.node.services.requests.list(petra, { side: 'requested', q: v.record.reference })).items[0]?.record.id ?? '';
        return incomingId !== '';
      });
      const clocksAt = async () => (await xb.node.services.requests.get(petra, incomingId)).clocks.find((k) => k.kind === 'acknowledgment');
      const ack = await clocksAt();
      expect(ack?.status).toBe('running');
      const span = (ack?.dueAt?.getTime() ?? 0) - (ack?.startedAt?.getTime() ?? 0);
      expect(span).toBeGreaterThan(0);

      // Nothing due yet: no reminder.
      expect((await xb.node.reminders.runOnce()).notified).toBe(0);

      // 80 % of the span later: due soon, for both desk users (24/7 type: duty officers and the central authority).
      xb.clock.offsetMs = Math.ceil(span * 0.8);
      expect((await clocksAt())?.status).toBe('due_soon');
      const first = await xb.node.reminders.runOnce();
      expect(first.notified).toBe(2);
      expect(first.emailed).toBe(1);
      const mine = await xb.node.services.requests.notifications(petra, { unread: true });
      expect(mine.map((n) => n.kind)).toEqual(expect.arrayContaining(['clock_due_soon', 'incoming_request']));
      expect(mail.mails.some((m) => m.to.includes('petra.novak@cp247.xb.example') && /acknowledgment is due soon/.test(m.raw))).toBe(true);
      // The same pass again changes nothing.
      expect(await xb.node.reminders.runOnce()).toEqual({ notified: 0, emailed: 0 });

      // Past the due time: overdue, once.
      xb.clock.offsetMs = span + 60_000;
      expect((await clocksAt())?.status).toBe('overdue');
      expect((await xb.node.reminders.runOnce()).notified).toBe(2);
      expect(await xb.node.reminders.runOnce()).toEqual({ notified: 0, emailed: 0 });
      expect((await xb.node.services.requests.notifications(noMail, { unread: true })).map((n) => n.kind)).toContain('clock_overdue');
      expect(mail.mails.filter((m) => /overdue/.test(m.raw))).toHaveLength(1);

      // The requesting node sees the same clock as overdue on the requested State's side, and reminds nobody of it.
      xa.clock.offsetMs = span + 60_000;
      const seen = (await rq.get(jonas, v.record.id)).clocks.find((k) => k.kind === 'acknowledgment');
      expect(seen).toMatchObject({ owner: 'requested', status: 'overdue' });
      expect((await xa.node.reminders.runOnce()).notified).toBe(0);

      // Acknowledged late: the clock reads met late; marking a notification read hides it from the unread list.
      let inc = await xb.node.services.requests.get(petra, incomingId);
      inc = await xb.node.services.requests.command(petra, incomingId, { event: 'register', version: inc.record.version });
      expect(inc.clocks.find((k) => k.kind === 'acknowledgment')?.status).toBe('met_late');
      const n = (await xb.node.services.requests.notifications(petra, { unread: true }))[0];
      if (!n) throw new Error('no notification');
      await xb.node.services.requests.markNotificationRead(petra, n.id);
      expect((await xb.node.services.requests.notifications(petra, { unread: true })).some((x) => x.id === n.id)).toBe(false);
    });
  });
}
