import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { encodeVerifierKey } from '../ledger/note.ts';
import type { DirectoryDocument, DirectoryNode, DirectoryState } from './directory.ts';
import { publicJwkOf, type PublicOkpJwk } from './jwk.ts';

/** Test fixtures for the federation's crypto tests: nodes with fresh keys and a directory listing them. */

export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: PublicOkpJwk;
}

export interface TestNodeKeys {
  nodeId: string;
  state: string;
  sig: TestKey;
  enc: TestKey;
  entry: DirectoryNode;
}

export function newKey(kind: 'ed25519' | 'x25519'): TestKey {
  const { privateKey } = kind === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  const publicJwk = publicJwkOf(privateKey);
  return { kid: publicJwk.kid, privateKey, publicJwk };
}

export function rawPublic(key: KeyObject): Uint8Array {
  return Uint8Array.from(Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x ?? '', 'base64url'));
}

export function testNode(nodeId: string, state: string, port = 8443): TestNodeKeys {
  const sig = newKey('ed25519');
  const enc = newKey('x25519');
  const ledgerKey = generateKeyPairSync('ed25519').privateKey;
  const origin = `comity/${nodeId}`;
  const entry: DirectoryNode = {
    nodeId,
    state,
    name: `Node ${nodeId}`,
    roles: ['central_authority'],
    endpoint: `https://${nodeId}.example:${port}/`,
    keys: [sig.publicJwk, enc.publicJwk],
    ledger: { origin, vkey: encodeVerifierKey(origin, rawPublic(ledgerKey)) },
  };
  return { nodeId, state, sig, enc, entry };
}

export function testState(name: string, ca: string | null, cp: string | null = null): DirectoryState {
  return {
    name,
    centralAuthority: ca,
    contactPoint247: cp,
    languages: ['en', 'fr'],
    channels: ['comity'],
    declarations: [{ article: '40', text: 'Requests may be sent in English or French.' }],
    reservations: [],
    flags: { preservation_requires_dual_criminality: false },
  };
}

export function testDirectory(authorityKid: string, nodes: TestNodeKeys[], version = 1): DirectoryDocument {
  const states: Record<string, DirectoryState> = {};
  for (const n of nodes) states[n.state] ??= testState(`State ${n.state}`, n.nodeId);
  return {
    v: 1,
    version,
    issuedAt: '2025-01-01T00:00:00.000Z',
    authority: { name: 'Test directory authority', kid: authorityKid },
    nodes: nodes.map((n) => structuredClone(n.entry)),
    states,
  };
}
