import { Option, type Command } from 'commander';
import { ROLES, type Role } from '../../platform/config/schema.ts';
import { applyRoleChange, parseRoles, type UserView } from '../accounts.ts';
import { examples, formatTable, printJson, shortTime, type Runtime } from '../output.ts';
import { readPassword } from '../password-input.ts';
import { addLocalOptions, addRemoteOptions, usageError, withAccounts, type TargetFlags } from '../target.ts';

interface JsonFlag {
  json?: boolean;
}

const ROLE_LIST = `roles: ${ROLES.join(', ')}`;

function statusOf(u: UserView): string {
  if (u.disabled) return 'disabled';
  if (u.lockedUntil && new Date(u.lockedUntil) > new Date()) return `locked until ${shortTime(u.lockedUntil)}`;
  return 'active';
}

function rolesText(roles: readonly string[]): string {
  return roles.length > 0 ? roles.join(', ') : '(none)';
}

function printUsers(rt: Runtime, users: UserView[], json: boolean | undefined): void {
  if (json) return printJson(rt, users);
  if (users.length === 0) {
    rt.err('no users\n');
    return;
  }
  const rows = users.map((u) => [u.username, u.roles.join(',') || '-', statusOf(u), u.totpEnabled ? 'yes' : 'no', u.displayName]);
  rt.out(formatTable(['USERNAME', 'ROLES', 'STATUS', 'TOTP', 'NAME'], rows));
}

/** Both targets for every user command: the data folder (default) or `--url`. */
function targeted(cmd: Command): Command {
  return addRemoteOptions(addLocalOptions(cmd));
}

export function registerUser(program: Command, rt: Runtime): void {
  const user = program
    .command('user')
    .description('Manage the accounts of a node: on its data folder (--data), or through its API (--url with an admin token)')
    .addHelpText('after', examples('comity user list --data ./data', 'COMITY_URL=https://node.example COMITY_TOKEN=… comity user list --json'));

  targeted(
    user
      .command('add')
      .description(`Create a user; the password is read from stdin, never from the command line.\n${ROLE_LIST}`)
      .requiredOption('--username <name>', 'login name: 2–63 lower-case letters, digits, ".", "_" or "-"')
      .requiredOption('--roles <list>', 'comma-separated roles, e.g. central_authority,investigator')
      .option('--display-name <name>', 'name shown to others (default: the username)')
      .option('--email <address>', 'e-mail address')
      .requiredOption('--password-stdin', 'read the password from stdin (piped: all of it, trailing newline removed; terminal: prompted)')
      .option('--json', 'print the new user as JSON'),
  )
    .addHelpText(
      'after',
      examples(
        'printf \'%s\' "$PASSWORD" | comity user add --data ./data --username alice --roles central_authority,investigator --password-stdin',
        'comity user add --username admin --roles admin --password-stdin   # prompts on a terminal',
      ),
    )
    .action(async (opts: TargetFlags & JsonFlag & { username: string; roles: string; displayName?: string; email?: string }, cmd: Command) => {
      const roles = parseRoles(opts.roles, '--roles');
      const u = await withAccounts(rt, cmd, opts, async (gw) => {
        const password = await readPassword(rt, opts.username);
        return gw.addUser({ username: opts.username, roles, password, displayName: opts.displayName, email: opts.email });
      });
      if (opts.json) printJson(rt, u);
      else rt.out(`created user ${u.username} (roles: ${rolesText(u.roles)})\n`);
    });

  targeted(
    user
      .command('list')
      .description('List users, by username')
      .addOption(new Option('--role <role>', 'only users holding this role').choices(ROLES))
      .option('--json', 'print a JSON array of users'),
  )
    .addHelpText('after', examples('comity user list --data ./data', 'comity user list --role investigator --json'))
    .action(async (opts: TargetFlags & JsonFlag & { role?: Role }, cmd: Command) => {
      const users = await withAccounts(rt, cmd, opts, (gw) => gw.listUsers({ role: opts.role }));
      printUsers(rt, users, opts.json);
    });

  for (const disabled of [true, false]) {
    const verb = disabled ? 'disable' : 'enable';
    targeted(
      user
        .command(`${verb} <username>`)
        .description(
          disabled
            ? 'Disable an account: its sessions end and its API tokens stop working (the last enabled admin cannot be disabled)'
            : 'Enable a disabled account again',
        )
        .option('--json', 'print the user as JSON'),
    )
      .addHelpText('after', examples(`comity user ${verb} alice --data ./data`))
      .action(async (username: string, opts: TargetFlags & JsonFlag, cmd: Command) => {
        const u = await withAccounts(rt, cmd, opts, (gw) => gw.updateUser(username, { disabled }));
        if (opts.json) printJson(rt, u);
        else rt.out(`${verb}d user ${u.username}\n`);
      });
  }

  targeted(
    user
      .command('reset-password <username>')
      .description('Set a new password (read from stdin); unlocks the account and ends its sessions')
      .requiredOption('--password-stdin', 'read the new password from stdin (piped: all of it, trailing newline removed; terminal: prompted)'),
  )
    .addHelpText('after', examples('printf \'%s\' "$NEW_PASSWORD" | comity user reset-password alice --data ./data --password-stdin'))
    .action(async (username: string, opts: TargetFlags, cmd: Command) => {
      await withAccounts(rt, cmd, opts, async (gw) => {
        const password = await readPassword(rt, username);
        await gw.resetPassword(username, password);
      });
      rt.out(`password of ${username} reset; the account is unlocked and its sessions have ended\n`);
    });

  targeted(
    user
      .command('roles <username>')
      .description(`Show a user's roles, or change them with --set, or --add and --remove.\n${ROLE_LIST}`)
      .addOption(new Option('--set <list>', 'replace the roles with this comma-separated list').conflicts(['add', 'remove']))
      .option('--add <list>', 'comma-separated roles to grant')
      .option('--remove <list>', 'comma-separated roles to withdraw')
      .option('--json', 'print the user as JSON'),
  )
    .addHelpText('after', examples('comity user roles alice', 'comity user roles alice --add prosecutor --remove investigator', 'comity user roles alice --set central_authority'))
    .action(async (username: string, opts: TargetFlags & JsonFlag & { set?: string; add?: string; remove?: string }, cmd: Command) => {
      const change = {
        set: opts.set === undefined ? undefined : parseRoles(opts.set, '--set'),
        add: opts.add === undefined ? undefined : parseRoles(opts.add, '--add'),
        remove: opts.remove === undefined ? undefined : parseRoles(opts.remove, '--remove'),
      };
      if (opts.set === '') usageError(cmd, '--set needs at least one role (to withdraw every role, disable the user instead)');
      const changing = change.set !== undefined || change.add !== undefined || change.remove !== undefined;
      const u = await withAccounts(rt, cmd, opts, async (gw) => {
        const current = await gw.getUser(username);
        if (!changing) return current;
        const roles = applyRoleChange(current.roles, change);
        return gw.updateUser(username, { roles });
      });
      if (opts.json) printJson(rt, u);
      else rt.out(`${u.username}: ${rolesText(u.roles)}\n`);
    });
}
