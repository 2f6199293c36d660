import { cellAddress, formatA1, type Area } from '../../core/a1';
import { bgrToHex, areaOfRange, normalizeFormat } from './convert';
import { XL_NONE, type WpsRange, type WpsWorksheet } from './wps-types';

/** A property read over an area: the common value, or undefined when the cells differ. */
type UniformRead<T> = (area: Area) => { value: T } | undefined;

const rangeOf = (sheet: WpsWorksheet, area: Area): WpsRange => sheet.Range(formatA1(area));

/** Splits columns first: formats and fills usually run down a column, so columns come out uniform early. */
function halves(a: Area): [Area, Area] {
  if (a.lastCol > a.col) {
    const mid = Math.floor((a.col + a.lastCol) / 2);
    return [{ ...a, lastCol: mid }, { ...a, col: mid + 1 }];
  }
  const mid = Math.floor((a.row + a.lastRow) / 2);
  return [{ ...a, lastRow: mid }, { ...a, row: mid + 1 }];
}

/**
 * Reads a per-cell property with as few calls as the data allows. A multi-cell read answers null
 * when the cells differ, so only mixed parts are split: a column with one format costs one call,
 * not one per cell.
 */
export function scanUniform<T>(area: Area, read: UniformRead<T>, fallback: T): T[][] {
  const grid: T[][] = Array.from({ length: area.lastRow - area.row + 1 }, () => new Array<T>(area.lastCol - area.col + 1).fill(fallback));
  const visit = (a: Area): void => {
    const got = read(a);
    if (got) {
      for (let r = a.row; r <= a.lastRow; r += 1) grid[r - area.row]!.fill(got.value, a.col - area.col, a.lastCol - area.col + 1);
    } else if (a.row !== a.lastRow || a.col !== a.lastCol) {
      halves(a).forEach(visit);
    }
  };
  visit(area);
  return grid;
}

export function scanFormats(sheet: WpsWorksheet, area: Area): string[][] {
  return scanUniform(area, (a) => {
    const f = rangeOf(sheet, a).NumberFormat;
    return typeof f === 'string' ? { value: normalizeFormat(f) } : undefined;
  }, 'General');
}

/** Fill colour `#RRGGBB` or null per cell. No fill reads ColorIndex xlColorIndexNone (its Color is white). */
export function scanFills(sheet: WpsWorksheet, area: Area): Array<Array<string | null>> {
  return scanUniform<string | null>(area, (a) => {
    const interior = rangeOf(sheet, a).Interior;
    const index = interior.ColorIndex;
    if (index === XL_NONE || interior.Pattern === XL_NONE) return { value: null };
    if (typeof index !== 'number') return undefined;
    const color = interior.Color;
    return typeof color === 'number' ? { value: bgrToHex(color) } : undefined;
  }, null);
}

/**
 * Absolute 0-based hidden rows. A hidden row has RowHeight 0, and rows of equal height answer one
 * number, so a stretch with a positive common height has none hidden; `Hidden` true means all are
 * (whatever a build answers for mixed rows, null or false, the height check stays right).
 */
export function scanHiddenRows(sheet: WpsWorksheet, area: Area): number[] {
  const out: number[] = [];
  const visit = (first: number, last: number): void => {
    const rows = sheet.Range(`${cellAddress(first, area.col)}:${cellAddress(last, area.col)}`).EntireRow;
    const hidden = rows.Hidden;
    const height = rows.RowHeight;
    if (hidden === true || height === 0) {
      for (let r = first; r <= last; r += 1) out.push(r);
    } else if (first !== last && typeof height !== 'number') {
      const mid = Math.floor((first + last) / 2);
      visit(first, mid);
      visit(mid + 1, last);
    }
  };
  visit(area.row, area.lastRow);
  return out;
}

const contains = (outer: Area, inner: Area): boolean =>
  outer.row <= inner.row && outer.col <= inner.col && outer.lastRow >= inner.lastRow && outer.lastCol >= inner.lastCol;

/** Merged areas intersecting the area, whole (they may reach outside it), in reading order. */
export function scanMerges(sheet: WpsWorksheet, area: Area): string[] {
  const found = new Map<string, Area>();
  const visit = (a: Area): void => {
    const range = rangeOf(sheet, a);
    if (range.MergeCells === false) return;
    const merged = areaOfRange(sheet.Range(cellAddress(a.row, a.col)).MergeArea);
    const single = merged.row === merged.lastRow && merged.col === merged.lastCol;
    if (!single) found.set(formatA1(merged), merged);
    if (contains(merged, a) || (a.row === a.lastRow && a.col === a.lastCol)) return;
    halves(a).forEach(visit);
  };
  visit(area);
  return [...found.values()].sort((x, y) => x.row - y.row || x.col - y.col).map(formatA1);
}
