import catalogJson from '../../../examples/catalog.json';
import type { FetchLike } from '../../core/sources';
import type { WorkbookHost } from '../../host/contract';
import { createDexieSnapshotStore, createDexieStore } from '../../storage/dexie';
import type { PaneServices } from './services';

/**
 * The pane's services in a browser (Office's webview, WPS, the workbench): IndexedDB stores, the
 * page's fetch and the bundled catalog. Entries differ only in the host and a few `extras`.
 */
export function browserServices(host: WorkbookHost, extras: Partial<Omit<PaneServices, 'host'>> = {}): PaneServices {
  return {
    host,
    store: createDexieStore(),
    snapshots: createDexieSnapshotStore(),
    fetch: window.fetch.bind(window) as unknown as FetchLike,
    httpFetch: window.fetch.bind(window),
    bundledCatalog: catalogJson,
    displayLanguage: navigator.language,
    ...extras,
  };
}
