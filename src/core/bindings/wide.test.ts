import type { CellValue } from '../a1';
import { evaluateCatalog } from '../engine';
import { makeCatalog, makeMetric } from '../testing/factories';
import { readBinding, type Binding } from './index';
import { block, rowsOf, serial } from './testing/fixtures';

const wide = (over: Partial<Binding> = {}): Binding => ({ id: 'pl', target: { kind: 'range', ref: "PL!B3:J40" }, layout: 'wide', ...over });
const codes = (problems: ReadonlyArray<{ code: string; path: string }>): string[][] => problems.map((p) => [p.code, p.path]);

describe('readBinding — wide layout (line items down, periods across)', () => {
  it('reads each value cell as an observation dated the first day of its period', () => {
    const { table, problems, stats } = readBinding(wide(), [
      block('PL', 'B3', [
        ['Figures in CNY', 'Jan 2026', 'Feb 2026', 'Mar 2026'],
        ['Revenue', null, null, null],
        ['  Product sales', 1000, 2000.5, '3,000.25'],
        ['\u3000Services', 10, null, 30],
      ]),
    ]);
    expect(problems).toEqual([]);
    expect(rowsOf(table)).toEqual([
      ['2026-01-01', 'Product sales', '1000.00'],
      ['2026-02-01', 'Product sales', '2000.50'],
      ['2026-03-01', 'Product sales', '3000.25'],
      ['2026-01-01', 'Services', '10.00'],
      ['2026-03-01', 'Services', '30.00'],
    ]);
    expect(stats).toEqual({ rows: 2, kept: 5, skipped: 0, rounded: 0, hidden: 0, totals: 0 });
  });

  it.each<[string, CellValue[], Partial<NonNullable<Binding['wide']>>, string[]]>([
    ['month names with wide.year', ['Jan', 'Feb'], { year: 2026 }, ['2026-01-01', '2026-02-01']],
    ['full month names with wide.year', ['January', 'February'], { year: 2026 }, ['2026-01-01', '2026-02-01']],
    ['1月 2月 with wide.year', ['1月', '2月'], { year: 2026 }, ['2026-01-01', '2026-02-01']],
    ['2026-01', ['2026-01', '2026-02'], {}, ['2026-01-01', '2026-02-01']],
    ['2026年1月', ['2026年1月', '2026年2月'], {}, ['2026-01-01', '2026-02-01']],
    ['FY26 Q1', ['FY26 Q1', 'FY26 Q2'], {}, ['2026-01-01', '2026-04-01']],
    ['2026-Q1', ['2026-Q1', '2026-Q2'], {}, ['2026-01-01', '2026-04-01']],
    ['Q1 2026', ['Q1 2026', 'Q2 2026'], {}, ['2026-01-01', '2026-04-01']],
    ['month-end serials', [serial(2026, 1, 31), serial(2026, 2, 28)], {}, ['2026-01-01', '2026-02-01']],
    ['quarter-end serials', [serial(2026, 3, 31), serial(2026, 6, 30)], {}, ['2026-01-01', '2026-04-01']],
    ['year-end serials (annual model)', [serial(2024, 12, 31), serial(2025, 12, 31)], {}, ['2024-01-01', '2025-01-01']],
    ['first-of-month serials (EDATE(C3,12))', [serial(2022, 1, 1), serial(2023, 1, 1)], {}, ['2022-01-01', '2023-01-01']],
    ['date text', ['2026-01-31', '2026-02-28'], {}, ['2026-01-01', '2026-02-01']],
    ['years as numbers', [2025, 2026], {}, ['2025-01-01', '2026-01-01']],
    ['years as text with estimates', ['2025A', '2026E'], {}, ['2025-01-01', '2026-01-01']],
    ['full-width headers', ['２０２６年１月', '２０２６年２月'], {}, ['2026-01-01', '2026-02-01']],
  ])('header form: %s', (_, headers, options, days) => {
    const { table, problems } = readBinding(wide({ wide: options }), [block('PL', 'B3', [['Line', ...headers], ['Sales', 1, 2]])]);
    expect(problems).toEqual([]);
    expect(rowsOf(table).map((r) => r[0])).toEqual(days);
  });

  it('reads quarter and year headers on the fiscal calendar it is given', () => {
    const cal = { fiscalYearStartMonth: 4, fiscalYearLabel: 'end' as const };
    const { table } = readBinding(wide(), [block('PL', 'B3', [['Line', 'FY26 Q1', 'FY26 Q2', 'FY2026'], ['Sales', 1, 2, null]])], { calendar: cal });
    expect(rowsOf(table).map((r) => r[0])).toEqual(['2025-04-01', '2025-07-01']);
  });

  it('needs wide.year for months without a year, and says so at the first such header', () => {
    const { table, problems } = readBinding(wide(), [block('Budget', 'B4', [['Figures in USD', 'January', 'February'], ['Salary', 5000, 5000]])]);
    expect(table.rows).toBe(0);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'bind.needsYear', path: 'Budget!C4' });
    expect(problems[0]!.message['en-US']).toBe('Budget!C4: "January" has no year; set wide.year to the year of the first such column');
    expect(problems[0]!.message['zh-CN']).toBe('Budget!C4："January"没有年份；请将 wide.year 设为第一个此类列的年份');
  });

  it('rolls months without a year into the next year after December (fiscal-year budgets)', () => {
    const months = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];
    const { table } = readBinding(wide({ wide: { year: 2026 } }), [block('Budget', 'A1', [['Line', ...months], ['Rent', ...months.map(() => 1)]])]);
    const days = rowsOf(table).map((r) => r[0]);
    expect(days[0]).toBe('2026-04-01');
    expect(days[8]).toBe('2026-12-01');
    expect(days[9]).toBe('2027-01-01');
    expect(days[11]).toBe('2027-03-01');
  });

  it('ignores non-period columns and columns that total other periods, listing each once', () => {
    const { table, problems } = readBinding(wide(), [
      block('P&L', 'B3', [
        ['Line', 'Jan 2026', 'Feb 2026', 'Mar 2026', 'Q1 2026', 'FY Total', 'Var %', 'Notes'],
        ['Sales', 1, 2, 3, 6, 6, 0.1, 'ok'],
        ['Returns', -1, 0, 0, -1, -1, 0.2, null],
      ]),
    ]);
    expect(codes(problems)).toEqual([
      ['bind.totalColumns', "'P&L'!B3:I3"],
      ['bind.ignoredColumns', "'P&L'!B3:I3"],
    ]);
    expect(problems[0]!.message['en-US']).toBe(`Columns that total other period columns were ignored: 'P&L'!F3 "Q1 2026"`);
    expect(problems[1]!.message['en-US']).toBe(`Columns that are not periods were ignored: 'P&L'!G3 "FY Total", 'P&L'!H3 "Var %", 'P&L'!I3 "Notes"`);
    expect(problems[1]!.message['zh-CN']).toBe(`以下非期间列已忽略：'P&L'!G3 "FY Total", 'P&L'!H3 "Var %", 'P&L'!I3 "Notes"`);
    expect(table.rows).toBe(6);
  });

  it('reads workbook cell quirks and names every skipped cell', () => {
    const headers = Array.from({ length: 16 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const values: CellValue[] = [
      '1,234.56', // C5
      '(1,234.56)', // D5
      '$ 1,000', // E5
      '12.5%', // F5
      '１，２３４．５０', // G5
      '—', // H5
      '-', // I5
      '--', // J5
      null, // K5
      '', // L5
      '#N/A', // M5
      { error: '#DIV/0!' }, // N5
      { error: '#REF!' }, // O5
      'n/a', // P5
      true, // Q5
      '（５００）', // R5
    ];
    const { table, problems, stats } = readBinding(wide({ scale: 4 }), [block('PL', 'B4', [['Line', ...headers], ['Other income', ...values]])]);
    expect(rowsOf(table).map((r) => [r[0], r[2]])).toEqual([
      ['2025-01-01', '1234.5600'],
      ['2025-02-01', '-1234.5600'],
      ['2025-03-01', '1000.0000'],
      ['2025-04-01', '0.1250'],
      ['2025-05-01', '1234.5000'],
      ['2025-06-01', '0.0000'],
      ['2025-07-01', '0.0000'],
      ['2025-08-01', '0.0000'],
      ['2026-04-01', '-500.0000'],
    ]);
    expect(problems.map((p) => [p.code, p.path, p.severity])).toEqual([
      ['bind.cellError', 'PL!M5', 'warning'],
      ['bind.cellError', 'PL!N5', 'warning'],
      ['bind.cellError', 'PL!O5', 'warning'],
      ['bind.badAmount', 'PL!P5', 'warning'],
      ['bind.badAmount', 'PL!Q5', 'warning'],
    ]);
    expect(problems[1]!.message['en-US']).toBe('PL!N5: the cell holds the error #DIV/0!; skipped');
    expect(problems[1]!.message['zh-CN']).toBe('PL!N5：单元格为错误值 #DIV/0!，已跳过');
    expect(problems[3]!.message['en-US']).toBe('PL!P5: "n/a" is not a number; skipped');
    expect(stats).toMatchObject({ kept: 9, skipped: 5 });
  });

  it('rounds visibly when a value has more decimals than the scale', () => {
    const { table, problems, stats } = readBinding(wide(), [block('PL', 'B3', [['Line', '2026-01'], ['Margin', '12.5%']])]);
    expect(rowsOf(table)[0]![2]).toBe('0.13');
    expect(problems[0]).toMatchObject({ code: 'bind.rounded', path: 'PL!C4' });
    expect(problems[0]!.message['zh-CN']).toBe('PL!C4：12.5% 超过 2 位小数，已四舍五入');
    expect(stats.rounded).toBe(1);
  });

  it('skips total and subtotal rows, naming each, so nothing is counted twice', () => {
    const labels = ['Sales', 'Total revenue', 'Subtotal', 'Grand Total', '合计', '小计', '总计', '本年累计', '资产合计', '累计折旧', 'Income Total'];
    const { table, problems, stats } = readBinding(wide(), [block('PL', 'B3', [['Line', '2026-01'], ...labels.map((l) => [l, 100])])]);
    expect(rowsOf(table).map((r) => r[1])).toEqual(['Sales', '累计折旧']);
    expect(codes(problems)).toEqual(['C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C14'].map((c) => ['bind.totalRow', `PL!${c.replace('C', 'B')}`]));
    expect(problems[0]!.message['en-US']).toBe('PL!B5: "Total revenue" is a total row; skipped so it is not counted twice');
    expect(problems[3]!.message['zh-CN']).toBe('PL!B8："合计"是合计行，已跳过，以免重复计算');
    expect(stats.totals).toBe(9);
  });

  it('fills a merged label down every row of the merge', () => {
    const { table, problems } = readBinding(wide(), [
      block('PL', 'B3', [['Line', '2026-01'], ['Travel', 100], [null, 50], ['', 25], ['Meals', 10]], { merges: [{ row: 3, col: 1, lastRow: 5, lastCol: 1 }] }),
    ]);
    expect(problems).toEqual([]);
    expect(rowsOf(table).map((r) => [r[1], r[2]])).toEqual([
      ['Travel', '100.00'],
      ['Travel', '50.00'],
      ['Travel', '25.00'],
      ['Meals', '10.00'],
    ]);
  });

  const hiddenGrid = (): ReturnType<typeof block> =>
    block('PL', 'B3', [['Line', '2026-01', '2026-02'], ['Sales', 1, 2], ['Hidden A', 10, 20], ['Costs', 3, 4], ['Hidden B', 30, 40], ['Hidden C', 50, 60]], {
      hiddenRows: [0, 4, 6, 7, 99],
    });

  it('reads hidden rows by default and lists them in one notice', () => {
    const { table, problems, stats } = readBinding(wide(), [hiddenGrid()]);
    expect(rowsOf(table).map((r) => r[1])).toContain('Hidden C');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'bind.hiddenIncluded', severity: 'warning', params: { count: 3, rows: 'PL!B5:D5, PL!B7:D8' } });
    expect(problems[0]!.message['en-US']).toBe('3 hidden row(s) were read: PL!B5:D5, PL!B7:D8');
    expect(stats.hidden).toBe(3);
  });

  it("skips hidden rows with hiddenRows: 'skip', with the same notice", () => {
    const { table, problems } = readBinding(wide({ hiddenRows: 'skip' }), [hiddenGrid()]);
    expect([...new Set(rowsOf(table).map((r) => r[1]))]).toEqual(['Sales', 'Costs']);
    expect(problems.map((p) => p.code)).toEqual(['bind.hiddenSkipped']);
    expect(problems[0]!.message['zh-CN']).toBe('已跳过 3 个隐藏行：PL!B5:D5, PL!B7:D8');
  });

  it('uses the code column as the account, and the label when a row has no code', () => {
    const { table } = readBinding(wide({ wide: { codeColumn: 'Code', labelColumn: 'C' } }), [
      block('PL', 'B3', [['Code', 'Line', '2026-01'], ['6001', 'Sales', 5], [6401, 'COGS', -3], [null, 'Other', 1]]),
    ]);
    expect(rowsOf(table).map((r) => r[1])).toEqual(['6001', '6401', 'Other']);
  });

  it('warns when one label names several rows, and when two columns are the same period', () => {
    const { table, problems } = readBinding(wide(), [block('PL', 'B3', [['Line', 'Jan 2026', '2026-01'], ['Other', 1, 2], ['Sales', 5, null], ['Other', 3, 4]])]);
    expect(codes(problems)).toEqual([
      ['bind.duplicatePeriod', 'PL!C3'],
      ['bind.duplicateLabel', 'PL!B4'],
    ]);
    expect(problems[0]!.message['en-US']).toBe('Columns PL!C3, PL!D3 are the same period (2026-01); their values are added together');
    expect(problems[1]!.message['en-US']).toBe('"Other" labels several rows (PL!B4, PL!B6); their values are added together under one account');
    expect(table.rows).toBe(5);
  });

  it('warns about values on a row without a label', () => {
    const { problems, stats } = readBinding(wide(), [block('PL', 'B3', [['Line', '2026-01'], ['Sales', 1], [null, 7]])]);
    expect(problems[0]).toMatchObject({ code: 'bind.noLabel', path: 'PL!B5' });
    expect(problems[0]!.message['zh-CN']).toBe('PL!B5：该行有数值但没有项目标签，已跳过第 5 行');
    expect(stats.skipped).toBe(1);
  });

  it('finds the header below title rows, or uses wide.headerRow', () => {
    const values: CellValue[][] = [['Acme Ltd — PL'], [null], ['Line', 2025, 2026], ['Sales', 10, 20]];
    expect(readBinding(wide(), [block('PL', 'B2', values)]).table.rows).toBe(2);
    expect(readBinding(wide({ wide: { headerRow: 4 } }), [block('PL', 'B2', values)]).table.rows).toBe(2);
    const outside = readBinding(wide({ wide: { headerRow: 40 } }), [block('PL', 'B2', values)]);
    expect(outside.problems[0]).toMatchObject({ code: 'bind.headerRowOutside', severity: 'error', path: 'PL!B2:D5' });
  });

  it('says when there is no period header or no label column', () => {
    const none = readBinding(wide(), [block('PL', 'B3', [['Line', 'Budget', 'Actual'], ['Sales', 1, 2]])]);
    expect(none.problems.map((p) => [p.code, p.severity])).toEqual([['bind.noPeriods', 'error']]);
    expect(none.problems[0]!.message['en-US']).toContain('No row of period headers in PL!B3:D4');
    const missing = readBinding(wide({ wide: { labelColumn: 'Account' } }), [block('PL', 'B3', [['Line', '2026-01'], ['Sales', 1]])]);
    expect(missing.problems[0]!.message['en-US']).toBe('Column "Account" (wide.labelColumn) not found in PL!B3:C4; header cells are: PL!B3 "Line", PL!C3 "2026-01"');
    const numbersOnly = readBinding(wide(), [block('PL', 'B3', [['Line', '2026-01'], [1, 2]])]);
    expect(numbersOnly.problems[0]).toMatchObject({ code: 'bind.noLabels', severity: 'error' });
  });

  it('sums exactly through the engine, with totals not double-counted', () => {
    const pl = readBinding(wide(), [
      block('PL', 'B3', [
        ['Line', 'Jan-26', 'Feb-26', 'Mar-26', 'Q1-26'],
        ['Revenue', null, null, null, null],
        ['  6001 Product', 0.1, '1,000,000.01', 27338.850000000002, null],
        ['  6002 Service', 0.2, '(0.01)', '—', null],
        ['Total revenue', 0.3, 1000000, 27338.85, 1027339.15],
      ]),
    ]);
    const catalog = makeCatalog([makeMetric({ id: 'revenue' }), makeMetric({ id: 'product', accounts: ['6001*'] })]);
    const ev = evaluateCatalog({ catalog, sources: { ledger: pl.table }, grain: 'month' });
    const value = (id: string, period: string): string | undefined => ev.values.find((v) => v.metricId === id && v.period === period)?.exact;
    expect(value('revenue', '2026-01')).toBe('0.30');
    expect(value('revenue', '2026-02')).toBe('1000000.00');
    expect(value('revenue', '2026-03')).toBe('27338.85');
    expect(value('product', '2026-02')).toBe('1000000.01');
    const q = evaluateCatalog({ catalog, sources: { ledger: pl.table }, grain: 'quarter' });
    expect(q.values.find((v) => v.metricId === 'revenue' && v.period === '2026-Q1')?.exact).toBe('1027339.15');
  });
});
