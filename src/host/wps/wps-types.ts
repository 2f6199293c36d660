/**
 * The slice of the WPS Spreadsheets (ET, 表格) JS add-in object model that FinPulse uses, as the
 * WPS 加载项 documentation describes it. It is the VBA object model seen from JavaScript:
 * - synchronous: every property read or method call is one call into WPS, no load/sync;
 * - collections are 1-based and read through `Item(i)` (or `Item(name)`), never `[i]`;
 * - methods need parentheses (`Address()`, `Text()`), properties do not (`Value2`, `NumberFormat`);
 *   `Value` is a method in the JS API, so values are read and written through `Value2`;
 * - a property read over several cells answers `null` when the cells differ (NumberFormat,
 *   Interior.Color, MergeCells, RowHeight, Hidden);
 * - a misspelt property reads `undefined` instead of failing, so optional members are typed optional
 *   and checked before use (feature detection).
 */

/** A VBA-style collection: `Count` and a 1-based `Item`. */
export interface WpsCollection<T> {
  readonly Count: number;
  Item(index: number | string): T;
}

export interface WpsApplication {
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveSheet: WpsWorksheet | null;
  /** The selected object: a Range for cells, something else for a shape or chart. */
  readonly Selection: unknown;
  /** The event hub; some builds only expose it on the global `wps` object. */
  readonly ApiEvent?: WpsApiEvent;
  /** VBA's switches: off while the add-in writes, restored afterwards. */
  EnableEvents?: boolean;
  ScreenUpdating?: boolean;
}

export interface WpsApiEvent {
  AddApiEventListener(eventName: string, callback: (...args: unknown[]) => void): void;
  /** Without a callback, removes every listener of the event. */
  RemoveApiEventListener(eventName: string, callback?: (...args: unknown[]) => void): void;
}

export interface WpsWorkbook {
  readonly Name: string;
  readonly Worksheets: WpsWorksheets;
  readonly Names: WpsCollection<WpsName>;
  readonly ActiveSheet: WpsWorksheet | null;
}

export interface WpsWorksheets extends WpsCollection<WpsWorksheet> {
  /** `Add(Before, After, Count, Type)`: missing arguments are passed as `undefined`; the new sheet becomes active. */
  Add(before?: WpsWorksheet, after?: WpsWorksheet, count?: number, type?: number): WpsWorksheet;
}

export interface WpsWorksheet {
  Name: string;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden (some builds answer a boolean). */
  Visible: number | boolean;
  readonly Index: number;
  Range(cell1: string, cell2?: string): WpsRange;
  /** The used area; an empty sheet answers `$A$1`. */
  readonly UsedRange: WpsRange;
  readonly ListObjects: WpsCollection<WpsListObject>;
  /** Every comment (note) on the sheet. */
  readonly Comments?: WpsCollection<WpsComment>;
  Activate(): void;
}

/** Rows or Columns of a range: a 1-based collection of ranges. */
export interface WpsRangeList {
  readonly Count: number;
  Item(index: number): WpsRange;
}

export interface WpsRange {
  /** A scalar for one cell, rows of values for several; dates are serial numbers, errors are COM error codes. */
  Value2: unknown;
  /** The displayed text of the top-left cell. */
  readonly Text: unknown;
  /** `null` when the cells differ. */
  NumberFormat: string | null;
  readonly Interior: WpsInterior;
  /** The comment (note) of the top-left cell, or null. */
  readonly Comment: WpsComment | null;
  AddComment?(text?: string): WpsComment;
  ClearComments?(): void;
  ClearContents(): void;
  /** true when every cell is merged, false when none is, null when mixed. */
  MergeCells: boolean | null;
  /** The merged area containing the top-left cell, or that cell when it is not merged. */
  readonly MergeArea: WpsRange;
  readonly EntireRow: WpsRange;
  /** Only on whole rows or columns; null when mixed on some builds. */
  Hidden: boolean | null;
  /** Points; 0 for hidden rows; null when the rows differ. */
  RowHeight: number | null;
  readonly Rows: WpsRangeList;
  readonly Columns: WpsRangeList;
  /** 1-based number of the first row / column. */
  readonly Row: number;
  readonly Column: number;
  readonly Count: number;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Worksheet: WpsWorksheet;
  Select(): void;
}

export interface WpsInterior {
  /** BGR integer (0x00BBGGRR), as VBA's RGB(); white when there is no fill; null when mixed. */
  Color: number | null;
  /** xlColorIndexNone (-4142) for no fill; null when mixed. */
  ColorIndex: number | null;
  /** xlNone (-4142) for no fill, xlSolid (1) for a plain fill; null when mixed. */
  Pattern: number | null;
}

export interface WpsComment {
  /** `Text()` reads; `Text(text)` replaces the text. */
  Text(text?: string): string;
  Delete(): void;
  readonly Parent: WpsRange;
}

export interface WpsName {
  readonly Name: string;
  /** A formula such as `='P&L'!$C$3:$D$3`. */
  readonly RefersTo: string;
  readonly Visible: boolean;
}

export interface WpsListObject {
  readonly Name: string;
  /** The whole table, header row included. */
  readonly Range: WpsRange;
  /** null when the table shows no header row. */
  readonly HeaderRowRange: WpsRange | null;
}

/** XlColorIndex.xlColorIndexNone / Constants.xlNone. */
export const XL_NONE = -4142;
/** XlSheetVisibility. */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_VERY_HIDDEN = 2;
