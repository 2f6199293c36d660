import type { Locale } from '../i18n';
import { formatMessage } from '../i18n';
import { amount, badge, el, join, metricValue, moreLine, msg, raw, table, text, type Html } from './markup';
import type { FindingOutcome, MetricSeries, RunResult } from './result';
import { sparkline } from './spark';

const MAX_FINDINGS = 200;
const SPARK_PERIODS = 13;

const severityBadge = (severity: string, locale: Locale): Html => badge(severity, msg(`report.severity.${severity}` as 'report.severity.notice', locale));

export function headerSection(r: RunResult, locale: Locale): Html {
  const tone = r.exitCode === 0 ? '' : r.exitCode === 1 ? 'fail' : 'incomplete';
  const c = r.counts;
  const counts = [
    msg('report.count.metrics', locale, { count: r.metrics.length }),
    msg('report.count.findings', locale, { critical: c.findings.critical, warning: c.findings.warning, notice: c.findings.notice }),
    msg('report.count.breaks', locale, { count: c.reconciliationBreaks }),
    msg('report.count.alerts', locale, { sent: c.alertsSent, failed: c.alertsFailed }),
    msg('report.count.stale', locale, { count: c.staleSources }),
  ];
  return el(
    'header',
    { class: `top ${tone}`.trim() },
    el('h1', {}, msg('report.title', locale)),
    el('p', {}, el('strong', {}, msg(`report.outcome.${r.exitCode}`, locale, { failOn: formatMessage(`report.severity.${r.failOn}`, {}, locale) }))),
    r.error ? el('p', {}, text(r.error[locale])) : raw(''),
    el('p', { class: 'meta' }, msg('report.meta', locale, { started: r.startedAt, seconds: (r.durationMs / 1000).toFixed(1), config: r.config, grain: r.grain })),
    el('ul', { class: 'counts' }, ...counts.map((t) => el('li', {}, t))),
  );
}

export function sourcesSection(r: RunResult, locale: Locale): Html {
  if (r.sources.length === 0) return raw('');
  const rows = r.sources.map((s) => [
    text(s.id),
    badge(s.status, msg(`report.source.${s.status}`, locale)),
    text(s.rows.toLocaleString(locale)),
    text(s.message?.[locale] ?? s.error?.[locale] ?? s.fetchedAt ?? ''),
  ]);
  const cols = ['report.col.source', 'report.col.status', 'report.col.rows', 'report.col.detail'] as const;
  return el('section', { id: 'sources' }, el('h2', {}, msg('report.sources', locale)), table(cols.map((k, i) => ({ label: formatMessage(k, {}, locale), numeric: i === 2 })), rows, { stack: true }));
}

/** Flagged points of a sparkline: the periods with findings on the metric's total. */
function flaggedIndexes(series: MetricSeries, periods: readonly string[], findings: readonly FindingOutcome[]): number[] {
  const flagged = new Set<string>(findings.filter((f) => f.metricId === series.id && !f.member).map((f) => f.period));
  return periods.flatMap((p, i) => (flagged.has(p) ? [i] : []));
}

export function kpiSection(r: RunResult, locale: Locale): Html {
  if (r.metrics.length === 0) return raw('');
  const last = r.metrics[0]!.periods.length - 1;
  const period = r.metrics[0]!.periods[last] ?? '';
  const from = Math.max(0, last + 1 - SPARK_PERIODS);
  const rows = r.metrics.map((m) => {
    const periods = m.periods.slice(from);
    const values = m.values.slice(from);
    const label = formatMessage('report.sparkLabel', { metric: m.name[locale], from: periods[0] ?? '', to: period }, locale);
    const latest = m.lastError ?? metricValue(m.values[last], m, locale);
    return [text(m.name[locale]), text(latest), sparkline(values, label, flaggedIndexes(m, periods, r.findings))];
  });
  const cols = [{ label: formatMessage('report.col.metric', {}, locale) }, { label: period, numeric: true }, { label: formatMessage('report.col.trend', { count: Math.min(SPARK_PERIODS, last + 1) }, locale) }];
  return el('section', { id: 'kpis' }, el('h2', {}, msg('report.kpis', locale)), table(cols, rows, { cls: 'kpi' }));
}

function findingCard(f: FindingOutcome, names: ReadonlyMap<string, string>, locale: Locale): Html {
  const title = `${names.get(f.metricId) ?? f.metricId} · ${f.period}${f.member ? ` · ${f.member.dimension} ${f.member.member}` : ''}`;
  const drivers = f.drivers.slice(0, 5).map((d) =>
    el('li', {}, msg('report.driver', locale, { dimension: d.dimension, member: d.member, share: Math.round(d.share * 100), deviation: amount(d.deviation, locale) })),
  );
  return el(
    'div',
    { class: 'card', id: `finding-${f.id}` },
    el('p', {}, severityBadge(f.severity, locale), text(' '), el('strong', {}, text(title))),
    el('p', {}, text(f.explanation[locale])),
    el('p', { class: 'meta' }, msg('report.findingMeta', locale, { kind: f.kind, detector: f.detector, score: f.score.toFixed(2) })),
    drivers.length ? el('ul', { class: 'drivers' }, ...drivers) : raw(''),
  );
}

export function findingsSection(r: RunResult, locale: Locale): Html {
  const names = new Map(r.metrics.map((m) => [m.id, m.name[locale]] as const));
  const shown = r.findings.slice(0, MAX_FINDINGS);
  const body = shown.length ? join(shown.map((f) => findingCard(f, names, locale))) : el('p', {}, msg('report.noFindings', locale));
  return el('section', { id: 'findings' }, el('h2', {}, msg('report.findings', locale, { count: r.findings.length })), body, moreLine(shown.length, r.findings.length, locale));
}

export function alertsSection(r: RunResult, locale: Locale): Html {
  if (r.alerts.length === 0) return raw('');
  const rows = r.alerts.map((a) => [
    severityBadge(a.severity, locale),
    text(a.ruleId),
    text(a.findingId),
    join(a.deliveries.map((d) => el('div', {}, badge(d.ok ? 'ok' : 'error', text(d.channel)), text(d.error ? ` ${d.error[locale]}` : '')))),
  ]);
  const cols = (['report.col.severity', 'report.col.rule', 'report.col.finding', 'report.col.channels'] as const).map((k) => ({ label: formatMessage(k, {}, locale) }));
  return el('section', { id: 'alerts' }, el('h2', {}, msg('report.alerts', locale)), table(cols, rows, { stack: true }));
}

export function problemsSection(r: RunResult, locale: Locale): Html {
  if (r.problems.length === 0) return raw('');
  const shown = r.problems.slice(0, MAX_FINDINGS);
  const items = shown.map((p) => el('li', {}, badge(p.severity === 'error' ? 'error' : 'warning', msg(`report.problem.${p.severity}`, locale)), text(` ${p.path}: ${p.message[locale]}`)));
  return el('section', { id: 'problems' }, el('h2', {}, msg('report.problems', locale)), el('ul', {}, ...items), moreLine(shown.length, r.problems.length, locale));
}

export function stagesFooter(r: RunResult, locale: Locale): Html {
  const parts = r.stages.map((s) => `${formatMessage(`run.stage.${s.stage}`, {}, locale)} ${(s.ms / 1000).toFixed(2)} s${s.status === 'ok' ? '' : ` (${s.status})`}`);
  return el('footer', {}, text(parts.join(' · ')), el('div', {}, msg('report.runId', locale, { id: r.runId })));
}
