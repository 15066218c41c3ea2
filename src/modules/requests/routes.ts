import { Type } from 'typebox';
import { NoContent, actorOf, responses, type App } from '../../platform/http/route-kit.ts';
import { notFound } from '../../platform/errors.ts';
import {
  AccessLogSchema,
  CheckReportSchema,
  DraftPatchBody,
  LiveQuery,
  EventBody,
  NewRequestBody,
  NotificationListSchema,
  NotificationQuery,
  RequestDetailSchema,
  RequestListQuery,
  RequestListSchema,
  RequestParams,
  RequestTypeListSchema,
  RequestTypeParams,
  RequestTypeSchema,
  presentAccess,
  presentCheck,
  presentListItem,
  presentNotification,
  presentRequest,
  presentType,
} from './schema.ts';
import type { RequestsService } from './service.ts';
import type { RequestChange } from './notify.ts';
import { requestType } from './types/index.ts';

const tags = ['requests'];

/** Cooperation requests under /api/v1: types, drafting, checks, lifecycle events, letter, access log, notifications. */
export async function requestsRoutes(app: App, deps: { requests: RequestsService }): Promise<void> {
  const { requests } = deps;
  // Open live-update streams: ended when the node shuts down, so closing the server does not wait for them.
  const live = new Set<import('node:http').ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of live) res.end();
    live.clear();
  });

  app.get(
    '/api/v1/request-types',
    {
      schema: {
        tags,
        summary: 'Every request type as data: fields with guidance, rules, measures, safeguards, routing and clocks',
        description: 'The drafting wizard is built from this. Labels and guidance come in the six UN languages.',
        response: responses({ 200: RequestTypeListSchema }),
      },
    },
    async () => ({ items: requests.types().map(presentType) }),
  );

  app.get(
    '/api/v1/request-types/:id',
    { schema: { tags, summary: 'One request type definition', params: RequestTypeParams, response: responses({ 200: RequestTypeSchema }) } },
    async (req) => {
      const d = requestType(req.params.id);
      if (!d) throw notFound('request type');
      return presentType(d);
    },
  );

  app.post(
    '/api/v1/requests',
    {
      schema: {
        tags,
        summary: 'Draft a request from a case (lead or member of the case)',
        description: 'Offences, facts and persons are carried over from the case. The draft is checked field by field (see `check`).',
        body: NewRequestBody,
        response: responses({ 201: RequestDetailSchema }),
      },
    },
    async (req, reply) => {
      const v = await requests.createDraft(actorOf(req), req.body);
      return reply.code(201).header('location', `/api/v1/requests/${v.record.id}`).send(presentRequest(v));
    },
  );

  app.get(
    '/api/v1/requests',
    {
      schema: {
        tags,
        summary: 'List the requests I may see, newest first',
        description: 'Outgoing requests of my cases (all submitted ones for the central authority), the incoming desk, or metadata of all (oversight). Keyset-paginated: pass `next` as `cursor`.',
        querystring: RequestListQuery,
        response: responses({ 200: RequestListSchema }),
      },
    },
    async (req) => {
      const page = await requests.list(actorOf(req), req.query);
      return { items: page.items.map(presentListItem), next: page.next };
    },
  );

  app.get(
    '/api/v1/requests/live',
    {
      schema: {
        tags,
        summary: 'Live updates (Server-Sent Events): one `change` event per change to a request that concerns me',
        description:
          'text/event-stream. Each event carries `{requestId, state, event}` only; the client re-reads the request through the API, which checks what it may see. A comment line is sent every `keepAlive` seconds (25 by default) to keep proxies from closing the stream.',
        produces: ['text/event-stream'],
        querystring: LiveQuery,
        response: responses({ 200: Type.Unsafe<string>({ type: 'string', description: 'text/event-stream' }) }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
        'x-request-id': String(req.id),
      });
      res.write('retry: 3000\n\n');
      const onChange = (c: RequestChange): void => {
        if (!c.userIds.includes(actor.userId)) return;
        res.write(`event: change\ndata: ${JSON.stringify({ requestId: c.requestId, state: c.state, event: c.event })}\n\n`);
      };
      requests.notifier.changes.on('change', onChange);
      const beat = setInterval(() => res.write(': keep-alive\n\n'), (req.query.keepAlive ?? 25) * 1000);
      beat.unref();
      live.add(res);
      const done = (): void => {
        clearInterval(beat);
        requests.notifier.changes.off('change', onChange);
        live.delete(res);
      };
      req.raw.on('close', done);
      res.on('close', done);
    },
  );

  app.get(
    '/api/v1/requests/:id',
    {
      schema: {
        tags,
        summary: 'Read a request: content, history, legal clocks, results (metadata only for oversight)',
        description: 'Every read of a request\'s content is recorded in its access log (DOMAIN §5).',
        params: RequestParams,
        response: responses({ 200: RequestDetailSchema }),
      },
    },
    async (req) => presentRequest(await requests.get(actorOf(req), req.params.id)),
  );

  app.patch(
    '/api/v1/requests/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft: fields (null clears), language, requested State, confidentiality, link',
        params: RequestParams,
        body: DraftPatchBody,
        response: responses({ 200: RequestDetailSchema }),
      },
    },
    async (req) => presentRequest(await requests.updateDraft(actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/requests/:id/check',
    {
      schema: {
        tags,
        summary: 'Check completeness, the requested State\'s requirements and dual criminality (recorded in the ledger)',
        params: RequestParams,
        response: responses({ 200: CheckReportSchema }),
      },
    },
    async (req) => presentCheck(await requests.check(actorOf(req), req.params.id)),
  );

  app.post(
    '/api/v1/requests/:id/events',
    {
      schema: {
        tags,
        summary: 'Apply a lifecycle event: submit, authorize, transmit, register, decide, send_results, close, …',
        description:
          'The request view lists in `commands` the events you may apply now. The rules (four eyes, consultation before refusal, reasons and grounds, conditions before execution, confidentiality answered, onward transfer authorized) are enforced here; a wrong state is 409 (conflict), a stale version 409 (version_conflict), a missing or invalid input 400 (validation_failed) naming the field.',
        params: RequestParams,
        body: EventBody,
        response: responses({ 200: RequestDetailSchema }),
      },
    },
    async (req) => presentRequest(await requests.command(actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/requests/:id/letter.pdf',
    {
      schema: {
        tags,
        summary: 'The formal letter (PDF) in the drafting language, with both references, the signature block and a ledger receipt',
        params: RequestParams,
        produces: ['application/pdf'],
        response: responses({ 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }) }),
      },
    },
    async (req, reply) => {
      const letter = await requests.letter(actorOf(req), req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${letter.filename}"`)
        .send(letter.pdf);
    },
  );

  app.get(
    '/api/v1/requests/:id/access-log',
    { schema: { tags, summary: 'Who read this request and its results, newest first (oversight, central authority)', params: RequestParams, response: responses({ 200: AccessLogSchema }) } },
    async (req) => ({ items: (await requests.accessLog(actorOf(req), req.params.id)).map(presentAccess) }),
  );

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications: incoming requests, status changes, legal clocks due soon or overdue',
        querystring: NotificationQuery,
        response: responses({ 200: NotificationListSchema }),
      },
    },
    async (req) => ({ items: (await requests.notifications(actorOf(req), req.query)).map(presentNotification) }),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of my notifications read', params: RequestParams, response: responses({ 204: NoContent }) } },
    async (req, reply) => {
      await requests.markNotificationRead(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
