export { severityRank, type Driver, type Finding, type FindingKind, type Severity } from './finding';
export type { Direction, ScoredPoint, ScoreSeriesOptions, SeriesDetector, SeriesScores } from './series-types';
export { ANOMALY_SCORE, scoreColumns, scoreSeries } from './score-series';
export { DEFAULT_SENSITIVITY, clampSensitivity } from './sensitivity';
export { DEFAULT_PERIODS, periodsForStep, typicalStep } from './period';
export { detectFindings, type DetectOptions } from './detect';
export { readSeriesCsv, parseTime, type SeriesRow } from './read-series';
