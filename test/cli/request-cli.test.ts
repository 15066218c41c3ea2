import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../src/modules/accounts/service.ts';
import { requestType } from '../../src/modules/requests/types/index.ts';
import type { Actor } from '../../src/platform/actor.ts';
import type { Role } from '../../src/platform/config/schema.ts';
import { startFederation, type Federation3, type FedNode } from '../federation/kit.ts';
import { completed } from '../requests/kit.ts';
import { PASSWORD, lines, removeAll, runCli, tempDir } from './kit.ts';

async function userWithToken(n: FedNode, username: string, roles: Role[]): Promise<{ actor: Actor; token: string }> {
  const accounts = n.node.services.accounts;
  const u = await accounts.createUser(LOCAL_OPERATOR, { username, password: PASSWORD, roles });
  const token = (await accounts.createToken(LOCAL_OPERATOR, u.id, { name: 'cli', roles, expiresInDays: 1 })).token;
  return { actor: { userId: u.id, username, roles, via: 'session' }, token };
}

describe('comity request list|show|export, against real nodes over HTTP', () => {
  let f: Federation3;
  let xa: FedNode;
  let xb: FedNode;
  let drafter: { actor: Actor; token: string };
  let stranger: { actor: Actor; token: string };
  let desk: { actor: Actor; token: string };
  let requestId = '';
  let reference = '';

  beforeAll(async () => {
    f = await startFederation({ dialect: 'sqlite', states: ['XA', 'XB'] });
    xa = f.byName('XA');
    xb = f.byName('XB');
    drafter = await userWithToken(xa, 'amira', ['investigator']);
    const jonas = await userWithToken(xa, 'jonas', ['prosecutor']);
    stranger = await userWithToken(xa, 'stranger', ['investigator']);
    desk = await userWithToken(xb, 'petra', ['duty_officer']);
    const c = await xa.node.services.cases.createCase(drafter.actor, { title: 'Ransomware', summary: 'Hospital', offences: ['illegal_access'] });
    await xa.node.services.cases.members.add(drafter.actor, c.record.id, { userId: jonas.actor.userId, caseRole: 'member' });
    const rq = xa.node.services.requests;
    const def = requestType('preservation');
    if (!def) throw new Error('no type');
    let v = await rq.createDraft(drafter.actor, { caseId: c.record.id, typeId: 'preservation', requestedState: 'XB', draftingLanguage: 'en' });
    v = await rq.updateDraft(drafter.actor, v.record.id, { version: v.record.version, content: completed(def, { ...v.record.content, mlaWillFollow: true }) });
    v = await rq.command(drafter.actor, v.record.id, { event: 'submit', version: v.record.version });
    v = await rq.command(jonas.actor, v.record.id, { event: 'authorize', version: v.record.version });
    v = await rq.command(jonas.actor, v.record.id, { event: 'transmit', version: v.record.version });
    requestId = v.record.id;
    reference = v.record.reference;
    await f.until(async () => (await xb.node.services.requests.list(desk.actor, { side: 'requested' })).items.length === 1);
  }, 120_000);
  afterAll(async () => {
    await f?.close();
    removeAll();
  });

  const cli = (args: string[], token: string, node: FedNode = xa) => runCli(['request', ...args, '--url', node.node.address], { env: { COMITY_TOKEN: token } });

  it('lists the requests the token\'s user may see, as a table and as JSON', async () => {
    const r = await cli(['list'], drafter.token);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ID\s+SIDE\s+REFERENCE/);
    expect(r.stdout).toContain(reference);
    const json = await cli(['list', '--json', '--side', 'requesting', '--open'], drafter.token);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ id: requestId, reference, side: 'requesting' })]);
    const none = await cli(['list'], stranger.token);
    expect(none.stdout).toBe('no requests\n');
    const incoming = await cli(['list', '--side', 'requested', '--json'], desk.token, xb);
    expect(JSON.parse(incoming.stdout)).toEqual([expect.objectContaining({ theirReference: reference, side: 'requested', state: 'received' })]);
  });

  it('shows one request with its clocks and history, and refuses a bad id or a stranger in one line', async () => {
    const r = await cli(['show', requestId], drafter.token);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${reference} — preservation, XA→XB, requesting`);
    expect(r.stdout).toMatch(/history:\n#\s+AT\s+EVENT/);
    expect(r.stdout).toMatch(/transmit\s+authorized→transmitted/);
    const bad = await cli(['show', 'not-an-id'], drafter.token);
    expect(bad.code).toBe(2);
    const denied = await cli(['show', requestId], stranger.token);
    expect(denied.code).toBe(1);
    expect(lines(denied.stderr)).toEqual([expect.stringMatching(/request not found/)]);
  });

  it('exports the formal letter as a PDF and the record as JSON, never overwriting a file', async () => {
    const dir = tempDir();
    const pdf = join(dir, 'letter.pdf');
    const r = await cli(['export', requestId, '--out', pdf], drafter.token);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const again = await cli(['export', requestId, '--out', pdf], drafter.token);
    expect(again.code).toBe(1);
    expect(lines(again.stderr)).toEqual([expect.stringMatching(/exists already/)]);
    const json = join(dir, 'request.json');
    expect((await cli(['export', requestId, '--format', 'json', '--out', json], drafter.token)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ id: requestId, reference, state: expect.any(String) });
    const badFormat = await cli(['export', requestId, '--format', 'docx', '--out', join(dir, 'x')], drafter.token);
    expect(badFormat.code).toBe(2);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('has --help on every subcommand', async () => {
    for (const sub of ['list', 'show', 'export']) {
      const r = await runCli(['request', sub, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: comity request ${sub}`);
    }
  });
});
