import { metricId, periodKey } from '../brand';
import type { Finding } from '../anomaly';
import type { ReconcileResult } from '../reconcile';
import { countOutcomes, exitCodeOf, findingOutcomes, renderReport, type RunResult, type SourceOutcome } from '.';

const evil = '<script>alert(1)</script> & "Net" <b>';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    id: 'revenue|2026-05|robust', metricId: metricId('revenue'), period: periodKey('2026-05'), kind: 'robust', detector: 'mad',
    actual: 60, expected: 100, lower: 90, upper: 110, score: 0.9, severity: 'critical', favourable: false,
    drivers: [{ dimension: 'entity', member: evil, actual: 10, expected: 50, deviation: -40, share: 1 }],
    explanation: { 'en-US': `Revenue 60, 40% below ${evil}`, 'zh-CN': `营业收入 60，比预期低 40% ${evil}` },
    ...over,
  };
}

function result(over: Partial<RunResult> = {}): RunResult {
  const findings = findingOutcomes([finding(), finding({ id: 'x', severity: 'notice', period: periodKey('2026-06') })]);
  const sources: SourceOutcome[] = [{ id: 'ledger', status: 'stale', rows: 12, fetchedAt: '2026-11-01T00:00:00.000Z', message: { 'en-US': `Stale since 2026-11-01: ${evil}`, 'zh-CN': `数据过期：${evil}` } }];
  const counts = countOutcomes({ findings, sources, alerts: [], reconciliationBreaks: 0, failOn: 'warning' });
  return {
    schemaVersion: 1, runId: 'r1', config: evil, startedAt: '2026-11-24T08:00:00.000Z', finishedAt: '2026-11-24T08:00:01.000Z', durationMs: 1000,
    lang: 'en-US', grain: 'month', failOn: 'warning', exitCode: exitCodeOf(counts), stages: [{ stage: 'sources', ms: 12, status: 'ok' }], sources,
    workbooks: [], findings, reconciliations: [], alerts: [], problems: [{ severity: 'warning', path: '$.x', code: 'internal', message: { 'en-US': evil, 'zh-CN': evil } }], counts,
    metrics: [{ id: 'revenue', name: { 'en-US': `Revenue ${evil}`, 'zh-CN': `营业收入 ${evil}` }, unit: 'currency', decimals: 2, currency: 'CNY', periods: ['2026-05', '2026-06'], values: [60, 1234.5] }],
    outputs: { copies: [] },
    ...over,
  };
}

describe('the run report', () => {
  const html = renderReport(result());

  it('escapes every text that comes from data, and carries no script at all', () => {
    expect(html).not.toMatch(/<script|<b>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Net&quot; &lt;b&gt;');
  });

  it('is one self-contained page: inline style, a viewport for phones, nothing fetched', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-US">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('shows the KPI table with a labelled sparkline whose finding period is dotted', () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Revenue &lt;script/);
    expect(html).toContain('1,234.50');
    expect(html.match(/<circle /g)?.length).toBe(2);
  });

  it('puts the stale source, the findings with their drivers, and the outcome first', () => {
    expect(html.indexOf('id="sources"')).toBeLessThan(html.indexOf('id="findings"'));
    expect(html.indexOf('id="findings"')).toBeLessThan(html.indexOf('id="kpis"'));
    expect(html).toContain('Attention: findings at or above Warning');
    expect(html).toMatch(/entity &lt;script&gt;.*: 100% of the deviation/);
    expect(html).toContain('data-label="Status"');
  });

  it('speaks the run\u2019s language', () => {
    const zh = renderReport(result({ lang: 'zh-CN' }));
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('FinPulse 运行报告');
    expect(zh).toContain('需关注：存在警告及以上的问题');
  });
});

/** A rule with one agreeing and one breaking period, traced to a member and two rows. */
const breaking: ReconcileResult = {
  ruleId: 'rev', name: { 'en-US': `Revenue ${evil}`, 'zh-CN': `收入 ${evil}` }, status: 'breaks',
  periods: [
    { period: periodKey('2026-05'), left: 100, right: 100, difference: 0, allowed: 0.01, agrees: true, members: [], rows: [], membersOmitted: 0, rowsOmitted: 0 },
    {
      period: periodKey('2026-06'), left: 1500, right: 400, difference: 1100, allowed: 0.01, agrees: false, membersOmitted: 0, rowsOmitted: 0,
      members: [{ dimension: 'department', member: evil, left: 1500, right: 400, difference: 1100 }],
      rows: [
        { side: 'left', source: 'erp', origin: `erp:JL-7 ${evil}`, day: '2026-06-03', account: '6001', amount: 100, reason: 'onlyLeft' },
        { side: 'both', source: 'erp', origin: 'erp:JL-9', otherOrigin: 'Ledger!A17', day: '2026-06-09', account: '6001', amount: 1400, otherAmount: 400, reason: 'amountDiffers' },
      ],
    },
  ],
};

describe('the run report on a phone', () => {
  const findings = findingOutcomes([
    finding(),
    finding({ id: 'w1', severity: 'warning' }),
    finding({ id: 'w2', severity: 'warning', period: periodKey('2026-06') }),
  ]);
  const counts = countOutcomes({ findings, sources: [], alerts: [], reconciliationBreaks: 1, failOn: 'critical' });
  const html = renderReport(result({ findings, counts, exitCode: exitCodeOf(counts), reconciliations: [breaking] }));
  const tile = (count: number, label: string): RegExp => new RegExp(`<span class="n">${count}</span><span class="l">${label}</span>`);

  it('opens with a summary: findings by severity, breaks, sources not refreshed and the exit status', () => {
    const summary = html.slice(html.indexOf('<ul class="summary"'), html.indexOf('</ul>', html.indexOf('<ul class="summary"')));
    expect(summary).toMatch(tile(1, 'Critical'));
    expect(summary).toMatch(tile(2, 'Warning'));
    expect(summary).toMatch(tile(0, 'Notice'));
    expect(summary).toMatch(tile(1, 'Reconciliation breaks'));
    expect(summary).toMatch(tile(0, 'Sources not refreshed'));
    expect(summary).toMatch(tile(1, 'Exit status'));
    // A count links to its list; a zero links nowhere.
    expect(summary).toContain('<a href="#findings-warning" class="warning">');
    expect(summary).not.toContain('#findings-notice');
    expect(html.indexOf('class="summary"')).toBeLessThan(html.indexOf('id="findings"'));
  });

  it('groups findings by severity, worst first: critical open, warnings behind their summary', () => {
    expect(html).toMatch(/<details id="findings-critical" class="group critical" open=""><summary><span class="badge critical">Critical<\/span> 1 finding\(s\)<\/summary>/);
    expect(html).toMatch(/<details id="findings-warning" class="group warning"><summary>/);
    expect(html).not.toContain('id="findings-notice"');
    expect(html.indexOf('id="findings-critical"')).toBeLessThan(html.indexOf('id="findings-warning"'));
    const warnings = html.slice(html.indexOf('id="findings-warning"'), html.indexOf('</details>', html.indexOf('id="findings-warning"')));
    expect(warnings.match(/<article /g)).toHaveLength(2);
    // Each card shows the id that `finpulse run ack --finding` takes.
    expect(warnings).toContain('<code>w1</code>');
  });

  it('puts each reconciliation break in its own disclosure: period, then members, then rows, escaped', () => {
    expect(html).not.toContain('id="rec-rev-2026-05"');
    const block = html.slice(html.indexOf('<details id="rec-rev-2026-06" class="break">'), html.indexOf('</details>', html.indexOf('id="rec-rev-2026-06"')));
    expect(block).toContain('<summary><span class="badge breaks">Breaks</span> 2026-06: difference 1,100.00, 2 row(s)</summary>');
    expect(block.indexOf('Members behind the difference')).toBeLessThan(block.indexOf('Rows behind the difference'));
    expect(block).toContain('department &lt;script&gt;');
    expect(block).toContain('<code>erp:JL-7 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Net&quot; &lt;b&gt;</code>');
    expect(block).toContain('<code>erp:JL-9</code> ↔ <code>Ledger!A17</code>');
    expect(html).not.toMatch(/<script|<b>/i);
  });

  it('folds the KPI table on a phone and opens every disclosure in print', () => {
    expect(html).toMatch(/@media \(max-width:600px\)\{[^@]*table\.kpi tr\{display:grid/);
    expect(html).toMatch(/@media print\{[^@]*(@page\{[^}]*\})?[^@]*details::details-content\{content-visibility:visible/);
    expect(html).toContain('Values for 2026-06');
  });

  it('keeps problems behind their count, open only when one is an error', () => {
    expect(html).toMatch(/<section id="problems"><details><summary><h2>Problems \(1\)<\/h2>/);
    const withError = renderReport(result({ problems: [{ severity: 'error', path: '$.y', code: 'internal', message: { 'en-US': 'bad', 'zh-CN': '坏' } }] }));
    expect(withError).toContain('<section id="problems"><details open="">');
  });
});

describe('counting a run against fail-on', () => {
  it('counts findings at or above the severity, and a stale source as a warning', () => {
    const findings = [finding({ severity: 'notice' }), finding({ severity: 'warning' }), finding({ severity: 'critical' })];
    const stale: SourceOutcome[] = [{ id: 'a', status: 'stale', rows: 1 }];
    expect(countOutcomes({ findings, sources: stale, alerts: [], reconciliationBreaks: 0, failOn: 'warning' }).failing).toBe(3);
    expect(countOutcomes({ findings, sources: stale, alerts: [], reconciliationBreaks: 0, failOn: 'critical' }).failing).toBe(1);
    const quiet = countOutcomes({ findings: [finding({ severity: 'notice' })], sources: [], alerts: [], reconciliationBreaks: 0, failOn: 'warning' });
    expect(exitCodeOf(quiet)).toBe(0);
  });

  it('counts a problem of severity error (a rule that could not be checked) as critical, so the gate does not pass', () => {
    const unchecked = { findings: [], sources: [], alerts: [], reconciliationBreaks: 0, failOn: 'critical' as const };
    expect(exitCodeOf(countOutcomes({ ...unchecked, problems: [{ severity: 'warning' }] }))).toBe(0);
    const failed = countOutcomes({ ...unchecked, problems: [{ severity: 'error' }, { severity: 'warning' }] });
    expect(failed.failing).toBe(1);
    expect(exitCodeOf(failed)).toBe(1);
  });
});
