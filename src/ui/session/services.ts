import type { SecretStore } from '../../core/secrets';
import type { FetchLike, SnapshotStore } from '../../core/sources';
import type { WorkbookHost } from '../../host/contract';
import type { MetricStore } from '../../storage/types';
import type { UserPreferences } from './preferences';

/** A secret store the pane can also write to: the Sources and Settings views save credentials here. */
export interface WritableSecretStore extends SecretStore {
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** Names only, never values: what the forms show as "saved". */
  names(): Promise<string[]>;
}

/**
 * Everything platform-specific the pane runs on, passed in by its entry (task pane or workbench).
 * The session never reaches for globals beyond these, so tests run it on the memory host.
 */
export interface PaneServices {
  host: WorkbookHost;
  store: MetricStore;
  snapshots: SnapshotStore;
  fetch: FetchLike;
  clock?: () => Date;
  /** Office's display language (e.g. zh-CN, en-GB); the pane's language until the user picks one. */
  displayLanguage?: string;
  /** The catalog shipped with the pane, used when no catalog service is set or reachable. */
  bundledCatalog: unknown;
  /** Set when a demo ERP runs beside the pane: the Sources view offers a one-click preset. */
  demo?: { erpUrl: string };
  /** Per-user credentials; the encrypted IndexedDB store by default. */
  secrets?: WritableSecretStore;
  /** Per-user choices (language, name, theme); localStorage by default. */
  preferences?: UserPreferences;
  /** Office's theme when the pane runs in Office. */
  officeTheme?: 'light' | 'dark';
  /** The catalog service's fetch (the standard one); `fetch` above when absent. */
  httpFetch?: typeof fetch;
}

/**
 * The standard fetch for the catalog client. Called through a local so a bare `window.fetch` passed
 * in never runs with another `this` (browsers refuse that with "Illegal invocation").
 */
export function standardFetch(services: Pick<PaneServices, 'fetch' | 'httpFetch'>): typeof fetch {
  const f = (services.httpFetch ?? services.fetch) as unknown as typeof fetch;
  return (input, init) => f(input, init);
}
