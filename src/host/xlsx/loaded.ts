import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors';
import type { WorkbookHost } from '../contract';
import type { PackageFacts } from './package-facts';
import { repairTables, restoreFormatCodes } from './sheets';
import { readState, type SavedState } from './state';
import { createWorkbookHost } from './xlsx-host';

/**
 * Parses .xlsx bytes with ExcelJS. Shared by the CLI (Node's ExcelJS) and the workbench (ExcelJS's
 * browser build): `path` only names the file in the error.
 */
export async function parseWorkbook(data: Uint8Array, path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
    return workbook;
  } catch (err) {
    const detail = `not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)})`;
    throw new AppError('io.read', { path, detail }, { cause: err });
  }
}

/** The host over a parsed workbook: format codes and tables repaired, FinPulse's saved state read. */
export function hostOverWorkbook(workbook: ExcelJS.Workbook, facts: PackageFacts, path: string): { host: WorkbookHost; state: SavedState } {
  restoreFormatCodes(workbook, facts.formats);
  repairTables(workbook);
  const state = readState(workbook, path);
  return { host: createWorkbookHost(workbook, facts, state), state };
}
