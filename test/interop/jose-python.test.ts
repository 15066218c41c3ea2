import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { directoryKeyIndex } from '../../src/platform/federation/directory.ts';
import { messageDigest, openMessage, sealMessage } from '../../src/platform/federation/envelope.ts';
import { testDirectory, testNode } from '../../src/platform/federation/fixtures.test-util.ts';
import type { MessagePayload } from '../../src/platform/federation/message.ts';
import { signReceipt, type ReceiptPayload } from '../../src/platform/federation/receipt.ts';
import { newId } from '../../src/platform/ids.ts';

/**
 * Interoperability: a real Comity envelope (JWS inside JWE) and delivery receipt are opened and verified by
 * python3-jwcrypto — a JOSE implementation that shares nothing with ours — using only the recipient's private
 * JWK and the senders' public JWKs, with its algorithm allow-lists set to ours. Needs Debian's python3-jwcrypto:
 * skipped without it, except in CI (CI=true), where its absence fails the run.
 */

const PYTHON = '/usr/bin/python3';

function pythonMissing(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import jwcrypto, cryptography'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return `${PYTHON} with jwcrypto is not available (Debian package python3-jwcrypto)`;
  return null;
}

const missing = pythonMissing();
const inCi = process.env.CI === 'true';
if (missing !== null && !inCi)
  console.warn(`\n*** ${missing}: the Python JOSE interoperability test is SKIPPED (apt-get install python3-jwcrypto). ***\n`);

if (missing !== null && inCi) {
  describe('Python JOSE interoperability (CI=true)', () => {
    it('has python3-jwcrypto installed', () => {
      throw new Error(`CI=true needs python3-jwcrypto for the interoperability test, but ${missing}; .ci/run installs it`);
    });
  });
}

const SCRIPT = String.raw`
import json, sys
from jwcrypto import jwe, jwk, jws

def key(d):
    return jwk.JWK(**{k: v for k, v in d.items() if k in ('kty', 'crv', 'x', 'd', 'kid')})

inp = json.load(sys.stdin)
outer = jwe.JWE(algs=['ECDH-ES+A256KW', 'A256GCM'])
outer.deserialize(inp['jwe'], key=key(inp['recipientPrivateJwk']))
oh = outer.jose_header
assert oh['alg'] == 'ECDH-ES+A256KW' and oh['enc'] == 'A256GCM' and oh['cty'] == 'comity-msg+jws', oh
inner = jws.JWS()
inner.allowed_algs = ['EdDSA']
inner.deserialize(outer.payload.decode('ascii'))
inner.verify(key(inp['senderPublicJwk']))
ih = inner.jose_header
assert ih == {'alg': 'EdDSA', 'typ': 'comity-msg+jws', 'kid': inp['senderPublicJwk']['kid']}, ih

receipt = jws.JWS()
receipt.allowed_algs = ['EdDSA']
receipt.deserialize(inp['receipt'])
receipt.verify(key(inp['receiverPublicJwk']))
rh = receipt.jose_header
assert rh['typ'] == 'comity-receipt+jws' and rh['kid'] == inp['receiverPublicJwk']['kid'], rh

# A receipt checked against the wrong key must fail.
try:
    other = jws.JWS()
    other.allowed_algs = ['EdDSA']
    other.deserialize(inp['receipt'])
    other.verify(key(inp['senderPublicJwk']))
    wrong_key_refused = False
except Exception:
    wrong_key_refused = True

print(json.dumps({
    'payload': json.loads(inner.payload.decode('utf-8')),
    'receipt': json.loads(receipt.payload.decode('utf-8')),
    'recipientKid': oh['kid'],
    'wrongKeyRefused': wrong_key_refused,
}))
`;

function runPython(input: unknown): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-c', SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(JSON.stringify(input));
  });
}

describe.skipIf(missing !== null)('python3-jwcrypto opens Comity envelopes and receipts', () => {
  it('decrypts the JWE, verifies the inner JWS and the receipt, and reads the same payloads', async () => {
    const A = testNode('node-a', 'XA');
    const B = testNode('node-b', 'XB');
    const now = new Date();
    const iat = Math.floor(now.getTime() / 1000);
    const payload: MessagePayload = {
      id: newId(),
      type: 'mla.request',
      from: A.nodeId,
      to: B.nodeId,
      iat,
      exp: iat + 3600,
      conversation: newId(),
      seq: 1,
      body: { subject: 'Préservation de données', items: [1, 2, 3], nested: { ok: true } },
    };
    const jwe = await sealMessage(payload, A.sig, B.enc);
    const index = directoryKeyIndex(testDirectory('unused-authority-kid-0000000000000000000000', [A, B]));
    const opened = await openMessage(jwe, { self: B.nodeId, now, maxBytes: 65536, decryptionKey: () => B.enc.privateKey, resolveSenderKey: index.resolve });
    const receipt: ReceiptPayload = { msg: payload.id, digest: messageDigest(jwe), from: A.nodeId, by: B.nodeId, receivedAt: now.toISOString() };
    expect(opened.digest).toBe(receipt.digest);
    const receiptJws = await signReceipt(receipt, B.sig);

    const out = await runPython({
      jwe,
      recipientPrivateJwk: { ...B.enc.privateKey.export({ format: 'jwk' }), kid: B.enc.kid },
      senderPublicJwk: A.sig.publicJwk,
      receipt: receiptJws,
      receiverPublicJwk: B.sig.publicJwk,
    });
    expect(out.code, out.stderr).toBe(0);
    const result = JSON.parse(out.stdout) as { payload: unknown; receipt: unknown; recipientKid: string; wrongKeyRefused: boolean };
    expect(result.payload).toEqual(payload);
    expect(result.receipt).toEqual(receipt);
    expect(result.recipientKid).toBe(B.enc.kid);
    expect(result.wrongKeyRefused).toBe(true);
  });
});
