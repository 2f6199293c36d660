import Dexie, { type EntityTable } from 'dexie';
import { AppError, toAppError } from '../../core/errors';
import { isSnapshot, type Snapshot, type SnapshotStore } from '../../core/sources';

type SnapshotDb = Dexie & { snapshots: EntityTable<Snapshot, 'sourceId'> };

export interface DexieSnapshotStoreOptions {
  /** Its own database, so the history database's schema version is never bumped for it. */
  name?: string;
  /** Injected for tests (fake-indexeddb) and hosts whose global indexedDB is not the one to use. */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
}

type DexieOptions = NonNullable<ConstructorParameters<typeof Dexie>[1]>;

export const SNAPSHOT_DB = 'finpulse-snapshots';

/** Snapshots in the pane: one row per source in IndexedDB; a put is one transaction, so it lands whole or not at all. */
export function createDexieSnapshotStore(opts: DexieSnapshotStoreOptions = {}): SnapshotStore & { close(): void } {
  const dexieOpts: DexieOptions = {};
  if (opts.indexedDB) dexieOpts.indexedDB = opts.indexedDB;
  if (opts.IDBKeyRange) dexieOpts.IDBKeyRange = opts.IDBKeyRange;
  const db = new Dexie(opts.name ?? SNAPSHOT_DB, dexieOpts) as SnapshotDb;
  db.version(1).stores({ snapshots: 'sourceId' });
  return {
    async get(sourceId) {
      let found: unknown;
      try {
        found = await db.snapshots.get(sourceId);
      } catch (err) {
        throw toAppError(err);
      }
      if (found === undefined) return undefined;
      if (!isSnapshot(found)) throw new AppError('io.read', { path: `${db.name}/${sourceId}`, detail: 'the stored snapshot is damaged; the next refresh fetches everything' });
      return found;
    },
    async put(snapshot) {
      try {
        await db.snapshots.put(snapshot);
      } catch (err) {
        throw toAppError(err);
      }
    },
    close: () => db.close(),
  };
}
