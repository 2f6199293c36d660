import { AppError } from '../errors';
import { batchScores } from './batch';
import { DEFAULT_PERIODS, periodsForStep, typicalStep } from './period';
import { clampSensitivity } from './sensitivity';
import { DETECTOR_CODES, type ScoreColumns, type ScoredPoint, type ScoreSeriesOptions, type SeriesScores } from './series-types';
import { streamScores } from './stream';

/** A point is anomalous from this score on: the edge of the band. */
export const ANOMALY_SCORE = 0.5;

/**
 * Scores every value of a series: what was expected of it, the band of normal values, a score in
 * 0..1 and whether it is an anomaly. Gaps (null, NaN) stay in place with value null. By default
 * each point is judged on the values up to it only, as an alert at that time would have been;
 * `batch` judges every point with the whole series in view.
 */
export function scoreSeries(values: ArrayLike<number | null>, options: ScoreSeriesOptions = {}): SeriesScores {
  const xs = Float64Array.from({ length: values.length }, (_, i) => {
    const v = values[i];
    return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
  });
  const cols = scoreColumns(xs, options);
  return { period: cols.period, points: toPoints(xs, cols) };
}

/** scoreSeries on a typed array, returning typed columns (NaN for null): for bulk work. */
export function scoreColumns(values: Float64Array, options: ScoreSeriesOptions = {}): ScoreColumns {
  const period = options.period;
  if (period !== undefined && !(Number.isInteger(period) && period >= 0)) throw new AppError('anomaly.badPeriod', { value: String(period) });
  const settings = {
    sensitivity: clampSensitivity(options.sensitivity),
    direction: options.direction ?? 'both',
    period: period === undefined || period >= 2 ? period : 0,
    candidates: options.periods ?? (options.timestamps ? periodsForStep(typicalStep(options.timestamps)) : DEFAULT_PERIODS),
  };
  return options.batch ? batchScores(values, settings) : streamScores(values, settings);
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

function toPoints(xs: Float64Array, cols: ScoreColumns): ScoredPoint[] {
  const points: ScoredPoint[] = new Array<ScoredPoint>(xs.length);
  for (let i = 0; i < xs.length; i += 1) {
    const score = cols.score[i]!;
    points[i] = {
      value: orNull(xs[i]!),
      expected: orNull(cols.expected[i]!),
      lower: orNull(cols.lower[i]!),
      upper: orNull(cols.upper[i]!),
      score,
      anomaly: score >= ANOMALY_SCORE,
      detector: DETECTOR_CODES[cols.detector[i]!] ?? null,
    };
  }
  return points;
}
