import { formatA1, parseA1, parseRef, type Area, type CellValue, type SheetRef } from '../../core/a1';

/**
 * A cell as Excel reports it (`values` + `valueTypes`) turned into a CellValue: Excel gives blanks
 * as '' and errors as their text, so the value type decides.
 */
export function fromExcel(value: unknown, type: string | undefined): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: typeof value === 'string' ? value : '#VALUE!' };
    case 'Boolean':
      return Boolean(value);
    case 'Double':
    case 'Integer':
      return typeof value === 'number' ? value : Number(value);
    default:
      if (value === '' || value === null || value === undefined) return null;
      if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
      return JSON.stringify(value); // a rich value (entity, image): its JSON, not '[object Object]'
  }
}

/**
 * What a block cell becomes in `range.values`: null writes '' (null would mean "leave unchanged"),
 * an error value its text, which Excel turns back into the error; NaN and ±∞ cannot be stored.
 */
export function toExcel(v: CellValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'number' && !Number.isFinite(v)) return '#NUM!';
  return v;
}

/**
 * The number format sent with a cell, or null to leave the cell's own. Every string is written
 * with the Text format `@`: Excel parses typed-in text ('=…', '+86…', '-5', '@x', but also '6001',
 * 'TRUE', '1/2', 'Jan 5', locale dependent), and only a Text-formatted cell keeps any string
 * verbatim. An apostrophe prefix would also work, but its handling differs across builds (a cell
 * already formatted as Text keeps the apostrophe as a character) while `@` has one meaning.
 */
export function formatFor(v: CellValue, requested: string | undefined): string | null {
  if (typeof v === 'string') return '@';
  if (v !== null && typeof v === 'object') return requested || 'General'; // '#N/A' typed into a Text cell would stay text
  return requested || null;
}

const FULL_COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const FULL_ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** Parses an address as Excel prints it: `C3`, `$B$2:$D$4`, `C:C`, `3:5`. */
export function parseExcelArea(address: string): Area | undefined {
  const text = address.trim();
  const cols = FULL_COLS.exec(text);
  if (cols) return parseA1(`${cols[1]}1:${cols[2]}1048576`);
  const rows = FULL_ROWS.exec(text);
  if (rows) return parseA1(`A${rows[1]}:XFD${rows[2]}`);
  return parseA1(text);
}

/** Splits `Sheet1!A1:B2, 'a, b'!C3` into its areas, commas inside quoted sheet names kept. */
export function splitAreas(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted; // a doubled quote toggles twice: still inside
    if (ch === ',' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Parses `Sheet!A1:B2` or a plain address (on `sheet`) into a normalised SheetRef. */
export function parseExcelRef(text: string, sheet?: string): SheetRef | undefined {
  const bang = text.lastIndexOf('!');
  if (bang < 0) {
    const area = parseExcelArea(text);
    return area && sheet !== undefined ? { sheet, address: formatA1(area) } : undefined;
  }
  const area = parseExcelArea(text.slice(bang + 1));
  const ref = area && parseRef(`${text.slice(0, bang)}!A1`);
  return ref && area ? { sheet: ref.sheet, address: formatA1(area) } : undefined;
}

export const areaCells = (a: Area): number => (a.lastRow - a.row + 1) * (a.lastCol - a.col + 1);

