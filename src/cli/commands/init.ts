import type { Command } from 'commander';
import { CONFIG_FILE } from '../../platform/config/load.ts';
import type { InitSettings } from '../data-folder.ts';
import { CliError, examples, printJson, type Runtime } from '../output.ts';

interface InitOptions {
  data?: string;
  state?: string;
  nodeName?: string;
  db?: string;
  json?: boolean;
}

const LABELS: Record<keyof InitSettings, string> = { state: '--state', nodeName: '--node-name', databaseUrl: '--db' };

export function registerInit(program: Command, rt: Runtime): void {
  program
    .command('init')
    .description(
      'Create a node\'s data folder (mode 0700), its database, its keys and comity.json with the given settings.\n' +
        'Safe to repeat: on an initialised folder it changes nothing (and fails if the given settings differ).',
    )
    .option('--data <dir>', 'the data folder to create (default: COMITY_DATA, else ./data)')
    .option('--state <code>', 'ISO 3166-1 alpha-2 code of this node\'s State, e.g. XA')
    .option('--node-name <name>', 'human-readable name of this node')
    .option(
      '--db <url>',
      'postgres://user@host/db to use PostgreSQL (default: SQLite in the data folder); a URL with a password is refused: set COMITY_DATABASE_URL instead',
    )
    .option('--json', 'print what was created as JSON')
    .addHelpText(
      'after',
      examples(
        'comity init --data ./data --state XA --node-name "Central Authority of XA"',
        'COMITY_DATABASE_URL=postgres://comity:…@db/comity comity init --data /srv/comity',
        'COMITY_KEY_PASSPHRASE=… comity init --data ./data --state XA   # private keys sealed with the passphrase',
      ) + '\nThe node\'s keys (ledger key, federation signing and encryption keys) are made in <data>/keys; see "comity keys --help".\n',
    )
    .action(async (opts: InitOptions) => runInit(rt, opts));
}

async function runInit(rt: Runtime, opts: InitOptions): Promise<void> {
  // Loaded here, not at the top: `comity --help` and usage errors need no database code.
  const { configFor } = await import('../context.ts');
  const { describeDatabase, folderProblem, hasPassword, initialiseDataFolder, inspectDataFolder, normaliseDatabaseUrl, readStoredSettings } =
    await import('../data-folder.ts');
  if (opts.db !== undefined && hasPassword(opts.db))
    throw new CliError('--db carries a password, which would be written to comity.json; set COMITY_DATABASE_URL in the node\'s environment instead');
  const settings: InitSettings = {};
  if (opts.state !== undefined) settings.state = opts.state;
  if (opts.nodeName !== undefined) settings.nodeName = opts.nodeName;
  if (opts.db !== undefined) settings.databaseUrl = normaliseDatabaseUrl(opts.db, rt.cwd);
  // Validates every setting (ConfigError names the key) before anything is created.
  const config = configFor(rt, { dataDir: opts.data, ...settings });
  const dir = config.dataDir;
  const state = inspectDataFolder(dir);

  if (state === 'initialised') {
    const stored = readStoredSettings(dir);
    const differing = (Object.keys(settings) as Array<keyof InitSettings>).filter((k) => stored[k] !== settings[k]);
    if (differing.length > 0) {
      const what = differing.map((k) => (k === 'databaseUrl' ? LABELS[k] : `${LABELS[k]} (stored: ${JSON.stringify(stored[k] ?? null)})`));
      throw new CliError(`${dir} is already initialised with different settings: ${what.join(', ')}; edit ${CONFIG_FILE} there to change them`);
    }
    if (opts.json) {
      printJson(rt, {
        status: 'already_initialised',
        dataDir: dir,
        configFile: `${dir}/${CONFIG_FILE}`,
        state: config.state,
        nodeName: config.nodeName,
        database: describeDatabase(config.databaseUrl),
        migrations: [],
      });
    } else rt.out(`${dir} is already initialised; nothing changed\n`);
    return;
  }
  if (state === 'foreign') throw new CliError(folderProblem(dir, state));

  const r = await initialiseDataFolder(config, settings);
  if (opts.json) {
    printJson(rt, {
      status: 'created',
      dataDir: r.dataDir,
      configFile: r.configFile,
      state: config.state,
      nodeName: config.nodeName,
      database: r.database,
      migrations: r.migrations,
      nodeId: r.keys.nodeId,
      ledger: { origin: r.keys.origin, vkey: r.keys.vkey },
      keysSealed: r.keys.sealed,
    });
    return;
  }
  const db = r.database.dialect === 'sqlite' ? `SQLite ${r.database.location}` : `PostgreSQL ${r.database.location}`;
  rt.out(`initialised ${dir} (state ${config.state}, ${db})\n`);
  rt.err(
    `node ${r.keys.nodeId}: ledger key and federation keys made in ${dir}/keys (${r.keys.sealed ? 'sealed with COMITY_KEY_PASSPHRASE, needed at every start' : 'not sealed; see "comity keys seal --help"'})\n` +
      'next: create the first administrator, then start the node:\n' +
      `  comity user add --data ${dir} --username admin --roles admin --password-stdin\n` +
      `  comity start --data ${dir}\n`,
  );
}
