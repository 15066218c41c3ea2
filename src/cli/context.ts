import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config/load.ts';
import type { Config } from '../platform/config/schema.ts';
import { openDatabase, pendingMigrations, type Database } from '../platform/db/database.ts';
import { createServices, type Services } from '../modules/index.ts';
import { openLedger } from '../platform/ledger/open.ts';
import { loadOrCreateNodeKeys } from '../platform/keys/keyset.ts';
import { loadNodeIdentity } from '../platform/keys/node-identity.ts';
import { databaseFailure, folderProblem, inspectDataFolder } from './data-folder.ts';
import { keyPassphrase, withKeys } from './keys.ts';
import { CliError, type Runtime } from './output.ts';

/** The options every data-folder command takes. */
export interface LocalFlags {
  data?: string;
  db?: string;
}

/** A node's configuration, database and services, opened from its data folder for one CLI command. */
export interface LocalContext {
  readonly config: Config;
  readonly database: Database;
  readonly services: Services;
  close(): Promise<void>;
}

/** Loads the configuration the way the node does: flags > COMITY_* environment > comity.json > defaults. */
export function configFor(rt: Runtime, flags: Partial<Record<keyof Config, unknown>>): Config {
  return loadConfig({ flags, env: rt.env, cwd: rt.cwd });
}

/**
 * Opens an initialised data folder. Refuses (CliError) a folder that is missing or not Comity's, and a database
 * whose schema is behind this version (only `comity start` migrates, so that a CLI command never changes the
 * schema under a running node of an older version).
 */
export async function openLocal(rt: Runtime, flags: LocalFlags): Promise<LocalContext> {
  const config = configFor(rt, { dataDir: flags.data, databaseUrl: flags.db });
  const state = inspectDataFolder(config.dataDir);
  if (state !== 'initialised') throw new CliError(folderProblem(config.dataDir, state));
  const database = openDatabase({ url: config.databaseUrl, poolSize: 2 });
  try {
    const pending = await pendingMigrations(database).catch((e: unknown) => {
      throw databaseFailure(e, config.databaseUrl);
    });
    if (pending.length > 0)
      throw new CliError(
        `the database of ${config.dataDir} is behind this version of Comity (pending: ${pending.join(', ')}); run "comity start" once to migrate it`,
      );
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
  // The ledger signs with the node's own key, opened with COMITY_KEY_PASSPHRASE when sealed. A folder made before
  // `comity init` made keys gets its key set now, as the node's first start would.
  let identity;
  try {
    const passphrase = keyPassphrase(config);
    identity = withKeys(config.dataDir, () => loadNodeIdentity(config.dataDir, passphrase) ?? loadOrCreateNodeKeys(config.dataDir, { passphrase }).ledger);
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
  const { ledger } = openLedger({ db: database.db, clock: systemClock, dataDir: config.dataDir, identity });
  const services = createServices({ db: database.db, dialect: database.dialect, clock: systemClock, config, ledger });
  return { config, database, services, close: () => database.close() };
}

/** Runs `fn` with an opened data folder and always closes it. */
export async function withLocal<T>(rt: Runtime, flags: LocalFlags, fn: (ctx: LocalContext) => Promise<T>): Promise<T> {
  const ctx = await openLocal(rt, flags);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
