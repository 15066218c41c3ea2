import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PAGE_MAX } from '../../src/http/ledger.ts';
import { LOCAL_OPERATOR } from '../../src/modules/accounts/service.ts';
import { openCheckpoint } from '../../src/platform/ledger/checkpoint.ts';
import { decodeEntry } from '../../src/platform/ledger/entry.ts';
import { leafHash, verifyConsistency, verifyInclusion } from '../../src/platform/ledger/merkle.ts';
import { parseVerifierKey } from '../../src/platform/ledger/note.ts';
import { verifyReceipt } from '../../src/platform/ledger/receipt.ts';
import { describeEachDialect } from '../kit/dialects.ts';
import { bearer, buildTestNode, createUser, tokenFor, type TestNode } from '../kit/node.ts';
import { expectProblem, fieldsOf } from '../http/problems.ts';
import { sampleInputs } from './kit.ts';

const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

interface Page {
  size: number;
  items: Array<{ index: number; leaf: string }>;
  next: number | null;
}

/** The ledger API (src/http/ledger.ts) through the real app, checked the way a client would: offline. */
describeEachDialect('ledger API', (get) => {
  let node: TestNode;
  let admin: Record<string, string>;
  let oversight: Record<string, string>;
  let scoped: Record<string, string>;
  let investigator: Record<string, string>;
  let vkey: string;

  beforeAll(async () => {
    node = await buildTestNode(get());
    const a = await createUser(node, ['admin']);
    const o = await createUser(node, ['oversight']);
    const i = await createUser(node, ['investigator']);
    admin = bearer(await tokenFor(node, a));
    oversight = bearer(await tokenFor(node, o));
    investigator = bearer(await tokenFor(node, i));
    const { token } = await node.services.accounts.createToken(LOCAL_OPERATOR, o.id, { name: 'auditor script', roles: [], scopes: ['ledger:read'], expiresInDays: 1 });
    scoped = bearer(token);
    // Enough entries for several pages, whatever the services appended while creating the users.
    await node.database.db.transaction().execute((trx) => node.ledger.append(trx, sampleInputs(2345, 'api')));
    vkey = (await node.app.inject({ url: '/api/v1/ledger/key', headers: admin })).body.trim();
  });
  afterAll(() => node.close());

  const getJson = async <T>(url: string, headers: Record<string, string> = admin): Promise<T> => {
    const res = await node.app.inject({ url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  it('the verifier key is the ledger’s own, as text', async () => {
    const res = await node.app.inject({ url: '/api/v1/ledger/key', headers: oversight });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toBe(`${node.ledger.vkey}\n`);
    expect(parseVerifierKey(vkey).name).toBe(node.ledger.origin);
  });

  it('admin, oversight and a ledger:read token may read; an investigator may not (403); nobody without credentials (401)', async () => {
    const urls = ['/api/v1/ledger/key', '/api/v1/ledger/entries', '/api/v1/ledger/proofs/inclusion?index=0&size=1', '/api/v1/ledger/proofs/consistency?from=1&to=2'];
    for (const url of urls) {
      for (const h of [admin, oversight, scoped]) expect((await node.app.inject({ url, headers: h })).statusCode, url).toBe(200);
      expectProblem(await node.app.inject({ url, headers: investigator }), 'forbidden', 403);
      expectProblem(await node.app.inject({ url }), 'unauthenticated', 401);
    }
    for (const url of ['/api/v1/ledger/checkpoint', '/api/v1/ledger/receipts/0']) {
      expectProblem(await node.app.inject({ url, headers: investigator }), 'forbidden', 403);
      expectProblem(await node.app.inject({ url }), 'unauthenticated', 401);
    }
    expectProblem(await node.app.inject({ method: 'POST', url: '/api/v1/ledger/checkpoint', headers: investigator }), 'forbidden', 403);
    expectProblem(await node.app.inject({ method: 'POST', url: '/api/v1/ledger/checkpoint' }), 'unauthenticated', 401);
    // Reading is not signing: a scope-only token may not ask for a checkpoint.
    expectProblem(await node.app.inject({ method: 'POST', url: '/api/v1/ledger/checkpoint', headers: scoped }), 'forbidden', 403);
  });

  it('GET checkpoint is 404 until one is signed; POST signs one (admin or oversight), only when the tree grew', async () => {
    expectProblem(await node.app.inject({ url: '/api/v1/ledger/checkpoint', headers: admin }), 'not_found', 404);
    const post = await node.app.inject({ method: 'POST', url: '/api/v1/ledger/checkpoint', headers: oversight });
    expect(post.statusCode, post.body).toBe(200);
    expect(post.headers['content-type']).toMatch(/^text\/plain/);
    const cp = openCheckpoint(post.body, parseVerifierKey(vkey), node.ledger.origin);
    const size = await node.ledger.size();
    expect(cp.size).toBe(BigInt(size));
    expect(cp.rootHash).toEqual(await node.ledger.root(size));
    // Nothing new: the same note again, no second checkpoint.
    const again = await node.app.inject({ method: 'POST', url: '/api/v1/ledger/checkpoint', headers: admin });
    expect(again.body).toBe(post.body);
    const latest = await node.app.inject({ url: '/api/v1/ledger/checkpoint', headers: scoped });
    expect(latest.statusCode).toBe(200);
    expect(latest.body).toBe(post.body);
  });

  it('entries: pages of at most PAGE_MAX, in order, with `next`, leaves that decode to their index', async () => {
    const size = await node.ledger.size();
    const seen: number[] = [];
    let url = '/api/v1/ledger/entries';
    for (let pages = 0; ; pages++) {
      const page = await getJson<Page>(url, scoped);
      expect(page.size).toBe(size);
      expect(page.items.length).toBeLessThanOrEqual(PAGE_MAX);
      for (const it of page.items) {
        const e = decodeEntry(b64(it.leaf));
        expect(e.seq).toBe(it.index);
        expect(e.node).toBe(node.ledger.origin);
        seen.push(it.index);
      }
      if (page.next === null) break;
      expect(page.next).toBe(page.items.at(-1)?.index === undefined ? -1 : (page.items.at(-1)?.index ?? 0) + 1);
      url = `/api/v1/ledger/entries?start=${page.next}`;
      expect(pages).toBeLessThan(10);
    }
    expect(seen).toEqual(Array.from({ length: size }, (_, i) => i));
    // A window: [start, end), and its next page within the window.
    const w = await getJson<Page>('/api/v1/ledger/entries?start=10&end=15');
    expect(w.items.map((x) => x.index)).toEqual([10, 11, 12, 13, 14]);
    expect(w.next).toBeNull();
    const big = await getJson<Page>(`/api/v1/ledger/entries?start=5&end=${5 + PAGE_MAX + 3}`);
    expect(big.items).toHaveLength(PAGE_MAX);
    expect(big.next).toBe(5 + PAGE_MAX);
    // Past the end: an empty page.
    expect(await getJson<Page>(`/api/v1/ledger/entries?start=${size + 5}`)).toEqual({ size, items: [], next: null });
    expect(await getJson<Page>(`/api/v1/ledger/entries?start=3&end=3`)).toEqual({ size, items: [], next: null });
  });

  it('inclusion and consistency proofs verify client-side, against the signed checkpoint', async () => {
    const note = (await node.app.inject({ url: '/api/v1/ledger/checkpoint', headers: admin })).body;
    const cp = openCheckpoint(note, parseVerifierKey(vkey), node.ledger.origin);
    const size = Number(cp.size);
    for (const index of [0, 1, 7, 1024, size - 1]) {
      const p = await getJson<{ index: number; size: number; rootHash: string; proof: string[] }>(`/api/v1/ledger/proofs/inclusion?index=${index}&size=${size}`, scoped);
      expect(p).toMatchObject({ index, size });
      expect(b64(p.rootHash)).toEqual(cp.rootHash);
      const page = await getJson<Page>(`/api/v1/ledger/entries?start=${index}&end=${index + 1}`);
      const leaf = b64(page.items[0]?.leaf ?? '');
      verifyInclusion(BigInt(index), cp.size, leafHash(leaf), p.proof.map(b64), cp.rootHash);
    }
    // Grow the log, sign again, and prove the new checkpoint extends the old one.
    await node.database.db.transaction().execute((trx) => node.ledger.append(trx, sampleInputs(17, 'api')));
    const next = await node.app.inject({ method: 'POST', url: '/api/v1/ledger/checkpoint', headers: admin });
    const cp2 = openCheckpoint(next.body, parseVerifierKey(vkey), node.ledger.origin);
    expect(cp2.size).toBe(cp.size + 17n);
    const c = await getJson<{ from: number; to: number; proof: string[] }>(`/api/v1/ledger/proofs/consistency?from=${size}&to=${cp2.size}`, scoped);
    expect(c).toMatchObject({ from: size, to: Number(cp2.size) });
    verifyConsistency(cp.size, cp2.size, c.proof.map(b64), cp.rootHash, cp2.rootHash);
    const same = await getJson<{ proof: string[] }>(`/api/v1/ledger/proofs/consistency?from=${size}&to=${size}`);
    expect(same.proof).toEqual([]);
  });

  it('receipts verify offline with the verifier key; an entry no checkpoint covers yet is 404', async () => {
    const r = await getJson<unknown>('/api/v1/ledger/receipts/42', scoped);
    const v = verifyReceipt(r, vkey);
    expect(v.index).toBe(42n);
    expect(v.entry.seq).toBe(42);
    const [idx] = await node.database.db.transaction().execute((trx) => node.ledger.append(trx, sampleInputs(1, 'api')));
    expectProblem(await node.app.inject({ url: `/api/v1/ledger/receipts/${idx}`, headers: admin }), 'not_found', 404);
    expectProblem(await node.app.inject({ url: '/api/v1/ledger/receipts/9999999999999999', headers: admin }), 'not_found', 404);
    await node.app.inject({ method: 'POST', url: '/api/v1/ledger/checkpoint', headers: admin });
    expect(verifyReceipt(await getJson<unknown>(`/api/v1/ledger/receipts/${idx}`), vkey).index).toBe(BigInt(idx ?? -1));
  });

  it('bad parameters are 400 problems naming the field', async () => {
    const size = await node.ledger.size();
    const cases: Array<[string, string]> = [
      ['/api/v1/ledger/entries?start=abc', 'query /start'],
      ['/api/v1/ledger/entries?start=-1', 'query /start'],
      ['/api/v1/ledger/entries?end=1.5', 'query /end'],
      ['/api/v1/ledger/entries?start=10&end=5', 'query /end'],
      ['/api/v1/ledger/proofs/inclusion?size=5', 'query /index'],
      ['/api/v1/ledger/proofs/inclusion?index=0', 'query /size'],
      ['/api/v1/ledger/proofs/inclusion?index=x&size=5', 'query /index'],
      ['/api/v1/ledger/proofs/inclusion?index=5&size=5', 'query /index'],
      [`/api/v1/ledger/proofs/inclusion?index=${size}&size=${size}`, 'query /index'],
      [`/api/v1/ledger/proofs/inclusion?index=0&size=${size + 1}`, 'query /size'],
      ['/api/v1/ledger/proofs/consistency?from=0&to=5', 'query /from'],
      ['/api/v1/ledger/proofs/consistency?from=6&to=5', 'query /from'],
      [`/api/v1/ledger/proofs/consistency?from=1&to=${size + 1}`, 'query /to'],
      ['/api/v1/ledger/proofs/consistency?from=1', 'query /to'],
      ['/api/v1/ledger/receipts/abc', 'path /index'],
      ['/api/v1/ledger/receipts/-1', 'path /index'],
      ['/api/v1/ledger/receipts/007', 'path /index'],
    ];
    for (const [url, field] of cases) {
      const res: LightMyRequestResponse = await node.app.inject({ url, headers: admin });
      const p = expectProblem(res, 'validation_failed', 400);
      expect(fieldsOf(p), url).toContain(field);
    }
    const extra = expectProblem(await node.app.inject({ url: '/api/v1/ledger/entries?start=0&bogus=1', headers: admin }), 'validation_failed', 400);
    expect(JSON.stringify(extra)).toMatch(/bogus/);
  });
});
