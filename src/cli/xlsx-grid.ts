import ExcelJS from 'exceljs';
import { AppError } from '../core/errors';
import type { Cell, GridRow } from '../core/ingest';

type ExcelValue = ExcelJS.CellValue;

/** One worksheet as plain cells: formulas give their cached result, rich text its text, errors `{ error }`. */
export async function readXlsxGrid(path: string, sheetName?: string): Promise<{ rows: GridRow[]; sheet: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (err) {
    throw new AppError('io.read', { path, detail: err instanceof Error ? err.message : String(err) }, { cause: err });
  }
  const sheets = workbook.worksheets.filter((ws) => ws.state !== 'veryHidden');
  const ws = sheetName ? sheets.find((s) => s.name === sheetName) : sheets[0];
  if (!ws) {
    const detail = `sheet "${sheetName ?? ''}" not found; sheets are: ${sheets.map((s) => s.name).join(', ')}`;
    throw new AppError('io.read', { path, detail });
  }
  const rows: GridRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    // Merged cells read their master's value, so a date merged down a block applies to every row in it.
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(toCell(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  return { rows, sheet: ws.name };
}

function toCell(v: ExcelValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return toCell((v as { result?: ExcelValue }).result ?? null);
  if ('text' in v) return String(v.text);
  return null;
}
