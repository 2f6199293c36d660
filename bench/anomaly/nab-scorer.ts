/**
 * NAB's scoring (../shared/benchmarks/nab/README.md): anomaly windows, the scaled sigmoid, the
 * probationary period, the threshold sweep and the null/perfect normalisation. Pure functions over
 * plain arrays, so hand-made cases can check every rule.
 */

export interface CostMatrix {
  tpWeight: number;
  fnWeight: number;
  fpWeight: number;
}

/** One row after the probationary period: its detector score and where it sits relative to the windows. */
export interface ScorableRow {
  score: number;
  /** Global window number, or -1 outside every window. */
  window: number;
  /** Unweighted sigmoid value: reward inside a window (>0), cost outside it (<0). */
  sigmoid: number;
}

export interface PreparedFile {
  rows: ScorableRow[];
  /** Global numbers of the windows with at least one scorable row. */
  windows: number[];
}

/** Relative position −1 (left edge) … 0 (right edge) inside a window; >0 past it, in window lengths. */
export function scaledSigmoid(position: number): number {
  if (position >= 3) return -1;
  return 2 / (1 + Math.exp(5 * position)) - 1;
}

/** The reward of an alarm at the left edge; rewards are divided by it so that edge earns tpWeight. */
export const MAX_TP = scaledSigmoid(-1);

/** The first 15% of a file, at most 750 rows, is not scored. */
export const probationaryLength = (rows: number): number => Math.min(Math.floor(0.15 * rows), 0.15 * 5000);

/**
 * Places every row of one file relative to its windows (timestamps in ms, windows as [start, end]
 * timestamps of rows in the file) and drops the probationary rows. A window is entered at the row
 * whose timestamp equals its start and left after the row equal to its end; its length counts rows
 * from the first occurrence of the start to the first occurrence of the end, as NAB does with
 * irregular timestamps. `firstWindow` numbers this file's windows globally.
 */
export function prepareFile(timestamps: readonly number[], scores: ArrayLike<number>, windows: ReadonlyArray<readonly [number, number]>, firstWindow: number): PreparedFile {
  if (timestamps.length !== scores.length) throw new Error(`${timestamps.length} timestamps but ${scores.length} scores`);
  const firstIndex = new Map<number, number>();
  timestamps.forEach((t, i) => firstIndex.has(t) || firstIndex.set(t, i));
  const probation = probationaryLength(timestamps.length);
  const rows: ScorableRow[] = [];
  const seen = new Set<number>();
  let next = 0;
  let current: { id: number; end: number; right: number; width: number } | undefined;
  let previous: { right: number; width: number } | undefined;
  timestamps.forEach((t, i) => {
    const w = windows[next];
    if (w && t === w[0]) {
      const right = indexOf(firstIndex, w[1]);
      current = { id: firstWindow + next, end: w[1], right, width: right - indexOf(firstIndex, w[0]) + 1 };
      next += 1;
    }
    const sigmoid = current
      ? scaledSigmoid(-(current.right - i + 1) / current.width)
      : scaledSigmoid(previous ? Math.abs(previous.right - i) / (previous.width - 1) : 3);
    if (i >= probation) {
      rows.push({ score: scores[i]!, window: current ? current.id : -1, sigmoid });
      if (current) seen.add(current.id);
    }
    if (current && t === current.end) {
      previous = { right: i, width: current.width };
      current = undefined;
    }
  });
  if (next !== windows.length) throw new Error(`window starting ${new Date(windows[next]![0]).toISOString()} matches no row`);
  return { rows, windows: [...seen] };
}

function indexOf(firstIndex: ReadonlyMap<number, number>, t: number): number {
  const i = firstIndex.get(t);
  if (i === undefined) throw new Error(`window edge ${new Date(t).toISOString()} matches no row`);
  return i;
}

/** The weighted value of an alarm on this row: a window reward, or a false-positive cost. */
const weighted = (row: ScorableRow, cost: CostMatrix): number => (row.window >= 0 ? (row.sigmoid * cost.tpWeight) / MAX_TP : row.sigmoid * cost.fpWeight);

export interface ThresholdScore {
  threshold: number;
  raw: number;
  /** Windows with at least one alarm, missed windows, and alarms outside windows. */
  detected: number;
  missed: number;
  falseAlarms: number;
}

/**
 * The raw score at every distinct threshold (an alarm is a row with score ≥ threshold), as NAB's
 * sweep computes it: rows from the highest score down, each window worth its best (earliest) alarm
 * or −fnWeight when it has none, each alarm outside windows adding its cost.
 */
export function sweep(files: readonly PreparedFile[], cost: CostMatrix): ThresholdScore[] {
  const rows = files.flatMap((f) => f.rows).sort((a, b) => b.score - a.score);
  const best = new Map<number, number>();
  for (const f of files) for (const w of f.windows) best.set(w, -cost.fnWeight);
  const windows = best.size;
  let windowTotal = -cost.fnWeight * windows;
  let fpTotal = 0;
  let detected = 0;
  let falseAlarms = 0;
  const out: ThresholdScore[] = [];
  const record = (threshold: number): number => out.push({ threshold, raw: windowTotal + fpTotal, detected, missed: windows - detected, falseAlarms });
  let threshold = 1.1;
  for (const row of rows) {
    if (row.score !== threshold) {
      record(threshold);
      threshold = row.score;
    }
    const value = weighted(row, cost);
    if (row.window < 0) {
      fpTotal += value;
      falseAlarms += 1;
      continue;
    }
    const before = best.get(row.window)!;
    if (before === -cost.fnWeight) detected += 1;
    if (value > before) {
      windowTotal += value - before;
      best.set(row.window, value);
    }
  }
  record(threshold);
  return out;
}

/** The threshold with the highest raw score (the highest such threshold on ties, as NAB's sweep order gives). */
export function bestThreshold(files: readonly PreparedFile[], cost: CostMatrix): ThresholdScore {
  return sweep(files, cost).reduce((a, b) => (b.raw > a.raw ? b : a));
}

/** The raw score at a fixed threshold. */
export function scoreAt(files: readonly PreparedFile[], cost: CostMatrix, threshold: number): ThresholdScore {
  const all = sweep(files, cost);
  let match = all[0]!;
  for (const s of all) {
    if (s.threshold < threshold) break;
    match = s;
  }
  return match;
}

/** 100·(raw − null)/(perfect − null): the null detector (no alarm) scores 0, a perfect one 100. */
export function normalise(raw: number, windows: number, cost: CostMatrix): number {
  const nullRaw = -cost.fnWeight * windows;
  const perfect = cost.tpWeight * windows;
  return (100 * (raw - nullRaw)) / (perfect - nullRaw);
}
