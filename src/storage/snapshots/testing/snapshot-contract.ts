import type { Snapshot, SnapshotStore } from '../../../core/sources';

/** A snapshot with rows that exercise keys, several measures and dimensions. */
export function makeSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    sourceId: 'erp_gl',
    definition: 'abcd1234',
    scale: 2,
    rows: [
      { key: 'JL-1', day: 20456, measures: { amount: -1200050 }, text: { account: '6001', department: 'East-1' } },
      { key: 'JL-2', day: 20457, measures: { amount: 35000, qty: 300 }, text: { account: '6401', department: '' } },
    ],
    watermark: '2026-11-20T08:00:00.000Z',
    fetchedAt: '2026-11-24T06:00:00.000Z',
    ...overrides,
  };
}

/** Behaviour every SnapshotStore must show; each implementation's test calls it with a fresh store. */
export function describeSnapshotStoreContract(name: string, makeStore: () => Promise<SnapshotStore>): void {
  describe(`SnapshotStore contract: ${name}`, () => {
    let store: SnapshotStore;
    beforeEach(async () => {
      store = await makeStore();
    });

    it('has nothing for a source never stored', async () => {
      expect(await store.get('erp_gl')).toBeUndefined();
    });

    it('gives back what was put, per source', async () => {
      const gl = makeSnapshot();
      const ar = makeSnapshot({ sourceId: 'erp_ar', rows: [], watermark: undefined });
      await store.put(gl);
      await store.put(ar);
      expect(await store.get('erp_gl')).toEqual(gl);
      expect(await store.get('erp_ar')).toEqual({ ...ar, watermark: undefined });
    });

    it('replaces a snapshot as a whole', async () => {
      await store.put(makeSnapshot());
      const next = makeSnapshot({ rows: [makeSnapshot().rows[0]!], watermark: '2026-11-25T00:00:00.000Z', fetchedAt: '2026-11-25T06:00:00.000Z' });
      await store.put(next);
      expect(await store.get('erp_gl')).toEqual(next);
    });

    it('is not changed by a caller mutating what it put or got', async () => {
      const snap = makeSnapshot();
      await store.put(snap);
      snap.rows[0]!.measures['amount'] = 1;
      const got = await store.get('erp_gl');
      got!.rows.pop();
      expect(await store.get('erp_gl')).toEqual(makeSnapshot());
    });
  });
}
