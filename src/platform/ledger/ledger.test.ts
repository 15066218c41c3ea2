import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import { appendN, dropTriggers, exec, freshLedger, leafHashes, ledgerOn, sampleInputs, type LedgerFixture } from '../../../test/ledger/kit.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { openCheckpoint } from './checkpoint.ts';
import { canonicalJson, commitment, decodeEntry } from './entry.ts';
import { isLedgerError } from './errors.ts';
import { actorRef } from './ledger.ts';
import { openLedger } from './open.ts';
import { EMPTY_ROOT, leafHash, rootFromLeafHashes, verifyConsistency, verifyInclusion } from './merkle.ts';
import { parseVerifierKey } from './note.ts';
import { appendToFrontier, consistencyPlan, decompose, type Frontier } from './plan.ts';
import { verifyReceipt } from './receipt.ts';
import * as store from './store.ts';
import { verifyLedger } from './verify.ts';

const flip = (h: Uint8Array, bit: number): Uint8Array => {
  const out = Uint8Array.from(h);
  const at = (bit >> 3) % out.length;
  out[at] = (out[at] ?? 0) ^ (1 << (bit & 7));
  return out;
};

/** Expects `fn` to throw the ledger's proof error. */
function refused(fn: () => void, what: string): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(isLedgerError(error, 'ERR_PROOF'), `${what} should not verify`).toBe(true);
}

function validationPointer(e: unknown): string | undefined {
  if (!(e instanceof AppError) || e.code !== 'validation_failed') throw new Error(`expected validation_failed, got ${String(e)}`);
  return e.errors?.[0]?.pointer;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('actorRef', () => {
  it('names operators and users', () => {
    expect(actorRef({ userId: 'u1', username: 'ana', roles: [], via: 'cli' })).toBe('operator:ana');
    expect(actorRef({ userId: 'u1', username: 'ana', roles: [], via: 'token' })).toBe('user:u1');
  });
});

describeEachDialect('Ledger', (get, dialect) => {
  let f: LedgerFixture;
  beforeAll(() => {
    f = ledgerOn(get().db);
  });
  afterAll(() => f.cleanup());

  it('an empty ledger: size 0, the empty root, nothing to sign, no receipts', async () => {
    expect(await f.ledger.size()).toBe(0);
    expect(await f.ledger.root(0)).toEqual(EMPTY_ROOT);
    expect(await f.ledger.issueCheckpoint()).toBeUndefined();
    expect(await f.ledger.latestCheckpoint()).toBeUndefined();
    expect(await rejection(f.ledger.receipt(0))).toMatchObject({ code: 'not_found' });
    expect(await f.ledger.append(get().db, [])).toEqual([]);
    expect(await f.ledger.size()).toBe(0);
  });

  it('random appends, then inclusion proofs for random (index, size) and consistency proofs for random (m, n) verify — against ledger.root and a root computed from the leaf bytes; mutated proofs never do', async () => {
    const db = get().db;
    const { ledger } = f;
    const hashes: Uint8Array[] = [];
    const roots = new Map<number, Uint8Array>();
    /** MTH of the first n leaves, from leaf hashes computed here (RFC 9162, stack algorithm of merkle.ts). */
    const independentRoot = (n: number): Uint8Array => {
      let r = roots.get(n);
      if (r === undefined) {
        r = rootFromLeafHashes(hashes.slice(0, n));
        roots.set(n, r);
      }
      return r;
    };
    let checkedIncl = 0;
    let checkedCons = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 2, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 2, maxLength: 6 }),
        fc.nat(),
        async (batches, incl, cons, seed) => {
          for (const n of batches) await db.transaction().execute((trx) => ledger.append(trx, sampleInputs(n, 'prop')));
          const size = await ledger.size();
          hashes.push(...(await leafHashes(db, hashes.length, size)));
          expect(hashes).toHaveLength(size);
          // Always include the edges: the whole tree, its last leaf, the full range of consistency.
          const pairs: Array<[number, number]> = [[size - 1, size], ...incl.map(([a, b]): [number, number] => [a % (1 + (b % size)), 1 + (b % size)])];
          for (const [index, n] of pairs) {
            const proof = await ledger.inclusionProof(index, n);
            const root = await ledger.root(n);
            expect(root).toEqual(independentRoot(n));
            const leaf = hashes[index] as Uint8Array;
            verifyInclusion(BigInt(index), BigInt(n), leaf, proof, root);
            checkedIncl += 1;
            if (proof.length > 0) {
              const j = seed % proof.length;
              refused(() => verifyInclusion(BigInt(index), BigInt(n), leaf, proof.map((p, k) => (k === j ? flip(p, seed) : p)), root), 'a proof with a flipped bit');
              refused(() => verifyInclusion(BigInt(index), BigInt(n), leaf, proof.slice(0, -1), root), 'a shortened proof');
              refused(() => verifyInclusion(BigInt(index), BigInt(n), flip(leaf, seed), proof, root), 'another leaf');
              refused(() => verifyInclusion(BigInt((index + 1) % n), BigInt(n), leaf, proof, root), 'the proof at another index');
              refused(() => verifyInclusion(BigInt(index), BigInt(n), leaf, proof, flip(root, seed)), 'another root');
              if (proof.length > 1 && !Buffer.from(proof[0] as Uint8Array).equals(Buffer.from(proof[1] as Uint8Array)))
                refused(() => verifyInclusion(BigInt(index), BigInt(n), leaf, [proof[1] as Uint8Array, proof[0] as Uint8Array, ...proof.slice(2)], root), 'swapped elements');
            }
            refused(() => verifyInclusion(BigInt(index), BigInt(n), leaf, [...proof, randomBytes(32)], root), 'a lengthened proof');
          }
          const ranges: Array<[number, number]> = [[1, size], [size, size], ...cons.map(([a, b]): [number, number] => [1 + (a % (1 + (b % size))), 1 + (b % size)])];
          for (const [m, n] of ranges) {
            const proof = await ledger.consistencyProof(m, n);
            const r1 = await ledger.root(m);
            const r2 = await ledger.root(n);
            expect([r1, r2]).toEqual([independentRoot(m), independentRoot(n)]);
            verifyConsistency(BigInt(m), BigInt(n), proof, r1, r2);
            checkedCons += 1;
            refused(() => verifyConsistency(BigInt(m), BigInt(n), [...proof, randomBytes(32)], r1, r2), 'a lengthened consistency proof');
            refused(() => verifyConsistency(BigInt(m), BigInt(n), proof, flip(r1, seed), r2), 'another first root');
            refused(() => verifyConsistency(BigInt(m), BigInt(n), proof, r1, flip(r2, seed)), 'another second root');
            if (proof.length > 0) {
              const j = seed % proof.length;
              refused(() => verifyConsistency(BigInt(m), BigInt(n), proof.map((p, k) => (k === j ? flip(p, seed) : p)), r1, r2), 'a consistency proof with a flipped bit');
              refused(() => verifyConsistency(BigInt(m), BigInt(n), proof.slice(0, -1), r1, r2), 'a shortened consistency proof');
              refused(() => verifyConsistency(BigInt(m), BigInt(n), proof, r2, r1), 'swapped roots');
            }
          }
        },
      ),
      { numRuns: 25 },
    );
    expect(checkedIncl).toBeGreaterThan(50);
    expect(checkedCons).toBeGreaterThan(50);
    expect(await verifyLedger(db, ledger.vkey)).toMatchObject({ ok: true, size: hashes.length });
  });

  it('proofs at every (index, size) and (m, n) of a small prefix verify', async () => {
    const hashes = await leafHashes(get().db, 0, 34);
    for (let n = 1; n <= 34; n++) {
      const root = await f.ledger.root(n);
      expect(root).toEqual(rootFromLeafHashes(hashes.slice(0, n)));
      for (let i = 0; i < n; i++) verifyInclusion(BigInt(i), BigInt(n), hashes[i] as Uint8Array, await f.ledger.inclusionProof(i, n), root);
      for (let m = 1; m <= n; m++) verifyConsistency(BigInt(m), BigInt(n), await f.ledger.consistencyProof(m, n), await f.ledger.root(m), root);
    }
  });

  it('refuses sizes and indices outside the tree, naming the parameter', async () => {
    const size = await f.ledger.size();
    expect(validationPointer(await rejection(f.ledger.root(size + 1)))).toBe('/size');
    expect(validationPointer(await rejection(f.ledger.root(-1)))).toBe('/size');
    expect(validationPointer(await rejection(f.ledger.root(1.5)))).toBe('/size');
    expect(validationPointer(await rejection(f.ledger.inclusionProof(0, size + 1)))).toBe('/size');
    expect(validationPointer(await rejection(f.ledger.inclusionProof(5, 5)))).toBe('/index');
    expect(validationPointer(await rejection(f.ledger.inclusionProof(-1, 5)))).toBe('/index');
    expect(validationPointer(await rejection(f.ledger.inclusionProof(0, 0)))).toBe('/index');
    expect(validationPointer(await rejection(f.ledger.consistencyProof(0, 5)))).toBe('/from');
    expect(validationPointer(await rejection(f.ledger.consistencyProof(6, 5)))).toBe('/from');
    expect(validationPointer(await rejection(f.ledger.consistencyProof(1, size + 1)))).toBe('/to');
    expect(await f.ledger.consistencyProof(5, 5)).toEqual([]);
  });

  it('append writes the entry the design describes: canonical leaf, salted commitment, details as their JCS text', async () => {
    const db = get().db;
    f.clock.set('2026-04-01T12:34:56.789Z');
    const details = { z: 1, a: [true, null, 'é'], nested: { y: 2.5, b: 'x' } };
    const [idx] = await db.transaction().execute((trx) =>
      f.ledger.append(trx, { actor: 'user:42', action: 'case.create', object: { type: 'case', id: 'c-1' }, details }),
    );
    if (idx === undefined) throw new Error('no index');
    const [row] = await f.ledger.entries(idx, idx + 1);
    if (!row) throw new Error('no row');
    const entry = decodeEntry(new TextEncoder().encode(row.leaf));
    expect(entry).toMatchObject({ v: 1, seq: idx, at: '2026-04-01T12:34:56.789Z', node: f.ledger.origin, actor: 'user:42', action: 'case.create', object: { type: 'case', id: 'c-1' } });
    expect(row.leafHash).toBe(store.hex(leafHash(new TextEncoder().encode(row.leaf))));
    expect([row.action, row.objectType, row.objectId]).toEqual(['case.create', 'case', 'c-1']);
    const d = (await store.readDetails(db, idx, idx + 1)).get(idx);
    expect(d?.details).toBe(canonicalJson(details));
    expect(d?.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(commitment(Buffer.from(d?.salt ?? '', 'hex'), JSON.parse(d?.details ?? 'null'))).toBe(entry.commitment);
    // Every append draws a fresh salt: the same details never give the same commitment twice.
    const two = await db.transaction().execute((trx) =>
      f.ledger.append(trx, [0, 1].map(() => ({ actor: 'system', action: 'x.y', object: { type: 't', id: '1' }, details: { same: true } }))),
    );
    const salts = await store.readDetails(db, two[0] ?? 0, (two[1] ?? 0) + 1);
    expect(new Set([...salts.values()].map((s) => s.salt)).size).toBe(2);
    // No details: the commitment is to {}.
    const [bare] = await db.transaction().execute((trx) => f.ledger.append(trx, { actor: 'system', action: 'x.bare', object: { type: 't', id: '2' } }));
    expect((await store.readDetails(db, bare ?? 0, (bare ?? 0) + 1)).get(bare ?? 0)?.details).toBe('{}');
  });

  it('append is part of its transaction: a rolled-back change leaves no entry and no gap; bad input appends nothing', async () => {
    const db = get().db;
    const before = await f.ledger.size();
    await expect(
      db.transaction().execute(async (trx) => {
        await f.ledger.append(trx, sampleInputs(3));
        throw new Error('the service failed after appending');
      }),
    ).rejects.toThrow('the service failed');
    expect(await f.ledger.size()).toBe(before);
    for (const details of [{ when: new Date() }, { n: Number.NaN }, { u: undefined }, [1, , 3]]) {
      const e = await rejection(db.transaction().execute((trx) => f.ledger.append(trx, [...sampleInputs(1), { actor: 'a', action: 'b.c', object: { type: 't', id: '1' }, details }])));
      expect(isLedgerError(e, 'ERR_COMMITMENT')).toBe(true);
    }
    const e = await rejection(db.transaction().execute((trx) => f.ledger.append(trx, { actor: '', action: 'b.c', object: { type: 't', id: '1' } })));
    expect(isLedgerError(e, 'ERR_MALFORMED_ENTRY')).toBe(true);
    expect(await f.ledger.size()).toBe(before);
    expect(await appendN(db, f.ledger, 2)).toEqual([before, before + 1]);
  });

  it('concurrent appends are serialised: distinct, gap-free indices', async () => {
    const db = get().db;
    const before = await f.ledger.size();
    const results = await Promise.all(Array.from({ length: 12 }, (_, k) => appendN(db, f.ledger, 1 + (k % 4))));
    const all = results.flat().sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => before + i));
    for (const r of results) expect(r).toEqual(Array.from({ length: r.length }, (_, i) => (r[0] ?? 0) + i));
    expect(await verifyLedger(db, f.ledger.vkey)).toMatchObject({ ok: true, size: before + all.length });
  });

  describe('checkpoints', () => {
    it('signs only when the tree grew, keeps every checkpoint, each opens with the vkey at ledger.root(size)', async () => {
      const db = get().db;
      const verifier = parseVerifierKey(f.ledger.vkey);
      const first = await f.ledger.issueCheckpoint();
      if (!first) throw new Error('no checkpoint');
      expect(first.size).toBe(await f.ledger.size());
      f.clock.advance(60_000);
      expect(await f.ledger.issueCheckpoint()).toEqual(first);
      await appendN(db, f.ledger, 5);
      const second = await f.ledger.issueCheckpoint();
      expect(second?.size).toBe(first.size + 5);
      await appendN(db, f.ledger, 1);
      const third = await f.ledger.issueCheckpoint();
      expect(third?.size).toBe(first.size + 6);
      expect(await f.ledger.latestCheckpoint()).toEqual(third);
      const all = await store.allCheckpoints(db);
      expect(all.map((c) => c.size)).toEqual([first.size, first.size + 5, first.size + 6]);
      for (const cp of all) {
        const opened = openCheckpoint(cp.note, verifier, f.ledger.origin);
        expect(opened.size).toBe(BigInt(cp.size));
        expect(opened.rootHash).toEqual(await f.ledger.root(cp.size));
        expect(cp.rootHash).toBe(store.hex(opened.rootHash));
      }
      expect(await verifyLedger(db, f.ledger.vkey)).toMatchObject({ ok: true, checkpoints: 3 });
    });

    it('calls racing at the same size leave exactly one checkpoint', async () => {
      const db = get().db;
      await appendN(db, f.ledger, 3);
      const size = await f.ledger.size();
      const before = (await store.allCheckpoints(db)).length;
      // A second ledger object on its own connection pool (PostgreSQL: truly concurrent transactions).
      const other = dialect === 'postgres' ? openDatabase({ url: await databaseUrl(), poolSize: 4 }) : null;
      try {
        const second = other ? openLedger({ db: other.db, clock: f.clock, dataDir: f.dataDir }).ledger : f.ledger;
        const got = await Promise.all([f.ledger.issueCheckpoint(), second.issueCheckpoint(), f.ledger.issueCheckpoint(), second.issueCheckpoint()]);
        for (const cp of got) expect(cp?.size).toBe(size);
        expect(new Set(got.map((c) => c?.note)).size).toBe(1);
      } finally {
        await other?.close();
      }
      const after = await store.allCheckpoints(db);
      expect(after).toHaveLength(before + 1);
      expect(after.filter((c) => c.size === size)).toHaveLength(1);
    });
  });

  describe('receipts', () => {
    it('verify offline with the vkey alone; name the first checkpoint that covers the entry', async () => {
      const db = get().db;
      const cps = await store.allCheckpoints(db);
      const [c1, c2] = cps;
      if (!c1 || !c2) throw new Error('checkpoints missing');
      for (const [index, cover] of [[0, c1.size], [c1.size - 1, c1.size], [c1.size, c2.size], [c2.size - 1, c2.size]] as const) {
        const receipt = await f.ledger.receipt(index);
        const v = verifyReceipt(JSON.parse(JSON.stringify(receipt)), f.ledger.vkey);
        expect(v).toMatchObject({ index: BigInt(index), size: BigInt(cover), origin: f.ledger.origin });
        expect(v.entry.seq).toBe(index);
        // The receipt's proof, changed in one bit, fails.
        const forged = { ...receipt, proof: receipt.proof.map((p, k) => (k === 0 ? Buffer.from(flip(Buffer.from(p, 'base64'), 3)).toString('base64') : p)) };
        if (forged.proof.length > 0) expect(() => verifyReceipt(forged, f.ledger.vkey)).toThrow(expect.objectContaining({ code: 'ERR_PROOF' }));
      }
    });

    it('an entry that no checkpoint covers yet: not_found, until one is signed', async () => {
      const db = get().db;
      const [idx] = await appendN(db, f.ledger, 1);
      if (idx === undefined) throw new Error('no index');
      expect(await rejection(f.ledger.receipt(idx))).toMatchObject({ code: 'not_found' });
      expect(await rejection(f.ledger.receipt(idx + 100))).toMatchObject({ code: 'not_found' });
      await f.ledger.issueCheckpoint();
      expect(verifyReceipt(await f.ledger.receipt(idx), f.ledger.vkey).index).toBe(BigInt(idx));
    });
  });

  describe('erasure', () => {
    it('nulls the details, appends ledger.details_erased, and the ledger still verifies (counting the erased)', async () => {
      const db = get().db;
      const targets = await appendN(db, f.ledger, 4, 'personal');
      await f.ledger.issueCheckpoint();
      const before = await f.ledger.size();
      f.clock.advance(1000);
      const n = await db.transaction().execute((trx) => f.ledger.eraseDetails(trx, [...targets, 999_999], 'user:dpo', 'data subject request'));
      expect(n).toBe(4);
      const details = await store.readDetails(db, targets[0] ?? 0, (targets.at(-1) ?? 0) + 1);
      for (const t of targets) expect(details.get(t)).toEqual({ salt: null, details: null, erasedAt: f.clock.now() });
      expect(await f.ledger.size()).toBe(before + 1);
      const [row] = await f.ledger.entries(before, before + 1);
      const entry = decodeEntry(new TextEncoder().encode(row?.leaf ?? ''));
      expect(entry).toMatchObject({ action: 'ledger.details_erased', actor: 'user:dpo', object: { type: 'ledger', id: f.ledger.origin } });
      const recorded = (await store.readDetails(db, before, before + 1)).get(before);
      expect(JSON.parse(recorded?.details ?? 'null')).toEqual({ count: 4, first: targets[0], last: 999_999, reason: 'data subject request' });
      // Leaves and proofs are untouched: receipts of erased entries still verify.
      for (const t of targets) expect(verifyReceipt(await f.ledger.receipt(t), f.ledger.vkey).entry.seq).toBe(t);
      const v = await verifyLedger(db, f.ledger.vkey);
      expect(v).toMatchObject({ ok: true, size: before + 1, erased: 4 });
      // Erasing again changes nothing and records nothing.
      expect(await db.transaction().execute((trx) => f.ledger.eraseDetails(trx, targets, 'user:dpo', 'again'))).toBe(0);
      expect(await f.ledger.size()).toBe(before + 1);
    });
  });

  it('recordConfiguration appends node.configuration only when the digest changes', async () => {
    const db = get().db;
    const before = await f.ledger.size();
    expect(await f.ledger.recordConfiguration({ port: 8080 }, 'digest-1')).toBe(true);
    expect(await f.ledger.recordConfiguration({ port: 8080 }, 'digest-1')).toBe(false);
    expect(await f.ledger.recordConfiguration({ port: 9090 }, 'digest-2')).toBe(true);
    expect(await f.ledger.size()).toBe(before + 2);
    expect((await f.ledger.entries(before, before + 2)).map((e) => e.action)).toEqual(['node.configuration', 'node.configuration']);
    expect((await store.readHead(db)).configDigest).toBe('digest-2');
    // The digest survives later appends.
    await appendN(db, f.ledger, 1);
    expect((await store.readHead(db)).configDigest).toBe('digest-2');
  });

  /** The URL of the database under test (PostgreSQL: for a second pool). */
  async function databaseUrl(): Promise<string> {
    const r = await get().db.selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name')).executeTakeFirstOrThrow();
    const url = new URL(process.env.COMITY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${r.name}`;
    return url.toString();
  }
});

describeEachDialect('issueCheckpoint before signing', (_get, dialect) => {
  it('refuses to sign a tree inconsistent with the last checkpoint (a forged node, a forged head, rewritten history)', async () => {
    const x = await freshLedger(dialect);
    try {
      const db = x.database.db;
      await appendN(db, x.ledger, 2100);
      const cp = await x.ledger.issueCheckpoint();
      expect(cp?.size).toBe(2100);
      await appendN(db, x.ledger, 50);
      await dropTriggers(db, dialect);
      const count = async () => (await store.allCheckpoints(db)).length;

      // 1. A subtree hash under the last checkpoint that the consistency proof 2100 → 2150 uses: the highest one
      // (level 11, entries 0…2047), which serving a proof has just put in the ledger's memory — signing must
      // still read what the database holds.
      const proof = await x.ledger.consistencyProof(2100, 2150);
      verifyConsistency(2100n, 2150n, proof, await x.ledger.root(2100), await x.ledger.root(2150));
      const under = consistencyPlan(2100n, 2150n)
        .flatMap((r) => decompose(r))
        .filter((n) => (n.index + 1n) * 2n ** BigInt(n.level) <= 2100n)
        .sort((p, q) => q.level - p.level)[0];
      expect(under).toEqual({ level: 11, index: 0n });
      if (!under) throw new Error('no node under the checkpoint in the proof');
      const [orig] = await store.readNodeRange(db, under.level, Number(under.index), Number(under.index));
      await exec(db, `update ledger_nodes set hash = ? where level = ? and idx = ?`, 'ff'.repeat(32), under.level, Number(under.index));
      expect(await rejection(x.ledger.issueCheckpoint())).toMatchObject({ code: 'ERR_PROOF' });
      expect(await count()).toBe(1);
      // So does full verification.
      expect(await verifyLedger(db, x.ledger.vkey)).toMatchObject({ ok: false, index: 2047 });
      await exec(db, `update ledger_nodes set hash = ? where level = ? and idx = ?`, orig?.hash, under.level, Number(under.index));

      // 2. A head whose frontier was replaced.
      const head = await store.readHead(db);
      await store.writeHead(db, { ...head, frontier: head.frontier.map((h, k) => (k === head.frontier.length - 1 ? new Uint8Array(32).fill(7) : h)) }, new Date());
      expect(await rejection(x.ledger.issueCheckpoint())).toMatchObject({ code: 'ERR_PROOF' });
      expect(await count()).toBe(1);
      await store.writeHead(db, head, new Date());

      // Restored, it signs.
      expect((await x.ledger.issueCheckpoint())?.size).toBe(2150);
      await appendN(db, x.ledger, 10);

      // 3. History rewritten consistently below the last checkpoint: entry 20, every subtree hash, the head.
      const rows = await store.readEntries(db, 0, 2160);
      const e = decodeEntry(new TextEncoder().encode(rows[20]?.leaf ?? ''));
      const forged = JSON.stringify({ ...JSON.parse(rows[20]?.leaf ?? '{}'), actor: 'user:nobody' });
      expect(e.actor).not.toBe('user:nobody');
      await exec(db, `update ledger_entries set leaf = ? where idx = 20`, forged);
      await exec(db, `delete from ledger_nodes`);
      let frontier: Frontier = [];
      const nodes: store.NodeRow[] = [];
      for (const r of rows) {
        const a = appendToFrontier(frontier, BigInt(r.idx), leafHash(new TextEncoder().encode(r.idx === 20 ? forged : r.leaf)));
        frontier = a.frontier;
        for (const n of a.newNodes) nodes.push({ level: n.level, idx: Number(n.index), hash: store.hex(n.hash) });
      }
      await store.insertAppend(db, [], nodes, []);
      await store.writeHead(db, { ...(await store.readHead(db)), frontier }, new Date());
      expect(await rejection(x.ledger.issueCheckpoint())).toMatchObject({ code: 'ERR_PROOF' });
      expect((await store.allCheckpoints(db)).map((c) => c.size)).toEqual([2100, 2150]);
    } finally {
      await x.close();
    }
  });

  it('a fresh database: migrations then a ledger that works end to end', async () => {
    const x = await freshLedger(dialect);
    try {
      await migrateToLatest(x.database);
      await appendN(x.database.db, x.ledger, 3);
      expect(await x.ledger.issueCheckpoint()).toMatchObject({ size: 3 });
      expect(await verifyLedger(x.database.db, x.ledger.vkey)).toEqual({ ok: true, size: 3, checkpoints: 1, erased: 0 });
    } finally {
      await x.close();
    }
  });
});
