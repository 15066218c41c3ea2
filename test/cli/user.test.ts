import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, lines, removeAll, runCli, tempDir } from './kit.ts';

interface UserJson {
  username: string;
  roles: string[];
  disabled: boolean;
  [k: string]: unknown;
}

describe('comity user (on the data folder)', () => {
  let data: string;
  const cli = (args: string[], input?: string) => runCli([...args, '--data', data], { input });
  const listed = async (): Promise<UserJson[]> => {
    const r = await cli(['user', 'list', '--json']);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as UserJson[];
  };

  beforeAll(async () => {
    data = join(tempDir(), 'data');
    expect((await runCli(['init', '--data', data])).code).toBe(0);
    expect((await cli(['user', 'add', '--username', 'admin', '--roles', 'admin', '--password-stdin'], `${PASSWORD}\n`)).code).toBe(0);
  });
  afterAll(removeAll);

  it('adds a user with the password from stdin; list --json shows it without secrets', async () => {
    const r = await cli(
      ['user', 'add', '--username', 'alice', '--roles', 'central_authority,investigator', '--display-name', 'Alice A.', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('created user alice (roles: central_authority, investigator)\n');
    const users = await listed();
    const alice = users.find((u) => u.username === 'alice');
    expect(alice).toMatchObject({ roles: ['central_authority', 'investigator'], disabled: false, displayName: 'Alice A.' });
    const text = JSON.stringify(users);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toMatch(/argon2|passwordHash|totpSecret/);

    const table = await cli(['user', 'list']);
    expect(table.code).toBe(0);
    expect(lines(table.stdout)[0]).toMatch(/^USERNAME\s+ROLES\s+STATUS\s+TOTP\s+NAME$/);
    expect(table.stdout).toMatch(/alice\s+central_authority,investigator\s+active/);

    const filtered = JSON.parse((await cli(['user', 'list', '--role', 'admin', '--json'])).stdout) as UserJson[];
    expect(filtered.map((u) => u.username)).toEqual(['admin']);
  });

  it('refuses an unknown role with one line naming it, and creates no user', async () => {
    const r = await cli(['user', 'add', '--username', 'bob', '--roles', 'investigator,sherif', '--password-stdin'], PASSWORD);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^comity: --roles: unknown role "sherif"/);
    expect(r.stdout).toBe('');
    expect((await listed()).map((u) => u.username)).not.toContain('bob');
  });

  it('exits 2 on an unknown option, naming it and pointing to --help', async () => {
    const r = await cli(['user', 'add', '--username', 'bob', '--roles', 'investigator', '--pasword-stdin']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `comity: unknown option '--pasword-stdin' (Did you mean --password-stdin?) (see "comity user add --help")`,
    ]);
  });

  it('never takes a password from the command line: --password-stdin is required and stdin must hold one', async () => {
    const noFlag = await cli(['user', 'add', '--username', 'bob', '--roles', 'investigator']);
    expect(noFlag.code).toBe(2);
    expect(noFlag.stderr).toContain("required option '--password-stdin'");

    const empty = await cli(['user', 'add', '--username', 'bob', '--roles', 'investigator', '--password-stdin'], '');
    expect(empty.code).toBe(1);
    expect(lines(empty.stderr)).toEqual([expect.stringMatching(/^comity: no password on stdin/)]);

    const short = await cli(['user', 'add', '--username', 'bob', '--roles', 'investigator', '--password-stdin'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toBe('comity: password: must be at least 12 characters\n');
    expect((await listed()).map((u) => u.username)).not.toContain('bob');
  });

  it('reports a duplicate username as one line, without a stack trace unless COMITY_DEBUG=1', async () => {
    const args = ['user', 'add', '--username', 'admin', '--roles', 'admin', '--password-stdin', '--data', data];
    const r = await runCli(args, { input: PASSWORD });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('comity: a user named "admin" already exists\n');
    const debug = await runCli(args, { input: PASSWORD, env: { COMITY_DEBUG: '1' } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('disables and enables, keeping the last administrator', async () => {
    await cli(['user', 'add', '--username', 'carol', '--roles', 'investigator', '--password-stdin'], PASSWORD);
    const off = await cli(['user', 'disable', 'carol']);
    expect(off).toMatchObject({ code: 0, stdout: 'disabled user carol\n' });
    expect((await listed()).find((u) => u.username === 'carol')?.disabled).toBe(true);
    const on = await cli(['user', 'enable', 'carol', '--json']);
    expect(on.code).toBe(0);
    expect(JSON.parse(on.stdout)).toMatchObject({ username: 'carol', disabled: false });

    const last = await cli(['user', 'disable', 'admin']);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/last enabled administrator/);

    const missing = await cli(['user', 'disable', 'nobody']);
    expect(missing).toMatchObject({ code: 1, stderr: 'comity: user "nobody" not found\n' });
  });

  it('shows and changes roles', async () => {
    await cli(['user', 'add', '--username', 'dave', '--roles', 'investigator', '--password-stdin'], PASSWORD);
    expect((await cli(['user', 'roles', 'dave'])).stdout).toBe('dave: investigator\n');
    const changed = await cli(['user', 'roles', 'dave', '--add', 'prosecutor,oversight', '--remove', 'investigator']);
    expect(changed).toMatchObject({ code: 0, stdout: 'dave: oversight, prosecutor\n' });
    const set = await cli(['user', 'roles', 'dave', '--set', 'duty_officer', '--json']);
    expect(JSON.parse(set.stdout).roles).toEqual(['duty_officer']);
    const conflict = await cli(['user', 'roles', 'dave', '--set', 'admin', '--add', 'oversight']);
    expect(conflict.code).toBe(2);
    const bad = await cli(['user', 'roles', 'dave', '--add', 'king']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown role "king"/);
  });

  it('resets a password from stdin', async () => {
    await cli(['user', 'add', '--username', 'erin', '--roles', 'investigator', '--password-stdin'], PASSWORD);
    const r = await cli(['user', 'reset-password', 'erin', '--password-stdin'], 'a brand new passphrase\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^password of erin reset/);
    expect(r.stdout + r.stderr).not.toContain('brand new');
  });

  it('explains how to initialise a folder that is not one yet', async () => {
    const nowhere = join(tempDir(), 'missing');
    const r = await runCli(['user', 'list', '--data', nowhere]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([`comity: no data folder at ${nowhere}: run "comity init --data ${nowhere}" first (or point --data or COMITY_DATA at the node's folder)`]);
  });

  it('reads the data folder from COMITY_DATA', async () => {
    const r = await runCli(['user', 'list', '--json'], { env: { COMITY_DATA: data } });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as UserJson[]).map((u) => u.username)).toContain('admin');
  });
});
