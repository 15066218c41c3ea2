import { parentPort, workerData } from 'node:worker_threads';
import { verifyRange, type RangeTask } from './verify-range.ts';
import { openSource } from './verify-source.ts';
import { nativeVerifier } from './native.ts';

/**
 * A worker thread of `verifyLedger` (verify.ts): opens its own read-only connection to the database at
 * `workerData.url` and verifies the ranges it is sent, one at a time, answering each with its `RangeResult`
 * (or the message of the error that stopped it). Loaded from source (Node strips the types) as the rest of
 * Comity is.
 */

export interface WorkerInit {
  url: string;
  origin: string;
  batch: number;
  /** Whether to use the native batch check when it is built (`native.ts`). */
  native: boolean;
}

export type WorkerRequest = { type: 'task'; id: number; task: RangeTask } | { type: 'close' };

const port = parentPort;
if (port === null) throw new Error('verify-worker.ts runs only as a worker thread');
const init = workerData as WorkerInit;
const source = await openSource(init.url);
const native = init.native ? nativeVerifier() : null;

port.on('message', (m: WorkerRequest) => {
  if (m.type === 'close') {
    void source.close().finally(() => port.close());
    return;
  }
  verifyRange(source, init.origin, m.task, init.batch, native).then(
    (result) => port.postMessage({ id: m.id, result }),
    (e: unknown) => port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
port.postMessage({ ready: true });
