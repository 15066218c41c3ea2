import { Type } from 'typebox';
import type { Registry } from 'prom-client';
import { pendingMigrations, type Database } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { responses, type App } from '../platform/http/route-kit.ts';

const Health = Type.Object({ status: Type.Literal('ok') });
const Ready = Type.Object({ status: Type.Literal('ready'), database: Type.String(), migrations: Type.String() });

/** Liveness, readiness (database reachable, migrations current) and Prometheus metrics. */
export async function healthRoutes(app: App, deps: { database: Database; metrics: Registry }): Promise<void> {
  app.get(
    '/healthz',
    { config: { public: true }, schema: { tags: ['operations'], summary: 'Liveness: the process answers', response: responses({ 200: Health }) } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: { tags: ['operations'], summary: 'Readiness: database reachable and schema current', response: responses({ 200: Ready }) },
    },
    async () => {
      try {
        await deps.database.ping();
      } catch {
        throw new AppError('unavailable', 'the database is not reachable');
      }
      const pending = await pendingMigrations(deps.database);
      if (pending.length > 0) throw new AppError('unavailable', `migrations pending: ${pending.join(', ')}`);
      return { status: 'ready' as const, database: deps.database.dialect, migrations: 'current' };
    },
  );
  app.get(
    '/metrics',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics',
        produces: ['text/plain'],
        response: responses({ 200: Type.String({ description: 'Prometheus text exposition format' }) }),
      },
    },
    async (_req, reply) => {
      reply.type(deps.metrics.contentType);
      return deps.metrics.metrics();
    },
  );
}
