import { hybridEsd } from './esd';
import { detectPeriod } from './period';
import { esdAlpha, scoreOf } from './sensitivity';
import { makeColumns, ROBUST, SEASONAL, type Direction, type ScoreColumns } from './series-types';
import { SortedWindow } from './sorted-window';
import { median, robustScale } from './robust';

export interface BatchSettings {
  sensitivity: number;
  direction: Direction;
  period: number | undefined;
  candidates: readonly number[];
}

/** Window of the centred moving median that gives the trend of a series without a season. */
const TREND_WINDOW = 7;
/** At most this share of a series may be called anomalous (as in seasonal hybrid ESD). */
const MAX_ANOMALIES = 0.1;

/**
 * Judges every point with the whole series in view, in the manner of seasonal hybrid ESD: a trend
 * (centred moving median over one cycle), a seasonal index per phase (median across cycles), and a
 * generalized ESD test with median and MAD on what remains. For reviewing history, not for alerts:
 * a point's verdict can change when later data arrives.
 */
export function batchScores(values: Float64Array, s: BatchSettings): ScoreColumns {
  const n = values.length;
  const out = makeColumns(n);
  const period = s.period ?? detectPeriod(values, n, s.candidates);
  const trend = centredMedian(values, period > 0 ? period + (period % 2 === 0 ? 1 : 0) : TREND_WINDOW);
  const season = seasonalIndex(values, trend, period);
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i += 1) residual[i] = values[i]! - trend[i]! - season[i]!;
  const esd = hybridEsd(residual, esdAlpha(s.sensitivity), MAX_ANOMALIES, s.direction, crossCycleSd(values, trend, period));
  const sd = Math.max(esd.sd, 1e-4 * Math.abs(median(values)), Number.MIN_VALUE);
  const outliers = new Set(esd.outliers);
  for (let i = 0; i < n; i += 1) {
    const expected = trend[i]! + season[i]! + esd.center;
    if (!Number.isFinite(expected)) continue;
    out.expected[i] = expected;
    out.lower[i] = expected - esd.critical * sd;
    out.upper[i] = expected + esd.critical * sd;
    if (!Number.isFinite(values[i]!)) continue;
    const z = (values[i]! - expected) / sd;
    const q = (s.direction === 'up' ? z : s.direction === 'down' ? -z : Math.abs(z)) / esd.critical;
    // ESD's verdict is the anomaly flag; the score follows the distance but stays on its side of 0.5.
    const score = scoreOf(q);
    out.score[i] = outliers.has(i) ? Math.max(score, 0.5) : Math.min(score, 0.4999);
    out.detector[i] = period > 0 ? SEASONAL : ROBUST;
  }
  out.period = period;
  return out;
}

/** Median of the `w` values centred on each point (gaps skipped); the edges repeat the nearest full median. */
export function centredMedian(values: Float64Array, w: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n <= w) return out.fill(median(values));
  const win = new SortedWindow(w);
  const half = (w - 1) >> 1;
  for (let i = 0; i < n; i += 1) {
    win.push(values[i]!);
    if (i >= w - 1) out[i - half] = win.size > 0 ? win.median() : NaN;
  }
  out.fill(out[half]!, 0, half);
  out.fill(out[n - 1 - half]!, n - half);
  return out;
}

/** The median of (value − trend) at each phase across cycles, centred so the indexes' median is 0. */
function seasonalIndex(values: Float64Array, trend: Float64Array, period: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (period < 2) return out;
  const byPhase = Array.from({ length: period }, (_, phase) => {
    const parts: number[] = [];
    for (let i = phase; i < n; i += period) parts.push(values[i]! - trend[i]!);
    return median(parts);
  });
  const centre = median(byPhase);
  for (let i = 0; i < n; i += 1) {
    const index = byPhase[i % period]!;
    out[i] = Number.isFinite(index) ? index - centre : 0;
  }
  return out;
}

/**
 * The noise of a seasonal series from differences between consecutive cycles at the same phase
 * (each has twice the noise variance). Residuals from a per-phase median understate it on a few
 * cycles: with three, every third residual is the median itself, exactly zero, and their MAD
 * collapses. 0 without a season.
 */
function crossCycleSd(values: Float64Array, trend: Float64Array, period: number): number {
  if (period < 2) return 0;
  const diffs: number[] = [];
  for (let i = period; i < values.length; i += 1) {
    const d = values[i]! - trend[i]! - (values[i - period]! - trend[i - period]!);
    if (Number.isFinite(d)) diffs.push(d);
  }
  const sd = robustScale(diffs) / Math.SQRT2;
  return Number.isFinite(sd) ? sd : 0;
}
