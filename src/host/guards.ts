import { formatA1, formatRef, parseA1, type Area, type CellValue, type SheetRef } from '../core/a1';
import { AppError } from '../core/errors';
import type { WriteBlock } from './contract';

const CREDENTIAL_KEY = /pass(word)?|secret|token|api[-_]?key|credential|private[-_]?key|authorization/i;

/** Workbooks are e-mailed around: a setting that looks like a credential is refused, at any depth. */
export function assertNoCredentials(patch: Readonly<Record<string, unknown>>, path = ''): void {
  for (const [key, value] of Object.entries(patch)) {
    if (CREDENTIAL_KEY.test(key)) throw new AppError('host.credentials', { key: `${path}${key}` });
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) assertNoCredentials(value as Record<string, unknown>, `${path}${key}.`);
  }
}

/** Parses an address or throws the located AppError every adapter reports. */
export function areaOf(ref: SheetRef): Area {
  const area = parseA1(ref.address);
  if (!area) throw new AppError('host.badAddress', { address: `${ref.sheet}!${ref.address}` });
  return area;
}

/**
 * A hidden sheet cannot be shown or selected (Office and WPS refuse to activate it). The message
 * says where the cell is and how to get there, so the user can still find it.
 */
export const hiddenSheet = (ref: SheetRef): AppError =>
  new AppError('host.failed', { detail: `the sheet "${ref.sheet}" is hidden, so ${formatRef(ref)} cannot be shown; unhide it (right-click a sheet tab › Unhide) to see it`, sheet: ref.sheet });

/** The area a block covers, after checking it is rectangular. */
export function blockArea(block: WriteBlock): Area {
  const at = areaOf({ sheet: block.sheet, address: block.at });
  const width = block.values.reduce((w, r) => Math.max(w, r.length), 0); // no spread: 200,000 rows overflow the stack
  block.values.forEach((r, i) => {
    if (r.length !== width) throw new AppError('host.raggedBlock', { sheet: block.sheet, address: block.at, row: i + 1, got: r.length, expected: width });
  });
  const area = { row: at.row, col: at.col, lastRow: at.row + Math.max(block.values.length, 1) - 1, lastCol: at.col + Math.max(width, 1) - 1 };
  // A block running past the last row or column cannot be written by any spreadsheet.
  if (area.lastRow >= 1_048_576 || area.lastCol >= 16_384) throw new AppError('host.badAddress', { address: `${block.sheet}!${block.at}` });
  return area;
}

/** Text a spreadsheet would turn into a formula if typed; hosts must store it as text. */
export const looksLikeFormula = (v: CellValue): v is string => typeof v === 'string' && /^[=+\-@]/.test(v);

export const areaAddress = formatA1;

export function intersects(a: Area, b: Area): boolean {
  return a.row <= b.lastRow && b.row <= a.lastRow && a.col <= b.lastCol && b.col <= a.lastCol;
}

/** Every cell (row, col) of an area, row by row. */
export function* cellsOf(area: Area): Generator<[number, number]> {
  for (let r = area.row; r <= area.lastRow; r += 1) for (let c = area.col; c <= area.lastCol; c += 1) yield [r, c];
}

/** A cell as text, e.g. for table headers: errors give their code, blanks ''. */
export const cellText = (v: CellValue): string => (v === null ? '' : typeof v === 'object' ? v.error : String(v));
