import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../platform/clock.ts';
import { ConfigError } from '../platform/config/load.ts';
import { KEYS, type Config } from '../platform/config/schema.ts';
import { migrateToLatest, openDatabase, pendingMigrations, type Database } from '../platform/db/database.ts';
import { canonicalJson } from '../platform/ledger/entry.ts';
import type { Ledger } from '../platform/ledger/ledger.ts';
import { eraseExpiredDetails } from '../platform/ledger/retention.ts';
import { createLogger } from '../platform/logger.ts';
import type { Services } from '../modules/index.ts';
import { buildApp } from './app.ts';
import type { FederationRuntime } from '../platform/federation/runtime.ts';
import type { RequestReminders } from '../modules/requests/index.ts';

export interface StartOptions {
  /** Defaults to a logger at `config.logLevel` on stdout. */
  logger?: Logger;
  clock?: Clock;
  /**
   * Serve plain HTTP on an address other than loopback, and send to other nodes over plain http://. Off by default:
   * a node reachable from the network serves HTTPS (tlsCertFile/tlsKeyFile) or sits behind a TLS reverse proxy.
   * Logged as a warning when used.
   */
  allowInsecureHttp?: boolean;
  /** Federation loop poll interval in ms (tests shorten it). */
  federationPollMs?: number;
  /** Called with the federation before its loops start (to register message handlers). */
  beforeFederationStart?: (federation: FederationRuntime) => void;
}

/** A node that is listening. */
export interface RunningNode {
  readonly app: FastifyInstance;
  readonly services: Services;
  /** The legal-clock watcher (tests run a pass with `runOnce`). */
  readonly reminders: RequestReminders;
  readonly database: Database;
  readonly ledger: Ledger;
  readonly federation: FederationRuntime;
  /** The URL the node answers on, e.g. `http://127.0.0.1:8080` (the real port when `port` was 0). */
  readonly address: string;
  /**
   * Stops accepting connections and the ledger jobs, lets in-flight requests finish, signs a last checkpoint if the
   * log grew, then closes the database. Idempotent.
   */
  close(): Promise<void>;
}

/** True for `localhost`, 127.0.0.0/8 and ::1: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

/** The one message for a host that would expose plain HTTP to the network. */
export function plainHttpRefusal(host: string): string {
  return (
    `invalid configuration: host "${host}" is not a loopback address and no certificate is configured; ` +
    'set tlsCertFile and tlsKeyFile to serve HTTPS, listen on 127.0.0.1 behind a TLS reverse proxy, or pass --insecure-http to accept the risk'
  );
}

/**
 * The configuration as it is recorded in the ledger (`node.configuration` entries): every key except the secret
 * ones (`KEYS[].secret`; never the database URL, which may carry a password), with its digest — SHA-256 hex of the
 * RFC 8785 canonical JSON — so that an unchanged configuration is not recorded again at each start.
 */
export function recordableConfig(config: Config): { config: Record<string, unknown>; digest: string } {
  const secret = new Set<string>(KEYS.filter((k) => k.secret === true).map((k) => k.key));
  secret.add('databaseUrl');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) if (!secret.has(k)) out[k] = Array.isArray(v) ? [...(v as unknown[])] : v;
  return { config: out, digest: createHash('sha256').update(canonicalJson(out), 'utf8').digest('hex') };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The node's own ledger work, on timers. */
interface LedgerJobs {
  /** Clears the timers and waits for a job that is running. */
  stop(): Promise<void>;
  /** Signs a checkpoint now if the log grew (logs, never throws). */
  checkpoint(): Promise<void>;
}

/**
 * Records the configuration, applies the retention rule and signs a checkpoint once now, then signs a checkpoint
 * every `checkpointIntervalSeconds` (only when the log grew) and applies the retention rule daily. A failing job
 * is logged and tried again at its next turn: it never stops the node. Jobs never overlap.
 */
async function startLedgerJobs(ledger: Ledger, database: Database, config: Config, clock: Clock, logger: Logger): Promise<LedgerJobs> {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  /** Queues `job` after the running one; once stopped, only `evenIfStopped` jobs still run. */
  const serial = (name: string, job: () => Promise<void>, evenIfStopped = false): Promise<void> => {
    running = running.then(async () => {
      if (stopped && !evenIfStopped) return;
      try {
        await job();
      } catch (e) {
        logger.error({ err: e, job: name }, `ledger job failed: ${name}`);
      }
    });
    return running;
  };
  const checkpoint = async (): Promise<void> => {
    const before = await ledger.latestCheckpoint();
    const cp = await ledger.issueCheckpoint();
    if (cp && cp.size !== before?.size) logger.info({ size: cp.size, rootHash: cp.rootHash }, 'ledger checkpoint signed');
  };
  const retention = async (): Promise<void> => {
    const days = config.ledgerDetailsRetentionDays;
    if (days <= 0) return;
    const r = await eraseExpiredDetails({ db: database.db, ledger, now: clock.now(), days });
    if (r.erased > 0) logger.info({ erased: r.erased, olderThan: r.cutoff.toISOString() }, 'ledger details erased by the retention rule');
  };

  await serial('configuration', async () => {
    const { config: recorded, digest } = recordableConfig(config);
    if (await ledger.recordConfiguration(recorded, digest)) logger.info({ digest }, 'configuration recorded in the ledger');
  });
  await serial('retention', retention);
  await serial('checkpoint', checkpoint);

  const timers = [
    setInterval(() => void serial('checkpoint', checkpoint), config.checkpointIntervalSeconds * 1000),
    ...(config.ledgerDetailsRetentionDays > 0 ? [setInterval(() => void serial('retention', retention), DAY_MS)] : []),
  ];
  for (const t of timers) t.unref();
  return {
    stop: async () => {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await running;
    },
    checkpoint: () => serial('final checkpoint', checkpoint, true),
  };
}

/**
 * Starts a node from a validated configuration: opens the database, applies pending migrations, builds the app,
 * starts the ledger jobs (configuration record, retention, checkpoints: see `startLedgerJobs`) and listens on
 * `config.host:config.port`. The data folder must exist (see `comity init`).
 * Throws `ConfigError` when plain HTTP would be exposed beyond loopback without `allowInsecureHttp`, and the
 * database or listen error otherwise (the database is closed again on failure).
 */
export async function startNode(config: Config, opts: StartOptions = {}): Promise<RunningNode> {
  const tls = Boolean(config.tlsCertFile || config.tlsKeyFile);
  if (!tls && !isLoopbackHost(config.host) && !opts.allowInsecureHttp) throw new ConfigError(plainHttpRefusal(config.host));
  const wildcard = ['0.0.0.0', '::', '[::]'].includes(config.host.trim());
  if (wildcard && !config.publicUrl && config.directorySource)
    throw new ConfigError(
      `invalid configuration: publicUrl must be set when the node listens on all addresses (${config.host}): other nodes need the URL they reach it at`,
    );
  const logger = opts.logger ?? createLogger(config.logLevel);
  if (opts.allowInsecureHttp)
    logger.warn({ host: config.host }, 'INSECURE: --insecure-http is set: plain HTTP may be served beyond loopback and used to reach other nodes');
  const database = openDatabase({ url: config.databaseUrl, poolSize: config.dbPoolSize });
  let app: FastifyInstance | undefined;
  let jobs: LedgerJobs | undefined;
  let federation: FederationRuntime | undefined;
  try {
    try {
      const pending = await pendingMigrations(database);
      if (pending.length > 0) {
        await migrateToLatest(database);
        logger.info({ migrations: pending }, 'database migrated');
      }
    } catch (e) {
      // One line that says which part failed; the driver's message names no password.
      throw new Error(`cannot use the ${database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database: ${(e as Error).message}`, { cause: e });
    }
    const clock = opts.clock ?? systemClock;
    const built = await buildApp({ config, database, clock, logger, allowInsecureHttp: opts.allowInsecureHttp, federationPollMs: opts.federationPollMs });
    app = built.app;
    federation = built.federation;
    jobs = await startLedgerJobs(built.ledger, database, config, clock, logger);
    await federation.init();
    const address = await listen(app, config);
    federation.setListenAddress(address);
    opts.beforeFederationStart?.(federation);
    federation.start();
    built.reminders.start(config.reminderIntervalSeconds);
    const reminders = built.reminders;
    const fed = federation;
    const started = app;
    const ledgerJobs = jobs;
    let closing: Promise<void> | undefined;
    return {
      app: started,
      services: built.services,
      reminders,
      database,
      ledger: built.ledger,
      federation: fed,
      address,
      close: () => {
        closing ??= (async () => {
          // Fastify stops accepting connections and closes the idle ones once; connections that become idle
          // later (keep-alive after an in-flight request ends) are swept here rather than kept until their timeout.
          const sweep = setInterval(() => started.server.closeIdleConnections(), 100);
          // Connections a browser opened and never used, and any request still running after a grace period, do
          // not hold the shutdown until their timeouts.
          const force = setTimeout(() => started.server.closeAllConnections(), 5000);
          force.unref();
          try {
            await reminders.stop();
            await fed.stop();
            await ledgerJobs.stop();
            await started.close();
            // After draining: the entries of the last requests are covered by a signed checkpoint.
            await ledgerJobs.checkpoint();
          } finally {
            clearInterval(sweep);
            clearTimeout(force);
            await database.close();
          }
        })();
        return closing;
      },
    };
  } catch (e) {
    await federation?.stop().catch(() => {});
    await jobs?.stop().catch(() => {});
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    throw e;
  }
}

async function listen(app: FastifyInstance, config: Config): Promise<string> {
  try {
    return await app.listen({ host: config.host, port: config.port, listenTextResolver: (a) => `listening on ${a}` });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const where = `${config.host}:${config.port}`;
    if (code === 'EADDRINUSE') throw new Error(`cannot listen on ${where}: the port is already in use (set --port or COMITY_PORT)`);
    if (code === 'EACCES') throw new Error(`cannot listen on ${where}: permission denied (ports below 1024 need privileges)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new Error(`cannot listen on ${where}: this machine has no such address (set --host or COMITY_HOST)`);
    throw e;
  }
}
