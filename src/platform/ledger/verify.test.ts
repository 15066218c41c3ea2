import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import { appendBatches, appendN, dropTriggers, exec, ledgerOn, rolledBack, type LedgerFixture } from '../../../test/ledger/kit.ts';
import type { DB } from '../db/schema.ts';
import { formatCheckpoint } from './checkpoint.ts';
import { commitment, decodeEntry, encodeEntry, type LedgerEntry } from './entry.ts';
import { leafHash } from './merkle.ts';
import { ed25519Signer, encodeVerifierKey, signNote } from './note.ts';
import { appendToFrontier, type Frontier } from './plan.ts';
import * as store from './store.ts';
import { entryText, verifyLedger, type VerifyResult } from './verify.ts';

describe('entryText', () => {
  const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).filter((s) => s.isWellFormed());
  const entry: fc.Arbitrary<LedgerEntry> = fc.record({
    v: fc.constant(1 as const),
    seq: fc.maxSafeNat(),
    at: fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    node: text,
    actor: text,
    action: text,
    object: fc.record({ type: text, id: text }),
    commitment: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('base64url')),
  });

  it('is the text of encodeEntry (RFC 8785) for every valid entry', () => {
    fc.assert(
      fc.property(entry, (e) => {
        expect(entryText(e)).toBe(new TextDecoder().decode(encodeEntry(e)));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes what JCS escapes', () => {
    const e: LedgerEntry = {
      v: 1,
      seq: 9,
      at: '2026-01-01T00:00:00.000Z',
      node: 'comity/x',
      actor: 'a"b\\c\u0001\u001f\n\t\u2028é😀',
      action: 'x.y',
      object: { type: 't', id: '\u007f' },
      commitment: 'A'.repeat(43).replace(/A$/, 'A'),
    };
    expect(entryText(e)).toBe(new TextDecoder().decode(encodeEntry(e)));
  });
});

type Failure = VerifyResult & { ok: false };

function failure(r: VerifyResult): Failure {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r)}`);
  return r;
}

/** A healthy ledger: 3,000+ entries in uneven batches, a checkpoint after several of them, some details erased. */
const BATCHES = [1, 2, 5, 64, 200, 333, 1, 1000, 17, 500, 128, 250, 3, 498];
const CHECKPOINT_AFTER = new Set([0, 3, 5, 7, 10, 13]);
const ERASED = [4, 5, 6, 700, 701];

describeEachDialect('verifyLedger', (get, dialect) => {
  let f: LedgerFixture;
  let size = 0;
  let checkpointSizes: number[] = [];

  beforeAll(async () => {
    const db = get().db;
    f = ledgerOn(db);
    for (const [k, n] of BATCHES.entries()) {
      await appendBatches(db, f, [n]);
      if (CHECKPOINT_AFTER.has(k)) await f.ledger.issueCheckpoint();
    }
    await db.transaction().execute((trx) => f.ledger.eraseDetails(trx, ERASED, 'user:dpo', 'data subject request'));
    size = await f.ledger.size();
    checkpointSizes = (await store.allCheckpoints(db)).map((c) => c.size);
  });
  afterAll(() => f.cleanup());

  /** Runs `attack` with the triggers dropped, verifies inside the same transaction, rolls everything back. */
  const attacked = (attack: (trx: Transaction<DB>) => Promise<void>, batch?: number): Promise<Failure> =>
    rolledBack(get().db, async (trx) => {
      await dropTriggers(trx, dialect);
      await attack(trx);
      return failure(await verifyLedger(trx, f.ledger.vkey, batch === undefined ? {} : { batch }));
    });

  it('passes on a healthy ledger: every entry, subtree, commitment and checkpoint, counting erased details', async () => {
    expect(size).toBe(BATCHES.reduce((a, b) => a + b, 0) + 1);
    expect(checkpointSizes).toHaveLength(CHECKPOINT_AFTER.size);
    const expected = { ok: true, size, checkpoints: checkpointSizes.length, erased: ERASED.length };
    expect(await verifyLedger(get().db, f.ledger.vkey)).toEqual(expected);
    // Batch edges anywhere: one entry per batch, a prime, a power of two.
    for (const batch of [97, 1024]) expect(await verifyLedger(get().db, f.ledger.vkey, { batch })).toEqual(expected);
    // Inside a caller's transaction too.
    expect(await rolledBack(get().db, (trx) => verifyLedger(trx, f.ledger.vkey))).toEqual(expected);
  });

  it('an empty ledger verifies', async () => {
    await rolledBack(get().db, async (trx) => {
      await dropTriggers(trx, dialect);
      for (const t of ['ledger_entries', 'ledger_nodes', 'ledger_details', 'ledger_checkpoints']) await exec(trx, `delete from ${t}`);
      await exec(trx, `update ledger_state set size = 0, frontier = '[]'`);
      expect(await verifyLedger(trx, f.ledger.vkey)).toEqual({ ok: true, size: 0, checkpoints: 0, erased: 0 });
      return null;
    });
  });

  it('checks against the verifier key it is given: another key of the same name, another log', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const sameName = ed25519Signer(f.ledger.origin, privateKey);
    let r = failure(await verifyLedger(get().db, encodeVerifierKey(sameName.name, sameName.publicKey)));
    expect(r).toMatchObject({ index: 0, checkpointSize: 1, reason: expect.stringMatching(/^checkpoint at size 1 has no valid signature/) });
    const stranger = ed25519Signer('comity/stranger', privateKey);
    r = failure(await verifyLedger(get().db, encodeVerifierKey(stranger.name, stranger.publicKey)));
    expect(r).toMatchObject({ index: 0, reason: expect.stringMatching(/belongs to another log/) });
  });

  it('runs beside appends: entries appended during verification are not mistaken for tampering', async () => {
    const db = get().db;
    const before = await f.ledger.size();
    let stop = false;
    const appender = (async () => {
      let n = 0;
      while (!stop || n < 3) {
        await appendN(db, f.ledger, 7, 'during');
        n += 1;
      }
      return n;
    })();
    const results: VerifyResult[] = [];
    for (let k = 0; k < 2; k++) results.push(await verifyLedger(db, f.ledger.vkey, { batch: 256 }));
    stop = true;
    const appended = await appender;
    for (const r of results) {
      expect(r).toMatchObject({ ok: true });
      if (r.ok) expect(r.size).toBeGreaterThanOrEqual(before);
    }
    const after = await verifyLedger(db, f.ledger.vkey);
    expect(after).toMatchObject({ ok: true, size: before + 7 * appended });
    size = before + 7 * appended;
  });

  describe('tampering (the triggers dropped, as by an attacker with the database files) names the index', () => {
    it('one byte of a leaf changed', async () => {
      const r = await attacked((trx) => exec(trx, `update ledger_entries set leaf = replace(leaf, '"actor":"user:', '"actor":"usEr:') where idx = 1234`));
      expect(r).toMatchObject({ index: 1234, reason: expect.stringMatching(/leaf does not match its stored hash/) });
    });

    it('a leaf and its stored hash changed together: the stored subtree hashes give it away', async () => {
      const r = await attacked(async (trx) => {
        const [row] = await store.readEntries(trx, 1500, 1501);
        if (!row) throw new Error('no row');
        const leaf = row.leaf.replace('"actor":"user:', '"actor":"usEr:');
        await exec(trx, `update ledger_entries set leaf = ?, leaf_hash = ? where idx = 1500`, leaf, store.hex(leafHash(new TextEncoder().encode(leaf))));
      });
      expect(r).toMatchObject({ index: 1500, reason: expect.stringMatching(/subtree hash 0:1500 .* is wrong/) });
    });

    it('a row deleted (in the middle, the first, the last)', async () => {
      for (const idx of [777, 0, size - 1]) {
        const r = await attacked((trx) => exec(trx, `delete from ledger_entries where idx = ?`, idx), 500);
        expect(r).toMatchObject({ index: idx, reason: `entry ${idx} is missing` });
      }
    });

    it('rows reordered (two entries swapped)', async () => {
      const r = await attacked(async (trx) => {
        await exec(trx, `update ledger_entries set idx = -1 where idx = 2100`);
        await exec(trx, `update ledger_entries set idx = 2100 where idx = 2050`);
        await exec(trx, `update ledger_entries set idx = 2050 where idx = -1`);
      });
      expect(r).toMatchObject({ index: 2050, reason: 'entry 2050 says it is entry 2100' });
    });

    it('an indexed column that disagrees with the leaf', async () => {
      const r = await attacked((trx) => exec(trx, `update ledger_entries set object_id = 'someone-else' where idx = 42`));
      expect(r).toMatchObject({ index: 42, reason: expect.stringMatching(/indexed columns/) });
    });

    it('a details row changed (commitment mismatch), emptied, or deleted', async () => {
      let r = await attacked((trx) => exec(trx, `update ledger_details set details = '{"n":1}' where idx = 900`));
      expect(r).toMatchObject({ index: 900, reason: 'entry 900: the details do not match the commitment' });
      r = await attacked((trx) => exec(trx, `update ledger_details set salt = null, details = null where idx = 901`));
      expect(r).toMatchObject({ index: 901, reason: 'entry 901: the details do not match the commitment' });
      r = await attacked((trx) => exec(trx, `update ledger_details set details = 'not json' where idx = 902`));
      expect(r).toMatchObject({ index: 902, reason: 'entry 902: the details do not match the commitment' });
      r = await attacked((trx) => exec(trx, `update ledger_details set salt = '00' where idx = 903`));
      expect(r).toMatchObject({ index: 903, reason: 'entry 903: the details do not match the commitment' });
      r = await attacked((trx) => exec(trx, `delete from ledger_details where idx = 904`));
      expect(r).toMatchObject({ index: 904, reason: 'entry 904: its details row is missing' });
    });

    it('details in another spelling of the same JSON still open the commitment (rows written before JCS storage)', async () => {
      const ok = await rolledBack(get().db, async (trx) => {
        await dropTriggers(trx, dialect);
        const d = (await store.readDetails(trx, 905, 906)).get(905);
        const parsed = JSON.parse(d?.details ?? 'null') as Record<string, unknown>;
        const respelled = JSON.stringify(Object.fromEntries(Object.entries(parsed).reverse()), null, 2);
        expect(respelled).not.toBe(d?.details);
        await exec(trx, `update ledger_details set details = ? where idx = 905`, respelled);
        return verifyLedger(trx, f.ledger.vkey);
      });
      expect(ok).toMatchObject({ ok: true });
    });

    it('a subtree hash deleted, altered, or added', async () => {
      let r = await attacked((trx) => exec(trx, `delete from ledger_nodes where level = 4 and idx = 100`));
      // Node 4:100 covers entries 1600…1615: it is completed by entry 1615.
      expect(r).toMatchObject({ index: 1615, reason: 'stored subtree hash 4:100 (completed by entry 1615) is missing' });
      r = await attacked((trx) => exec(trx, `update ledger_nodes set hash = ? where level = 9 and idx = 2`, '00'.repeat(32)));
      expect(r).toMatchObject({ index: 1535, reason: 'stored subtree hash 9:2 (completed by entry 1535) is wrong' });
      r = await attacked((trx) => exec(trx, `update ledger_nodes set hash = ? where level = 0 and idx = 3`, '00'.repeat(32)));
      expect(r).toMatchObject({ index: 3 });
      r = await attacked((trx) => store.insertAppend(trx, [], [{ level: 1, idx: Math.floor(size / 2) + 5, hash: '11'.repeat(32) }], []));
      expect(r).toMatchObject({ index: size, reason: expect.stringMatching(/subtree hash 1:\d+ is stored that the tree of \d+ entries does not have/) });
      r = await attacked((trx) => store.insertAppend(trx, [], [{ level: 30, idx: 0, hash: '11'.repeat(32) }], []));
      expect(r).toMatchObject({ index: 0, reason: expect.stringMatching(/subtree hash 30:0 is stored/) });
    });

    it('the first wrong index wins when several things are wrong in one batch', async () => {
      const r = await attacked(async (trx) => {
        await exec(trx, `update ledger_entries set leaf = 'x' where idx = 1900`);
        await exec(trx, `update ledger_nodes set hash = ? where level = 2 and idx = 450`, '00'.repeat(32));
        await exec(trx, `update ledger_details set details = '[]' where idx = 1850`);
      });
      // Node 2:450 (entries 1800…1803) is completed by entry 1803, before the details of 1850 and the leaf of 1900.
      expect(r).toMatchObject({ index: 1803 });
    });

    it('a head that lies: more entries, fewer entries, another frontier', async () => {
      let r = await attacked((trx) => exec(trx, `update ledger_state set size = size + 1`));
      expect(r).toMatchObject({ index: size, reason: `entry ${size} is missing` });
      r = await attacked(async (trx) => {
        const head = await store.readHead(trx);
        const smaller = size - 2;
        // A consistent smaller head (its frontier recomputed), hiding the last two entries.
        let frontier: Frontier = [];
        const rows = await store.readEntries(trx, 0, smaller);
        for (const row of rows) frontier = appendToFrontier(frontier, BigInt(row.idx), store.unhex(row.leafHash)).frontier;
        await store.writeHead(trx, { size: smaller, frontier, configDigest: head.configDigest }, new Date());
      });
      expect(r).toMatchObject({ index: size - 2, reason: `entries up to ${size - 1} are stored but the head counts ${size - 2}` });
      r = await attacked(async (trx) => {
        const head = await store.readHead(trx);
        const frontier = head.frontier.map((h, k) => (k === 0 ? new Uint8Array(32) : h));
        await store.writeHead(trx, { ...head, frontier }, new Date());
      });
      expect(r).toMatchObject({ index: size - 1, reason: 'the head frontier does not match the recomputed tree' });
    });

    it('a forged checkpoint: wrong root, another key, a note of another tree, beyond the head', async () => {
      const db = get().db;
      const [, second] = await store.allCheckpoints(db);
      if (!second) throw new Error('no second checkpoint');
      // An extra checkpoint at an unused size, with a made-up root.
      let r = await attacked((trx) => store.insertCheckpoint(trx, { size: 1111, rootHash: 'ab'.repeat(32), note: 'forged', createdAt: new Date() }));
      expect(r).toMatchObject({ index: 1110, checkpointSize: 1111, reason: 'checkpoint at size 1111 does not match the recomputed tree' });
      // The right root, signed by someone else under the log's name.
      const root = await f.ledger.root(1111);
      const { privateKey } = generateKeyPairSync('ed25519');
      const impostor = ed25519Signer(f.ledger.origin, privateKey);
      const note = signNote(formatCheckpoint({ origin: f.ledger.origin, size: 1111n, rootHash: root }), [impostor]);
      r = await attacked((trx) => store.insertCheckpoint(trx, { size: 1111, rootHash: store.hex(root), note, createdAt: new Date() }));
      expect(r).toMatchObject({ index: 1110, checkpointSize: 1111, reason: expect.stringMatching(/checkpoint at size 1111 has no valid signature/) });
      // A genuine checkpoint's row altered to carry the genuine note of another size.
      const [first] = await store.allCheckpoints(db);
      r = await attacked((trx) => exec(trx, `update ledger_checkpoints set note = ? where size = ?`, first?.note, second.size));
      expect(r).toMatchObject({ index: second.size - 1, checkpointSize: second.size, reason: `the signed note of checkpoint ${second.size} names another tree` });
      // A checkpoint the tree has not reached.
      r = await attacked((trx) => store.insertCheckpoint(trx, { size: size + 10, rootHash: 'ab'.repeat(32), note: 'forged', createdAt: new Date() }));
      expect(r).toMatchObject({ index: size, checkpointSize: size + 10 });
    });

    it('history rewritten consistently (leaf, hashes, subtrees, head): the signed checkpoints catch it', async () => {
      const k = 1000;
      const covering = checkpointSizes.find((s) => s > k);
      if (covering === undefined) throw new Error('no checkpoint covers the entry');
      const r = await attacked(async (trx) => {
        const rows = await store.readEntries(trx, 0, size);
        const row = rows[k];
        if (!row) throw new Error('no row');
        const e = decodeEntry(new TextEncoder().encode(row.leaf));
        const forged = new TextDecoder().decode(encodeEntry({ ...e, actor: 'user:someone-else' }));
        await exec(trx, `update ledger_entries set leaf = ?, leaf_hash = ? where idx = ?`, forged, store.hex(leafHash(new TextEncoder().encode(forged))), k);
        await exec(trx, `delete from ledger_nodes`);
        let frontier: Frontier = [];
        const nodes: store.NodeRow[] = [];
        for (const x of rows) {
          const lh = leafHash(new TextEncoder().encode(x.idx === k ? forged : x.leaf));
          const a = appendToFrontier(frontier, BigInt(x.idx), lh);
          frontier = a.frontier;
          for (const n of a.newNodes) nodes.push({ level: n.level, idx: Number(n.index), hash: store.hex(n.hash) });
        }
        await store.insertAppend(trx, [], nodes, []);
        const head = await store.readHead(trx);
        await store.writeHead(trx, { ...head, frontier }, new Date());
      });
      expect(r).toMatchObject({ index: covering - 1, checkpointSize: covering, reason: `checkpoint at size ${covering} does not match the recomputed tree` });
    });

    it('a malformed leaf (hash updated to match) and an entry of another log', async () => {
      let r = await attacked(async (trx) => {
        const leaf = '{"not":"an entry"}';
        await exec(trx, `update ledger_entries set leaf = ?, leaf_hash = ? where idx = 50`, leaf, store.hex(leafHash(new TextEncoder().encode(leaf))));
      });
      expect(r).toMatchObject({ index: 50, reason: expect.stringMatching(/^entry 50 is malformed/) });
      r = await attacked(async (trx) => {
        const [row] = await store.readEntries(trx, 51, 52);
        const e = decodeEntry(new TextEncoder().encode(row?.leaf ?? ''));
        const leaf = ` ${row?.leaf ?? ''}`;
        await exec(trx, `update ledger_entries set leaf = ?, leaf_hash = ? where idx = 51`, leaf, store.hex(leafHash(new TextEncoder().encode(leaf))));
        expect(e.seq).toBe(51);
      });
      expect(r).toMatchObject({ index: 51, reason: 'entry 51 is malformed: the leaf is not the canonical encoding of its entry' });
    });

    it('the fallback commitment check refuses details that only look alike', async () => {
      const r = await attacked(async (trx) => {
        const d = (await store.readDetails(trx, 906, 907)).get(906);
        const parsed = JSON.parse(d?.details ?? 'null') as { n: number };
        // Same keys, other value: the salted commitment no longer opens.
        await exec(trx, `update ledger_details set details = ? where idx = 906`, JSON.stringify({ ...parsed, n: parsed.n + 1 }));
        expect(commitment(Buffer.from(d?.salt ?? '', 'hex'), parsed)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      });
      expect(r).toMatchObject({ index: 906, reason: 'entry 906: the details do not match the commitment' });
    });
  });
});
