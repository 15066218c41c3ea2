import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../src/modules/accounts/service.ts';
import { inTransaction } from '../../src/platform/db/executor.ts';
import { DirectoryAuthority } from '../../src/platform/federation/authority.ts';
import { signDirectory } from '../../src/platform/federation/directory.ts';
import { publicJwkOf } from '../../src/platform/federation/jwk.ts';
import { verifyNodeCard } from '../../src/platform/federation/node-card.ts';
import * as store from '../../src/platform/federation/store.ts';
import { rotateNodeKeys } from '../../src/platform/keys/keyset.ts';
import { activeDialects } from '../kit/dialects.ts';
import { startFederation, type FedNode, type Federation3 } from './kit.ts';

async function versions(n: FedNode): Promise<number[]> {
  const rows = await n.node.database.db.selectFrom('federation_directory').select('version').orderBy('version').execute();
  return rows.map((r) => Number(r.version));
}

for (const { dialect, skip } of activeDialects()) {
  (skip ? describe.skip : describe)(`the directory only moves forward, under the pinned authority; keys rotate [${dialect}]`, () => {
    let f: Federation3;
    let xa: FedNode;
    let v1: string;
    beforeAll(async () => {
      f = await startFederation({ dialect, handlers: { 'test.note': () => {} } });
      xa = f.byName('XA');
      v1 = join(f.authority.dir, 'published', 'directory-v1.jws');
    }, 120_000);
    afterAll(async () => {
      await f?.close();
    });

    it('a newer version is accepted, stored and recorded in the ledger; members are served to users', async () => {
      f.authority.setState('XC', { name: 'Demo State C', languages: ['fr', 'en'], flags: { preservation_requires_dual_criminality: true } });
      expect(await f.publish()).toBe(2);
      expect(await versions(xa)).toEqual([1, 2]);
      const accepted = await xa.node.database.db.selectFrom('ledger_entries').select('object_id').where('action', '=', 'federation.directory.accepted').execute();
      expect(accepted.map((r) => r.object_id)).toEqual(['1', '2']);
      const u = await xa.node.services.accounts.createUser(LOCAL_OPERATOR, { username: 'officer', password: 'correct horse battery staple', roles: ['central_authority'] });
      const { token } = await xa.node.services.accounts.createToken(LOCAL_OPERATOR, u.id, { name: 't', roles: ['central_authority'], expiresInDays: 1 });
      const res = await fetch(`${xa.node.address}/api/v1/directory`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { version: number; self: string; nodes: Array<{ state: string }>; states: Record<string, { name: string; flags: Record<string, boolean>; languages: string[] }> };
      expect(body.version).toBe(2);
      expect(body.self).toBe(xa.id);
      expect(body.nodes.map((n) => n.state).sort()).toEqual(['XA', 'XB', 'XC']);
      expect(body.states.XC).toMatchObject({ name: 'Demo State C', languages: ['fr', 'en'], flags: { preservation_requires_dual_criminality: true } });
      // Without a session or token: 401.
      expect((await fetch(`${xa.node.address}/api/v1/directory`)).status).toBe(401);
    });

    it('an older version (rollback) is refused and the node keeps the newer one', async () => {
      copyFileSync(v1, f.directoryFile);
      const r = await xa.node.federation.refreshDirectory();
      expect(r).toMatchObject({ outcome: 'refused', code: 'directory_rollback' });
      expect(xa.node.federation.directory.get()?.doc.version).toBe(2);
      expect(await versions(xa)).toEqual([1, 2]);
      // An alert for the operator, once per distinct refusal.
      await xa.node.federation.refreshDirectory();
      const alerts = await xa.node.database.db.selectFrom('federation_alerts').select(['kind', 'summary']).where('kind', '=', 'directory_refused').execute();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.summary).toMatch(/older than the version 2/);
    });

    it('the same version with other content is refused as a rollback', async () => {
      const doc = structuredClone(xa.node.federation.directory.get()!.doc);
      doc.states.XA!.name = 'Tampered';
      const key = (await import('../../src/platform/keys/private-key-file.ts')).readPrivateKey(f.authority.dir, 'authority-ed25519', undefined, 'ed25519');
      writeFileSync(f.directoryFile, await signDirectory(doc, key, f.authority.info.kid));
      const r = await xa.node.federation.refreshDirectory();
      expect(r).toMatchObject({ outcome: 'refused', code: 'directory_rollback' });
      expect(xa.node.federation.directory.get()?.doc.states.XA?.name).not.toBe('Tampered');
    });

    it('a directory signed by another authority, or not signed at all, is refused', async () => {
      const doc = structuredClone(xa.node.federation.directory.get()!.doc);
      doc.version = 99;
      const { privateKey } = generateKeyPairSync('ed25519');
      const kid = publicJwkOf(privateKey).kid;
      writeFileSync(f.directoryFile, await signDirectory({ ...doc, authority: { name: 'impostor', kid } }, privateKey, kid));
      expect(await xa.node.federation.refreshDirectory()).toMatchObject({ outcome: 'refused', code: 'bad_directory' });
      writeFileSync(f.directoryFile, JSON.stringify(doc));
      expect(await xa.node.federation.refreshDirectory()).toMatchObject({ outcome: 'refused', code: 'bad_directory' });
      const none = `${Buffer.from('{"alg":"none","typ":"comity-directory+jws"}').toString('base64url')}.${Buffer.from(JSON.stringify(doc)).toString('base64url')}.`;
      writeFileSync(f.directoryFile, none);
      expect(await xa.node.federation.refreshDirectory()).toMatchObject({ outcome: 'refused', code: 'bad_directory' });
      expect(xa.node.federation.directory.get()?.doc.version).toBe(2);
      // The real latest version is back in place for the next tests.
      copyFileSync(join(f.authority.dir, 'published', 'directory-v2.jws'), f.directoryFile);
    });

    it('after a restart the node still holds the newest version and still refuses the rollback', async () => {
      await f.stop('XA');
      copyFileSync(v1, f.directoryFile);
      xa = await f.restart('XA');
      expect(xa.node.federation.directory.get()?.doc.version).toBe(2);
      copyFileSync(join(f.authority.dir, 'published', 'directory-v2.jws'), f.directoryFile);
    });

    it('key rotation: the rotated node keeps receiving; once the directory lists its new keys, traffic flows both ways', async () => {
      const xb = f.byName('XB');
      const oldSig = xb.node.federation.keys.signing.kid;
      const oldEnc = xb.node.federation.keys.encryption.kid;
      // An envelope sealed for XB's current key, queued on XA but not yet sent (XB is down while it rotates).
      await f.stop('XB');
      const before = await inTransaction(xa.node.database.db, (trx) => xa.node.federation.federation.send(trx, { to: xb.id, type: 'test.note', body: { n: 1 } }));
      rotateNodeKeys(xb.config.dataDir, { overlapDays: 2 });
      const rotated = await f.restart('XB');
      expect(rotated.node.federation.keys.signing.kid).not.toBe(oldSig);
      expect(rotated.node.federation.keys.encryption.kid).not.toBe(oldEnc);
      // The old encryption key is retired, not gone: XB still opens what was sealed for it. Its receipt is signed
      // with the new key, which XA's directory does not list yet: XA keeps the message pending and retries.
      await f.until(async () => (await rotated.node.database.db.selectFrom('federation_inbox').select('id').where('id', '=', before.id).executeTakeFirst()) !== undefined);
      await f.until(async () => ((await store.getOutbox(xa.node.database.db, before.id))?.lastError ?? '').includes('receipt'));
      expect((await store.getOutbox(xa.node.database.db, before.id))?.state).toBe('pending');

      // The authority takes the new card (the card lists the new keys and the retired ones with their expiry).
      const card = await verifyNodeCard(await (await fetch(`${rotated.node.address}/federation/v1/node`)).text());
      expect(card.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([oldSig, oldEnc]));
      expect(card.keys.find((k) => k.kid === oldSig)?.exp).toBeGreaterThan(Date.now() / 1000);
      f.authority.addNode(card);
      await f.publish();
      await f.until(async () => (await store.getOutbox(xa.node.database.db, before.id))?.state === 'delivered');

      // New traffic: XA encrypts to XB's new key; XB signs with its new key; both verify.
      const after = await inTransaction(xa.node.database.db, (trx) => xa.node.federation.federation.send(trx, { to: xb.id, type: 'test.note', body: { n: 2 } }));
      await f.until(async () => (await store.getOutbox(xa.node.database.db, after.id))?.state === 'delivered');
      const jwe = (await store.getOutbox(xa.node.database.db, after.id))!.jwe;
      const header = JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString()) as { kid: string };
      expect(header.kid).toBe(rotated.node.federation.keys.encryption.kid);
      const ping = await rotated.node.federation.pinger.ping(xa.id, 'operator:test');
      await f.until(async () => (await rotated.node.federation.pinger.get(ping)).pongAt !== null);
    });

    it('a node removed from the directory can no longer be written to, and its messages are refused', async () => {
      const xc = f.byName('XC');
      f.authority.removeNode(xc.id);
      // XC does not read the new version (it is out); XA and XB do.
      await f.authority.publish();
      for (const n of [xa, f.byName('XB')]) expect((await n.node.federation.refreshDirectory()).outcome).toBe('accepted');
      await expect(inTransaction(xa.node.database.db, (trx) => xa.node.federation.federation.send(trx, { to: xc.id, type: 'test.note', body: {} }))).rejects.toThrow(/not in the federation directory/);
      const sent = await inTransaction(xc.node.database.db, (trx) => xc.node.federation.federation.send(trx, { to: xa.id, type: 'test.note', body: {} }));
      await f.until(async () => ((await store.getOutbox(xc.node.database.db, sent.id))?.lastError ?? '').includes('403'));
      const inbox = await xa.node.database.db.selectFrom('federation_inbox').select('id').where('sender', '=', xc.id).where('id', '=', sent.id).execute();
      expect(inbox).toEqual([]);
    });
  });
}
