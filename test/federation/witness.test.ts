import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toB64 } from '../../src/platform/ledger/base64.ts';
import { formatCheckpoint, openCheckpoint } from '../../src/platform/ledger/checkpoint.ts';
import { verifyCosignature, witnessVkey } from '../../src/platform/ledger/cosignature.ts';
import { ed25519Signer, parseVerifierKey, signNote } from '../../src/platform/ledger/note.ts';
import { inTransaction } from '../../src/platform/db/executor.ts';
import { noteBody } from '../../src/platform/federation/witness.ts';
import { activeDialects } from '../kit/dialects.ts';
import { LOCAL_OPERATOR } from '../../src/modules/accounts/service.ts';
import { startFederation, type FedNode, type Federation3 } from './kit.ts';

async function cosignatures(n: FedNode, size: number): Promise<Array<{ witness: string; signature: string }>> {
  return n.node.database.db.selectFrom('ledger_cosignatures').select(['witness', 'signature']).where('size', '=', size).execute();
}

async function alerts(n: FedNode, kind: string): Promise<Array<{ summary: string; peer: string | null }>> {
  return n.node.database.db.selectFrom('federation_alerts').select(['summary', 'peer']).where('kind', '=', kind).execute();
}

async function ledgerActions(n: FedNode, action: string): Promise<number> {
  const r = await n.node.database.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).executeTakeFirstOrThrow();
  return Number(r.n);
}

for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`witnessing: nodes cosign each other's checkpoints and catch a forked log [${dialect}]`, () => {
    let f: Federation3;
    let xa: FedNode;
    let xb: FedNode;
    let xc: FedNode;
    beforeAll(async () => {
      f = await startFederation({ dialect });
      [xa, xb, xc] = [f.byName('XA'), f.byName('XB'), f.byName('XC')];
    }, 120_000);
    afterAll(async () => {
      await f?.close();
    });

    /** Signs a checkpoint on XA, asks the others to witness it, and waits for both cosignatures. */
    const witnessRound = async (): Promise<number> => {
      const cp = await xa.node.ledger.issueCheckpoint();
      const size = cp!.size;
      const asked = await xa.node.federation.requestWitnessing();
      expect(asked.sort()).toEqual([xb.id, xc.id].sort());
      await f.until(async () => (await cosignatures(xa, size)).length === 2);
      return size;
    };

    it('both witnesses cosign XA\'s checkpoint; the served checkpoint carries their C2SP cosignatures', async () => {
      const size = await witnessRound();
      const cos = await cosignatures(xa, size);
      const note = (await xa.node.ledger.latestCheckpoint())!.note;
      for (const w of [xb, xc]) {
        const line = cos.find((c) => c.witness === w.id)!.signature;
        const vkey = witnessVkey(w.node.federation.keys.ledger.origin, w.node.federation.keys.ledger.publicKeyRaw);
        const { timestamp } = verifyCosignature(noteBody(note), line, vkey);
        expect(timestamp).toBeGreaterThan(1_700_000_000);
      }
      // The witness recorded what it saw and logged it.
      const seen = await xb.node.database.db.selectFrom('witness_checkpoints').selectAll().where('peer', '=', xa.id).execute();
      expect(seen.map((r) => Number(r.size))).toEqual([size]);
      expect(await ledgerActions(xb, 'witness.cosigned')).toBeGreaterThanOrEqual(1);
      expect(await ledgerActions(xa, 'ledger.cosigned')).toBe(2);

      // GET /api/v1/ledger/checkpoint: the node's note plus the two cosignature lines; it still opens with the
      // node's own key (other signatures are ignored by a verifier that does not know them).
      const u = await xa.node.services.accounts.createUser(LOCAL_OPERATOR, { username: 'auditor', password: 'correct horse battery staple', roles: ['oversight'] });
      const { token } = await xa.node.services.accounts.createToken(LOCAL_OPERATOR, u.id, { name: 'audit', roles: ['oversight'], expiresInDays: 1 });
      const res = await fetch(`${xa.node.address}/api/v1/ledger/checkpoint`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text.startsWith(note)).toBe(true);
      for (const c of cos) expect(text).toContain(c.signature);
      const opened = openCheckpoint(text, parseVerifierKey(xa.node.ledger.vkey), xa.node.federation.keys.ledger.origin);
      expect(Number(opened.size)).toBe(size);
    });

    it('a grown log is cosigned again after a consistency proof from the last cosigned size', async () => {
      const first = Number((await xb.node.database.db.selectFrom('witness_checkpoints').select('size').where('peer', '=', xa.id).executeTakeFirstOrThrow()).size);
      // Make XA's log grow (a ping is a state change on XA).
      await xa.node.federation.pinger.ping(xb.id, 'operator:test');
      await f.until(async () => (await xa.node.ledger.size()) > first + 3);
      const size = await witnessRound();
      expect(size).toBeGreaterThan(first);
      const seen = await xb.node.database.db.selectFrom('witness_checkpoints').select('size').where('peer', '=', xa.id).orderBy('size').execute();
      expect(seen.map((r) => Number(r.size))).toEqual([first, size]);
      expect(await alerts(xb, 'witness_inconsistency')).toEqual([]);
    });

    it('a forked log — a checkpoint inconsistent with the witnessed one — is refused, alerted and recorded on both sides', async () => {
      const last = Number(
        (await xb.node.database.db.selectFrom('witness_checkpoints').select('size').where('peer', '=', xa.id).orderBy('size', 'desc').executeTakeFirstOrThrow()).size,
      );
      // XA "rewrites history": a checkpoint signed with its real ledger key, for a bigger tree whose root has no
      // relation to the one witnessed, with a made-up consistency proof.
      const keys = xa.node.federation.keys.ledger;
      const forged = signNote(
        formatCheckpoint({ origin: keys.origin, size: BigInt(last + 7), rootHash: randomBytes(32) }),
        [ed25519Signer(keys.origin, keys.signingKey)],
      );
      await inTransaction(xa.node.database.db, (trx) =>
        xa.node.federation.federation.send(trx, {
          to: xb.id,
          type: 'witness.checkpoint',
          body: { checkpoint: forged, oldSize: last, proof: Array.from({ length: 4 }, () => toB64(randomBytes(32))) },
        }),
      );
      xa.node.federation.federation.wake();
      await f.until(async () => (await alerts(xa, 'witness_refused')).length > 0);
      const onWitness = await alerts(xb, 'witness_inconsistency');
      expect(onWitness).toHaveLength(1);
      expect(onWitness[0]?.peer).toBe(xa.id);
      expect(onWitness[0]?.summary).toMatch(/not consistent/);
      expect(await ledgerActions(xb, 'witness.inconsistency')).toBe(1);
      expect(await ledgerActions(xa, 'witness.refused')).toBe(1);
      // Nothing of the forged checkpoint was recorded as witnessed.
      const sizes = await xb.node.database.db.selectFrom('witness_checkpoints').select('size').where('peer', '=', xa.id).execute();
      expect(sizes.map((r) => Number(r.size))).not.toContain(last + 7);
    });

    it('two different roots for the same size are a fork too', async () => {
      const last = Number(
        (await xc.node.database.db.selectFrom('witness_checkpoints').select('size').where('peer', '=', xa.id).orderBy('size', 'desc').executeTakeFirstOrThrow()).size,
      );
      const keys = xa.node.federation.keys.ledger;
      const forged = signNote(formatCheckpoint({ origin: keys.origin, size: BigInt(last), rootHash: randomBytes(32) }), [ed25519Signer(keys.origin, keys.signingKey)]);
      await inTransaction(xa.node.database.db, (trx) =>
        xa.node.federation.federation.send(trx, { to: xc.id, type: 'witness.checkpoint', body: { checkpoint: forged, oldSize: last, proof: [] } }),
      );
      await f.until(async () => (await alerts(xc, 'witness_inconsistency')).length > 0);
      expect((await alerts(xc, 'witness_inconsistency'))[0]?.summary).toMatch(/two different roots/);
    });

    it('a checkpoint not signed by the key the directory lists is refused without being recorded', async () => {
      const before = await ledgerActions(xb, 'witness.cosigned');
      const refusedBefore = (await alerts(xa, 'witness_refused')).length;
      const other = xc.node.federation.keys.ledger;
      const wrong = signNote(formatCheckpoint({ origin: other.origin, size: 1n, rootHash: randomBytes(32) }), [ed25519Signer(other.origin, other.signingKey)]);
      await inTransaction(xa.node.database.db, (trx) =>
        xa.node.federation.federation.send(trx, { to: xb.id, type: 'witness.checkpoint', body: { checkpoint: wrong, oldSize: 0, proof: [] } }),
      );
      await f.until(async () => (await alerts(xa, 'witness_refused')).length > refusedBefore);
      expect(await ledgerActions(xb, 'witness.cosigned')).toBe(before);
    });
  });
}
