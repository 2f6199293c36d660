import type { CatalogId } from '../domain/model';
import type { CatalogRepository } from '../storage/repository';
import { catalogOperations } from './catalogs';
import { entryOperations } from './entries';
import { ChangeHub } from './feed';
import { recordOperations } from './records';
import { userOperations } from './users';

export interface ServiceOptions {
  repo: CatalogRepository;
  /** Injected so tests can move time (token expiry); defaults to the system clock. */
  now?: () => string;
  /** How often open change feeds look for commits made by other instances. */
  feedPollMs?: number;
  /** Where background failures (a change feed that cannot read the database) are reported. */
  log?: (line: string) => void;
}

/** The catalog service's operations, independent of HTTP: each takes the authenticated user. */
export function createCatalogService(opts: ServiceOptions) {
  const now = opts.now ?? (() => new Date().toISOString());
  const log = opts.log ?? (() => undefined);
  const hub = new ChangeHub(opts.repo, opts.feedPollMs, (err) => log(`change feed: ${err instanceof Error ? err.message : String(err)}`));
  const deps = { repo: opts.repo, now, changed: (catalog: CatalogId) => hub.poke(catalog) };
  return {
    repo: opts.repo,
    hub,
    users: userOperations(deps),
    catalogs: catalogOperations(deps),
    entries: entryOperations(deps),
    records: recordOperations(deps),
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
export { InvalidInput } from './errors';
export { changeView, changeVisible } from './feed';
export { verifyStorage, type StorageReport } from './verify';
export { etagOf, type Conditions } from './preconditions';
export { TRANSITION_ACTIONS, type TransitionAction } from '../domain/lifecycle';
