import { InvalidArgumentError, type Command } from 'commander';
import { examples, type Runtime } from '../output.ts';

interface DemoFlags {
  dir?: string;
  basePort: number;
  once?: boolean;
  timeout: number;
  keep?: boolean;
}

function parsePort(value: string): number {
  const n = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n > 65533) throw new InvalidArgumentError('Expected a port from 1 to 65533 (the demo uses it and the next two), or 0 for free ports.');
  return n;
}

function parseTimeout(value: string): number {
  const n = /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 3600) throw new InvalidArgumentError('Expected a number of seconds from 1 to 3600.');
  return n;
}

export function registerDemo(program: Command, rt: Runtime): void {
  program
    .command('demo')
    .description(
      'Run a demo federation on this machine: a directory authority and three nodes of the demo States XA, XB and XC ' +
        'on 127.0.0.1 (SQLite each), joined by a signed directory, with demo accounts; runs until Ctrl-C. With --once: ' +
        'a scripted exchange (pings, witnessing) checked end to end, then exit.',
    )
    .option('--dir <dir>', 'build the demo in this new or empty folder, kept afterwards (default: a new temporary folder)')
    .option('--base-port <port>', 'listen on this port and the next two (0 = free ports)', parsePort, 0)
    .option('--once', 'run the scripted exchange, print a summary and exit: 0 when everything arrived, was receipted and cosigned and every ledger verifies, else 1 naming what did not happen')
    .option('--timeout <seconds>', 'with --once: how long the exchange may take', parseTimeout, 60)
    .option('--keep', 'keep the temporary folder when the demo ends (it is removed otherwise, except after a failure)')
    .addHelpText(
      'after',
      examples('comity demo', 'npm run demo -- --base-port 8081', 'comity demo --once', 'comity demo --once --dir ./demo --timeout 30') +
        '\nEach node has four demo accounts: admin (admin, with TOTP), officer (central_authority), authorizer (authorizer,\n' +
        'with TOTP) and oversight (oversight), with random passwords and TOTP secrets printed once, and an admin API token.\n' +
        'Node logs go to <dir>/<State>/node.log. Of the environment only COMITY_ARGON2_* and COMITY_KEY_PASSPHRASE (which\n' +
        'seals every key of the demo) are used. SIGINT or SIGTERM (Ctrl-C) stops the nodes cleanly.\n',
    )
    .action(async (opts: DemoFlags) => {
      const { runDemo } = await import('../demo.ts');
      await runDemo(rt, { dir: opts.dir, basePort: opts.basePort, once: opts.once === true, timeoutSeconds: opts.timeout, keep: opts.keep === true });
    });
}
