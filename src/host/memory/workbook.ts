import { formatA1, parseA1, parseRef, type Area, type CellValue, type SheetRef } from '../../core/a1';
import type { RegistryState } from '../mark-registry';
import { isSeedCell, type WorkbookSeed } from '../testing/seed';

export interface MemoryCell {
  value: CellValue;
  format?: string;
  fill?: string | null;
  note?: string | null;
}

export class MemorySheet {
  /** Sparse rows of sparse cells: row arrays keep a million-cell read to array indexing. */
  private readonly rows: Array<Array<MemoryCell | undefined> | undefined> = [];
  readonly merges: Area[] = [];
  readonly hiddenRows = new Set<number>();
  constructor(
    public name: string,
    public visible = true,
  ) {}

  get(row: number, col: number): MemoryCell | undefined {
    return this.rows[row]?.[col];
  }

  /** Updates a cell, creating it; a cell left with nothing in it is dropped. */
  set(row: number, col: number, patch: Partial<MemoryCell>): void {
    const next: MemoryCell = { value: null, ...this.get(row, col), ...patch };
    const empty = next.value === null && !next.format && !next.fill && !next.note;
    const cells = this.rows[row] ?? (empty ? undefined : (this.rows[row] = []));
    if (cells) cells[col] = empty ? undefined : next;
  }

  usedArea(): Area | undefined {
    let area: Area | undefined;
    this.rows.forEach((cells, row) => {
      cells?.forEach((cell, col) => {
        if (!cell) return;
        area = area
          ? { row: Math.min(area.row, row), col: Math.min(area.col, col), lastRow: Math.max(area.lastRow, row), lastCol: Math.max(area.lastCol, col) }
          : { row, col, lastRow: row, lastCol: col };
      });
    });
    return area;
  }
}

/** A complete in-memory workbook: the basis of the memory host, the workbench and fast tests. */
export class MemoryWorkbook {
  readonly sheets: MemorySheet[] = [];
  names: Array<{ name: string; ref: SheetRef }> = [];
  tables: Array<{ name: string; ref: SheetRef }> = [];
  settings: Record<string, unknown> = {};
  marks: RegistryState = { marks: [], originals: {} };
  selection: SheetRef | undefined;

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string, visible = true): MemorySheet {
    const sheet = new MemorySheet(name, visible);
    this.sheets.push(sheet);
    return sheet;
  }

  static fromSeed(seed: WorkbookSeed): MemoryWorkbook {
    const book = new MemoryWorkbook();
    for (const s of seed.sheets) {
      const sheet = book.addSheet(s.name, s.visible ?? true);
      for (const [address, cell] of Object.entries(s.cells)) {
        const at = parseA1(address);
        if (!at) throw new Error(`bad seed address ${address}`);
        const c = isSeedCell(cell) ? cell : { value: cell };
        sheet.set(at.row, at.col, { value: c.value, format: c.format, fill: c.fill ?? null, note: c.note ?? null });
      }
      for (const m of s.merges ?? []) sheet.merges.push(parseA1(m)!);
      for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r - 1);
    }
    book.names = (seed.names ?? []).map((n) => ({ name: n.name, ref: parseRef(n.ref)! }));
    book.tables = (seed.tables ?? []).map((t) => ({ name: t.name, ref: { sheet: t.sheet, address: formatA1(parseA1(t.address)!) } }));
    return book;
  }
}
