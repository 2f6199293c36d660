import type { PeriodKey } from '../../core/brand';
import type { Catalog, MetricDef } from '../../core/catalog';
import type { Evaluation } from '../../core/engine';
import { favourableMove } from './kpis';

/** One line of budget vs actual for a period. */
export interface VarianceRow {
  key: string;
  /** The metric(s) the actual comes from; the first one's unit and direction apply. */
  actualIds: string[];
  def: MetricDef;
  name: { 'zh-CN': string; 'en-US': string };
  period: PeriodKey;
  actual: number;
  budget: number;
  variance: number;
  /** Variance ÷ |budget|; null for a zero budget. */
  pct: number | null;
  favourable: boolean | null;
}

const BUDGET_SOURCE = 'budget';
const ACTUAL_SOURCE = 'ledger';
const sourceOf = (m: MetricDef) => m.source ?? 'ledger';
const sameBasis = (a: MetricDef, b: MetricDef) => (a.aggregation ?? 'sum') === (b.aggregation ?? 'sum') && (a.sign ?? 1) === (b.sign ?? 1);
const plain = (m: MetricDef) => m.kind === 'base' && !m.excludeAccounts?.length && !Object.keys(m.filters ?? {}).length;

/**
 * The ledger metrics a budget metric is the budget of: the one with the same accounts, or else
 * those whose accounts together make up the budget's exactly (opex budget = selling + admin).
 */
export function actualsFor(budget: MetricDef, catalog: Catalog): MetricDef[] {
  const wanted = new Set(budget.accounts ?? []);
  const candidates = catalog.metrics.filter(
    (m) => plain(m) && sourceOf(m) === ACTUAL_SOURCE && sameBasis(m, budget) && (m.accounts ?? []).every((a) => wanted.has(a)),
  );
  const exact = candidates.find((m) => m.accounts?.length === wanted.size);
  if (exact) return [exact];
  const covered = candidates.flatMap((m) => m.accounts ?? []);
  const partition = covered.length === wanted.size && new Set(covered).size === wanted.size;
  return partition ? candidates : [];
}

type ValueAt = (metricId: string, period: PeriodKey) => number | null;

/** Totals by metric and period, looked up in constant time. */
function totalsOf(evaluation: Evaluation): ValueAt {
  const index = new Map<string, number | null>();
  for (const v of evaluation.values) if (v.member === undefined) index.set(`${v.metricId}|${v.period}`, v.value);
  return (metricId, period) => index.get(`${metricId}|${period}`) ?? null;
}

function row(key: string, actualDefs: MetricDef[], name: VarianceRow['name'], period: PeriodKey, actual: number, budget: number): VarianceRow {
  const def = actualDefs[0]!;
  const variance = actual - budget;
  return { key, actualIds: actualDefs.map((m) => m.id), def, name, period, actual, budget, variance, pct: budget === 0 ? null : variance / Math.abs(budget), favourable: favourableMove(def, variance) };
}

const joinNames = (defs: MetricDef[]): VarianceRow['name'] => ({
  'zh-CN': defs.map((m) => m.name['zh-CN']).join(' + '),
  'en-US': defs.map((m) => m.name['en-US']).join(' + '),
});

/**
 * Budget vs actual in `period`: metrics with a catalog budget target, and budget-source metrics
 * paired with the ledger metrics they budget. Rows without both numbers are left out.
 */
export function varianceRows(catalog: Catalog, evaluation: Evaluation, period: PeriodKey): VarianceRow[] {
  return rowsAt(catalog, totalsOf(evaluation), period);
}

function rowsAt(catalog: Catalog, valueAt: ValueAt, period: PeriodKey): VarianceRow[] {
  const out: VarianceRow[] = [];
  for (const m of catalog.metrics) {
    const target = m.targets?.find((t) => t.kind === 'budget' && t.period === period);
    const actual = valueAt(m.id, period);
    if (target && actual !== null) out.push(row(`target:${m.id}`, [m], m.name, period, actual, target.value));
  }
  for (const budgetDef of catalog.metrics.filter((m) => m.kind === 'base' && sourceOf(m) === BUDGET_SOURCE)) {
    const actuals = actualsFor(budgetDef, catalog);
    const budget = valueAt(budgetDef.id, period);
    const values = actuals.map((m) => valueAt(m.id, period));
    if (!actuals.length || budget === null || values.some((v) => v === null)) continue;
    const actual = values.reduce<number>((sum, v) => sum + v!, 0);
    out.push(row(`budget:${budgetDef.id}`, actuals, joinNames(actuals), period, actual, budget));
  }
  return out;
}

/** The latest period in which any budget line has both numbers (budgets often stop before actuals). */
export function latestVariancePeriod(catalog: Catalog, evaluation: Evaluation): PeriodKey | undefined {
  const valueAt = totalsOf(evaluation);
  for (let i = evaluation.periods.length - 1; i >= 0; i--) {
    const period = evaluation.periods[i]!;
    if (rowsAt(catalog, valueAt, period).length) return period;
  }
  return undefined;
}
