import { SortedWindow } from './sorted-window';

/** Cycles of at least this many samples borrow from neighbouring phases. */
const LONG_CYCLE = 24;

/**
 * Seasonal expectations for a streaming scorer. It keeps M[j], the median of the cycle ending at j
 * (the last `period` values): over exactly one cycle the seasonal swing cancels, so M is the level.
 * A value's seasonal index is its distance from the level just before it, and the forecast for t is
 * today's level plus the median index of the same phase (and its neighbours) in the last cycles.
 * Only values before t are read.
 */
export class SeasonTracker {
  private period = 0;
  private cycle: SortedWindow | undefined;
  private readonly level: Float64Array;
  private readonly parts: Float64Array;

  constructor(
    private readonly values: ArrayLike<number>,
    private readonly cycles: number,
    private readonly spread: number,
  ) {
    this.level = new Float64Array(values.length).fill(NaN);
    this.parts = new Float64Array(cycles * (2 * spread + 1));
  }

  /** Starts tracking `period` (0 stops), replaying values[0..t) so the levels are ready at t. */
  reset(period: number, t: number): void {
    this.period = period;
    this.level.fill(NaN);
    this.cycle = period > 0 ? new SortedWindow(period) : undefined;
    for (let j = 0; j < t; j += 1) this.learn(j);
  }

  /** Takes values[t] into the level. Call once per step, after forecasting t. */
  learn(t: number): void {
    if (!this.cycle) return;
    this.cycle.push(this.values[t]!);
    this.level[t] = this.cycle.size * 2 >= this.period ? this.cycle.median() : NaN;
  }

  /** Whether two full cycles lie behind t, which the seasonal forecast needs. */
  ready(t: number): boolean {
    return this.period > 0 && t >= 2 * this.period;
  }

  /** The seasonal forecast for t: the level before t plus the season's index; NaN without history. */
  forecast(t: number): number {
    return this.level[t - 1]! + this.index(t);
  }

  /** How far above its level t's phase usually runs: the median index of that phase in past cycles. */
  index(t: number): number {
    const p = this.period;
    let n = 0;
    // Neighbouring phases are alike only in long cycles (5-minute or hourly data over a day), not
    // in a year of months or a week of days, where the next month can be the season's trough.
    const spread = p >= LONG_CYCLE ? this.spread : 0;
    for (let k = 1; k <= this.cycles; k += 1) {
      for (let d = -spread; d <= spread; d += 1) {
        const j = t - k * p + d;
        if (j < 1 || j >= t) continue;
        const index = this.values[j]! - this.level[j - 1]!;
        if (Number.isFinite(index)) this.parts[n++] = index;
      }
    }
    return n === 0 ? NaN : medianInPlace(this.parts, n);
  }
}

/** Median of xs[0..n) by insertion sort in place: a handful of values per step, no allocation. */
function medianInPlace(xs: Float64Array, n: number): number {
  for (let i = 1; i < n; i += 1) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && xs[j]! > x) {
      xs[j + 1] = xs[j]!;
      j -= 1;
    }
    xs[j + 1] = x;
  }
  const mid = n >> 1;
  return n % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}
