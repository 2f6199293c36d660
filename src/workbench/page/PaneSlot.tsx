import { useMemo } from 'react';
import type { MemoryHost } from '../../host/memory';
import { PaneRoot, browserServices } from '../../ui';
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
  const services = useMemo(() => browserServices(host, config.erpUrl ? { demo: { erpUrl: config.erpUrl } } : {}), [host, config]);
  return <PaneRoot services={services} theme={theme} />;
}
