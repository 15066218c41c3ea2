import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, bearer, lines, removeAll, runCli, startNodeProcess, tempDir, type NodeProcess } from './kit.ts';

interface CreatedToken {
  token: string;
  id: string;
  expiresAt: string;
  username: string;
  roles: string[];
}

/** Tokens created by the CLI, used against a real node started by the CLI in a child process. */
describe('comity token and --url mode against a running node', () => {
  let data: string;
  let node: NodeProcess;
  let adminToken: string;
  const cli = (args: string[], input?: string) => runCli([...args, '--data', data], { input });
  const session = (token: string) => fetch(`${node.url}/api/v1/auth/session`, { headers: bearer(token) });

  beforeAll(async () => {
    data = join(tempDir(), 'data');
    expect((await runCli(['init', '--data', data, '--state', 'XA'])).code).toBe(0);
    expect((await cli(['user', 'add', '--username', 'admin', '--roles', 'admin', '--password-stdin'], PASSWORD)).code).toBe(0);
    expect((await cli(['user', 'add', '--username', 'alice', '--roles', 'central_authority,investigator', '--password-stdin'], PASSWORD)).code).toBe(0);
    node = await startNodeProcess(['--data', data]);
    const r = await cli(['token', 'create', '--username', 'admin', '--roles', 'admin', '--expires', '1d']);
    expect(r.code).toBe(0);
    adminToken = r.stdout.trim();
  });
  afterAll(async () => {
    await node?.stop();
    removeAll();
  });

  it('prints a created token once, alone on stdout, with a note on stderr', async () => {
    expect(adminToken).toMatch(/^comity_pat_\S+$/);
    const r = await cli(['token', 'create', '--username', 'alice', '--roles', 'investigator']);
    expect(lines(r.stdout)).toHaveLength(1);
    expect(r.stderr).toMatch(/shown only this once/);
    expect(r.stderr).not.toContain(r.stdout.trim());
  });

  it('creates a token with --json that authenticates against the node, then refuses it once revoked', async () => {
    const r = await cli(['token', 'create', '--username', 'alice', '--roles', 'central_authority', '--expires', '30d', '--json']);
    expect(r.code).toBe(0);
    const created = JSON.parse(r.stdout) as CreatedToken;
    expect(created.token).toMatch(/^comity_pat_/);
    expect(created.roles).toEqual(['central_authority']);
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    const ok = await session(created.token);
    expect(ok.status).toBe(200);
    const who = (await ok.json()) as { user: { username: string }; roles: string[]; via: string };
    expect(who).toMatchObject({ user: { username: 'alice' }, roles: ['central_authority'], via: 'token' });

    const listed = await cli(['token', 'list', '--username', 'alice', '--json']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(created.token);
    expect((JSON.parse(listed.stdout) as Array<{ id: string }>).map((t) => t.id)).toContain(created.id);

    const revoke = await cli(['token', 'revoke', created.id]);
    expect(revoke).toMatchObject({ code: 0, stdout: `revoked token ${created.id}\n` });
    const refused = await session(created.token);
    expect(refused.status).toBe(401);
    const after = JSON.parse((await cli(['token', 'list', '--username', 'alice', '--json'])).stdout) as Array<{ id: string }>;
    expect(after.map((t) => t.id)).not.toContain(created.id);
  });

  it('creates tokens on the data folder even when COMITY_URL points at a node', async () => {
    const r = await runCli(['token', 'create', '--username', 'alice', '--roles', 'investigator', '--json'], {
      env: { COMITY_DATA: data, COMITY_URL: node.url, COMITY_TOKEN: adminToken },
    });
    expect(r.code).toBe(0);
    expect((await session((JSON.parse(r.stdout) as CreatedToken).token)).status).toBe(200);
  });

  it('validates token options before touching anything', async () => {
    const expires = await cli(['token', 'create', '--username', 'alice', '--roles', 'investigator', '--expires', '12h']);
    expect(expires.code).toBe(2);
    expect(lines(expires.stderr)).toHaveLength(1);
    const notHeld = await cli(['token', 'create', '--username', 'alice', '--roles', 'admin']);
    expect(notHeld).toMatchObject({ code: 1, stderr: 'comity: roles: the user does not hold the role "admin"\n' });
    const badId = await cli(['token', 'revoke', 'not-a-uuid']);
    expect(badId.code).toBe(2);
  });

  it('lists users through the API with --url and --token, or COMITY_URL and COMITY_TOKEN', async () => {
    const viaFlags = await runCli(['user', 'list', '--url', node.url, '--token', adminToken, '--json']);
    expect(viaFlags.code).toBe(0);
    const names = (JSON.parse(viaFlags.stdout) as Array<{ username: string }>).map((u) => u.username);
    expect(names).toEqual(['admin', 'alice']);

    const viaEnv = await runCli(['user', 'list'], { env: { COMITY_URL: node.url, COMITY_TOKEN: adminToken } });
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.stdout).toMatch(/alice\s+central_authority,investigator\s+active/);
  });

  it('changes accounts through the API as the token holder', async () => {
    const env = { COMITY_URL: node.url, COMITY_TOKEN: adminToken };
    const add = await runCli(['user', 'add', '--username', 'frank', '--roles', 'prosecutor', '--password-stdin', '--json'], { env, input: PASSWORD });
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ username: 'frank', roles: ['prosecutor'] });
    const roles = await runCli(['user', 'roles', 'frank', '--add', 'investigator'], { env });
    expect(roles).toMatchObject({ code: 0, stdout: 'frank: investigator, prosecutor\n' });
    expect((await runCli(['user', 'disable', 'frank'], { env })).code).toBe(0);
    // The change is in the node's database: the data-folder view agrees.
    const local = JSON.parse((await cli(['user', 'list', '--json'])).stdout) as Array<{ username: string; disabled: boolean }>;
    expect(local.find((u) => u.username === 'frank')?.disabled).toBe(true);
  });

  it('reports API refusals as one line', async () => {
    const badToken = await runCli(['user', 'list', '--url', node.url, '--token', 'comity_pat_nope']);
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toBe('comity: the API token is invalid, expired or revoked (HTTP 401, unauthenticated)\n');

    const r = await cli(['token', 'create', '--username', 'alice', '--roles', 'investigator', '--json']);
    const investigator = (JSON.parse(r.stdout) as CreatedToken).token;
    const forbidden = await runCli(['user', 'list', '--url', node.url, '--token', investigator]);
    expect(forbidden.code).toBe(1);
    expect(lines(forbidden.stderr)).toEqual([expect.stringMatching(/^comity: .*\(HTTP 403, forbidden\)$/)]);
    expect(forbidden.stderr).not.toContain(investigator);

    const noToken = await runCli(['user', 'list', '--url', node.url]);
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/COMITY_TOKEN/);

    const both = await runCli(['user', 'list', '--url', node.url, '--data', data]);
    expect(both.code).toBe(2);

    const down = await runCli(['user', 'list', '--url', 'http://127.0.0.1:47', '--token', adminToken]);
    expect(down.code).toBe(1);
    expect(lines(down.stderr)).toEqual([expect.stringMatching(/^comity: cannot reach the node at http:\/\/127\.0\.0\.1:47/)]);
  });
});
