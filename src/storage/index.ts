// The Node-safe door to storage: types and the file store. The Dexie store has its own door
// (./dexie) so the CLI bundle never pulls in Dexie or touches IndexedDB.
export type { AuditEntry, AuditQuery, HistoryQuery, MetricStore, NewAuditEntry, ValueRecord } from './types';
export { createFileStore, AUDIT_FILE, VALUES_FILE, type FileStoreOptions } from './file/file-store';
export { valueRecordsOf } from './from-evaluation';
export { createFileSnapshotStore } from './snapshots/file-snapshot-store';
