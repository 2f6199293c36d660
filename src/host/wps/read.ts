import { cellAddress, formatA1, type Area, type CellValue, type SheetRef } from '../../core/a1';
import type { RangeRead, ReadOptions } from '../contract';
import { areaOfRange, toCellValue, valueRows } from './convert';
import { scanFills, scanFormats, scanHiddenRows, scanMerges } from './scan';
import type { WpsWorksheet } from './wps-types';

/** Cells per Value2 call: large reads go in row bands so no single transfer gets huge. */
const CELLS_PER_READ = 100_000;

const intersection = (a: Area, b: Area): Area | undefined => {
  const area = { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col), lastRow: Math.min(a.lastRow, b.lastRow), lastCol: Math.min(a.lastCol, b.lastCol) };
  return area.row <= area.lastRow && area.col <= area.lastCol ? area : undefined;
};

const gridOf = <T>(area: Area, fill: T): T[][] =>
  Array.from({ length: area.lastRow - area.row + 1 }, () => new Array<T>(area.lastCol - area.col + 1).fill(fill));

/** Copies a grid covering `part` into a grid covering `whole`. */
function embed<T>(whole: Area, into: T[][], part: Area, from: T[][]): void {
  from.forEach((cells, r) => cells.forEach((v, c) => (into[part.row - whole.row + r]![part.col - whole.col + c] = v)));
}

/** Value2 of an area in row bands, as rows. */
export function readValue2(sheet: WpsWorksheet, area: Area): unknown[][] {
  const cols = area.lastCol - area.col + 1;
  const band = Math.max(1, Math.floor(CELLS_PER_READ / cols));
  const rows: unknown[][] = [];
  for (let row = area.row; row <= area.lastRow; row += band) {
    const part = { ...area, row, lastRow: Math.min(area.lastRow, row + band - 1) };
    rows.push(...valueRows(sheet.Range(formatA1(part)).Value2, part.lastRow - part.row + 1, cols));
  }
  return rows;
}

/** Note text per cell: one pass over the sheet's comments where the host lists them, else cell by cell. */
function readNotes(sheet: WpsWorksheet, area: Area, used: Area | undefined): Array<Array<string | null>> {
  const notes = gridOf<string | null>(area, null);
  const comments = sheet.Comments;
  if (comments && typeof comments.Count === 'number') {
    for (let i = 1; i <= comments.Count; i += 1) {
      const comment = comments.Item(i);
      const at = areaOfRange(comment.Parent);
      if (at.row >= area.row && at.row <= area.lastRow && at.col >= area.col && at.col <= area.lastCol) notes[at.row - area.row]![at.col - area.col] = comment.Text();
    }
    return notes;
  }
  if (!used) return notes;
  for (let r = used.row; r <= used.lastRow; r += 1)
    for (let c = used.col; c <= used.lastCol; c += 1) notes[r - area.row]![c - area.col] = sheet.Range(cellAddress(r, c)).Comment?.Text() ?? null;
  return notes;
}

/**
 * One range: values, formats, hidden rows and merges (plus fills and notes with `styles`). Cells
 * outside the sheet's used range are blank, so values, formats and styles are read only where the
 * range meets it: binding a whole column does not read a million empty cells.
 */
export function readRange(sheet: WpsWorksheet, area: Area, options: ReadOptions & { notes: boolean }): RangeRead {
  const used = intersection(area, areaOfRange(sheet.UsedRange));
  const numberFormats = gridOf(area, 'General');
  const values = gridOf<CellValue>(area, null);
  if (used) {
    const formats = scanFormats(sheet, used);
    embed(area, numberFormats, used, formats);
    const raw = readValue2(sheet, used);
    const cells = raw.map((cells, r) =>
      cells.map((v, c) => toCellValue(v, formats[r]![c]!, () => sheet.Range(cellAddress(used.row + r, used.col + c)).Text)),
    );
    embed(area, values, used, cells);
  }
  const read: RangeRead = {
    ref: { sheet: sheet.Name, address: formatA1(area) } satisfies SheetRef,
    values,
    numberFormats,
    hiddenRows: scanHiddenRows(sheet, area),
    merges: scanMerges(sheet, area),
  };
  if (options.styles) {
    const fills = gridOf<string | null>(area, null);
    if (used) embed(area, fills, used, scanFills(sheet, used));
    read.fills = fills;
    read.notes = options.notes ? readNotes(sheet, area, used) : gridOf<string | null>(area, null);
  }
  return read;
}
