import type { SheetRef } from '../../core/a1';
import type { Acknowledgement } from '../../core/alerts';
import type { Finding } from '../../core/anomaly';
import type { Binding } from '../../core/bindings';
import type { Catalog } from '../../core/catalog';
import type { Evaluation, MetricValue } from '../../core/engine';
import type { Problem } from '../../core/errors';
import type { Locale, Localized } from '../../core/i18n';
import type { SourceDefinition } from '../../core/sources';
import type { HostKind } from '../../host/contract';

/**
 * What every view reads: one immutable snapshot of the pane, replaced (never mutated) by the
 * session on each change. Views render it and call `PaneActions`; they never reach the host,
 * the stores or the network themselves.
 */
export interface PaneState {
  locale: Locale;
  theme: 'light' | 'dark';
  host: { kind: HostKind; notes: boolean; selectionEvents: boolean; clickEvents: boolean };
  /** The catalog in use and where it came from. */
  catalog: Catalog;
  catalogOrigin: CatalogOrigin;
  bindings: readonly Binding[];
  sources: readonly SourceDefinition[];
  /** Per ERP source id: when it last synced and whether the pane is showing stale data. */
  sourceStatus: Readonly<Record<string, SourceStatus>>;
  refresh: RefreshStatus;
  /** Results of the last completed refresh, absent before the first. */
  results?: RefreshResults;
  acknowledgements: readonly Acknowledgement[];
  /** The cell the user last selected in the workbook. */
  selection?: SheetRef;
  /** What the Explain view shows: set by a click on a marked cell or "Explain selected cell". */
  explaining?: ExplainTarget;
  settings: PaneSettings;
  /** Messages for the user, newest last (errors, warnings, confirmations). */
  notices: readonly Notice[];
  /** The view on screen; the shell shows the catalog when absent. */
  view?: PaneView;
  /** Set when a demo ERP runs beside the pane (the workbench): Sources offers a one-click preset. */
  demo?: { erpUrl: string };
}

/** The pane's eight views, in navigation order. */
export const PANE_VIEWS = ['catalog', 'bind', 'sources', 'refresh', 'dashboard', 'findings', 'explain', 'settings'] as const;
export type PaneView = (typeof PANE_VIEWS)[number];

export type CatalogOrigin = { kind: 'bundled' } | { kind: 'server'; url: string; offline: boolean } | { kind: 'file'; name: string };

export interface SourceStatus {
  /** ISO-8601 of the last successful sync. */
  lastSynced?: string;
  rows?: number;
  /** Set when the last refresh failed and an older snapshot is used ("stale since …"). */
  stale?: Localized;
  error?: Localized;
}

export type RefreshPhase = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface RefreshStatus {
  phase: RefreshPhase;
  /** 0..1 while running. */
  progress: number;
  /** What is happening now, e.g. "Syncing gl-demo (page 3)". */
  step?: Localized;
  /** ISO-8601 of the last completed refresh. */
  lastRefreshed?: string;
  /** Per metric id after a refresh: ok, error (with its message) or skipped. */
  perMetric: Readonly<Record<string, MetricStatus>>;
}

export interface MetricStatus {
  status: 'ok' | 'error' | 'stale';
  message?: Localized;
}

export interface RefreshResults {
  evaluation: Evaluation;
  findings: readonly Finding[];
  problems: readonly Problem[];
  /** Values broken down by member, keyed `${metricId}|${dimension}`, computed on demand (`loadBreakdown`). */
  breakdowns: Readonly<Record<string, readonly MetricValue[]>>;
  /** Dimensions the bound data carries (e.g. department, product), for drill-down. */
  dimensions: readonly string[];
}

export interface ExplainTarget {
  /** The findings shown, worst first; empty when the cell has no finding (the view says so). */
  findingIds: readonly string[];
  ref?: SheetRef;
}

export interface PaneSettings {
  /** Who acknowledges and edits (the signed-in user's name). */
  user: string;
  /** Anomaly sensitivity 0..100. */
  sensitivity: number;
  /** Catalog service URL; empty for the bundled catalog. */
  catalogServer: string;
  /** Which of the service's catalogs; the first the token may read when absent. */
  catalogId?: string;
  /** Alert channels by id (definitions only; secrets live in the per-user secret store). */
  channels: readonly { id: string; type: string; url: string }[];
  /** The language chosen by the user; undefined follows Office's display language. */
  language?: Locale;
}

export interface Notice {
  id: string;
  intent: 'error' | 'warning' | 'success' | 'info';
  text: Localized;
}

/** Everything a view may ask for. Promise-returning actions report failures as notices, never throw. */
export interface PaneActions {
  setLocale(locale: Locale): void;
  refreshAll(): Promise<void>;
  cancelRefresh(): void;
  /** `by` names the user when the pane has no name for them yet; it is remembered as theirs. */
  acknowledge(findingId: string, note: string, by?: string): Promise<void>;
  /** Explain the current selection (the "Explain selected cell" button). */
  explainSelection(): Promise<void>;
  explainFinding(findingId: string): void;
  /** Selects the cells behind a finding in the workbook. */
  revealFinding(findingId: string): Promise<void>;
  loadBreakdown(metricId: string, dimension: string): Promise<void>;
  dismissNotice(id: string): void;
}

