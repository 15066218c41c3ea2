import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../src/modules/accounts/service.ts';
import type { Role } from '../../src/platform/config/schema.ts';
import { parseAuthorityKey, verifyDirectory } from '../../src/platform/federation/directory.ts';
import { startFederation, type Federation3, type FedNode } from '../federation/kit.ts';
import { PASSWORD, lines, removeAll, runCli, tempDir } from './kit.ts';

interface KeysJson {
  nodeId: string;
  ledger: { origin: string; vkey: string; kid: string };
  sealed: boolean;
  keys: Array<{ kid: string; use: string; status: string; createdAt: string; expiresAt: string | null }>;
}

const DAY = 86_400_000;

describe('comity keys', () => {
  let data: string;
  const cli = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) => runCli([...args, '--data', data], opts);
  const show = async (env: Record<string, string> = {}): Promise<KeysJson> => {
    const r = await cli(['keys', 'show', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as KeysJson;
  };

  beforeAll(async () => {
    data = join(tempDir(), 'data');
    const init = await runCli(['init', '--data', data, '--state', 'XA', '--json']);
    expect(init.code).toBe(0);
    const made = JSON.parse(init.stdout) as { nodeId: string; ledger: { vkey: string }; keysSealed: boolean };
    expect(made.keysSealed).toBe(false);
    expect(made.ledger.vkey).toContain(made.nodeId);
  });
  afterAll(removeAll);

  it('init made the whole key set; show prints the node id, the ledger verifier key and every key', async () => {
    const k = await show();
    expect(k.sealed).toBe(false);
    expect(k.ledger.origin).toBe(`comity/${k.nodeId}`);
    expect(k.keys.map((x) => [x.use, x.status])).toEqual([
      ['sig', 'active'],
      ['enc', 'active'],
    ]);
    const text = await cli(['keys', 'show']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`node      ${k.nodeId}`);
    expect(text.stdout).toContain(k.ledger.vkey);
    for (const x of k.keys) expect(text.stdout).toMatch(new RegExp(`${x.kid}\\s+${x.use}\\s+\\S+\\s+active`));
    expect(text.stdout).toMatch(new RegExp(`${k.ledger.kid}\\s+ledger`));
    // The ledger's own commands read the same key.
    const vkey = await cli(['ledger', 'key']);
    expect(vkey.stdout.trim()).toBe(k.ledger.vkey);
  });

  it('rotate adds new keys and retires the old ones for the overlap period (flag, then configuration)', async () => {
    const before = await show();
    const r = await cli(['keys', 'rotate', '--overlap-days', '7']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^rotated the federation keys of node /);
    for (const old of before.keys) expect(r.stdout).toMatch(new RegExp(`retired\\s+${old.use}\\s+${old.kid}`));
    expect(r.stderr).toContain('restart the node');
    expect(r.stderr).toContain('comity directory add-node');
    const after = await show();
    expect(after.keys).toHaveLength(4);
    expect(after.ledger).toEqual(before.ledger);
    const retired = after.keys.filter((x) => x.status === 'retired');
    expect(retired.map((x) => x.kid).sort()).toEqual(before.keys.map((x) => x.kid).sort());
    for (const x of retired) expect(Math.abs(Date.parse(x.expiresAt ?? '') - Date.now() - 7 * DAY)).toBeLessThan(120_000);

    const json = await cli(['keys', 'rotate', '--json'], { env: { COMITY_KEY_ROTATION_OVERLAP_DAYS: '3' } });
    expect(json.code, json.stderr).toBe(0);
    const rot = JSON.parse(json.stdout) as { overlapDays: number; added: unknown[]; retired: Array<{ expiresAt: string }> };
    expect(rot.overlapDays).toBe(3);
    expect(rot.added).toHaveLength(2);
    for (const x of rot.retired) expect(Math.abs(Date.parse(x.expiresAt) - Date.now() - 3 * DAY)).toBeLessThan(120_000);

    const bad = await cli(['keys', 'rotate', '--overlap-days', 'soon']);
    expect(bad.code).toBe(2);
    expect(lines(bad.stderr)).toEqual([expect.stringMatching(/^comity: option '--overlap-days <n>' argument 'soon' is invalid.*\(see "comity keys rotate --help"\)$/)]);
  });

  it('seal: the passphrase comes from stdin or COMITY_KEY_PASSPHRASE; a sealed folder needs it, with one clear line', async () => {
    const none = await cli(['keys', 'seal']);
    expect(none.code).toBe(1);
    expect(lines(none.stderr)).toEqual(['comity: give the passphrase on stdin with --passphrase-stdin, or in COMITY_KEY_PASSPHRASE']);

    const sealed = await cli(['keys', 'seal', '--passphrase-stdin'], { input: 'a long passphrase\n' });
    expect(sealed.code, sealed.stderr).toBe(0);
    expect(sealed.stdout).toMatch(/^sealed 7 key files in .*signing-ed25519/);
    const files = readdirSync(join(data, 'keys'));
    expect(files.filter((f) => f.endsWith('.jwk.json'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.jwk.jwe'))).toHaveLength(7);
    expect(sealed.stdout + sealed.stderr).not.toContain('a long passphrase');

    for (const args of [['keys', 'show'], ['keys', 'rotate'], ['user', 'list'], ['ledger', 'verify']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(lines(r.stderr)).toEqual([`comity: the node's keys in ${join(data, 'keys')} are sealed with a passphrase: set COMITY_KEY_PASSPHRASE to it`]);
    }
    const wrong = await cli(['keys', 'show'], { env: { COMITY_KEY_PASSPHRASE: 'not it' } });
    expect(wrong.code).toBe(1);
    expect(lines(wrong.stderr)).toEqual([`comity: COMITY_KEY_PASSPHRASE does not open the node's keys in ${join(data, 'keys')}`]);

    const env = { COMITY_KEY_PASSPHRASE: 'a long passphrase' };
    expect((await show(env)).sealed).toBe(true);
    const add = await cli(['user', 'add', '--username', 'admin', '--roles', 'admin', '--password-stdin'], { input: PASSWORD, env });
    expect(add.code, add.stderr).toBe(0);
    const verify = await cli(['ledger', 'verify'], { env });
    expect(verify.code, verify.stderr).toBe(0);
    // Sealing again changes nothing; another passphrase is refused.
    const again = await cli(['keys', 'seal'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already sealed');
    const other = await cli(['keys', 'seal'], { env: { COMITY_KEY_PASSPHRASE: 'another one' } });
    expect(other.code).toBe(1);
    expect(lines(other.stderr)).toHaveLength(1);
    // A rotation on a sealed folder writes sealed keys.
    expect((await cli(['keys', 'rotate'], { env })).code).toBe(0);
    expect(readdirSync(join(data, 'keys')).filter((f) => f.endsWith('.jwk.json'))).toEqual([]);
    // Fourteen CLI processes, each opening keys sealed with PBES2: slow on a loaded machine, hence its own timeout.
  }, 120_000);

  it('init with COMITY_KEY_PASSPHRASE makes sealed keys', async () => {
    const d = join(tempDir(), 'sealed');
    const r = await runCli(['init', '--data', d, '--json'], { env: { COMITY_KEY_PASSPHRASE: 'from the start' } });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { keysSealed: boolean }).keysSealed).toBe(true);
    const files = readdirSync(join(d, 'keys'));
    expect(files.filter((f) => f.endsWith('.jwk.json'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.jwk.jwe'))).toHaveLength(3);
    expect((await runCli(['keys', 'show', '--data', d])).code).toBe(1);
  });

  it('a folder that is not initialised is refused', async () => {
    const r = await runCli(['keys', 'show', '--data', join(tempDir(), 'nothing')]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^comity: no data folder at .*: run "comity init/)]);
  });
});

/** An admin (or other) user and an API token on a running node, through its accounts service. */
async function tokenOn(n: FedNode, username: string, roles: Role[]): Promise<string> {
  const accounts = n.node.services.accounts;
  const u = await accounts.createUser(LOCAL_OPERATOR, { username, password: PASSWORD, roles });
  return (await accounts.createToken(LOCAL_OPERATOR, u.id, { name: 'test', roles, expiresInDays: 1 })).token;
}

describe('comity directory and comity federation, against real nodes over HTTP', () => {
  let f: Federation3;
  let adminToken: string;
  let auth: string;
  let pin: string;
  beforeAll(async () => {
    f = await startFederation({ dialect: 'sqlite' });
    adminToken = await tokenOn(f.byName('XA'), 'admin', ['admin']);
    auth = join(tempDir(), 'authority');
  }, 120_000);
  afterAll(async () => {
    await f?.close();
    removeAll();
  });
  const dir = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) => runCli(['directory', ...args, '--dir', auth], opts);
  const fed = (args: string[], token = adminToken) => runCli(['federation', ...args, '--url', f.byName('XA').node.address], { env: { COMITY_TOKEN: token } });

  it('directory init prints the public key to pin and the exact environment line', async () => {
    const r = await dir(['init', '--name', 'cli-test-authority']);
    expect(r.code, r.stderr).toBe(0);
    const line = lines(r.stdout).find((l) => l.startsWith('COMITY_DIRECTORY_AUTHORITY_KEY='));
    expect(line).toBeDefined();
    pin = (line as string).replace(/^COMITY_DIRECTORY_AUTHORITY_KEY='(.*)'$/, '$1');
    const jwk = parseAuthorityKey(pin);
    expect(r.stdout).toContain(JSON.stringify(jwk));
    const info = JSON.parse(readFileSync(join(auth, 'authority.json'), 'utf8')) as { kid: string };
    expect(jwk.kid).toBe(info.kid);
    const again = await dir(['init', '--name', 'cli-test-authority']);
    expect(again.code).toBe(1);
    expect(lines(again.stderr)).toEqual([expect.stringMatching(/already holds a directory authority$/)]);
  });

  it('add-node takes a card from a running node\'s URL or from a file, and prints the key fingerprints', async () => {
    const xa = f.byName('XA');
    const r = await dir(['add-node', '--card', xa.node.address, '--state-name', 'State A']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^added node ${xa.id} of XA`));
    for (const k of xa.node.federation.keys.publicJwks(new Date())) expect(r.stdout).toContain(k.kid);
    expect(r.stdout).toContain(xa.node.federation.keys.ledger.origin);

    const xb = f.byName('XB');
    const card = join(tempDir(), 'xb.card');
    writeFileSync(card, await (await fetch(`${xb.node.address}/federation/v1/node`)).text());
    const fromFile = await dir(['add-node', '--card', card, '--json']);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect((JSON.parse(fromFile.stdout) as { card: { nodeId: string } }).card.nodeId).toBe(xb.id);
    const xc = f.byName('XC');
    expect((await dir(['add-node', '--card', `${xc.node.address}/federation/v1/node`])).code).toBe(0);
    // The same node again replaces its entry.
    const again = await dir(['add-node', '--card', xa.node.address]);
    expect(again.stdout).toMatch(/^replaced node /);
  });

  it('add-node refuses a tampered or malformed card, and a node that cannot be reached, changing nothing', async () => {
    const before = readFileSync(join(auth, 'draft.json'), 'utf8');
    const jws = (await (await fetch(`${f.byName('XB').node.address}/federation/v1/node`)).text()).trim();
    const [h, p, s] = jws.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { endpoint: string };
    payload.endpoint = 'https://evil.example';
    const tampered = join(tempDir(), 'tampered.card');
    writeFileSync(tampered, `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`);
    const r = await dir(['add-node', '--card', tampered]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^comity: the node card from .*tampered\.card is refused: /)]);
    const garbage = await dir(['add-node', '--card', '-'], { input: 'not a card' });
    expect(garbage.code).toBe(1);
    expect(lines(garbage.stderr)).toEqual([expect.stringMatching(/^comity: the node card from stdin is refused: /)]);
    const down = await dir(['add-node', '--card', 'http://127.0.0.1:9']);
    expect(down.code).toBe(1);
    expect(lines(down.stderr)).toEqual([expect.stringMatching(/^comity: cannot fetch the node card from http:\/\/127\.0\.0\.1:9\/federation\/v1\/node: /)]);
    expect(readFileSync(join(auth, 'draft.json'), 'utf8')).toBe(before);
  });

  it('set-state changes a State\'s entry; a value the nodes would refuse is refused before anything is saved', async () => {
    const r = await dir([
      'set-state',
      'XC',
      '--name',
      'State C',
      '--languages',
      'en,de',
      '--channels',
      'comity',
      '--declaration',
      'Art. 29::Preservation requires dual criminality',
      '--reservation',
      'No extradition of nationals',
      '--flag',
      'preservation_requires_dual_criminality=true',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      code: 'XC',
      name: 'State C',
      languages: ['en', 'de'],
      channels: ['comity'],
      declarations: [{ article: 'Art. 29', text: 'Preservation requires dual criminality' }],
      reservations: [{ text: 'No extradition of nationals' }],
      flags: { preservation_requires_dual_criminality: true },
      centralAuthority: f.byName('XC').id,
    });
    const before = readFileSync(join(auth, 'draft.json'), 'utf8');
    const badLang = await dir(['set-state', 'XC', '--languages', 'english']);
    expect(badLang.code).toBe(1);
    expect(lines(badLang.stderr)).toEqual([expect.stringMatching(/^comity: nothing changed: states\.XC\.languages\[0\] must be an ISO 639-1 code$/)]);
    const foreign = await dir(['set-state', 'XC', '--central-authority', f.byName('XA').id]);
    expect(foreign.code).toBe(1);
    expect(lines(foreign.stderr)).toEqual([expect.stringMatching(/centralAuthority is not a node of XC/)]);
    const unknown = await dir(['set-state', 'XZ', '--name', 'Nowhere']);
    expect(unknown.code).toBe(1);
    expect(lines(unknown.stderr)).toEqual(['comity: State XZ has no node in the draft (add one of its nodes first)']);
    const flag = await dir(['set-state', 'XC', '--flag', 'maybe']);
    expect(flag.code).toBe(2);
    expect(readFileSync(join(auth, 'draft.json'), 'utf8')).toBe(before);
  });

  it('publish signs version after version; show lists the draft and the latest version', async () => {
    const r = await dir(['publish']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`published directory version 1 (3 nodes; States XA, XB, XC): ${join(auth, 'directory.jws')}\n`);
    // What was published verifies under the key init told us to pin.
    const { doc } = await verifyDirectory(readFileSync(join(auth, 'directory.jws'), 'utf8').trim(), parseAuthorityKey(pin));
    expect(doc.nodes.map((n) => n.nodeId).sort()).toEqual(f.nodes.map((n) => n.id).sort());
    expect(doc.states.XA?.name).toBe('State A');

    const shown = await dir(['show']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('published  version 1');
    expect(shown.stdout).toContain('(same as version 1)');
    for (const n of f.nodes) expect(shown.stdout).toContain(n.id);
    expect(shown.stdout).toContain('XC declaration (Art. 29): Preservation requires dual criminality');

    expect((await dir(['remove-node', f.byName('XC').id])).code).toBe(0);
    const json = JSON.parse((await dir(['show', '--json'])).stdout) as { published: { version: number }; draft: { nodes: unknown[] }; unpublishedChanges: boolean };
    expect(json).toMatchObject({ published: { version: 1 }, unpublishedChanges: true });
    expect(json.draft.nodes).toHaveLength(2);
    const second = await dir(['publish', '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ version: 2, nodes: 2, states: ['XA', 'XB'] });
    expect(existsSync(join(auth, 'published', 'directory-v1.jws'))).toBe(true);
  });

  it('directory show --url shows the directory a running node accepted', async () => {
    const xa = f.byName('XA');
    const r = await runCli(['directory', 'show', '--url', xa.node.address, '--json'], { env: { COMITY_TOKEN: adminToken } });
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as { version: number; self: string; nodes: unknown[] };
    expect(d).toMatchObject({ version: 1, self: xa.id });
    expect(d.nodes).toHaveLength(3);
    const text = await runCli(['directory', 'show', '--url', xa.node.address], { env: { COMITY_TOKEN: adminToken } });
    expect(text.stdout).toMatch(/^directory version 1 issued .* by test-directory-authority/);
    const noToken = await runCli(['directory', 'show', '--url', xa.node.address]);
    expect(noToken.code).toBe(1);
    expect(lines(noToken.stderr)).toEqual([expect.stringMatching(/needs an API token: set COMITY_TOKEN/)]);
  });

  it('federation ping: by State code or node id, prints the round trip', async () => {
    const xb = f.byName('XB');
    const r = await fed(['ping', 'XB']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^pong from ${xb.id} \\(XB\\) in \\d+ ms\\n$`));
    const byId = await fed(['ping', f.byName('XC').id, '--json']);
    expect(byId.code, byId.stderr).toBe(0);
    expect(JSON.parse(byId.stdout)).toMatchObject({ node: f.byName('XC').id, state: 'XC', pongAt: expect.any(String), roundTripMs: expect.any(Number) });

    const unknown = await fed(['ping', 'XQ']);
    expect(unknown.code).toBe(1);
    expect(lines(unknown.stderr)).toEqual([expect.stringMatching(/^comity: no State XQ in the directory \(version 1\)/)]);
    const noUrl = await runCli(['federation', 'ping', 'XB']);
    expect(noUrl.code).toBe(2);
    expect(lines(noUrl.stderr)).toEqual([expect.stringMatching(/give its --url \(or set COMITY_URL\) \(see "comity federation ping --help"\)$/)]);
  });

  it('federation status shows peers and alerts; what a role may not do is refused in one line', async () => {
    const r = await fed(['status', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { nodeId: string; peers: Array<{ nodeId: string; inDirectory: boolean; outbox: { delivered: number } }> };
    expect(s.nodeId).toBe(f.byName('XA').id);
    expect(s.peers.map((p) => p.nodeId).sort()).toEqual([f.byName('XB').id, f.byName('XC').id].sort());
    expect(s.peers.every((p) => p.inDirectory && p.outbox.delivered >= 1)).toBe(true);
    const text = await fed(['status']);
    expect(text.stdout).toMatch(/NODE\s+STATE\s+IN DIRECTORY\s+PENDING\s+DEAD\s+DELIVERED/);
    expect(text.stdout).toContain(f.byName('XB').id);

    const investigator = await tokenOn(f.byName('XA'), 'ivan', ['investigator']);
    const denied = await fed(['status'], investigator);
    expect(denied.code).toBe(1);
    expect(lines(denied.stderr)).toEqual([expect.stringMatching(/^comity: .*\(HTTP 403, forbidden\)$/)]);
  });

  it('federation retry, witness and refresh', async () => {
    const retry = await fed(['retry', 'XB']);
    expect(retry.code, retry.stderr).toBe(0);
    expect(retry.stdout).toBe(`requeued 0 messages for ${f.byName('XB').id}\n`);
    const witness = await fed(['witness', '--json']);
    expect(witness.code, witness.stderr).toBe(0);
    expect(JSON.parse(witness.stdout)).toHaveProperty('asked');
    const refresh = await fed(['refresh']);
    expect(refresh.code, refresh.stderr).toBe(0);
    expect(refresh.stdout).toBe('directory unchanged (version 1)\n');
  });

  it('federation ping of a node that is down exits 1 with the last delivery error', async () => {
    await f.stop('XC');
    const r = await fed(['ping', 'XC', '--timeout', '2']);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^comity: no pong from ${f.byName('XC').id} \\(XC\\) within 2 s: the ping was not delivered; last delivery error: .+`))]);
  });

  it('every new command has help with examples', async () => {
    const commands = ['keys', 'keys show', 'keys rotate', 'keys seal', 'directory', 'directory init', 'directory add-node', 'directory remove-node', 'directory set-state', 'directory publish', 'directory show', 'federation', 'federation ping', 'federation status', 'federation retry', 'federation witness', 'federation refresh', 'demo'];
    const results = await Promise.all(commands.map((c) => runCli([...c.split(' '), '--help'])));
    results.forEach((r, i) => {
      expect(r.code, commands[i]).toBe(0);
      expect(r.stdout, commands[i]).toContain('Examples:');
    });
  });
});
