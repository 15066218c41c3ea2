import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/kit/dialects.ts';
import { inTransaction } from '../../platform/db/executor.ts';
import { lockCase, listCases, nextReferenceNumber } from './store.ts';

describeEachDialect('cases store', (get) => {
  it('counts references per scope with an upsert', async () => {
    const { db } = get();
    expect(await nextReferenceNumber(db, 'case:XA:2040')).toBe(1);
    expect(await nextReferenceNumber(db, 'case:XA:2040')).toBe(2);
    expect(await nextReferenceNumber(db, 'case:XB:2040')).toBe(1);
  });

  it('never hands out a number twice to concurrent transactions, and takes back a rolled-back one', async () => {
    const { db } = get();
    const got = await Promise.all(Array.from({ length: 20 }, () => inTransaction(db, (trx) => nextReferenceNumber(trx, 'case:XA:2041'))));
    expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await expect(
      inTransaction(db, async (trx) => {
        await nextReferenceNumber(trx, 'case:XA:2041');
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await nextReferenceNumber(db, 'case:XA:2041')).toBe(21);
  });

  it('reports unknown cases and lists nothing for the empty scope', async () => {
    const { db } = get();
    expect(await lockCase(db, '0190a000-0000-7000-8000-0000000000ff')).toBe(false);
    expect(await listCases(db, { viewerId: '0190a000-0000-7000-8000-0000000000ff', scope: 'none', limit: 10 })).toEqual([]);
  });
});
