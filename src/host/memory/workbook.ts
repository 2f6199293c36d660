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

  /** Plain loops and numbers: this runs on every grid layout and every listSheets, over up to millions of cells. */
  usedArea(): Area | undefined {
    let [row, col, lastRow, lastCol] = [Infinity, Infinity, -1, -1];
    for (let r = 0; r < this.rows.length; r += 1) {
      const cells = this.rows[r];
      if (!cells) continue;
      let first = -1;
      let last = -1;
      for (let c = 0; c < cells.length; c += 1) {
        if (!cells[c]) continue;
        if (first < 0) first = c;
        last = c;
      }
      if (first < 0) continue;
      row = Math.min(row, r);
      lastRow = r;
      col = Math.min(col, first);
      lastCol = Math.max(lastCol, last);
    }
    return lastRow < 0 ? undefined : { row, col, lastRow, lastCol };
  }
}

/** What changed, for a view of the workbook (the workbench grid) that re-renders on change. */
export type WorkbookChange =
  | { kind: 'cells'; sheets: readonly string[] }
  | { kind: 'selection'; ref: SheetRef }
  | { kind: 'settings' };

/** A complete in-memory workbook: the basis of the memory host, the workbench and fast tests. */
export class MemoryWorkbook {
  readonly sheets: MemorySheet[] = [];
  names: Array<{ name: string; ref: SheetRef }> = [];
  tables: Array<{ name: string; ref: SheetRef }> = [];
  settings: Record<string, unknown> = {};
  marks: RegistryState = { marks: [], originals: {} };
  selection: SheetRef | undefined;
  /** Counts changes: a cheap snapshot for React's useSyncExternalStore. */
  version = 0;
  private readonly listeners = new Set<(change: WorkbookChange) => void>();

  /** Follows changes made through the host (writes, marks, selection, settings). */
  subscribe(listener: (change: WorkbookChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called by the host after each change, once per call however many cells it touched. */
  changed(change: WorkbookChange): void {
    this.version += 1;
    for (const l of [...this.listeners]) l(change);
  }

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
