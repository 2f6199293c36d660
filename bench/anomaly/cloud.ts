/**
 * Point-label evaluation on ../shared/benchmarks/ms-cloud-monitoring: precision, recall and F1 of
 * the streaming detector's anomaly flags, event recall (any flag inside a labelled run), and false
 * alarms on the series that have no anomaly at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANOMALY_SCORE, scoreColumns, type Direction } from '../../src/core/anomaly';
import { readSeriesCsv, utcTime, type Series } from './series-csv';

export interface CloudSeries extends Series {
  domain: string;
  name: string;
  labels: Uint8Array;
}

/**
 * Which moves each domain's experts labelled, from its metadata notes: crash rates and the
 * e-commerce API only care about increases; the others about both directions.
 */
export const DOMAIN_DIRECTION: Readonly<Record<string, Direction>> = {
  'application-crash-rate-1': 'up',
  'application-crash-rate-2': 'up',
  'ecommerce-api-incoming-rps': 'up',
};

/** The "business metric" slice the dataset's README asks to report apart. */
export const BUSINESS_DOMAINS: ReadonlySet<string> = new Set(['consumer-purchase-rate', 'ecommerce-api-incoming-rps']);

export function loadCloud(dir: string): CloudSeries[] {
  const data = join(dir, 'data');
  return readdirSync(data)
    .sort()
    .flatMap((domain) =>
      readdirSync(join(data, domain))
        .filter((f) => f.endsWith('.csv'))
        .sort()
        .map((file) => {
          const series = readSeriesCsv(readFileSync(join(data, domain, file), 'utf8'), utcTime);
          if (!series.labels) throw new Error(`${domain}/${file} has no Label column`);
          return { ...series, labels: series.labels, domain, name: file.replace(/\.csv$/, '') };
        }),
    );
}

export interface Counts {
  series: number;
  tp: number;
  fp: number;
  fn: number;
  events: number;
  eventsFound: number;
  /** Runs of consecutive flags (one alert each when alarms are folded). */
  alarmRuns: number;
}

export const emptyCounts = (): Counts => ({ series: 0, tp: 0, fp: 0, fn: 0, events: 0, eventsFound: 0, alarmRuns: 0 });

/** Flags each series with the streaming detector and counts hits against its labels. */
export function countSeries(s: CloudSeries, sensitivity: number): Counts {
  const cols = scoreColumns(s.values, { timestamps: s.timestamps, sensitivity, direction: DOMAIN_DIRECTION[s.domain] ?? 'both' });
  return countFlags(s.labels, Array.from(cols.score, (score) => score >= ANOMALY_SCORE));
}

/** Point hits and misses, labelled runs found (any flag inside), and runs of consecutive flags. */
export function countFlags(labels: ArrayLike<number>, flags: readonly boolean[]): Counts {
  const c = emptyCounts();
  c.series = 1;
  let inEvent = false;
  let found = false;
  let prevFlag = false;
  for (let i = 0; i <= labels.length; i += 1) {
    const label = i < labels.length && labels[i] === 1;
    const flag = i < labels.length && flags[i] === true;
    if (inEvent && !label && found) c.eventsFound += 1;
    if (label && !inEvent) {
      c.events += 1;
      found = false;
    }
    inEvent = label;
    if (label && flag) found = true;
    if (flag && !prevFlag) c.alarmRuns += 1;
    prevFlag = flag;
    if (flag && label) c.tp += 1;
    else if (flag) c.fp += 1;
    else if (label) c.fn += 1;
  }
  return c;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    series: a.series + b.series,
    tp: a.tp + b.tp,
    fp: a.fp + b.fp,
    fn: a.fn + b.fn,
    events: a.events + b.events,
    eventsFound: a.eventsFound + b.eventsFound,
    alarmRuns: a.alarmRuns + b.alarmRuns,
  };
}

export function f1(c: Counts): { precision: number; recall: number; f1: number; eventRecall: number } {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    eventRecall: c.events > 0 ? c.eventsFound / c.events : 0,
  };
}

export interface CloudRun {
  byDomain: Map<string, Counts>;
  labelled: Counts;
  business: Counts;
  /** The series with no labels at all: every flag is a false alarm. */
  clean: Array<{ name: string; points: number; falseAlarms: number; alarmRuns: number }>;
  ms: number;
}

/** Scores every series at the default sensitivity and sums the counts by domain and slice. */
export function runCloud(dir: string, sensitivity = 50): CloudRun {
  const series = loadCloud(dir);
  const run: CloudRun = { byDomain: new Map(), labelled: emptyCounts(), business: emptyCounts(), clean: [], ms: 0 };
  const t0 = performance.now();
  for (const s of series) {
    const c = countSeries(s, sensitivity);
    if (!s.labels.includes(1)) {
      run.clean.push({ name: `${s.domain}/${s.name}`, points: s.values.length, falseAlarms: c.fp, alarmRuns: c.alarmRuns });
      continue;
    }
    run.labelled = addCounts(run.labelled, c);
    if (BUSINESS_DOMAINS.has(s.domain)) run.business = addCounts(run.business, c);
    run.byDomain.set(s.domain, addCounts(run.byDomain.get(s.domain) ?? emptyCounts(), c));
  }
  run.ms = performance.now() - t0;
  return run;
}
