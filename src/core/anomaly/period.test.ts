import { prng } from '../testing/prng';
import { autocorrelation, detectPeriod, periodsForStep, typicalStep } from './period';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('seasonal period', () => {
  it('finds 12 in monthly data with a yearly pattern and growth, and nothing in noise', () => {
    const rand = prng(7);
    const season = [0.93, 0.72, 1.03, 0.97, 1.0, 1.07, 0.96, 0.95, 1.05, 0.99, 1.08, 1.22];
    const monthly = Float64Array.from({ length: 36 }, (_, t) => 100 * season[t % 12]! * 1.005 ** t * (1 + 0.02 * (rand() - 0.5)));
    expect(detectPeriod(monthly, 36, [4, 7, 12, 24])).toBe(12);
    const noise = Float64Array.from({ length: 200 }, () => rand());
    expect(detectPeriod(noise, 200, [4, 7, 12, 24])).toBe(0);
  });

  it('needs two full cycles before it can call a season', () => {
    const wave = Float64Array.from({ length: 24 }, (_, t) => Math.sin((2 * Math.PI * t) / 12));
    expect(detectPeriod(wave, 24, [12])).toBe(0);
    expect(detectPeriod(Float64Array.from({ length: 25 }, (_, t) => Math.sin((2 * Math.PI * t) / 12)), 25, [12])).toBe(12);
  });

  it('ignores gaps when measuring autocorrelation', () => {
    const wave = Float64Array.from({ length: 96 }, (_, t) => (t % 10 === 3 ? NaN : Math.sin((2 * Math.PI * t) / 24)));
    expect(autocorrelation(wave, 24)).toBeGreaterThan(0.95);
    expect(autocorrelation(wave, 12)).toBeLessThan(-0.95);
  });

  it('tries the seasons that fit the sampling step', () => {
    expect(periodsForStep(30 * DAY)).toEqual([12]);
    expect(periodsForStep(91 * DAY)).toEqual([4]);
    expect(periodsForStep(DAY)).toEqual([7]);
    expect(periodsForStep(7 * DAY)).toEqual([52]);
    expect(periodsForStep(HOUR)).toEqual([24, 168]);
    expect(periodsForStep(5 * 60_000)).toEqual([288, 2016]);
    expect(periodsForStep(NaN)).toEqual([4, 7, 12, 24]);
    // A duplicate, a reversal and a 2-hour gap do not change the typical spacing.
    expect(typicalStep([0, HOUR, 2 * HOUR, 2 * HOUR, 3 * HOUR, 5 * HOUR, 4 * HOUR, 6 * HOUR, 7 * HOUR])).toBe(HOUR);
  });
});
