import { prng } from '../testing/prng';
import { esdCritical, hybridEsd, normalQuantile, tQuantile } from './esd';

describe('generalized ESD with median and MAD', () => {
  it('uses accurate normal and t quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228, 2);
    expect(tQuantile(0.995, 30)).toBeCloseTo(2.75, 2);
    // Rosner's table (1983) for n = 54, α = 0.05: λ1 ≈ 3.16.
    expect(esdCritical(54, 1, 0.05)).toBeCloseTo(3.16, 1);
  });

  it('finds the planted outliers, masked ones included, and nothing in clean noise', () => {
    const rand = prng(5);
    const noise = Array.from({ length: 200 }, () => rand() + rand() + rand() - 1.5);
    expect(hybridEsd(noise, 0.05, 0.1, 'both').outliers).toEqual([]);
    const planted = [...noise];
    planted[20] = 8;
    planted[21] = 8.2;
    planted[150] = -7;
    const result = hybridEsd(planted, 0.05, 0.1, 'both');
    expect([...result.outliers].sort((a, b) => a - b)).toEqual([20, 21, 150]);
    expect(result.sd).toBeGreaterThan(0.4);
    expect(result.sd).toBeLessThan(0.65);
    expect(hybridEsd(planted, 0.05, 0.1, 'up').outliers.sort((a, b) => a - b)).toEqual([20, 21]);
  });

  it('ignores gaps and lets a caller floor the sd', () => {
    const xs = [1, 2, NaN, 1.5, 1, 2, 1.5, 1, 2, 40];
    expect(hybridEsd(xs, 0.05, 0.1, 'both').outliers).toEqual([9]);
    expect(hybridEsd(xs, 0.05, 0.1, 'both', 100).outliers).toEqual([]);
  });
});
