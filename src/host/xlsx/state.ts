import type ExcelJS from 'exceljs';
import { AppError } from '../../core/errors';
import type { RegistryState } from '../mark-registry';

/** The veryHidden sheet holding FinPulse's workbook-bound state; never listed, read or written as data. */
export const STATE_SHEET = '_finpulse';
const MARKER = 'FinPulse workbook state (JSON in the cells below). Do not edit.';
/** Excel's limit is 32,767 characters a cell; stay clear of it. */
const CHUNK = 32_000;

/** A cell's own fill and note exactly as ExcelJS holds them, so clearing a mark restores theme colours and rich notes. */
export interface CellLook {
  fill?: ExcelJS.Fill;
  note?: ExcelJS.Cell['note'];
}

export interface SavedState {
  settings: Record<string, unknown>;
  marks: RegistryState;
  /** By `Sheet!A1`, like the registry's originals. */
  looks: Record<string, CellLook>;
}

export const emptyState = (): SavedState => ({ settings: {}, marks: { marks: [], originals: {} }, looks: {} });

export const isStateSheet = (name: string): boolean => name.toLowerCase() === STATE_SHEET;

/** Reads the state sheet, if any; a damaged one fails the open rather than being silently dropped. */
export function readState(workbook: ExcelJS.Workbook, path: string): SavedState {
  const sheet = workbook.worksheets.find((ws) => isStateSheet(ws.name));
  if (!sheet) return emptyState();
  const chunks: string[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const v = sheet.findCell(r, 1)?.value;
    if (typeof v === 'string') chunks.push(v);
  }
  try {
    const parsed = JSON.parse(chunks.join('')) as Partial<SavedState>;
    if (!isObject(parsed.settings) || !isObject(parsed.marks) || !Array.isArray(parsed.marks.marks) || !isObject(parsed.marks.originals)) {
      throw new Error('unexpected shape');
    }
    return { settings: parsed.settings, marks: parsed.marks, looks: isObject(parsed.looks) ? parsed.looks : {} };
  } catch (err) {
    const detail = `the FinPulse state in the hidden sheet ${STATE_SHEET} is damaged (${err instanceof Error ? err.message : String(err)})`;
    throw new AppError('io.read', { path, detail }, { cause: err });
  }
}

/** Replaces the state sheet with the current state; an empty state leaves no sheet behind. */
export function writeState(workbook: ExcelJS.Workbook, state: SavedState): void {
  for (const ws of workbook.worksheets.filter((w) => isStateSheet(w.name))) workbook.removeWorksheet(ws.id);
  const empty = Object.keys(state.settings).length === 0 && state.marks.marks.length === 0 && Object.keys(state.looks).length === 0;
  if (empty) return;
  const sheet = workbook.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
  sheet.getCell(1, 1).value = MARKER;
  chunk(JSON.stringify(state)).forEach((text, i) => {
    sheet.getCell(i + 2, 1).value = text;
  });
}

/** Splits text into cell-sized pieces without cutting a surrogate pair in two. */
function chunk(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + CHUNK, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
