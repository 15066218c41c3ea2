import { InvalidArgumentError, Option, type Command } from 'commander';
import { isUuid } from '../../platform/ids.ts';
import { TOKEN_MAX_DAYS } from '../../modules/accounts/service.ts';
import { TOKEN_SCOPES } from '../../modules/accounts/scopes.ts';
import { parseRoles, parseScopes, type TokenView } from '../accounts.ts';
import { examples, formatTable, printJson, shortTime, type Runtime } from '../output.ts';
import { addLocalOptions, addRemoteOptions, usageError, withAccounts, type TargetFlags } from '../target.ts';

/** `30d` → 30. Days only: an API token lives from 1 to 366 days. */
export function parseExpiry(value: string): number {
  const m = /^(\d{1,3})d$/.exec(value.trim());
  const days = m ? Number(m[1]) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS)
    throw new InvalidArgumentError(`Expected a number of days from 1d to ${TOKEN_MAX_DAYS}d, e.g. 30d.`);
  return days;
}

function parseTokenId(value: string): string {
  const id = value.trim().toLowerCase();
  if (!isUuid(id)) throw new InvalidArgumentError('Expected a token id (a UUID) as shown by "comity token list".');
  return id;
}

function statusOf(t: TokenView, now: Date): string {
  if (t.revokedAt) return 'revoked';
  if (new Date(t.expiresAt) <= now) return 'expired';
  return 'active';
}

function printTokens(rt: Runtime, tokens: TokenView[], json: boolean | undefined): void {
  if (json) return printJson(rt, tokens);
  if (tokens.length === 0) {
    rt.err('no tokens\n');
    return;
  }
  const now = new Date();
  const rows = tokens.map((t) => [
    t.id,
    t.username,
    t.name,
    t.roles.join(',') || '-',
    t.scopes.join(',') || '-',
    `${t.prefix}…`,
    shortTime(t.expiresAt),
    shortTime(t.lastUsedAt),
    statusOf(t, now),
  ]);
  rt.out(formatTable(['ID', 'USER', 'NAME', 'ROLES', 'SCOPES', 'PREFIX', 'EXPIRES', 'LAST USED', 'STATUS'], rows));
}

export function registerToken(program: Command, rt: Runtime): void {
  const token = program
    .command('token')
    .description('Manage API tokens (bearer tokens for scripts and automation; stored only as hashes)')
    .addHelpText('after', examples('comity token create --data ./data --username alice --roles central_authority --expires 30d --json'));

  addLocalOptions(
    token
      .command('create')
      .description(
        'Create an API token for a user, carrying some of their roles and/or scopes, on the node\'s data folder.\n' +
          'The token is printed once, on stdout; only its hash is kept. (Through the API, tokens are created from a logged-in browser session.)',
      )
      .requiredOption('--username <name>', 'the user the token acts as')
      .option('--roles <list>', 'comma-separated roles the token carries (a subset of the user\'s roles); optional with --scopes')
      .option('--scopes <list>', `comma-separated scopes (${TOKEN_SCOPES.join(', ')}): narrow permissions that are not roles; ledger:read needs a user with the oversight or admin role`)
      .addOption(new Option('--expires <days>', `lifetime: 1d to ${TOKEN_MAX_DAYS}d`).argParser(parseExpiry).default(30, '30d'))
      .option('--name <name>', 'a label to recognise the token by', 'cli')
      .option('--json', 'print {"token", "id", "expiresAt", …} as JSON'),
  )
    .addHelpText(
      'after',
      examples(
        'comity token create --data ./data --username alice --roles central_authority --expires 30d --json',
        'export COMITY_TOKEN=$(comity token create --username ci --roles investigator --name ci-pipeline)',
        'comity token create --data ./data --username auditor --scopes ledger:read --name ledger-witness',
      ),
    )
    .action(
      async (
        opts: Pick<TargetFlags, 'data' | 'db'> & { username: string; roles?: string; scopes?: string; expires: number; name: string; json?: boolean },
        cmd: Command,
      ) => {
        if (opts.roles === undefined && opts.scopes === undefined) usageError(cmd, 'name the token\'s --roles, its --scopes, or both');
        const roles = opts.roles === undefined ? [] : parseRoles(opts.roles, '--roles');
        const scopes = opts.scopes === undefined ? [] : parseScopes(opts.scopes, '--scopes');
        const r = await withAccounts(
          rt,
          cmd,
          { data: opts.data, db: opts.db },
          (gw) => gw.createToken(opts.username, { name: opts.name, roles, scopes, expiresInDays: opts.expires }),
          { localOnly: true },
        );
        const t = r.record;
        if (opts.json) {
          printJson(rt, { token: r.token, id: t.id, name: t.name, username: t.username, roles: t.roles, scopes: t.scopes, expiresAt: t.expiresAt });
          return;
        }
        rt.out(`${r.token}\n`);
        const carries = [...t.roles, ...t.scopes].join(', ');
        rt.err(`API token ${t.id} for ${t.username} (${carries}), expires ${t.expiresAt}: shown only this once; store it safely\n`);
      },
    );

  addRemoteOptions(
    addLocalOptions(
      token
        .command('list')
        .description('List API tokens (never their secrets): everyone\'s on the data folder; with --url your own, or everyone\'s with --all')
        .option('--username <name>', 'only this user\'s tokens')
        .option('--all', 'everyone\'s tokens (with --url: needs the admin or oversight role)')
        .option('--include-revoked', 'also list revoked tokens')
        .option('--json', 'print a JSON array of tokens'),
    ),
  )
    .addHelpText('after', examples('comity token list --data ./data --username alice', 'comity token list --url https://node.example --all --json'))
    .action(async (opts: TargetFlags & { username?: string; all?: boolean; includeRevoked?: boolean; json?: boolean }, cmd: Command) => {
      const tokens = await withAccounts(rt, cmd, opts, (gw) =>
        gw.listTokens({ username: opts.username, all: opts.all ?? false, includeRevoked: opts.includeRevoked ?? false }),
      );
      printTokens(rt, tokens, opts.json);
    });

  addRemoteOptions(
    addLocalOptions(
      token
        .command('revoke')
        .argument('<id>', 'the token id (see "comity token list")', parseTokenId)
        .description('Revoke an API token: it is refused from then on'),
    ),
  )
    .addHelpText('after', examples('comity token revoke 01970f2e-8c1a-7b3e-9a4d-2f6e1c0b5a77 --data ./data'))
    .action(async (id: string, opts: TargetFlags, cmd: Command) => {
      await withAccounts(rt, cmd, opts, (gw) => gw.revokeToken(id));
      rt.out(`revoked token ${id}\n`);
    });
}
