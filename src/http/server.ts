import type { FastifyInstance } from 'fastify';
import { isIP } from 'node:net';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../platform/clock.ts';
import { ConfigError } from '../platform/config/load.ts';
import type { Config } from '../platform/config/schema.ts';
import { migrateToLatest, openDatabase, pendingMigrations, type Database } from '../platform/db/database.ts';
import { createLogger } from '../platform/logger.ts';
import type { Services } from '../modules/index.ts';
import { buildApp } from './app.ts';

export interface StartOptions {
  /** Defaults to a logger at `config.logLevel` on stdout. */
  logger?: Logger;
  clock?: Clock;
  /**
   * Serve plain HTTP on an address other than loopback. Off by default: until Comity terminates TLS itself, a
   * node reachable from the network must sit behind a TLS reverse proxy (or the operator accepts the risk).
   */
  allowInsecureHttp?: boolean;
}

/** A node that is listening. */
export interface RunningNode {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly database: Database;
  /** The URL the node answers on, e.g. `http://127.0.0.1:8080` (the real port when `port` was 0). */
  readonly address: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. Idempotent. */
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
    `invalid configuration: host "${host}" is not a loopback address and Comity serves plain HTTP only ` +
    '(HTTPS comes in a later release); listen on 127.0.0.1 behind a TLS reverse proxy, or pass --insecure-http to accept the risk'
  );
}

/**
 * Starts a node from a validated configuration: opens the database, applies pending migrations, builds the app
 * and listens on `config.host:config.port`. The data folder must exist (see `comity init`).
 * Throws `ConfigError` when plain HTTP would be exposed beyond loopback without `allowInsecureHttp`, and the
 * database or listen error otherwise (the database is closed again on failure).
 */
export async function startNode(config: Config, opts: StartOptions = {}): Promise<RunningNode> {
  if (!isLoopbackHost(config.host) && !opts.allowInsecureHttp) throw new ConfigError(plainHttpRefusal(config.host));
  const logger = opts.logger ?? createLogger(config.logLevel);
  const database = openDatabase({ url: config.databaseUrl, poolSize: config.dbPoolSize });
  let app: FastifyInstance | undefined;
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
    const built = await buildApp({ config, database, clock: opts.clock ?? systemClock, logger });
    app = built.app;
    const address = await listen(app, config);
    const started = app;
    let closing: Promise<void> | undefined;
    return {
      app: started,
      services: built.services,
      database,
      address,
      close: () => {
        closing ??= (async () => {
          // Fastify stops accepting connections and closes the idle ones once; connections that become idle
          // later (keep-alive after an in-flight request ends) are swept here rather than kept until their timeout.
          const sweep = setInterval(() => started.server.closeIdleConnections(), 100);
          try {
            await started.close();
          } finally {
            clearInterval(sweep);
            await database.close();
          }
        })();
        return closing;
      },
    };
  } catch (e) {
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
