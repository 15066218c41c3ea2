import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { loadOrCreateNodeIdentity, type NodeIdentity } from '../keys/node-identity.ts';
import { Ledger } from './ledger.ts';
import { ed25519Signer } from './note.ts';

/**
 * The node's ledger, signing with the node's identity key: the one given (already unsealed), or the one in
 * `<dataDir>/keys/` (created on first use).
 */
export function openLedger(opts: { db: Kysely<DB>; clock: Clock; dataDir: string; identity?: NodeIdentity }): { ledger: Ledger; identity: NodeIdentity } {
  const identity = opts.identity ?? loadOrCreateNodeIdentity(opts.dataDir, opts.clock.now());
  const ledger = new Ledger({ db: opts.db, clock: opts.clock, origin: identity.origin, signer: ed25519Signer(identity.origin, identity.signingKey) });
  return { ledger, identity };
}
