import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createDexieSnapshotStore } from './dexie-snapshot-store';
import { describeSnapshotStoreContract, makeSnapshot } from './testing/snapshot-contract';

let n = 0;
const fresh = () => `finpulse-snapshots-test-${process.pid}-${(n += 1)}`;

describeSnapshotStoreContract('dexie', () => Promise.resolve(createDexieSnapshotStore({ name: fresh(), indexedDB, IDBKeyRange })));

describe('dexie snapshot store', () => {
  it('keeps snapshots across close and reopen', async () => {
    const name = fresh();
    const first = createDexieSnapshotStore({ name, indexedDB, IDBKeyRange });
    await first.put(makeSnapshot());
    first.close();
    const second = createDexieSnapshotStore({ name, indexedDB, IDBKeyRange });
    expect(await second.get('erp_gl')).toEqual(makeSnapshot());
    second.close();
  });

  it('reports a damaged row instead of returning it as data', async () => {
    const name = fresh();
    const store = createDexieSnapshotStore({ name, indexedDB, IDBKeyRange });
    await store.put({ ...makeSnapshot(), rows: [{ day: 'x' }] } as unknown as ReturnType<typeof makeSnapshot>);
    await expect(store.get('erp_gl')).rejects.toMatchObject({ code: 'io.read', meta: { path: `${name}/erp_gl` } });
    store.close();
  });

  it('reports failures as AppError', async () => {
    const store = createDexieSnapshotStore({ name: fresh(), indexedDB, IDBKeyRange });
    store.close();
    await expect(store.get('erp_gl')).rejects.toMatchObject({ name: 'AppError' });
  });
});
