import type ExcelJS from 'exceljs';
import { cellAddress, formatA1, parseA1, type Area, type SheetRef } from '../../core/a1';

/** A sheet view as ExcelJS reads and writes it; `tabSelected` is in its model but not in its types. */
type SheetView = Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };

/** ExcelJS's own default for a workbook without a window (book view). */
const DEFAULT_BOOK_VIEW: ExcelJS.WorkbookView = { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 0, visibility: 'visible' };

/** The active cell the workbook was saved with, on its active sheet. */
export function savedSelection(workbook: ExcelJS.Workbook, sheets: readonly ExcelJS.Worksheet[]): SheetRef | undefined {
  const active = workbook.worksheets[workbook.views?.[0]?.activeTab ?? 0];
  if (!active || !sheets.includes(active)) return undefined;
  const cell = active.views?.[0]?.activeCell;
  const area = cell ? parseA1(cell) : undefined;
  return area ? { sheet: active.name, address: formatA1(area) } : undefined;
}

/**
 * Makes a saved copy open on `ws` with the area's top-left cell active. ExcelJS writes a single
 * active cell per sheet (its `sqref` is that cell), so a range opens at its first cell. Only this
 * sheet's tab stays selected: two selected tabs open as a sheet group, where typing edits both.
 */
export function openAt(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, area: Area): void {
  const tab = workbook.worksheets.indexOf(ws);
  const [book = DEFAULT_BOOK_VIEW, ...windows] = workbook.views ?? [];
  workbook.views = [{ ...book, activeTab: tab, firstSheet: Math.min(book.firstSheet ?? 0, tab) }, ...windows];
  for (const other of workbook.worksheets) {
    const [first, ...rest] = (other.views ?? []) as SheetView[];
    // ExcelJS writes the active cell only for a view with a state.
    const view: SheetView | undefined =
      other === ws ? { state: 'normal', ...first, tabSelected: true, activeCell: cellAddress(area.row, area.col) } : first?.tabSelected ? { ...first, tabSelected: false } : undefined;
    if (view) other.views = [view, ...rest];
  }
}
