import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../../src/platform/actor.ts';
import { startE2eFederation } from '../../test/e2e/federation-kit.ts';
import { addUser, loginThroughUi, newContext, type E2eNode } from '../../test/e2e/kit.ts';

/**
 * The screenshots of the cooperation-request screens (scenario 1 of docs/SCENARIOS: Arland asks Borduria to
 * preserve data): a federation of three real nodes, requests brought to their states through the services (the
 * same calls the screens make), then Chromium on each screen. Called by web/scripts/screenshots.ts.
 */

const FULL_CONTENT = {
  requestingAuthority: 'Arland National Cybercrime Unit',
  contactName: 'Amira Haddad',
  contactEmail: 'amira.haddad@police.xa.example',
  contactPhone: '+999 555 0100',
  officeHours: '24/7',
  timeZone: 'Europe/Paris',
  preferredChannel: 'comity',
  dataToPreserve: ['Account records of payment-portal.example', 'Access logs of 203.0.113.7, 1–4 March'],
  dataCategories: ['subscriber', 'traffic'],
  relationToOffence: 'The portal collects the ransom; its logs identify the operators.',
  custodian: 'HostCo Borduria Ltd',
  preservationNecessity: 'The provider keeps access logs for 30 days only.',
  mlaWillFollow: true,
  preservationDays: 90,
  doNotNotify: true,
};

const actorOf = (u: { id: string; username: string; roles: Actor['roles'] }): Actor => ({ userId: u.id, username: u.username, roles: u.roles, via: 'session' });

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function requestScreenshots(browser: Browser, shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const f = await startE2eFederation(['XA', 'XB', 'XC']);
  try {
    const xa: E2eNode = f.node('XA');
    const xb: E2eNode = f.node('XB');
    const amira = await addUser(xa, ['investigator'], { username: 'amira', displayName: 'Amira Haddad' });
    const jonas = await addUser(xa, ['central_authority'], { username: 'jonas', displayName: 'Jonas Lind' });
    const petra = await addUser(xb, ['duty_officer'], { username: 'petra', displayName: 'Petra Novak' });
    const admin = await addUser(xa, ['admin'], { username: 'xa-admin', displayName: 'Arland administrator', totp: true });
    const A = actorOf(amira);
    const J = actorOf(jonas);
    const P = actorOf(petra);
    const cases = xa.node.services.cases;
    const rq = xa.node.services.requests;
    const c = await cases.createCase(A, {
      reference: 'XA-2026-0417',
      title: 'Ransomware against the university hospital',
      summary: 'On 3 March the hospital systems were encrypted; the ransom note points to a payment portal hosted in Borduria.',
      offences: ['illegal_access', 'data_interference', 'system_interference'],
    });
    await cases.subjects.add(A, c.record.id, { kind: 'legal', name: 'Arland University Hospital', role: 'victim', nationality: 'XA' });
    await cases.subjects.add(A, c.record.id, { kind: 'natural', name: 'Unknown operator of payment-portal.example', role: 'suspect', participation: 'perpetrator', identifiers: [{ type: 'domain', value: 'payment-portal.example' }] });

    // 1. Sent, delivered, acknowledged by XB.
    let r = await rq.createDraft(A, { caseId: c.record.id, typeId: 'preservation', requestedState: 'XB', draftingLanguage: 'en' });
    r = await rq.updateDraft(A, r.record.id, { version: r.record.version, content: FULL_CONTENT });
    r = await rq.command(A, r.record.id, { event: 'submit', version: r.record.version });
    r = await rq.command(J, r.record.id, { event: 'authorize', version: r.record.version });
    r = await rq.command(J, r.record.id, { event: 'transmit', version: r.record.version });
    const sentId = r.record.id;
    await waitFor(async () => (await xb.node.services.requests.list(P, { side: 'requested' })).items.length > 0, 'XB to receive the request');
    const incoming = (await xb.node.services.requests.list(P, { side: 'requested' })).items[0]?.record.id ?? '';
    const inView = await xb.node.services.requests.get(P, incoming);
    await xb.node.services.requests.command(P, incoming, { event: 'register', version: inView.record.version });
    await waitFor(async () => (await rq.get(A, sentId)).record.state === 'acknowledged', 'XA to see the acknowledgment');

    // 2. A draft half done (the wizard), 3. one to XC, where dual criminality applies (the review step),
    // 4. one waiting for authorization (the queue).
    const half = await rq.createDraft(A, { caseId: c.record.id, typeId: 'preservation', requestedState: 'XB', draftingLanguage: 'en' });
    await rq.updateDraft(A, half.record.id, { version: half.record.version, content: { requestingAuthority: FULL_CONTENT.requestingAuthority, contactName: 'Amira Haddad', dataToPreserve: FULL_CONTENT.dataToPreserve } });
    const toXc = await rq.createDraft(A, { caseId: c.record.id, typeId: 'preservation', requestedState: 'XC', draftingLanguage: 'en' });
    await rq.updateDraft(A, toXc.record.id, { version: toXc.record.version, content: FULL_CONTENT });
    let queued = await rq.createDraft(A, { caseId: c.record.id, typeId: 'preservation', requestedState: 'XB', draftingLanguage: 'en' });
    queued = await rq.updateDraft(A, queued.record.id, { version: queued.record.version, content: { ...FULL_CONTENT, preservationDays: 60 } });
    await rq.command(A, queued.record.id, { event: 'submit', version: queued.record.version });

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await loginThroughUi(page, xa.url, amira);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByTestId('tasks').getByRole('link').first().waitFor();
    await shot(page, 'dashboard-tasks');
    await page.goto(`${xa.url}/cases/${c.record.id}/requests/new`);
    await page.getByRole('radio', { name: /^Expedited preservation of stored data/ }).check();
    await page.getByRole('combobox', { name: /^Requested State/ }).selectOption('XB');
    await shot(page, 'request-new');
    await page.goto(`${xa.url}/requests/${half.record.id}/draft?step=assistance`);
    await page.getByRole('heading', { level: 2, name: /Assistance sought/ }).waitFor();
    await shot(page, 'request-wizard');
    await page.goto(`${xa.url}/requests/${toXc.record.id}/draft?step=review`);
    await page.getByRole('heading', { level: 2, name: 'What XC requires' }).waitFor();
    await shot(page, 'request-review');
    await page.goto(`${xa.url}/requests/${sentId}`);
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await shot(page, 'request-detail');
    await page.goto(`${xa.url}/requests/${sentId}?lang=ar`);
    await page.getByRole('heading', { level: 2, name: 'التسلسل الزمني' }).waitFor();
    await shot(page, 'request-detail-ar');
    await page.goto(`${xa.url}/requests/outgoing?lang=en`);
    await page.getByRole('row', { name: /XA-OUT-/ }).first().waitFor();
    await shot(page, 'requests-outgoing');
    await page.goto(`${xa.url}/directory`);
    await page.getByRole('heading', { level: 2, name: 'Borduria (XB)' }).waitFor();
    await shot(page, 'directory');
    await page.getByTestId('notification-bell').click();
    await page.getByRole('heading', { level: 2, name: 'Notifications' }).waitFor();
    await shot(page, 'notifications');
    await ctx.close();

    const jctx = await newContext(browser);
    const jp = await jctx.newPage();
    await loginThroughUi(jp, xa.url, jonas);
    await jp.goto(`${xa.url}/requests/authorize`);
    await jp.getByRole('row', { name: /XA-OUT-/ }).first().waitFor();
    await shot(jp, 'requests-authorize');
    await jp.goto(`${xa.url}/requests/${queued.record.id}`);
    await jp.getByRole('button', { name: 'Authorize', exact: true }).click();
    await jp.getByRole('form', { name: 'Authorize' }).waitFor();
    await shot(jp, 'request-authorize');
    await jctx.close();

    const bctx = await newContext(browser);
    const bp = await bctx.newPage();
    await loginThroughUi(bp, xb.url, petra);
    await bp.goto(`${xb.url}/requests/incoming`);
    await bp.getByRole('row', { name: /XA-OUT-/ }).first().waitFor();
    await shot(bp, 'requests-incoming');
    await bp.goto(`${xb.url}/requests/${incoming}`);
    await bp.getByRole('heading', { level: 2, name: 'Legal clocks' }).waitFor();
    await shot(bp, 'request-incoming-detail');
    await bctx.close();

    // Witnesses: XB and XC cosign XA's checkpoint.
    await xa.node.ledger.issueCheckpoint();
    await xa.node.federation.requestWitnessing();
    const size = (await xa.node.ledger.latestCheckpoint())?.size ?? 0;
    await waitFor(async () => (await xa.node.database.db.selectFrom('ledger_cosignatures').select('size').where('size', '=', size).execute()).length >= 2, 'two cosignatures');
    const actx = await newContext(browser);
    const ap = await actx.newPage();
    await loginThroughUi(ap, xa.url, admin);
    await ap.goto(`${xa.url}/ledger`);
    await ap.getByTestId('witness-row').nth(1).waitFor();
    await shot(ap, 'ledger-witnesses');
    await actx.close();
  } finally {
    await f.close();
  }
}
