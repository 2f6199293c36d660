import type ExcelJS from 'exceljs';
import { parseA1, type Area } from '../../core/a1';
import { cellText } from '../guards';
import { cellValue } from './cells';

/**
 * The used range as Excel records it (the sheet's `<dimension>`): columns from every cell the file
 * holds, values or formatting alone; rows also from row records (custom height, hidden, row style).
 * Workbooks exported from Google Sheets therefore report A1:Z1000 however little they hold.
 */
export function usedArea(ws: ExcelJS.Worksheet): Area | undefined {
  let cols: [number, number] | undefined;
  let rows: [number, number] | undefined;
  for (let r = 1; r <= ws.rowCount; r += 1) {
    const row = ws.findRow(r);
    if (!row) continue;
    let first = 1;
    while (first <= row.cellCount && !row.findCell(first)) first += 1;
    const hasCells = first <= row.cellCount;
    if (hasCells) cols = cols ? [Math.min(cols[0], first - 1), Math.max(cols[1], row.cellCount - 1)] : [first - 1, row.cellCount - 1];
    if (hasCells || hasRowFormat(row)) rows = rows ? [rows[0], r - 1] : [r - 1, r - 1];
  }
  return cols && rows ? { row: rows[0], col: cols[0], lastRow: rows[1], lastCol: cols[1] } : undefined;
}

function hasRowFormat(row: ExcelJS.Row): boolean {
  const style = (row as unknown as { style?: object }).style; // ExcelJS types a row as a Style, not its style object
  return row.height !== undefined || row.hidden || (style !== undefined && Object.keys(style).length > 0);
}

/** Merged areas of a sheet, from ExcelJS's public model (its merge index is private). */
export function sheetMerges(ws: ExcelJS.Worksheet): Area[] {
  return ws.model.merges.map((m) => parseA1(m)).filter((a): a is Area => a !== undefined);
}

/** A table as ExcelJS holds it after loading (its `Table` type describes the options of `addTable`). */
export interface TableModel {
  name: string;
  tableRef?: string;
  headerRow?: boolean;
  autoFilterRef?: string;
  columns: Array<{ name: string; filterButton?: boolean }>;
}

export const tableModels = (ws: ExcelJS.Worksheet): TableModel[] =>
  (ws.getTables() as unknown as Array<{ table?: TableModel }>).map((t) => t.table).filter((t): t is TableModel => t !== undefined && Array.isArray(t.columns));

/** Header texts of a table: the header cells (what Excel shows), else the column names. */
export function tableHeaders(ws: ExcelJS.Worksheet, table: TableModel, area: Area): string[] {
  return table.columns.map((column, i) => {
    const text = table.headerRow ? cellText(cellValue(ws.findCell(area.row + 1, area.col + i + 1))) : '';
    return text || column.name;
  });
}

/**
 * ExcelJS reads a table without `headerRowCount` (Excel's default: one header row) as having none
 * and drops its filter buttons, then writes both back that way: the copy's table would lose its
 * header. A header row whose cells are the column names is a header row; buttons are shown.
 */
export function repairTables(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    for (const table of tableModels(ws)) {
      const area = table.tableRef ? parseA1(table.tableRef) : undefined;
      if (area && !table.headerRow) {
        const names = table.columns.map((c, i) => [c.name, cellText(cellValue(ws.findCell(area.row + 1, area.col + i + 1)))]);
        if (names.every(([name, cell]) => name === cell)) table.headerRow = true;
      }
      if (table.autoFilterRef) for (const c of table.columns) c.filterButton ??= true;
    }
  }
}

/**
 * Puts back the custom number format codes ExcelJS unescaped on reading (`yyyy\E` read as `yyyyE`).
 * Style objects are shared by every cell of one style, so each is fixed once.
 */
export function restoreFormatCodes(workbook: ExcelJS.Workbook, codes: ReadonlyMap<string, string>): void {
  if (codes.size === 0) return;
  const seen = new Set<Partial<ExcelJS.Style>>();
  const fix = (style: Partial<ExcelJS.Style> | undefined): void => {
    if (!style || seen.has(style)) return;
    seen.add(style);
    const raw = style.numFmt && codes.get(style.numFmt);
    if (raw) style.numFmt = raw;
  };
  for (const ws of workbook.worksheets) {
    for (const column of ws.columns ?? []) fix(column.style);
    for (let r = 1; r <= ws.rowCount; r += 1) {
      const row = ws.findRow(r);
      if (!row) continue;
      fix((row as unknown as { style?: Partial<ExcelJS.Style> }).style);
      for (let c = 1; c <= row.cellCount; c += 1) fix(row.findCell(c)?.style);
    }
  }
}

/** Why Excel would refuse a new sheet's name, or undefined when it is fine. */
export function sheetNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'a sheet name cannot be empty';
  if (name.length > 31) return `sheet name "${name}" is longer than 31 characters`;
  if (/[*?:/\\[\]]/.test(name)) return `sheet name "${name}" contains one of * ? : / \\ [ ]`;
  if (/^'|'$/.test(name)) return `sheet name "${name}" starts or ends with an apostrophe`;
  if (name.toLowerCase() === 'history') return 'Excel reserves the sheet name "History"';
  return undefined;
}
