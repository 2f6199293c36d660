import { amountFromNumber, formatMinor, parseAccountingAmount, parseAmount } from './index';

describe('parseAmount', () => {
  it.each([
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['-1,234.56', -123456],
    ['(1,234.56)', -123456],
    ['1234.56-', -123456],
    ['¥1,234.56', 123456],
    ['-¥12', -1200],
    ['+7', 700],
    ['.5', 50],
    ['1 234 567.8', 123456780],
    ['1.2e3', 120000],
    ['0', 0],
    ['-0.00', 0],
  ])('%s → %d cents', (text, minor) => {
    expect(parseAmount(text, 2)).toEqual({ minor, rounded: false });
  });

  it('rounds half away from zero and says so', () => {
    expect(parseAmount('1.005', 2)).toEqual({ minor: 101, rounded: true });
    expect(parseAmount('-1.005', 2)).toEqual({ minor: -101, rounded: true });
    expect(parseAmount('1.004', 2)).toEqual({ minor: 100, rounded: true });
    expect(parseAmount('1.000', 2)).toEqual({ minor: 100, rounded: false });
  });

  it.each(['', '#N/A', 'n/a', '--', 'abc', '1,23.4', '(12', '--5', '(-5)', '1.2.3', '12abc'])('rejects %p', (text) => {
    expect(parseAmount(text, 2)).toBeUndefined();
  });

  it('keeps doubles exact through their decimal text', () => {
    expect(amountFromNumber(1.005, 2)).toEqual({ minor: 101, rounded: true });
    expect(amountFromNumber(0.1 + 0.2, 2)).toEqual({ minor: 30, rounded: false });
    expect(amountFromNumber(27338.850000000002, 2)).toEqual({ minor: 2733885, rounded: false });
    expect(amountFromNumber(31133.024999999998, 2)).toEqual({ minor: 3113303, rounded: true });
    expect(amountFromNumber(1e21, 2)).toBeUndefined();
    expect(amountFromNumber(Number.NaN, 2)).toBeUndefined();
  });
});

describe('parseAccountingAmount (workbook cell text)', () => {
  it.each([
    ['1,234.56', 123456],
    ['(1,234.56)', -123456],
    ['-', 0],
    ['--', 0],
    ['—', 0],
    ['–', 0],
    [' $ - ', 0],
    ['¥ --', 0],
    ['12.5%', 13],
    ['(3%)', -3],
    ['-0.5 %', -1],
    ['１,２３４.５６', 123456],
    ['（１，２３４．５６）', -123456],
    ['￥１２', 1200],
    ['－８', -800],
    ['\u00a01 234.50\u00a0', 123450],
  ])('%p → %d cents', (text, minor) => {
    expect(parseAccountingAmount(text, 2)?.minor).toBe(minor);
  });

  it('moves the decimal point for percentages instead of dividing', () => {
    expect(parseAccountingAmount('12.5%', 4)).toEqual({ minor: 1250, rounded: false });
    expect(parseAccountingAmount('0.07%', 4)).toEqual({ minor: 7, rounded: false });
    expect(parseAccountingAmount('33.333%', 4)).toEqual({ minor: 3333, rounded: true });
    expect(parseAccountingAmount('12.5%', 2)).toEqual({ minor: 13, rounded: true });
  });

  it.each(['', '#N/A', 'abc', '--5', '-—-—', '%', '5%%', 'n/a'])('rejects %p', (text) => {
    expect(parseAccountingAmount(text, 2)).toBeUndefined();
  });

  it('leaves parseAmount strict', () => {
    expect(parseAmount('-', 2)).toBeUndefined();
    expect(parseAmount('12%', 2)).toBeUndefined();
  });
});

describe('formatMinor', () => {
  it('prints exact decimals', () => {
    expect(formatMinor(123456, 2)).toBe('1234.56');
    expect(formatMinor(-5, 2)).toBe('-0.05');
    expect(formatMinor(12345678901234567890n, 2)).toBe('123456789012345678.90');
    expect(formatMinor(42, 0)).toBe('42');
  });
});
