import { evaluateCatalog, type Evaluation, type MetricValue } from './index';
import { ledger, makeCatalog, makeMetric } from '../testing/factories';
import type { Catalog } from '../catalog';
import type { Grain } from '../periods';

const pick = (ev: Evaluation, id: string, period: string, member?: string): MetricValue => {
  const v = ev.values.find((x) => x.metricId === id && x.period === period && x.member === member);
  if (!v) throw new Error(`no value for ${id} ${period} ${member ?? ''}`);
  return v;
};

const LEDGER = ledger([
  ['2025-01-15', '6001', -1000, { department: 'East' }],
  ['2025-01-20', '6001', -500, { department: 'West' }],
  ['2025-01-20', '6401', 600, { department: 'East' }],
  ['2025-02-03', '6001.01', -2000.1, { department: 'East' }],
  ['2025-02-28', '6401', 1200.05, { department: 'West' }],
  ['2025-03-31', '1122', 300, {}],
  ['2025-04-01', '1122', -100, {}],
  ['2026-01-10', '6001', -1800, { department: 'East' }],
  ['2026-02-10', '6001', -3000, { department: 'West' }],
]);

const CATALOG: Catalog = makeCatalog([
  makeMetric({ id: 'revenue', accounts: ['6001*'], sign: -1 }),
  makeMetric({ id: 'cogs', accounts: ['6401'], direction: 'lowerIsBetter' }),
  makeMetric({ id: 'gross_profit', kind: 'derived', formula: 'revenue - cogs' }),
  makeMetric({ id: 'gross_margin', kind: 'ratio', unit: 'percent', numerator: 'gross_profit', denominator: 'revenue' }),
  makeMetric({ id: 'revenue_east', accounts: ['6001*'], sign: -1, filters: { department: ['East'] } }),
  makeMetric({ id: 'revenue_ytd', kind: 'cumulative', of: 'revenue', window: 'ytd' }),
  makeMetric({ id: 'revenue_ly', kind: 'offset', of: 'revenue', offset: 'lastYear' }),
  makeMetric({ id: 'revenue_yoy', kind: 'derived', unit: 'percent', formula: 'YOY(revenue)' }),
  makeMetric({ id: 'ar_closing', accounts: ['1122'], aggregation: 'closing' }),
  makeMetric({ id: 'ar_opening', accounts: ['1122'], aggregation: 'opening' }),
  makeMetric({ id: 'ar_avg', accounts: ['1122'], aggregation: 'averageBalance' }),
  makeMetric({ id: 'entries', unit: 'count', aggregation: 'count' }),
  makeMetric({ id: 'largest_sale', accounts: ['6001*'], aggregation: 'min', sign: -1 }),
  makeMetric({ id: 'last_entry', aggregation: 'last' }),
  makeMetric({ id: 'margin_ytd', kind: 'derived', unit: 'percent', formula: 'YTD(gross_profit) / YTD(revenue)' }),
]);

const run = (grain: Grain = 'month', extra: Partial<Parameters<typeof evaluateCatalog>[0]> = {}): Evaluation =>
  evaluateCatalog({ catalog: CATALOG, sources: { ledger: LEDGER }, grain, ...extra });

describe('evaluateCatalog', () => {
  const ev = run();

  it('covers every month of the data, metrics in dependency order', () => {
    expect(ev.periods[0]).toBe('2025-01');
    expect(ev.periods.at(-1)).toBe('2026-02');
    expect(ev.periods).toHaveLength(14);
    expect(ev.metrics.indexOf('gross_profit' as never)).toBeGreaterThan(ev.metrics.indexOf('revenue' as never));
    expect(ev.values).toHaveLength(14 * CATALOG.metrics.length);
  });

  it('sums base metrics with account prefixes, sign flips and filters, exactly', () => {
    expect(pick(ev, 'revenue', '2025-01')).toMatchObject({ value: 1500, exact: '1500.00' });
    expect(pick(ev, 'revenue', '2025-02')).toMatchObject({ value: 2000.1, exact: '2000.10' });
    expect(pick(ev, 'revenue_east', '2025-01').value).toBe(1000);
    expect(pick(ev, 'cogs', '2025-02').exact).toBe('1200.05');
    expect(pick(ev, 'revenue', '2025-03')).toMatchObject({ value: 0, exact: '0.00' });
  });

  it('evaluates ratios and derived metrics; zero denominators become #DIV0, not a crash', () => {
    expect(pick(ev, 'gross_profit', '2025-01').value).toBe(900);
    expect(pick(ev, 'gross_margin', '2025-01').value).toBeCloseTo(0.6, 12);
    const march = pick(ev, 'gross_margin', '2025-03');
    expect(march.value).toBeNull();
    expect(march.error?.kind).toBe('DIV0');
    expect(march.error?.message['zh-CN']).toBe('除数为零');
  });

  it('YTD restarts with the fiscal year; year-ago values before the data are MISSING', () => {
    expect(pick(ev, 'revenue_ytd', '2025-02').value).toBeCloseTo(3500.1, 9);
    expect(pick(ev, 'revenue_ytd', '2026-01').value).toBe(1800);
    expect(pick(ev, 'revenue_ly', '2026-02').value).toBeCloseTo(2000.1, 9);
    expect(pick(ev, 'revenue_yoy', '2026-01').value).toBeCloseTo(0.2, 12);
    const early = pick(ev, 'revenue_yoy', '2025-01');
    expect(early.error?.kind).toBe('MISSING');
    expect(early.error?.detail).toContain('2025-01-15');
  });

  it('ratio of year-to-date sums, not the sum of monthly ratios', () => {
    const gp = 1500 - 600 + 2000.1 - 1200.05;
    expect(pick(ev, 'margin_ytd', '2025-02').value).toBeCloseTo(gp / 3500.1, 12);
  });

  it('derives opening, closing and average balances from movements', () => {
    expect(pick(ev, 'ar_closing', '2025-03').value).toBe(300);
    expect(pick(ev, 'ar_closing', '2025-04').value).toBe(200);
    expect(pick(ev, 'ar_opening', '2025-04').value).toBe(300);
    expect(pick(ev, 'ar_avg', '2025-04').value).toBe(250);
    expect(pick(ev, 'ar_closing', '2026-02').value).toBe(200);
  });

  it('count, min and last', () => {
    expect(pick(ev, 'entries', '2025-01').value).toBe(3);
    expect(pick(ev, 'largest_sale', '2025-01').value).toBe(1000);
    expect(pick(ev, 'last_entry', '2025-02').value).toBe(1200.05);
    expect(pick(ev, 'last_entry', '2025-05').error?.kind).toBe('MISSING');
  });

  it('aggregates quarters and fiscal years', () => {
    const q = run('quarter');
    expect(q.periods.slice(0, 2)).toEqual(['2025-Q1', '2025-Q2']);
    expect(pick(q, 'revenue', '2025-Q1').exact).toBe('3500.10');
    const april = run('year', { catalog: { ...CATALOG, fiscalYearStartMonth: 4 } });
    expect(april.periods).toEqual(['FY2025', 'FY2026']);
    expect(pick(april, 'revenue', 'FY2025').exact).toBe('3500.10');
    expect(pick(april, 'revenue', 'FY2026').exact).toBe('4800.00');
  });

  it('breaks every metric down by a dimension member', () => {
    const b = run('month', { breakdown: 'department', metrics: ['gross_margin'] });
    expect(b.metrics).toEqual(['revenue', 'cogs', 'gross_profit', 'gross_margin']);
    expect(pick(b, 'revenue', '2025-01', 'East').value).toBe(1000);
    expect(pick(b, 'revenue', '2025-01', 'West').value).toBe(500);
    expect(pick(b, 'gross_margin', '2025-01', 'East').value).toBeCloseTo(0.4, 12);
    expect(pick(b, 'revenue', '2025-01').value).toBe(1500);
  });

  it('keeps going when a source failed: its metrics carry the error, others compute', () => {
    const catalog = makeCatalog([...CATALOG.metrics, makeMetric({ id: 'erp_sales', source: 'erp' })]);
    const ev2 = evaluateCatalog({ catalog, grain: 'month', sources: { ledger: LEDGER, erp: { failed: 'HTTP 500 from /api/sales' } } });
    expect(pick(ev2, 'erp_sales', '2025-01').error).toMatchObject({ kind: 'SOURCE', detail: 'erp: HTTP 500 from /api/sales' });
    expect(pick(ev2, 'revenue', '2025-01').value).toBe(1500);
  });

  it('a source that was never loaded is a warning and an error value', () => {
    const catalog = makeCatalog([makeMetric({ id: 'x', source: 'nowhere' }), makeMetric({ id: 'y' })]);
    const ev3 = evaluateCatalog({ catalog, grain: 'month', sources: { ledger: LEDGER } });
    expect(ev3.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(pick(ev3, 'x', '2025-01').error?.kind).toBe('SOURCE');
  });

  it('an empty ledger is reported, not a crash', () => {
    const ev4 = evaluateCatalog({ catalog: CATALOG, grain: 'month', sources: { ledger: ledger([]) } });
    expect(ev4.values).toEqual([]);
    expect(ev4.problems[0]?.code).toBe('ingest.empty');
  });

  it('requested periods outside the data are present and MISSING', () => {
    const ev5 = run('month', { from: '2024-11' as never, to: '2025-01' as never });
    expect(ev5.periods).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(pick(ev5, 'revenue', '2024-12').error?.kind).toBe('MISSING');
  });

  it('fingerprints change exactly when inputs change', () => {
    const again = run();
    expect(pick(again, 'gross_margin', '2025-02').fingerprint).toBe(pick(ev, 'gross_margin', '2025-02').fingerprint);
    expect(pick(ev, 'gross_margin', '2025-02').fingerprint).not.toBe(pick(ev, 'gross_margin', '2025-01').fingerprint);
  });

  it('DAYS() follows the caliber day basis', () => {
    const catalog = makeCatalog([
      makeMetric({ id: 'revenue', accounts: ['6001*'], sign: -1 }),
      makeMetric({ id: 'd_actual', kind: 'derived', unit: 'days', formula: 'DAYS()' }),
      makeMetric({ id: 'd_360', kind: 'derived', unit: 'days', formula: 'DAYS()', caliber: { dayBasis: 360 } }),
    ]);
    const ev6 = evaluateCatalog({ catalog, grain: 'month', sources: { ledger: LEDGER } });
    expect(pick(ev6, 'd_actual', '2025-02').value).toBe(28);
    expect(pick(ev6, 'd_360', '2025-02').value).toBe(30);
  });
});
