import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/route-kit.ts';
import { CONTENT_SECURITY_POLICY, webRoutes } from '../../src/http/web.ts';

/** src/http/web.ts on its own, with a made-up build folder and with none (no browser needed). */
describe('serving the web application (src/http/web.ts)', () => {
  let dir: string;
  let built: FastifyInstance;
  let unbuilt: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'comity-web-'));
    mkdirSync(join(dir, 'dist/assets'), { recursive: true });
    writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><script type="module" src="/assets/app-abc.js"></script>');
    writeFileSync(join(dir, 'dist/assets/app-abc.js'), 'console.log(1)');
    writeFileSync(join(dir, 'dist/favicon.svg'), '<svg/>');
    writeFileSync(join(dir, 'secret.txt'), 'not for the web');
    built = Fastify();
    built.get('/api/v1/thing', async () => ({ ok: true }));
    await webRoutes(built as unknown as App, { distDir: join(dir, 'dist') });
    unbuilt = Fastify();
    await webRoutes(unbuilt as unknown as App, { distDir: join(dir, 'missing') });
  });

  afterAll(async () => {
    await built?.close();
    await unbuilt?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

  it('serves hashed assets for a year, other files for an hour, and index.html to browser navigations', async () => {
    const js = await built.inject('/assets/app-abc.js');
    expect([js.statusCode, js.headers['cache-control'], js.headers['content-type']]).toEqual([200, 'public, max-age=31536000, immutable', 'text/javascript; charset=utf-8']);
    expect((await built.inject('/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600');
    for (const path of ['/', '/cases/123', '/login?lang=ar', '/index.html']) {
      const r = await built.inject({ url: path, headers: html });
      expect([r.statusCode, r.headers['cache-control'], r.headers['content-security-policy']], path).toEqual([200, 'no-store', CONTENT_SECURITY_POLICY]);
      expect(r.body).toContain('/assets/app-abc.js');
    }
    expect((await built.inject({ method: 'HEAD', url: '/cases', headers: html })).statusCode).toBe(200);
    // A client that does not ask for HTML (an API client on a wrong path) gets the ordinary 404.
    expect((await built.inject('/cases/123')).statusCode).toBe(404);
    expect((await built.inject({ method: 'POST', url: '/cases', headers: html })).statusCode).toBe(404);
  });

  it('never reaches outside the build, never answers a missing asset with the app, never shadows the API', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt']) {
      const r = await built.inject({ url: path, headers: html });
      expect(r.body, path).not.toContain('not for the web');
    }
    expect((await built.inject('/assets/old-123.js')).statusCode).toBe(404);
    expect((await built.inject('/api/v1/thing')).json()).toEqual({ ok: true });
    for (const path of ['/api/v1/other', '/api', '/federation/v1/x', '/healthz', '/readyz', '/metrics'])
      expect((await built.inject({ url: path, headers: html })).statusCode, path).toBe(404);
  });

  it('without a build, / says how to make one and everything else is the usual 404', async () => {
    const r = await unbuilt.inject({ url: '/', headers: html });
    expect([r.statusCode, r.headers['content-type']]).toEqual([503, 'text/plain; charset=utf-8']);
    expect(r.body).toContain('npm run build:web');
    expect((await unbuilt.inject({ url: '/cases', headers: html })).statusCode).toBe(404);
    expect((await unbuilt.inject('/')).statusCode).toBe(404);
  });
});
