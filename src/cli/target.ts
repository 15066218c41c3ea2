import { InvalidArgumentError, type Command } from 'commander';
import type { AccountsGateway } from './accounts.ts';
import { ApiClient, nodeUrlProblem } from './api-client.ts';
import type { LocalFlags } from './context.ts';
import { CliError, type Runtime } from './output.ts';

/** Where an account command acts: a data folder, or a running node's API. */
export interface TargetFlags extends LocalFlags {
  url?: string;
  token?: string;
}

/** Throws a usage error (exit 2) reported like commander's own, with the command's help hint. */
export function usageError(cmd: Command, message: string): never {
  return cmd.error(message, { exitCode: 2, code: 'comity.usage' });
}

function parseUrlOption(value: string): string {
  const problem = nodeUrlProblem(value);
  if (problem) throw new InvalidArgumentError(`It ${problem}.`);
  return value;
}

/** `--data` and `--db`: act directly on a node's data folder. */
export function addLocalOptions(cmd: Command): Command {
  return cmd
    .option('--data <dir>', 'the node\'s data folder (default: COMITY_DATA, else ./data)')
    .option('--db <url>', 'database URL when it is not in comity.json (prefer COMITY_DATABASE_URL for one with a password)');
}

/** `--url` and `--token`: act through a running node's HTTP API instead. */
export function addRemoteOptions(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'act through the running node at this URL instead of the data folder (default: COMITY_URL)', parseUrlOption)
    .option('--token <token>', 'API token for --url (prefer COMITY_TOKEN: command lines are visible to other users)');
}

/**
 * Opens the accounts gateway the flags ask for, runs `fn`, and closes what was opened. An explicit `--data` or
 * `--db` wins over COMITY_URL from the environment; `--url` with either of them is a usage error. `localOnly`
 * commands (token create) ignore COMITY_URL.
 */
export async function withAccounts<T>(
  rt: Runtime,
  cmd: Command,
  flags: TargetFlags,
  fn: (gw: AccountsGateway) => Promise<T>,
  opts: { localOnly?: boolean } = {},
): Promise<T> {
  const local = opts.localOnly === true || flags.data !== undefined || flags.db !== undefined;
  if (flags.url !== undefined && local) usageError(cmd, '--url acts through a running node and cannot be combined with --data or --db');
  const envUrl = rt.env.COMITY_URL || undefined;
  const url = flags.url ?? (local ? undefined : envUrl);
  if (url === undefined) {
    if (flags.token !== undefined) usageError(cmd, '--token is only used with --url (or COMITY_URL)');
    const { withLocal } = await import('./context.ts');
    const { localAccounts } = await import('./accounts-local.ts');
    return withLocal(rt, flags, (ctx) => fn(localAccounts(ctx.services.accounts)));
  }
  if (flags.url === undefined) {
    const problem = nodeUrlProblem(url);
    if (problem) throw new CliError(`COMITY_URL ${problem}`);
  }
  const token = flags.token ?? (rt.env.COMITY_TOKEN || undefined);
  if (token === undefined) throw new CliError('acting through --url needs an API token: set COMITY_TOKEN (or pass --token)');
  const { hostname, protocol } = new URL(url);
  if (protocol === 'http:') {
    const { isLoopbackHost } = await import('../http/server.ts');
    if (!isLoopbackHost(hostname)) rt.err(`comity: warning: sending the API token to ${hostname} over plain HTTP; use an https:// URL\n`);
  }
  const { remoteAccounts } = await import('./accounts-remote.ts');
  return fn(remoteAccounts(new ApiClient({ url, token })));
}
