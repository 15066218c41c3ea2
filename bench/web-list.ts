import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { inTransaction } from '../src/platform/db/executor.ts';
import { newId } from '../src/platform/ids.ts';
import * as store from '../src/modules/requests/store.ts';
import { REQUESTING_STATES } from '../src/modules/requests/model.ts';
import { addUser, chromiumMissing, ensureWebBuilt, launchBrowser, loginThroughUi, newContext, startE2eNode } from '../test/e2e/kit.ts';

/**
 * `npm run bench -- web-list`: the outbox of the web application with many requests in one node. A real node
 * (SQLite, temporary folder) gets N outgoing requests of one case (one drafted through the service, the rest
 * inserted through the requests store in batches, with states and types spread out), then Debian's Chromium logs
 * in as the case's lead and opens /requests/outgoing:
 *
 * - time to first render: from the navigation start (cold: the page loads the application) and from a click in
 *   the menu (warm: the application is running) until the first page of rows is in the table, measured in the
 *   page (a MutationObserver), plus the next animation frame (≈ painted);
 * - paging through every page with "Next page" (keyset cursor): click → rows, p50/p95/max, and the total;
 * - memory: the page's JS heap and DOM node count (DevTools protocol `Performance.getMetrics`) after the first page,
 *   after the last, and after a garbage collection — a list that leaks grows with the pages walked;
 * - references in the same run: the raw API call for the same pages from Node (fetch with the session cookie),
 *   first page and full walk, so the browser's share is visible.
 */

const HELP = `usage: npm run bench -- web-list [options]

  --count N      requests in the node (default 10000)
  --page N       rows per page: 25, 50, 100 or 200 (default 50)
  --pages N      pages to walk in the browser (default: all)
  --api-runs N   repetitions of the first-page API call (default 20)
  --json         print the results as JSON
`;

interface Options {
  count: number;
  page: number;
  pages: number | null;
  apiRuns: number;
  json: boolean;
}

function options(args: string[]): Options | null {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string' },
      page: { type: 'string' },
      pages: { type: 'string' },
      'api-runs': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  const int = (v: string | undefined, d: number, name: string): number => {
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  const page = int(values.page, 50, 'page');
  if (![25, 50, 100, 200].includes(page)) throw new Error('--page must be 25, 50, 100 or 200 (the page sizes the screen offers)');
  return { count: int(values.count, 10_000, 'count'), page, pages: values.pages === undefined ? null : int(values.pages, 1, 'pages'), apiRuns: int(values['api-runs'], 20, 'api-runs'), json: values.json === true };
}

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN);
};
const ms = (n: number): string => `${n.toFixed(1)} ms`;
const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;

async function metrics(page: Page, gc = false): Promise<{ heap: number; nodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    if (gc) await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const m = (await cdp.send('Performance.getMetrics')).metrics;
    const get = (name: string): number => m.find((x) => x.name === name)?.value ?? Number.NaN;
    return { heap: get('JSHeapUsedSize'), nodes: get('Nodes') };
  } finally {
    await cdp.detach();
  }
}

export async function run(args: string[]): Promise<void> {
  const o = options(args);
  if (!o) {
    process.stdout.write(HELP);
    return;
  }
  const missing = chromiumMissing();
  if (missing) throw new Error(`${missing}: the web-list benchmark needs it`);
  ensureWebBuilt();
  const e = await startE2eNode();
  const browser = await launchBrowser();
  try {
    const lead = await addUser(e, ['investigator'], { username: 'lead', displayName: 'Bench Lead' });
    const actor = { userId: lead.id, username: lead.username, roles: lead.roles, via: 'session' as const };
    const svc = e.node.services;
    const c = await svc.cases.createCase(actor, { title: 'Benchmark case', summary: 'Many requests.', offences: ['illegal_access', 'computer_fraud'] });
    const first = await svc.requests.createDraft(actor, { caseId: c.record.id, typeId: 'general_mla', requestedState: 'XB', draftingLanguage: 'en' });

    // N − 1 more, through the store, newest first by one minute each, states and types spread out.
    const types = ['general_mla', 'preservation', 'subscriber_information', 'traffic_data', 'content_data'] as const;
    const t0 = performance.now();
    const base = Date.now();
    const batch = 1000;
    for (let i = 1; i < o.count; i += batch) {
      await inTransaction(e.node.database.db, async (trx) => {
        for (let k = i; k < Math.min(o.count, i + batch); k++) {
          await store.insertRequest(trx, {
            ...first.record,
            id: newId(),
            typeId: types[k % types.length] ?? 'general_mla',
            state: REQUESTING_STATES[k % REQUESTING_STATES.length] ?? 'draft',
            reference: `XA-OUT-2026-${String(k + 1).padStart(6, '0')}`,
            theirReference: k % 3 === 0 ? `XB-IN-2026-${String(k).padStart(6, '0')}` : null,
            title: `Request ${k + 1} — ${c.record.reference}`,
            createdBy: lead.id,
            at: new Date(base - k * 60_000),
          });
        }
      });
    }
    const insertMs = performance.now() - t0;

    // Reference: the API itself, from Node, with the browser's session.
    const login = await fetch(`${e.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: lead.username, password: lead.password }) });
    const cookie = login.headers
      .getSetCookie()
      .map((s) => s.split(';')[0])
      .join('; ');
    const apiPage = async (cursor?: string): Promise<{ ms: number; next: string | null; n: number }> => {
      const q = new URLSearchParams({ side: 'requesting', limit: String(o.page), ...(cursor ? { cursor } : {}) });
      const s = performance.now();
      const r = await fetch(`${e.url}/api/v1/requests?${q}`, { headers: { cookie } });
      const body = (await r.json()) as { items: unknown[]; next: string | null };
      return { ms: performance.now() - s, next: body.next, n: body.items.length };
    };
    await apiPage();
    const apiFirst: number[] = [];
    for (let i = 0; i < o.apiRuns; i++) apiFirst.push((await apiPage()).ms);
    const apiWalk: number[] = [];
    let rows = 0;
    let cursor: string | undefined;
    const wStart = performance.now();
    for (;;) {
      const p = await apiPage(cursor);
      apiWalk.push(p.ms);
      rows += p.n;
      if (!p.next || (o.pages !== null && apiWalk.length >= o.pages)) break;
      cursor = p.next;
    }
    const apiWalkTotal = performance.now() - wStart;

    // The browser. Times are taken inside the page (an init script: a MutationObserver on the table and a click
    // listener), so that the driver's polling does not count: from the click (or the navigation start) to the DOM
    // holding the new rows, and to the next animation frame after it (≈ painted).
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await loginThroughUi(page, e.url, lead);
    await page.addInitScript(`(() => {
      const b = (window.__bench = { rows: null, paint: null, last: null, changes: [], clicks: [] });
      const check = () => {
        const rows = document.querySelectorAll('table.request-table tbody tr');
        if (b.rows === null && rows.length >= ${o.page}) {
          const t = performance.now();
          b.rows = t;
          requestAnimationFrame(() => { b.paint = performance.now(); });
        }
        const a = document.querySelector('table.request-table tbody tr:first-child td:first-child a');
        const ref = a ? a.textContent : null;
        if (ref && ref !== b.last) {
          b.last = ref;
          const t = performance.now();
          requestAnimationFrame(() => b.changes.push({ t, paint: performance.now() }));
        }
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
      document.addEventListener('click', () => b.clicks.push(performance.now()), true);
    })()`);
    type Bench = { rows: number | null; paint: number | null; changes: { t: number; paint: number }[]; clicks: number[] };
    const bench = async (): Promise<Bench> => (await page.evaluate('window.__bench')) as Bench;
    const until = async (ok: (b: Bench) => boolean): Promise<Bench> => {
      for (let i = 0; i < 6000; i++) {
        const b = await bench();
        if (ok(b)) return b;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error('the outbox did not render in time');
    };
    const sizeQ = o.page === 50 ? '' : `?size=${o.page}`;
    await page.goto(`${e.url}/requests/outgoing${sizeQ}`);
    const cold = await until((b) => b.paint !== null);
    const coldMs = cold.rows ?? Number.NaN;
    const coldPaintMs = cold.paint ?? Number.NaN;
    const afterFirst = await metrics(page);

    await page.goto(`${e.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.evaluate('window.__bench.rows = null; window.__bench.paint = null; window.__bench.clicks = []');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outgoing requests' }).click();
    const warm = await until((b) => b.paint !== null);
    const warmMs = (warm.rows ?? Number.NaN) - (warm.clicks[0] ?? Number.NaN);
    if (o.page !== 50) {
      await page.goto(`${e.url}/requests/outgoing${sizeQ}`);
      await until((b) => b.paint !== null);
    }

    const perPage: number[] = [];
    const perPaint: number[] = [];
    const total = Math.ceil(o.count / o.page);
    const walk = o.pages === null ? total - 1 : Math.min(o.pages, total) - 1;
    const next = page.getByRole('button', { name: 'Next page' });
    const wb = performance.now();
    for (let i = 0; i < walk; i++) {
      await page.evaluate('window.__bench.clicks = []; window.__bench.changes = []');
      await next.click();
      const b = await until((x) => x.changes.length > 0 && x.clicks.length > 0);
      const click = b.clicks[0] ?? Number.NaN;
      perPage.push((b.changes[0]?.t ?? Number.NaN) - click);
      perPaint.push((b.changes[0]?.paint ?? Number.NaN) - click);
    }
    const walkTotal = performance.now() - wb;
    const afterLast = await metrics(page);
    const afterGc = await metrics(page, true);
    await ctx.close();

    const result = {
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memory: mib(totalmem()), node: process.version, chromium: browser.version() },
      requests: o.count,
      pageSize: o.page,
      insert: { ms: Math.round(insertMs), perSecond: Math.round(((o.count - 1) / insertMs) * 1000) },
      api: { firstPageP50: apiFirst.length ? quantile(apiFirst, 0.5) : 0, firstPageP95: quantile(apiFirst, 0.95), pages: apiWalk.length, rows, pageP50: quantile(apiWalk, 0.5), pageP95: quantile(apiWalk, 0.95), totalMs: apiWalkTotal },
      browser: {
        firstRenderColdMs: coldMs,
        firstPaintColdMs: coldPaintMs,
        firstRenderWarmMs: warmMs,
        pagesWalked: perPage.length + 1,
        pageP50: quantile(perPage, 0.5),
        pageP95: quantile(perPage, 0.95),
        pageMax: Math.max(...perPage, 0),
        pagePaintP50: quantile(perPaint, 0.5),
        pagePaintP95: quantile(perPaint, 0.95),
        totalMs: walkTotal,
        heapAfterFirst: afterFirst.heap,
        heapAfterLast: afterLast.heap,
        heapAfterGc: afterGc.heap,
        domNodesAfterFirst: afterFirst.nodes,
        domNodesAfterLast: afterLast.nodes,
      },
    };
    if (o.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const b = result.browser;
    const a = result.api;
    const lines = [
      `web-list: ${o.count} outgoing requests, ${o.page} per page — ${result.machine.cpus} × ${result.machine.cpu}, ${result.machine.memory}, Node ${result.machine.node}, Chromium ${result.machine.chromium}`,
      `  insert (store, batches of ${batch})       ${result.insert.ms} ms (${result.insert.perSecond} requests/s)`,
      '',
      '  reference: the API from Node',
      `    first page                          p50 ${ms(a.firstPageP50)}  p95 ${ms(a.firstPageP95)}  (${o.apiRuns} runs)`,
      `    every page (${a.pages} pages, ${a.rows} rows)     p50 ${ms(a.pageP50)}  p95 ${ms(a.pageP95)}  total ${ms(a.totalMs)}`,
      '',
      '  the outbox in Chromium',
      `    first render, cold (from navigation start)  rows ${ms(b.firstRenderColdMs)}  painted ${ms(b.firstPaintColdMs)}`,
      `    first render, warm (click in the menu)      rows ${ms(b.firstRenderWarmMs)}`,
      `    next page, click → rows (${b.pagesWalked} pages)     p50 ${ms(b.pageP50)}  p95 ${ms(b.pageP95)}  max ${ms(b.pageMax)}`,
      `    next page, click → painted                 p50 ${ms(b.pagePaintP50)}  p95 ${ms(b.pagePaintP95)}`,
      `    walking every page (driver included)        total ${ms(b.totalMs)}`,
      `    JS heap                             first page ${mib(b.heapAfterFirst)}  last page ${mib(b.heapAfterLast)}  after GC ${mib(b.heapAfterGc)}`,
      `    DOM nodes                           first page ${b.domNodesAfterFirst}  last page ${b.domNodesAfterLast}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await browser.close();
    await e.close();
  }
}
