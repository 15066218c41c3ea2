import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config/schema.ts';
import type { Database } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import type { Ledger } from '../platform/ledger/ledger.ts';
import { openLedger } from '../platform/ledger/open.ts';
import { createServices, type Services } from '../modules/index.ts';
import { accountsRoutes } from '../modules/accounts/routes.ts';
import { casesRoutes } from '../modules/cases/routes.ts';
import { nodeAbilities } from './abilities.ts';
import { installAuth } from './auth.ts';
import { ledgerRoutes } from './ledger.ts';
import { healthRoutes } from './health.ts';
import { installMetrics } from './metrics.ts';
import { installOpenApi, openApiRoute } from './openapi.ts';
import { installProblemHandlers, sendProblem, toProblem } from './problem.ts';
import type { App } from '../platform/http/route-kit.ts';
import { installValidation } from './validation.ts';
import { VERSION } from '../platform/version.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
}

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
  ledger: Ledger;
}

/**
 * The composition root of the HTTP side: platform + modules wired into one Fastify app. Nothing else lives here.
 */
export async function buildApp(deps: AppDeps): Promise<BuiltApp> {
  const { config, database, clock } = deps;
  const { ledger } = openLedger({ db: database.db, clock, dataDir: config.dataDir });
  const services = createServices({ db: database.db, dialect: database.dialect, clock, config, ledger });
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => newId(),
    requestIdHeader: false,
    return503OnClosing: true,
    // Router errors (bad percent-encoding, over-long parameters) bypass the error handler: answer them the same way.
    frameworkErrors: (err, req, reply) => {
      void sendProblem(reply, toProblem(err, req).problem);
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  installValidation(app);
  installProblemHandlers(app);
  const metrics = installMetrics(app, database);
  await app.register(cookie);
  await installOpenApi(app, VERSION);
  installAuth(app, services.accounts);

  const typed = app as unknown as App;
  await healthRoutes(typed, { database, metrics });
  await openApiRoute(typed);
  await accountsRoutes(typed, { accounts: services.accounts, config, abilities: nodeAbilities });
  await casesRoutes(typed, { cases: services.cases });
  await ledgerRoutes(typed, { ledger });
  await app.ready();
  return { app, services, ledger };
}
