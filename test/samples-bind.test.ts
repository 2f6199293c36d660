/**
 * The real sample workbooks in ../shared bind: opened through the xlsx adapter and through a memory
 * copy of it, each is refreshed with a binding of its own layout, with the same figures both ways.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Binding } from '../src/core/bindings';
import type { MetricDef } from '../src/core/catalog';
import { makeCatalog, makeMetric } from '../src/core/testing/factories';
import { copyToMemory, createMemoryHost } from '../src/host/memory';
import { refreshWorkbook, type RefreshResult } from '../src/host/refresh';
import { openXlsxHost } from '../src/host/xlsx';

const DIR = join(__dirname, '../../shared/samples/workbooks');
const run = existsSync(DIR) ? describe : describe.skip;

async function bothWays(file: string, metrics: MetricDef[], bindings: Binding[]): Promise<[RefreshResult, RefreshResult]> {
  const catalog = makeCatalog(metrics, { currency: 'USD' });
  const xlsx = await openXlsxHost(join(DIR, file));
  const memory = createMemoryHost(await copyToMemory(await openXlsxHost(join(DIR, file))));
  return [await refreshWorkbook({ host: xlsx, catalog, bindings, locale: 'en-US' }), await refreshWorkbook({ host: memory, catalog, bindings, locale: 'en-US' })];
}

const valueOf = (r: RefreshResult, id: string, period: string): number | null | undefined =>
  r.evaluation.values.find((v) => v.metricId === id && v.period === period)?.value;

run('sample workbooks bind', () => {
  it('Power BI Financial Sample: the `financials` table, long layout, " Sales" header', async () => {
    const [a, b] = await bothWays(
      'powerbi-financial-sample.xlsx',
      [makeMetric({ id: 'sales' }), makeMetric({ id: 'gov_sales', filters: { Segment: ['Government'] } })],
      [{ id: 'fin', target: { kind: 'table', table: 'financials' }, layout: 'long', long: { date: 'Date', amount: 'Sales', dimensions: { Segment: 'Segment' } } }],
    );
    expect(a.evaluation.periods).toHaveLength(16);
    expect(a.evaluation.values).toEqual(b.evaluation.values);
    expect(valueOf(a, 'sales', '2014-12')).toBeGreaterThan(0);
    expect(valueOf(a, 'gov_sales', '2014-12')!).toBeLessThan(valueOf(a, 'sales', '2014-12')!);
  });

  it('Budget vs Actual: month names across, year given, total rows left out and reported', async () => {
    const [a, b] = await bothWays(
      'budget-vs-actual-monthly.xlsx',
      [makeMetric({ id: 'salary', accounts: ['Base Salary'] }), makeMetric({ id: 'bonus', accounts: ['Bonus'] })],
      [{ id: 'budget', target: { kind: 'range', ref: 'Budget!B4:N21' }, layout: 'wide', wide: { year: 2022 } }],
    );
    expect(a.evaluation.values).toEqual(b.evaluation.values);
    expect(valueOf(a, 'salary', '2022-01')).toBe(2200);
    expect(valueOf(a, 'salary', '2022-04')).toBe(3000);
    expect(valueOf(a, 'bonus', '2022-02')).toBe(550);
    expect(a.problems.some((p) => /Total Income/.test(p.message['en-US']) && /Budget!B9/.test(p.message['en-US'] + p.path))).toBe(true);
  });

  it('Three-statement model: Excel date serials across, annual periods', async () => {
    const [a, b] = await bothWays(
      'three-statement-model.xlsx',
      [makeMetric({ id: 'gross_revenue', accounts: ['Gross Revenue'] }), makeMetric({ id: 'discounts', accounts: ['Discounts'] })],
      [{ id: 'is', target: { kind: 'range', ref: "'Income Statement'!B3:G12" }, layout: 'wide' }],
    );
    expect(a.evaluation.values).toEqual(b.evaluation.values);
    expect(valueOf(a, 'gross_revenue', '2022-01')).toBe(48000);
    expect(valueOf(a, 'gross_revenue', '2026-01')).toBe(80000);
    expect(valueOf(a, 'discounts', '2025-01')).toBe(-5040);
  });

  it('Chinese balance-sheet items: long format with Chinese headers and text dates', async () => {
    const [a, b] = await bothWays(
      'cn-balance-sheet-items.xlsx',
      [makeMetric({ id: 'total_assets_600395', filters: { company: ['600395'] }, aggregation: 'last' })],
      [{ id: 'bs', target: { kind: 'range', ref: 'Sheet1!B1:H31' }, layout: 'long', long: { date: '日期', amount: '资产合计', dimensions: { company: '公司代码' } } }],
    );
    expect(a.evaluation.values).toEqual(b.evaluation.values);
    const v = a.evaluation.values.find((x) => x.metricId === 'total_assets_600395' && x.period === '2018-12');
    expect(v?.value).toBe(13128393452.49);
  });
});
