// The pane's door to the shared catalog service: browser-safe (fetch, Dexie), no Node modules.
export { createCatalogClient, ServiceError, type CatalogClient, type ClientOptions, type Fetched, type Subscription, type SubscribeOptions, type TransitionName } from './client';
export { createDexieOfflineCopy, OFFLINE_DB_NAME, type DexieCopyOptions, type OfflineCopy, type Snapshot } from './offline';
export { readEvents, type SseEvent } from './sse';
export type * from '../api/types';
