import { join } from 'node:path';
import { systemClock } from '../platform/clock.ts';
import { openDatabase, pendingMigrations } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { KEYS_DIR, loadNodeIdentity, type NodeIdentity } from '../platform/keys/node-identity.ts';
import { toB64 } from '../platform/ledger/base64.ts';
import { openCheckpoint } from '../platform/ledger/checkpoint.ts';
import { Ledger } from '../platform/ledger/ledger.ts';
import { ed25519Signer, parseVerifierKey } from '../platform/ledger/note.ts';
import * as store from '../platform/ledger/store.ts';
import { verifyLedger } from '../platform/ledger/verify.ts';
import { configFor, type LocalFlags } from './context.ts';
import { keyFailure, keyPassphrase } from './keys.ts';
import { databaseFailure, folderProblem, inspectDataFolder } from './data-folder.ts';
import type { LedgerGateway, LedgerReport } from './ledger-gateway.ts';
import { CliError, type Runtime } from './output.ts';

/**
 * Reads the node's identity from `<dataDir>/keys/` without ever creating one: a ledger command on a folder
 * without keys must fail, not mint a new key that would "verify" a log it never signed.
 */
export function readNodeIdentity(dataDir: string, passphrase?: string): NodeIdentity {
  let identity: NodeIdentity | null;
  try {
    identity = loadNodeIdentity(dataDir, passphrase);
  } catch (e) {
    throw keyFailure(e, dataDir);
  }
  if (!identity)
    throw new CliError(
      `${dataDir} has no ledger signing key yet (${join(dataDir, KEYS_DIR)} is missing or incomplete): the keys are made by comity init (or the node's first start); if the folder was restored, restore its keys/ too`,
    );
  return identity;
}

/**
 * Opens a data folder for the ledger commands: no migration (a folder whose schema is behind is refused, as
 * every data-folder command does) and no key creation.
 */
export async function openLedgerFolder(rt: Runtime, flags: LocalFlags): Promise<LedgerGateway & { close(): Promise<void> }> {
  const config = configFor(rt, { dataDir: flags.data, databaseUrl: flags.db });
  const state = inspectDataFolder(config.dataDir);
  if (state !== 'initialised') throw new CliError(folderProblem(config.dataDir, state));
  const identity = readNodeIdentity(config.dataDir, keyPassphrase(config));
  const database = openDatabase({ url: config.databaseUrl, poolSize: 2 });
  try {
    const pending = await pendingMigrations(database).catch((e: unknown) => {
      throw databaseFailure(e, config.databaseUrl);
    });
    if (pending.length > 0)
      throw new CliError(
        `the database of ${config.dataDir} is behind this version of Comity (pending: ${pending.join(', ')}); run "comity start" once to migrate it`,
      );
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
  const db = database.db;
  const ledger = new Ledger({ db, clock: systemClock, origin: identity.origin, signer: ed25519Signer(identity.origin, identity.signingKey) });

  return {
    mode: 'local',
    where: config.dataDir,
    close: () => database.close(),
    key: async () => ledger.vkey,
    latestCheckpoint: async () => (await ledger.latestCheckpoint())?.note ?? null,
    issueCheckpoint: async () => {
      const before = await ledger.latestCheckpoint();
      const cp = await ledger.issueCheckpoint();
      return cp ? { note: cp.note, issued: cp.size !== before?.size } : null;
    },
    inclusionProof: async (index, size) => {
      const proof = await ledger.inclusionProof(index, size);
      return { index, size, rootHash: toB64(await ledger.root(size)), proof: proof.map(toB64) };
    },
    consistencyProof: async (from, to) => (await ledger.consistencyProof(from, to)).map(toB64),
    root: async (size) => toB64(await ledger.root(size)),
    leaf: async (index) => {
      const [row] = await ledger.entries(index, index + 1);
      if (!row) throw new AppError('not_found', `entry ${index} not found`);
      return new TextEncoder().encode(row.leaf);
    },
    receipt: (index) => ledger.receipt(index),
    verify: async (vkey, trusted) => {
      const origin = parseVerifierKey(vkey).name;
      const r = await verifyLedger(db, vkey, { url: config.databaseUrl });
      if (!r.ok) return { ok: false, origin, index: r.index, checkpointSize: r.checkpointSize, reason: r.reason };
      const latest = await store.latestCheckpoint(db);
      const report: LedgerReport = {
        ok: true,
        origin,
        size: r.size,
        checkpoints: r.checkpoints,
        latestCheckpoint: latest?.size ?? null,
        erased: r.erased,
        trustedCheckpoint: null,
      };
      if (trusted === undefined) return report;
      // Every stored subtree hash was just recomputed, so the root at the trusted size is the log's own.
      const cp = openCheckpoint(trusted, parseVerifierKey(vkey), origin);
      const size = Number(cp.size);
      if (size > r.size)
        return { ok: false, origin, index: null, checkpointSize: size, reason: `the trusted checkpoint at size ${size} is beyond the ${r.size} entries of this log: entries were removed` };
      const root = size === 0 ? null : await ledger.root(size);
      if (root !== null && !Buffer.from(root).equals(Buffer.from(cp.rootHash)))
        return { ok: false, origin, index: null, checkpointSize: size, reason: `the trusted checkpoint at size ${size} names another tree: the first ${size} entries were rewritten` };
      return { ...report, trustedCheckpoint: size };
    },
  };
}
