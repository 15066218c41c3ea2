import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../src/modules/accounts/totp.ts';
import type { TestUser } from '../kit/node.ts';
import { addUser, axeViolations, chromiumMissing, launchBrowser, loginThroughUi, newContext, startE2eNode, watchConsole, type E2eNode } from './kit.ts';

/**
 * The web application in Debian's Chromium against a real node: login with TOTP, cases, subjects, Arabic
 * right-to-left, a `?lang=` link, administration, ledger receipt verification in the browser, and axe-core on
 * every main screen. Skipped without /usr/bin/chromium, except in CI (CI=true), where that fails the run.
 */

const missing = chromiumMissing();
const inCi = process.env.CI === 'true';
if (missing !== null && !inCi) console.warn(`\n*** ${missing}: the web end-to-end tests are SKIPPED (apt-get install chromium). ***\n`);

if (missing !== null && inCi) {
  describe('web application end-to-end (CI=true)', () => {
    it('has Chromium installed', () => {
      throw new Error(`CI=true needs Chromium for the web end-to-end tests, but ${missing}; .ci/run installs it`);
    });
  });
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const v = await axeViolations(page);
  expect(v, `axe-core: serious or critical violations on ${screen}`).toEqual([]);
}

describe.skipIf(missing !== null)('web application in Chromium', { timeout: 60_000 }, () => {
  let e: E2eNode;
  let browser: Browser;
  let admin: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    e = await startE2eNode();
    browser = await launchBrowser();
    admin = await addUser(e, ['admin'], { username: 'admin', displayName: 'Ada Admin', totp: true });
    officer = await addUser(e, ['investigator'], { username: 'ines', displayName: 'Inès Investigator' });
  });

  afterAll(async () => {
    await browser?.close();
    await e?.close();
  });

  it('serves the application with a strict CSP, SPA fallback for navigations and caching, without shadowing the API', async () => {
    const nav = { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } };
    const index = await fetch(`${e.url}/`, nav);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-store');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await index.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const deep = await fetch(`${e.url}/cases/0190a0b0-0000-7000-8000-000000000000?x=1`, nav);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    const js = await fetch(`${e.url}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${e.url}/assets/nope-123.js`)).status).toBe(404);
    for (const path of ['/api/v1/nope', '/api', '/federation/v1/x', '/metrics/x', '/healthz/x']) {
      const r = await fetch(`${e.url}${path}`, nav);
      expect([r.status, r.headers.get('content-type')], path).toEqual([404, 'application/problem+json; charset=utf-8']);
    }
    expect((await fetch(`${e.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${e.url}/api/v1/openapi.json`)).status).toBe(200);
  });

  it('an officer logs in, creates a case, opens it and adds a subject; every screen passes axe', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const problems = watchConsole(page);
    await page.goto(`${e.url}/cases`);
    await page.waitForURL(/\/login\?next=%2Fcases/);
    await expectAccessible(page, 'login');
    await loginThroughUi(page, e.url, officer);
    await page.waitForURL(`${e.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await expect(page.getByRole('heading', { name: 'My tasks' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'dashboard');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await expectAccessible(page, 'cases list');
    await page.getByRole('link', { name: 'New case' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New case' }).waitFor();
    // The node's field errors appear next to the fields.
    await page.getByRole('button', { name: 'Open the case' }).click();
    await page.getByRole('alert').first().waitFor();
    await expect(page.locator('.field-invalid').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'new case (with errors)');
    await page.getByLabel('Title').fill('Ransomware against the city hospital');
    await page.getByLabel('Summary').fill('Encrypted servers; ransom note asks for bitcoin.');
    await page.getByRole('checkbox', { name: /Illegal access/ }).check();
    await page.getByRole('checkbox', { name: /system-related fraud/ }).check();
    await page.getByRole('button', { name: 'Open the case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading.textContent()).resolves.toMatch(/^XA-\d{4}-\d{4,} — Ransomware against the city hospital$/);
    await expectAccessible(page, 'case detail');

    await page.getByRole('button', { name: 'Add a subject' }).click();
    const form = page.getByRole('form', { name: 'Add a subject' });
    await form.getByLabel('Name').fill('Mallory Example');
    await form.getByLabel('Nationality').fill('fr');
    await form.getByRole('button', { name: 'Add an identifier' }).click();
    await form.getByLabel('Value').fill('mallory@example.org');
    await expectAccessible(page, 'subject form');
    await form.getByRole('button', { name: 'Add the subject' }).click();
    const row = page.getByRole('row', { name: /Mallory Example/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Suspect \(Perpetrator\).*FR.*mallory@example\.org/);

    // The list finds it by a filter.
    await page.goto(`${e.url}/cases?q=ransomware&status=open`);
    await page.getByRole('link', { name: /^XA-/ }).waitFor();
    await expect(page.getByRole('row').count()).resolves.toBe(2);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('switches to Arabic: right-to-left layout, remembered; a ?lang=fr link opens in French', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await loginThroughUi(page, e.url, officer);
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.locator('#menu-language').selectOption('ar');
    await expect.poll(() => page.evaluate('document.documentElement.dir')).toBe('rtl');
    expect(await page.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual(['ar', 'rtl']);
    await page.getByRole('heading', { level: 1, name: 'لوحة المتابعة' }).waitFor();
    // The navigation is on the right of the main region.
    const nav = await page.getByRole('navigation').first().boundingBox();
    const main = await page.getByRole('main').boundingBox();
    expect(nav && main && nav.x > main.x).toBe(true);
    await expectAccessible(page, 'dashboard (Arabic)');
    await page.reload();
    await expect.poll(() => page.evaluate('document.documentElement.dir')).toBe('rtl');

    const fr = await newContext(browser);
    const p2 = await fr.newPage();
    await p2.goto(`${e.url}/login?lang=fr`);
    await p2.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await p2.evaluate("[document.documentElement.lang, document.documentElement.dir, localStorage.getItem('comity.lang')]")).toEqual(['fr', 'ltr', 'fr']);
    await fr.close();
    await ctx.close();
  });

  it('an administrator logs in with TOTP, creates a user, sees tokens, account and the ledger, and verifies a receipt', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const problems = watchConsole(page);
    await page.goto(`${e.url}/login`);
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'One-time code' }).waitFor();
    await expectAccessible(page, 'login TOTP step');
    await page.getByLabel('One-time code').fill(totpAt(admin.totpSecret ?? '', new Date()));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Dashboard', 'Cases', 'Ledger', 'Users', 'API tokens', 'My account']);
    // An administrator may not open cases: the button is not offered.
    await expect(page.getByRole('link', { name: 'New case' }).count()).resolves.toBe(0);

    await nav.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Username').fill('pierre');
    await form.getByLabel('Display name').fill('Pierre Prosecutor');
    await form.getByLabel('Initial password').fill('a long enough passphrase 1');
    await form.getByRole('checkbox', { name: 'Prosecutor' }).check();
    await form.getByRole('button', { name: 'Create the user' }).click();
    await page.getByText('User pierre created.').waitFor();
    await page.getByRole('row', { name: /pierre/ }).waitFor();
    await expectAccessible(page, 'users');
    expect((await e.node.services.accounts.listUsers({ userId: admin.id, username: 'admin', roles: ['admin'], via: 'session' }, { limit: 50 })).map((u) => u.username)).toContain('pierre');

    await nav.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await expectAccessible(page, 'tokens');
    await nav.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await expectAccessible(page, 'account');

    await nav.getByRole('link', { name: 'Ledger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ledger' }).waitFor();
    await page.getByRole('button', { name: 'Sign a checkpoint now' }).click();
    await page.getByText('The signature is valid for the verifier key below').waitFor();
    await page.getByLabel('Entry number').fill('1');
    await page.getByRole('button', { name: 'Fetch its receipt' }).click();
    // (Polled from the test: the page's CSP rightly forbids the string evaluation waitForFunction would use.)
    await expect.poll(() => page.getByLabel('Receipt (JSON)').inputValue()).toContain('"checkpoint"');
    await page.getByRole('button', { name: 'Verify in this browser' }).click();
    await expect(page.getByTestId('verify-result').textContent()).resolves.toMatch(/^Valid: entry 1 is in the log comity\//);
    await expectAccessible(page, 'ledger');
    // A tampered receipt is refused, with the reason.
    const receipt = page.getByLabel('Receipt (JSON)');
    const text = await receipt.inputValue();
    const tampered = JSON.parse(text) as { proof: string[] };
    tampered.proof[0] = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    await receipt.fill(JSON.stringify(tampered));
    await page.getByRole('button', { name: 'Verify in this browser' }).click();
    await expect(page.getByTestId('verify-result').textContent()).resolves.toMatch(/^Not valid: the inclusion proof does not lead to the signed root/);

    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('a user whose roles require TOTP must enrol it at the first login', async () => {
    const judge = await addUser(e, ['authorizer'], { username: 'judith' });
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await loginThroughUi(page, e.url, judge);
    await page.waitForURL(/\/enrol-totp$/);
    await page.getByRole('heading', { level: 1, name: 'Enrol a one-time code generator' }).waitFor();
    await page.getByRole('button', { name: 'Show my secret key' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page, 'TOTP enrolment');
    await page.getByLabel('Code shown by the app').fill(totpAt(secret, new Date()));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await ctx.close();
  });
});
