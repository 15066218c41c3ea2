import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../platform/http/route-kit.ts';

/**
 * The web application (web/, built by Vite into web/dist) served at `/`: hashed files under /assets with a year's
 * cache, every other GET that is not an API, federation or operations path answered with index.html (the SPA
 * decides the screen) and `no-store`, under a strict Content-Security-Policy (no inline script or style, no
 * framing, same-origin requests only). Without a build, `/` says how to make one and the node runs as usual.
 *
 * The files are listed once at start (only those files can ever be served: no path from the URL reaches the file
 * system); rebuild the UI, then restart the node. The SPA fallback answers browser navigations (Accept: text/html).
 */

/** The default build folder: web/dist next to src/. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Paths the SPA fallback never answers: they belong to the API, federation and operations endpoints. */
const RESERVED = [/^\/api(\/|$)/, /^\/federation(\/|$)/, /^\/(healthz|readyz|metrics)(\/|$)/];

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=3600';

interface WebFile {
  body: Buffer;
  type: string;
  cache: string;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

/** Every servable file of the build, by URL path; index.html is kept apart (it is the fallback). */
function loadBuild(dist: string): { files: Map<string, WebFile>; index: Buffer } | null {
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) return null;
  const files = new Map<string, WebFile>();
  for (const abs of listFiles(dist)) {
    const type = TYPES[extname(abs).toLowerCase()];
    if (!type) continue;
    const url = `/${relative(dist, abs).split(sep).join('/')}`;
    if (url === '/index.html') continue;
    files.set(url, { body: readFileSync(abs), type, cache: url.startsWith('/assets/') ? IMMUTABLE : SHORT });
  }
  return { files, index: readFileSync(indexPath) };
}

const NOT_BUILT = [
  'Comity: the web application has not been built.',
  '',
  'Run `npm run build:web` (or `./nodew npm run build:web`) in the Comity folder, then restart the node.',
  'The API is available under /api/v1 (documentation at /api/docs).',
  '',
].join('\n');

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('content-security-policy', CONTENT_SECURITY_POLICY).header('cross-origin-opener-policy', 'same-origin');
}

/** A browser navigation: the client asks for an HTML page (`Accept: text/html`), not for data. */
function wantsHtml(req: FastifyRequest): boolean {
  const accept = req.headers.accept;
  return typeof accept === 'string' && /(^|,)\s*text\/html\s*(;|,|$)/i.test(accept);
}

/**
 * Installs the web application on the root app. Call it after every other route. It adds no route: it answers, in
 * an onRequest hook, only GET and HEAD requests that no route matched, so nothing the API, federation or
 * operations endpoints serve is ever shadowed, the OpenAPI document lists only the API, and paths under the
 * reserved prefixes keep the node's problem+json 404. Built files are served to anyone; index.html (the SPA
 * fallback) only to browser navigations (`Accept: text/html`): an API client asking for a wrong path still gets
 * the problem+json 404 it can read.
 */
export async function webRoutes(app: App, deps: { distDir?: string } = {}): Promise<void> {
  const build = loadBuild(deps.distDir ?? WEB_DIST);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.is404 || (req.method !== 'GET' && req.method !== 'HEAD')) return;
    const path = req.url.split('?')[0] ?? '/';
    if (RESERVED.some((r) => r.test(path))) return;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return;
    }
    if (!build) {
      if ((decoded === '/' || decoded === '/index.html') && wantsHtml(req))
        return securityHeaders(reply).code(503).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
      return;
    }
    const file = build.files.get(decoded);
    if (file) return securityHeaders(reply).code(200).type(file.type).header('cache-control', file.cache).send(file.body);
    // A missing hashed file is a 404 (an old page asking for a file of an earlier build), never the app itself.
    if (decoded.startsWith('/assets/') || !wantsHtml(req)) return;
    return securityHeaders(reply).code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(build.index);
  });
}
