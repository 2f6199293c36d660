import { formatCell } from './number-format';

const serial = (iso: string): number => Date.parse(`${iso}Z`) / 86_400_000 + 25_569;
const text = (v: Parameters<typeof formatCell>[0], f?: string): string => formatCell(v, f).text;

describe('formatCell: numbers as Excel shows them', () => {
  it.each([
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [-1234.5, '#,##0.00;[Red]-#,##0.00', '-1,234.50'],
    [-1234.5, '#,##0_);(#,##0)', '(1,235)'],
    [0, '#,##0;-#,##0;"–"', '–'],
    [0.1234, '0.0%', '12.3%'],
    [0.5, '0%', '50%'],
    [1234567, '#,##0,', '1,235'],
    [12.5, '"¥"#,##0.00', '¥12.50'],
    [3.14159, '0.0##', '3.142'],
    [3.1, '0.0##', '3.1'],
    [0.25, '#.00', '.25'],
    [42, '@', '42'],
    [7, '000', '007'],
  ])('%p in %p is %p', (v, f, expected) => {
    expect(text(v, f)).toBe(expected);
  });

  it('colours a section with [Red] and right-aligns numbers', () => {
    expect(formatCell(-5, '0;[Red]-0')).toEqual({ text: '-5', align: 'right', color: '#E03C31' });
  });

  it('shows General like Excel: integers plain, fractions to 10 significant digits, huge numbers in E notation', () => {
    expect(text(7486)).toBe('7486');
    expect(text(0.1 + 0.2)).toBe('0.3');
    expect(text(123456789012345)).toBe('1.23457E+14');
  });
});

describe('formatCell: dates and times', () => {
  it.each([
    ['2025-11-30T00:00:00', 'yyyy-mm-dd', '2025-11-30'],
    ['2025-11-01T00:00:00', 'yyyy-mm', '2025-11'],
    ['2026-12-31T00:00:00', 'yyyy"年"m"月"d"日"', '2026年12月31日'],
    ['2026-01-05T00:00:00', 'mmm-yy', 'Jan-26'],
    ['2026-01-05T00:00:00', 'd mmmm yyyy', '5 January 2026'],
    ['2026-01-05T00:00:00', 'dddd', 'Monday'],
    ['2026-01-05T18:07:09', 'yyyy-mm-dd hh:mm:ss', '2026-01-05 18:07:09'],
    ['2026-01-05T18:07:00', 'h:mm AM/PM', '6:07 PM'],
    ['2026-01-05T00:00:00', 'm/d/yyyy', '1/5/2026'],
    ['2026-01-05T00:00:00', 'yyyy\\E', '2026E'],
  ])('%p in %p is %p', (iso, f, expected) => {
    expect(text(serial(iso), f)).toBe(expected);
  });
});

describe('formatCell: other values', () => {
  it('shows text, booleans and errors as they are', () => {
    expect(formatCell('总账', '#,##0')).toEqual({ text: '总账', align: 'left' });
    expect(formatCell(true)).toEqual({ text: 'TRUE', align: 'center' });
    expect(formatCell({ error: '#DIV/0!' })).toEqual({ text: '#DIV/0!', align: 'center' });
    expect(formatCell(null, '0.00')).toEqual({ text: '', align: 'left' });
  });
});
