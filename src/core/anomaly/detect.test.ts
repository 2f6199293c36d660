import type { PeriodKey } from '../brand';
import type { MetricDef } from '../catalog';
import { evaluateCatalog, type ObservationTable } from '../engine';
import { AppError } from '../errors';
import { ledger, makeCatalog, makeMetric } from '../testing/factories';
import { prng } from '../testing/prng';
import { detectFindings, type DetectOptions } from './detect';
import type { Finding } from './finding';

const DEPARTMENTS = ['East-1', 'East-2', 'North-1'] as const;
const month = (t: number): string => `${2024 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;

/**
 * 30 months of selling expenses (account 6601) per department, about 1M each with 3% noise, and
 * revenue (6001); `tweak` changes one department's amount in one month.
 */
function books(tweak: (t: number, dept: string, amount: number) => number = (_t, _d, a) => a): ObservationTable {
  const rand = prng(42);
  const rows: Array<[string, string, number, Record<string, string>]> = [];
  for (let t = 0; t < 30; t += 1) {
    for (const dept of DEPARTMENTS) {
      const spend = 1e6 * (1 + 0.03 * (2 * rand() - 1));
      rows.push([`${month(t)}-15`, '6601', Math.round(tweak(t, dept, spend) * 100) / 100, { department: dept }]);
      rows.push([`${month(t)}-25`, '6001', Math.round(5e6 * (1 + 0.02 * (2 * rand() - 1)) * 100) / 100, { department: dept }]);
    }
  }
  return ledger(rows);
}

const selling = makeMetric({ id: 'selling_expense', name: { 'en-US': 'Sales expenses', 'zh-CN': '销售费用' }, accounts: ['6601'], direction: 'lowerIsBetter' });
const revenue = makeMetric({ id: 'revenue', name: { 'en-US': 'Revenue', 'zh-CN': '营业收入' }, accounts: ['6001'] });

function run(metrics: MetricDef[], table: ObservationTable, options: Partial<DetectOptions> = {}): Finding[] {
  const catalog = makeCatalog(metrics);
  const evaluation = evaluateCatalog({ catalog, sources: { ledger: table }, grain: 'month', breakdown: options.breakdown });
  return detectFindings({ catalog, evaluation, ...options });
}

describe('detectFindings', () => {
  it('finds a department spike in the total, with expected, band, drivers and an explanation', () => {
    const table = books((t, dept, a) => (t === 26 && dept === 'East-2' ? a * 1.9 : a));
    const findings = run([selling], table, { breakdown: 'department' });
    const total = findings.find((f) => f.period === '2026-03' && f.metricId === 'selling_expense' && !f.member)!;
    expect(total).toMatchObject({ id: 'selling_expense|2026-03|robust', kind: 'robust', detector: 'mad', favourable: false });
    expect(total.actual!).toBeGreaterThan(total.upper!);
    expect(total.lower!).toBeLessThan(total.expected!);
    expect(total.expected!).toBeGreaterThan(2.9e6);
    expect(total.expected!).toBeLessThan(3.1e6);
    expect(total.score).toBeGreaterThan(0.5);
    expect(total.severity).toBe('critical');
    expect(total.drivers[0]).toMatchObject({ dimension: 'department', member: 'East-2' });
    expect(total.drivers[0]!.share).toBeGreaterThan(0.8);
    expect(total.drivers.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 9);
    expect(total.explanation['en-US']).toMatch(/^Sales expenses 3\.\d\dM, \d+% above the expected \d\.\d\dM \(band .+\); \d+% of the deviation comes from department East-2$/);
    expect(total.explanation['zh-CN']).toMatch(/^销售费用 3\d\d万，比预期的 .+ 高 \d+%（正常区间 .+）；偏差的 \d+% 来自部门 East-2$/);
    const member = findings.find((f) => f.id === 'selling_expense|2026-03|robust|East-2')!;
    expect(member.member).toEqual({ dimension: 'department', member: 'East-2' });
    expect(member.explanation['en-US']).toMatch(/^Sales expenses \(department East-2\) 1\.\d\dM, \d+% above the expected/);
    // Nothing else in this quiet ledger is worth a finding.
    expect(findings.filter((f) => f.period !== '2026-03')).toEqual([]);
  });

  it('judges each period on the periods up to it: asOf gives the same findings, later data unread', () => {
    const table = books((t, dept, a) => (t === 20 && dept === 'North-1' ? a * 0.3 : t === 26 ? a * 2 : a));
    const full = run([selling, revenue], table, { breakdown: 'department' });
    const early = run([selling, revenue], table, { breakdown: 'department', asOf: '2025-12' as PeriodKey });
    expect(early.length).toBeGreaterThan(0);
    expect(early).toEqual(full.filter((f) => f.period <= '2025-12'));
    const late = run([selling, revenue], table, { from: '2026-01' as PeriodKey });
    expect(late.every((f) => f.period >= '2026-01')).toBe(true);
    expect(() => run([selling], table, { asOf: '2031-01' as PeriodKey })).toThrow(AppError);
  });

  it('raises catalog thresholds and budget variances with their severity and verdict', () => {
    const withRules = makeMetric({
      ...selling,
      thresholds: [
        { severity: 'warning', when: 'above', value: 3.2e6 },
        { severity: 'critical', when: 'above', value: 3.6e6 },
      ],
      targets: [
        { period: '2026-06', value: 2.5e6, kind: 'budget' },
        { period: '2026-05', value: 3.02e6, kind: 'budget' },
      ],
    });
    const table = books((t, _d, a) => (t === 29 ? a * 1.25 : a));
    const findings = run([withRules], table);
    const threshold = findings.find((f) => f.id === 'selling_expense|2026-06|threshold')!;
    expect(threshold).toMatchObject({ severity: 'critical', expected: null, lower: null, upper: 3.6e6, favourable: false });
    expect(threshold.explanation['en-US']).toMatch(/^Sales expenses 3\.\d\dM is above the critical threshold of 3\.60M$/);
    const budget = findings.find((f) => f.id === 'selling_expense|2026-06|budget')!;
    expect(budget).toMatchObject({ expected: 2.5e6, favourable: false, severity: 'critical' });
    expect(budget.lower).toBeCloseTo(2.375e6, 0);
    expect(budget.explanation['zh-CN']).toMatch(/^销售费用 3\d\d万，比预算 250万 高 \d+%（不利）$/);
    // Within 5% of budget is not news at sensitivity 50.
    expect(findings.find((f) => f.id === 'selling_expense|2026-05|budget')).toBeUndefined();
  });

  it('compares with a target when a threshold is a share of it', () => {
    const rev = makeMetric({ ...revenue, thresholds: [{ severity: 'warning', when: 'below', value: 0.95, basis: 'percentOfTarget' }], targets: [{ period: '2025-06', value: 17e6 }] });
    const f = run([rev], books()).find((x) => x.id === 'revenue|2025-06|threshold')!;
    expect(f).toMatchObject({ expected: 17e6, lower: 0.95 * 17e6, upper: null, severity: 'warning', favourable: false });
    expect(f.explanation['en-US']).toMatch(/^Revenue 1\d\.\dM is 8\d% of the target 17\.0M, below the warning threshold of 95%$/);
  });

  it('reports a source that stopped updating, a month that reads zero, and a frozen value', () => {
    const rand = prng(3);
    const rows: Array<[string, string, number]> = [];
    for (let t = 0; t < 24; t += 1) {
      rows.push([`${month(t)}-10`, '6001', 1e6 * (1 + 0.05 * rand())]);
      if (t !== 10) rows.push([`${month(t)}-12`, '6601', 2e5 * (1 + 0.05 * rand())]);
      rows.push([`${month(t)}-14`, '6602', t >= 21 ? 50_000 : 40_000 + 1000 * t]);
    }
    const bank = ledger([...Array(20).keys()].map((t): [string, string, number] => [`${month(t)}-20`, '1002', 3e6 + 1000 * t]));
    const admin = makeMetric({ id: 'admin_expense', accounts: ['6602'] });
    const cash = makeMetric({ id: 'cash', accounts: ['1002'], source: 'bank', aggregation: 'closing' });
    const catalog = makeCatalog([revenue, selling, admin, cash]);
    const evaluation = evaluateCatalog({ catalog, sources: { ledger: ledger(rows), bank }, grain: 'month' });
    const findings = detectFindings({ catalog, evaluation });
    const stale = findings.find((f) => f.id === 'cash|2025-12|stale')!;
    expect(stale).toMatchObject({ kind: 'stale', detector: 'stale', severity: 'critical', actual: null });
    expect(stale.explanation['en-US']).toBe('No data for cash since 2025-08 (4 periods): the source may have stopped updating');
    expect(findings.find((f) => f.id === 'selling_expense|2024-11|missing')).toMatchObject({ detector: 'missing-zero', severity: 'notice', actual: 0 });
    expect(findings.find((f) => f.id === 'admin_expense|2025-12|stale')).toMatchObject({ detector: 'stale-repeat', actual: 50_000 });
  });

  it('follows the sensitivity of each metric over the run default', () => {
    const table = books((t, dept, a) => (dept === 'East-1' && t % 7 === 6 ? a * 1.12 : a));
    const count = (metric: MetricDef, sensitivity?: number): number => run([metric], table, { sensitivity }).filter((f) => f.kind !== 'threshold').length;
    expect(count(selling, 0)).toBeLessThan(count(selling, 100));
    expect(count({ ...selling, sensitivity: 100 }, 0)).toBe(count(selling, 100));
    expect(count({ ...selling, sensitivity: 0 }, 100)).toBe(count(selling, 0));
  });

  it('leaves YTD sums and shifted copies to their underlying metric', () => {
    const ytd = makeMetric({ id: 'revenue_ytd', kind: 'cumulative', of: 'revenue', window: 'ytd' });
    const table = books((t, _d, a) => (t === 26 ? a * 3 : a));
    const ids = new Set(run([revenue, selling, ytd], table).map((f) => f.metricId));
    expect(ids.has('selling_expense' as Finding['metricId'])).toBe(true);
    expect(ids.has('revenue_ytd' as Finding['metricId'])).toBe(false);
  });
});
