import { generateKeyPairSync } from 'node:crypto';
import { CompactEncrypt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptionKeyFor } from '../../src/platform/federation/directory.ts';
import { sealMessage } from '../../src/platform/federation/envelope.ts';
import { publicJwkOf } from '../../src/platform/federation/jwk.ts';
import type { MessagePayload } from '../../src/platform/federation/message.ts';
import { newId } from '../../src/platform/ids.ts';
import { activeDialects } from '../kit/dialects.ts';
import { startFederation, type FedNode, type Federation3 } from './kit.ts';

/** Table fingerprints that must not move when a message is refused. */
async function fingerprint(n: FedNode): Promise<string> {
  const db = n.node.database.db;
  const inbox = await db.selectFrom('federation_inbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ledger = await db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const outbox = await db.selectFrom('federation_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return `${inbox.n}/${ledger.n}/${outbox.n}`;
}

async function post(n: FedNode, body: string, contentType = 'application/jose'): Promise<{ status: number; problem: Record<string, unknown> }> {
  const res = await fetch(`${n.node.address}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await res.text();
  let problem: Record<string, unknown> = {};
  try {
    problem = JSON.parse(text) as Record<string, unknown>;
  } catch {
    problem = { raw: text };
  }
  if (res.status !== 200) expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return { status: res.status, problem };
}

async function refusedCount(n: FedNode, reason: string): Promise<number> {
  const res = await fetch(`${n.node.address}/metrics`);
  const m = new RegExp(`^comity_federation_refused_total\\{reason="${reason}"\\} (\\d+)`, 'm').exec(await res.text());
  return m ? Number(m[1]) : 0;
}

for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`the inbox refuses bad envelopes and stores nothing [${dialect}]`, () => {
    let f: Federation3;
    let xa: FedNode;
    let xb: FedNode;
    let xc: FedNode;
    beforeAll(async () => {
      f = await startFederation({ dialect, handlers: { 'test.noop': () => {} } });
      [xa, xb, xc] = [f.byName('XA'), f.byName('XB'), f.byName('XC')];
    }, 120_000);
    afterAll(async () => {
      await f?.close();
    });

    const payload = (over: Partial<MessagePayload> = {}): MessagePayload => {
      const iat = Math.floor(Date.now() / 1000);
      return { id: newId(), type: 'test.noop', from: xa.id, to: xb.id, iat, exp: iat + 3600, conversation: newId(), seq: 1, body: {}, ...over };
    };
    const forXb = () => {
      const k = encryptionKeyFor(xb.node.federation.directory.get()!.doc, xb.id, new Date())!;
      return { kid: k.kid, publicJwk: k };
    };

    const cases: Array<[string, () => Promise<string>, number, string, string?]> = [
      ['altered ciphertext', async () => {
        const jwe = await sealMessage(payload(), xa.node.federation.keys.signing, forXb());
        const parts = jwe.split('.');
        const ct = Buffer.from(parts[3]!, 'base64url');
        ct[0] = ct[0]! ^ 0xff;
        parts[3] = ct.toString('base64url');
        return parts.join('.');
      }, 400, 'decryption_failed'],
      ['forged: signed by a key no directory lists', async () => {
        const { privateKey } = generateKeyPairSync('ed25519');
        return sealMessage(payload(), { kid: publicJwkOf(privateKey).kid, privateKey }, forXb());
      }, 403, 'key_not_in_directory', 'unknown_sender'],
      ['forged: XC signs a message claiming to come from XA', async () => sealMessage(payload(), xc.node.federation.keys.signing, forXb()), 403, 'sender_mismatch'],
      ['expired', async () => {
        const iat = Math.floor(Date.now() / 1000) - 7200;
        return sealMessage(payload({ iat, exp: iat + 60 }), xa.node.federation.keys.signing, forXb());
      }, 400, 'expired'],
      ['issued in the future', async () => {
        const iat = Math.floor(Date.now() / 1000) + 3600;
        return sealMessage(payload({ iat, exp: iat + 60 }), xa.node.federation.keys.signing, forXb());
      }, 400, 'not_yet_valid'],
      ['misaddressed: for XC, encrypted to XB', async () => sealMessage(payload({ to: xc.id }), xa.node.federation.keys.signing, forXb()), 400, 'wrong_recipient'],
      ['misaddressed: encrypted to XC, posted to XB', async () => {
        const k = encryptionKeyFor(xa.node.federation.directory.get()!.doc, xc.id, new Date())!;
        return sealMessage(payload({ to: xc.id }), xa.node.federation.keys.signing, { kid: k.kid, publicJwk: k });
      }, 400, 'unknown_recipient_key'],
      ['algorithm not allowed (dir + A128GCM)', async () => {
        const key = new Uint8Array(16);
        return new CompactEncrypt(new TextEncoder().encode('x')).setProtectedHeader({ alg: 'dir', enc: 'A128GCM' }).encrypt(key);
      }, 400, 'algorithm_not_allowed'],
      ['malformed', async () => 'not.a.jwe', 400, 'malformed'],
      ['oversized', async () => 'a'.repeat(1024 * 1024 + 10), 413, 'oversized'],
    ];

    it.each(cases)('%s → refused with its reason, nothing stored, counted', async (_name, make, status, reason, alt) => {
      const body = await make();
      const before = await fingerprint(xb);
      const countBefore = await refusedCount(xb, reason) + (alt ? await refusedCount(xb, alt) : 0);
      const r = await post(xb, body);
      expect(r.status).toBe(status);
      expect([reason, alt]).toContain(r.problem.reason);
      expect(r.problem.type).toBe('urn:comity:problem:message_refused');
      expect(typeof r.problem.detail).toBe('string');
      expect(await fingerprint(xb)).toBe(before);
      expect(await refusedCount(xb, reason) + (alt ? await refusedCount(xb, alt) : 0)).toBe(countBefore + 1);
    });

    it('refuses a body that is not application/jose', async () => {
      const before = await fingerprint(xb);
      const r = await post(xb, '{"a":1}', 'application/json');
      expect(r.status).toBe(415);
      expect(r.problem.reason).toBe('malformed');
      expect(await fingerprint(xb)).toBe(before);
    });

    /** Posts a message and waits until XB has handled it (so that nothing moves afterwards). */
    const deliverAndSettle = async (p: MessagePayload): Promise<void> => {
      expect((await post(xb, await sealMessage(p, xa.node.federation.keys.signing, forXb()))).status).toBe(200);
      await f.until(async () => (await xb.node.database.db.selectFrom('federation_inbox').select('state').where('id', '=', p.id).executeTakeFirst())?.state === 'processed');
      await xb.node.federation.federation.processDue();
    };

    it('a different message reusing a received id is refused with 409', async () => {
      const p = payload();
      await deliverAndSettle(p);
      const before = await fingerprint(xb);
      const second = await sealMessage({ ...p, conversation: newId() }, xa.node.federation.keys.signing, forXb());
      const r = await post(xb, second);
      expect(r.status).toBe(409);
      expect(r.problem.reason).toBe('id_reused');
      expect(await fingerprint(xb)).toBe(before);
    });

    it('the same message sealed again by its sender (a retried dead letter) gets the stored receipt and has no effect', async () => {
      const p = payload();
      const first = await sealMessage(p, xa.node.federation.keys.signing, forXb());
      const res1 = await fetch(`${xb.node.address}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: first });
      expect(res1.status).toBe(200);
      const receipt = await res1.text();
      await f.until(async () => (await xb.node.database.db.selectFrom('federation_inbox').select('state').where('id', '=', p.id).executeTakeFirst())?.state === 'processed');
      const before = await fingerprint(xb);
      const resealed = await sealMessage({ ...p, iat: p.iat + 5, exp: p.exp + 5 }, xa.node.federation.keys.signing, forXb());
      const res2 = await fetch(`${xb.node.address}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: resealed });
      expect(res2.status).toBe(200);
      expect(await res2.text()).toBe(receipt);
      expect(await fingerprint(xb)).toBe(before);
    });

    it('a second message at a taken place of a conversation is refused with 409', async () => {
      const p = payload();
      await deliverAndSettle(p);
      const before = await fingerprint(xb);
      const r = await post(xb, await sealMessage({ ...p, id: newId() }, xa.node.federation.keys.signing, forXb()));
      expect(r.status).toBe(409);
      expect(r.problem.reason).toBe('sequence_taken');
      expect(await fingerprint(xb)).toBe(before);
    });

    it('the node card is a JWS anyone can fetch, and the inbox needs no session', async () => {
      const res = await fetch(`${xa.node.address}/federation/v1/node`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/jose/);
    });
  });
}
