import type { Kysely } from 'kysely';
import { toInt } from '../db/codec.ts';
import { inTransaction } from '../db/executor.ts';
import type { DB } from '../db/schema.ts';
import type { Ledger } from './ledger.ts';

/**
 * The retention rule for ledger details (docs/ledger.md, "Retention and erasure"): the details of an entry whose
 * `at` is more than `days` days old are erased — salt and details set to NULL, `erased_at` set — and each batch of
 * erasures is itself recorded as a `ledger.details_erased` entry. Leaves, subtree hashes and checkpoints are never
 * touched, so every proof still verifies; only the link from a commitment back to its details is gone.
 *
 * The scan walks the details that are not yet erased in index order and stops at the first entry that is still
 * young enough. Entries are appended with the node's clock, so `at` grows with the index; an entry whose clock
 * went backwards is erased on a later run, once everything before it has expired too (never early).
 */

/** The name written as the actor of the erasure entries. */
export const RETENTION_ACTOR = 'system';
/** The reason written into the erasure entries' details. */
export const RETENTION_REASON = 'retention';
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 2000;

export interface RetentionResult {
  /** Details erased by this run. */
  erased: number;
  /** `ledger.details_erased` entries appended (one per batch). */
  batches: number;
  /** Entries older than this instant were due. */
  cutoff: Date;
}

/** The `at` of a stored leaf, or null when the leaf is not an entry (verification reports that, not retention). */
function atOf(leaf: string): number | null {
  try {
    const parsed: unknown = JSON.parse(leaf);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const at = (parsed as { at?: unknown }).at;
    if (typeof at !== 'string') return null;
    const t = Date.parse(at);
    return Number.isNaN(t) ? null : t;
  } catch {
    return null;
  }
}

/**
 * Erases the details of every entry older than `days` days at `now` (one transaction and one erasure entry per
 * batch of at most `batch` entries). `days` must be positive: 0 means "keep forever" and is the caller's to skip.
 * Throws the database error when a batch fails; the batches before it stay erased.
 */
export async function eraseExpiredDetails(opts: { db: Kysely<DB>; ledger: Ledger; now: Date; days: number; batch?: number }): Promise<RetentionResult> {
  if (!Number.isSafeInteger(opts.days) || opts.days <= 0) throw new RangeError('retention needs a positive number of days');
  const cutoff = new Date(opts.now.getTime() - opts.days * DAY_MS);
  const batch = opts.batch ?? BATCH;
  let erased = 0;
  let batches = 0;
  let from = 0;
  for (;;) {
    const rows = await opts.db
      .selectFrom('ledger_details')
      .innerJoin('ledger_entries', 'ledger_entries.idx', 'ledger_details.idx')
      .select(['ledger_details.idx as idx', 'ledger_entries.leaf as leaf'])
      .where('ledger_details.erased_at', 'is', null)
      .where('ledger_details.idx', '>=', from)
      .orderBy('ledger_details.idx')
      .limit(batch)
      .execute();
    const due: number[] = [];
    let reachedYoung = false;
    for (const r of rows) {
      const at = atOf(r.leaf);
      if (at !== null && at >= cutoff.getTime()) {
        reachedYoung = true;
        break;
      }
      if (at !== null) due.push(toInt(r.idx));
    }
    if (due.length > 0) {
      const n = await inTransaction(opts.db, (trx) => opts.ledger.eraseDetails(trx, due, RETENTION_ACTOR, RETENTION_REASON));
      erased += n;
      if (n > 0) batches += 1;
    }
    const last = rows.at(-1);
    if (reachedYoung || rows.length < batch || last === undefined) break;
    from = toInt(last.idx) + 1;
  }
  return { erased, batches, cutoff };
}
