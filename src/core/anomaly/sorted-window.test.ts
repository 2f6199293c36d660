import { prng } from '../testing/prng';
import { SortedWindow } from './sorted-window';

/** The q-quantile of the finite values by sorting, as the window should report it. */
function naiveQuantile(xs: number[], q: number): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

describe('SortedWindow', () => {
  it.each([1, 3, 40, 100])('matches sorting the last %i values, gaps included, at every step', (capacity) => {
    const rand = prng(capacity);
    const w = new SortedWindow(capacity);
    const all: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const x = rand() < 0.1 ? NaN : Math.round(rand() * 50) - 25;
      all.push(x);
      w.push(x);
      const last = all.slice(-capacity);
      expect(w.size).toBe(last.filter((v) => !Number.isNaN(v)).length);
      for (const q of [0, 0.25, 0.5, 0.9, 1]) expect(w.quantile(q)).toBe(naiveQuantile(last, q));
    }
  });

  it('returns what falls out of a full window', () => {
    const w = new SortedWindow(2);
    expect(w.push(1)).toBeNaN();
    expect(w.push(2)).toBeNaN();
    expect(w.push(3)).toBe(1);
    expect(w.median()).toBe(2.5);
    w.clear();
    expect(w.size).toBe(0);
    expect(w.median()).toBeNaN();
  });

  it('refuses a window of no size', () => {
    expect(() => new SortedWindow(0)).toThrow(RangeError);
  });
});
