import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config/schema.ts';
import { ConfigError } from '../platform/config/load.ts';
import { readFileSync } from 'node:fs';
import type { Database } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import type { Ledger } from '../platform/ledger/ledger.ts';
import { openLedger } from '../platform/ledger/open.ts';
import { createServices, type Services } from '../modules/index.ts';
import { accountsRoutes } from '../modules/accounts/routes.ts';
import { casesRoutes } from '../modules/cases/routes.ts';
import { RequestReminders, installInbound, requestsRoutes } from '../modules/requests/index.ts';
import { createMailer } from '../platform/mail/index.ts';
import { nodeAbilities } from './abilities.ts';
import { installAuth } from './auth.ts';
import { ledgerRoutes } from './ledger.ts';
import { healthRoutes } from './health.ts';
import { installFederationMetrics, installMetrics } from './metrics.ts';
import { federationRoutes } from './federation.ts';
import { webRoutes } from './web.ts';
import { FederationRuntime } from '../platform/federation/runtime.ts';
import { countOutbox } from '../platform/federation/store.ts';
import { cosignedNote } from '../platform/federation/witness.ts';
import { loadOrCreateNodeKeys } from '../platform/keys/keyset.ts';
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
  /** Allow plain http:// to other nodes beyond loopback (the node's --insecure-http). */
  allowInsecureHttp?: boolean;
  /** Federation loop poll interval (tests shorten it). */
  federationPollMs?: number;
}

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
  ledger: Ledger;
  federation: FederationRuntime;
  /** The legal-clock watcher; `startNode` runs it every `reminderIntervalSeconds`. */
  reminders: RequestReminders;
}

/**
 * TLS for the node's own listener (DESIGN §5, transport security): the configured certificate chain and key, and
 * for mutual TLS the CA that client certificates must chain to (requested always, required with
 * `tlsRequireClientCert`). Empty when no certificate is configured (plain HTTP, see `startNode`).
 */
export function httpsOptions(config: Config): { https?: { cert: Buffer; key: Buffer; ca?: Buffer; requestCert: boolean; rejectUnauthorized: boolean; minVersion: 'TLSv1.2' } } {
  if (!config.tlsCertFile && !config.tlsKeyFile) return {};
  if (!config.tlsCertFile || !config.tlsKeyFile) throw new ConfigError('invalid configuration: tlsCertFile and tlsKeyFile must be set together');
  const read = (key: string, path: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (e) {
      throw new ConfigError(`invalid configuration: ${key}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  };
  const ca = config.tlsClientCaFile ? read('tlsClientCaFile', config.tlsClientCaFile) : undefined;
  return {
    https: {
      cert: read('tlsCertFile', config.tlsCertFile),
      key: read('tlsKeyFile', config.tlsKeyFile),
      ...(ca ? { ca } : {}),
      requestCert: ca !== undefined,
      rejectUnauthorized: ca !== undefined && config.tlsRequireClientCert,
      minVersion: 'TLSv1.2',
    },
  };
}

/**
 * The composition root of the HTTP side: platform + modules wired into one Fastify app. Nothing else lives here.
 */
export async function buildApp(deps: AppDeps): Promise<BuiltApp> {
  const { config, database, clock } = deps;
  // The keys first: with a passphrase, the ledger's signing key is sealed with the others.
  const keys = loadOrCreateNodeKeys(config.dataDir, { passphrase: config.keyPassphrase || undefined, now: clock.now() });
  const { ledger } = openLedger({ db: database.db, clock, dataDir: config.dataDir, identity: keys.ledger });
  const app = Fastify({
    ...httpsOptions(config),
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
  const federation = new FederationRuntime({
    db: database.db,
    dialect: database.dialect,
    clock,
    config,
    ledger,
    keys,
    logger: deps.logger,
    version: VERSION,
    metrics: installFederationMetrics(metrics, (state) => countOutbox(database.db, state)),
    allowInsecureHttp: deps.allowInsecureHttp,
    pollMs: deps.federationPollMs,
  });
  const services = createServices({ db: database.db, dialect: database.dialect, clock, config, ledger }, { messenger: federation.federation });
  installInbound(services.requests, federation.federation, deps.logger);
  const reminders = new RequestReminders(services.requests, createMailer({ smtpUrl: config.smtpUrl, from: config.smtpFrom, logger: deps.logger }), deps.logger);
  await app.register(cookie);
  await installOpenApi(app, VERSION);
  installAuth(app, services.accounts);

  const typed = app as unknown as App;
  await healthRoutes(typed, { database, metrics });
  await openApiRoute(typed);
  await accountsRoutes(typed, { accounts: services.accounts, config, abilities: nodeAbilities });
  await casesRoutes(typed, { cases: services.cases });
  await requestsRoutes(typed, { requests: services.requests });
  await ledgerRoutes(typed, { ledger, cosigned: (note, size) => cosignedNote(database.db, note, size) });
  await federationRoutes(typed, { runtime: federation, metrics: federation.federation.metrics, maxMessageBytes: config.federationMaxMessageBytes });
  await webRoutes(typed);
  await app.ready();
  return { app, services, ledger, federation, reminders };
}
