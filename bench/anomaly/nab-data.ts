/** Reads the NAB extract in ../shared/benchmarks/nab: series, windows, profiles and the published scoreboard. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CostMatrix } from './nab-scorer';
import { readSeriesCsv, utcTime, type Series } from './series-csv';

export interface NabFile extends Series {
  /** `<category>/<file>.csv` as in NAB's label files. */
  name: string;
  windows: Array<[number, number]>;
}

export type Profiles = Record<string, CostMatrix>;
export const PROFILES = ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate'] as const;

/** Every series of the extract that has a CSV here, with its windows (label entries without a file are ignored). */
export function loadNab(dir: string): NabFile[] {
  const windows = JSON.parse(readFileSync(join(dir, 'labels', 'combined_windows.json'), 'utf8')) as Record<string, Array<[string, string]>>;
  return Object.keys(windows)
    .filter((name) => existsSync(join(dir, 'data', name)))
    .sort()
    .map((name) => ({
      name,
      ...readSeriesCsv(readFileSync(join(dir, 'data', name), 'utf8'), utcTime),
      windows: windows[name]!.map(([a, b]) => [utcTime(a), utcTime(b)] as [number, number]),
    }));
}

export function loadProfiles(dir: string): Profiles {
  const raw = JSON.parse(readFileSync(join(dir, 'config', 'profiles.json'), 'utf8')) as Record<string, { CostMatrix: CostMatrix }>;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.CostMatrix]));
}

/** Published subset scores: detector → profile → normalised score over the files here. */
export function loadScoreboard(dir: string): Record<string, Record<string, number>> {
  const raw = JSON.parse(readFileSync(join(dir, 'results', 'subset_scoreboard.json'), 'utf8')) as {
    scores: Record<string, Record<string, { subset: number }>>;
  };
  return Object.fromEntries(Object.entries(raw.scores).map(([det, byProfile]) => [det, Object.fromEntries(Object.entries(byProfile).map(([p, v]) => [p, v.subset]))]));
}

export interface PublishedFileScore {
  file: string;
  raw: number;
  /** Rows after the probationary period inside (fn + tp) and outside (tn + fp) windows. */
  inWindows: number;
  outside: number;
}

/** A published detector's per-file raw scores (`results/<det>/<det>_<profile>_scores.csv`). */
export function loadPublishedScores(dir: string, detector: string, profile: string): PublishedFileScore[] {
  const file = join(dir, 'results', detector, `${detector}_${profile}_scores.csv`);
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines
    .map((line) => line.split(','))
    .filter((cells) => cells[0] === detector)
    .map((c) => ({ file: c[2]!, raw: Number(c[4]), inWindows: Number(c[5]) + Number(c[8]), outside: Number(c[6]) + Number(c[7]) }));
}
