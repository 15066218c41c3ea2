/**
 * Group commit: work items submitted while a commit is running wait and are committed together by the next one,
 * so that N concurrent durable writes cost one fsync rather than N. `commit` receives the batch and returns one
 * result per item, in order; when it throws (a database error), each item is committed alone instead, so one bad
 * item cannot fail the others. Items are never combined beyond `maxBatch`.
 */
export class Batcher<I, R> {
  private queue: Array<{ item: I; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private running = false;
  private readonly commit: (items: I[]) => Promise<R[]>;
  private readonly maxBatch: number;

  constructor(commit: (items: I[]) => Promise<R[]>, maxBatch = 128) {
    this.commit = commit;
    this.maxBatch = maxBatch;
  }

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        // One turn of the event loop first: requests whose bytes have already arrived reach `submit` too and share
        // the commit (an SQLite commit is synchronous, so nothing else would ever arrive during one).
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.commit(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i] as R));
        } catch (e) {
          if (batch.length === 1) {
            batch[0]?.reject(e);
            continue;
          }
          for (const b of batch) {
            try {
              const [r] = await this.commit([b.item]);
              b.resolve(r as R);
            } catch (err) {
              b.reject(err);
            }
          }
        }
      }
    } finally {
      this.running = false;
    }
  }
}
