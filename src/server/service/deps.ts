import type { CatalogId } from '../domain/model';
import type { CatalogRepository } from '../storage/repository';

/** What every service module needs, passed in so tests control time and storage. */
export interface ServiceDeps {
  repo: CatalogRepository;
  /** ISO-8601 timestamps for versions, audit and token expiry. */
  now(): string;
  /** Called after each commit that changed a catalog, so open change feeds wake at once. */
  changed(catalog: CatalogId): void;
}
