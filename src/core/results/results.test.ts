import { evaluateCatalog } from '../engine';
import { ledger, makeCatalog, makeMetric } from '../testing/factories';
import { resultsBlock, thresholdStatus } from './index';

describe('thresholdStatus', () => {
  const def = {
    thresholds: [
      { severity: 'warning' as const, when: 'below' as const, value: 0.3 },
      { severity: 'critical' as const, when: 'below' as const, value: 0.2 },
      { severity: 'notice' as const, when: 'below' as const, value: 0.9, basis: 'percentOfTarget' as const },
    ],
  };
  it.each([
    [0.35, undefined, 'ok'],
    [0.25, undefined, 'warning'],
    [0.1, undefined, 'critical'],
    [0.35, 0.4, 'notice'],
    [0.35, 0, 'ok'],
    [null, undefined, 'error'],
  ] as const)('value %p with target %p is %s', (value, target, status) => {
    expect(thresholdStatus(def, value, target)).toBe(status);
  });
});

describe('resultsBlock', () => {
  const catalog = makeCatalog([
    makeMetric({ id: 'revenue', name: { 'zh-CN': '收入', 'en-US': '=Revenue' }, accounts: ['6001'], sign: -1, targets: [{ period: '2026-01', value: 1200 }] }),
    makeMetric({ id: 'margin', kind: 'derived', unit: 'percent', formula: 'DIVIDE(revenue - 800, revenue)', thresholds: [{ severity: 'warning', when: 'below', value: 0.3 }] }),
  ]);
  const ev = evaluateCatalog({ catalog, grain: 'month', sources: { ledger: ledger([['2026-01-05', '6001', -1000], ['2026-02-05', '6001', 0]]) } });

  it('lays out one row per metric and period with formats, targets, status and error notes', () => {
    const block = resultsBlock(ev, catalog, 'en-US', new Map([['revenue|2026-02', { id: 'F-7', severity: 'critical' as const }]]));
    expect(block.values).toEqual([
      ['Metric', 'Name', 'Period', 'Value', 'Unit', 'Target', 'Status', 'Finding', 'Note'],
      ['revenue', '=Revenue', '2026-01', 1000, 'CNY', 1200, 'OK', null, null],
      ['margin', 'margin', '2026-01', 0.2, 'percent', null, 'Warning', null, null],
      ['revenue', '=Revenue', '2026-02', 0, 'CNY', null, 'Critical', 'F-7', null],
      ['margin', 'margin', '2026-02', '#DIV0', 'percent', null, 'Error', null, 'Division by zero'],
    ]);
    expect(block.numberFormats[1]).toEqual(['@', '@', '@', '#,##0.00', '@', '#,##0.00', '@', '@', '@']);
    expect(block.numberFormats[2]![3]).toBe('0.0%');
    expect(block.numberFormats[4]![3]).toBe('@');
    expect(block.values.every((r) => r.length === 9)).toBe(true);
    expect(block.rows.map((r) => r.status)).toEqual(['ok', 'warning', 'critical', 'error']);
  });

  it('speaks Chinese', () => {
    const block = resultsBlock(ev, catalog, 'zh-CN');
    expect(block.values[0]![0]).toBe('指标');
    expect(block.values[4]).toEqual(['margin', 'margin', '2026-02', '#DIV0', 'percent', null, '错误', null, '除数为零']);
  });
});
