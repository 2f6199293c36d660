import type { Locale } from '../i18n';
import { formatMessage } from '../i18n';
import { severityBadge } from './findings-section';
import { badge, columns, details, el, join, metricValue, moreLine, msg, raw, table, text, type Html } from './markup';
import type { FindingOutcome, MetricSeries, RunResult } from './result';
import { sparkline } from './spark';

const MAX_PROBLEMS = 200;
const SPARK_PERIODS = 13;

export function sourcesSection(r: RunResult, locale: Locale): Html {
  if (r.sources.length === 0) return raw('');
  const rows = r.sources.map((s) => [
    text(s.id),
    badge(s.status, msg(`report.source.${s.status}`, locale)),
    text(s.rows.toLocaleString(locale)),
    text(s.message?.[locale] ?? s.error?.[locale] ?? s.fetchedAt ?? ''),
  ]);
  const cols = columns(['report.col.source', 'report.col.status', 'report.col.rows', 'report.col.detail'], locale, [2]);
  return el('section', { id: 'sources' }, el('h2', {}, msg('report.sources', locale)), table(cols, rows, { stack: true }));
}

/** Flagged points of a sparkline: the periods with findings on the metric's total. */
function flaggedIndexes(series: MetricSeries, periods: readonly string[], findings: readonly FindingOutcome[]): number[] {
  const flagged = new Set<string>(findings.filter((f) => f.metricId === series.id && !f.member).map((f) => f.period));
  return periods.flatMap((p, i) => (flagged.has(p) ? [i] : []));
}

/**
 * Name, latest value and trend per metric. On a phone each row folds into two lines (the name,
 * then value and sparkline), so the table never scrolls sideways; the line above says which period.
 */
export function kpiSection(r: RunResult, locale: Locale): Html {
  if (r.metrics.length === 0) return raw('');
  const last = r.metrics[0]!.periods.length - 1;
  const period = r.metrics[0]!.periods[last] ?? '';
  const from = Math.max(0, last + 1 - SPARK_PERIODS);
  const count = Math.min(SPARK_PERIODS, last + 1);
  const rows = r.metrics.map((m) => {
    const periods = m.periods.slice(from);
    const label = formatMessage('report.sparkLabel', { metric: m.name[locale], from: periods[0] ?? '', to: period }, locale);
    const latest = m.lastError ?? metricValue(m.values[last], m, locale);
    return [text(m.name[locale]), text(latest), sparkline(m.values.slice(from), label, flaggedIndexes(m, periods, r.findings))];
  });
  const cols = [{ label: formatMessage('report.col.metric', {}, locale) }, { label: period, numeric: true }, { label: formatMessage('report.col.trend', { count }, locale) }];
  return el(
    'section',
    { id: 'kpis' },
    el('h2', {}, msg('report.kpis', locale)),
    el('p', { class: 'meta' }, msg('report.kpiMeta', locale, { period, count })),
    table(cols, rows, { cls: 'kpi' }),
  );
}

export function alertsSection(r: RunResult, locale: Locale): Html {
  if (r.alerts.length === 0) return raw('');
  const rows = r.alerts.map((a) => [
    severityBadge(a.severity, locale),
    text(a.ruleId),
    el('code', {}, text(a.findingId)),
    join(a.deliveries.map((d) => el('div', {}, badge(d.ok ? 'ok' : 'error', text(d.channel)), text(d.error ? ` ${d.error[locale]}` : '')))),
  ]);
  const cols = columns(['report.col.severity', 'report.col.rule', 'report.col.finding', 'report.col.channels'], locale);
  return el('section', { id: 'alerts' }, el('h2', {}, msg('report.alerts', locale)), table(cols, rows, { stack: true }));
}

/** Problems behind their count; open when one is an error, since then a number may be wrong. */
export function problemsSection(r: RunResult, locale: Locale): Html {
  if (r.problems.length === 0) return raw('');
  const shown = r.problems.slice(0, MAX_PROBLEMS);
  const items = shown.map((p) => el('li', {}, badge(p.severity === 'error' ? 'error' : 'warning', msg(`report.problem.${p.severity}`, locale)), text(` ${p.path}: ${p.message[locale]}`)));
  const summary = el('h2', {}, msg('report.problems', locale, { count: r.problems.length }));
  return el(
    'section',
    { id: 'problems' },
    details({ open: r.problems.some((p) => p.severity === 'error') }, summary, el('ul', { class: 'problems' }, ...items), moreLine(shown.length, r.problems.length, locale)),
  );
}

export function stagesFooter(r: RunResult, locale: Locale): Html {
  const parts = r.stages.map((s) => `${formatMessage(`run.stage.${s.stage}`, {}, locale)} ${(s.ms / 1000).toFixed(2)} s${s.status === 'ok' ? '' : ` (${s.status})`}`);
  return el('footer', {}, text(parts.join(' · ')), el('div', {}, msg('report.runId', locale, { id: r.runId })));
}
