import { cellAddress, formatA1, formatRef, type Area, type CellValue } from '../a1';

/** What a host reads for one range: its values and where they sit, with the rows hidden and the merges in it. */
export interface GridBlock {
  sheet: string;
  /** 0-based origin of `values[0][0]`. */
  row: number;
  col: number;
  values: CellValue[][];
  /** Absolute 0-based rows that are hidden (filtered out or hidden by hand). */
  hiddenRows?: number[];
  /** Absolute merged areas. */
  merges?: Area[];
}

/** Every block of one sheet laid on one grid (absolute coordinates), text normalized (NFKC). */
export interface SheetGrid {
  sheet: string;
  row: number;
  col: number;
  /** Rows from `row`; a row may be shorter than `width` (missing cells are blank). */
  cells: CellValue[][];
  width: number;
  hidden: ReadonlySet<number>;
  merges: readonly Area[];
}

// Full-width digits and punctuation (１２３, （ ）, ，) as IMEs type them; NFKC is skipped for plain ASCII.
const normalize = (v: CellValue): CellValue => (typeof v === 'string' && /[^\x20-\x7e]/.test(v) ? v.normalize('NFKC') : v);

/** Groups blocks by sheet (in the order first seen) and lays each group on one grid; later blocks win on overlap. */
export function sheetGrids(blocks: readonly GridBlock[]): SheetGrid[] {
  const bySheet = new Map<string, GridBlock[]>();
  for (const b of blocks) bySheet.set(b.sheet, [...(bySheet.get(b.sheet) ?? []), b]);
  return [...bySheet.entries()].map(([sheet, group]) => layOut(sheet, group));
}

function layOut(sheet: string, group: readonly GridBlock[]): SheetGrid {
  const widthOf = (b: GridBlock): number => b.values.reduce((w, r) => Math.max(w, r.length), 1);
  const row = Math.min(...group.map((b) => b.row));
  const col = Math.min(...group.map((b) => b.col));
  const lastRow = Math.max(...group.map((b) => b.row + b.values.length - 1));
  const width = Math.max(...group.map((b) => b.col + widthOf(b))) - col;
  const hidden = new Set(group.flatMap((b) => b.hiddenRows ?? []));
  const merges = group.flatMap((b) => b.merges ?? []);
  if (group.length === 1) {
    return { sheet, row, col, cells: group[0]!.values.map((r) => r.map(normalize)), width, hidden, merges };
  }
  const cells: CellValue[][] = Array.from({ length: lastRow - row + 1 }, () => []);
  for (const b of group) {
    b.values.forEach((values, i) => {
      const target = cells[b.row - row + i]!;
      values.forEach((v, j) => {
        target[b.col - col + j] = normalize(v);
      });
    });
  }
  for (const r of cells) for (let j = 0; j < width; j += 1) r[j] ??= null;
  return { sheet, row, col, cells, width, hidden, merges };
}

/** Blank as hosts report it: null, or '' (the Office JavaScript API reads empty cells as empty strings). */
export const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export const cellAt = (g: SheetGrid, row: number, col: number): CellValue => g.cells[row - g.row]?.[col - g.col] ?? null;

/** `Sheet!C17`, or `Sheet!C17:F17` for an area. */
export const refOf = (g: SheetGrid, row: number, col: number, lastCol = col): string =>
  formatRef({ sheet: g.sheet, address: lastCol === col ? cellAddress(row, col) : formatA1({ row, col, lastRow: row, lastCol }) });

export const gridRef = (g: SheetGrid): string =>
  formatRef({ sheet: g.sheet, address: formatA1({ row: g.row, col: g.col, lastRow: g.row + Math.max(0, g.cells.length - 1), lastCol: g.col + g.width - 1 }) });

/**
 * A merged label or date applies to every row of the merge: copies each merge's value down its first
 * column, for merges that start below `belowRow` in a column `fillable` allows (never amounts: a
 * merged amount counted on every row would be counted several times).
 */
export function fillMergesDown(g: SheetGrid, belowRow: number, fillable: (col: number) => boolean): void {
  for (const m of g.merges) {
    if (m.row <= belowRow || m.lastRow === m.row || !fillable(m.col)) continue;
    const value = cellAt(g, m.row, m.col);
    if (isBlank(value)) continue;
    for (let r = m.row + 1; r <= m.lastRow; r += 1) {
      const cells = g.cells[r - g.row];
      const c = m.col - g.col;
      if (cells && c >= 0 && c < g.width && isBlank(cells[c])) cells[c] = value;
    }
  }
}

/** The cell a value comes from: the top-left cell of the merge holding (row, col), else the cell itself. */
export function anchorOf(g: SheetGrid, row: number, col: number): [number, number] {
  const m = g.merges.find((a) => row >= a.row && row <= a.lastRow && col >= a.col && col <= a.lastCol);
  return m ? [m.row, m.col] : [row, col];
}

/** Hidden rows below `belowRow`, as sheet areas (consecutive rows joined): `Sheet!A9:F11`. */
export function hiddenBelow(g: SheetGrid, belowRow: number): { rows: number[]; text: string } {
  const rows = [...g.hidden].filter((r) => r > belowRow && r < g.row + g.cells.length).sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else runs.push([r, r]);
  }
  const area = ([a, b]: [number, number]): string => formatA1({ row: a, col: g.col, lastRow: b, lastCol: g.col + g.width - 1 });
  return { rows, text: runs.map((run) => formatRef({ sheet: g.sheet, address: area(run) })).join(', ') };
}
