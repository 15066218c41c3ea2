import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, removeAll, runCli, tempDir } from './kit.ts';

afterAll(removeAll);

describe('comity init', () => {
  it('creates a private data folder with comity.json and a migrated database, and is idempotent', async () => {
    const dir = join(tempDir(), 'data');
    const first = await runCli(['init', '--data', dir, '--state', 'XA', '--node-name', 'Node of XA']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`initialised ${dir} (state XA, SQLite ${dir}/comity.db)\n`);
    expect(first.stderr).toContain('comity user add --data');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const configFile = join(dir, 'comity.json');
    expect(statSync(configFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toEqual({ state: 'XA', nodeName: 'Node of XA' });
    expect(existsSync(join(dir, 'comity.db'))).toBe(true);

    const before = readFileSync(configFile, 'utf8');
    const mtime = statSync(configFile).mtimeMs;
    const again = await runCli(['init', '--data', dir, '--state', 'XA']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already initialised');
    expect(readFileSync(configFile, 'utf8')).toBe(before);
    expect(statSync(configFile).mtimeMs).toBe(mtime);

    const differs = await runCli(['init', '--data', dir, '--state', 'XB']);
    expect(differs.code).toBe(1);
    expect(lines(differs.stderr)).toHaveLength(1);
    expect(differs.stderr).toMatch(/already initialised with different settings: --state \(stored: "XA"\)/);
    expect(readFileSync(configFile, 'utf8')).toBe(before);
  });

  it('prints what it created with --json', async () => {
    const dir = join(tempDir(), 'd');
    const r = await runCli(['init', '--data', dir, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ status: 'created', dataDir: dir, state: 'XX', database: { dialect: 'sqlite', location: `${dir}/comity.db` } });
    expect(out.migrations).toContain('0001_foundation');
    const again = JSON.parse((await runCli(['init', '--data', dir, '--json'])).stdout);
    expect(again).toMatchObject({ status: 'already_initialised', migrations: [] });
  });

  it('refuses to write a database password into comity.json, without echoing it', async () => {
    const dir = join(tempDir(), 'd');
    const r = await runCli(['init', '--data', dir, '--db', 'postgres://comity:hunter2-secret@127.0.0.1/comity']);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('COMITY_DATABASE_URL');
    expect(r.stderr + r.stdout).not.toContain('hunter2');
    expect(existsSync(dir)).toBe(false);
  });

  it('names the bad key of an invalid setting and creates nothing', async () => {
    const dir = join(tempDir(), 'd');
    const r = await runCli(['init', '--data', dir, '--state', 'Xanadu']);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^comity: invalid configuration: state .*ISO 3166-1/)]);
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a folder that holds something else', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = await runCli(['init', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not a Comity data folder/);
    expect(existsSync(join(dir, 'comity.json'))).toBe(false);
  });

  it('has help with an example, and usage errors exit 2 with one line and a hint', async () => {
    const help = await runCli(['init', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--data <dir>');

    const unknown = await runCli(['init', '--colour']);
    expect(unknown.code).toBe(2);
    expect(lines(unknown.stderr)).toEqual([`comity: unknown option '--colour' (see "comity init --help")`]);

    const noCommand = await runCli(['frobnicate']);
    expect(noCommand.code).toBe(2);
    expect(lines(noCommand.stderr)).toHaveLength(1);

    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
