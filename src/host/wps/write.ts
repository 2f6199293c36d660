import { formatA1, type Area, type CellValue } from '../../core/a1';
import type { WriteBlock } from '../contract';
import { scanFormats } from './scan';
import type { WpsWorksheet } from './wps-types';

/** Cells per Value2 assignment. */
const CELLS_PER_WRITE = 50_000;
const TEXT = '@';

type Format = string | undefined;

/**
 * What to send for each cell, and the number format it needs (undefined: leave the cell's own).
 * WPS, like Excel, parses a string assigned to Value2 as if typed: `=…`, `+…`, `-…`, `@…` become
 * formulas, `6001` a number, `2026-01-31` a date, `TRUE` a boolean, `#N/A` an error. Every string is
 * therefore written into a text-formatted (`@`) cell, where it stays exactly as given. The reverse
 * trick writes an error value: its text into a cell that is not text-formatted. A number written
 * over a cell left text-formatted by an earlier string gets General back.
 */
function plan(block: WriteBlock, existing: () => string[][]): { data: unknown[][]; formats: Format[][] } {
  const asked = (r: number, c: number): Format => block.numberFormats?.[r]?.[c] || undefined;
  const wasText = (r: number, c: number): boolean => existing()[r]?.[c] === TEXT;
  const formats: Format[][] = [];
  const data = block.values.map((cells, r) => {
    formats.push(
      cells.map((v: CellValue, c) => {
        const f = asked(r, c);
        if (typeof v === 'string') return TEXT;
        if (v !== null && typeof v === 'object') return f && f !== TEXT ? f : wasText(r, c) ? 'General' : undefined;
        if (v === null) return f;
        return f ?? (wasText(r, c) ? 'General' : undefined);
      }),
    );
    return cells.map((v) => (v !== null && typeof v === 'object' ? v.error : v));
  });
  return { data, formats };
}

/** Covers the cells of each format with few rectangles: runs along rows, stacked while they repeat. */
export function formatRects(formats: Format[][], origin: Area): Array<{ area: Area; format: string }> {
  const done: Array<{ area: Area; format: string }> = [];
  let open = new Map<string, { area: Area; format: string }>();
  formats.forEach((cells, r) => {
    const next = new Map<string, { area: Area; format: string }>();
    for (let c = 0; c < cells.length; ) {
      const format = cells[c];
      let end = c;
      while (end + 1 < cells.length && cells[end + 1] === format) end += 1;
      if (format !== undefined) {
        const key = `${c}:${end}:${format}`;
        const row = origin.row + r;
        const above = open.get(key);
        if (above) {
          above.area.lastRow = row;
          open.delete(key);
          next.set(key, above);
        } else {
          next.set(key, { area: { row, col: origin.col + c, lastRow: row, lastCol: origin.col + end }, format });
        }
      }
      c = end + 1;
    }
    done.push(...open.values());
    open = next;
  });
  return [...done, ...open.values()];
}

/** Writes one block: number formats first (so text cells are text before their strings arrive), then values in row bands. */
export function writeBlock(sheet: WpsWorksheet, area: Area, block: WriteBlock): void {
  let existing: string[][] | undefined;
  const { data, formats } = plan(block, () => (existing ??= scanFormats(sheet, area)));
  for (const { area: rect, format } of formatRects(formats, area)) sheet.Range(formatA1(rect)).NumberFormat = format;
  if (data.length === 0 || data[0]!.length === 0) return;
  const cols = data[0]!.length;
  const band = Math.max(1, Math.floor(CELLS_PER_WRITE / cols));
  for (let r = 0; r < data.length; r += band) {
    const rows = data.slice(r, r + band);
    const part: Area = { row: area.row + r, col: area.col, lastRow: area.row + r + rows.length - 1, lastCol: area.col + cols - 1 };
    // One cell takes a scalar; a 2-D array there relies on the host taking its first item.
    sheet.Range(formatA1(part)).Value2 = rows.length === 1 && cols === 1 ? rows[0]![0] : rows;
  }
}
