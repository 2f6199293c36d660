import { columnIndex, columnLetters, formatA1, formatRef, parseA1, parseRef } from './index';

describe('A1 addresses', () => {
  it.each([[0, 'A'], [25, 'Z'], [26, 'AA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']])('column %d is %s', (i, letters) => {
    expect(columnLetters(i)).toBe(letters);
    expect(columnIndex(letters)).toBe(i);
  });
  it('parses cells and ranges in either corner order, absolute or not', () => {
    expect(parseA1('B2')).toEqual({ row: 1, col: 1, lastRow: 1, lastCol: 1 });
    expect(parseA1('$D$10:b2')).toEqual({ row: 1, col: 1, lastRow: 9, lastCol: 3 });
    expect(formatA1(parseA1('D10:B2')!)).toBe('B2:D10');
  });
  it.each(['', 'A0', 'B', '1', 'A1:B2:C3', 'XFE1', 'A1048577', 'R1C1'])('rejects %p', (text) => {
    expect(parseA1(text)).toBeUndefined();
  });
  it('parses and formats sheet-qualified references', () => {
    expect(parseRef("'P&L ''26'!b2:c3")).toEqual({ sheet: "P&L '26", address: 'B2:C3' });
    expect(parseRef('Ledger!A1')).toEqual({ sheet: 'Ledger', address: 'A1' });
    expect(formatRef({ sheet: "P&L '26", address: 'B2' })).toBe("'P&L ''26'!B2");
    expect(formatRef({ sheet: 'Ledger', address: 'A1' })).toBe('Ledger!A1');
    expect(parseRef('no sheet')).toBeUndefined();
  });
});
