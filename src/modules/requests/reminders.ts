import type { Logger } from 'pino';
import { inTransaction } from '../../platform/db/executor.ts';
import type { ReminderMailer } from './ports.ts';
import type { RequestsService } from './service.ts';
import * as store from './store.ts';
import { requestType } from './types/index.ts';
import { clocksOf } from './views.ts';

/**
 * The legal-clock watcher (DOMAIN §4 numbers, computed by `clocks.ts`): every interval it computes the clocks of
 * every open request and, for each clock this node owns that is due soon or overdue, writes one in-app
 * notification per user concerned (deduplicated by clock, status and due time); then it e-mails the
 * notifications not yet e-mailed to users who have an address, when SMTP is configured.
 */
/** How long after closing a request's clocks are still watched (a preservation is held up to 90 days, renewable). */
const CLOSED_WATCH_DAYS = 200;

export class RequestReminders {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly svc: RequestsService;
  private readonly mailer: ReminderMailer | null;
  private readonly logger: Logger;

  constructor(svc: RequestsService, mailer: ReminderMailer | null, logger: Logger) {
    this.svc = svc;
    this.mailer = mailer;
    this.logger = logger;
  }

  start(intervalSeconds: number): void {
    if (intervalSeconds <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((e: unknown) => this.logger.error({ err: e }, 'request reminders failed'))
        .finally(() => {
          this.running = null;
        });
    }, intervalSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: returns how many notifications were written and how many e-mails sent. */
  async runOnce(): Promise<{ notified: number; emailed: number }> {
    const { ctx } = this.svc;
    const now = ctx.clock.now();
    let notified = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await store.listOpenRequestIds(ctx.db, after, 200, new Date(now.getTime() - CLOSED_WATCH_DAYS * 86_400_000));
      if (ids.length === 0) break;
      after = ids[ids.length - 1] ?? null;
      for (const id of ids) {
        notified += await inTransaction(ctx.db, async (trx) => {
          const r = await store.findRequest(trx, id);
          const def = r ? requestType(r.typeId) : undefined;
          if (!r || !def) return 0;
          const clocks = await clocksOf(trx, r, def, this.svc.deps.profiles, now);
          let n = 0;
          for (const c of clocks) {
            if (c.owner !== r.side) continue;
            if (c.status === 'due_soon' || c.status === 'overdue') n += await this.svc.notifier.remind(trx, r, c, now);
          }
          return n;
        });
      }
    }
    return { notified, emailed: await this.email() };
  }

  private async email(): Promise<number> {
    if (!this.mailer) return 0;
    const { ctx } = this.svc;
    const pending = await store.notificationsToEmail(ctx.db, 200);
    if (pending.length === 0) return 0;
    const emails = await store.userEmails(ctx.db, [...new Set(pending.map((n) => n.userId))]);
    const sent: string[] = [];
    const skipped: string[] = [];
    for (const n of pending) {
      const to = emails.get(n.userId);
      if (!to) {
        skipped.push(n.id);
        continue;
      }
      try {
        await this.mailer.send({ to: [to], subject: `[Comity] ${n.title}`, text: `${n.body}\n\nOpen Comity to act on it.` });
        sent.push(n.id);
      } catch (e) {
        this.logger.warn({ notification: n.id, err: (e as Error).message }, 'reminder e-mail not sent; will retry');
      }
    }
    // Users without an address are not retried at every pass.
    await store.markEmailed(ctx.db, [...sent, ...skipped], ctx.clock.now());
    return sent.length;
  }
}
