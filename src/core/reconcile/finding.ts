import type { Driver, Finding, Severity } from '../anomaly';
import { metricId, type PeriodKey } from '../brand';
import type { MetricDef } from '../catalog';
import { formatValue } from '../format';
import { formatMessage, LOCALES, type Locale, type Localized } from '../i18n';
import type { MemberDifference } from './members';
import type { RowDifference } from './rows';
import type { ReconcileRule } from './rule';

/** A break this many times the tolerance is critical, whatever the rule's own severity. */
export const CRITICAL_MULTIPLE = 10;
const MEMBERS_IN_TEXT = 3;

export interface BreakFacts {
  rule: ReconcileRule;
  period: PeriodKey;
  left: number | null;
  right: number | null;
  difference: number | null;
  allowed: number;
  members: readonly MemberDifference[];
  rows: readonly RowDifference[];
  /** Rows beyond those listed. */
  rowsOmitted: number;
  labels: { left: Localized; right: Localized };
  /** The left metric, for units and decimals in the text. */
  def: Pick<MetricDef, 'unit' | 'decimals'>;
}

/** The rule's severity, or critical beyond 10× the tolerance (any difference when nothing is tolerated). */
export function breakSeverity(rule: ReconcileRule, difference: number | null, allowed: number): Severity {
  const beyond = difference === null || Math.abs(difference) > CRITICAL_MULTIPLE * allowed;
  return beyond ? 'critical' : (rule.severity ?? 'warning');
}

/** One finding per breaking rule and period, explained like an anomaly: values, tolerance, members and rows behind it. */
export function breakFinding(f: BreakFacts): Finding {
  const { rule, difference, allowed } = f;
  const expected = f.right;
  return {
    id: `${rule.left.metric}|${f.period}|reconcile|${rule.id}`,
    metricId: metricId(rule.left.metric),
    period: f.period,
    kind: 'reconcile',
    detector: `reconcile:${rule.id}`,
    actual: f.left,
    expected,
    lower: expected === null ? null : expected - allowed,
    upper: expected === null ? null : expected + allowed,
    // 0 at the tolerance, 1 at ten times it (or when a side is missing).
    score: difference === null || allowed === 0 ? 1 : Math.min(1, Math.abs(difference) / (CRITICAL_MULTIPLE * allowed)),
    severity: breakSeverity(rule, difference, allowed),
    favourable: null,
    drivers: drivers(f.members, difference),
    explanation: explain(f),
  };
}

function drivers(members: readonly MemberDifference[], total: number | null): Driver[] {
  return members.map((m) => ({
    dimension: m.dimension,
    member: m.member,
    actual: m.left,
    expected: m.right,
    deviation: m.difference,
    share: total ? m.difference / total : 0,
  }));
}

function explain(f: BreakFacts): Localized {
  const text = (locale: Locale): string => {
    const num = (v: number | null): string => (v === null ? '—' : formatValue(v, f.def, locale));
    let out = formatMessage('reconcile.explain', {
      rule: f.rule.name[locale], period: f.period, leftLabel: f.labels.left[locale], rightLabel: f.labels.right[locale],
      left: num(f.left), right: num(f.right), difference: num(f.difference), allowed: num(f.allowed),
    }, locale);
    const top = [...f.members].sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference)).slice(0, MEMBERS_IN_TEXT);
    if (top.length > 0) {
      const list = top.map((m) => `${m.dimension} ${m.member} ${num(m.difference)}`).join(locale === 'zh-CN' ? '；' : '; ');
      out += formatMessage('reconcile.explainMembers', { list }, locale);
    }
    const first = f.rows[0];
    if (first) out += formatMessage('reconcile.explainRows', { count: f.rows.length + f.rowsOmitted, first: rowText(first, num, locale) }, locale);
    return out;
  };
  return Object.fromEntries(LOCALES.map((l) => [l, text(l)])) as Localized;
}

function rowText(row: RowDifference, num: (v: number) => string, locale: Locale): string {
  const where = row.origin ?? row.key ?? row.source;
  const code = row.reason === 'onlyLeft' ? 'reconcile.rowOnlyLeft' : row.reason === 'onlyRight' ? 'reconcile.rowOnlyRight' : 'reconcile.rowAmountDiffers';
  return formatMessage(code, { where, day: row.day, amount: num(row.amount), otherAmount: num(row.otherAmount ?? 0) }, locale);
}
