// The `comity` command. Run directly with Node 24 (`node src/cli/main.ts …`, `npm start`) or through the package's
// bin shim (`npx comity …`, bin/comity.mjs), which imports this file; it runs on import.
import { Command } from 'commander';
import { VERSION } from '../platform/version.ts';
import { registerDemo } from './commands/demo.ts';
import { registerDirectory } from './commands/directory.ts';
import { registerFederation } from './commands/federation.ts';
import { registerInit } from './commands/init.ts';
import { registerKeys } from './commands/keys.ts';
import { registerLedger } from './commands/ledger.ts';
import { registerRequest } from './commands/request.ts';
import { registerStart } from './commands/start.ts';
import { registerToken } from './commands/token.ts';
import { registerUser } from './commands/user.ts';
import { EXIT, examples, reportError, usageLine, type ExitCode, type Runtime } from './output.ts';

/** The whole command tree. Commands report through `rt` only, so the same tree serves any stdout/stderr. */
function buildProgram(rt: Runtime): Command {
  const program = new Command('comity')
    .description('Comity: a sovereign node for international cooperation against cybercrime')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      examples(
        'comity init --data ./data --state XA',
        'comity start --data ./data',
        'comity user add --help',
        'comity ledger verify --data ./data',
        'comity demo   # three nodes and a directory authority on this machine',
      ) +
        '\nExit status: 0 success, 1 failure, 2 usage error. COMITY_DEBUG=1 adds stack traces to errors.\n' +
        'Environment: COMITY_DATA (data folder), COMITY_URL and COMITY_TOKEN (act through a running node),\n' +
        'COMITY_KEY_PASSPHRASE (opens sealed keys), and every COMITY_* configuration key listed by "comity start --help".\n',
    );
  registerInit(program, rt);
  registerStart(program, rt);
  registerUser(program, rt);
  registerToken(program, rt);
  registerLedger(program, rt);
  registerKeys(program, rt);
  registerDirectory(program, rt);
  registerFederation(program, rt);
  registerRequest(program, rt);
  registerDemo(program, rt);
  configureTree(program, rt);
  return program;
}

/** Every command: output through `rt`, usage errors as one line with a hint to its own `--help`, no exit. */
function configureTree(cmd: Command, rt: Runtime): void {
  const path: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) path.unshift(c.name());
  const commandPath = path.join(' ');
  cmd.exitOverride();
  cmd.configureOutput({
    writeOut: (s) => rt.out(s),
    writeErr: (s) => rt.err(s),
    outputError: (s, write) => write(usageLine(s, commandPath)),
  });
  requireAfterUnknownCheck(cmd);
  for (const sub of cmd.commands) configureTree(sub, rt);
}

/**
 * Commander checks required options before unknown ones, so a typo (`--usernme`) would be reported as a missing
 * `--username`. Required options are checked here instead, after the unknown-option check (in `preAction`), so
 * the typo is named, with commander's "did you mean" suggestion.
 */
function requireAfterUnknownCheck(cmd: Command): void {
  const required = cmd.options.filter((o) => o.mandatory);
  if (required.length === 0) return;
  for (const o of required) {
    o.mandatory = false;
    o.description = `${o.description} (required)`;
  }
  cmd.hook('preAction', (_parent, action) => {
    if (action !== cmd) return;
    const missing = required.find((o) => cmd.getOptionValue(o.attributeName()) === undefined);
    if (missing) cmd.error(`required option '${missing.flags}' not specified`, { exitCode: EXIT.usage, code: 'commander.missingMandatoryOptionValue' });
  });
}

/** Parses and runs one command line; resolves to the exit code (0, 1 or 2). */
async function run(argv: readonly string[], rt: Runtime): Promise<ExitCode> {
  try {
    await buildProgram(rt).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    return reportError(e, rt);
  }
}

const runtime: Runtime = {
  // The only place besides loadConfig that sees the environment: it is handed down from here.
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  debug: process.env.COMITY_DEBUG === '1',
};

// `comity … | head` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT.ok);
});

process.exitCode = await run(process.argv.slice(2), runtime);
