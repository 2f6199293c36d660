import type { MetricDef } from '../catalog';

export type Status = 'ok' | 'notice' | 'warning' | 'critical' | 'error';

const RANK: Record<Status, number> = { ok: 0, notice: 1, warning: 2, critical: 3, error: 4 };

/** The target (or budget) of a metric for a period key, when the catalog has one. */
export function targetFor(def: Pick<MetricDef, 'targets'>, period: string): number | undefined {
  const matches = (def.targets ?? []).filter((t) => t.period === period);
  return (matches.find((t) => (t.kind ?? 'target') === 'target') ?? matches[0])?.value;
}

/**
 * The worst threshold a value crosses: `absolute` thresholds compare the value, `percentOfTarget`
 * ones compare value ÷ target (skipped without a usable target). An error value is `error`.
 */
export function thresholdStatus(def: Pick<MetricDef, 'thresholds'>, value: number | null, target: number | undefined): Status {
  if (value === null) return 'error';
  let worst: Status = 'ok';
  for (const t of def.thresholds ?? []) {
    const basis = t.basis ?? 'absolute';
    if (basis === 'percentOfTarget' && (target === undefined || target === 0)) continue;
    const x = basis === 'absolute' ? value : value / target!;
    const crossed = t.when === 'above' ? x > t.value : x < t.value;
    if (crossed && RANK[t.severity] > RANK[worst]) worst = t.severity;
  }
  return worst;
}
