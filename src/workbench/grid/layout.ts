import type { Area } from '../../core/a1';
import type { MemorySheet } from '../../host/memory';
import { formatCell } from './number-format';

export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 24;
export const MIN_COL_WIDTH = 48;
export const MAX_COL_WIDTH = 320;
/** Rows and columns shown past the used range, as a spreadsheet shows empty cells to go on with. */
const SPARE_ROWS = 30;
const SPARE_COLS = 6;
/** Rows sampled for column widths: enough to see the data, cheap on a 100,000-row sheet. */
const WIDTH_SAMPLE_ROWS = 400;

/** Positions along one axis: `offsets[i]` is where item i starts, `offsets[count]` the total. */
export interface Axis {
  count: number;
  offsets: Float64Array;
}

export function makeAxis(count: number, size: (i: number) => number): Axis {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i += 1) offsets[i + 1] = offsets[i]! + size(i);
  return { count, offsets };
}

export const sizeOf = (axis: Axis, i: number): number => axis.offsets[i + 1]! - axis.offsets[i]!;

/** The item at a position (binary search; a hidden, zero-sized item is never the answer). */
export function indexAt(axis: Axis, position: number): number {
  let lo = 0;
  let hi = axis.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (axis.offsets[mid]! <= position) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** First and last items overlapping [start, start + length), with `overscan` more on each side. */
export function visibleSpan(axis: Axis, start: number, length: number, overscan: number): [number, number] {
  if (axis.count === 0) return [0, -1];
  return [Math.max(0, indexAt(axis, start) - overscan), Math.min(axis.count - 1, indexAt(axis, start + length) + overscan)];
}

/** What the grid needs of a sheet, computed once per change of the sheet. */
export interface SheetLayout {
  rows: Axis;
  cols: Axis;
  /** Merged areas by every cell they cover (`cellKey`): what the renderer asks of each cell. */
  merges: Map<number, Area>;
  /** The same merged areas as a list: what selection asks of a whole area. */
  mergedAreas: readonly Area[];
  rowHeaderWidth: number;
}

export const cellKey = (row: number, col: number): number => row * 16_384 + col;

export function layoutSheet(sheet: MemorySheet): SheetLayout {
  const used = sheet.usedArea();
  const rowCount = Math.max(100, (used?.lastRow ?? 0) + 1 + SPARE_ROWS);
  const colCount = Math.max(26, (used?.lastCol ?? 0) + 1 + SPARE_COLS);
  const merges = new Map<number, Area>();
  for (const m of sheet.merges) {
    for (let r = m.row; r <= m.lastRow; r += 1) for (let c = m.col; c <= m.lastCol; c += 1) merges.set(cellKey(r, c), m);
  }
  const widths = columnWidths(sheet, colCount, Math.min(rowCount, WIDTH_SAMPLE_ROWS), merges);
  return {
    rows: makeAxis(rowCount, (r) => (sheet.hiddenRows.has(r) ? 0 : ROW_HEIGHT)),
    cols: makeAxis(colCount, (c) => widths[c]!),
    merges,
    mergedAreas: [...sheet.merges],
    rowHeaderWidth: 16 + 8 * String(rowCount).length,
  };
}

/**
 * Widths from the longest text in the sampled rows (CJK counts double). Merged titles and text that
 * spills into an empty cell on its right (as Excel shows it) do not widen a column.
 */
function columnWidths(sheet: MemorySheet, cols: number, sampleRows: number, merges: ReadonlyMap<number, Area>): number[] {
  const chars = new Array<number>(cols).fill(0);
  for (let r = 0; r < sampleRows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      const cell = sheet.get(r, c);
      if (!cell || merges.has(cellKey(r, c)) || spills(sheet, r, c)) continue;
      const { text } = formatCell(cell.value, cell.format);
      chars[c] = Math.max(chars[c]!, displayWidth(text));
    }
  }
  return chars.map((n) => Math.min(MAX_COL_WIDTH, Math.max(n === 0 ? 72 : MIN_COL_WIDTH, n * 7 + 14)));
}

const displayWidth = (text: string): number => {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return n;
};

/** Text overflows into the next cell when that cell is empty, as in Excel (numbers never do). */
export function spills(sheet: MemorySheet, row: number, col: number): boolean {
  const cell = sheet.get(row, col);
  const next = sheet.get(row, col + 1);
  return typeof cell?.value === 'string' && (next === undefined || (next.value === null && !next.fill));
}
