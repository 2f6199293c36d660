import type { CellValue, SheetRef } from '../core/a1';

export type { CellValue, SheetRef };

export type HostKind = 'excel' | 'wps' | 'memory' | 'xlsx';

/** What the host can do, from feature detection (e.g. Office requirement sets), never from the host's name. */
export interface Capabilities {
  /** Cell notes/comments hold the mark's explanation; without them the pane explains. */
  notes: boolean;
  /** The host reports user selection changes. */
  selectionEvents: boolean;
  /** The host reports single clicks on cells (Excel 1.10 onSingleClicked). */
  clickEvents: boolean;
  /** Settings survive closing and reopening the workbook. */
  persistentSettings: boolean;
}

export interface SheetInfo {
  name: string;
  visible: boolean;
  /** Used range as A1, absent when the sheet is empty. */
  used?: string;
}

export interface NameInfo {
  name: string;
  ref: SheetRef;
}

export interface TableInfo {
  name: string;
  /** The whole table, header row included. */
  ref: SheetRef;
  headers: string[];
}

export interface ReadOptions {
  /** Also read fills and notes (slower on Office: a cell-properties request). */
  styles?: boolean;
}

export interface RangeRead {
  ref: SheetRef;
  values: CellValue[][];
  numberFormats: string[][];
  /** Absolute 0-based rows inside the range that are hidden. */
  hiddenRows: number[];
  /** Merged areas intersecting the range, as A1 on the sheet. */
  merges: string[];
  /** With `styles`: fill colour `#RRGGBB` or null, per cell. */
  fills?: Array<Array<string | null>>;
  /** With `styles`: note/comment text or null, per cell. */
  notes?: Array<Array<string | null>>;
}

export interface WriteBlock {
  sheet: string;
  /** Top-left cell, e.g. `A1`. */
  at: string;
  /** Written as data: a string is always text, even when it starts with `=`, `+`, `-` or `@`. */
  values: CellValue[][];
  numberFormats?: string[][];
}

export type MarkSeverity = 'notice' | 'warning' | 'critical';

export interface CellMark {
  sheet: string;
  /** A cell or range. */
  address: string;
  findingId: string;
  severity: MarkSeverity;
  /** The explanation in the user's language, shown as the cell's note where the host has notes. */
  note: string;
}

/** Fill colours of marks by severity (注意 / 警告 / 危急). */
export const MARK_FILLS: Readonly<Record<MarkSeverity, string>> = {
  notice: '#FFF4CE',
  warning: '#FFD8A8',
  critical: '#F8B4B4',
};

export type Unsubscribe = () => void;

/**
 * The one door between FinPulse and a spreadsheet. Coarse and batched: each call is one round trip
 * (one `context.sync()` on Office) however many ranges or cells it covers. Plain data in and out.
 * Errors are AppError (`host.*`) naming the sheet or address.
 */
export interface WorkbookHost {
  readonly kind: HostKind;
  readonly capabilities: Capabilities;
  listSheets(): Promise<SheetInfo[]>;
  listNames(): Promise<NameInfo[]>;
  listTables(): Promise<TableInfo[]>;
  /** Reads many ranges at once; an unknown sheet or bad address fails the call naming every bad ref. */
  readRanges(refs: readonly SheetRef[], options?: ReadOptions): Promise<RangeRead[]>;
  /** Writes 2-D blocks, creating missing sheets. Values are data, never formulas. */
  writeBlocks(blocks: readonly WriteBlock[]): Promise<void>;
  getSelection(): Promise<SheetRef | undefined>;
  /**
   * Shows a range to the user (Office's `worksheet.activate()` + `range.select()`), e.g. to reveal a
   * finding: getSelection returns it afterwards, selection listeners are not told (it is not the
   * user's). An unknown sheet, a bad address or a hidden sheet fails naming it; the selection stays.
   */
  select(ref: SheetRef): Promise<void>;
  /** User selection changes (not the add-in's own writes or selections). A no-op subscription without the capability. */
  onSelectionChanged(handler: (ref: SheetRef) => void): Unsubscribe;
  /** Marks cells: fill by severity and the note; the cells' own fill and note are kept to restore. */
  mark(marks: readonly CellMark[]): Promise<void>;
  /** Removes marks (all, or those of the given findings) and restores each cell's original fill and note. */
  clearMarks(findingIds?: readonly string[]): Promise<void>;
  /** Marks on any cell of the ref: what a click on a marked cell explains. */
  marksAt(ref: SheetRef): Promise<CellMark[]>;
  listMarks(): Promise<CellMark[]>;
  /** Workbook-bound settings (bindings, mark registry ids): JSON values, never credentials. */
  readSettings(): Promise<Record<string, unknown>>;
  writeSettings(patch: Readonly<Record<string, unknown>>): Promise<void>;
}
