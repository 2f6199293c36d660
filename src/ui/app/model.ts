/**
 * What the pane shows: already computed and formatted, so the view only lays it out.
 * The workbench builds it from the demo data; the Excel wiring (a later issue) from the engine.
 */
export interface PaneMetricRow {
  id: string;
  name: { 'zh-CN': string; 'en-US': string };
  unitLabel: string;
  /** One entry per period the metric has a value (or an error) for; matched to columns by `period`. */
  periods: Array<{ period: string; display: string; error?: string }>;
}

export interface PaneModel {
  title: string;
  locale: 'zh-CN' | 'en-US';
  /** Column order, oldest first. */
  periods: string[];
  rows: PaneMetricRow[];
  warnings: string[];
}

export type PaneLocale = PaneModel['locale'];

export function emptyPaneModel(locale: PaneLocale): PaneModel {
  return { title: '', locale, periods: [], rows: [], warnings: [] };
}
