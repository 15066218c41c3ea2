import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { totpAt } from '../../src/modules/accounts/totp.ts';
import { addUser, chromiumMissing, ensureWebBuilt, launchBrowser, loginThroughUi, newContext, startE2eNode } from '../../test/e2e/kit.ts';
import { requestScreenshots } from './screenshots-requests.ts';

/**
 * `npm run screenshots`: starts a throw-away node with a little demo data, drives Debian's Chromium through the
 * main screens and writes docs/screenshots/*.png (referenced from README.md and docs/web.md); the request screens
 * need a federation, which web/scripts/screenshots-requests.ts starts.
 */
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const missing = chromiumMissing();
if (missing) {
  console.error(`comity: ${missing}; cannot take screenshots`);
  process.exit(1);
}
ensureWebBuilt();
mkdirSync(OUT, { recursive: true });

const e = await startE2eNode();
const browser = await launchBrowser();
const shot = async (page: Page, name: string) => {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage: true });
  console.log(`wrote docs/screenshots/${name}.png`);
};
try {
  const accounts = e.node.services.accounts;
  const cases = e.node.services.cases;
  const admin = await addUser(e, ['admin'], { username: 'admin', displayName: 'Amina Haddad', totp: true });
  const officer = await addUser(e, ['investigator'], { username: 'ines', displayName: 'Inès Moreau' });
  await addUser(e, ['prosecutor'], { username: 'pedro', displayName: 'Pedro Alves' });
  await addUser(e, ['oversight'], { username: 'olga', displayName: 'Olga Ivanova' });
  const me = { userId: officer.id, username: officer.username, roles: officer.roles, via: 'session' as const };
  const demo = [
    { reference: 'XA-2026-0417', title: 'Ransomware against the city hospital', offences: ['illegal_access', 'system_interference'] as const },
    { title: 'Business e-mail compromise of a shipping company', offences: ['computer_fraud', 'laundering'] as const },
    { title: 'Phishing kit sold on a forum', offences: ['misuse_of_devices', 'computer_fraud'] as const },
  ];
  let firstId = '';
  for (const d of demo) {
    const v = await cases.createCase(me, { ...d, offences: [...d.offences], summary: 'Servers encrypted on 3 March; the ransom note names a wallet and a Tor site.' });
    firstId ||= v.record.id;
  }
  await cases.subjects.add(me, firstId, {
    kind: 'natural',
    name: 'Mallory Example',
    role: 'suspect',
    participation: 'perpetrator',
    nationality: 'XB',
    identifiers: [
      { type: 'email', value: 'mallory@example.org' },
      { type: 'crypto_address', value: 'bc1qexampleexampleexample' },
    ],
  });
  await cases.subjects.add(me, firstId, { kind: 'legal', name: 'City General Hospital', role: 'victim', nationality: 'XA' });
  void accounts;

  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await page.goto(`${e.url}/login`);
  await shot(page, 'login');
  await loginThroughUi(page, e.url, officer);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, 'dashboard');
  await page.goto(`${e.url}/cases`);
  await page.getByRole('link', { name: 'XA-2026-0417' }).waitFor();
  await shot(page, 'cases');
  await page.goto(`${e.url}/cases/new`);
  await page.getByRole('button', { name: 'Open the case' }).click();
  await page.getByRole('alert').first().waitFor();
  await shot(page, 'case-new-errors');
  await page.goto(`${e.url}/cases/${firstId}`);
  await page.getByRole('row', { name: /Mallory/ }).waitFor();
  await shot(page, 'case-detail');
  await page.goto(`${e.url}/cases/${firstId}?lang=ar`);
  await page.getByRole('row', { name: /Mallory/ }).waitFor();
  await shot(page, 'case-detail-ar');
  await ctx.close();

  const actx = await newContext(browser);
  const ap = await actx.newPage();
  await ap.goto(`${e.url}/login`);
  await ap.getByLabel('Username').fill(admin.username);
  await ap.getByLabel('Password').fill(admin.password);
  await ap.getByRole('button', { name: 'Log in' }).click();
  await ap.getByLabel('One-time code').waitFor();
  await shot(ap, 'login-totp');
  await ap.getByLabel('One-time code').fill(totpAt(admin.totpSecret ?? '', new Date()));
  await ap.getByRole('button', { name: 'Verify' }).click();
  await ap.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await ap.goto(`${e.url}/admin/users`);
  await ap.getByRole('row', { name: /olga/ }).waitFor();
  await shot(ap, 'users');
  await ap.goto(`${e.url}/ledger`);
  await ap.getByRole('button', { name: 'Sign a checkpoint now' }).click();
  await ap.getByText('The signature is valid').waitFor();
  await ap.getByLabel('Entry number').fill('4');
  await ap.getByRole('button', { name: 'Fetch its receipt' }).click();
  for (let i = 0; i < 50 && !(await ap.getByLabel('Receipt (JSON)').inputValue()).includes('"checkpoint"'); i++) await ap.waitForTimeout(100);
  await ap.getByRole('button', { name: 'Verify in this browser' }).click();
  await ap.getByTestId('verify-result').waitFor();
  await shot(ap, 'ledger');
  await ap.goto(`${e.url}/account?lang=fr`);
  await ap.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  await shot(ap, 'account-fr');
  await actx.close();

  await requestScreenshots(browser, shot);
} finally {
  await browser.close();
  await e.close();
}
