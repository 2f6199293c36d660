import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Acknowledgement } from '../../core/alerts';
import { detectFindings } from '../../core/anomaly';
import { validateCatalog, type Catalog } from '../../core/catalog';
import { evaluateCatalog, type Evaluation, type MetricValue } from '../../core/engine';
import { ingestCsv } from '../../core/ingest';
import type { PaneActions, PaneState } from '../session/state';

const EXAMPLES = resolve(__dirname, '../../../examples');
const read = (file: string): string => readFileSync(resolve(EXAMPLES, file), 'utf8');

interface Demo {
  catalog: Catalog;
  sources: Record<string, ReturnType<typeof ingestCsv>['table']>;
  evaluation: Evaluation;
}

let demo: Demo | undefined;

/** The demo ledger, budget and forecast evaluated by the real engine; computed once per test file. */
function loadDemo(): Demo {
  if (demo) return demo;
  const { catalog, problems } = validateCatalog(JSON.parse(read('catalog.json')));
  if (!catalog) throw new Error(`examples/catalog.json is invalid: ${problems.map((p) => p.path).join(', ')}`);
  const sources = {
    ledger: ingestCsv(read('ledger.csv')).table,
    budget: ingestCsv(read('budget.csv'), { source: 'budget' }).table,
    forecast: ingestCsv(read('forecast.csv'), { source: 'forecast' }).table,
  };
  demo = { catalog, sources, evaluation: evaluateCatalog({ catalog, sources, grain: 'month' }) };
  return demo;
}

/** A metric's values per member of a dimension, as `loadBreakdown` leaves them in the state. */
export function demoBreakdown(metricId: string, dimension: string): MetricValue[] {
  const { catalog, sources } = loadDemo();
  const ev = evaluateCatalog({ catalog, sources, grain: 'month', metrics: [metricId], breakdown: dimension });
  return ev.values.filter((v) => v.metricId === metricId && v.member !== undefined);
}

const evaluations = new Map<string, Evaluation>();

/** The demo evaluated with a breakdown, so findings on totals carry drivers; cached per dimension. */
function evaluationBy(dimension: string | undefined): Evaluation {
  const { catalog, sources, evaluation } = loadDemo();
  if (dimension === undefined) return evaluation;
  let ev = evaluations.get(dimension);
  if (!ev) evaluations.set(dimension, (ev = evaluateCatalog({ catalog, sources, grain: 'month', breakdown: dimension })));
  return ev;
}

/**
 * A pane after a refresh of the demo data: the real engine and detectors, nothing precomputed.
 * Override any field (`results: undefined` for the state before the first refresh). With
 * `breakdown`, detection ranks that dimension's members as drivers.
 */
export function demoPaneState(overrides: Partial<PaneState> = {}, opts: { breakdown?: string } = {}): PaneState {
  const { catalog } = loadDemo();
  const evaluation = evaluationBy(opts.breakdown);
  const findings = detectFindings({ catalog, evaluation, ...(opts.breakdown ? { breakdown: opts.breakdown } : {}) });
  return {
    locale: 'en-US',
    theme: 'light',
    host: { kind: 'memory', notes: true, selectionEvents: true, clickEvents: true },
    catalog,
    catalogOrigin: { kind: 'bundled' },
    bindings: [],
    sources: [],
    sourceStatus: {},
    refresh: { phase: 'done', progress: 1, lastRefreshed: '2027-01-05T09:30:00Z', perMetric: {} },
    results: { evaluation, findings, problems: evaluation.problems, breakdowns: {}, dimensions: ['department', 'product', 'entity'] },
    acknowledgements: [],
    settings: { user: 'Li Na', sensitivity: 50, catalogServer: '', channels: [] },
    notices: [],
    ...overrides,
  };
}

export type ActionCall = { [K in keyof PaneActions]: { name: K; args: Parameters<PaneActions[K]> } }[keyof PaneActions];

/** Actions that record what a view asked for (and do nothing else), for asserting on clicks. */
export function recordingActions(): { actions: PaneActions; calls: ActionCall[] } {
  const calls: ActionCall[] = [];
  const record =
    <K extends keyof PaneActions>(name: K) =>
    (...args: Parameters<PaneActions[K]>) => {
      calls.push({ name, args } as ActionCall);
    };
  const later =
    <K extends keyof PaneActions>(name: K) =>
    (...args: Parameters<PaneActions[K]>): Promise<void> => {
      record(name)(...args);
      return Promise.resolve();
    };
  const actions: PaneActions = {
    setLocale: record('setLocale'),
    refreshAll: later('refreshAll'),
    cancelRefresh: record('cancelRefresh'),
    acknowledge: later('acknowledge'),
    explainSelection: later('explainSelection'),
    explainFinding: record('explainFinding'),
    revealFinding: later('revealFinding'),
    loadBreakdown: later('loadBreakdown'),
    dismissNotice: record('dismissNotice'),
  };
  return { actions, calls };
}

/** An acknowledgement as the session records it. */
export function makeAck(findingId: string, overrides: Partial<Acknowledgement> = {}): Acknowledgement {
  return { findingId, by: 'Wang Fang', at: '2027-01-06T08:15:00Z', note: 'Known: year-end rebate', severity: 'warning', ...overrides };
}
