/** Which deviations count: both ways, or only rises (crash rates, costs) or only falls (sales). */
export type Direction = 'both' | 'up' | 'down';

/** The series test that set a point's score. */
export type SeriesDetector = 'robust' | 'seasonal' | 'levelShift';

export interface ScoreSeriesOptions {
  /** Seasonal period in samples (12 for months in a year); 0 for none; detected when absent. */
  period?: number;
  /** Periods to try when detecting; by default derived from `timestamps`, else 4, 7, 12 and 24. */
  periods?: readonly number[];
  /** Sample times in epoch milliseconds, used only to pick the periods worth trying. */
  timestamps?: ArrayLike<number>;
  /** 0..100; 50 by default. */
  sensitivity?: number;
  /** Use the whole series to judge every point (no streaming); for reviews of history. */
  batch?: boolean;
  direction?: Direction;
}

/** One input value judged against what was expected of it. */
export interface ScoredPoint {
  /** null for a gap (missing or unreadable value). */
  value: number | null;
  /** null while there is too little history to expect anything. */
  expected: number | null;
  lower: number | null;
  upper: number | null;
  /** 0..1; 0.5 is the edge of the band. */
  score: number;
  anomaly: boolean;
  /** The test behind the score; null when the point was not scored. */
  detector: SeriesDetector | null;
}

export interface SeriesScores {
  points: ScoredPoint[];
  /** The seasonal period used at the end of the series (0: none). */
  period: number;
}

/** The scorer's working form: one typed column per output, NaN where the object form has null. */
export interface ScoreColumns {
  expected: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  score: Float64Array;
  /** 0 none, 1 robust, 2 seasonal, 3 levelShift. */
  detector: Uint8Array;
  /** Where a level shift took the level (median of the recent values); NaN on other points. */
  level: Float64Array;
  period: number;
}

/** Codes of ScoreColumns.detector, and the detector each stands for. */
export const ROBUST = 1;
export const SEASONAL = 2;
export const LEVEL_SHIFT = 3;
export const DETECTOR_CODES: readonly (SeriesDetector | null)[] = [null, 'robust', 'seasonal', 'levelShift'];

export function makeColumns(n: number): ScoreColumns {
  return {
    expected: new Float64Array(n).fill(NaN),
    lower: new Float64Array(n).fill(NaN),
    upper: new Float64Array(n).fill(NaN),
    score: new Float64Array(n),
    detector: new Uint8Array(n),
    level: new Float64Array(n).fill(NaN),
    period: 0,
  };
}
