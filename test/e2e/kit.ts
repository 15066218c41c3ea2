import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../src/platform/config/schema.ts';
import { startNode, type RunningNode } from '../../src/http/server.ts';
import { LOCAL_OPERATOR } from '../../src/modules/accounts/service.ts';
import { totpAt } from '../../src/modules/accounts/totp.ts';
import { testConfig, type TestUser } from '../kit/node.ts';

/**
 * The end-to-end kit: a real node (startNode on 127.0.0.1, port 0, a temporary data folder, SQLite) serving the
 * built web application, Debian's Chromium driven by playwright-core (never a downloaded browser), logins through
 * the UI (TOTP codes from the project's own TOTP code), and axe-core injected into the page. Used by
 * test/e2e/*.test.ts and by `npm run screenshots`; it imports nothing from vitest.
 */

export const CHROMIUM = process.env.COMITY_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIST = join(ROOT, 'web/dist');

/** Why the browser tests cannot run here, or null. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed (Debian package chromium)`;
}

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/** Builds web/dist when it is missing or older than any source of the web application (once per test run). */
export function ensureWebBuilt(): void {
  const index = join(WEB_DIST, 'index.html');
  const sources = ['web/src', 'web/index.html', 'web/public', 'web/vite.config.ts'].map((p) => join(ROOT, p)).filter((p) => existsSync(p));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newest))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'web/vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // A production build whatever the caller's NODE_ENV (vitest sets "test", which would bundle React's development build).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('building the web application (vite build) failed');
}

export interface E2eNode {
  node: RunningNode;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** A real node listening on 127.0.0.1 (any free port) with a fresh data folder and SQLite database. */
export async function startE2eNode(): Promise<E2eNode> {
  const config = testConfig({ host: '127.0.0.1', port: 0 });
  const node = await startNode(config);
  return {
    node,
    url: node.address,
    dataDir: config.dataDir,
    close: async () => {
      await closeNode(node);
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Stops a node at the end of a test. Chromium opens spare connections that it may never send a request on; the
 * node's HTTP server waits for those until its headers timeout (60 s). The browser is gone by then, so after a
 * short grace the remaining connections are dropped.
 */
export async function closeNode(node: RunningNode, graceMs = 1000): Promise<void> {
  const force = setTimeout(() => node.app.server.closeAllConnections(), graceMs);
  try {
    await node.close();
  } finally {
    clearTimeout(force);
  }
}

let counter = 0;

/**
 * Creates a user through the accounts service (as the local operator). With `totp`, enrols a second factor the
 * real way, confirming with the code of the previous 30-second step, so that a login in the current step is not a
 * replay of the enrolment code.
 */
export async function addUser(e: E2eNode, roles: Role[], opts: { username?: string; displayName?: string; totp?: boolean } = {}): Promise<TestUser> {
  counter += 1;
  const username = opts.username ?? `user${counter}`;
  const password = `correct horse battery ${counter}`;
  const accounts = e.node.services.accounts;
  const u = await accounts.createUser(LOCAL_OPERATOR, { username, password, roles, ...(opts.displayName ? { displayName: opts.displayName } : {}) });
  const out: TestUser = { id: u.id, username, password, roles };
  if (opts.totp) {
    const actor = { userId: u.id, username, roles, via: 'session' as const };
    const { secret } = await accounts.beginTotpEnrollment(actor);
    await accounts.confirmTotp(actor, totpAt(secret, new Date(Date.now() - 30_000)));
    out.totpSecret = secret;
  }
  return out;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh browser context (its own cookies and storage) in English, UTC, on a desktop-sized viewport. */
export async function newContext(browser: Browser, opts: { locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: opts.locale ?? 'en-GB', timezoneId: 'UTC', viewport: { width: 1280, height: 860 } });
}

/** Collects what would show a broken page: uncaught errors and Content-Security-Policy violations. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  return problems;
}

/** Logs in through the login screen (password, then the TOTP step when the account has one). */
export async function loginThroughUi(page: Page, url: string, user: TestUser): Promise<void> {
  await page.goto(`${url}/login`);
  await page.locator('input[autocomplete="username"]').fill(user.username);
  await page.locator('input[autocomplete="current-password"]').fill(user.password);
  await page.locator('form button[type="submit"]').click();
  if (user.totpSecret) {
    const code = page.locator('input[autocomplete="one-time-code"]');
    await code.waitFor();
    await code.fill(totpAt(user.totpSecret, new Date()));
    await page.locator('form button[type="submit"]').click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is and returns the serious and critical
 * violations. axe is evaluated through the DevTools protocol, so the page's Content-Security-Policy stays on.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // A string expression: it runs in the page (the test tsconfig has no DOM types).
  const result = (await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) })))`)) as AxeViolation[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
