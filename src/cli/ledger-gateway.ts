import type { Command } from 'commander';
import type { Receipt } from '../platform/ledger/receipt.ts';
import { ApiClient, nodeUrlProblem } from './api-client.ts';
import { CliError, type Runtime } from './output.ts';
import { usageError, type TargetFlags } from './target.ts';

/** An inclusion proof as the API serves it (`GET /api/v1/ledger/proofs/inclusion`); hashes in standard base64. */
export interface InclusionProof {
  index: number;
  size: number;
  rootHash: string;
  proof: string[];
}

/** The outcome of `comity ledger verify`, either way. On failure `index` is the first bad entry (when known). */
export type LedgerReport =
  | {
      ok: true;
      origin: string;
      size: number;
      /** Checkpoints checked: every stored one on the data folder, the latest one through the API. */
      checkpoints: number;
      latestCheckpoint: number | null;
      /** Entries whose details were erased (data folder only: the API does not serve details). */
      erased: number | null;
      trustedCheckpoint: number | null;
    }
  | { ok: false; origin: string; index: number | null; checkpointSize: number | null; reason: string };

/**
 * The ledger operations of the CLI, whichever way they reach the node: directly on its data folder (read-only
 * except `issueCheckpoint`, never creating keys), or through a running node's API with a bearer token.
 */
export interface LedgerGateway {
  readonly mode: 'local' | 'remote';
  /** The data folder or the node URL, for messages. */
  readonly where: string;
  /** The node's verifier key (`name+keyid+base64key`). */
  key(): Promise<string>;
  /** The latest signed checkpoint note, or null when none was signed yet. */
  latestCheckpoint(): Promise<string | null>;
  /** Signs a checkpoint now if the log grew; null when the log is empty. `issued` is false when nothing was new. */
  issueCheckpoint(): Promise<{ note: string; issued: boolean } | null>;
  inclusionProof(index: number, size: number): Promise<InclusionProof>;
  consistencyProof(from: number, to: number): Promise<string[]>;
  /** The root hash (standard base64) of the tree of the first `size` entries (size ≥ 1). */
  root(size: number): Promise<string>;
  /** The leaf bytes of entry `index`. */
  leaf(index: number): Promise<Uint8Array>;
  receipt(index: number): Promise<Receipt>;
  /** Recomputes and checks the whole log against `vkey`; `trusted` is a checkpoint note kept from earlier. */
  verify(vkey: string, trusted: string | undefined): Promise<LedgerReport>;
}

/**
 * Opens the gateway the flags ask for, runs `fn`, and closes what was opened. As for the account commands: an
 * explicit `--data` or `--db` wins over COMITY_URL from the environment, `--url` with either of them is a usage
 * error, and `--url` needs a token (`--token` or COMITY_TOKEN).
 */
export async function withLedger<T>(rt: Runtime, cmd: Command, flags: TargetFlags, fn: (gw: LedgerGateway) => Promise<T>): Promise<T> {
  const local = flags.data !== undefined || flags.db !== undefined;
  if (flags.url !== undefined && local) usageError(cmd, '--url acts through a running node and cannot be combined with --data or --db');
  const url = flags.url ?? (local ? undefined : rt.env.COMITY_URL || undefined);
  if (url === undefined) {
    if (flags.token !== undefined) usageError(cmd, '--token is only used with --url (or COMITY_URL)');
    const { openLedgerFolder } = await import('./ledger-local.ts');
    const gw = await openLedgerFolder(rt, flags);
    try {
      return await fn(gw);
    } finally {
      await gw.close();
    }
  }
  if (flags.url === undefined) {
    const problem = nodeUrlProblem(url);
    if (problem) throw new CliError(`COMITY_URL ${problem}`);
  }
  const token = flags.token ?? (rt.env.COMITY_TOKEN || undefined);
  if (token === undefined) throw new CliError('reading the ledger through --url needs an API token: set COMITY_TOKEN (or pass --token)');
  const { hostname, protocol } = new URL(url);
  if (protocol === 'http:') {
    const { isLoopbackHost } = await import('../http/server.ts');
    if (!isLoopbackHost(hostname)) rt.err(`comity: warning: sending the API token to ${hostname} over plain HTTP; use an https:// URL\n`);
  }
  const { remoteLedger } = await import('./ledger-remote.ts');
  return fn(remoteLedger(new ApiClient({ url, token }), { url, token }));
}
