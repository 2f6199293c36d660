import { severityRank, type Finding, type Severity } from '../anomaly';
import type { Catalog } from '../catalog';
import type { Evaluation } from '../engine';
import type { Problem } from '../errors';
import type { AlertOutcome, ExitCode, FindingOutcome, MetricSeries, ProblemOutcome, RunCounts, SourceOutcome } from './result';

/**
 * How a source that did not refresh weighs against `failOn`: stale data is a warning (numbers may be
 * out of date), no data at all is critical (metrics on it are #SOURCE).
 */
export const SOURCE_SEVERITY: Readonly<Record<Exclude<SourceOutcome['status'], 'fresh'>, Severity>> = { stale: 'warning', failed: 'critical' };

/**
 * An error the run reported (a binding that read nothing, a reconciliation rule that could not be
 * checked) weighs as critical: what it should have checked is unknown, so the gate must not pass.
 */
const ERROR_PROBLEM_SEVERITY: Severity = 'critical';

const atLeast = (s: Severity, floor: Severity): boolean => severityRank(s) >= severityRank(floor);

/** Each metric's total over every period, in the catalog's dependency order, ready for the KPI table. */
export function metricSeries(evaluation: Evaluation, catalog: Catalog): MetricSeries[] {
  const defs = new Map(catalog.metrics.map((m) => [m.id, m] as const));
  const at = new Map(evaluation.periods.map((p, i) => [p, i] as const));
  const series = new Map<string, MetricSeries>();
  for (const id of evaluation.metrics) {
    const def = defs.get(id);
    if (!def) continue;
    const s: MetricSeries = { id, name: def.name, unit: def.unit, periods: [...evaluation.periods], values: evaluation.periods.map(() => null) };
    if (def.decimals !== undefined) s.decimals = def.decimals;
    if (def.unit === 'currency') s.currency = def.currency ?? catalog.currency;
    series.set(id, s);
  }
  const last = evaluation.periods.length - 1;
  for (const v of evaluation.values) {
    const s = v.member === undefined ? series.get(v.metricId) : undefined;
    const i = at.get(v.period);
    if (!s || i === undefined) continue;
    s.values[i] = v.value;
    if (i === last && v.error) s.lastError = `#${v.error.kind}`;
  }
  return [...series.values()];
}

/** Findings as the result keeps them: most severe first, then the latest period, then the score. */
export function findingOutcomes(findings: readonly Finding[]): FindingOutcome[] {
  return [...findings]
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.period.localeCompare(a.period) || b.score - a.score)
    .map((f) => {
      const out: FindingOutcome = {
        id: f.id, metricId: f.metricId, period: f.period, kind: f.kind, detector: f.detector, actual: f.actual, expected: f.expected,
        lower: f.lower, upper: f.upper, score: f.score, severity: f.severity, favourable: f.favourable, explanation: f.explanation, drivers: f.drivers,
      };
      if (f.member) out.member = f.member;
      return out;
    });
}

export const problemOutcomes = (problems: readonly Problem[]): ProblemOutcome[] =>
  problems.map((p) => ({ severity: p.severity, path: p.path, code: p.code, message: p.message }));

export interface CountInput {
  findings: readonly Pick<Finding, 'severity'>[];
  sources: readonly SourceOutcome[];
  alerts: readonly AlertOutcome[];
  reconciliationBreaks: number;
  /** The run's problems; those of severity 'error' count against failOn as critical. */
  problems?: readonly Pick<Problem, 'severity'>[];
  failOn: Severity;
}

export function countOutcomes(input: CountInput): RunCounts {
  const findings: Record<Severity, number> = { notice: 0, warning: 0, critical: 0 };
  for (const f of input.findings) findings[f.severity] += 1;
  const unrefreshed = input.sources.flatMap((s) => (s.status === 'fresh' ? [] : [SOURCE_SEVERITY[s.status]]));
  const errors = (input.problems ?? []).flatMap((p) => (p.severity === 'error' ? [ERROR_PROBLEM_SEVERITY] : []));
  const failing = [...input.findings.map((f) => f.severity), ...unrefreshed, ...errors].filter((s) => atLeast(s, input.failOn)).length;
  const delivered = (a: AlertOutcome): boolean => a.deliveries.some((d) => d.ok);
  return {
    findings,
    failing,
    reconciliationBreaks: input.reconciliationBreaks,
    alertsSent: input.alerts.filter(delivered).length,
    alertsFailed: input.alerts.filter((a) => !delivered(a)).length,
    staleSources: unrefreshed.length,
  };
}

/** 1 when anything at or above the fail-on severity was found, so `finpulse run` can gate a close checklist. */
export const exitCodeOf = (counts: RunCounts): ExitCode => (counts.failing > 0 ? 1 : 0);
