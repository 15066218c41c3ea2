import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createScratch } from '../kit/dialects.ts';
import { lines, removeAll, runCli, startNodeProcess, tempDir } from './kit.ts';

afterAll(removeAll);

/**
 * Starts a POST whose body arrives in two parts: the request is in flight (routed, handler waiting for the rest
 * of the body) until `finish()` is called. Resolves `response` with the status once the node has answered.
 */
function slowRequest(url: string): { finish(): void; response: Promise<number> } {
  const body = JSON.stringify({ username: 'nobody', password: 'not the password at all' });
  const half = Math.floor(body.length / 2);
  let finish = (): void => {};
  const response = new Promise<number>((resolve, reject) => {
    const req = request(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.write(body.slice(0, half));
    finish = () => req.end(body.slice(half));
  });
  return { finish: () => finish(), response };
}

describe('comity start', () => {
  it('stops with one line naming the key when the configuration is invalid', async () => {
    const r = await runCli(['start', '--data', join(tempDir(), 'd')], { env: { COMITY_PORT: 'abc' } });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(['comity: invalid configuration: COMITY_PORT from environment must be an integer from 0 to 65535 (got "abc")']);
    expect(r.stdout).toBe('');
  });

  it('never prints a secret configuration value', async () => {
    const pw = await runCli(['start', '--data', join(tempDir(), 'd'), '--port', '0'], {
      env: { COMITY_DATABASE_URL: 'postgres://comity:hunter2-secret@127.0.0.1:1/none' },
    });
    expect(pw.code).toBe(1);
    expect(lines(pw.stderr)).toHaveLength(1);
    expect(pw.stdout + pw.stderr).not.toContain('hunter2');
  });

  it('refuses plain HTTP beyond loopback unless --insecure-http', async () => {
    const r = await runCli(['start', '--data', join(tempDir(), 'd'), '--host', '0.0.0.0']);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/host "0\.0\.0\.0" is not a loopback address.*--insecure-http/)]);
  });

  it('initialises a missing data folder on first start and hints at the first administrator', async () => {
    const data = join(tempDir(), 'fresh');
    const node = await startNodeProcess(['--data', data]);
    try {
      expect(existsSync(join(data, 'comity.json'))).toBe(true);
      expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${node.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'sqlite', migrations: 'current' });
      await sleep(200);
      const messages = node.logs().map((l) => String(l.msg));
      expect(messages).toContain('initialised a new data folder');
      expect(messages.some((m) => m.includes('comity user add') && m.includes('--roles admin --password-stdin'))).toBe(true);
    } finally {
      expect(await node.stop('SIGTERM')).toBe(0);
    }
  });

  it('on SIGTERM lets an in-flight request finish, then exits 0', async () => {
    const node = await startNodeProcess(['--data', join(tempDir(), 'd')]);
    const slow = slowRequest(node.url);
    await sleep(300);
    node.child.kill('SIGTERM');
    await sleep(500);
    expect(node.child.exitCode).toBeNull(); // still draining: the request has not finished
    slow.finish();
    expect(await slow.response).toBe(401); // answered in full (wrong credentials), not cut off
    expect(await node.exited).toBe(0);
    const messages = node.logs().map((l) => String(l.msg));
    expect(messages).toEqual(expect.arrayContaining(['shutting down: finishing in-flight requests', 'stopped']));
  });

  it('exits 1 at once on a second signal', async () => {
    const node = await startNodeProcess(['--data', join(tempDir(), 'd')]);
    const slow = slowRequest(node.url);
    slow.response.catch(() => {});
    await sleep(300);
    node.child.kill('SIGTERM');
    await sleep(300);
    node.child.kill('SIGINT');
    expect(await node.exited).toBe(1);
  });

  it.skipIf(!inject('pgAvailable'))('serves /readyz on PostgreSQL given with --db', async () => {
    const scratch = await createScratch('postgres');
    try {
      const node = await startNodeProcess(['--data', join(tempDir(), 'd'), '--db', scratch.url]);
      try {
        const ready = await fetch(`${node.url}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'ready', database: 'postgres', migrations: 'current' });
      } finally {
        expect(await node.stop()).toBe(0);
      }
    } finally {
      await scratch.drop();
    }
  });
});
