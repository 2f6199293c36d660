import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { metricId, periodKey } from '../../core/brand';
import { describeStoreContract, makeValue } from '../testing/store-contract';
import { createDexieStore } from './dexie-store';

let dbCount = 0;
const freshName = (): string => `finpulse-test-${process.pid}-${(dbCount += 1)}`;
const open = (name: string) => createDexieStore({ name, indexedDB, IDBKeyRange });

describeStoreContract('dexie', () => Promise.resolve(open(freshName())));

describe('dexie store', () => {
  it('keeps history and audit across close and reopen of the same database', async () => {
    const name = freshName();
    const first = open(name);
    await first.saveValues([makeValue()]);
    const entry = await first.appendAudit({ actor: 'alice', action: 'metric.publish', target: 'gross_margin' });
    await first.close();

    const second = open(name);
    expect(await second.latest(metricId('gross_margin'), periodKey('2026-01'))).toStrictEqual(makeValue());
    expect(await second.saveValues([makeValue({ computedAt: '2026-03-01T00:00:00.000Z' })])).toBe(0);
    const next = await second.appendAudit({ actor: 'bob', action: 'metric.review', target: 'gross_margin' });
    expect(next.seq).toBeGreaterThan(entry.seq);
    expect(await second.audit()).toStrictEqual([entry, next]);
    await second.close();
  });

  it('reports failures as AppError', async () => {
    const store = open(freshName());
    await store.close();
    await expect(store.audit()).rejects.toMatchObject({ name: 'AppError', code: 'internal' });
  });
});
