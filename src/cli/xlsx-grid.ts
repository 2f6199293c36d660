import { formatA1, parseA1, type Area } from '../core/a1';
import { AppError } from '../core/errors';
import type { Cell, GridRow } from '../core/ingest';
import { isDateFormat, openXlsxHost, serialToDate } from '../host/xlsx';
import type { RangeRead } from '../host/contract';

/**
 * One worksheet as grid rows for ingest, read through the xlsx host (the one ExcelJS path):
 * the first visible sheet unless named. Cells shown as dates become dates, and a merged cell's
 * value fills its whole area, so a date merged down a block applies to every row in it.
 */
export async function readXlsxGrid(path: string, sheetName?: string): Promise<{ rows: GridRow[]; sheet: string }> {
  const host = await openXlsxHost(path);
  const sheets = await host.listSheets();
  const info = sheetName === undefined ? sheets.find((s) => s.visible) : sheets.find((s) => s.name === sheetName);
  if (!info) {
    const detail = `sheet "${sheetName ?? ''}" not found; sheets are: ${sheets.map((s) => s.name).join(', ')}`;
    throw new AppError('io.read', { path, detail });
  }
  const used = info.used ? parseA1(info.used) : undefined;
  if (!used) return { rows: [], sheet: info.name };
  // From A1, so cells[0] is column A and row numbers are the sheet's.
  const area: Area = { row: 0, col: 0, lastRow: used.lastRow, lastCol: used.lastCol };
  const [read] = await host.readRanges([{ sheet: info.name, address: formatA1(area) }]);
  const cells = gridCells(read!);
  const rows: GridRow[] = [];
  cells.forEach((row, r) => {
    if (row.some((c) => c !== null)) rows.push({ row: r + 1, cells: row });
  });
  return { rows, sheet: info.name };
}

function gridCells(read: RangeRead): Cell[][] {
  const cells: Cell[][] = read.values.map((row, r) =>
    row.map((v, c) => (typeof v === 'number' && isDateFormat(read.numberFormats[r]![c]!) ? serialToDate(v) : v)),
  );
  for (const m of read.merges.map((a) => parseA1(a)!)) {
    const master = cells[m.row]?.[m.col] ?? null;
    for (let r = m.row; r <= m.lastRow && r < cells.length; r += 1) {
      for (let c = m.col; c <= m.lastCol && c < cells[r]!.length; c += 1) cells[r]![c] = master;
    }
  }
  return cells;
}
