import ExcelJS from 'exceljs';
import type { CellValue } from '../../core/a1';

const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system (ExcelJS's own epoch offset). */
const UNIX_EPOCH_SERIAL = 25_569;

/** A date as Excel's serial number in the 1900 system, whatever system the file uses, so hosts agree. */
export const dateToSerial = (d: Date): number => d.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;

/**
 * The single ExcelJS → FinPulse conversion: formulas give their cached result, rich text and
 * hyperlinks their text, dates their serial, errors `{ error }`. Merged cells other than the
 * top-left one read as blank, and so does an empty string, as Excel reports both.
 */
export function cellValue(cell: ExcelJS.Cell | undefined): CellValue {
  if (!cell) return null;
  switch (cell.type) {
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      // `cell.value` drops a falsy cached result (0, false, ''); `cell.result` keeps it.
      return plain(cell.result);
    default:
      return plain(cell.value);
  }
}

function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v);
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return plain(richText(v.richText));
  if ('hyperlink' in v) return plain(linkText(v.text));
  if ('formula' in v || 'sharedFormula' in v) return plain((v as { result?: ExcelJS.CellValue }).result ?? null);
  return null;
}

const richText = (runs: readonly ExcelJS.RichText[]): string => runs.map((r) => r.text).join('');

/** A hyperlink's text is plain text, or rich text when the link is formatted. */
const linkText = (text: unknown): string =>
  typeof text === 'string' ? text : text && typeof text === 'object' && 'richText' in text ? richText((text as ExcelJS.CellRichTextValue).richText) : '';

/** A note's text (notes are plain strings or rich text runs in ExcelJS), or null. */
export function noteText(note: ExcelJS.Cell['note'] | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  return note.texts ? richText(note.texts) : null;
}

/** What FinPulse writes for a value: always data, never a formula (ExcelJS stores strings as strings). */
export function excelValue(v: CellValue): ExcelJS.CellValue {
  if (typeof v === 'number' && !Number.isFinite(v)) return { error: '#NUM!' };
  if (v !== null && typeof v === 'object') return { error: v.error as ExcelJS.CellErrorValue['error'] };
  return v;
}

/**
 * Whether a number format shows dates or times: a date/time code (y m d h s) outside quotes,
 * brackets (colours, locales, conditions; elapsed `[h]` aside), escapes, padding `_x` and fill `*x`.
 */
export function isDateFormat(format: string): boolean {
  if (!format || format === 'General') return false;
  const section = format
    .replace(/\\./g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!;
  return /[ymdhs]/i.test(section);
}
