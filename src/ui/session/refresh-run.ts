import type { Catalog } from '../../core/catalog';
import type { ObservationTable, SourceInput } from '../../core/engine';
import type { Problem } from '../../core/errors';
import { formatMessage, localize, type Locale, type Localized } from '../../core/i18n';
import type { Binding } from '../../core/bindings';
import type { SecretStore } from '../../core/secrets';
import { refreshSource, sourceInputOf, staleMessage, type RefreshResult as SourceResult, type SourceDefinition } from '../../core/sources';
import { refreshWorkbook } from '../../host/refresh';
import { valueRecordsOf } from '../../storage/from-evaluation';
import { lineageClosure } from '../../core/lineage';
import { dimensionsOf, readBoundSources } from './bound-sources';
import { perLocale } from './notices';
import { sourceContext, syncWindow } from './source-context';
import type { PaneServices } from './services';
import type { MetricStatus, RefreshResults, SourceStatus } from './state';

export interface RefreshRequest {
  services: PaneServices;
  secrets: SecretStore;
  catalog: Catalog;
  bindings: readonly Binding[];
  /** ERP sources: the catalog's, overridden by the workbook's of the same id. */
  sources: readonly SourceDefinition[];
  locale: Locale;
  sensitivity: number;
  signal: AbortSignal;
  onProgress(progress: number, step: Localized): void;
}

export type RefreshOutcome =
  | { kind: 'cancelled' }
  | {
      kind: 'done';
      results: RefreshResults;
      perMetric: Record<string, MetricStatus>;
      sourceStatus: Record<string, SourceStatus>;
      /** What the engine read, kept for breakdowns on demand. */
      inputs: Record<string, SourceInput>;
      /** Non-fatal trouble the user should hear about (history not saved, sources without data). */
      warnings: Localized[];
    };

// Progress is split between the phases by their usual share of the wall time.
const SOURCES_END = 0.6;
const WORKBOOK_END = 0.9;

/** Refresh all: sync ERP sources, read bound ranges, evaluate, write results, mark findings, save history. */
export async function runRefresh(req: RefreshRequest): Promise<RefreshOutcome> {
  const now = req.services.clock ?? (() => new Date());
  const synced = await syncSources(req, now);
  if (req.signal.aborted) return { kind: 'cancelled' };
  req.onProgress(SOURCES_END, localize('pane.step.workbook'));
  const bound = await readBoundSources(req.services.host, req.catalog, req.bindings);
  if (req.signal.aborted) return { kind: 'cancelled' };
  const inputs: Record<string, SourceInput> = { ...synced.inputs, ...bound.tables };
  // Bindings were read above; refreshWorkbook evaluates, writes the results block and marks the findings.
  const result = await refreshWorkbook({ host: req.services.host, catalog: req.catalog, bindings: [], locale: req.locale, sources: inputs, sensitivity: req.sensitivity });
  req.onProgress(WORKBOOK_END, localize('pane.step.history'));
  const warnings = [...synced.warnings];
  try {
    await req.services.store.saveValues(valueRecordsOf(result.evaluation, now().toISOString()));
  } catch (err) {
    warnings.push(perLocale((l) => formatMessage('pane.historyFailed', { detail: err instanceof Error ? err.message : String(err) }, l)));
  }
  const problems: Problem[] = [...bound.problems, ...result.problems];
  const tables = Object.values(inputs).filter((i): i is ObservationTable => !('failed' in i));
  const results: RefreshResults = { evaluation: result.evaluation, findings: result.findings, problems, breakdowns: {}, dimensions: dimensionsOf(tables) };
  const stale = new Set(synced.results.filter((r) => r.stale).map((r) => r.sourceId));
  return { kind: 'done', results, perMetric: metricStatuses(req.catalog, result.evaluation, stale), sourceStatus: synced.status, inputs, warnings };
}

async function syncSources(req: RefreshRequest, now: () => Date) {
  const defs = req.sources;
  const results: SourceResult[] = [];
  let done = 0;
  const report = (step: Localized): void => req.onProgress((done / Math.max(1, defs.length)) * SOURCES_END, step);
  const window = syncWindow(now());
  let next = 0;
  // Two sources at a time, each with its own context so page events say which source they are from.
  const worker = async (): Promise<void> => {
    while (next < defs.length && !req.signal.aborted) {
      const def = defs[next]!;
      next += 1;
      const ctx = sourceContext(req.services.fetch, req.secrets, now, (e) => {
        if (e.type === 'page') report(localize('pane.step.sourcePage', { source: def.id, page: e.page }));
      });
      results.push(await refreshSource(def, ctx, { store: req.services.snapshots, signal: req.signal, ...window }));
      done += 1;
      report(localize('pane.step.sources', { done, total: defs.length }));
    }
  };
  if (defs.length) report(localize('pane.step.sources', { done: 0, total: defs.length }));
  await Promise.all([worker(), worker()]);
  const inputs = Object.fromEntries(results.map((r) => [r.sourceId, sourceInputOf(r, req.locale)]));
  const status = Object.fromEntries(results.map((r) => [r.sourceId, sourceStatusOf(r)]));
  const warnings = results.filter((r) => r.error && !r.table).map((r) => perLocale((l) => formatMessage('pane.sourceFailed', { source: r.sourceId, detail: r.error!.messageIn(l) }, l)));
  return { inputs, status, results, warnings };
}

function sourceStatusOf(r: SourceResult): SourceStatus {
  const status: SourceStatus = {};
  if (r.snapshot) {
    status.lastSynced = r.snapshot.fetchedAt;
    status.rows = r.snapshot.rows.length;
  }
  if (r.stale) status.stale = staleMessage(r.stale);
  if (r.error) status.error = r.error.text;
  return status;
}

/** Per metric: stale when any source behind it is, error when its latest value is an error, ok otherwise. */
function metricStatuses(catalog: Catalog, evaluation: RefreshResults['evaluation'], stale: ReadonlySet<string>): Record<string, MetricStatus> {
  const latest = new Map<string, (typeof evaluation.values)[number]>();
  for (const v of evaluation.values) if (v.member === undefined) latest.set(v.metricId, v);
  const out: Record<string, MetricStatus> = {};
  for (const id of evaluation.metrics) {
    const value = latest.get(id);
    const staleSources = lineageClosure(catalog, id).sources.filter((s) => stale.has(s));
    if (value?.error) out[id] = { status: 'error', message: value.error.message };
    else if (staleSources.length) out[id] = { status: 'stale', message: localize('pane.metricStale', { sources: staleSources.join(', ') }) };
    else out[id] = { status: 'ok' };
  }
  return out;
}
