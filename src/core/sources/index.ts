// ERP sources: definitions, connectors over an injected fetch, incremental sync and snapshots.
export {
  FIELD_TYPES,
  ODATA_OPERATORS,
  type AuthConfig,
  type FieldSpec,
  type FieldType,
  type ODataSource,
  type PagingConfig,
  type RestSource,
  type SourceDefinition,
  type SourceFields,
  type SourceLimits,
} from './shape';
export { parseSource, sourceShape, sourcesShape, validateSource, type SourceCheck } from './checks';
export { PLACEHOLDERS, fillTemplate, type Placeholder, type TemplateValues } from './template';
export { compilePath, parseJsonPath, recordsAt, selectAll, valueAt, type JsonPath } from './jsonpath';
export { requireSecret } from './secrets';
export { TokenCache } from './auth';
export { backoffMs, isRetryableStatus, parseRetryAfter, withRetries, type RetryPolicy } from './retry';
export { RecordMapper, type KeyedRow, type MappedPage } from './mapping';
export { applyChanges, mergePages, nextWatermark, type Changes } from './sync';
export { isSnapshot, memorySnapshotStore, tableOf, type Snapshot, type SnapshotStore } from './snapshot';
export { odataLiteral } from './odata/query';
export { parseMetadata, propertiesOf, type ServiceMetadata } from './odata/metadata';
export { resolveLimits, type SourceContext } from './session';
export type { SourceEvent } from './transport';
export { definitionFingerprint, fetchSource, type FetchOptions, type FetchResult, type FetchStats } from './connector';
export { refreshSource, refreshSources, sourceInputOf, staleMessage, type RefreshOptions, type RefreshResult, type Stale } from './refresh';
export type { AbortSignalLike, Clock, FetchLike, HeadersLike, RequestInitLike, ResponseLike } from './web';
