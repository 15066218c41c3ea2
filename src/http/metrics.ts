import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../platform/db/database.ts';

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
