// Browser-only door: imports Dexie. Node code imports '../storage' instead.
export { createDexieStore, type DexieStoreOptions } from './dexie-store';
export { createDexieSnapshotStore, SNAPSHOT_DB, type DexieSnapshotStoreOptions } from '../snapshots/dexie-snapshot-store';
