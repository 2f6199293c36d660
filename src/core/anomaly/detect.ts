import type { PeriodKey } from '../brand';
import type { Catalog, MetricDef } from '../catalog';
import type { Evaluation } from '../engine';
import { AppError } from '../errors';
import { targetFor } from '../results';
import { rankDrivers, type MemberPoint } from './drivers';
import type { Driver, Finding } from './finding';
import { gapSignals } from './gaps';
import { budgetFor, budgetSignal, thresholdSignal } from './rules';
import { clampSensitivity } from './sensitivity';
import type { Signal } from './signals';
import { analyseSeries, isMaterial, statisticalFloor, type SeriesAnalysis } from './statistical';
import { toFinding } from './to-finding';

export interface DetectOptions {
  catalog: Catalog;
  /** evaluateCatalog's output; with its `breakdown`, member values too. */
  evaluation: Evaluation;
  /** The dimension the evaluation was broken down by: members get findings and rank as drivers. */
  breakdown?: string;
  /** 0..100 for metrics without a `sensitivity` of their own; 50 by default. */
  sensitivity?: number;
  /** Judge periods up to this one (default: the last evaluated); later values are not read. */
  asOf?: PeriodKey;
  /** Report findings from this period on (default: every period up to asOf). */
  from?: PeriodKey;
}

/** YTD sums and shifted copies repeat what their underlying metric already shows. */
const DERIVATIVE_KINDS: ReadonlySet<MetricDef['kind']> = new Set(['cumulative', 'offset']);

/** A metric's values: the total and each member's, aligned with the evaluated periods. */
interface MetricSeries {
  total: Float64Array;
  members: Map<string, Float64Array>;
}

/**
 * Findings for every metric and period of an evaluation: catalog thresholds and budget variances,
 * statistical anomalies (robust, seasonal, level shift, period change), and missing or stale data.
 * Each period is judged on the periods up to it only, so a finding is what an alert at that time
 * would have said. Totals get drivers: the breakdown's members ranked by their share of the
 * deviation. Sorted by period, then by score, highest first.
 */
export function detectFindings(opts: DetectOptions): Finding[] {
  const { catalog, evaluation } = opts;
  const keys = evaluation.periods;
  const end = periodIndex(keys, opts.asOf, 'asOf', keys.length - 1) + 1;
  const start = periodIndex(keys, opts.from, 'from', 0);
  const series = collectSeries(evaluation, end);
  const defs = new Map(catalog.metrics.map((m) => [m.id, m] as const));
  const findings: Finding[] = [];
  for (const id of evaluation.metrics) {
    const def = defs.get(id);
    const own = series.get(id);
    if (!def || !own || DERIVATIVE_KINDS.has(def.kind)) continue;
    const sensitivity = clampSensitivity(def.sensitivity ?? opts.sensitivity);
    const job: MetricJob = { def, own, keys: keys.slice(0, end), start, grain: evaluation.grain, sensitivity, breakdown: opts.breakdown, series };
    findings.push(...metricFindings(job));
  }
  const order = new Map(keys.map((k, i) => [k, i] as const));
  return findings.sort((a, b) => order.get(a.period)! - order.get(b.period)! || b.score - a.score);
}

function periodIndex(keys: readonly PeriodKey[], key: PeriodKey | undefined, option: string, fallback: number): number {
  if (key === undefined) return fallback;
  const i = keys.indexOf(key);
  if (i < 0) throw new AppError('anomaly.unknownPeriod', { option, value: key, first: keys[0] ?? '', last: keys[keys.length - 1] ?? '' });
  return i;
}

/** Every metric's values by slice, in period order up to `end`; errors and absent cells are NaN. */
function collectSeries(ev: Evaluation, end: number): Map<string, MetricSeries> {
  const index = new Map(ev.periods.map((p, i) => [p, i] as const));
  const out = new Map<string, MetricSeries>();
  for (const v of ev.values) {
    const t = index.get(v.period);
    if (t === undefined || t >= end) continue;
    let s = out.get(v.metricId);
    if (!s) out.set(v.metricId, (s = { total: new Float64Array(end).fill(NaN), members: new Map() }));
    let row = s.total;
    if (v.member !== undefined) {
      row = s.members.get(v.member) ?? new Float64Array(end).fill(NaN);
      s.members.set(v.member, row);
    }
    row[t] = v.value ?? NaN;
  }
  return out;
}

interface MetricJob {
  def: MetricDef;
  own: MetricSeries;
  keys: PeriodKey[];
  start: number;
  grain: Evaluation['grain'];
  sensitivity: number;
  breakdown: string | undefined;
  series: ReadonlyMap<string, MetricSeries>;
}

/**
 * Whether a metric's members add up to its total (amounts and counts that are sums or balances),
 * or combine by a weight (a ratio, by its denominator). Only then are members' deviations shares of
 * the total's; a member's DSO or ROE says little about the group's.
 */
function membersCombine(def: MetricDef): boolean {
  if (def.kind === 'ratio') return true;
  if (def.unit !== 'currency' && def.unit !== 'count') return false;
  return !(def.kind === 'base' && (def.aggregation === 'avg' || def.aggregation === 'min' || def.aggregation === 'max'));
}

function metricFindings(job: MetricJob): Finding[] {
  const { def, own, keys } = job;
  const total = analyseSeries(own.total, job.grain, job.sensitivity, def);
  // Members get the value model only: period-on-period swings of single members are mostly mix noise.
  const slices = job.breakdown && membersCombine(def) ? [...own.members] : [];
  const members = slices.map(([member, values]) => ({ member, values, analysis: analyseSeries(values, job.grain, job.sensitivity, def, false) }));
  const gaps = def.kind === 'base' ? gapSignals(own.total, keys) : new Map<number, Signal>();
  const out: Finding[] = [];
  for (let t = job.start; t < keys.length; t += 1) {
    const period = keys[t]!;
    const actual = Number.isFinite(own.total[t]!) ? own.total[t]! : null;
    const signals = totalSignals(def, t, period, actual, total, gaps, job.sensitivity);
    const drivers = signals.length && members.length ? driversAt(job, members, t, actual, total.expected[t]!) : [];
    const modelExpected = finiteOrNull(total.expected[t]!);
    for (const signal of signals) out.push(toFinding(signal, { def, period, actual, modelExpected, drivers, sensitivity: job.sensitivity }));
    // A member of an amount is judged against the group: a 70K swing in a 15M total is not news.
    const scale = def.kind === 'ratio' ? undefined : Math.abs(actual ?? total.expected[t]!);
    for (const m of members) {
      const signal = m.analysis.signals[t];
      const value = m.values[t]!;
      if (!signal || (scale !== undefined && !isMaterial(value, signal.expected, statisticalFloor(job.sensitivity), def, scale))) continue;
      const member = { dimension: job.breakdown!, member: m.member };
      out.push(toFinding(signal, { def, period, member, actual: value, modelExpected: finiteOrNull(m.analysis.expected[t]!), drivers: [], sensitivity: job.sensitivity, scale }));
    }
  }
  return out;
}

/** The signals on a metric's total in one period: statistics, catalog rules and data gaps. */
function totalSignals(def: MetricDef, t: number, period: PeriodKey, actual: number | null, total: SeriesAnalysis, gaps: ReadonlyMap<number, Signal>, sensitivity: number): Signal[] {
  const signals: Signal[] = [];
  const statistical = total.signals[t];
  if (statistical) signals.push(statistical);
  if (actual !== null) {
    const threshold = thresholdSignal(def, actual, targetFor(def, period));
    if (threshold) signals.push(threshold);
    const budget = budgetSignal(actual, budgetFor(def, period), sensitivity);
    if (budget) signals.push(budget);
  }
  const gap = gaps.get(t);
  if (gap) signals.push(gap);
  return signals;
}

/**
 * Members ranked by their share of the deviation from expected; a ratio weighs members by their
 * denominator. None when the members together moved against the total (the rest of the total,
 * outside any member, then explains it).
 */
function driversAt(job: MetricJob, members: ReadonlyArray<{ member: string; values: Float64Array; analysis: SeriesAnalysis }>, t: number, actual: number | null, expected: number): Driver[] {
  const denominators = job.def.kind === 'ratio' && job.def.denominator ? job.series.get(job.def.denominator)?.members : undefined;
  const points: MemberPoint[] = members.map((m) => ({
    member: m.member,
    actual: m.values[t]!,
    expected: m.analysis.expected[t]!,
    weight: denominators ? (denominators.get(m.member)?.[t] ?? NaN) : 1,
  }));
  return rankDrivers(job.breakdown!, points, actual === null ? NaN : actual - expected);
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
