import type { Finding } from '../anomaly';
import type { PeriodKey } from '../brand';
import { calendarOf, type Catalog } from '../catalog';
import type { ObservationTable, SourceInput } from '../engine';
import { problem, toAppError, type Problem } from '../errors';
import { localize, type Localized } from '../i18n';
import { parsePeriodKey, periodKeyOf, type FiscalCalendar, type Grain } from '../periods';
import { breakFinding } from './finding';
import { defaultTraceBy, memberDifferences, type MemberDifference } from './members';
import { baseInputs, rowKeysOf, sideRows, traceRows, type RowDifference } from './rows';
import type { ReconcileRule, ReconcileSide } from './rule';
import { evaluateSide, sideCatalog, sideTable, type RuleError, type SideSeries } from './sides';
import { noValueNote, sideLabel, summary } from './text';
import { compareValues } from './tolerance';

export const DEFAULT_MAX_ROWS = 200;

export interface PeriodCheck {
  period: PeriodKey;
  left: number | null;
  right: number | null;
  difference: number | null;
  allowed: number;
  agrees: boolean;
  /** Members (per traceBy dimension) whose own left and right differ, largest first; empty when the period agrees. */
  members: MemberDifference[];
  /** Rows behind the difference, largest first, at most maxRows; empty when the period agrees. */
  rows: RowDifference[];
  /** Members and rows found beyond maxRows. */
  membersOmitted: number;
  rowsOmitted: number;
  /** Why a side has no value (#MISSING, #DIV0…), when one has none. */
  note?: Localized;
}

export interface ReconcileResult {
  ruleId: string;
  name: Localized;
  status: 'agrees' | 'breaks' | 'error';
  message?: Localized;
  /** How each side is described in messages (its label, or metric, source and shift). */
  labels?: { left: Localized; right: Localized };
  periods: PeriodCheck[];
}

export interface ReconcileReport {
  results: ReconcileResult[];
  /** Kind 'reconcile': one per breaking rule and period. */
  findings: Finding[];
  problems: Problem[];
}

export interface ReconcileInput {
  catalog: Catalog;
  sources: Readonly<Record<string, SourceInput>>;
  rules: readonly ReconcileRule[];
  /** Rows (and members) listed per period; the rest are counted. Default 200. */
  maxRows?: number;
}

/**
 * Checks that two computations of the same metric agree, period by period, within a tolerance,
 * and traces each break to the dimension members and the rows behind it. A rule that cannot be
 * checked (a source missing or failed, an unknown metric) gets status 'error'; the others still run.
 */
export function reconcile(input: ReconcileInput): ReconcileReport {
  const report: ReconcileReport = { results: [], findings: [], problems: [] };
  for (const rule of input.rules) {
    try {
      const { result, findings, error } = checkRule(rule, input);
      report.results.push(result);
      report.findings.push(...findings);
      if (error) report.problems.push(problem(`reconcile.${rule.id}`, error.code, error.params));
    } catch (err) {
      // One rule's failure must not hide the others' results.
      const e = toAppError(err);
      report.results.push({ ruleId: rule.id, name: rule.name, status: 'error', message: e.text, periods: [] });
      report.problems.push(problem(`reconcile.${rule.id}`, e.code, e.meta));
    }
  }
  return report;
}

interface Side {
  spec: ReconcileSide;
  table: ObservationTable;
  run: Parameters<typeof evaluateSide>[0];
  total: SideSeries;
}

interface RuleOutcome {
  result: ReconcileResult;
  findings: Finding[];
  error?: RuleError;
}

function checkRule(rule: ReconcileRule, input: ReconcileInput): RuleOutcome {
  const cal = calendarOf(input.catalog);
  const grain = rule.grain ?? 'month';
  const fail = (error: RuleError): RuleOutcome => ({
    result: { ruleId: rule.id, name: rule.name, status: 'error', message: localize(error.code, error.params), periods: [] },
    findings: [],
    error,
  });
  const clash = rule.metrics?.find((m) => input.catalog.metrics.some((c) => c.id === m.id));
  if (clash) return fail({ code: 'reconcile.metricClash', params: { id: clash.id } });
  const catalog = sideCatalog(input.catalog, rule.metrics ?? []);
  const sides: Side[] = [];
  for (const spec of [rule.left, rule.right]) {
    if (!catalog.metrics.some((m) => m.id === spec.metric)) return fail({ code: 'reconcile.unknownMetric', params: { id: spec.metric } });
    const read = sideTable(spec, input.sources);
    if ('error' in read) return fail(read.error);
    const run = { catalog, metric: spec.metric, table: read.table, grain, cal, shift: spec.shift ?? 0 };
    sides.push({ spec, table: read.table, run, total: evaluateSide(run).total });
  }
  const [left, right] = sides as [Side, Side];
  const labels = { left: sideLabel(rule.left, catalog), right: sideLabel(rule.right, catalog) };
  const periods = comparedPeriods(rule, left.total, right.total, cal, grain);
  if (periods.length === 0) {
    const span = (s: SideSeries): string => periodSpan([...s.keys()], grain, cal);
    return fail({ code: 'reconcile.noOverlap', params: { left: labels.left['en-US'], right: labels.right['en-US'], leftPeriods: span(left.total), rightPeriods: span(right.total) } });
  }
  const checks = periods.map((p) => comparePeriod(rule, left, right, p, grain, cal));
  const breaking = periods.filter((_, i) => !checks[i]!.agrees);
  if (breaking.length > 0) trace(rule, left, right, breaking, checks.filter((c) => !c.agrees), input.maxRows ?? DEFAULT_MAX_ROWS);
  const def = catalog.metrics.find((m) => m.id === rule.left.metric)!;
  const findings = checks.filter((c) => !c.agrees).map((c) => breakFinding({ rule, ...c, labels, def }));
  const status = breaking.length > 0 ? 'breaks' : 'agrees';
  return { result: { ruleId: rule.id, name: rule.name, status, message: summary(checks), labels, periods: checks }, findings };
}

/** Periods where both sides have a result (after shifting), within from..to. */
function comparedPeriods(rule: ReconcileRule, left: SideSeries, right: SideSeries, cal: FiscalCalendar, grain: Grain): number[] {
  const bound = (key: string | undefined, fallback: number): number => {
    const p = key === undefined ? undefined : parsePeriodKey(key, cal);
    return p && p.grain === grain ? p.index : fallback;
  };
  const from = bound(rule.from, -Infinity);
  const to = bound(rule.to, Infinity);
  return [...left.keys()].filter((p) => right.has(p) && p >= from && p <= to).sort((a, b) => a - b);
}

function comparePeriod(rule: ReconcileRule, left: Side, right: Side, p: number, grain: Grain, cal: FiscalCalendar): PeriodCheck {
  const l = left.total.get(p)!;
  const r = right.total.get(p)!;
  const c = compareValues(l.value, r.value, rule.tolerance);
  const check: PeriodCheck = {
    period: periodKeyOf(p, grain, cal), left: l.value?.value ?? null, right: r.value?.value ?? null,
    difference: c.difference, allowed: c.allowed, agrees: c.agrees, members: [], rows: [], membersOmitted: 0, rowsOmitted: 0,
  };
  const note = noValueNote(l.value === null ? l.detail : undefined, r.value === null ? r.detail : undefined);
  if (note) check.note = note;
  return check;
}

/** Fills members and rows of the breaking checks: once per dimension and side, not once per period. */
function trace(rule: ReconcileRule, left: Side, right: Side, periods: readonly number[], checks: readonly PeriodCheck[], maxRows: number): void {
  const dims = (rule.traceBy ?? defaultTraceBy(left.table, right.table, rule.rowKey)).filter((d) => d !== rule.rowKey && left.table.text[d] && right.table.text[d]);
  const members: MemberDifference[][] = periods.map(() => []);
  for (const dim of dims) {
    const l = evaluateSide(left.run, dim).members;
    const r = evaluateSide(right.run, dim).members;
    periods.forEach((p, i) => members[i]!.push(...memberDifferences(dim, l, r, p)));
  }
  const rows = rowTracer(rule, left, right);
  periods.forEach((p, i) => {
    const check = checks[i]!;
    const found = members[i]!.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
    check.members = found.slice(0, maxRows);
    check.membersOmitted = Math.max(0, found.length - maxRows);
    if (!rows) return;
    const t = rows(p + left.run.shift, p + right.run.shift, maxRows);
    check.rows = t.rows;
    check.rowsOmitted = t.omitted;
  });
}

/**
 * Rows are traced through the base metrics each side's metric is computed from (all of them for a
 * ratio or formula), when both sides have any; amounts are compared as the metrics read them.
 */
function rowTracer(rule: ReconcileRule, left: Side, right: Side): ((lp: number, rp: number, max: number) => ReturnType<typeof traceRows>) | undefined {
  const scale = Math.max(left.table.scale, right.table.scale);
  const pick = (s: Side, source: string) => {
    const inputs = baseInputs(s.run.catalog, s.spec.metric);
    const keys = rowKeysOf(s.table, rule.rowKey);
    return inputs.length === 0 ? undefined : sideRows({ source, table: s.table, inputs, scale, grain: s.run.grain, cal: s.run.cal, ...(keys ? { keys } : {}) });
  };
  const l = pick(left, rule.left.source);
  const r = pick(right, rule.right.source);
  if (!l || !r) return undefined;
  return (lp, rp, max) => traceRows(l, r, lp, rp, max);
}

function periodSpan(indexes: readonly number[], grain: Grain, cal: FiscalCalendar): string {
  if (indexes.length === 0) return '—';
  const sorted = [...indexes].sort((a, b) => a - b);
  return `${periodKeyOf(sorted[0]!, grain, cal)}…${periodKeyOf(sorted.at(-1)!, grain, cal)}`;
}
