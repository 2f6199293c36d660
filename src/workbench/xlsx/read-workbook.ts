import { copyToMemory, type MemoryWorkbook } from '../../host/memory';
import { openXlsxBytes } from '../../host/xlsx/browser';

/**
 * .xlsx bytes → the workbench's MemoryWorkbook: values, number formats, fills, notes, merges,
 * hidden rows, names and tables through the CLI's own ExcelJS conversion (`copyToMemory` over the
 * xlsx host), plus the bindings and marks FinPulse saved in the file. This module and ExcelJS load
 * as a separate chunk, only when a workbook is opened.
 */
export async function readWorkbookBytes(bytes: Uint8Array, name: string): Promise<MemoryWorkbook> {
  const { host, state } = await openXlsxBytes(bytes, name);
  const book = await copyToMemory(host);
  book.settings = structuredClone(state.settings);
  book.marks = structuredClone(state.marks);
  return book;
}
