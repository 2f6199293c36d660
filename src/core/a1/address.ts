/** A rectangular area, 0-based and inclusive: A1 is row 0, column 0. */
export interface Area {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

/** A range on a named sheet; `address` is plain A1 (`B2:D10`, `C5`) without the sheet. */
export interface SheetRef {
  sheet: string;
  address: string;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const cellAddress = (row: number, col: number): string => `${columnLetters(col)}${row + 1}`;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses `B2`, `$B$2`, `B2:D10` (either corner order); undefined when it is not a valid address. */
export function parseA1(address: string): Area | undefined {
  const parts = address.trim().split(':');
  if (parts.length > 2) return undefined;
  const cells = parts.map((p) => CELL.exec(p));
  if (cells.some((m) => !m)) return undefined;
  const [a, b = a] = cells.map((m) => ({ col: columnIndex(m![1]!), row: Number(m![2]) - 1 }));
  if (!a || !b) return undefined;
  const area = { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), lastRow: Math.max(a.row, b.row), lastCol: Math.max(a.col, b.col) };
  if (area.row < 0 || area.lastRow >= MAX_ROWS || area.lastCol >= MAX_COLS) return undefined;
  return area;
}

export function formatA1(area: Area): string {
  const tl = cellAddress(area.row, area.col);
  return area.row === area.lastRow && area.col === area.lastCol ? tl : `${tl}:${cellAddress(area.lastRow, area.lastCol)}`;
}

/** Parses `Sheet1!B2:C3` or `'P&L 2026'!B2` (quotes doubled inside). */
export function parseRef(text: string): SheetRef | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const area = parseA1(m[3]!);
  return area ? { sheet, address: formatA1(area) } : undefined;
}

export function formatRef(ref: SheetRef): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(ref.sheet) ? ref.sheet : `'${ref.sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${ref.address}`;
}
