import { ingestCsv, ingestGrid, parseCsv } from './index';
import { formatDay } from '../periods';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded newlines, CRLF and a BOM', () => {
    const { records, problems } = parseCsv('\uFEFFa,b,c\r\n1,"x, ""y""",3\r\n2,"multi\nline",4\n\n5,,6');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x, "y"', '3'] },
      { line: 3, cells: ['2', 'multi\nline', '4'] },
      { line: 6, cells: ['5', '', '6'] },
    ]);
  });
  it('detects semicolons and tabs', () => {
    expect(parseCsv('a;b\n1;2').records[1]!.cells).toEqual(['1', '2']);
    expect(parseCsv('a\tb\n1\t2').records[1]!.cells).toEqual(['1', '2']);
  });
  it('reports an unclosed quote with its line', () => {
    const { problems } = parseCsv('a,b\n1,"oops\n2,3');
    expect(problems[0]).toMatchObject({ code: 'ingest.csvQuote', params: { row: 2 } });
  });
});

describe('ingestCsv', () => {
  const csv = [
    'date,account,amount,department',
    '2026-01-05,6001,"1,234.56",East',
    '2026/01/06,6001,(100.00),West',
    '2026年2月,6601,50,East',
    '46054,6601,7.5,West',
    'not a date,6001,1,East',
    '2026-02-10,6001,#N/A,East',
    '2026-02-11,6001,abc,East',
    '2026-02-12,6001,,East',
    '2026-02-13,6001,1.005,East',
  ].join('\n');

  it('keeps good rows, skips bad ones with a warning naming the row, and rounds visibly', () => {
    const { table, problems, stats } = ingestCsv(csv);
    expect(stats).toEqual({ rows: 9, kept: 5, skipped: 4, rounded: 1 });
    expect(problems.map((p) => [p.code, p.params['row']])).toEqual([
      ['ingest.badDate', 6],
      ['ingest.cellError', 7],
      ['ingest.badAmount', 8],
      ['ingest.blankAmount', 9],
      ['ingest.rounded', 10],
    ]);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems[0]!.message['zh-CN']).toBe('第 6 行："not a date"不是日期，已跳过该行');
    expect(Array.from(table.measures['amount']!)).toEqual([123456, -10000, 5000, 750, 101]);
    expect(Array.from(table.day, formatDay)).toEqual(['2026-01-05', '2026-01-06', '2026-02-01', '2026-02-01', '2026-02-13']);
    const dept = table.text['department']!;
    expect(Array.from(dept.codes, (c) => dept.dict[c])).toEqual(['East', 'West', 'East', 'West', 'East']);
  });

  it('reads debit and credit columns and Chinese headers', () => {
    const { table, problems } = ingestCsv('日期,科目代码,借方金额,贷方金额\n2026-03-01,1122,500,\n2026-03-02,6001,,500');
    expect(problems).toEqual([]);
    expect(Array.from(table.measures['amount']!)).toEqual([50000, -50000]);
    expect(table.text['account']!.dict.slice(1)).toEqual(['1122', '6001']);
  });

  it('uses a mapping for other headers and day-first dates', () => {
    const { table, problems } = ingestCsv('Posted,GL,Net,Dept,Qty\n03/04/2026,4000,10,Ops,2', {
      date: 'Posted',
      account: 'GL',
      amount: 'Net',
      dimensions: { department: 'Dept' },
      measures: { quantity: 'Qty' },
      dateOrder: 'dmy',
    });
    expect(problems).toEqual([]);
    expect(formatDay(table.day[0]!)).toBe('2026-04-03');
    expect(table.measures['quantity']![0]).toBe(200);
    expect(Object.keys(table.text).sort()).toEqual(['account', 'department']);
  });

  it('says which column is missing and what columns there are', () => {
    const { problems } = ingestCsv('when,what\n2026-01-01,1', { amount: 'Amount' });
    expect(problems[0]).toMatchObject({ code: 'ingest.missingColumn', params: { column: 'Amount', columns: 'when, what' } });
  });

  it('an empty file or a header without rows is an error', () => {
    expect(ingestCsv('').problems[0]!.code).toBe('ingest.empty');
    expect(ingestCsv('date,amount\n').problems.map((p) => p.code)).toEqual(['ingest.empty']);
  });
});

describe('ingestGrid (workbook cells)', () => {
  it('skips title rows, reads Dates, serials and error cells', () => {
    const { table, problems } = ingestGrid([
      { row: 1, cells: ['Journal export — FY2026'] },
      { row: 2, cells: [] },
      { row: 3, cells: ['Date', 'Account', 'Amount'] },
      { row: 4, cells: [new Date(Date.UTC(2026, 10, 24)), '6001', 12.34] },
      { row: 5, cells: [46350, 6001, { error: '#REF!' }] },
      { row: 6, cells: [null, null, null] },
    ]);
    expect(problems.map((p) => [p.code, p.params['row'], p.params['value']])).toEqual([['ingest.cellError', 5, '#REF!']]);
    expect(formatDay(table.day[0]!)).toBe('2026-11-24');
    expect(table.measures['amount']![0]).toBe(1234);
  });
});

describe('ingestGrid with a workbook origin', () => {
  const rows = [
    { row: 7, cells: ['Date', 'Account', 'Debit', 'Credit'] },
    { row: 8, cells: ['oops', '6001', 1, null] },
    { row: 9, cells: [46054, '6001', null, ''] },
    { row: 10, cells: [46054, '6001', '-', 5] },
    { row: 11, cells: [46054, '6001', '1.005', 0] },
  ];

  it('names the cell instead of the row, keeping the row in the params', () => {
    const { problems } = ingestGrid(rows, {}, { origin: { sheet: 'GL 2026', col: 2 } });
    expect(problems.map((p) => [p.code, p.path, p.params['row']])).toEqual([
      ['ingest.badDateAt', "'GL 2026'!C8", 8],
      ['ingest.blankAmountAt', "'GL 2026'!E9:F9", 9],
      ['ingest.badAmountAt', "'GL 2026'!E10", 10],
      ['ingest.roundedAt', "'GL 2026'!E11:F11", 11],
    ]);
    expect(problems[2]!.message['en-US']).toBe(`'GL 2026'!E10: amount "-" is not a number; row 10 skipped`);
    expect(problems[2]!.message['zh-CN']).toBe(`'GL 2026'!E10：金额"-"不是数字，已跳过第 10 行`);
  });

  it('reads accounting text (dash for zero, full-width digits) only when asked', () => {
    const grid = [rows[0]!, rows[3]!, { row: 12, cells: [46054, '6001', '１２', '—'] }];
    const { table, problems } = ingestGrid(grid, {}, { accountingText: true });
    expect(problems).toEqual([]);
    expect(Array.from(table.measures['amount']!)).toEqual([-500, 1200]);
    expect(ingestGrid(grid).problems.map((p) => [p.code, p.params['row']])).toEqual([
      ['ingest.badAmount', 10],
      ['ingest.badAmount', 12],
      ['ingest.empty', undefined],
    ]);
  });

  it('points grid-wide problems at the range read', () => {
    const { problems } = ingestGrid([{ row: 3, cells: ['When', 'What'] }, { row: 4, cells: [1, 2] }], { amount: 'Net' }, { origin: { sheet: 'S', col: 1 } });
    expect(problems[0]).toMatchObject({ code: 'ingest.missingColumn', path: 'S!B3:C4' });
  });

  it('matches mapped headers regardless of surrounding spaces', () => {
    const { problems, table } = ingestCsv('Date, Sales \n2026-01-01,5', { amount: ' Sales' });
    expect(problems).toEqual([]);
    expect(table.measures['amount']![0]).toBe(500);
  });
});
