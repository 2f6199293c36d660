import type { CellMark } from './contract';
import { findingRange } from './reveal';

const mark = (findingId: string, sheet: string, address: string): CellMark => ({ findingId, sheet, address, severity: 'warning', note: 'n' });

describe('findingRange: where a finding is shown', () => {
  const marks = [mark('a', 'FinPulse', 'D7'), mark('b', 'Ledger', 'C2:C3'), mark('b', 'Ledger', 'E5'), mark('b', 'P&L', 'A1'), mark('c', 'Ledger', 'B9')];

  it('is the one cell a finding marked', () => {
    expect(findingRange(marks, 'a')).toEqual({ sheet: 'FinPulse', address: 'D7' });
  });

  it('spans the marks on the sheet of its first mark, leaving marks on other sheets out', () => {
    expect(findingRange(marks, 'b')).toEqual({ sheet: 'Ledger', address: 'C2:E5' });
  });

  it('is undefined for a finding that marked nothing', () => {
    expect(findingRange(marks, 'zzz')).toBeUndefined();
    expect(findingRange([], 'a')).toBeUndefined();
  });
});
