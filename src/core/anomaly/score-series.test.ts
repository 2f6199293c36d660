import { AppError } from '../errors';
import { prng } from '../testing/prng';
import { scoreSeries } from './score-series';

/** Level 100 with uniform noise of ±amp, from a seeded generator. */
function noisy(n: number, amp: number, seed: number): number[] {
  const rand = prng(seed);
  return Array.from({ length: n }, () => 100 + amp * (2 * rand() - 1));
}

const flagged = (values: ArrayLike<number | null>, options = {}): number[] =>
  scoreSeries(values, options)
    .points.map((p, i) => (p.anomaly ? i : -1))
    .filter((i) => i >= 0);

describe('scoreSeries, streaming', () => {
  it('flags a spike and only the spike, with the expectation and band it broke', () => {
    const values = noisy(48, 2, 1);
    values[30] = 130;
    const { points } = scoreSeries(values);
    expect(flagged(values)).toEqual([30]);
    const p = points[30]!;
    expect(p.expected!).toBeGreaterThan(97);
    expect(p.expected!).toBeLessThan(103);
    expect(p.lower!).toBeLessThan(p.expected!);
    expect(p.upper!).toBeLessThan(130);
    expect(p.score).toBeGreaterThan(0.5);
    expect(p.detector).toBe('robust');
    expect(points[29]!.score).toBeLessThan(0.5);
  });

  it('never looks ahead: a point scores the same whatever comes after it', () => {
    const values = noisy(300, 5, 2);
    const full = scoreSeries(values).points;
    for (const cut of [20, 150, 299]) {
      const changedFuture = values.map((v, i) => (i < cut ? v : v * 10 + 1000));
      const prefix = scoreSeries(values.slice(0, cut)).points;
      expect(scoreSeries(changedFuture).points.slice(0, cut)).toEqual(full.slice(0, cut));
      expect(prefix).toEqual(full.slice(0, cut));
    }
  });

  it('learns a yearly season: later peaks are expected, an off-season jump is not', () => {
    const rand = prng(3);
    const season = [0.93, 0.72, 1.03, 0.97, 1.0, 1.07, 0.96, 0.95, 1.05, 0.99, 1.08, 1.22];
    const values = Array.from({ length: 48 }, (_, t) => 1000 * season[t % 12]! * (1 + 0.01 * (2 * rand() - 1)));
    values[40] = values[40]! * 1.25; // May of the fourth year, 25% up
    const scored = scoreSeries(values, { periods: [12] });
    expect(scored.period).toBe(12);
    expect(flagged(values, { periods: [12] }).filter((t) => t >= 30)).toEqual([40]);
    expect(scored.points[40]!.detector).toBe('seasonal');
    // The December peak is part of the pattern once two years are known.
    expect(scored.points[47]!.anomaly).toBe(false);
    expect(scored.points[47]!.expected! / values[47]!).toBeGreaterThan(0.95);
  });

  it('finds a level shift that no single point gives away, and expects the old level', () => {
    const values = noisy(70, 2, 4).map((v, t) => (t >= 40 ? v + 4 : v));
    const { points } = scoreSeries(values);
    expect(points.slice(0, 40).some((p) => p.anomaly)).toBe(false);
    const hit = points.findIndex((p) => p.anomaly);
    expect(hit).toBeGreaterThanOrEqual(40);
    expect(hit).toBeLessThan(48);
    expect(points[hit]!.detector).toBe('levelShift');
    expect(points[hit]!.expected!).toBeCloseTo(100, 0);
  });

  it('keeps gaps in place on a short series: value null, not scored, never a crash', () => {
    const values: Array<number | null> = [100, 102, null, 99, 101, NaN, 98, 100, 101, 99, 160, 100];
    const { points } = scoreSeries(values);
    expect(points).toHaveLength(12);
    expect(points[2]).toMatchObject({ value: null, score: 0, anomaly: false });
    expect(points[5]).toMatchObject({ value: null, score: 0, anomaly: false });
    expect(points[0]!.expected).toBeNull();
    expect(points[1]!.expected).toBe(100);
    expect(flagged(values)).toEqual([10]);
  });

  it('scores a flat series without dividing by zero, and flags the first change', () => {
    const values = Array.from({ length: 20 }, (_, t) => (t === 15 ? 51 : 50));
    const { points } = scoreSeries(values);
    expect(points.every((p) => Number.isFinite(p.score) && p.score >= 0 && p.score <= 1)).toBe(true);
    expect(flagged(values)).toEqual([15]);
  });

  it('watches one direction when asked', () => {
    const values = noisy(40, 1, 5);
    values[25] = 80;
    values[32] = 120;
    expect(flagged(values)).toEqual([25, 32]);
    expect(flagged(values, { direction: 'up' })).toEqual([32]);
    expect(flagged(values, { direction: 'down' })).toEqual([25]);
  });

  it('flags more as sensitivity rises, never fewer', () => {
    const rand = prng(6);
    // Rare jumps of every size, from lost in the noise to obvious.
    const values = noisy(300, 2, 6).map((v, t) => (t > 20 && rand() < 0.03 ? v + (rand() < 0.5 ? -1 : 1) * (4 + 20 * rand()) : v));
    const [low, mid, high] = [20, 50, 80].map((s) => flagged(values, { sensitivity: s }));
    expect(low!.length).toBeGreaterThan(0);
    expect(low!.length).toBeLessThan(high!.length);
    expect(low!.every((t) => mid!.includes(t))).toBe(true);
    expect(mid!.every((t) => high!.includes(t))).toBe(true);
  });

  it('keeps every score in 0..1 on awkward data (zeros, spikes, steps)', () => {
    const rand = prng(8);
    const values = Array.from({ length: 500 }, (_, t) => (rand() < 0.7 ? 0 : t > 250 ? 1000 * rand() : 5 * rand()));
    for (const p of scoreSeries(values).points) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
  });

  it('refuses a period that is not a whole number of samples', () => {
    expect(() => scoreSeries([1, 2, 3], { period: 2.5 })).toThrow(AppError);
    const caught = ((): unknown => {
      try {
        scoreSeries([1, 2, 3], { period: -1 });
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(caught).toMatchObject({ code: 'anomaly.badPeriod', meta: { value: '-1' } });
  });
});

describe('scoreSeries, batch', () => {
  it('judges early points too, with the whole series in view', () => {
    const values = noisy(24, 1, 9);
    values[1] = 130;
    values[20] = 70;
    expect(flagged(values)).not.toContain(1);
    expect(flagged(values, { batch: true })).toEqual([1, 20]);
    const { points } = scoreSeries(values, { batch: true });
    expect(points[1]!.expected).toBeCloseTo(100, 0);
    expect(points[5]!.anomaly).toBe(false);
    expect(points.filter((p) => p.anomaly).every((p) => p.score >= 0.5)).toBe(true);
    expect(points.filter((p) => !p.anomaly).every((p) => p.score < 0.5)).toBe(true);
  });

  it('removes a declared season before testing the residuals', () => {
    const rand = prng(10);
    const values = Array.from({ length: 36 }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 12) + 2 * (2 * rand() - 1));
    values[17] = values[17]! + 15;
    expect(flagged(values, { batch: true, period: 12 })).toEqual([17]);
  });
});
