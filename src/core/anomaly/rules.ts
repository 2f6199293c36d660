import type { MetricDef } from '../catalog';
import { severityRank } from './finding';
import { materiality, scoreOf } from './sensitivity';
import type { Signal } from './signals';


/**
 * The worst catalog threshold a value crosses: `absolute` ones compare the value, `percentOfTarget`
 * ones the value as a share of the period's target (skipped without a usable target).
 */
export function thresholdSignal(def: Pick<MetricDef, 'thresholds'>, value: number, target: number | undefined): Extract<Signal, { kind: 'threshold' }> | undefined {
  let worst: Extract<Signal, { kind: 'threshold' }> | undefined;
  for (const t of def.thresholds ?? []) {
    const ofTarget = t.basis === 'percentOfTarget';
    if (ofTarget && (target === undefined || target === 0)) continue;
    const x = ofTarget ? value / target! : value;
    const crossed = t.when === 'above' ? x > t.value : x < t.value;
    if (!crossed || (worst && severityRank(worst.severity) >= severityRank(t.severity))) continue;
    worst = { kind: 'threshold', severity: t.severity, when: t.when, threshold: t.value, ...(ofTarget ? { target: target! } : {}) };
  }
  return worst;
}

/** The target of kind `budget` for a period, if the catalog has one. */
export const budgetFor = (def: Pick<MetricDef, 'targets'>, period: string): number | undefined =>
  def.targets?.find((t) => t.kind === 'budget' && t.period === period)?.value;

/** A variance from budget of at least the materiality for the sensitivity (5% at 50). */
export function budgetSignal(value: number, budget: number | undefined, sensitivity: number): Extract<Signal, { kind: 'budget' }> | undefined {
  if (budget === undefined || budget === 0) return undefined;
  const band = materiality(sensitivity);
  const q = Math.abs(value - budget) / Math.abs(budget) / band;
  return q >= 1 ? { kind: 'budget', score: scoreOf(q), budget, band } : undefined;
}
