import { validateReconcileRules } from './index';
import { makeCatalog, makeMetric } from '../testing/factories';

const NAME = { 'zh-CN': '对账', 'en-US': 'Check' };
const good = {
  id: 'gl-vs-ar',
  name: NAME,
  left: { source: 'erp_gl', metric: 'ar_movement' },
  right: { source: 'erp_ar_invoices', plus: ['erp_ar_receipts'], metric: 'ar_subledger' },
  tolerance: { absolute: 0.01 },
  from: '2024-02',
};
const METRICS = [
  makeMetric({ id: 'ar_movement', accounts: ['1122*'] }),
  makeMetric({ id: 'ar_subledger' }),
  makeMetric({ id: 'unused' }),
];
const CATALOG = makeCatalog([makeMetric({ id: 'revenue', accounts: ['6001*'], sign: -1 })]);

const paths = (json: unknown, catalog = CATALOG) => validateReconcileRules(json, { catalog }).problems.map((p) => [p.path, p.code]);

describe('validateReconcileRules', () => {
  it('accepts a file of rules and metrics, attaching to each rule the metrics it uses', () => {
    const check = validateReconcileRules({ metrics: METRICS, rules: [good] }, { catalog: CATALOG });
    expect(check.problems).toEqual([]);
    expect(check.rules![0]!.metrics!.map((m) => m.id)).toEqual(['ar_movement', 'ar_subledger']);
  });

  it('accepts a bare list of rules over catalog metrics, and JSON text', () => {
    const rule = { ...good, left: { source: 'a', metric: 'revenue' }, right: { source: 'b', metric: 'revenue' } };
    expect(validateReconcileRules([rule], { catalog: CATALOG }).rules).toHaveLength(1);
    expect(validateReconcileRules(JSON.stringify([rule])).rules![0]!.metrics).toBeUndefined();
  });

  it('lists every problem with its path', () => {
    const bad = [
      { ...good, id: 'Bad Id', tolerance: {}, grain: 'month', from: '2024-Q1', to: '2024-13', severity: 'fatal', extra: 1 },
      { ...good, left: { source: 'erp_gl' }, right: { ...good.right, shift: 0.5 } },
      good,
      good,
    ];
    expect(paths({ metrics: METRICS, rules: bad })).toEqual([
      ['$.rules[0].id', 'catalog.pattern'],
      ['$.rules[0].severity', 'catalog.enum'],
      ['$.rules[0].extra', 'catalog.unknownField'],
      ['$.rules[1].left', 'catalog.required'],
      ['$.rules[1].right.shift', 'catalog.type'],
    ]);
  });

  it('checks meaning once the shape is right: tolerance, periods, metrics, duplicates', () => {
    const rules = [
      { ...good, tolerance: {}, from: '2024-Q1', to: '2024-13' },
      { ...good, id: 'later', from: '2025-03', to: '2025-01', left: { source: 'erp_gl', metric: 'nowhere' } },
      { ...good, id: 'later' },
    ];
    expect(paths({ metrics: METRICS, rules })).toEqual([
      ['$.rules[0].tolerance', 'reconcile.noTolerance'],
      ['$.rules[0].from', 'reconcile.badPeriod'],
      ['$.rules[0].to', 'reconcile.badPeriod'],
      ['$.rules[1].from', 'reconcile.periodOrder'],
      ['$.rules[1].left.metric', 'reconcile.unknownMetric'],
      ['$.rules[2].id', 'reconcile.duplicateRule'],
    ]);
    const problem = validateReconcileRules({ metrics: METRICS, rules }, { catalog: CATALOG }).problems[1]!;
    expect(problem.message['en-US']).toBe('"2024-Q1" is not a month period key; write it like 2026-01');
    expect(problem.message['zh-CN']).toContain('2026-01');
  });

  it('checks the file\'s metrics as a catalog would, and against the catalog', () => {
    const metrics = [
      makeMetric({ id: 'revenue' }),
      makeMetric({ id: 'ratio_x', kind: 'ratio' }),
      makeMetric({ id: 'f', kind: 'derived', formula: 'revenue +' }),
      makeMetric({ id: 'f' }),
    ];
    expect(paths({ metrics, rules: [] })).toEqual([
      ['$.metrics[3].id', 'reconcile.duplicateMetric'],
      ['$.metrics[0].id', 'reconcile.metricInCatalog'],
      ['$.metrics[1]', 'catalog.required'],
      ['$.metrics[1]', 'catalog.required'],
      ['$.metrics[2].formula', 'formula.unexpectedEnd'],
    ]);
  });

  it('says what is wrong with a file that is not rules at all', () => {
    expect(paths('{"rules": [')).toEqual([['$', 'reconcile.json']]);
    expect(paths(42)).toEqual([['$', 'reconcile.fileShape']]);
    expect(paths({ rule: [] })).toEqual([['$', 'catalog.required'], ['$.rule', 'catalog.unknownField']]);
  });
});
