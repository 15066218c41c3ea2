import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '../../src/platform/db/database.ts';
import { VerifyError, verifyReceipt } from '../../web/src/features/ledger/verify.ts';
import { buildTestNode, createUser, type TestNode } from '../kit/node.ts';

/**
 * The browser's receipt verifier (WebCrypto only, no code shared with the node) on real receipts of a node, and
 * on tampered ones: each defect is refused with its code. Runs on Node's WebCrypto, which the browser's matches.
 */
describe('web receipt verifier (web/src/features/ledger/verify.ts)', () => {
  let database: Database;
  let node: TestNode;
  let receipt: { v: 1; index: string; leaf: string; proof: string[]; checkpoint: string };
  let vkey: string;

  beforeAll(async () => {
    database = openDatabase({ url: ':memory:' });
    await migrateToLatest(database);
    node = await buildTestNode(database);
    for (let i = 0; i < 6; i++) await createUser(node, ['investigator']);
    await node.ledger.issueCheckpoint();
    receipt = (await node.ledger.receipt(3)) as typeof receipt;
    vkey = node.ledger.vkey;
  });

  afterAll(async () => {
    await node?.close();
    await database?.close();
  });

  const code = async (r: unknown, k = vkey): Promise<string> => {
    try {
      await verifyReceipt(r, k);
      return 'ok';
    } catch (e) {
      return e instanceof VerifyError ? e.code : `unexpected: ${String(e)}`;
    }
  };

  it('accepts a real receipt (object or JSON text) and returns its entry', async () => {
    const r = await verifyReceipt(JSON.stringify(receipt), vkey);
    expect(r.index).toBe(3);
    expect(r.entry.seq).toBe(3);
    expect(r.origin).toBe(vkey.split('+')[0]);
    expect(r.entry.action).toBe('user.create');
    for (let i = 0; i < 6; i++) expect(await code(await node.ledger.receipt(i))).toBe('ok');
  });

  it('refuses every tampering with the right code', async () => {
    const leaf = Buffer.from(receipt.leaf, 'base64').toString('utf8').replace('user.create', 'user.delete');
    expect(await code({ ...receipt, leaf: Buffer.from(leaf).toString('base64') })).toBe('bad_proof');
    expect(await code({ ...receipt, proof: [Buffer.alloc(32).toString('base64'), ...receipt.proof.slice(1)] })).toBe('bad_proof');
    expect(await code({ ...receipt, proof: receipt.proof.slice(1) })).toBe('bad_proof');
    expect(await code({ ...receipt, index: '2' })).toBe('bad_proof');
    expect(await code({ ...receipt, checkpoint: receipt.checkpoint.replace(/\n\d+\n/, '\n999\n') })).toBe('bad_signature');
    const sig = receipt.checkpoint.split('\n').at(-2) ?? '';
    const badSig = sig.slice(0, -6) + (sig.slice(-6, -5) === 'A' ? 'B' : 'A') + sig.slice(-5);
    expect(await code({ ...receipt, checkpoint: receipt.checkpoint.replace(sig, badSig) })).toMatch(/bad_signature|bad_note/);
    expect(await code({ ...receipt, v: 2 })).toBe('bad_receipt');
    expect(await code('not json')).toBe('bad_receipt');
  });

  it('trusts only the given key', async () => {
    const other = await buildTestNode(database);
    try {
      expect(await code(receipt, other.ledger.vkey)).toBe('no_signature');
    } finally {
      await other.close();
    }
    expect(await code(receipt, vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))).toBe('bad_key');
    expect(await code(receipt, 'garbage')).toBe('bad_key');
  });
});
