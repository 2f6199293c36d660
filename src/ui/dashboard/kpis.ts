import type { PeriodKey } from '../../core/brand';
import { severityRank, type Finding } from '../../core/anomaly';
import type { Catalog, MetricDef } from '../../core/catalog';
import type { Evaluation } from '../../core/engine';
import { targetFor, thresholdStatus, type Status } from '../../core/results';
import { findingOverlay, metricSeries } from '../charts';

/** The controller's first look, in this order, when the catalog has them. */
export const DEFAULT_KPIS = ['revenue', 'gross_margin', 'net_income', 'operating_cash_flow', 'dso', 'net_margin', 'current_ratio', 'cash'] as const;
const FALLBACK_COUNT = 6;
export const SPARK_PERIODS = 12;

/** The default KPIs present in the catalog; without any, its first computed metrics. */
export function defaultKpis(catalog: Catalog): string[] {
  const ids = new Set(catalog.metrics.map((m) => m.id));
  const known = DEFAULT_KPIS.filter((id) => ids.has(id));
  return known.length ? known : catalog.metrics.filter((m) => m.kind !== 'base').slice(0, FALLBACK_COUNT).map((m) => m.id);
}

/** How the latest period moved from the one before: relative for amounts, points for percentages. */
export interface Change {
  kind: 'relative' | 'points';
  value: number;
  /** Good or bad news given the metric's direction; null for neutral metrics or no move. */
  favourable: boolean | null;
}

export interface KpiCardModel {
  def: MetricDef;
  period?: PeriodKey;
  value: number | null;
  /** Error kind such as `DIV0` when the latest value is an error. */
  error?: string;
  target?: number;
  status: Status;
  change?: Change;
  spark: { values: Array<number | null>; flagged: number[]; periods: PeriodKey[] };
}

export function favourableMove(def: Pick<MetricDef, 'direction'>, delta: number): boolean | null {
  if (def.direction === 'neutral' || delta === 0) return null;
  return def.direction === 'higherIsBetter' ? delta > 0 : delta < 0;
}

function changeOf(def: MetricDef, current: number | null, previous: number | null | undefined): Change | undefined {
  if (current === null || previous === null || previous === undefined) return undefined;
  const delta = current - previous;
  const favourable = favourableMove(def, delta);
  if (def.unit === 'percent') return { kind: 'points', value: delta, favourable };
  return previous === 0 ? undefined : { kind: 'relative', value: delta / Math.abs(previous), favourable };
}

/** The worst finding on the metric's total in a period decides its status; else its thresholds. */
function statusOf(def: MetricDef, findings: readonly Finding[], period: PeriodKey | undefined, value: number | null, target: number | undefined): Status {
  const own = findings.filter((f) => f.metricId === def.id && f.period === period && f.member === undefined);
  if (own.length && value !== null) return own.reduce((w, f) => (severityRank(f.severity) > severityRank(w.severity) ? f : w)).severity;
  return thresholdStatus(def, value, target);
}

/** Everything a KPI card shows, from the evaluation and findings of the last refresh. */
export function kpiCard(def: MetricDef, evaluation: Evaluation, findings: readonly Finding[]): KpiCardModel {
  const { periods, values } = metricSeries(evaluation, def.id, SPARK_PERIODS);
  const latest = evaluation.values.filter((v) => v.metricId === def.id && v.member === undefined).at(-1);
  const at = latest ? periods.indexOf(latest.period) : -1;
  const value = latest?.value ?? null;
  const target = latest ? targetFor(def, latest.period) : undefined;
  return {
    def,
    ...(latest ? { period: latest.period } : {}),
    value,
    ...(latest?.error ? { error: latest.error.kind } : {}),
    ...(target !== undefined ? { target } : {}),
    status: statusOf(def, findings, latest?.period, value, target),
    ...(at > 0 ? { change: changeOf(def, value, values[at - 1]) } : {}),
    spark: { values, flagged: findingOverlay(findings, def.id, periods).flagged, periods },
  };
}
