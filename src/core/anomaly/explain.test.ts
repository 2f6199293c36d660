import { makeMetric } from '../testing/factories';
import { explain, isFavourable } from './explain';
import type { Driver } from './finding';

const salesExpenses = makeMetric({ id: 'selling_expense', name: { 'en-US': 'Sales expenses', 'zh-CN': '销售费用' }, direction: 'lowerIsBetter' });
const margin = makeMetric({ id: 'gross_margin', name: { 'en-US': 'Gross margin', 'zh-CN': '毛利率' }, unit: 'percent', kind: 'ratio' });
const east2: Driver = { dimension: 'department', member: 'East-2', actual: 0.9e6, expected: 0.486e6, deviation: 0.414e6, share: 0.78 };

describe('explanations', () => {
  it('says what was seen, against what band, and which member drove it, in both languages', () => {
    const text = explain(
      { kind: 'robust', score: 0.9, expected: 1.29e6, lower: 1.1e6, upper: 1.48e6 },
      { def: salesExpenses, actual: 1.82e6, period: '2026-08', drivers: [east2] },
    );
    expect(text['en-US']).toBe('Sales expenses 1.82M, 41% above the expected 1.29M (band 1.10M–1.48M); 78% of the deviation comes from department East-2');
    expect(text['zh-CN']).toBe('销售费用 182万，比预期的 129万 高 41%（正常区间 110万–148万）；偏差的 78% 来自部门 East-2');
  });

  it('speaks of percentage points for percentages and names the member a finding is about', () => {
    const text = explain(
      { kind: 'seasonal', score: 0.7, expected: 0.281, lower: 0.25, upper: 0.31 },
      { def: margin, actual: 0.188, period: '2026-04', member: { dimension: 'product', member: 'MOTOR-X' }, drivers: [] },
    );
    expect(text['en-US']).toBe('Gross margin (product MOTOR-X) 18.8%, 9.3 points below the expected 28.1% (band 25.0%–31.0%)');
    expect(text['zh-CN']).toBe('毛利率（产品 MOTOR-X） 18.8%，比预期的 28.1% 低 9.3 个百分点（正常区间 25.0%–31.0%）');
  });

  it('explains thresholds, targets, budgets, changes, shifts and data gaps', () => {
    const ctx = { def: salesExpenses, actual: 1.2e6, period: '2026-08', drivers: [] };
    expect(explain({ kind: 'threshold', severity: 'critical', when: 'above', threshold: 1e6 }, ctx)['en-US']).toBe('Sales expenses 1.20M is above the critical threshold of 1.00M');
    expect(explain({ kind: 'threshold', severity: 'warning', when: 'below', threshold: 0.95, target: 1.5e6 }, ctx)['en-US']).toBe(
      'Sales expenses 1.20M is 80% of the target 1.50M, below the warning threshold of 95%',
    );
    expect(explain({ kind: 'budget', score: 0.8, budget: 1e6, band: 0.05 }, ctx)['en-US']).toBe('Sales expenses 1.20M, 20% above the budget of 1.00M (unfavourable)');
    expect(explain({ kind: 'budget', score: 0.8, budget: 1e6, band: 0.05 }, ctx)['zh-CN']).toBe('销售费用 120万，比预算 100万 高 20%（不利）');
    expect(explain({ kind: 'change', comparison: 'yoy', score: 0.8, base: 1e6, expected: 1.05e6, lower: 0.95e6, upper: 1.15e6 }, ctx)['en-US']).toBe(
      'Sales expenses 1.20M, up 20% year on year from 1.00M; a change to about 1.05M was expected (band 950K–1.15M)',
    );
    expect(explain({ kind: 'levelShift', score: 0.8, before: 1e6, after: 1.15e6, periods: 6, expected: 1e6, lower: 0.95e6, upper: 1.05e6 }, ctx)['en-US']).toBe(
      'Sales expenses 1.20M: the level has shifted up, from about 1.00M to about 1.15M over the last 6 periods',
    );
    expect(explain({ kind: 'missing', zero: false }, { ...ctx, actual: null })['zh-CN']).toBe('销售费用 在 2026-08 没有数据，而前后期间均有数据');
    expect(explain({ kind: 'stale', since: '2026-05', count: 3, repeated: false }, { ...ctx, actual: null })['en-US']).toBe(
      'No data for Sales expenses since 2026-05 (3 periods): the source may have stopped updating',
    );
  });

  it('says when one member outweighs the whole deviation instead of printing a share over 100%', () => {
    const text = explain({ kind: 'robust', score: 0.9, expected: 1e6, lower: 0.9e6, upper: 1.1e6 }, { def: salesExpenses, actual: 1.3e6, period: '2026-08', drivers: [{ ...east2, share: 1.6 }] });
    expect(text['en-US']).toContain('department East-2 accounts for more than the whole deviation (160%); other members moved the other way');
  });

  it('calls a deviation good or bad news from the metric direction', () => {
    expect(isFavourable({ direction: 'higherIsBetter' }, 5)).toBe(true);
    expect(isFavourable({ direction: 'lowerIsBetter' }, 5)).toBe(false);
    expect(isFavourable({ direction: 'neutral' }, 5)).toBeNull();
  });
});
