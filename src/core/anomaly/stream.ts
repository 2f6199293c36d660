import { LevelShiftTest } from './level-shift';
import { detectPeriod } from './period';
import { ResidualScale } from './residual-scale';
import { SeasonTracker } from './season';
import { scoreOf, smallSampleFactor, zThreshold } from './sensitivity';
import { LEVEL_SHIFT, makeColumns, ROBUST, SEASONAL, type Direction, type ScoreColumns } from './series-types';
import { SortedWindow } from './sorted-window';

export interface StreamSettings {
  sensitivity: number;
  direction: Direction;
  /** A declared period (0: none); undefined to detect one among `candidates`. */
  period: number | undefined;
  candidates: readonly number[];
}

/** The scorer's constants: one configuration for every series, chosen on the evaluation corpora. */
export interface StreamTuning {
  /** Values behind the level of a series without a season (their median). */
  levelWindow: number;
  /** Residuals behind the long-term scale, and the weight of the newest one in the short-term scale. */
  scaleWindow: number;
  shortAlpha: number;
  /** Past cycles, and neighbouring phases on each side, behind a seasonal index. */
  cycles: number;
  phaseSpread: number;
  /** Fewest residuals before a point is scored. */
  minResiduals: number;
  /** Level-shift test: recent and base window sizes. */
  shiftRecent: number;
  shiftBase: number;
}

export const STREAM_TUNING: StreamTuning = {
  levelWindow: 3,
  scaleWindow: 1000,
  shortAlpha: 0.2,
  cycles: 3,
  phaseSpread: 1,
  minResiduals: 5,
  shiftRecent: 6,
  shiftBase: 24,
};

/** Re-detect the period each time the history grows by this factor. */
const RECHECK_GROWTH = 1.25;

/** The models a streaming scorer keeps up to date, one step at a time. */
interface Models {
  season: SeasonTracker;
  level: SortedWindow;
  scale: ResidualScale;
  shift: LevelShiftTest;
  /** The last observed value and the side of the band it fell on (−1 below, 0 inside, 1 above). */
  last: { value: number; side: number };
}

/**
 * Scores a series in time order: the forecast, band and score of point t read values[0..t] only,
 * so a point's verdict never changes when later data arrives (no look-ahead). The forecast is the
 * seasonal one once a period is known and two cycles are behind, else the median of the last few
 * values; a point scores by its distance from the forecast (spike) or by the level-shift test.
 */
export function streamScores(values: Float64Array, s: StreamSettings, tune: StreamTuning = STREAM_TUNING): ScoreColumns {
  const n = values.length;
  const out = makeColumns(n);
  const zThr = zThreshold(s.sensitivity);
  // A window never needs more room than the series has points (10,000 short series allocate little).
  const memory = Math.max(1, Math.min(tune.scaleWindow, n));
  const m: Models = {
    season: new SeasonTracker(values, tune.cycles, tune.phaseSpread),
    level: new SortedWindow(tune.levelWindow),
    scale: new ResidualScale(memory, tune.shortAlpha, tune.minResiduals),
    shift: new LevelShiftTest(tune.shiftRecent, tune.shiftBase, memory),
    last: { value: NaN, side: 0 },
  };
  const checks = checkpoints(s, n);
  let period = s.period ?? 0;
  m.season.reset(period, 0);
  for (let t = 0; t < n; t += 1) {
    if (checks.has(t)) {
      const p = detectPeriod(values, t, s.candidates);
      if (p !== period) {
        // The band is re-learnt from the seasonal model's own misses: the old model missed every peak.
        if (p > 0) m.scale.clear();
        m.season.reset((period = p), t);
      }
    }
    scorePoint(values, t, m, zThr, s.direction, tune, out);
    m.season.learn(t);
  }
  out.period = period;
  return out;
}

/** Forecasts point t, judges it when the band is known, then learns it. */
function scorePoint(values: Float64Array, t: number, m: Models, zThr: number, direction: Direction, tune: StreamTuning, out: ScoreColumns): void {
  const seasonal = m.season.ready(t);
  const rawIndex = seasonal ? m.season.index(t) : 0;
  const index = Number.isFinite(rawIndex) ? rawIndex : 0;
  const expected = seasonal ? m.season.forecast(t) : m.level.median();
  const x = values[t]!;
  const observed = Number.isFinite(x);
  // The shift test sees every value, deseasonalized, whether or not a forecast exists yet.
  const shiftZ = observed ? m.shift.push(x - index, tune.minResiduals) : 0;
  let learnt = x;
  if (Number.isFinite(expected)) {
    out.expected[t] = expected;
    let cap = Infinity;
    if (m.scale.size >= tune.minResiduals) {
      const sigma = m.scale.sigma(expected);
      const limit = zThr * smallSampleFactor(m.scale.size);
      out.lower[t] = expected - limit * sigma;
      out.upper[t] = expected + limit * sigma;
      cap = limit * sigma;
      learnt = Math.min(Math.max(x, out.lower[t]), out.upper[t]);
      if (observed && judge(x, t, { expected, sigma, limit, index, seasonal, shiftZ }, m.shift, zThr, direction, out)) learnt = x;
    }
    if (observed) m.scale.learn(Math.abs(x - expected), cap);
  }
  if (observed) learnLevel(m, x, learnt, out.lower[t]!, out.upper[t]!);
}

interface Forecast {
  expected: number;
  sigma: number;
  limit: number;
  index: number;
  seasonal: boolean;
  shiftZ: number;
}

/**
 * Scores an observed point: by its distance from the forecast (spike) or by the level-shift test,
 * whichever is further past its threshold. Returns whether a level shift was found, so the level
 * takes the new value as it is.
 */
function judge(x: number, t: number, f: Forecast, shift: LevelShiftTest, zThr: number, direction: Direction, out: ScoreColumns): boolean {
  const spike = directed((x - f.expected) / f.sigma, direction) / f.limit;
  const shiftLimit = zThr * smallSampleFactor(shift.history);
  const moved = directed(f.shiftZ, direction) / shiftLimit;
  out.score[t] = scoreOf(Math.max(spike, moved));
  out.detector[t] = f.seasonal ? SEASONAL : ROBUST;
  if (moved < 1) return false;
  if (moved > spike) recordShift(shift, f.index, shiftLimit, t, out);
  // Past the band, the new level becomes the base: one change alarms once.
  shift.restart();
  return moved > spike;
}

/**
 * The level takes a value clamped to the band, so one wild value moves it by a band at most; but a
 * second value past the same side is a new level, not an outlier, and both are then taken as they
 * are. Gaps are skipped: the level is the median of the last observed values, however far apart.
 */
function learnLevel(m: Models, x: number, clamped: number, lower: number, upper: number): void {
  const side = x > upper ? 1 : x < lower ? -1 : 0;
  if (side !== 0 && side === m.last.side) {
    m.level.replaceNewest(m.last.value);
    clamped = x;
  }
  m.level.push(clamped);
  m.last = { value: x, side };
}

/** A level-shift point is expected at the old level, with the band its median could move within; the new level is kept. */
function recordShift(shift: LevelShiftTest, index: number, limit: number, t: number, out: ScoreColumns): void {
  out.detector[t] = LEVEL_SHIFT;
  out.expected[t] = shift.before + index;
  out.lower[t] = out.expected[t] - limit * shift.sd;
  out.upper[t] = out.expected[t] + limit * shift.sd;
  out.level[t] = shift.after + index;
}

const directed = (z: number, direction: Direction): number => (direction === 'up' ? Math.max(0, z) : direction === 'down' ? Math.max(0, -z) : Math.abs(z));

/** When to (re-)detect the period: as each candidate first has two cycles, then as the history grows. */
function checkpoints(s: StreamSettings, n: number): Set<number> {
  const at = new Set<number>();
  if (s.period !== undefined || s.candidates.length === 0) return at;
  for (const p of s.candidates) if (2 * p + 1 < n) at.add(2 * p + 1);
  const first = Math.min(...s.candidates.map((p) => 2 * p + 1));
  for (let t = first; t < n; t = Math.ceil(t * RECHECK_GROWTH)) at.add(t);
  return at;
}
