import type { MetricId, PeriodKey } from '../brand';
import type { MetricDef } from '../catalog';
import { explain, isFavourable } from './explain';
import { severityRank, type Driver, type Finding, type Severity } from './finding';
import { severityOfGap } from './sensitivity';
import { detectorOf, type Signal } from './signals';

export interface FindingContext {
  def: MetricDef;
  period: PeriodKey;
  member?: { dimension: string; member: string };
  actual: number | null;
  /** What the value model expected of this period, for signals that carry no expectation of their own. */
  modelExpected: number | null;
  drivers: Driver[];
  sensitivity: number;
  /** What a relative gap is a share of, for severity: the group total for a member; else the reference. */
  scale?: number;
}

const THRESHOLD_SCORE: Readonly<Record<Severity, number>> = { notice: 0.6, warning: 0.75, critical: 0.9 };

/** Builds the Finding a signal stands for: expectation, band, score, severity, verdict and explanation. */
export function toFinding(signal: Signal, ctx: FindingContext): Finding {
  const view = viewOf(signal, ctx);
  const favourable = view.reference === null || ctx.actual === null ? null : isFavourable(ctx.def, ctx.actual - view.reference);
  // Unexpected good news is worth a look but never an emergency; a catalog threshold means what it says.
  const severity = favourable && signal.kind !== 'threshold' && severityRank(view.severity) > severityRank('warning') ? 'warning' : view.severity;
  const finding: Finding = {
    id: `${ctx.def.id}|${ctx.period}|${signal.kind}${ctx.member ? `|${ctx.member.member}` : ''}`,
    metricId: ctx.def.id as MetricId,
    period: ctx.period,
    kind: signal.kind,
    detector: detectorOf(signal),
    actual: ctx.actual,
    expected: view.expected,
    lower: view.lower,
    upper: view.upper,
    score: view.score,
    severity,
    favourable,
    drivers: ctx.drivers,
    explanation: explain(signal, { def: ctx.def, actual: ctx.actual, period: ctx.period, member: ctx.member, drivers: ctx.drivers }),
  };
  if (ctx.member) finding.member = ctx.member;
  return finding;
}

interface View {
  expected: number | null;
  lower: number | null;
  upper: number | null;
  score: number;
  severity: Severity;
  /** What "favourable" is judged against. */
  reference: number | null;
}

function viewOf(signal: Signal, ctx: FindingContext): View {
  switch (signal.kind) {
    case 'robust':
    case 'seasonal':
    case 'levelShift':
    case 'change': {
      const [reference, actual] = signal.kind === 'levelShift' ? [signal.before, signal.after] : [signal.expected, ctx.actual ?? signal.expected];
      const severity = severityOfGap(actual, reference, ctx.def.unit, ctx.sensitivity, ctx.scale);
      return { expected: signal.expected, lower: signal.lower, upper: signal.upper, score: signal.score, severity, reference };
    }
    case 'threshold': {
      const bound = signal.target === undefined ? signal.threshold : signal.threshold * signal.target;
      const [lower, upper] = signal.when === 'below' ? [bound, null] : [null, bound];
      return { expected: signal.target ?? null, lower, upper, score: THRESHOLD_SCORE[signal.severity], severity: signal.severity, reference: bound };
    }
    case 'budget': {
      const spread = Math.abs(signal.budget) * signal.band;
      const severity = severityOfGap(ctx.actual ?? signal.budget, signal.budget, ctx.def.unit, ctx.sensitivity);
      return { expected: signal.budget, lower: signal.budget - spread, upper: signal.budget + spread, score: signal.score, severity, reference: signal.budget };
    }
    case 'missing':
      return { expected: ctx.modelExpected, lower: null, upper: null, score: signal.zero ? 0.6 : 0.75, severity: signal.zero ? 'notice' : 'warning', reference: null };
    case 'stale':
      return { expected: ctx.modelExpected, lower: null, upper: null, score: signal.count >= 3 ? 0.9 : 0.75, severity: signal.count >= 3 ? 'critical' : 'warning', reference: null };
  }
}
