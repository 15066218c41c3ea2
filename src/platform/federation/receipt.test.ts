import { CompactSign } from 'jose';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids.ts';
import { directoryKeyIndex, type DirectoryKeyIndex } from './directory.ts';
import { FederationError } from './errors.ts';
import { newKey, testDirectory, testNode, type TestNodeKeys } from './fixtures.test-util.ts';
import { RECEIPT_TYP, signReceipt, verifyReceipt, type ReceiptPayload } from './receipt.ts';

const NOW = new Date('2025-06-01T12:00:00Z');
let A: TestNodeKeys;
let B: TestNodeKeys;
let index: DirectoryKeyIndex;
let receipt: ReceiptPayload;

beforeAll(() => {
  A = testNode('node-a', 'XA');
  B = testNode('node-b', 'XB');
  index = directoryKeyIndex(testDirectory(newKey('ed25519').kid, [A, B]));
  receipt = { msg: newId(), digest: randomBytes(32).toString('base64url'), from: A.nodeId, by: B.nodeId, receivedAt: NOW.toISOString() };
});

const expectOf = (r: ReceiptPayload) => ({ msg: r.msg, digest: r.digest, by: r.by, from: r.from });

async function code(jws: string, over: Partial<Parameters<typeof verifyReceipt>[1]> = {}): Promise<string> {
  try {
    await verifyReceipt(jws, { expect: expectOf(receipt), resolveKey: index.resolve, now: NOW, ...over });
  } catch (e) {
    expect(e).toBeInstanceOf(FederationError);
    return (e as FederationError).code;
  }
  return 'accepted';
}

describe('receipts', () => {
  it('round trip', async () => {
    const jws = await signReceipt(receipt, B.sig);
    await expect(verifyReceipt(jws, { expect: expectOf(receipt), resolveKey: index.resolve, now: NOW })).resolves.toEqual(receipt);
  });

  it('refuses a receipt for another message, digest, sender or receiver', async () => {
    const jws = await signReceipt(receipt, B.sig);
    expect(await code(jws, { expect: { ...expectOf(receipt), msg: newId() } })).toBe('bad_receipt');
    expect(await code(jws, { expect: { ...expectOf(receipt), digest: randomBytes(32).toString('base64url') } })).toBe('bad_receipt');
    expect(await code(jws, { expect: { ...expectOf(receipt), from: 'node-z' } })).toBe('bad_receipt');
    expect(await code(jws, { expect: { ...expectOf(receipt), by: A.nodeId } })).toBe('bad_receipt');
  });

  it('refuses a receipt signed by the wrong node, an unknown key, a forged or expired key', async () => {
    expect(await code(await signReceipt(receipt, A.sig))).toBe('bad_receipt');
    const mallory = newKey('ed25519');
    expect(await code(await signReceipt(receipt, mallory))).toBe('bad_receipt');
    expect(await code(await signReceipt(receipt, { kid: B.sig.kid, privateKey: mallory.privateKey }))).toBe('bad_receipt');
    const expired = (kid: string) => (kid === B.sig.kid ? { nodeId: B.nodeId, publicJwk: B.sig.publicJwk, expiresAt: Math.floor(NOW.getTime() / 1000) } : undefined);
    expect(await code(await signReceipt(receipt, B.sig), { resolveKey: expired })).toBe('bad_receipt');
  });

  it('refuses other algorithms, typ, tampering and malformed payloads', async () => {
    const hs = await new CompactSign(Buffer.from(JSON.stringify(receipt))).setProtectedHeader({ alg: 'HS256', typ: RECEIPT_TYP, kid: B.sig.kid }).sign(randomBytes(32));
    expect(await code(hs)).toBe('bad_receipt');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: RECEIPT_TYP, kid: B.sig.kid })).toString('base64url')}.${Buffer.from(JSON.stringify(receipt)).toString('base64url')}.`;
    expect(await code(none)).toBe('bad_receipt');
    const jwt = await new CompactSign(Buffer.from(JSON.stringify(receipt))).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: B.sig.kid }).sign(B.sig.privateKey);
    expect(await code(jwt)).toBe('bad_receipt');
    const [h, , s] = (await signReceipt(receipt, B.sig)).split('.');
    expect(await code([h, Buffer.from(JSON.stringify({ ...receipt, msg: newId() })).toString('base64url'), s].join('.'))).toBe('bad_receipt');
    const extra = await new CompactSign(Buffer.from(JSON.stringify({ ...receipt, extra: 1 }))).setProtectedHeader({ alg: 'EdDSA', typ: RECEIPT_TYP, kid: B.sig.kid }).sign(B.sig.privateKey);
    expect(await code(extra)).toBe('bad_receipt');
    expect(await code('x'.repeat(9000))).toBe('bad_receipt');
    expect(await code('a.b')).toBe('bad_receipt');
    await expect(signReceipt({ ...receipt, receivedAt: 'yesterday' }, B.sig)).rejects.toMatchObject({ code: 'bad_receipt' });
  });
});
