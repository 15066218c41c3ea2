import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The native batch check of full verification (`native/ledger_verify.c`, built by `tools/build-native.ts` at
 * `npm ci`). It does, for a whole batch of entries at once, what `verifyRange` does leaf by leaf — stricter, never
 * more lenient — and computes the subtree hashes the batch completes; when it refuses a batch, the batch is checked
 * row by row in JavaScript, which names the first bad index. Without the built module, verification runs in
 * JavaScript only and gives the same results, more slowly.
 */
export interface NativeVerifier {
  /**
   * `rec`: records `leaf_hash \t action \t object_type \t object_id \t leaf` joined by `\n`; `det`: records
   * `erased \t salt \t details` joined by `\n`; both UTF-8, in index order, n of each. Returns the number of
   * erased details rows when the batch passed, and `out` then holds its subtree hashes in hex, level by level (see
   * `batchHashesLength`); −1 when it did not.
   */
  checkBatch(rec: Uint8Array, det: Uint8Array, origin: Uint8Array, start: number, n: number, out: Uint8Array): number;
}

/** Where `tools/build-native.ts` puts the module. */
export const NATIVE_MODULE = fileURLToPath(new URL('../../../build/native/ledger_verify.node', import.meta.url));

let loaded: NativeVerifier | null | undefined;

/** The native verifier, or null when it was not built (or cannot be loaded here). Loaded once per thread. */
export function nativeVerifier(): NativeVerifier | null {
  if (loaded === undefined) {
    try {
      const m = createRequire(import.meta.url)(NATIVE_MODULE) as Partial<NativeVerifier>;
      loaded = typeof m.checkBatch === 'function' ? (m as NativeVerifier) : null;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** The bytes `checkBatch` writes for n entries: 64 hex digits for each of the ⌊n / 2^L⌋ subtrees of every level L. */
export function batchHashesLength(n: number): number {
  let total = 0;
  for (let c = n; c > 0; c = Math.floor(c / 2)) total += c;
  return 64 * total;
}
