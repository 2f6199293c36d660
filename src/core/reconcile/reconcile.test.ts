import { reconcile, type ReconcileRule } from './index';
import { ingestCsv } from '../ingest';
import { makeCatalog, makeMetric } from '../testing/factories';
import type { ObservationTable } from '../engine';
import { readBinding } from '../bindings';
import { block } from '../bindings/testing/fixtures';

const CATALOG = makeCatalog([
  makeMetric({ id: 'revenue', accounts: ['6001*'], sign: -1 }),
  makeMetric({ id: 'cogs', accounts: ['6401'] }),
  makeMetric({ id: 'gross_margin', kind: 'ratio', unit: 'percent', numerator: 'gross_profit', denominator: 'revenue' }),
  makeMetric({ id: 'gross_profit', kind: 'derived', formula: 'revenue - cogs' }),
  makeMetric({ id: 'cash_opening', accounts: ['1001', '1002'], aggregation: 'opening' }),
  makeMetric({ id: 'cash_closing', accounts: ['1001', '1002'], aggregation: 'closing' }),
]);

const HEADER = 'id,date,account,department,amount';
const LINES = [
  'L1,2026-01-05,1002,HQ,1000.00',
  'L2,2026-01-10,6001,East,-500.00',
  'L3,2026-01-12,6001,West,-300.00',
  'L4,2026-01-20,6401,East,120.00',
  'L5,2026-02-03,6001,East,-700.00',
  'L6,2026-02-10,1002,HQ,-250.50',
  'L7,2026-02-11,6401,West,90.00',
  'L8,2026-03-01,1001,HQ,10.00',
];
const csv = (lines: readonly string[], file: string): ObservationTable => ingestCsv([HEADER, ...lines].join('\n'), {}, file).table;

const rule = (over: Partial<ReconcileRule> = {}): ReconcileRule => ({
  id: 'book-vs-copy',
  name: { 'zh-CN': '账簿对副本', 'en-US': 'Book vs copy' },
  left: { source: 'book', metric: 'revenue' },
  right: { source: 'copy', metric: 'revenue' },
  tolerance: { absolute: 0.01 },
  ...over,
});

describe('reconcile', () => {
  const book = csv(LINES, 'book.csv');

  it('agrees with an identical copy in every month', () => {
    const report = reconcile({ catalog: CATALOG, sources: { book, copy: csv(LINES, 'copy.csv') }, rules: [rule()] });
    expect(report.results[0]).toMatchObject({ status: 'agrees', message: { 'en-US': 'Agrees in all 3 period(s)' } });
    expect(report.findings).toEqual([]);
  });

  it('traces a changed, a dropped and a duplicated line to their rows and members', () => {
    const copy = csv(['L1,2026-01-05,1002,HQ,1000.00', 'L2,2026-01-10,6001,East,-550.00', 'L4,2026-01-20,6401,East,120.00', ...LINES.slice(4), LINES[4]!], 'copy.csv');
    const report = reconcile({ catalog: CATALOG, sources: { book, copy }, rules: [rule({ rowKey: 'id', traceBy: ['department'] })] });
    const [jan, feb, mar] = report.results[0]!.periods;
    // Jan: 800 vs 550 (L2 changed −500 → −550, L3 dropped); Feb: 700 vs 1400 (L5 twice).
    expect(jan).toMatchObject({ period: '2026-01', left: 800, right: 550, difference: 250, agrees: false });
    expect(jan!.rows).toEqual([
      { side: 'left', source: 'book', key: 'L3', origin: 'book.csv:4', day: '2026-01-12', account: '6001', amount: 300, reason: 'onlyLeft' },
      { side: 'both', source: 'book', key: 'L2', origin: 'book.csv:3', otherOrigin: 'copy.csv:3', day: '2026-01-10', account: '6001', amount: 500, otherAmount: 550, reason: 'amountDiffers' },
    ]);
    expect(jan!.members).toEqual([
      { dimension: 'department', member: 'West', left: 300, right: 0, difference: 300 },
      { dimension: 'department', member: 'East', left: 500, right: 550, difference: -50 },
    ]);
    expect(feb).toMatchObject({ left: 700, right: 1400, difference: -700 });
    expect(feb!.rows).toEqual([{ side: 'right', source: 'copy', key: 'L5', origin: 'copy.csv:9', day: '2026-02-03', account: '6001', amount: 700, reason: 'onlyRight' }]);
    expect(mar).toMatchObject({ agrees: true, rows: [], members: [] });
    expect(report.findings.map((f) => [f.period, f.kind, f.severity])).toEqual([['2026-01', 'reconcile', 'critical'], ['2026-02', 'reconcile', 'critical']]);
    expect(report.findings[0]!.drivers[0]).toMatchObject({ member: 'West', deviation: 300, share: 1.2 });
    expect(report.findings[0]!.explanation['en-US']).toContain('department West');
    expect(report.findings[0]!.explanation['zh-CN']).toContain('book.csv:4');
  });

  it('matches rows by day, account and amount without a row key', () => {
    const copy = csv(LINES.filter((l) => !l.startsWith('L3')), 'copy.csv');
    const period = reconcile({ catalog: CATALOG, sources: { book, copy }, rules: [rule()] }).results[0]!.periods[0]!;
    expect(period.rows).toEqual([{ side: 'left', source: 'book', origin: 'book.csv:4', day: '2026-01-12', account: '6001', amount: 300, reason: 'onlyLeft' }]);
  });

  it('keeps warning severity within ten times the tolerance', () => {
    const copy = csv(LINES.map((l) => l.replace('-500.00', '-500.05')), 'copy.csv');
    const report = reconcile({ catalog: CATALOG, sources: { book, copy }, rules: [rule({ tolerance: { absolute: 0.01 } })] });
    expect(report.findings.map((f) => f.severity)).toEqual(['warning']);
    const lenient = reconcile({ catalog: CATALOG, sources: { book, copy }, rules: [rule({ tolerance: { absolute: 0.05 } })] });
    expect(lenient.results[0]!.status).toBe('agrees');
  });

  it('compares this month\'s opening with last month\'s closing (shift −1)', () => {
    const roll = rule({ left: { source: 'book', metric: 'cash_opening' }, right: { source: 'copy', metric: 'cash_closing', shift: -1 } });
    const same = reconcile({ catalog: CATALOG, sources: { book, copy: csv(LINES, 'copy.csv') }, rules: [roll] }).results[0]!;
    expect(same.status).toBe('agrees');
    expect(same.periods.map((p) => [p.period, p.left, p.right])).toEqual([['2026-02', 1000, 1000], ['2026-03', 749.5, 749.5]]);
    const copy = csv(LINES.map((l) => l.replace('L1,2026-01-05,1002,HQ,1000.00', 'L1,2026-01-05,1002,HQ,1100.00')), 'copy.csv');
    const broken = reconcile({ catalog: CATALOG, sources: { book, copy }, rules: [{ ...roll, rowKey: 'id' }] }).results[0]!;
    expect(broken.periods.map((p) => [p.period, p.difference])).toEqual([['2026-02', -100], ['2026-03', -100]]);
    // The opening entry is behind both breaks: balances read every row up to the period.
    expect(broken.periods[1]!.rows).toEqual([expect.objectContaining({ key: 'L1', reason: 'amountDiffers', amount: 1000, otherAmount: 1100, origin: 'book.csv:2' })]);
  });

  it('reconciles a ratio by value and traces rows through its base inputs', () => {
    const copy = csv(LINES.map((l) => l.replace('6401,East,120.00', '6401,East,150.00')), 'copy.csv');
    const r = reconcile({ catalog: CATALOG, sources: { book, copy }, rules: [rule({ left: { source: 'book', metric: 'gross_margin' }, right: { source: 'copy', metric: 'gross_margin' }, tolerance: { absolute: 0.001 }, rowKey: 'id' })] }).results[0]!;
    expect(r.periods[0]).toMatchObject({ agrees: false, left: 0.85, right: 0.8125 });
    expect(r.periods[0]!.rows).toEqual([expect.objectContaining({ key: 'L4', amount: 120, otherAmount: 150 })]);
  });

  it('reads a side from several sources as one, each row keeping its own origin', () => {
    const [first, second] = [csv(LINES.slice(0, 4), 'a.csv'), csv(LINES.slice(4).filter((l) => !l.startsWith('L5')), 'b.csv')];
    const r = reconcile({ catalog: CATALOG, sources: { book, first, second }, rules: [rule({ right: { source: 'first', plus: ['second'], metric: 'revenue' }, rowKey: 'id' })] }).results[0]!;
    expect(r.periods.map((p) => p.agrees)).toEqual([true, false, true]);
    expect(r.periods[1]!.rows).toEqual([expect.objectContaining({ key: 'L5', origin: 'book.csv:6', reason: 'onlyLeft' })]);
    const drift = csv(LINES.slice(4).map((l) => l.replace('90.00', '91.00')), 'b.csv');
    const cogs = reconcile({ catalog: CATALOG, sources: { book, first, second: drift }, rules: [rule({ left: { source: 'book', metric: 'cogs' }, right: { source: 'first', plus: ['second'], metric: 'cogs' }, rowKey: 'id' })] }).results[0]!;
    expect(cogs.periods[1]!.rows).toEqual([expect.objectContaining({ key: 'L7', origin: 'book.csv:8', otherOrigin: 'b.csv:4' })]);
  });

  it('points at the cell of a wide P&L that disagrees', () => {
    const pl = readBinding({ id: 'pl', target: { kind: 'range', ref: 'PL!B2:D4' }, layout: 'wide', wide: { labelColumn: 'B' } }, [
      block('PL', 'B2', [['Account', 'Jan 2026', 'Feb 2026'], ['6001', -800, -750]]),
    ]).table;
    const r = reconcile({ catalog: CATALOG, sources: { book, pl }, rules: [rule({ right: { source: 'pl', metric: 'revenue' }, to: '2026-02' })] }).results[0]!;
    expect(r.periods.map((p) => [p.period, p.difference])).toEqual([['2026-01', 0], ['2026-02', -50]]);
    expect(r.periods[1]!.rows).toEqual([
      { side: 'right', source: 'pl', origin: 'PL!D3', day: '2026-02-01', account: '6001', amount: 750, reason: 'onlyRight' },
      { side: 'left', source: 'book', origin: 'book.csv:6', day: '2026-02-03', account: '6001', amount: 700, reason: 'onlyLeft' },
    ]);
  });

  it('caps rows at maxRows and counts the rest', () => {
    const copy = csv(LINES.slice(0, 1), 'copy.csv');
    const period = reconcile({ catalog: CATALOG, sources: { book, copy }, rules: [rule({ rowKey: 'id' })], maxRows: 1 }).results[0]!.periods[0]!;
    expect(period.rows).toHaveLength(1);
    expect(period.rows[0]).toMatchObject({ key: 'L2', amount: 500 });
    expect(period.rowsOmitted).toBe(1);
  });

  it('reports a missing or failed source as an error of its rule, and still runs the others', () => {
    const report = reconcile({
      catalog: CATALOG,
      sources: { book, copy: { failed: 'HTTP 500 from the ERP' } },
      rules: [rule(), rule({ id: 'other', right: { source: 'nowhere', metric: 'revenue' } }), rule({ id: 'self', right: { source: 'book', metric: 'revenue' } })],
    });
    expect(report.results.map((r) => r.status)).toEqual(['error', 'error', 'agrees']);
    expect(report.results[0]!.message!['en-US']).toBe('Source "copy" could not be read: HTTP 500 from the ERP');
    expect(report.results[1]!.message!['zh-CN']).toContain('数据源"nowhere"未加载');
    expect(report.problems.map((p) => p.path)).toEqual(['reconcile.book-vs-copy', 'reconcile.other']);
  });

  it('breaks a period where one side has no value, saying why', () => {
    const roll = rule({ left: { source: 'book', metric: 'cash_opening' }, right: { source: 'copy', metric: 'cash_closing' } });
    const [jan] = reconcile({ catalog: CATALOG, sources: { book, copy: book }, rules: [roll] }).results[0]!.periods;
    expect(jan).toMatchObject({ period: '2026-01', left: null, right: 1000, difference: null, agrees: false });
    expect(jan!.note!['en-US']).toMatch(/^Left has no value: #MISSING data covers 2026-01-05 to 2026-03-01/);
    expect(jan!.note!['zh-CN']).toMatch(/^左侧没有数值/);
  });

  it('says when no period has values on both sides', () => {
    const later = csv(['L9,2027-05-01,6001,East,-1.00'], 'later.csv');
    const result = reconcile({ catalog: CATALOG, sources: { book, copy: later }, rules: [rule()] }).results[0]!;
    expect(result.status).toBe('error');
    expect(result.message!['en-US']).toContain('2026-01…2026-03');
  });

  it('uses metrics the rule defines for itself, and refuses one that shadows the catalog', () => {
    const own = makeMetric({ id: 'cash_movement', accounts: ['1001', '1002'] });
    const copy = csv(LINES, 'copy.csv');
    const ok = reconcile({ catalog: CATALOG, sources: { book, copy }, rules: [rule({ left: { source: 'book', metric: 'cash_movement' }, right: { source: 'copy', metric: 'cash_movement' }, metrics: [own] })] });
    expect(ok.results[0]!.periods.map((p) => p.left)).toEqual([1000, -250.5, 10]);
    const clash = reconcile({ catalog: CATALOG, sources: { book, copy }, rules: [rule({ metrics: [makeMetric({ id: 'revenue' })] })] });
    expect(clash.results[0]!.status).toBe('error');
    expect(clash.results[0]!.message!['en-US']).toBe('Metric "revenue" of this rule is also in the catalog; rename one of them');
  });
});
