/**
 * The last `capacity` numbers kept both in arrival order (a ring) and sorted, so the median and any
 * quantile of a sliding window cost one binary search and one block move per step instead of a sort.
 * NaN marks a gap: it takes a slot in the ring (the window still spans `capacity` steps) but is
 * never in the sorted part, so statistics ignore it.
 */
export class SortedWindow {
  private readonly ring: Float64Array;
  private readonly sorted: Float64Array;
  private head = 0;
  private filled = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`SortedWindow capacity must be at least 1, got ${capacity}`);
    this.ring = new Float64Array(capacity);
    this.sorted = new Float64Array(capacity);
  }

  /** How many non-gap values the window holds. */
  get size(): number {
    return this.count;
  }

  /** Adds x; returns the value that fell out of a full window (NaN when none did, or it was a gap). */
  push(x: number): number {
    let evicted = NaN;
    if (this.filled === this.capacity) {
      evicted = this.ring[this.head]!;
      this.remove(evicted);
    } else this.filled += 1;
    this.ring[this.head] = x;
    this.head = (this.head + 1) % this.capacity;
    this.insert(x);
    return evicted;
  }

  /** Replaces the newest value, as if x had been pushed instead (a value first taken clamped, once it proves real). */
  replaceNewest(x: number): void {
    if (this.filled === 0) return;
    const at = (this.head - 1 + this.capacity) % this.capacity;
    this.remove(this.ring[at]!);
    this.ring[at] = x;
    this.insert(x);
  }

  /** The q-quantile (0..1) by linear interpolation; NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const pos = q * (this.count - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, this.count - 1);
    return this.sorted[lo]! + (this.sorted[hi]! - this.sorted[lo]!) * (pos - lo);
  }

  median(): number {
    return this.quantile(0.5);
  }

  clear(): void {
    this.head = 0;
    this.filled = 0;
    this.count = 0;
  }

  private insert(x: number): void {
    if (Number.isNaN(x)) return;
    const at = this.lowerBound(x);
    this.shift(at, this.count, 1);
    this.sorted[at] = x;
    this.count += 1;
  }

  private remove(x: number): void {
    if (Number.isNaN(x)) return;
    const at = this.lowerBound(x);
    this.shift(at + 1, this.count, -1);
    this.count -= 1;
  }

  /** Moves sorted[from..to) by one place up (+1) or down (−1); a loop beats copyWithin's call on a few values. */
  private shift(from: number, to: number, by: 1 | -1): void {
    if (to - from > 32) {
      this.sorted.copyWithin(from + by, from, to);
      return;
    }
    if (by === 1) for (let i = to; i > from; i -= 1) this.sorted[i] = this.sorted[i - 1]!;
    else for (let i = from; i < to; i += 1) this.sorted[i - 1] = this.sorted[i]!;
  }

  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
