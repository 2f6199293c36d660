import type { MetricDef } from '../catalog';
import type { Grain } from '../periods';
import { ANOMALY_SCORE, scoreColumns } from './score-series';
import { materiality } from './sensitivity';
import { LEVEL_SHIFT, SEASONAL } from './series-types';
import type { Comparison, Signal } from './signals';
import { STREAM_TUNING } from './stream';

/** The signals the statistical tests give. */
export type StatisticalSignal = Extract<Signal, { kind: 'robust' | 'seasonal' | 'levelShift' | 'change' }>;

/** The season worth trying on each grain: a year of months, quarters or weeks, a week of days. */
const SEASONS: Readonly<Record<Grain, readonly number[]>> = { day: [7], week: [52], month: [12], quarter: [4], year: [] };

/** The period-on-period comparisons of each grain, with their lag in periods. */
const COMPARISONS: Readonly<Record<Grain, ReadonlyArray<readonly [Comparison, number]>>> = {
  day: [['dod', 1]],
  week: [['wow', 1], ['yoy', 52]],
  month: [['mom', 1], ['yoy', 12]],
  quarter: [['qoq', 1], ['yoy', 4]],
  year: [['yoy', 1]],
};

/** A statistical finding must move the value by at least this share of the budget materiality. */
const STATISTICAL_MATERIALITY = 0.2;

export interface SeriesAnalysis {
  /** What the value model expected of each period (NaN when it had too little history). */
  expected: Float64Array;
  /** The strongest statistical signal of each period, if any passed its threshold. */
  signals: Array<StatisticalSignal | undefined>;
}

/**
 * Runs the streaming value model (robust or seasonal, with the level-shift test) and the
 * period-change tests (MoM/QoQ and YoY, on the series of changes) over one metric series, and
 * keeps for each period the strongest signal that is both unusual and material. Every test reads
 * only the periods up to the one it judges.
 */
export function analyseSeries(values: Float64Array, grain: Grain, sensitivity: number, def: Pick<MetricDef, 'unit'>, changes = true): SeriesAnalysis {
  const cols = scoreColumns(values, { periods: SEASONS[grain], sensitivity });
  const signals = new Array<StatisticalSignal | undefined>(values.length);
  const floor = statisticalFloor(sensitivity);
  for (let t = 0; t < values.length; t += 1) {
    const x = values[t]!;
    const expected = cols.expected[t]!;
    if (cols.score[t]! < ANOMALY_SCORE || !isMaterial(x, expected, floor, def)) continue;
    const band = { expected, lower: cols.lower[t]!, upper: cols.upper[t]!, score: cols.score[t]! };
    const code = cols.detector[t];
    signals[t] = code === LEVEL_SHIFT ? { kind: 'levelShift', ...band, before: expected, after: cols.level[t]!, periods: STREAM_TUNING.shiftRecent } : { kind: code === SEASONAL ? 'seasonal' : 'robust', ...band };
  }
  if (changes) for (const [comparison, lag] of COMPARISONS[grain]) addChangeSignals(values, { comparison, lag, seasons: SEASONS[grain] }, sensitivity, def, signals);
  return { expected: cols.expected, signals };
}

/**
 * A move too small to matter is not reported however unusual: 1% (or 1 point of a percentage) at
 * sensitivity 50, relative to `scale` (the value expected, or a member's group total).
 */
export function isMaterial(actual: number, expected: number, floor: number, def: Pick<MetricDef, 'unit'>, scale = Math.abs(expected)): boolean {
  const gap = Math.abs(actual - expected);
  return def.unit === 'percent' ? gap >= floor : gap >= floor * scale;
}

/** The statistical materiality floor at a sensitivity (a share of the budget materiality). */
export const statisticalFloor = (sensitivity: number): number => STATISTICAL_MATERIALITY * materiality(sensitivity);

/**
 * Scores the series of changes over `lag` periods (value − value lag periods earlier) and records a
 * change signal where that change is unusual, material relative to its base, and stronger than
 * what the value model already saw.
 */
function addChangeSignals(
  values: Float64Array,
  { comparison, lag, seasons }: { comparison: Comparison; lag: number; seasons: readonly number[] },
  sensitivity: number,
  def: Pick<MetricDef, 'unit'>,
  signals: Array<StatisticalSignal | undefined>,
): void {
  if (values.length <= lag + 2) return;
  const changes = values.map((x, t) => (t >= lag ? x - values[t - lag]! : NaN));
  // A year-on-year change has no season left in it; a month-on-month one keeps the year's.
  const cols = scoreColumns(changes, lag === 1 ? { sensitivity, periods: seasons } : { sensitivity, period: 0 });
  const floor = materiality(sensitivity);
  for (let t = lag; t < values.length; t += 1) {
    const score = cols.score[t]!;
    const base = values[t - lag]!;
    // A shift in the rate of change is not a change this period: only spikes of the change count.
    if (score < ANOMALY_SCORE || cols.detector[t] === LEVEL_SHIFT || score <= (signals[t]?.score ?? 0)) continue;
    if (!isMaterial(values[t]!, base, floor, def)) continue;
    signals[t] = { kind: 'change', comparison, score, base, expected: base + cols.expected[t]!, lower: base + cols.lower[t]!, upper: base + cols.upper[t]! };
  }
}
