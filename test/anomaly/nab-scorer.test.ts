/**
 * The NAB scorer on hand-made cases whose values follow from NAB's rules, then (when ../shared is
 * there) against NAB's published numbers: row placement against the null detector's per-file
 * counts, and every published detector's subset score rescored from its per-file raw scores.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { countFlags } from '../../bench/anomaly/cloud';
import { loadNab, loadProfiles, loadPublishedScores, loadScoreboard, PROFILES } from '../../bench/anomaly/nab-data';
import { bestThreshold, MAX_TP, normalise, prepareFile, probationaryLength, scaledSigmoid, scoreAt, sweep, type CostMatrix } from '../../bench/anomaly/nab-scorer';

const standard: CostMatrix = { tpWeight: 1, fnWeight: 1, fpWeight: 0.11 };
const lowFn: CostMatrix = { tpWeight: 1, fnWeight: 2, fpWeight: 0.11 };
const MINUTE = 60_000;
/** 100 rows a minute apart; one window over rows 20..29; the first 15 rows are probationary. */
const times = Array.from({ length: 100 }, (_, i) => i * MINUTE);
const windows: Array<[number, number]> = [[20 * MINUTE, 29 * MINUTE]];

/** The raw score of a file whose detector alarms exactly on `rows`. */
function rawFor(rows: number[], cost = standard): number {
  const scores = new Float64Array(100);
  for (const r of rows) scores[r] = 1;
  return scoreAt([prepareFile(times, scores, windows, 0)], cost, 1).raw;
}

describe('NAB scoring, hand-made cases', () => {
  it('uses the scaled sigmoid: ~0.987 at a window\'s left edge, 0.848 halfway, 0 at its right edge, −1 far past it', () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 5);
    expect(scaledSigmoid(-0.5)).toBeCloseTo(0.84828, 5);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(1)).toBeCloseTo(-0.98661, 5);
    expect(scaledSigmoid(3)).toBe(-1);
    expect(probationaryLength(100)).toBe(15);
    expect(probationaryLength(22695)).toBe(750);
  });

  it('rewards the earliest alarm in a window, scaled so the left edge earns tpWeight', () => {
    expect(rawFor([20])).toBeCloseTo(1, 12);
    expect(rawFor([25])).toBeCloseTo(scaledSigmoid(-0.5) / MAX_TP, 12);
    expect(rawFor([29])).toBeCloseTo(scaledSigmoid(-0.1) / MAX_TP, 12);
    expect(rawFor([22, 26, 28])).toBeCloseTo(rawFor([22]), 12);
    expect(rawFor([])).toBe(-1);
  });

  it('charges alarms outside windows by their distance from the last window, and ignores the probation', () => {
    expect(rawFor([17]) - rawFor([])).toBeCloseTo(-0.11, 12);
    expect(rawFor([10])).toBe(-1);
    // Two rows after a 10-row window: 2/9 of a window length past it.
    expect(rawFor([31]) - rawFor([])).toBeCloseTo(scaledSigmoid(2 / 9) * 0.11, 12);
    expect(rawFor([70]) - rawFor([])).toBeCloseTo(-0.11, 12);
    expect(rawFor([25, 70])).toBeCloseTo(scaledSigmoid(-0.5) / MAX_TP - 0.11, 12);
  });

  it('normalises so the null detector scores 0 and a perfect one 100, per profile', () => {
    expect(normalise(rawFor([]), 1, standard)).toBe(0);
    expect(normalise(rawFor([20]), 1, standard)).toBeCloseTo(100, 10);
    expect(normalise(rawFor([25], lowFn), 1, lowFn)).toBeCloseTo((100 * (scaledSigmoid(-0.5) / MAX_TP + 2)) / 3, 10);
    expect(normalise(-3, 1, standard)).toBe(-100);
  });

  it('sweeps every distinct score and keeps the best threshold, as NAB does', () => {
    const scores = new Float64Array(100);
    scores[70] = 0.9; // a false alarm
    scores[24] = 0.8; // the window
    scores[80] = 0.3; // another false alarm
    const file = prepareFile(times, scores, windows, 0);
    const all = sweep([file], standard);
    expect(all.map((s) => s.threshold)).toEqual([1.1, 0.9, 0.8, 0.3, 0]);
    expect(all[0]!.raw).toBe(-1);
    const best = bestThreshold([file], standard);
    expect(best).toMatchObject({ threshold: 0.8, detected: 1, missed: 0, falseAlarms: 1 });
    expect(best.raw).toBeCloseTo(scaledSigmoid(-0.6) / MAX_TP - 0.11, 12);
  });

  it('refuses a window whose edge is not a row of the file', () => {
    expect(() => prepareFile(times, new Float64Array(100), [[20.5 * MINUTE, 29 * MINUTE]], 0)).toThrow(/matches no row/);
  });
});

describe('cloud-monitoring counts', () => {
  it('counts point hits, labelled runs found, and runs of alarms', () => {
    const labels = [0, 1, 1, 1, 0, 0, 1, 1, 0, 0];
    const flags = [true, false, true, true, true, false, false, false, false, true];
    expect(countFlags(labels, flags)).toEqual({ series: 1, tp: 2, fp: 3, fn: 3, events: 2, eventsFound: 1, alarmRuns: 3 });
  });
});

const NAB = join(__dirname, '../../../shared/benchmarks/nab');
const withShared = existsSync(NAB) ? describe : describe.skip;

withShared('NAB scoring against the published numbers in ../shared', () => {
  const files = loadNab(NAB);
  const profiles = loadProfiles(NAB);

  it('places windows and the probation exactly as NAB did for all 31 files', () => {
    const published = new Map(loadPublishedScores(NAB, 'null', 'standard').map((p) => [p.file, p]));
    expect(files).toHaveLength(31);
    let first = 0;
    for (const f of files) {
      const p = prepareFile(f.timestamps, new Float64Array(f.values.length), f.windows, first);
      first += f.windows.length;
      const inWindows = p.rows.filter((r) => r.window >= 0).length;
      expect({ file: f.name, inWindows, outside: p.rows.length - inWindows }).toEqual({ file: f.name, inWindows: published.get(f.name)!.inWindows, outside: published.get(f.name)!.outside });
    }
    expect(first).toBe(53);
  });

  it('rescores every published detector to the subset scoreboard within 0.01', () => {
    const names = new Set(files.map((f) => f.name));
    for (const [detector, byProfile] of Object.entries(loadScoreboard(NAB))) {
      for (const profile of PROFILES) {
        const raw = loadPublishedScores(NAB, detector, profile).filter((p) => names.has(p.file)).reduce((s, p) => s + p.raw, 0);
        expect({ detector, profile, score: Math.round(normalise(raw, 53, profiles[profile]!) * 100) / 100 }).toEqual({ detector, profile, score: byProfile[profile] });
      }
    }
  });
});
