/** Scores FinPulse's streaming detector on the NAB extract and checks the scorer against NAB's published numbers. */
import { ANOMALY_SCORE, scoreColumns } from '../../src/core/anomaly';
import { loadNab, loadProfiles, loadPublishedScores, loadScoreboard, PROFILES, type NabFile, type Profiles } from './nab-data';
import { bestThreshold, normalise, prepareFile, scoreAt, type PreparedFile, type ThresholdScore } from './nab-scorer';

export interface ProfileResult {
  /** NAB's protocol: the one threshold that maximizes the corpus score. */
  swept: ThresholdScore & { score: number };
  /** The detector's own verdict (score ≥ 0.5), no tuning. */
  own: ThresholdScore & { score: number };
}

export interface CategoryResult {
  category: string;
  files: number;
  windows: number;
  /** At the standard profile's swept threshold. */
  detected: number;
  falseAlarms: number;
  raw: number;
}

export interface NabRun {
  files: number;
  windows: number;
  rows: number;
  ms: number;
  results: Record<string, ProfileResult>;
  categories: CategoryResult[];
  scoreboard: Record<string, Record<string, number>>;
  checks: ScorerChecks;
}

export interface ScorerChecks {
  /** Files whose scorable rows inside/outside windows equal the published null detector's counts. */
  placementMatches: number;
  /** Largest gap between a published detector's subset score rescored here and the scoreboard. */
  worstRescoreGap: { detector: string; profile: string; gap: number };
  rescored: number;
  /** The null detector and a perfect one (alarm at each window's first row), through the sweep. */
  nullScore: number;
  perfectScore: number;
}

/** Each file scored in time order (no look-ahead), candidate seasons from its sampling step. */
function detect(file: NabFile): Float64Array {
  return scoreColumns(file.values, { timestamps: file.timestamps }).score;
}

function prepareAll(files: readonly NabFile[], scores: (f: NabFile) => ArrayLike<number>): PreparedFile[] {
  let first = 0;
  return files.map((f) => {
    const prepared = prepareFile(f.timestamps, scores(f), f.windows, first);
    first += f.windows.length;
    return prepared;
  });
}

export function runNab(dir: string): NabRun {
  const files = loadNab(dir);
  const profiles = loadProfiles(dir);
  const windows = files.reduce((n, f) => n + f.windows.length, 0);
  const t0 = performance.now();
  const scored = new Map(files.map((f) => [f.name, detect(f)]));
  const ms = performance.now() - t0;
  const prepared = prepareAll(files, (f) => scored.get(f.name)!);
  const results: Record<string, ProfileResult> = {};
  for (const profile of PROFILES) {
    const cost = profiles[profile]!;
    const swept = bestThreshold(prepared, cost);
    const own = scoreAt(prepared, cost, ANOMALY_SCORE);
    results[profile] = { swept: { ...swept, score: normalise(swept.raw, windows, cost) }, own: { ...own, score: normalise(own.raw, windows, cost) } };
  }
  return {
    files: files.length,
    windows,
    rows: files.reduce((n, f) => n + f.values.length, 0),
    ms,
    results,
    categories: byCategory(files, prepared, profiles['standard']!, results['standard']!.swept.threshold),
    scoreboard: loadScoreboard(dir),
    checks: checkScorer(dir, files, profiles, windows),
  };
}

/** Windows found and false alarms per NAB category, at one threshold. */
function byCategory(files: readonly NabFile[], prepared: readonly PreparedFile[], cost: Profiles[string], threshold: number): CategoryResult[] {
  const out = new Map<string, CategoryResult>();
  files.forEach((f, i) => {
    const category = f.name.split('/')[0]!;
    const r = out.get(category) ?? { category, files: 0, windows: 0, detected: 0, falseAlarms: 0, raw: 0 };
    const s = scoreAt([prepared[i]!], cost, threshold);
    out.set(category, { ...r, files: r.files + 1, windows: r.windows + f.windows.length, detected: r.detected + s.detected, falseAlarms: r.falseAlarms + s.falseAlarms, raw: r.raw + s.raw });
  });
  return [...out.values()];
}

/**
 * Validates the scorer three ways: row placement (windows, probation) against the published null
 * detector's per-file counts; normalisation and profiles by rescoring every published detector's
 * per-file raw scores over this subset; and null → 0, perfect → 100 through the sweep itself.
 */
function checkScorer(dir: string, files: readonly NabFile[], profiles: Profiles, windows: number): ScorerChecks {
  const names = new Set(files.map((f) => f.name));
  const zeros = prepareAll(files, (f) => new Float64Array(f.values.length));
  const published = new Map(loadPublishedScores(dir, 'null', 'standard').map((p) => [p.file, p]));
  const placementMatches = zeros.filter((p, i) => {
    const counts = published.get(files[i]!.name);
    const inWindows = p.rows.filter((r) => r.window >= 0).length;
    return counts !== undefined && counts.inWindows === inWindows && counts.outside === p.rows.length - inWindows;
  }).length;
  let worst = { detector: '', profile: '', gap: 0 };
  let rescored = 0;
  for (const [detector, byProfile] of Object.entries(loadScoreboard(dir))) {
    for (const profile of PROFILES) {
      const expected = byProfile[profile];
      if (expected === undefined) continue;
      const raw = loadPublishedScores(dir, detector, profile).filter((p) => names.has(p.file)).reduce((sum, p) => sum + p.raw, 0);
      const gap = Math.abs(normalise(raw, windows, profiles[profile]!) - expected);
      rescored += 1;
      if (gap >= worst.gap) worst = { detector, profile, gap };
    }
  }
  const perfect = prepareAll(files, (f) => {
    const s = new Float64Array(f.values.length);
    for (const [start] of f.windows) s[f.timestamps.indexOf(start)] = 1;
    return s;
  });
  const standard = profiles['standard']!;
  return {
    placementMatches,
    worstRescoreGap: worst,
    rescored,
    nullScore: normalise(bestThreshold(zeros, standard).raw, windows, standard),
    perfectScore: normalise(bestThreshold(perfect, standard).raw, windows, standard),
  };
}
