import { SortedWindow } from './sorted-window';

/** Quantiles of |r| with their values for a standard normal: P(|Z| ≤ v) = q. */
const SCALE_QUANTILES: ReadonlyArray<readonly [number, number]> = [
  [0.5, 0.6745],
  [0.75, 1.1503],
  [0.9, 1.6449],
  [0.99, 2.5758],
];
/** E|Z| for a standard normal: turns a mean absolute residual into a standard deviation. */
const MEAN_ABS_TO_SD = 1 / 0.7979;
/** Relative floor, so a flat or perfectly periodic series does not divide by zero. */
const RELATIVE_FLOOR = 1e-4;

/**
 * How far from expected a value usually lands, learnt from past residuals only. Two memories: a
 * long window read at several quantiles of |r| (each divided by its normal value, the largest
 * kept — the median alone is zero on quantized or mostly-zero data, and recurring large residuals
 * widen the band instead of raising alarms), and a short exponentially weighted mean of |r| so the
 * band widens within a few steps when the series turns volatile (alpha 0 turns it off). The short
 * memory starts once `warmup` residuals are in, from the long one, so residuals learnt before any
 * band existed (uncapped) cannot inflate it.
 */
export class ResidualScale {
  private readonly memory: SortedWindow;
  private recent = NaN;

  constructor(
    size: number,
    private readonly alpha: number,
    private readonly warmup: number,
  ) {
    this.memory = new SortedWindow(size);
  }

  /** Forgets every residual: they measured a model that is no longer used. */
  clear(): void {
    this.memory.clear();
    this.recent = NaN;
  }

  /** How many residuals the long memory holds. */
  get size(): number {
    return this.memory.size;
  }

  /** The standard deviation to judge a value expected near `expected` by. */
  sigma(expected: number): number {
    const sigma = Math.max(this.longTerm(), RELATIVE_FLOOR * Math.abs(expected), Number.MIN_VALUE);
    return this.alpha > 0 && Number.isFinite(this.recent) ? Math.max(sigma, this.recent * MEAN_ABS_TO_SD) : sigma;
  }

  /** Learns |residual|; the short memory takes it capped at `cap`, so one outlier cannot blind the next steps. */
  learn(abs: number, cap: number): void {
    this.memory.push(abs);
    if (Number.isFinite(this.recent)) this.recent += this.alpha * (Math.min(abs, cap) - this.recent);
    else if (this.memory.size >= this.warmup) this.recent = this.longTerm() / MEAN_ABS_TO_SD;
  }

  private longTerm(): number {
    let sigma = 0;
    for (const [q, normal] of SCALE_QUANTILES) {
      // A tail quantile is read only once two residuals lie beyond it: one would be the luck of the draw.
      if (q > 0.5 && this.memory.size * (1 - q) < 2) break;
      sigma = Math.max(sigma, this.memory.quantile(q) / normal);
    }
    return sigma;
  }
}
