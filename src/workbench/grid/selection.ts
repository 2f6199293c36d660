import type { Area } from '../../core/a1';
import { sizeOf, type SheetLayout } from './layout';

export interface Cell {
  row: number;
  col: number;
}

/** The anchor stays where the selection began; the active cell moves with the mouse or the keys. */
export interface GridSelection {
  anchor: Cell;
  active: Cell;
}

export const selectCell = (cell: Cell): GridSelection => ({ anchor: cell, active: cell });

/** The selected area: anchor to active, grown to whole merged cells as Excel does. */
export function selectedArea(sel: GridSelection, layout: Pick<SheetLayout, 'mergedAreas'>): Area {
  const area: Area = {
    row: Math.min(sel.anchor.row, sel.active.row),
    col: Math.min(sel.anchor.col, sel.active.col),
    lastRow: Math.max(sel.anchor.row, sel.active.row),
    lastCol: Math.max(sel.anchor.col, sel.active.col),
  };
  // Growing to one merged cell can reach another: repeat until nothing grows (merges are few).
  let grew = true;
  while (grew) {
    grew = false;
    for (const m of layout.mergedAreas) {
      const overlaps = m.row <= area.lastRow && m.lastRow >= area.row && m.col <= area.lastCol && m.lastCol >= area.col;
      const inside = m.row >= area.row && m.lastRow <= area.lastRow && m.col >= area.col && m.lastCol <= area.lastCol;
      if (!overlaps || inside) continue;
      Object.assign(area, { row: Math.min(area.row, m.row), col: Math.min(area.col, m.col), lastRow: Math.max(area.lastRow, m.lastRow), lastCol: Math.max(area.lastCol, m.lastCol) });
      grew = true;
    }
  }
  return area;
}

export type GridKey = { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean };

/**
 * The selection after a key, or undefined when the key is not the grid's. Arrows move (Shift
 * extends), Tab and Enter step right and down (Shift back), Ctrl+Home goes to A1. Hidden rows are
 * stepped over.
 */
export function keySelection(sel: GridSelection, e: GridKey, layout: SheetLayout): GridSelection | undefined {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && e.key === 'Home') return selectCell({ row: firstShownRow(layout, 0, 1), col: 0 });
  const step: Record<string, [number, number, boolean]> = {
    ArrowUp: [-1, 0, e.shiftKey],
    ArrowDown: [1, 0, e.shiftKey],
    ArrowLeft: [0, -1, e.shiftKey],
    ArrowRight: [0, 1, e.shiftKey],
    Tab: [0, e.shiftKey ? -1 : 1, false],
    Enter: [e.shiftKey ? -1 : 1, 0, false],
  };
  const move = step[e.key];
  if (!move) return undefined;
  const [dRow, dCol, extend] = move;
  const from = sel.active;
  const row = dRow === 0 ? from.row : firstShownRow(layout, from.row + dRow, dRow);
  const col = Math.min(layout.cols.count - 1, Math.max(0, from.col + dCol));
  const active = { row, col };
  return extend ? { anchor: sel.anchor, active } : selectCell(active);
}

/** The nearest row from `row` in direction `dir` that is not hidden, kept inside the sheet. */
function firstShownRow(layout: SheetLayout, row: number, dir: number): number {
  let r = row;
  while (r >= 0 && r < layout.rows.count && sizeOf(layout.rows, r) === 0) r += dir;
  if (r < 0 || r >= layout.rows.count) return firstShownRow(layout, Math.min(layout.rows.count - 1, Math.max(0, row - dir)), -dir);
  return r;
}
