import { createExcelHost, type ExcelHost, type ExcelHostDeps } from '../excel-host';
import type { CountingExcel } from './counting';

/** The Excel host over a counting fake, as the task pane would build it over Office. */
export function excelHostOver(excel: CountingExcel, extra: Partial<ExcelHostDeps> = {}): ExcelHost {
  return createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, settings: excel.settings, ...extra });
}
