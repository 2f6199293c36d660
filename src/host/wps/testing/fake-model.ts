import type { Area } from '../../../core/a1';
import type { Stored } from './fake-values';

/**
 * The error a COM call raises, as the JS bridge surfaces it: an Error carrying the HRESULT.
 * 0x800A03EC is Excel's "application-defined or object-defined error" (1004), 0x8002000B DISP_E_BADINDEX.
 */
export class FakeComError extends Error {
  constructor(
    readonly number: number,
    message: string,
  ) {
    super(message);
    this.name = 'Error';
  }
}
export const E_FAIL_1004 = 0x800a03ec | 0;
export const DISP_E_BADINDEX = 0x8002000b | 0;
export const DISP_E_TYPEMISMATCH = 0x80020005 | 0;

export interface FakeComment {
  text: string;
  author: string;
}

export interface FakeCell {
  value: Stored;
  formula?: string;
  format: string;
  /** BGR, or null for no fill. */
  fill: number | null;
  comment: FakeComment | null;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** WPS's default row height in points (宋体 11pt). */
export const DEFAULT_ROW_HEIGHT = 13.5;

const key = (row: number, col: number): number => row * MAX_COLS + col;

/** What one worksheet holds, whatever object model wraps it. */
export class SheetModel {
  readonly cells = new Map<number, FakeCell>();
  readonly merges: Area[] = [];
  readonly hiddenRows = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  readonly tables: Array<{ name: string; area: Area }> = [];
  /** Each sheet keeps its own selection; the active sheet's is Application.Selection. */
  selection: Area = { row: 0, col: 0, lastRow: 0, lastCol: 0 };

  constructor(
    public name: string,
    /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
    public visible = -1,
  ) {}

  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** Updates a cell, creating it; a cell left with nothing in it is dropped (it no longer counts as used). */
  set(row: number, col: number, patch: Partial<FakeCell>): void {
    const next: FakeCell = { value: null, format: 'General', fill: null, comment: null, ...this.get(row, col), ...patch };
    if (patch.value !== undefined && patch.formula === undefined) delete next.formula;
    const empty = next.value === null && next.format === 'General' && next.fill === null && next.comment === null;
    if (empty) this.cells.delete(key(row, col));
    else this.cells.set(key(row, col), next);
  }

  /** Bounding box of every cell with a value, format, fill or comment; undefined when there is none. */
  usedArea(): Area | undefined {
    let area: Area | undefined;
    for (const k of this.cells.keys()) {
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      area = area
        ? { row: Math.min(area.row, row), col: Math.min(area.col, col), lastRow: Math.max(area.lastRow, row), lastCol: Math.max(area.lastCol, col) }
        : { row, col, lastRow: row, lastCol: col };
    }
    return area;
  }

  rowHeight(row: number): number {
    return this.hiddenRows.has(row) ? 0 : (this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT);
  }

  mergeAt(row: number, col: number): Area | undefined {
    return this.merges.find((m) => row >= m.row && row <= m.lastRow && col >= m.col && col <= m.lastCol);
  }
}

/** What a range needs from the application around it: events, and whether its sheet is the active one. */
export interface FakeHost {
  eventsOn(): boolean;
  fire(event: string, ...args: unknown[]): void;
  isActive(sheet: SheetModel): boolean;
}
