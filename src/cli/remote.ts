import { InvalidArgumentError, type Command } from 'commander';
import { ApiClient, nodeUrlProblem } from './api-client.ts';
import { CliError, type Runtime } from './output.ts';
import { usageError } from './target.ts';

/** `--url` and `--token` of the commands that only act through a running node's API. */
export interface RemoteFlags {
  url?: string;
  token?: string;
}

/** Parser of `--url`: an absolute http(s) URL without credentials, query or fragment (a usage error otherwise). */
export function parseNodeUrl(value: string): string {
  const problem = nodeUrlProblem(value);
  if (problem) throw new InvalidArgumentError(`It ${problem}.`);
  return value;
}

/** `--url` and `--token` for a command that only acts through a running node. */
export function addUrlOptions(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'the running node to act through (default: COMITY_URL)', parseNodeUrl)
    .option('--token <token>', 'API token (prefer COMITY_TOKEN: command lines are visible to other users)');
}

/**
 * The API client for a command that only works through a running node (`comity federation …`, `comity directory
 * show --url`): `--url` or COMITY_URL, `--token` or COMITY_TOKEN. A missing URL is a usage error; a token sent over
 * plain HTTP beyond loopback is warned about, as for the other remote commands.
 */
export async function remoteClient(rt: Runtime, cmd: Command, flags: RemoteFlags, what: string): Promise<ApiClient> {
  const url = flags.url ?? (rt.env.COMITY_URL || undefined);
  if (url === undefined) usageError(cmd, `${what} acts through a running node: give its --url (or set COMITY_URL)`);
  if (flags.url === undefined) {
    const problem = nodeUrlProblem(url);
    if (problem) throw new CliError(`COMITY_URL ${problem}`);
  }
  const token = flags.token ?? (rt.env.COMITY_TOKEN || undefined);
  if (token === undefined) throw new CliError(`${what} needs an API token: set COMITY_TOKEN (or pass --token)`);
  const { hostname, protocol } = new URL(url);
  if (protocol === 'http:') {
    const { isLoopbackHost } = await import('../http/server.ts');
    if (!isLoopbackHost(hostname)) rt.err(`comity: warning: sending the API token to ${hostname} over plain HTTP; use an https:// URL\n`);
  }
  return new ApiClient({ url, token });
}

/** The directory as `GET /api/v1/directory` serves it (what a running node accepted). */
export interface ServedDirectory {
  version: number;
  issuedAt: string;
  acceptedAt: string;
  digest: string;
  source: string;
  authority: { name: string; kid: string };
  self: string;
  nodes: Array<{
    nodeId: string;
    state: string;
    name: string;
    roles: string[];
    endpoint: string;
    keys: Array<{ kid: string; use: string; alg: string; exp?: number }>;
    ledger: { origin: string; vkey: string };
  }>;
  states: Record<
    string,
    {
      name: string;
      centralAuthority: string | null;
      contactPoint247: string | null;
      languages: string[];
      channels: string[];
      declarations: Array<{ article?: string; text: string }>;
      reservations: Array<{ article?: string; text: string }>;
      flags: Record<string, boolean>;
    }
  >;
}
