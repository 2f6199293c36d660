import Dexie, { type EntityTable } from 'dexie';
import type { EntryList } from '../api/types';

/** The last list a pane received, kept so it can keep working while the service is unreachable. */
export interface Snapshot {
  key: string;
  etag: string;
  savedAt: string;
  list: EntryList;
}

export interface OfflineCopy {
  save(snapshot: Snapshot): Promise<void>;
  load(key: string): Promise<Snapshot | undefined>;
  close(): void;
}

/** Dexie's own option types, so this file also compiles where there is no DOM library (the CLI build). */
type DexieOptions = NonNullable<ConstructorParameters<typeof Dexie>[1]>;

export interface DexieCopyOptions {
  /** Its own IndexedDB database, apart from the history store's. */
  name?: string;
  /** Injected for tests (fake-indexeddb) and for hosts whose global indexedDB is not the one to use. */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
}

export const OFFLINE_DB_NAME = 'finpulse-catalog-offline';

/** The offline copy in IndexedDB through Dexie: one row per (service, user, catalog, kind, view). */
export function createDexieOfflineCopy(opts: DexieCopyOptions = {}): OfflineCopy {
  const dexieOpts: DexieOptions = {};
  if (opts.indexedDB) dexieOpts.indexedDB = opts.indexedDB;
  if (opts.IDBKeyRange) dexieOpts.IDBKeyRange = opts.IDBKeyRange;
  const db = new Dexie(opts.name ?? OFFLINE_DB_NAME, dexieOpts) as Dexie & { snapshots: EntityTable<Snapshot, 'key'> };
  db.version(1).stores({ snapshots: 'key' });
  return {
    save: async (snapshot) => {
      await db.snapshots.put(snapshot);
    },
    load: (key) => db.snapshots.get(key),
    close: () => db.close(),
  };
}
