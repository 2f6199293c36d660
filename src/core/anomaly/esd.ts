import { MAD_TO_SD, medianOfSorted } from './robust';
import type { Direction } from './series-types';

/** Standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p <= 0 ? -Infinity : Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number): number =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Student-t quantile by the Cornish–Fisher expansion around the normal one (good to ~1% for ν ≥ 4). */
export function tQuantile(p: number, nu: number): number {
  const z = normalQuantile(p);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu ** 3);
}

/** Rosner's critical value for the i-th (1-based) most extreme of n points at significance alpha. */
export function esdCritical(n: number, i: number, alpha: number): number {
  const m = n - i + 1;
  const t = tQuantile(1 - alpha / (2 * m), Math.max(1, m - 2));
  return ((m - 1) * t) / Math.sqrt((m - 2 + t * t) * m);
}

export interface EsdResult {
  /** Indexes of the outliers, most extreme first. */
  outliers: number[];
  /** The critical value the first non-outlier failed: the edge of the band, in robust sds. */
  critical: number;
  /** Median and robust sd of the residuals that are not outliers. */
  center: number;
  sd: number;
}

/**
 * Generalized ESD with the median and MAD in place of the mean and sd (the "hybrid" test of
 * seasonal hybrid ESD): repeatedly takes the most extreme residual, and the outliers are the
 * first k for the largest k whose statistic beats its critical value. Gaps (NaN) are ignored.
 * The residuals are sorted once; the most extreme is always at one end of the live range, so each
 * step costs one pass for the MAD instead of a sort. `sdFloor` bounds the sd from below when the
 * caller knows the residuals understate the noise.
 */
export function hybridEsd(residuals: ArrayLike<number>, alpha: number, maxFraction: number, direction: Direction, sdFloor = 0): EsdResult {
  const order: number[] = [];
  for (let i = 0; i < residuals.length; i += 1) if (Number.isFinite(residuals[i]!)) order.push(i);
  order.sort((a, b) => residuals[a]! - residuals[b]!);
  const v = Float64Array.from(order, (i) => residuals[i]!);
  const n = v.length;
  const removed: number[] = [];
  const fromTop: boolean[] = [];
  let significant = 0;
  let lo = 0;
  let hi = n;
  // A short series may still hold a few outliers: up to 3, at most a quarter of it.
  const maxOutliers = Math.max(Math.floor(n * maxFraction), Math.min(3, Math.floor(n / 4)));
  for (let i = 1; i <= maxOutliers && hi - lo > 3; i += 1) {
    const { center, sd: mad } = centerAndSd(v, lo, hi);
    const sd = Math.max(mad, sdFloor);
    if (!(sd > 0)) break;
    const low = (center - v[lo]!) / sd;
    const high = (v[hi - 1]! - center) / sd;
    const takeHigh = direction === 'up' || (direction === 'both' && high >= low);
    removed.push(order[takeHigh ? hi - 1 : lo]!);
    fromTop.push(takeHigh);
    if (takeHigh) hi -= 1;
    else lo += 1;
    if ((takeHigh ? high : low) > esdCritical(n, i, alpha)) significant = i;
  }
  // The kept residuals are the sorted ones minus the outliers, which sit at the two ends.
  const outliers = removed.slice(0, significant);
  const top = fromTop.slice(0, significant).filter(Boolean).length;
  const rest = v.subarray(significant - top, n - top);
  const { center, sd } = centerAndSd(rest, 0, rest.length);
  return { outliers, critical: esdCritical(n, significant + 1, alpha), center, sd: Math.max(sd, sdFloor) };
}

/** Median and MAD-based sd of the sorted slice v[lo..hi): the MAD walks outwards from the median. */
function centerAndSd(v: Float64Array, lo: number, hi: number): { center: number; sd: number } {
  const m = hi - lo;
  if (m === 0) return { center: NaN, sd: NaN };
  const center = medianOfSorted(v.subarray(lo, hi));
  // Merge the deviations left and right of the center (each side already ordered) up to the middle.
  let left = lo + Math.floor((m - 1) / 2);
  let right = left + 1;
  const want = [Math.floor((m - 1) / 2), Math.floor(m / 2)];
  const found: number[] = [];
  for (let k = 0; k <= want[1]!; k += 1) {
    const dl = left >= lo ? center - v[left]! : Infinity;
    const dr = right < hi ? v[right]! - center : Infinity;
    const d = dl <= dr ? dl : dr;
    if (dl <= dr) left -= 1;
    else right += 1;
    if (k === want[0] || k === want[1]) found.push(d);
  }
  const mad = found.length === 2 ? (found[0]! + found[1]!) / 2 : found[0]!;
  return { center, sd: MAD_TO_SD * mad };
}
