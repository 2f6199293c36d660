/** Throughput of the series scorer on many short series, the shape of a catalog refresh. */
import { scoreSeries } from '../../src/core/anomaly';
import { prng } from '../../src/core/testing/prng';

export interface Throughput {
  series: number;
  points: number;
  /** Wall time of scoring every series, cold (first run) and best of the warm runs. */
  coldMs: number;
  warmMs: number;
  anomalies: number;
}

/** Monthly series: level, 3% a year growth, a yearly season, noise, and an occasional spike. */
function makeSeries(count: number, length: number, seed: number): Float64Array[] {
  const rand = prng(seed);
  return Array.from({ length: count }, () => {
    const level = 1e5 + rand() * 1e7;
    const season = rand() * 0.3;
    const noise = 0.02 + rand() * 0.08;
    const out = new Float64Array(length);
    for (let t = 0; t < length; t += 1) {
      const spike = rand() < 0.01 ? 1 + (rand() - 0.5) * 2 : 1;
      out[t] = level * (1 + 0.0025 * t) * (1 + season * Math.sin((2 * Math.PI * t) / 12)) * (1 + noise * (rand() - 0.5) * 2) * spike;
    }
    return out;
  });
}

export function runThroughput(count = 10_000, length = 60, warmRuns = 3): Throughput {
  const all = makeSeries(count, length, 20260101);
  let anomalies = 0;
  const once = (): number => {
    anomalies = 0;
    const t0 = performance.now();
    for (const values of all) anomalies += scoreSeries(values, { periods: [12] }).points.filter((p) => p.anomaly).length;
    return performance.now() - t0;
  };
  const coldMs = once();
  const warmMs = Math.min(...Array.from({ length: warmRuns }, once));
  return { series: count, points: count * length, coldMs, warmMs, anomalies };
}
