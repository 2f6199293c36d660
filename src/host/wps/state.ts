import { AppError } from '../../core/errors';
import type { RegistryState } from '../mark-registry';
import { valueRows } from './convert';
import { XL_SHEET_VERY_HIDDEN, type WpsWorkbook, type WpsWorksheet } from './wps-types';

/**
 * Workbook-bound state (settings and the mark registry) lives in the workbook, so it travels with
 * the file: as JSON in column A of a very hidden sheet. Why a sheet rather than custom document
 * properties: a property holds at most 255 characters (a registry of a few hundred marks would need
 * hundreds of them, listed in File > Properties for every reader), while a cell holds 32,767 and the
 * whole document is read or written in one Value2 call. Very hidden sheets cannot be unhidden from
 * the UI; the adapter hides this one from every listing and refuses to read or write it as data.
 */
export const STATE_SHEET = '_FinPulse';
const CHUNK = 30_000;

export interface WorkbookState {
  settings: Record<string, unknown>;
  marks: RegistryState;
}

export const isStateSheet = (name: string): boolean => name.toLowerCase() === STATE_SHEET.toLowerCase();

export function findStateSheet(book: WpsWorkbook): WpsWorksheet | undefined {
  const sheets = book.Worksheets;
  for (let i = 1; i <= sheets.Count; i += 1) {
    const sheet = sheets.Item(i);
    if (isStateSheet(sheet.Name)) return sheet;
  }
  return undefined;
}

/** Rows of column A in use (the used range of this sheet always starts at A1). */
function usedRows(sheet: WpsWorksheet): number {
  const used = sheet.UsedRange;
  return used.Row - 1 + used.Rows.Count;
}

export function readState(book: WpsWorkbook): WorkbookState {
  const empty: WorkbookState = { settings: {}, marks: { marks: [], originals: {} } };
  const sheet = findStateSheet(book);
  if (!sheet) return empty;
  const rows = usedRows(sheet);
  const text = valueRows(sheet.Range(`A1:A${rows}`).Value2, rows, 1)
    .map(([v]) => (typeof v === 'string' ? v : ''))
    .join('');
  if (text === '') return empty;
  try {
    const doc = JSON.parse(text) as Partial<WorkbookState> & { v?: number };
    return { settings: doc.settings ?? {}, marks: doc.marks ?? empty.marks };
  } catch (cause) {
    throw new AppError('host.failed', { detail: `FinPulse's saved state in the hidden sheet ${STATE_SHEET} is unreadable` }, { cause });
  }
}

/** Splits text into cell-sized chunks without cutting a surrogate pair in two. */
function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + CHUNK, text.length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** Creates the state sheet at the end, very hidden, leaving the user's active sheet active. */
function createStateSheet(book: WpsWorkbook): WpsWorksheet {
  const active = book.ActiveSheet;
  const sheets = book.Worksheets;
  const sheet = sheets.Add(undefined, sheets.Item(sheets.Count));
  sheet.Name = STATE_SHEET;
  active?.Activate();
  sheet.Visible = XL_SHEET_VERY_HIDDEN;
  return sheet;
}

export function writeState(book: WpsWorkbook, state: WorkbookState): void {
  const parts = chunks(JSON.stringify({ v: 1, settings: state.settings, marks: state.marks }));
  const existing = findStateSheet(book);
  const before = existing ? usedRows(existing) : 0;
  const sheet = existing ?? createStateSheet(book);
  const target = sheet.Range(`A1:A${parts.length}`);
  target.NumberFormat = '@'; // a chunk may start with `-` or `=`: stored as text, never parsed
  target.Value2 = parts.map((p) => [p]);
  if (before > parts.length) {
    const stale = sheet.Range(`A${parts.length + 1}:A${before}`);
    stale.ClearContents();
    stale.NumberFormat = 'General';
  }
}
