import type { PeriodKey } from '../../core/brand';
import type { Finding } from '../../core/anomaly';
import type { Evaluation } from '../../core/engine';

/** One metric's totals, aligned with the evaluated periods (null where there is no value). */
export interface MetricSeries {
  periods: PeriodKey[];
  values: Array<number | null>;
}

/** The metric's total per period, the last `last` periods (all when omitted). */
export function metricSeries(evaluation: Evaluation, metricId: string, last?: number): MetricSeries {
  const periods = last === undefined ? evaluation.periods : evaluation.periods.slice(-last);
  const byPeriod = new Map<string, number | null>();
  for (const v of evaluation.values) if (v.metricId === metricId && v.member === undefined) byPeriod.set(v.period, v.value);
  return { periods, values: periods.map((p) => byPeriod.get(p) ?? null) };
}

/** What findings add to a series: the expected band and the flagged periods. */
export interface FindingOverlay {
  lower: Array<number | null>;
  upper: Array<number | null>;
  /** Indices into the periods with a finding on the total. */
  flagged: number[];
}

/**
 * The band is drawn where a finding states both bounds (statistical detectors do; a threshold only
 * has the side it guards). With several findings in a period, the highest-scoring banded one wins.
 */
export function findingOverlay(findings: readonly Finding[], metricId: string, periods: readonly PeriodKey[]): FindingOverlay {
  const index = new Map(periods.map((p, i) => [p as string, i] as const));
  const lower: Array<number | null> = periods.map(() => null);
  const upper: Array<number | null> = periods.map(() => null);
  const bandScore: number[] = periods.map(() => -1);
  const flagged = new Set<number>();
  for (const f of findings) {
    const i = index.get(f.period);
    if (f.metricId !== metricId || f.member !== undefined || i === undefined) continue;
    flagged.add(i);
    if (f.lower === null || f.upper === null || f.score <= bandScore[i]!) continue;
    [lower[i], upper[i], bandScore[i]] = [f.lower, f.upper, f.score];
  }
  return { lower, upper, flagged: [...flagged].sort((a, b) => a - b) };
}
