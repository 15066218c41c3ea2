import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { DirectoryAuthority } from './authority.ts';
import { verifyDirectory } from './directory.ts';
import { publicJwkOf } from './jwk.ts';
import type { NodeCard } from './node-card.ts';
import { encodeVerifierKey } from '../ledger/note.ts';

function card(nodeId: string, state: string): NodeCard {
  const sig = generateKeyPairSync('ed25519').privateKey;
  const enc = generateKeyPairSync('x25519').privateKey;
  const ledgerKey = publicJwkOf(generateKeyPairSync('ed25519').privateKey);
  const origin = `comity/${nodeId}`;
  return {
    v: 1,
    nodeId,
    state,
    name: `Node ${nodeId}`,
    roles: ['central_authority', 'contact_point_24_7'],
    endpoint: 'https://node.example',
    keys: [publicJwkOf(sig), publicJwkOf(enc)],
    ledger: { origin, vkey: encodeVerifierKey(origin, Buffer.from(ledgerKey.x, 'base64url')) },
    version: '0.1.0',
    issuedAt: '2026-11-28T00:00:00Z',
  };
}

describe('DirectoryAuthority', () => {
  it('publishes signed, increasing versions that verify under its key', async () => {
    const a = DirectoryAuthority.init(join(mkdtempSync(join(tmpdir(), 'comity-auth-')), 'a'), { name: 'test-authority' });
    a.addNode(card('node-1', 'XA'));
    a.addNode(card('node-2', 'XB'));
    const v1 = await a.publish();
    a.setState('XB', { languages: ['fr'], flags: { preservation_requires_dual_criminality: true } });
    const v2 = await a.publish();
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const { doc } = await verifyDirectory(v2.jws, a.info.publicJwk, { previous: { version: 1, digest: (await verifyDirectory(v1.jws, a.info.publicJwk)).digest } });
    expect(doc.states.XB).toMatchObject({ centralAuthority: 'node-2', contactPoint247: 'node-2', languages: ['fr'], flags: { preservation_requires_dual_criminality: true } });
    expect(DirectoryAuthority.open(a.dir).latest()).toBe(v2.jws);
  });

  it('a node re-added under another State leaves nothing naming it in the old one', async () => {
    const a = DirectoryAuthority.init(join(mkdtempSync(join(tmpdir(), 'comity-auth-')), 'a'), { name: 'test-authority' });
    a.addNode(card('node-1', 'XA'));
    a.addNode(card('node-2', 'XA'));
    a.addNode(card('node-1', 'XB'));
    const { doc } = await a.publish();
    expect(doc.states.XA?.centralAuthority).toBe(null);
    expect(doc.states.XB?.centralAuthority).toBe('node-1');
    a.addNode(card('node-2', 'XC'));
    const again = await a.publish();
    expect(Object.keys(again.doc.states).sort()).toEqual(['XB', 'XC']);
  });
});
