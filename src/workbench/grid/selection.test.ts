import { formatA1, parseA1 } from '../../core/a1';
import { MemorySheet } from '../../host/memory';
import { indexAt, layoutSheet, ROW_HEIGHT, visibleSpan } from './layout';
import { keySelection, selectCell, selectedArea, type GridKey, type GridSelection } from './selection';

function sheet(): MemorySheet {
  const s = new MemorySheet('S');
  for (let r = 0; r < 200; r += 1) s.set(r, 0, { value: r });
  s.set(0, 1, { value: 'a long title that is merged across' });
  s.merges.push(parseA1('B1:D2')!);
  s.hiddenRows.add(5);
  s.hiddenRows.add(6);
  return s;
}
const key = (k: string, mods: Partial<GridKey> = {}): GridKey => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, ...mods });
const at = (a1: string): GridSelection => {
  const a = parseA1(a1)!;
  return { anchor: { row: a.row, col: a.col }, active: { row: a.lastRow, col: a.lastCol } };
};

describe('grid layout', () => {
  const layout = layoutSheet(sheet());
  it('gives hidden rows no height and finds rows by position', () => {
    expect(layout.rows.offsets[6]).toBe(layout.rows.offsets[5]);
    expect(indexAt(layout.rows, ROW_HEIGHT * 5 + 1)).toBe(7);
    expect(indexAt(layout.rows, 0)).toBe(0);
    expect(layout.rows.count).toBe(230);
  });
  it('spans only the visible rows, plus overscan', () => {
    expect(visibleSpan(layout.rows, ROW_HEIGHT * 100, ROW_HEIGHT * 10, 2)).toEqual([100, 114]);
  });
  it('does not widen a column for a merged title', () => {
    expect(layout.cols.offsets[2]! - layout.cols.offsets[1]!).toBeLessThan(100);
  });
});

describe('grid selection', () => {
  const layout = layoutSheet(sheet());
  const area = (sel: GridSelection | undefined): string => formatA1(selectedArea(sel!, layout));
  it('moves with arrows, extends with Shift, steps with Tab and Enter', () => {
    expect(area(keySelection(at('A3'), key('ArrowDown'), layout))).toBe('A4');
    expect(area(keySelection(at('A3'), key('ArrowRight', { shiftKey: true }), layout))).toBe('A3:B3');
    expect(area(keySelection(at('B3'), key('Tab'), layout))).toBe('C3');
    expect(area(keySelection(at('B3'), key('Tab', { shiftKey: true }), layout))).toBe('A3');
    expect(area(keySelection(at('B3'), key('Enter'), layout))).toBe('B4');
    expect(area(keySelection(at('C9'), key('Home', { ctrlKey: true }), layout))).toBe('A1');
    expect(keySelection(at('A1'), key('x'), layout)).toBeUndefined();
  });
  it('stays inside the sheet and steps over hidden rows', () => {
    expect(area(keySelection(at('A1'), key('ArrowUp'), layout))).toBe('A1');
    expect(area(keySelection(at('A1'), key('ArrowLeft'), layout))).toBe('A1');
    expect(area(keySelection(at('A5'), key('ArrowDown'), layout))).toBe('A8');
    expect(area(keySelection(at('A8'), key('ArrowUp'), layout))).toBe('A5');
  });
  it('grows to whole merged cells', () => {
    expect(area(selectCell({ row: 1, col: 2 }))).toBe('B1:D2');
    expect(area(at('A2:B3'))).toBe('A1:D3');
  });
});
