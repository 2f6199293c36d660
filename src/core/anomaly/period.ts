/** Seasonal periods tried when nothing is known about the sampling: quarterly, daily, monthly, hourly. */
export const DEFAULT_PERIODS: readonly number[] = [4, 7, 12, 24];

/** An autocorrelation below this is noise, not a season. */
const MIN_ACF = 0.3;
/** The autocorrelation is measured on at most this many cycles, so detection stays cheap on long series. */
const MAX_CYCLES = 8;

const DAY_MS = 86_400_000;

/**
 * The seasons worth trying for a sampling step: a year of months (12) or quarters (4), a week of
 * days (7), a year of weeks (52), and for sub-daily data a day and a week of samples (24 and 168 for
 * hourly, 288 for five-minute data). An irregular or unknown step falls back to DEFAULT_PERIODS.
 */
export function periodsForStep(stepMs: number): number[] {
  if (!(stepMs > 0)) return [...DEFAULT_PERIODS];
  const days = stepMs / DAY_MS;
  if (days >= 85 && days <= 95) return [4];
  if (days >= 26 && days <= 32) return [12];
  if (days >= 6.5 && days <= 7.5) return [52];
  if (days >= 0.9 && days <= 1.1) return [7];
  const perDay = Math.round(DAY_MS / stepMs);
  if (perDay >= 2 && Math.abs(perDay * stepMs - DAY_MS) < stepMs / 2) return [perDay, perDay * 7];
  return [...DEFAULT_PERIODS];
}

/** The typical spacing of timestamps (their median difference), ignoring duplicates and reversals. */
export function typicalStep(timestamps: ArrayLike<number>): number {
  const diffs: number[] = [];
  for (let i = 1; i < timestamps.length; i += 1) {
    const d = timestamps[i]! - timestamps[i - 1]!;
    if (d > 0) diffs.push(d);
  }
  diffs.sort((a, b) => a - b);
  return diffs.length ? diffs[diffs.length >> 1]! : NaN;
}

/**
 * The candidate period with the strongest autocorrelation in `values[0..end)`, or 0 when none is
 * clearly seasonal. A candidate needs at least two full cycles of data; the series is detrended
 * with a least-squares line first so growth does not pass for seasonality.
 */
export function detectPeriod(values: ArrayLike<number>, end: number, candidates: readonly number[]): number {
  let best = 0;
  let bestAcf = MIN_ACF;
  for (const p of candidates) {
    if (p < 2 || end < 2 * p + 1) continue;
    const start = Math.max(0, end - MAX_CYCLES * p);
    const r = autocorrelation(detrended(values, start, end), p);
    if (r > bestAcf) {
      best = p;
      bestAcf = r;
    }
  }
  return best;
}

/** Residuals of a least-squares line through the finite values of values[start..end); gaps stay NaN. */
export function detrended(values: ArrayLike<number>, start: number, end: number): Float64Array {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = start; i < end; i += 1) {
    const y = values[i]!;
    if (!Number.isFinite(y)) continue;
    const x = i - start;
    n += 1;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const denom = n * sxx - sx * sx;
  const slope = denom > 0 ? (n * sxy - sx * sy) / denom : 0;
  const intercept = n > 0 ? (sy - slope * sx) / n : 0;
  const out = new Float64Array(end - start);
  for (let i = start; i < end; i += 1) {
    const y = values[i]!;
    out[i - start] = Number.isFinite(y) ? y - (intercept + slope * (i - start)) : NaN;
  }
  return out;
}

/** Sample autocorrelation at `lag`, over the pairs where both values are present. */
export function autocorrelation(ys: Float64Array, lag: number): number {
  let sum = 0;
  let n = 0;
  for (const y of ys) {
    if (Number.isFinite(y)) {
      sum += y;
      n += 1;
    }
  }
  if (n < 2) return 0;
  const mean = sum / n;
  let variance = 0;
  for (const y of ys) if (Number.isFinite(y)) variance += (y - mean) ** 2;
  variance /= n;
  if (variance === 0) return 0;
  let cov = 0;
  let pairs = 0;
  for (let i = lag; i < ys.length; i += 1) {
    const a = ys[i]!;
    const b = ys[i - lag]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    cov += (a - mean) * (b - mean);
    pairs += 1;
  }
  return pairs > 0 ? cov / pairs / variance : 0;
}
