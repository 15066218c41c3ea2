import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.ts';

describe('Batcher (group commit)', () => {
  it('commits items submitted during a commit together, in order, with one result each', async () => {
    const batches: number[][] = [];
    const b = new Batcher<number, number>(async (items) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 10));
      return items.map((i) => i * 10);
    });
    const first = [1, 2, 3].map((i) => b.submit(i));
    // Submitted in the same turn of the event loop: one commit. Then two more arrive while it runs.
    await new Promise((r) => setTimeout(r, 2));
    const later = [4, 5].map((i) => b.submit(i));
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('when a batch fails, commits each item alone so that only the bad one fails', async () => {
    const b = new Batcher<number, number>(async (items) => {
      if (items.includes(3)) throw new Error(`bad batch ${items.join(',')}`);
      return items;
    });
    const first = b.submit(0);
    const rest = [1, 2, 3, 4].map((i) => b.submit(i).then((v) => ({ ok: v }), (e: Error) => ({ err: e.message })));
    await first;
    expect(await Promise.all(rest)).toEqual([{ ok: 1 }, { ok: 2 }, { err: 'bad batch 3' }, { ok: 4 }]);
  });

  it('never puts more than maxBatch items in one commit', async () => {
    const sizes: number[] = [];
    const b = new Batcher<number, number>(async (items) => {
      sizes.push(items.length);
      await new Promise((r) => setTimeout(r, 1));
      return items;
    }, 3);
    await Promise.all(Array.from({ length: 10 }, (_, i) => b.submit(i)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, c) => a + c, 0)).toBe(10);
  });
});
