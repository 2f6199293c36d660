import { amountFromNumber, formatMinor, parseAmount } from './index';

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

describe('formatMinor', () => {
  it('prints exact decimals', () => {
    expect(formatMinor(123456, 2)).toBe('1234.56');
    expect(formatMinor(-5, 2)).toBe('-0.05');
    expect(formatMinor(12345678901234567890n, 2)).toBe('123456789012345678.90');
    expect(formatMinor(42, 0)).toBe('42');
  });
});
