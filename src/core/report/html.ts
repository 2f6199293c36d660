import { formatMessage, type Locale } from '../i18n';
import { text } from './markup';
import { findingsSection } from './findings-section';
import { headerSection } from './header';
import { reconcileSection } from './reconcile-section';
import type { RunResult } from './result';
import { alertsSection, kpiSection, problemsSection, sourcesSection, stagesFooter } from './sections';
import { REPORT_CSS } from './styles';

/**
 * The run report as one self-contained HTML file: inline CSS and SVG, no scripts, no external
 * requests, every text from data escaped. A summary comes first (outcome, findings by severity,
 * breaks, stale sources), then what went wrong (sources, findings, reconciliation breaks), then the
 * KPI table, so a controller on a phone sees the answer at once and opens only what concerns them.
 */
export function renderReport(result: RunResult, locale: Locale = result.lang): string {
  const title = text(formatMessage('report.title', {}, locale)).html;
  const body = [
    headerSection(result, locale),
    sourcesSection(result, locale),
    findingsSection(result, locale),
    reconcileSection(result, locale),
    kpiSection(result, locale),
    alertsSection(result, locale),
    problemsSection(result, locale),
  ]
    .map((h) => h.html)
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${title}</title><style>${REPORT_CSS}</style></head>`,
    `<body><main>${body}\n${stagesFooter(result, locale).html}</main></body></html>`,
    '',
  ].join('\n');
}
