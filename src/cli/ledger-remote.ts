import { fromB64 } from '../platform/ledger/base64.ts';
import { openCheckpoint } from '../platform/ledger/checkpoint.ts';
import { decodeEntry } from '../platform/ledger/entry.ts';
import { isLedgerError } from '../platform/ledger/errors.ts';
import { leafHash, verifyConsistency } from '../platform/ledger/merkle.ts';
import { parseVerifierKey } from '../platform/ledger/note.ts';
import { appendToFrontier, rootFromFrontier } from '../platform/ledger/plan.ts';
import type { Receipt } from '../platform/ledger/receipt.ts';
import { problemLine, type ApiClient } from './api-client.ts';
import type { InclusionProof, LedgerGateway, LedgerReport } from './ledger-gateway.ts';
import { ApiError, CliError } from './output.ts';

interface EntriesPage {
  size: number;
  items: Array<{ index: number; leaf: string }>;
  next: number | null;
}

/** Why a request did not reach the node, in words (as the API client says it). */
function networkReason(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'no answer in time';
  const cause = e instanceof Error ? (e.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused (is the node running?)';
  if (cause?.code === 'ENOTFOUND') return 'unknown host';
  if (typeof cause?.message === 'string' && cause.message) return cause.message;
  return e instanceof Error ? e.message : 'unknown network error';
}

/** GETs or POSTs a text/plain ledger resource (the checkpoint note, the verifier key). 404 → null. */
async function text(conn: { url: string; token: string }, method: 'GET' | 'POST', path: string): Promise<string | null> {
  const base = new URL(conn.url.endsWith('/') ? conn.url : `${conn.url}/`);
  const where = base.toString().replace(/\/$/, '');
  let res: Response;
  try {
    res = await fetch(new URL(path, base), {
      method,
      headers: { authorization: `Bearer ${conn.token}`, accept: 'text/plain, application/problem+json' },
      redirect: 'error',
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    throw new CliError(`cannot reach the node at ${where}: ${networkReason(e)}`);
  }
  const body = await res.text();
  if (res.status === 404 && method === 'GET') return null;
  if (!res.ok) {
    let code = `http_${res.status}`;
    try {
      const parsed = JSON.parse(body) as { code?: unknown };
      if (typeof parsed.code === 'string') code = parsed.code;
    } catch {
      // not JSON
    }
    throw new ApiError(problemLine(res.status, res.statusText, res.headers.get('content-type') ?? '', body), res.status, code);
  }
  return body;
}

/** Beyond this many entries, remote verification does not keep leaf hashes to locate a bad entry. */
const LOCATE_MAX = 1 << 22;

/** The root of the tree of the first `k` leaf hashes, packed 32 bytes each in `hashes`. */
function rootOfPrefix(hashes: Buffer, k: number): Uint8Array {
  let frontier: Uint8Array[] = [];
  for (let i = 0; i < k; i++) frontier = appendToFrontier(frontier, BigInt(i), hashes.subarray(i * 32, i * 32 + 32)).frontier;
  return rootFromFrontier(frontier);
}

const fail = (origin: string, index: number | null, reason: string, checkpointSize: number | null = null): LedgerReport => ({
  ok: false,
  origin,
  index,
  checkpointSize,
  reason,
});

/**
 * The ledger through a running node's API. `verify` trusts nothing the node says about itself: it fetches every
 * leaf, recomputes every leaf hash and the tree, decodes every entry, and checks the latest signed checkpoint (and,
 * given a checkpoint kept from earlier, the consistency proof from it) against the verifier key it is given.
 */
export function remoteLedger(api: ApiClient, conn: { url: string; token: string }): LedgerGateway {
  const PREFIX = 'api/v1/ledger';
  const gw: LedgerGateway = {
    mode: 'remote',
    where: api.where,
    key: async () => {
      const k = await text(conn, 'GET', `${PREFIX}/key`);
      if (k === null) throw new CliError(`${api.where} serves no ledger key (is --url a Comity node?)`);
      return k.trim();
    },
    latestCheckpoint: () => text(conn, 'GET', `${PREFIX}/checkpoint`),
    issueCheckpoint: async () => {
      const before = await text(conn, 'GET', `${PREFIX}/checkpoint`);
      try {
        const note = (await text(conn, 'POST', `${PREFIX}/checkpoint`)) ?? '';
        return { note, issued: note !== before };
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) return null;
        throw e;
      }
    },
    inclusionProof: (index, size) => api.request<InclusionProof>('GET', `${PREFIX}/proofs/inclusion`, { query: { index, size } }),
    consistencyProof: async (from, to) => (await api.request<{ proof: string[] }>('GET', `${PREFIX}/proofs/consistency`, { query: { from, to } })).proof,
    root: async (size) => (await gw.inclusionProof(0, size)).rootHash,
    leaf: async (index) => {
      const page = await api.request<EntriesPage>('GET', `${PREFIX}/entries`, { query: { start: index, end: index + 1 } });
      const item = page.items[0];
      if (item?.index !== index) throw new CliError(`entry ${index} not found (the log has ${page.size} entries)`);
      return fromB64(item.leaf);
    },
    receipt: (index) => api.request<Receipt>('GET', `${PREFIX}/receipts/${index}`),
    verify: async (vkey, trusted) => {
      const verifier = parseVerifierKey(vkey);
      const origin = verifier.name;
      // The latest checkpoint first: the entries fetched afterwards include every entry it covers.
      const note = await gw.latestCheckpoint();
      let latest: { size: number; root: Uint8Array } | null = null;
      if (note !== null) {
        try {
          const cp = openCheckpoint(note, verifier, origin);
          latest = { size: Number(cp.size), root: cp.rootHash };
        } catch (e) {
          return fail(origin, null, `the node's latest checkpoint does not verify with ${origin}'s key: ${(e as Error).message}`);
        }
      }
      const old = trusted === undefined ? null : openCheckpoint(trusted, verifier, origin);
      const oldSize = old === null ? null : Number(old.size);
      if (old !== null && oldSize !== null) {
        if (latest === null) return fail(origin, null, `the node serves no checkpoint, but a checkpoint at size ${oldSize} was signed before`, oldSize);
        if (oldSize > latest.size)
          return fail(origin, null, `the node's latest checkpoint (size ${latest.size}) is older than the trusted one (size ${oldSize}): the log was rolled back`, latest.size);
        if (oldSize >= 1) {
          const served = await gw.consistencyProof(oldSize, latest.size);
          try {
            const proof = served.map((p) => fromB64(p));
            verifyConsistency(BigInt(oldSize), BigInt(latest.size), proof, old.rootHash, latest.root);
          } catch (e) {
            return fail(origin, null, `the latest checkpoint (size ${latest.size}) is not consistent with the trusted checkpoint (size ${oldSize}): ${(e as Error).message}`, latest.size);
          }
        }
      }

      let frontier: Uint8Array[] = [];
      let expected = 0;
      let size = -1;
      let start = 0;
      const rootAt = new Map<number, Uint8Array>();
      const watch = new Set<number>([...(latest ? [latest.size] : []), ...(oldSize !== null ? [oldSize] : [])]);
      // Leaf hashes up to the latest checkpoint, to locate the first bad entry should its root not match.
      const kept = latest !== null && latest.size <= LOCATE_MAX ? Buffer.alloc(latest.size * 32) : null;
      if (watch.has(0)) rootAt.set(0, rootFromFrontier(frontier));
      for (;;) {
        const page = await api.request<EntriesPage>('GET', `${PREFIX}/entries`, { query: { start, end: size < 0 ? undefined : size } });
        if (size < 0) size = page.size;
        for (const item of page.items) {
          if (item.index !== expected) return fail(origin, expected, item.index > expected ? `entry ${expected} is missing` : `entry ${item.index} is out of place`);
          let bytes: Uint8Array;
          try {
            bytes = fromB64(item.leaf);
            const entry = decodeEntry(bytes);
            if (entry.seq !== expected) return fail(origin, expected, `entry ${expected} says it is entry ${entry.seq}`);
            if (entry.node !== origin) return fail(origin, expected, `entry ${expected} belongs to another log (${entry.node})`);
          } catch (e) {
            if (!isLedgerError(e)) throw e;
            return fail(origin, expected, `entry ${expected} is malformed: ${e.message}`);
          }
          const lh = leafHash(bytes);
          if (kept !== null && expected < kept.length / 32) kept.set(lh, expected * 32);
          frontier = appendToFrontier(frontier, BigInt(expected), lh).frontier;
          expected += 1;
          if (watch.has(expected)) rootAt.set(expected, rootFromFrontier(frontier));
        }
        if (page.next === null || page.items.length === 0) break;
        start = page.next;
      }
      if (expected < size) return fail(origin, expected, `entry ${expected} is missing (the node says it has ${size})`);
      const same = (a: Uint8Array | undefined, b: Uint8Array): boolean => a !== undefined && Buffer.from(a).equals(Buffer.from(b));
      if (latest !== null) {
        if (latest.size > expected) return fail(origin, null, `the checkpoint at size ${latest.size} is beyond the ${expected} entries served`, latest.size);
        if (!same(rootAt.get(latest.size), latest.root)) {
          const bad = kept === null ? null : await locate(kept, latest);
          const what = bad === null ? 'the entries served' : `the entries served: entry ${bad} is not the one that was signed`;
          return fail(origin, bad, `the signed checkpoint at size ${latest.size} does not match ${what}`, latest.size);
        }
      }
      if (old !== null && oldSize !== null && !same(rootAt.get(oldSize), old.rootHash))
        return fail(origin, null, `the trusted checkpoint at size ${oldSize} does not match the entries served: the first ${oldSize} entries were rewritten`, oldSize);
      return { ok: true, origin, size: expected, checkpoints: latest ? 1 : 0, latestCheckpoint: latest?.size ?? null, erased: null, trustedCheckpoint: oldSize };
    },
  };
  /**
   * The first served entry that is not in the signed tree: the smallest k whose recomputed prefix root is not
   * proven consistent with the signed root (a prefix that matches has a valid proof; one that differs cannot),
   * found by binary search with O(log n) consistency proofs. Null when the node's proofs cannot tell.
   */
  async function locate(hashes: Buffer, latest: { size: number; root: Uint8Array }): Promise<number | null> {
    const consistent = async (k: number): Promise<boolean> => {
      try {
        const proof = (await gw.consistencyProof(k, latest.size)).map((p) => fromB64(p));
        verifyConsistency(BigInt(k), BigInt(latest.size), proof, rootOfPrefix(hashes, k), latest.root);
        return true;
      } catch (e) {
        if (isLedgerError(e)) return false;
        throw e;
      }
    };
    let lo = 1;
    let hi = latest.size;
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (await consistent(mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
  return gw;
}
