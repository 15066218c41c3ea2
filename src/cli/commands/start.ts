import type { Command } from 'commander';
import { CONFIG_FILE } from '../../platform/config/load.ts';
import { KEYS, envName } from '../../platform/config/schema.ts';
import type { Logger } from '../../platform/logger.ts';
import { examples, formatTable, type Runtime } from '../output.ts';

interface StartOptions {
  data?: string;
  port?: string;
  host?: string;
  db?: string;
  insecureHttp?: boolean;
}

/** In-flight requests get this long to finish after SIGTERM/SIGINT before the process gives up on them. */
export const DRAIN_TIMEOUT_MS = 30_000;

/** The configuration reference of `comity start --help`, generated from the one table of keys. */
function configurationHelp(): string {
  const rows = KEYS.map((k) => {
    const def = typeof k.default === 'function' ? '<data>/comity.db' : Array.isArray(k.default) ? k.default.join(',') : String(k.default);
    return [k.key, envName(k.key), def, `${k.doc}${k.secret ? ' (secret: never logged)' : ''}`];
  });
  return (
    `\nConfiguration (flag > COMITY_* environment > <data>/${CONFIG_FILE} > default), validated once at start:\n` +
    formatTable(['KEY', 'ENVIRONMENT', 'DEFAULT', 'MEANING'], rows)
      .split('\n')
      .map((l) => (l ? `  ${l}` : l))
      .join('\n') +
    '\nTransport: with tlsCertFile and tlsKeyFile the node serves HTTPS (TLS 1.2+; mutual TLS with tlsClientCaFile).\n' +
    'Without them it serves plain HTTP, allowed only on a loopback host (127.0.0.1, ::1, localhost) unless\n' +
    '--insecure-http is given (logged as a warning); behind a TLS-terminating reverse proxy also set\n' +
    'COMITY_TRUST_PROXY=true and COMITY_COOKIE_SECURE=true. Other nodes are reached over https://, or plain\n' +
    'http:// on loopback (or anywhere with --insecure-http).\n' +
    `\nSignals: SIGTERM or SIGINT stops accepting connections, lets in-flight requests finish (up to ${DRAIN_TIMEOUT_MS / 1000} s) and exits 0;\n` +
    'a second signal exits 1 at once.\n'
  );
}

export function registerStart(program: Command, rt: Runtime): void {
  program
    .command('start')
    .description('Run the node (API, federation, health and metrics) over HTTP or HTTPS; creates and migrates the data folder on first start')
    .option('--data <dir>', 'the data folder (default: COMITY_DATA, else ./data)')
    .option('--port <n>', 'TCP port (0 = any free port; default 8080)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--db <url>', 'database URL (default: SQLite in the data folder; put one with a password in COMITY_DATABASE_URL)')
    .option('--insecure-http', 'allow plain HTTP on a non-loopback host (logged as a warning)')
    .addHelpText('after', examples('comity start', 'comity start --data /srv/comity --port 8443', 'COMITY_DATABASE_URL=postgres://comity:…@db/comity comity start') + configurationHelp())
    .action(async (opts: StartOptions) => runStart(rt, opts));
}

async function runStart(rt: Runtime, opts: StartOptions): Promise<void> {
  const { configFor } = await import('../context.ts');
  const { createLogger } = await import('../../platform/logger.ts');
  const df = await import('../data-folder.ts');
  const { startNode, isLoopbackHost, plainHttpRefusal } = await import('../../http/server.ts');
  const { ConfigError } = await import('../../platform/config/load.ts');
  const { LOCAL_OPERATOR } = await import('../../modules/accounts/service.ts');

  // Validated once, before anything is touched: a bad value stops here with one line naming its key.
  const config = configFor(rt, { dataDir: opts.data, port: opts.port, host: opts.host, databaseUrl: opts.db });
  const tls = Boolean(config.tlsCertFile || config.tlsKeyFile);
  const loopback = isLoopbackHost(config.host);
  if (!tls && !loopback && !opts.insecureHttp) throw new ConfigError(plainHttpRefusal(config.host));
  const logger = createLogger(config.logLevel);
  const database = df.describeDatabase(config.databaseUrl);
  logger.info({ dataDir: config.dataDir, state: config.state, nodeName: config.nodeName, database: database.dialect, host: config.host, port: config.port }, 'starting');
  if (opts.db !== undefined && df.hasPassword(opts.db))
    logger.warn('the database password was given on the command line, where other users can read it; prefer COMITY_DATABASE_URL');

  const state = df.inspectDataFolder(config.dataDir);
  if (state === 'missing' || state === 'empty') {
    const r = await df.initialiseDataFolder(config, {});
    logger.info({ dataDir: r.dataDir, database: r.database.dialect, migrations: r.migrations }, 'initialised a new data folder');
  } else if (state === 'foreign') {
    const { CliError } = await import('../output.ts');
    throw new CliError(df.folderProblem(config.dataDir, state));
  }

  if (!tls && !loopback)
    logger.warn({ host: config.host }, 'serving plain HTTP beyond loopback (--insecure-http): passwords, session cookies and tokens cross the network unencrypted');

  const node = await startNode(config, { logger, allowInsecureHttp: opts.insecureHttp === true });
  installShutdown(node.close, logger);

  const someone = await node.services.accounts.listUsers(LOCAL_OPERATOR, { limit: 1 });
  if (someone.length === 0)
    logger.warn(
      `no users yet: create the first administrator with: comity user add --data ${config.dataDir} --username admin --roles admin --password-stdin`,
    );
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish, close the database, exit 0. A second
 * signal, or requests still running after DRAIN_TIMEOUT_MS, exit 1.
 */
function installShutdown(close: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: DRAIN_TIMEOUT_MS }, 'in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, DRAIN_TIMEOUT_MS);
    timer.unref();
    close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (e: unknown) => {
        logger.error({ err: e }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('unhandledRejection', (e) => {
    logger.fatal({ err: e }, 'unhandled promise rejection; exiting');
    process.exit(1);
  });
  process.on('uncaughtException', (e) => {
    logger.fatal({ err: e }, 'uncaught exception; exiting');
    process.exit(1);
  });
}
