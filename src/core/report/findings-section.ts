import { SEVERITIES } from '../alerts';
import type { Severity } from '../anomaly';
import type { Locale } from '../i18n';
import { amount, badge, details, el, join, moreLine, msg, raw, text, type Html } from './markup';
import type { FindingOutcome, RunResult } from './result';

/** Per severity; the JSON result has them all. */
const MAX_PER_SEVERITY = 100;
const MAX_DRIVERS = 5;

export const severityBadge = (severity: Severity, locale: Locale): Html => badge(severity, msg(`report.severity.${severity}`, locale));

function findingCard(f: FindingOutcome, names: ReadonlyMap<string, string>, locale: Locale): Html {
  const title = `${names.get(f.metricId) ?? f.metricId} · ${f.period}${f.member ? ` · ${f.member.dimension} ${f.member.member}` : ''}`;
  const drivers = f.drivers.slice(0, MAX_DRIVERS).map((d) =>
    el('li', {}, msg('report.driver', locale, { dimension: d.dimension, member: d.member, share: Math.round(d.share * 100), deviation: amount(d.deviation, locale) })),
  );
  return el(
    'article',
    { class: `card ${f.severity}`, id: `finding-${f.id}` },
    el('h4', {}, severityBadge(f.severity, locale), text(' '), text(title)),
    el('p', {}, text(f.explanation[locale])),
    drivers.length ? el('ul', { class: 'drivers' }, ...drivers) : raw(''),
    el('p', { class: 'meta' }, msg('report.findingMeta', locale, { kind: f.kind, detector: f.detector, score: f.score.toFixed(2) }), text(' · '), el('code', {}, text(f.id))),
  );
}

/** How to quiet a finding: its id is on its card, the command is one copy away. */
const ackHint = (r: RunResult, locale: Locale): Html =>
  el('p', { class: 'meta' }, msg('report.ackHint', locale), text(' '), el('code', {}, msg('report.ackCommand', locale, { config: r.config })));

/** One severity's findings behind a summary line that says how many; critical ones start open. */
function severityGroup(severity: Severity, findings: readonly FindingOutcome[], names: ReadonlyMap<string, string>, locale: Locale): Html {
  const shown = findings.slice(0, MAX_PER_SEVERITY);
  const summary = join([severityBadge(severity, locale), text(' '), msg('report.findings.group', locale, { count: findings.length })]);
  return details(
    { id: `findings-${severity}`, cls: `group ${severity}`, open: severity === 'critical' },
    summary,
    ...shown.map((f) => findingCard(f, names, locale)),
    moreLine(shown.length, findings.length, locale),
  );
}

/**
 * Findings grouped by severity, worst first. Critical ones are open; warnings and notices wait
 * behind their summary line, so a phone shows what matters without scrolling past the rest.
 */
export function findingsSection(r: RunResult, locale: Locale): Html {
  const names = new Map(r.metrics.map((m) => [m.id, m.name[locale]] as const));
  const groups = [...SEVERITIES]
    .reverse()
    .map((s) => ({ severity: s, findings: r.findings.filter((f) => f.severity === s) }))
    .filter((g) => g.findings.length > 0);
  const body = groups.length
    ? join([ackHint(r, locale), ...groups.map((g) => severityGroup(g.severity, g.findings, names, locale))])
    : el('p', {}, msg('report.noFindings', locale));
  return el('section', { id: 'findings' }, el('h2', {}, msg('report.findings', locale, { count: r.findings.length })), body);
}
