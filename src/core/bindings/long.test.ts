import { formatRef, parseA1, type CellValue } from '../a1';
import { evaluateCatalog } from '../engine';
import { makeCatalog, makeMetric } from '../testing/factories';
import { readBinding, resolveTarget, type Binding, type GridBlock } from './index';
import { block, rowsOf, serial } from './testing/fixtures';

const long = (over: Partial<Binding> = {}): Binding => ({ id: 'gl', target: { kind: 'range', ref: 'Journal!A1:E20' }, layout: 'long', ...over });
const where = (problems: ReadonlyArray<{ code: string; path: string }>): string[][] => problems.map((p) => [p.code, p.path]);
const jan = (d: number): number => serial(2026, 1, d);

describe('readBinding — long layout (a ledger under a header)', () => {
  const journal: CellValue[][] = [
    ['Journal export — January 2026'],
    [null],
    ['Date', 'Account', 'Dept', 'Amount'],
    [jan(5), '6001', 'East', '1,234.56'],
    ['2026-01-06', 6001, 'West', '(100.00)'],
    ['not a date', '6001', 'East', 1],
    [jan(7), '6001', 'East', '#N/A'],
    [jan(8), '6001', 'East', { error: '#REF!' }],
    [jan(9), '6001', 'East', null],
    [jan(10), '6001', 'East', '-'],
    [jan(11), '６６０１', 'West', '１，０００'],
    [jan(12), '6001', 'East', 1.005],
    ['Total', null, null, 2135.56],
    [null, null, null, null],
  ];

  it('reads entries and names each skipped cell by its address, in both languages', () => {
    const { table, problems, stats } = readBinding(long(), [block('Journal', 'A1', journal)]);
    expect(rowsOf(table, ['Dept'])).toEqual([
      ['2026-01-05', '6001', '1234.56', 'East'],
      ['2026-01-06', '6001', '-100.00', 'West'],
      ['2026-01-10', '6001', '0.00', 'East'],
      ['2026-01-11', '6601', '1000.00', 'West'],
      ['2026-01-12', '6001', '1.01', 'East'],
    ]);
    expect(where(problems)).toEqual([
      ['ingest.badDateAt', 'Journal!A6'],
      ['ingest.cellErrorAt', 'Journal!D7'],
      ['ingest.cellErrorAt', 'Journal!D8'],
      ['ingest.blankAmountAt', 'Journal!D9'],
      ['ingest.roundedAt', 'Journal!D12'],
      ['bind.totalRow', 'Journal!A13'],
    ]);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems[0]!.message['en-US']).toBe('Journal!A6: "not a date" is not a date; row 6 skipped');
    expect(problems[0]!.message['zh-CN']).toBe('Journal!A6："not a date"不是日期，已跳过第 6 行');
    expect(problems[1]!.message['en-US']).toBe('Journal!D7: the cell holds the error #N/A; row 7 skipped');
    expect(problems[2]!.message['zh-CN']).toBe('Journal!D8：单元格为错误值 #REF!，已跳过第 8 行');
    expect(problems[5]!.message['en-US']).toBe('Journal!A13: "Total" is a total row; skipped so it is not counted twice');
    expect(problems[1]!.params).toMatchObject({ row: 7, cell: 'Journal!D7', value: '#N/A' });
    expect(stats).toEqual({ rows: 9, kept: 5, skipped: 4, rounded: 1, hidden: 0, totals: 1 });
  });

  it('reads Sage-style debit and credit columns where zero is "-"', () => {
    const binding = long({ long: { date: 'Date', account: 'Account Number', debit: 'Debits', credit: 'Credits' } });
    const { table, problems } = readBinding(binding, [
      block('Sheet1', 'A4', [
        ['Date', 'Account Number', 'Debits', 'Credits'],
        [jan(1), '1080', '1,500.00', '-'],
        [jan(1), '4020', '-', '1,500.00'],
        [jan(2), '5400', 143.63999999999999, '—'],
        [jan(2), '1080', null, ''],
      ]),
    ]);
    expect(rowsOf(table).map((r) => [r[1], r[2]])).toEqual([
      ['1080', '1500.00'],
      ['4020', '-1500.00'],
      ['5400', '143.64'],
    ]);
    expect(where(problems)).toEqual([['ingest.blankAmountAt', 'Sheet1!C8:D8']]);
  });

  it('fills merged dates and labels down, but never a merged amount', () => {
    const { table, problems } = readBinding(long(), [
      block('Journal', 'A1', [['Date', 'Account', 'Amount'], [jan(3), '6001', 10], [null, '6002', 20], ['', '6003', 30], [jan(4), '6001', 40], [jan(4), '6002', null]], {
        merges: [
          { row: 1, col: 0, lastRow: 3, lastCol: 0 },
          { row: 4, col: 2, lastRow: 5, lastCol: 2 },
        ],
      }),
    ]);
    expect(rowsOf(table).map((r) => r[0])).toEqual(['2026-01-03', '2026-01-03', '2026-01-03', '2026-01-04']);
    expect(where(problems)).toEqual([['ingest.blankAmountAt', 'Journal!C6']]);
  });

  const withHidden = (): GridBlock => block('Journal', 'B2', [['Date', 'Account', 'Amount'], [jan(1), 'a', 1], [jan(2), 'b', 2], [jan(3), 'c', 3], [jan(4), 'd', 4]], { hiddenRows: [3, 4] });

  it('reads hidden rows by default with one notice listing them', () => {
    const { table, problems, stats } = readBinding(long(), [withHidden()]);
    expect(table.rows).toBe(4);
    expect(where(problems)).toEqual([['bind.hiddenIncluded', 'Journal!B2:D6']]);
    expect(problems[0]!.message['en-US']).toBe('2 hidden row(s) were read: Journal!B4:D5');
    expect(stats.hidden).toBe(2);
  });

  it("skips hidden rows with hiddenRows: 'skip'", () => {
    const { table, problems } = readBinding(long({ hiddenRows: 'skip' }), [withHidden()]);
    expect(rowsOf(table).map((r) => r[1])).toEqual(['a', 'd']);
    expect(problems[0]!.message['zh-CN']).toBe('已跳过 2 个隐藏行：Journal!B4:D5');
  });

  it('reads a table column together with the date and dimension columns it needs', () => {
    const headers = ['Segment', 'Country', ' Sales', 'COGS', 'Date'];
    const sheet: CellValue[][] = [
      headers,
      ['Government', 'Canada', 32370, 16185, serial(2014, 1, 1)],
      ['Midmarket', 'France', '$ -', 0, serial(2014, 1, 1)],
      ['Government', 'Germany', 529550.5, 393380, serial(2014, 2, 1)],
    ];
    const binding = long({ target: { kind: 'tableColumn', table: 'financials', column: 'Sales' }, long: { date: 'Date', dimensions: { segment: 'Segment' } } });
    const { ranges, problems } = resolveTarget(binding, { names: [], tables: [{ name: 'financials', ref: 'Sheet1!A1:E4', headers }] });
    expect(problems).toEqual([]);
    expect(ranges.map(formatRef)).toEqual(['Sheet1!A1:A4', 'Sheet1!C1:C4', 'Sheet1!E1:E4']);
    // What a host would read for those ranges, one block each.
    const blocks = ranges.map((r) => {
      const a = parseA1(r.address)!;
      return { sheet: r.sheet, row: a.row, col: a.col, values: sheet.map((row) => row.slice(a.col, a.lastCol + 1)) };
    });
    const read = readBinding(binding, blocks);
    expect(read.problems).toEqual([]);
    expect(rowsOf(read.table, ['segment'])).toEqual([
      ['2014-01-01', '', '32370.00', 'Government'],
      ['2014-01-01', '', '0.00', 'Midmarket'],
      ['2014-02-01', '', '529550.50', 'Government'],
    ]);
    expect(Object.keys(read.table.text)).toEqual(['segment']);
  });

  it('reads the same layout from several sheets into one table', () => {
    const part = (sheet: string, amount: number): GridBlock => block(sheet, 'A1', [['Date', 'Account', 'Amount'], [jan(1), '6001', amount]]);
    const { table, stats } = readBinding(long(), [part('Jan', 1), part('Feb', 2)]);
    expect(rowsOf(table).map((r) => r[2])).toEqual(['1.00', '2.00']);
    expect(stats.kept).toBe(2);
  });

  it('locates grid-wide problems at the range read', () => {
    const { problems } = readBinding(long({ long: { date: 'Posted', amount: 'Net' } }), [block('Journal', 'B2', [['Date', 'Amount'], [jan(1), 1]])]);
    expect(problems[0]).toMatchObject({ code: 'ingest.missingColumn', path: 'Journal!B2:C3', severity: 'error' });
    expect(problems[0]!.message['en-US']).toBe('Column "Posted" (date) not found; columns are: Date, Amount');
  });

  it('says when nothing was read', () => {
    const { problems, table } = readBinding(long(), []);
    expect(table.rows).toBe(0);
    expect(problems[0]!.message['en-US']).toBe('Nothing was read for binding "gl"');
    expect(problems[0]!.message['zh-CN']).toBe('绑定"gl"没有读取到任何单元格');
  });

  it('sums to the cent through the engine', () => {
    const rows: CellValue[][] = [['Date', 'Account', 'Amount']];
    for (let i = 0; i < 1000; i += 1) rows.push([jan(1 + (i % 28)), i % 2 === 0 ? '6001' : '6401', i % 3 === 0 ? 0.1 : '0.20']);
    const { table } = readBinding(long(), [block('Journal', 'A1', rows)]);
    const catalog = makeCatalog([makeMetric({ id: 'all' }), makeMetric({ id: 'sales', accounts: ['6001'] })]);
    const ev = evaluateCatalog({ catalog, sources: { ledger: table }, grain: 'month' });
    expect(ev.values.find((v) => v.metricId === 'all')?.exact).toBe('166.60');
    expect(ev.values.find((v) => v.metricId === 'sales')?.exact).toBe('83.30');
  });
});
