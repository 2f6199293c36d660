/**
 * Findings on the project's demo data (examples/): the anomalies scripts/make-examples.ts planted
 * come out with expected value, band, severity and explanation, totals name their driving member,
 * and an anomaly injected into one department shows up in the group total with that department as
 * its driver.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFindings, type Finding } from '../../src/core/anomaly';
import { parseCatalog, type Catalog } from '../../src/core/catalog';
import { evaluateCatalog, type SourceInput } from '../../src/core/engine';
import { ingestCsv } from '../../src/core/ingest';

const read = (file: string): string => readFileSync(join(__dirname, '../../examples', file), 'utf8');
const catalog: Catalog = parseCatalog(read('catalog.json')).catalog!;

function sources(ledgerText = read('ledger.csv')): Record<string, SourceInput> {
  return {
    ledger: ingestCsv(ledgerText, {}).table,
    budget: ingestCsv(read('budget.csv'), { source: 'budget' }).table,
    forecast: ingestCsv(read('forecast.csv'), { source: 'forecast' }).table,
  };
}

function findingsBy(breakdown: string, ledgerText?: string): Finding[] {
  const evaluation = evaluateCatalog({ catalog, sources: sources(ledgerText), grain: 'month', breakdown });
  return detectFindings({ catalog, evaluation, breakdown });
}

const byDepartment = findingsBy('department');
const find = (findings: Finding[], id: string): Finding => {
  const f = findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}; found ${findings.filter((x) => x.id.startsWith(id.split('|')[0]!)).map((x) => x.id).join(', ')}`);
  return f;
};

describe('findings on the demo data', () => {
  it('catch the collection stall planted in West-1 in 2025-11, and name West-1 as the driver of the group metric', () => {
    const ocf = find(byDepartment, 'operating_cash_flow|2025-11|robust|West-1');
    expect(ocf).toMatchObject({ severity: 'critical', favourable: false, member: { dimension: 'department', member: 'West-1' } });
    expect(ocf.actual!).toBeCloseTo(2.39e6, -4);
    expect(ocf.actual!).toBeLessThan(ocf.lower!);
    expect(ocf.expected!).toBeGreaterThan(14e6);
    expect(ocf.explanation['en-US']).toMatch(/^Operating cash flow \(department West-1\) 2\.39M, 8\d% below the expected 1\d\.\dM \(band .+\)$/);
    expect(ocf.explanation['zh-CN']).toMatch(/^经营活动现金净流量（部门 West-1） 239万，比预期的 .+ 低 8\d%（正常区间 .+）$/);
    const receivables = find(byDepartment, 'accounts_receivable|2025-11|robust|West-1');
    expect(receivables.actual!).toBeGreaterThan(receivables.upper!);
    const conversion = find(byDepartment, 'ocf_to_net_income|2025-11|threshold');
    expect(conversion).toMatchObject({ severity: 'critical', upper: null, lower: 0.5 });
    expect(conversion.drivers[0]!.member).toBe('West-1');
    expect(conversion.explanation['en-US']).toMatch(/is below the critical threshold of 0\.50×; \d+% of the deviation comes from department West-1$/);
  });

  it('catch the selling expense spike planted in East-2 in 2026-08', () => {
    const spike = byDepartment.find((f) => f.metricId === 'selling_expense' && f.period === '2026-08' && f.member?.member === 'East-2')!;
    expect(spike).toBeDefined();
    expect(spike.actual!).toBeCloseTo(1.52e6, -4);
    expect(spike.actual!).toBeGreaterThan(spike.upper!);
    expect(spike.expected!).toBeLessThan(1.1e6);
    expect(spike.explanation['en-US']).toMatch(/^Selling expenses \(department East-2\) 1\.52M, \d+% above the expected/);
  });

  it('catch the copper shock planted in MOTOR-X gross margin in 2026-04, in points', () => {
    const byProduct = findingsBy('product');
    const margin = find(byProduct, 'gross_margin|2026-04|robust|MOTOR-X');
    expect(margin.actual!).toBeCloseTo(0.188, 3);
    expect(margin.expected!).toBeGreaterThan(0.26);
    expect(margin.severity).toBe('critical');
    expect(margin.explanation['en-US']).toMatch(/^Gross margin \(product MOTOR-X\) 18\.8%, \d\.\d points below the expected 2\d\.\d% \(band .+\)$/);
  });

  it('find an anomaly injected into one department in the group total, with that department as the driver', () => {
    const injected = `${read('ledger.csv')}2026-06-28,6601,1500000.00,SH01,East-2,,\n`;
    const findings = findingsBy('department', injected);
    const total = findings.find((f) => f.metricId === 'selling_expense' && f.period === '2026-06' && !f.member)!;
    expect(total).toBeDefined();
    expect(['robust', 'seasonal', 'change']).toContain(total.kind);
    expect(total.actual!).toBeGreaterThan(total.upper!);
    expect(total.drivers[0]).toMatchObject({ dimension: 'department', member: 'East-2' });
    expect(total.drivers[0]!.share).toBeGreaterThan(0.7);
    // The value model or the year-on-year change, whichever found it more unusual, tells it.
    expect(total.explanation['en-US']).toMatch(/^Selling expenses 6\.\d\dM, (\d+% above the expected|up \d+% year on year from) .+ \(band .+\); \d+% of the deviation comes from department East-2$/);
    expect(total.explanation['zh-CN']).toMatch(/^销售费用 6\d\d万，.+（正常区间 .+）；偏差的 \d+% 来自部门 East-2$/);
    // Without the injection the month is quiet.
    expect(byDepartment.find((f) => f.metricId === 'selling_expense' && f.period === '2026-06' && !f.member)).toBeUndefined();
  });

  it('give every statistical finding an expected value, a band around it and a score past the edge', () => {
    const statistical = byDepartment.filter((f) => ['robust', 'seasonal', 'levelShift', 'change'].includes(f.kind));
    expect(statistical.length).toBeGreaterThan(10);
    for (const f of statistical) {
      expect(f.lower!).toBeLessThanOrEqual(f.expected!);
      expect(f.expected!).toBeLessThanOrEqual(f.upper!);
      expect(f.score).toBeGreaterThanOrEqual(0.5);
      expect(f.score).toBeLessThanOrEqual(1);
      expect(f.explanation['en-US'].length).toBeGreaterThan(20);
      expect(f.explanation['zh-CN'].length).toBeGreaterThan(10);
    }
  });
});
