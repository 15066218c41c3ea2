import { CompactSign } from 'jose';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { FederationError } from './errors.ts';
import { newKey, testNode, type TestNodeKeys } from './fixtures.test-util.ts';
import { NODE_CARD_TYP, signNodeCard, verifyNodeCard, type NodeCard } from './node-card.ts';

let A: TestNodeKeys;
let card: NodeCard;

beforeAll(() => {
  A = testNode('node-a', 'XA');
  card = { v: 1, ...structuredClone(A.entry), version: '0.1.0', issuedAt: '2025-06-01T00:00:00.000Z' };
});

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FederationError);
    return (e as FederationError).code;
  }
  return 'accepted';
}

const sign = (payload: unknown, header: Record<string, unknown>, key: Parameters<CompactSign['sign']>[0]) =>
  new CompactSign(Buffer.from(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: NODE_CARD_TYP, kid: A.sig.kid, ...header } as { alg: string }).sign(key);

describe('node cards', () => {
  it('round trip', async () => {
    await expect(verifyNodeCard(await signNodeCard(card, A.sig))).resolves.toEqual(card);
  });

  it('refuses to sign with a key that is not one of the card\'s signing keys', async () => {
    expect(await code(signNodeCard(card, newKey('ed25519')))).toBe('bad_node_card');
    expect(await code(signNodeCard(card, { kid: A.sig.kid, privateKey: newKey('ed25519').privateKey }))).toBe('bad_node_card');
  });

  it('refuses a card signed by a key it does not list, forged, tampered, or with another alg/typ', async () => {
    const mallory = newKey('ed25519');
    expect(await code(verifyNodeCard(await sign(card, { kid: mallory.kid }, mallory.privateKey)))).toBe('bad_node_card');
    expect(await code(verifyNodeCard(await sign(card, {}, mallory.privateKey)))).toBe('bad_node_card');
    expect(await code(verifyNodeCard(await sign(card, { kid: A.enc.kid }, A.sig.privateKey)))).toBe('bad_node_card');
    expect(await code(verifyNodeCard(await sign(card, { alg: 'HS256' }, randomBytes(32))))).toBe('bad_node_card');
    expect(await code(verifyNodeCard(await sign(card, { typ: 'JWT' }, A.sig.privateKey)))).toBe('bad_node_card');
    const [h, , s] = (await signNodeCard(card, A.sig)).split('.');
    const tampered = [h, Buffer.from(JSON.stringify({ ...card, endpoint: 'https://evil.example/' })).toString('base64url'), s].join('.');
    expect(await code(verifyNodeCard(tampered))).toBe('bad_node_card');
    expect(await code(verifyNodeCard('a.b.c'))).toBe('bad_node_card');
  });

  it('refuses schema violations and expired signing keys', async () => {
    expect(await code(verifyNodeCard(await sign({ ...card, extra: 1 }, {}, A.sig.privateKey)))).toBe('bad_node_card');
    expect(await code(verifyNodeCard(await sign({ ...card, endpoint: 'http://a.example/' }, {}, A.sig.privateKey)))).toBe('bad_node_card');
    expect(await code(verifyNodeCard(await sign({ ...card, v: 2 }, {}, A.sig.privateKey)))).toBe('bad_node_card');
    const retired = { ...card, keys: [{ ...A.sig.publicJwk, exp: 1_700_000_000 }, A.enc.publicJwk] };
    const jws = await sign(retired, {}, A.sig.privateKey);
    await expect(verifyNodeCard(jws)).resolves.toBeDefined();
    expect(await code(verifyNodeCard(jws, { now: new Date('2025-01-01T00:00:00Z') }))).toBe('bad_node_card');
  });
});
