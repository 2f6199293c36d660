import { ResidualScale } from './residual-scale';
import { SortedWindow } from './sorted-window';

/**
 * Two-window median test for a change of level: the median of the last `recent` values against the
 * median of the `base` values before them. Medians ignore the odd spike, so only a sustained move
 * scores, and it scores while it is happening (the current value is in the recent window). The
 * difference is judged against the differences seen so far in this series, so a series whose level
 * wanders by nature (traffic, prices) does not alarm at every drift, while a steady one does.
 */
export class LevelShiftTest {
  private readonly recent: SortedWindow;
  private readonly base: SortedWindow;
  private readonly past: ResidualScale;
  private seen = 0;
  /** At the last push: the base and recent medians, and the sd of their difference (NaN until known). */
  before = NaN;
  after = NaN;
  sd = NaN;

  constructor(
    private readonly recentSize: number,
    private readonly baseSize: number,
    memory: number,
  ) {
    this.recent = new SortedWindow(recentSize);
    this.base = new SortedWindow(baseSize);
    this.past = new ResidualScale(memory, 0, 0);
  }

  /** How many past differences the test has seen. */
  get history(): number {
    return this.past.size;
  }

  /** Starts over after a detected shift: the new level becomes the base, so one change alarms once. */
  restart(): void {
    this.recent.clear();
    this.base.clear();
    this.seen = 0;
  }

  /** Adds the current value and returns the signed shift in standard deviations of past shifts (0 until ready). */
  push(x: number, minHistory: number): number {
    const evicted = this.recent.push(x);
    this.seen += 1;
    if (this.seen > this.recentSize) this.base.push(evicted);
    this.before = this.after = this.sd = NaN;
    if (this.recent.size * 2 < this.recentSize || this.base.size * 2 < this.baseSize) return 0;
    this.before = this.base.median();
    this.after = this.recent.median();
    const d = this.after - this.before;
    if (this.past.size >= minHistory) this.sd = this.past.sigma(this.before);
    this.past.learn(Math.abs(d), Infinity);
    return Number.isFinite(this.sd) ? d / this.sd : 0;
  }
}
