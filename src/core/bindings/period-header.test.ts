import { readHeaderPeriod, type HeaderPeriod } from './index';
import { daysFromCivil } from '../periods';

const key = (k: string): HeaderPeriod => ({ kind: 'key', key: k });

describe('readHeaderPeriod', () => {
  it.each([
    ['Jan 2026', '2026-01'],
    ['January 2026', '2026-01'],
    ['Jan-26', '2026-01'],
    ["Sept '26", '2026-09'],
    ['2026 Mar', '2026-03'],
    ['2026-01', '2026-01'],
    ['2026/1', '2026-01'],
    ['2026.12', '2026-12'],
    ['2026年1月', '2026-01'],
    ['２０２６年１２月', '2026-12'],
    ['01/2026', '2026-01'],
    ['Mar-23A', '2023-03'],
    ['FY26 Q1', '2026-Q1'],
    ['FY2026-Q2', '2026-Q2'],
    ['2026-Q1', '2026-Q1'],
    ['2026 Q3', '2026-Q3'],
    ['2026Q4', '2026-Q4'],
    ['Q1 2026', '2026-Q1'],
    ['Q2-26', '2026-Q2'],
    ['Q3 FY26', '2026-Q3'],
    ['2026年第一季度', '2026-Q1'],
    ['2026年Q2', '2026-Q2'],
    ['2026', '2026'],
    ['FY26', '2026'],
    ['FY 2027', '2027'],
    ['2026年', '2026'],
    ['2026年度', '2026'],
    ['2023E', '2023'],
    [2026, '2026'],
  ])('%p is the period %s', (header, k) => {
    expect(readHeaderPeriod(header)).toEqual(key(k));
  });

  it.each([
    ['Jan', 1],
    ['january', 1],
    ['Sep', 9],
    ['Sept.', 9],
    ['DEC', 12],
    ['1月', 1],
    ['12月', 12],
    ['１２月', 12],
    ['三月', 3],
    ['十二月份', 12],
  ])('%p is a month without a year', (header, month) => {
    expect(readHeaderPeriod(header)).toEqual({ kind: 'month', month });
  });

  it.each([
    ['Q1', 1],
    ['q4', 4],
    ['第二季度', 2],
  ])('%p is a quarter without a year', (header, quarter) => {
    expect(readHeaderPeriod(header)).toEqual({ kind: 'quarter', quarter });
  });

  it('reads Excel date serials and full date text as dates', () => {
    expect(readHeaderPeriod(46053)).toEqual({ kind: 'date', day: daysFromCivil(2026, 1, 31) });
    expect(readHeaderPeriod(46053.75)).toEqual({ kind: 'date', day: daysFromCivil(2026, 1, 31) });
    expect(readHeaderPeriod('2026-03-31')).toEqual({ kind: 'date', day: daysFromCivil(2026, 3, 31) });
    expect(readHeaderPeriod('2026年3月31日')).toEqual({ kind: 'date', day: daysFromCivil(2026, 3, 31) });
  });

  it.each(['Total', 'FY Total', 'Notes', 'Var %', 'Account', '合计', '', 'Budget 2026', 'Q5 2026', '13月', 'Janvier', 12, 1500.5, 3_000_000, true, null, { error: '#REF!' }])(
    '%p is not a period',
    (header) => {
      expect(readHeaderPeriod(header)).toBeUndefined();
    },
  );
});
