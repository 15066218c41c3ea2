import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../platform/config/load.ts';
import type { Config } from '../platform/config/schema.ts';
import { dialectOf, migrateToLatest, openDatabase, pendingMigrations, type Dialect } from '../platform/db/database.ts';
import { loadOrCreateNodeKeys } from '../platform/keys/keyset.ts';
import { encodeVerifierKey } from '../platform/ledger/note.ts';
import { keyFailure, keyPassphrase } from './keys.ts';
import { CliError } from './output.ts';

/**
 * The data folder of a node: `comity.json` marks it as initialised (it is written last, so a folder whose set-up
 * failed half-way is not mistaken for a working one).
 */
export type FolderState = 'missing' | 'empty' | 'initialised' | 'foreign';

/** The settings `comity init` may write into `comity.json`: never a secret. */
export interface InitSettings {
  state?: string;
  nodeName?: string;
  databaseUrl?: string;
}

export function inspectDataFolder(dir: string): FolderState {
  let st;
  try {
    st = statSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new CliError(`cannot read the data folder ${dir}: ${(e as Error).message}`);
  }
  if (!st.isDirectory()) return 'foreign';
  if (existsSync(join(dir, CONFIG_FILE))) return 'initialised';
  return readdirSync(dir).length === 0 ? 'empty' : 'foreign';
}

/** The line for a folder that cannot be used as it is. */
export function folderProblem(dir: string, state: FolderState): string {
  if (state === 'missing')
    return `no data folder at ${dir}: run "comity init --data ${dir}" first (or point --data or COMITY_DATA at the node's folder)`;
  return `${dir} is not a Comity data folder (it is not empty and holds no ${CONFIG_FILE}); choose a new or empty folder`;
}

/** The settings stored in `comity.json`, as written (for the idempotency check of `comity init`). */
export function readStoredSettings(dir: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, CONFIG_FILE), 'utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** True when a database URL carries a password (which must never be written to `comity.json`). */
export function hasPassword(url: string): boolean {
  if (dialectOf(url) !== 'postgres') return false;
  try {
    return new URL(url).password !== '';
  } catch {
    return /:\/\/[^/@]*:[^/@]*@/.test(url);
  }
}

/** A SQLite path is stored absolute, so the folder does not depend on where `comity init` ran. */
export function normaliseDatabaseUrl(url: string, cwd: string): string {
  return dialectOf(url) === 'sqlite' && url !== ':memory:' && !isAbsolute(url) ? resolve(cwd, url) : url;
}

/** Where the database is, for people and JSON output: never with credentials. */
export function describeDatabase(url: string): { dialect: Dialect; location: string } {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') return { dialect, location: url };
  try {
    const u = new URL(url);
    return { dialect, location: `${u.protocol}//${u.host}${u.pathname}` };
  } catch {
    return { dialect, location: '(unparsable URL)' };
  }
}

/** A database that cannot be opened or migrated, as one line saying which database (without credentials). */
export function databaseFailure(e: unknown, url: string): CliError {
  const d = describeDatabase(url);
  const why = e instanceof Error ? e.message : String(e);
  return new CliError(`cannot use the ${d.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database ${d.location}: ${why}`);
}

export interface InitResult {
  dataDir: string;
  configFile: string;
  settings: InitSettings;
  database: { dialect: Dialect; location: string };
  /** Migrations applied now (empty when the database was already current, e.g. a shared PostgreSQL). */
  migrations: string[];
  /** The node's identity and keys, made now: ledger key and federation signing and encryption keys. */
  keys: { nodeId: string; origin: string; vkey: string; kids: string[]; sealed: boolean };
}

function writeConfigFile(dir: string, settings: InitSettings): string {
  const path = join(dir, CONFIG_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(tmp, path);
  return path;
}

/**
 * Creates a node's data folder (mode 0700), creates and migrates its database, makes the node's keys in `keys/`
 * (ledger key, federation signing and encryption keys; sealed when COMITY_KEY_PASSPHRASE is set), then writes
 * `comity.json` with the given settings. The folder must be missing or empty. On failure whatever was created is removed again, so
 * the command can simply be repeated. Throws `CliError` for an unusable folder, or the database error.
 */
export async function initialiseDataFolder(config: Config, settings: InitSettings): Promise<InitResult> {
  const dir = config.dataDir;
  const state = inspectDataFolder(dir);
  if (state !== 'missing' && state !== 'empty') throw new CliError(folderProblem(dir, state));
  if (settings.databaseUrl !== undefined && hasPassword(settings.databaseUrl))
    throw new CliError('the database URL carries a password, which is never written to comity.json; set COMITY_DATABASE_URL in the environment instead');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const database = openDatabase({ url: config.databaseUrl, poolSize: 2 });
    let migrations: string[];
    try {
      migrations = await pendingMigrations(database);
      await migrateToLatest(database);
    } catch (e) {
      throw databaseFailure(e, config.databaseUrl);
    } finally {
      await database.close();
    }
    // The database file holds password hashes: readable by the node's user only (the folder is 0700 too).
    if (database.dialect === 'sqlite' && existsSync(config.databaseUrl)) chmodSync(config.databaseUrl, 0o600);
    let made;
    try {
      made = loadOrCreateNodeKeys(dir, { passphrase: keyPassphrase(config) });
    } catch (e) {
      throw keyFailure(e, dir);
    }
    const keys = {
      nodeId: made.nodeId,
      origin: made.origin,
      vkey: encodeVerifierKey(made.ledger.origin, made.ledger.publicKeyRaw),
      kids: made.records.map((r) => r.kid),
      sealed: made.sealed,
    };
    const configFile = writeConfigFile(dir, settings);
    return { dataDir: dir, configFile, settings, database: describeDatabase(config.databaseUrl), migrations, keys };
  } catch (e) {
    // Leave nothing half-made behind: the folder was missing or empty before.
    try {
      if (state === 'missing') rmSync(dir, { recursive: true, force: true });
      else for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
    } catch {
      // best effort; the original error matters more
    }
    throw e;
  }
}
