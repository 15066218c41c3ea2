import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError } from '../platform/errors.ts';
import { InboxRefusal, type FederationMetrics } from '../platform/federation/federation.ts';
import { FederationError } from '../platform/federation/errors.ts';
import { canFederation, type FederationAction } from '../platform/federation/policy.ts';
import type { FederationRuntime } from '../platform/federation/runtime.ts';
import * as store from '../platform/federation/store.ts';
import { actorOf, PROBLEM_TYPE_BASE, ProblemSchema, responses, type App } from '../platform/http/route-kit.ts';
import { actorRef } from '../platform/ledger/ledger.ts';
import { problemBody, sendProblem, toProblem } from './problem.ts';

const JOSE = 'application/jose';
const Uuid = Type.String({ format: 'uuid' });
const NodeId = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,63}$', description: 'a node id from the directory' });

/** A refused message: problem+json with `reason`, the federation error code (docs/protocol.md). */
const MessageRefusedSchema = Type.Object(
  {
    ...ProblemSchema.properties,
    reason: Type.Optional(Type.String({ description: 'why the message was refused: oversized, malformed, algorithm_not_allowed, bad_signature, …' })),
  },
  { description: 'RFC 9457 problem details; `reason` is set when a federation message was refused' },
);

const Jwk = Type.Object(
  {
    kty: Type.String(),
    crv: Type.String(),
    x: Type.String(),
    kid: Type.String(),
    use: Type.String(),
    alg: Type.String(),
    exp: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

const DirectoryNodeSchema = Type.Object({
  nodeId: Type.String(),
  state: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
  endpoint: Type.String(),
  keys: Type.Array(Jwk),
  ledger: Type.Object({ origin: Type.String(), vkey: Type.String() }),
});

const Statement = Type.Object({ article: Type.Optional(Type.String()), text: Type.String() });
const DirectoryStateSchema = Type.Object({
  name: Type.String(),
  centralAuthority: Type.Union([Type.String(), Type.Null()]),
  contactPoint247: Type.Union([Type.String(), Type.Null()]),
  languages: Type.Array(Type.String()),
  channels: Type.Array(Type.String()),
  declarations: Type.Array(Statement),
  reservations: Type.Array(Statement),
  flags: Type.Record(Type.String(), Type.Boolean()),
});

const DirectorySchema = Type.Object(
  {
    version: Type.Integer(),
    issuedAt: Type.String(),
    acceptedAt: Type.String({ format: 'date-time' }),
    digest: Type.String(),
    source: Type.String(),
    authority: Type.Object({ name: Type.String(), kid: Type.String() }),
    self: Type.String({ description: 'this node\'s id' }),
    nodes: Type.Array(DirectoryNodeSchema),
    states: Type.Record(Type.String(), DirectoryStateSchema),
  },
  { $id: 'Directory' },
);

const PeerSchema = Type.Object({
  nodeId: Type.String(),
  state: Type.Union([Type.String(), Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
  endpoint: Type.Union([Type.String(), Type.Null()]),
  inDirectory: Type.Boolean(),
  outbox: Type.Object({ pending: Type.Integer(), dead: Type.Integer(), delivered: Type.Integer() }),
  oldestPendingAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastDeliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  inbox: Type.Object({ received: Type.Integer(), processed: Type.Integer(), failed: Type.Integer() }),
  lastReceivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const AlertSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  peer: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

const StatusSchema = Type.Object(
  {
    nodeId: Type.String(),
    endpoint: Type.String(),
    directory: Type.Union([Type.Object({ version: Type.Integer(), acceptedAt: Type.String({ format: 'date-time' }), source: Type.String() }), Type.Null()]),
    peers: Type.Array(PeerSchema),
    alerts: Type.Array(AlertSchema),
  },
  { $id: 'FederationStatus' },
);

const PingSchema = Type.Object(
  {
    id: Type.String(),
    node: Type.String(),
    sentAt: Type.String({ format: 'date-time' }),
    deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    pongAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    roundTripMs: Type.Union([Type.Integer(), Type.Null()]),
  },
  { $id: 'Ping' },
);

function authorize(req: FastifyRequest, action: FederationAction): void {
  if (!canFederation(actorOf(req), action)) throw new AppError('forbidden', `${action} is not allowed for your roles`);
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function sendRefusal(req: FastifyRequest, reply: FastifyReply, status: number, reason: string, detail: string): FastifyReply {
  const base = problemBody(req, 'bad_request', detail);
  return sendProblem(reply, {
    ...base,
    type: `${PROBLEM_TYPE_BASE}message_refused`,
    title: 'The message was refused',
    status,
    code: 'message_refused',
    // Carried through the schema below; `reason` is the federation error code.
    ...({ reason } as object),
  });
}

/**
 * Federation endpoints. `/federation/v1/*` is node-to-node: public at the HTTP level because every message is
 * authenticated by its own signature (docs/protocol.md). `/api/v1/directory` and `/api/v1/federation/*` are the
 * operators' view, behind the usual authentication and the federation policy.
 */
export async function federationRoutes(app: App, deps: { runtime: FederationRuntime; metrics: FederationMetrics; maxMessageBytes: number }): Promise<void> {
  const { runtime, metrics } = deps;
  const { federation } = runtime;

  app.addContentTypeParser(JOSE, { parseAs: 'string', bodyLimit: deps.maxMessageBytes }, (_req, body, done) => done(null, body));

  app.get(
    '/federation/v1/node',
    {
      config: { public: true },
      schema: {
        tags: ['federation'],
        summary: "This node's card: a JWS (typ comity-node+jws) self-signed with its active signing key",
        produces: [JOSE],
        response: responses({ 200: Type.String({ description: 'compact JWS' }) }),
      },
    },
    async (_req, reply) => {
      let card: string;
      try {
        card = await runtime.signedCard();
      } catch (e) {
        // A node whose configuration cannot describe it (State not set, endpoint not reachable) says so plainly.
        if (e instanceof FederationError) throw new AppError('unavailable', `this node cannot publish its card: ${e.message} (check the state and publicUrl settings)`);
        throw e;
      }
      return reply.type(JOSE).send(card);
    },
  );

  app.post(
    '/federation/v1/inbox',
    {
      config: { public: true },
      bodyLimit: deps.maxMessageBytes,
      schema: {
        tags: ['federation'],
        summary: 'Deliver a message (compact JWE of a compact JWS); answers with a signed receipt (JWS, typ comity-receipt+jws)',
        consumes: [JOSE],
        body: Type.String({ description: 'compact JWE' }),
        produces: [JOSE],
        response: { 200: Type.String({ description: 'compact JWS receipt' }), '4XX': MessageRefusedSchema, '5XX': ProblemSchema },
      },
      // Before body validation: anything but application/jose is refused as such, not as a schema error.
      preValidation: async (req, reply) => {
        const ct = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
        if (ct !== JOSE || typeof req.body !== 'string') {
          metrics.refused('malformed');
          return sendRefusal(req, reply, 415, 'malformed', `send the message as ${JOSE}`);
        }
      },
      errorHandler: (err: FastifyError, req, reply) => {
        if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          metrics.refused('oversized');
          req.log.warn({ reason: 'oversized' }, 'federation message refused');
          return sendRefusal(req, reply, 413, 'oversized', `the message is larger than ${deps.maxMessageBytes} bytes`);
        }
        if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_TYPE') {
          metrics.refused('malformed');
          return sendRefusal(req, reply, 415, 'malformed', `send the message as ${JOSE}`);
        }
        const { problem, log } = toProblem(err, req);
        if (log) req.log.error({ err }, 'unhandled error');
        return sendProblem(reply, problem);
      },
    },
    async (req, reply) => {
      try {
        const r = await federation.receive(req.body.trim());
        return reply.code(200).type(JOSE).send(r.receipt);
      } catch (e) {
        if (e instanceof InboxRefusal) return sendRefusal(req, reply, e.status, e.reason, e.message);
        throw e;
      }
    },
  );

  app.get(
    '/api/v1/directory',
    { schema: { tags: ['federation'], summary: 'The federation directory this node has accepted: member nodes and, per State, contact points and declarations', response: responses({ 200: DirectorySchema }) } },
    async (req) => {
      authorize(req, 'directory.read');
      const d = runtime.directory.get();
      if (!d) throw new AppError('not_found', 'this node has no federation directory yet');
      return {
        version: d.doc.version,
        issuedAt: d.doc.issuedAt,
        acceptedAt: d.acceptedAt.toISOString(),
        digest: d.digest,
        source: d.source,
        authority: d.doc.authority,
        self: federation.nodeId,
        nodes: d.doc.nodes,
        states: d.doc.states,
      };
    },
  );

  app.post(
    '/api/v1/federation/directory/refresh',
    {
      schema: {
        tags: ['federation'],
        summary: 'Read the directory from its source now',
        response: responses({ 200: Type.Object({ outcome: Type.String(), version: Type.Optional(Type.Integer()), reason: Type.Optional(Type.String()) }) }),
      },
    },
    async (req) => {
      authorize(req, 'federation.refresh');
      const r = await runtime.refreshDirectory();
      if (r.outcome === 'refused' && r.code === 'unreachable') throw new AppError('unavailable', r.reason);
      if (r.outcome === 'refused') throw new AppError('conflict', `the directory was not accepted: ${r.reason}`);
      return { outcome: r.outcome, version: r.version };
    },
  );

  app.get(
    '/api/v1/federation/status',
    { schema: { tags: ['federation'], summary: 'Peers, queue depths, last deliveries and recent alerts', response: responses({ 200: StatusSchema }) } },
    async (req) => {
      authorize(req, 'federation.status');
      return status(runtime);
    },
  );

  app.post(
    '/api/v1/federation/pings',
    {
      schema: {
        tags: ['federation'],
        summary: 'Send a ping to a node (answered by a pong over the same message path); poll the ping for the round trip',
        body: Type.Object({ node: NodeId }, { additionalProperties: false }),
        response: responses({ 202: PingSchema }),
      },
    },
    async (req, reply) => {
      authorize(req, 'federation.ping');
      const id = await runtime.pinger.ping(req.body.node, actorRef(actorOf(req)));
      return reply.code(202).send(pingView(await runtime.pinger.get(id)));
    },
  );

  app.get(
    '/api/v1/federation/pings/:id',
    { schema: { tags: ['federation'], summary: 'A ping and, once its pong arrived, the round trip', params: Type.Object({ id: Uuid }), response: responses({ 200: PingSchema }) } },
    async (req) => {
      authorize(req, 'federation.ping');
      return pingView(await runtime.pinger.get(req.params.id));
    },
  );

  app.post(
    '/api/v1/federation/retry',
    {
      schema: {
        tags: ['federation'],
        summary: 'Put dead-lettered messages (all, or those for one node) back in the queue, sealed again, and give failed incoming messages to their handler again',
        body: Type.Object({ node: Type.Optional(NodeId) }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ requeued: Type.Array(Type.String()), reprocessed: Type.Array(Type.String()) }) }),
      },
    },
    async (req) => {
      authorize(req, 'federation.retry');
      return federation.retryDeadLetters(actorRef(actorOf(req)), req.body.node);
    },
  );

  app.post(
    '/api/v1/federation/witness',
    {
      schema: {
        tags: ['federation'],
        summary: "Send this node's latest checkpoint to be witnessed now (to every node that has not cosigned it)",
        response: responses({ 200: Type.Object({ asked: Type.Array(Type.String()) }) }),
      },
    },
    async (req) => {
      authorize(req, 'federation.witness');
      return { asked: await runtime.requestWitnessing() };
    },
  );
}

function pingView(p: store.PingRow): Static<typeof PingSchema> {
  return { id: p.id, node: p.peer, sentAt: p.sentAt.toISOString(), deliveredAt: iso(p.deliveredAt), pongAt: iso(p.pongAt), roundTripMs: p.roundTripMs };
}

/** What `GET /api/v1/federation/status` and `comity federation status` show. */
export async function status(runtime: FederationRuntime): Promise<Static<typeof StatusSchema>> {
  const db = runtime.db;
  const dir = runtime.directory.get();
  const queues = await store.outboxByPeer(db);
  const inbox = await store.inboxBySender(db);
  const ids = new Set<string>([...(dir?.doc.nodes.map((n) => n.nodeId) ?? []), ...queues.map((q) => q.peer), ...inbox.keys()]);
  ids.delete(runtime.federation.nodeId);
  const peers = [...ids].sort().map((id) => {
    const n = dir?.node(id);
    const q = queues.find((x) => x.peer === id);
    const i = inbox.get(id);
    return {
      nodeId: id,
      state: n?.state ?? null,
      name: n?.name ?? null,
      endpoint: n?.endpoint ?? null,
      inDirectory: n !== undefined,
      outbox: { pending: q?.pending ?? 0, dead: q?.dead ?? 0, delivered: q?.delivered ?? 0 },
      oldestPendingAt: iso(q?.oldestPendingAt ?? null),
      lastDeliveredAt: iso(q?.lastDeliveredAt ?? null),
      lastError: q?.lastError ?? null,
      inbox: { received: i?.received ?? 0, processed: i?.processed ?? 0, failed: i?.failed ?? 0 },
      lastReceivedAt: iso(i?.lastReceivedAt ?? null),
    };
  });
  const alerts = (await store.recentAlerts(db, 20)).map((a) => ({ id: a.id, kind: a.kind, peer: a.peer, summary: a.summary, createdAt: a.createdAt.toISOString() }));
  return {
    nodeId: runtime.federation.nodeId,
    endpoint: runtime.endpoint,
    directory: dir ? { version: dir.doc.version, acceptedAt: dir.acceptedAt.toISOString(), source: dir.source } : null,
    peers,
    alerts,
  };
}
