import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/platform/clock.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { openLedger } from '../../src/platform/ledger/open.ts';
import { PASSWORD, lines, removeAll, runCli, tempDir } from '../cli/kit.ts';
import { entriesFrom, ledgerText } from './kit.ts';

interface CreatedToken {
  token: string;
  id: string;
  roles: string[];
  scopes: string[];
}

/** `comity token create --scopes`, and the entries the CLI appends as the local operator (SQLite data folder). */
describe('comity token --scopes, and what the CLI records', () => {
  let data: string;
  const cli = (args: string[], input?: string) => runCli([...args, '--data', data], { input });
  const tokens: string[] = [];

  beforeAll(async () => {
    data = join(tempDir(), 'data');
    expect((await runCli(['init', '--data', data, '--state', 'XA'])).code).toBe(0);
    expect((await cli(['user', 'add', '--username', 'auditor', '--roles', 'oversight', '--password-stdin'], PASSWORD)).code).toBe(0);
    expect((await cli(['user', 'add', '--username', 'alice', '--roles', 'investigator', '--password-stdin'], PASSWORD)).code).toBe(0);
  });
  afterAll(removeAll);

  it('creates a scopes-only token (no --roles) and lists its scopes', async () => {
    const r = await cli(['token', 'create', '--username', 'auditor', '--scopes', 'ledger:read', '--name', 'witness', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const created = JSON.parse(r.stdout) as CreatedToken;
    tokens.push(created.token);
    expect(created).toMatchObject({ roles: [], scopes: ['ledger:read'] });
    const plain = await cli(['token', 'create', '--username', 'auditor', '--roles', 'oversight', '--scopes', 'ledger:read']);
    expect(plain.code, plain.stderr).toBe(0);
    tokens.push(plain.stdout.trim());
    expect(plain.stderr).toMatch(/\(oversight, ledger:read\)/);

    const listed = JSON.parse((await cli(['token', 'list', '--username', 'auditor', '--json'])).stdout) as Array<{ id: string; scopes: string[] }>;
    expect(listed.find((t) => t.id === created.id)?.scopes).toEqual(['ledger:read']);
    const table = await cli(['token', 'list', '--username', 'auditor']);
    expect(lines(table.stdout)[0]).toMatch(/^ID\s+USER\s+NAME\s+ROLES\s+SCOPES\s+PREFIX\s+EXPIRES\s+LAST USED\s+STATUS$/);
    expect(table.stdout).toMatch(/auditor\s+witness\s+-\s+ledger:read\s/);
  });

  it('refuses ledger:read for a user without oversight or admin, unknown scopes, and neither roles nor scopes', async () => {
    const notHeld = await cli(['token', 'create', '--username', 'alice', '--scopes', 'ledger:read']);
    expect(notHeld.code).toBe(1);
    expect(lines(notHeld.stderr)).toEqual([expect.stringMatching(/^comity: scopes: granting "ledger:read" needs the oversight or admin role/)]);
    const unknown = await cli(['token', 'create', '--username', 'auditor', '--scopes', 'ledger:write']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^comity: --scopes: unknown scope "ledger:write"/);
    const neither = await cli(['token', 'create', '--username', 'auditor']);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/--roles.*--scopes/);
  });

  describe('the data folder\'s ledger', () => {
    let database: Database;
    beforeAll(() => {
      database = openDatabase({ url: join(data, 'comity.db') });
    });
    afterAll(() => database.close());

    it('holds the CLI\'s changes, made as the local operator, under the node\'s own origin, without secrets', async () => {
      // The same key file gives the same origin.
      const { ledger } = openLedger({ db: database.db, clock: systemClock, dataDir: data });
      const all = await entriesFrom({ ledger, database }, 0);
      const ours = all.filter((x) => x.entry.action.startsWith('user.') || x.entry.action.startsWith('token.'));
      expect(ours.map((x) => [x.entry.action, x.entry.actor])).toEqual([
        ['user.create', 'operator:local-operator'],
        ['user.create', 'operator:local-operator'],
        ['token.create', 'operator:local-operator'],
        ['token.create', 'operator:local-operator'],
      ]);
      expect(all.every((x) => x.entry.node === ledger.origin)).toBe(true);
      expect(ours[2]?.details).toMatchObject({ username: 'auditor', name: 'witness', roles: [], scopes: ['ledger:read'] });
      const text = await ledgerText(database);
      for (const s of [PASSWORD, ...tokens]) expect(text).not.toContain(s);
    });
  });
});
