import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/executor.ts';
import type { Ledger } from '../ledger/ledger.ts';
import { directoryKeyIndex, verifyDirectory, type DirectoryDocument, type DirectoryNode } from './directory.ts';
import { FederationError } from './errors.ts';
import type { PublicOkpJwk } from './jwk.ts';
import * as store from './store.ts';
import type { Transport } from './transport.ts';

export interface KeeperDeps {
  db: Kysely<DB>;
  ledger: Ledger;
  clock: Clock;
  transport: Transport;
  /** The pinned authority key, or null when none is configured (then no directory is ever accepted). */
  authority: PublicOkpJwk | null;
  /** Where to read it: a file path or an http(s) URL; '' = nowhere. */
  source: string;
}

/** The directory a node works with: the newest signed version it accepted, verified, with its key index. */
export interface AcceptedDirectory {
  readonly doc: DirectoryDocument;
  readonly digest: string;
  readonly source: string;
  readonly acceptedAt: Date;
  readonly index: ReturnType<typeof directoryKeyIndex>;
  node(nodeId: string): DirectoryNode | undefined;
}

function accepted(doc: DirectoryDocument, digest: string, source: string, acceptedAt: Date): AcceptedDirectory {
  const byId = new Map(doc.nodes.map((n) => [n.nodeId, n]));
  return { doc, digest, source, acceptedAt, index: directoryKeyIndex(doc), node: (id) => byId.get(id) };
}

export type RefreshOutcome =
  | { outcome: 'accepted'; version: number; previous: number | null }
  | { outcome: 'unchanged'; version: number }
  | { outcome: 'refused'; reason: string; code: string };

/**
 * Holds the accepted directory and moves it forward. A new version is accepted only when it is signed by the
 * pinned authority key, valid, and newer than the one held (a lower version, or the same version with other
 * content, is a rollback and refused). Every accepted version is stored (table `federation_directory`) and
 * recorded in the ledger (`federation.directory.accepted`) in one transaction.
 */
export class DirectoryKeeper {
  private current: AcceptedDirectory | null = null;
  private readonly deps: KeeperDeps;

  constructor(deps: KeeperDeps) {
    this.deps = deps;
  }


  get(): AcceptedDirectory | null {
    return this.current;
  }

  /** Loads the newest stored version, verifying it again against the pinned key (which may have changed). */
  async load(): Promise<void> {
    const row = await store.latestDirectory(this.deps.db);
    if (!row || !this.deps.authority) return;
    try {
      const { doc, digest } = await verifyDirectory(row.jws, this.deps.authority, {});
      this.current = accepted(doc, digest, row.source, row.acceptedAt);
    } catch {
      // The pinned key changed: the stored directory is not trusted any more; wait for one that verifies.
      this.current = null;
    }
  }

  /** Reads the signed directory text from the configured source. */
  async fetch(): Promise<string> {
    const src = this.deps.source;
    if (/^https?:\/\//i.test(src)) {
      const res = await this.deps.transport.request('GET', src);
      if (res.status !== 200) throw new Error(`the directory source answered HTTP ${res.status}`);
      return res.body.trim();
    }
    return (await readFile(src, 'utf8')).trim();
  }

  /** Offers a signed directory (from the source or given directly); accepts it if it moves the directory forward. */
  async offer(jws: string, source: string): Promise<RefreshOutcome> {
    if (!this.deps.authority) return { outcome: 'refused', code: 'bad_directory', reason: 'no directory authority key is configured (directoryAuthorityKey)' };
    const prev = this.current;
    let verified: { doc: DirectoryDocument; digest: string };
    try {
      verified = await verifyDirectory(jws, this.deps.authority, prev ? { previous: { version: prev.doc.version, digest: prev.digest } } : {});
    } catch (e) {
      if (e instanceof FederationError) return { outcome: 'refused', code: e.code, reason: e.message };
      throw e;
    }
    if (prev && prev.digest === verified.digest) return { outcome: 'unchanged', version: prev.doc.version };
    const now = this.deps.clock.now();
    const result = await inTransaction(this.deps.db, async (trx) => {
      // Another process may have stored a newer one meanwhile: the database is the arbiter.
      const latest = await store.latestDirectory(trx);
      if (latest && latest.version >= verified.doc.version) {
        if (latest.digest === verified.digest) return 'unchanged' as const;
        return 'rollback' as const;
      }
      await store.insertDirectory(trx, { version: verified.doc.version, digest: verified.digest, jws, source, acceptedAt: now });
      await this.deps.ledger.append(trx, {
        actor: 'system',
        action: 'federation.directory.accepted',
        object: { type: 'directory', id: String(verified.doc.version) },
        details: { version: verified.doc.version, digest: verified.digest, source, nodes: verified.doc.nodes.length, previous: latest?.version ?? null },
      });
      return 'accepted' as const;
    });
    if (result === 'rollback') {
      await this.load();
      return { outcome: 'refused', code: 'directory_rollback', reason: `version ${verified.doc.version} is not newer than the stored directory` };
    }
    this.current = accepted(verified.doc, verified.digest, source, now);
    if (result === 'unchanged') return { outcome: 'unchanged', version: verified.doc.version };
    return { outcome: 'accepted', version: verified.doc.version, previous: prev?.doc.version ?? null };
  }

  /** Fetches from the configured source and offers what it got. */
  async refresh(): Promise<RefreshOutcome> {
    if (!this.deps.source) return { outcome: 'refused', code: 'bad_directory', reason: 'no directory source is configured (directorySource)' };
    let text: string;
    try {
      text = await this.fetch();
    } catch (e) {
      return { outcome: 'refused', code: 'unreachable', reason: `cannot read the directory from ${this.deps.source}: ${(e as Error).message}` };
    }
    return this.offer(text, this.deps.source);
  }
}
