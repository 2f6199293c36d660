// The Node door to the shared catalog service. Panes use the client's own door (./client), which
// never pulls in Node modules.
export { startServer, DEFAULT_MAX_BODY, type RunningServer, type ServerOptions } from './http';
export { createCatalogService, verifyStorage, type CatalogService, type ServiceOptions, type StorageReport } from './service';
export { openRepository, DEFAULT_DB } from './storage/open';
export type { CatalogRepository, CommitRequest, CommitResult, EntryWrite } from './storage/repository';
export { createGateway, type Gateway, type GatewayOptions } from './gateway';
export { parseToken } from './auth/tokens';
export * from './domain/model';
export * from './api/types';
