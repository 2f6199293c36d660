import type { Area, CellValue } from '../../core/a1';
import { AppError } from '../../core/errors';
import type { WpsRange } from './wps-types';

/**
 * A cell error crosses COM as a VT_ERROR whose code is 0x800A0000 + the XlCVError number (#N/A is
 * 2042, so -2146826246 as a signed 32-bit integer); JavaScript sees a plain number.
 */
const COM_ERROR_BASE = -2146828288;

/** XlCVError numbers and the text each error shows in a cell. */
const XL_ERRORS: ReadonlyArray<readonly [number, string]> = [
  [2000, '#NULL!'], [2007, '#DIV/0!'], [2015, '#VALUE!'], [2023, '#REF!'], [2029, '#NAME?'],
  [2036, '#NUM!'], [2042, '#N/A'], [2043, '#GETTING_DATA'], [2045, '#SPILL!'], [2046, '#CONNECT!'],
  [2047, '#BLOCKED!'], [2048, '#UNKNOWN!'], [2049, '#FIELD!'], [2050, '#CALC!'],
];
const ERROR_BY_CODE = new Map(XL_ERRORS.map(([n, text]) => [COM_ERROR_BASE + n, text]));
const ERROR_TEXTS = new Set(XL_ERRORS.map(([, text]) => text));

/** The error a Value2 number stands for, when it is one of the COM error codes. */
export const errorOfCode = (v: number): string | undefined => ERROR_BY_CODE.get(v);
export const isErrorText = (text: string): boolean => ERROR_TEXTS.has(text);

/** WPS zh-CN builds may report the General format under its local name. */
export const normalizeFormat = (format: string): string => (format === 'G/通用格式' || format === '常规' ? 'General' : format);

/** Interior.Color is BGR (0x00BBGGRR, as VBA's RGB()); FinPulse speaks `#RRGGBB`. */
export function bgrToHex(bgr: number): string {
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  return `#${hex(bgr & 0xff)}${hex((bgr >> 8) & 0xff)}${hex((bgr >> 16) & 0xff)}`.toUpperCase();
}

export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new AppError('host.failed', { detail: `"${hex}" is not a #RRGGBB colour` });
  return parseInt(m[1]!, 16) | (parseInt(m[2]!, 16) << 8) | (parseInt(m[3]!, 16) << 16);
}

/** The area of a host range from its 1-based first row/column and its size (works for whole rows and columns too). */
export function areaOfRange(range: WpsRange): Area {
  const row = range.Row - 1;
  const col = range.Column - 1;
  return { row, col, lastRow: row + range.Rows.Count - 1, lastCol: col + range.Columns.Count - 1 };
}

/**
 * Value2 as rows: one cell answers a scalar, several a 2-D array (VBA's 1-based SAFEARRAY arrives
 * as a 0-based array of rows). Some bridges flatten a single row or column to 1-D: accept that too.
 */
export function valueRows(raw: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(raw)) {
    if (rows === 1 && cols === 1) return [[raw]];
  } else if (raw.length === rows && raw.every((r) => Array.isArray(r) && r.length === cols)) {
    return raw as unknown[][];
  } else if (raw.every((v) => !Array.isArray(v))) {
    if (rows === 1 && raw.length === cols) return [raw as unknown[]];
    if (cols === 1 && raw.length === rows) return (raw as unknown[]).map((v) => [v]);
  }
  throw new AppError('host.failed', { detail: `Value2 of a ${rows}×${cols} range had an unexpected shape` });
}

/**
 * One Value2 item as a FinPulse cell. A number that is a COM error code is an error only when the
 * cell shows that error (`textOf`), because a real number could in principle equal the code. A
 * string such as `#N/A` is an error unless the cell is text-formatted: typed into a General cell,
 * the spreadsheet turns it into the error value itself.
 */
export function toCellValue(v: unknown, format: string, textOf: () => unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    const error = errorOfCode(v);
    if (error === undefined) return v;
    const shown = textOf();
    return typeof shown === 'string' && !isErrorText(shown) && shown.trim() !== '' && !/^#+$/.test(shown) ? v : { error };
  }
  if (typeof v === 'string') return isErrorText(v) && format !== '@' ? { error: v } : v;
  if (v instanceof Date) return serialOf(v); // Value2 answers serials; a bridge that hands a Date gets the same number
  if (typeof v === 'bigint') return Number(v);
  return null; // no other kind of cell value exists
}

/** A date as a 1900-system serial number, from its local wall-clock fields. */
function serialOf(d: Date): number {
  const utc = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
  return (utc - Date.UTC(1899, 11, 30)) / 86_400_000;
}
