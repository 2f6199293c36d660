/**
 * How a WPS/Excel cell holds a value, and what typing text into it does. Written from the VBA object
 * model documentation (Range.Value2, XlCVError, "Cell error values"), not from the adapter.
 */

/** A cell error value such as #N/A. */
export class FakeCellError {
  constructor(readonly text: string) {}
}

export type Stored = number | string | boolean | FakeCellError | null;

/** XlCVError: the error number of each cell error (xlErrNA = 2042, …). */
const XL_CV_ERROR: Readonly<Record<string, number>> = {
  '#NULL!': 2000, '#DIV/0!': 2007, '#VALUE!': 2015, '#REF!': 2023, '#NAME?': 2029, '#NUM!': 2036, '#N/A': 2042,
  '#GETTING_DATA': 2043, '#SPILL!': 2045, '#CALC!': 2050,
};

/** Over COM a cell error is a VT_ERROR with code 0x800A0000 | number: JavaScript sees a negative integer. */
export const comErrorCode = (e: FakeCellError): number => (0x800a0000 | (XL_CV_ERROR[e.text] ?? 2015)) | 0;

export const isErrorLiteral = (text: string): boolean => text in XL_CV_ERROR;

const MS_PER_DAY = 86_400_000;
/** 1900 date system: serial 1 is 1900-01-01, with 1900 wrongly a leap year, so later serials count from 1899-12-30. */
export const serialOfDate = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / MS_PER_DAY;

/** What typing (or assigning through Value2) a string into a cell that is not text-formatted stores. */
export function typed(text: string): { value: Stored; formula?: string; format?: string } {
  const t = text.trim();
  if (text === '') return { value: null };
  const upper = t.toUpperCase();
  if (isErrorLiteral(upper)) return { value: new FakeCellError(upper) };
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  const number = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?$/i.exec(t);
  if (number && /\d/.test(t)) return { value: Number(t.replace(/,/g, '')) };
  const percent = /^([+-]?\d+(\.\d+)?)%$/.exec(t);
  if (percent) return { value: Number(percent[1]) / 100, format: '0%' };
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) return { value: serialOfDate(Number(date[1]), Number(date[2]), Number(date[3])), format: 'yyyy/m/d' };
  // Lotus-style entry: +, - and @ start a formula as = does. The fake does not calculate, so a
  // formula shows #NAME?, which is what most of these (`=SUM(A1:A9)` aside) would show anyway.
  if (/^[=+\-@]/.test(t)) return { value: new FakeCellError('#NAME?'), formula: t.startsWith('=') ? t : `=${t}` };
  return { value: text };
}

/** The text a cell shows (Range.Text), without rendering number formats beyond text and percent. */
export function shown(value: Stored, format: string): string {
  if (value === null) return '';
  if (value instanceof FakeCellError) return value.text;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && format.endsWith('%')) return `${value * 100}%`;
  return String(value);
}
