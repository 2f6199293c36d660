import { SEVERITIES } from '../alerts';
import type { Severity } from '../anomaly';
import { formatMessage, type Locale } from '../i18n';
import { el, msg, raw, text, type Html } from './markup';
import type { RunResult } from './result';

/** The report's three outcomes as a colour: passed, needs attention, could not complete. */
const toneOf = (exitCode: RunResult['exitCode']): string => (exitCode === 0 ? 'pass' : exitCode === 1 ? 'fail' : 'incomplete');

/** One figure of the summary: a big number over its label, a link to the section that lists it. */
function tile(count: number | string, label: Html, opts: { href?: string; cls?: string }): Html {
  const body = [el('span', { class: 'n' }, text(String(count))), el('span', { class: 'l' }, label)];
  return el('li', {}, el(opts.href ? 'a' : 'span', { href: opts.href, class: opts.cls }, ...body));
}

/** Findings by severity, worst first; a severity with none is shown as 0 but links nowhere. */
function severityTiles(r: RunResult, locale: Locale): Html[] {
  return [...SEVERITIES].reverse().map((s: Severity) => {
    const count = r.counts.findings[s];
    return tile(count, msg(`report.severity.${s}`, locale), { href: count ? `#findings-${s}` : undefined, cls: count ? s : 'zero' });
  });
}

/**
 * What a controller needs at a glance, before any scrolling: did the run pass (and its exit
 * code), how many findings of each severity, reconciliation breaks, sources not refreshed, alerts.
 */
export function headerSection(r: RunResult, locale: Locale): Html {
  const c = r.counts;
  const tiles = [
    ...severityTiles(r, locale),
    tile(c.reconciliationBreaks, msg('report.summary.breaks', locale), { href: c.reconciliationBreaks ? '#reconciliations' : undefined, cls: c.reconciliationBreaks ? 'breaks' : 'zero' }),
    tile(c.staleSources, msg('report.summary.stale', locale), { href: c.staleSources ? '#sources' : undefined, cls: c.staleSources ? 'stale' : 'zero' }),
    tile(r.exitCode, msg('report.summary.exit', locale), { cls: `exit ${toneOf(r.exitCode)}` }),
  ];
  const alerts = c.alertsSent + c.alertsFailed > 0 ? el('p', { class: 'meta' }, msg('report.count.alerts', locale, { sent: c.alertsSent, failed: c.alertsFailed })) : raw('');
  return el(
    'header',
    { class: `top ${toneOf(r.exitCode)}` },
    el('h1', {}, msg('report.title', locale)),
    el('p', { class: 'outcome' }, el('strong', {}, msg(`report.outcome.${r.exitCode}`, locale, { failOn: formatMessage(`report.severity.${r.failOn}`, {}, locale) }))),
    r.error ? el('p', { class: 'error-text' }, text(r.error[locale])) : raw(''),
    el('ul', { class: 'summary', 'aria-label': formatMessage('report.summary', {}, locale) }, ...tiles),
    alerts,
    el('p', { class: 'meta' }, msg('report.meta', locale, { started: r.startedAt, seconds: (r.durationMs / 1000).toFixed(1), config: r.config, grain: r.grain, metrics: r.metrics.length })),
  );
}
