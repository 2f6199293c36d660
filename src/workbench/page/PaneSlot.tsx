import { useMemo } from 'react';
import catalogJson from '../../../examples/catalog.json';
import type { FetchLike } from '../../core/sources';
import type { MemoryHost } from '../../host/memory';
import { createDexieSnapshotStore, createDexieStore } from '../../storage/dexie';
import { PaneRoot, type PaneServices } from '../../ui';
import type { WorkbenchConfig } from './config';

export interface PaneSlotProps {
  host: MemoryHost;
  config: WorkbenchConfig;
  theme: 'light' | 'dark';
}

/**
 * The real task pane beside the grid, on the same services the Office entry gives it, except that
 * the workbook is the memory host the grid shows and the demo ERP (when `npm start` runs one) is
 * offered as a source. Mounted once per opened workbook, as Excel opens a pane per workbook.
 */
export function PaneSlot({ host, config, theme }: PaneSlotProps) {
  const services = useMemo(() => paneServices(host, config), [host, config]);
  return <PaneRoot services={services} theme={theme} />;
}

function paneServices(host: MemoryHost, config: WorkbenchConfig): PaneServices {
  return {
    host,
    store: createDexieStore(),
    snapshots: createDexieSnapshotStore(),
    fetch: window.fetch.bind(window) as unknown as FetchLike,
    httpFetch: window.fetch.bind(window),
    bundledCatalog: catalogJson,
    displayLanguage: navigator.language,
    ...(config.erpUrl ? { demo: { erpUrl: config.erpUrl } } : {}),
  };
}
