// Browser-only door: imports Dexie. Node code imports '../storage' instead.
export { createDexieStore, type DexieStoreOptions } from './dexie-store';
