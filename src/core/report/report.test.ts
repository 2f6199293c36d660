import { metricId, periodKey } from '../brand';
import type { Finding } from '../anomaly';
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
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Revenue &#60;script/);
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

describe('counting a run against fail-on', () => {
  it('counts findings at or above the severity, and a stale source as a warning', () => {
    const findings = [finding({ severity: 'notice' }), finding({ severity: 'warning' }), finding({ severity: 'critical' })];
    const stale: SourceOutcome[] = [{ id: 'a', status: 'stale', rows: 1 }];
    expect(countOutcomes({ findings, sources: stale, alerts: [], reconciliationBreaks: 0, failOn: 'warning' }).failing).toBe(3);
    expect(countOutcomes({ findings, sources: stale, alerts: [], reconciliationBreaks: 0, failOn: 'critical' }).failing).toBe(1);
    const quiet = countOutcomes({ findings: [finding({ severity: 'notice' })], sources: [], alerts: [], reconciliationBreaks: 0, failOn: 'warning' });
    expect(exitCodeOf(quiet)).toBe(0);
  });
});
