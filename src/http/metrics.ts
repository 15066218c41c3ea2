import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../platform/db/database.ts';
import type { FederationMetrics } from '../platform/federation/federation.ts';

/**
 * Prometheus metrics for one node: requests by route and status, a latency histogram and the database pool.
 * Each app has its own registry (several nodes may live in one process in tests and demos).
 */
export function installMetrics(app: FastifyInstance, database: Database): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'comity_' });
  const requests = new Counter({
    name: 'comity_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'comity_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const pool = new Gauge({
    name: 'comity_db_pool_connections',
    help: 'Database connections by state',
    labelNames: ['dialect', 'state'] as const,
    registers: [registry],
    collect() {
      const s = database.poolStats();
      this.set({ dialect: database.dialect, state: 'total' }, s.total);
      this.set({ dialect: database.dialect, state: 'idle' }, s.idle);
      this.set({ dialect: database.dialect, state: 'waiting' }, s.waiting);
    },
  });
  void pool;
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
  return registry;
}

/**
 * Federation metrics on the node's registry: refused messages by reason (what an operator watches for attacks
 * and misconfigured peers), messages received and delivered, failed delivery attempts, dead letters, and the
 * outbox depth by state (read from the database at each scrape).
 */
export function installFederationMetrics(registry: Registry, outboxDepth: (state: 'pending' | 'dead') => Promise<number>): FederationMetrics {
  const refused = new Counter({
    name: 'comity_federation_refused_total',
    help: 'Incoming federation messages refused, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const received = new Counter({ name: 'comity_federation_received_total', help: 'Federation messages received and stored', registers: [registry] });
  const delivered = new Counter({ name: 'comity_federation_delivered_total', help: 'Federation messages delivered and receipted', registers: [registry] });
  const failed = new Counter({ name: 'comity_federation_delivery_failures_total', help: 'Failed delivery attempts (retried)', registers: [registry] });
  const dead = new Counter({ name: 'comity_federation_dead_letters_total', help: 'Messages dead-lettered (an alert each)', registers: [registry] });
  new Gauge({
    name: 'comity_federation_outbox_messages',
    help: 'Messages in the outbox by state',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.set({ state: 'pending' }, await outboxDepth('pending'));
      this.set({ state: 'dead' }, await outboxDepth('dead'));
    },
  });
  return {
    refused: (reason) => refused.inc({ reason }),
    received: () => received.inc(),
    delivered: () => delivered.inc(),
    deliveryFailed: () => failed.inc(),
    deadLettered: () => dead.inc(),
  };
}
