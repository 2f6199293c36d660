import { columnLetters, type Area } from '../../../core/a1';
import type { WpsComment, WpsInterior, WpsRange, WpsRangeList, WpsWorksheet } from '../wps-types';
import { DISP_E_BADINDEX, DISP_E_TYPEMISMATCH, E_FAIL_1004, FakeComError, MAX_COLS, MAX_ROWS, type FakeCell, type FakeHost, type SheetModel } from './fake-model';
import { comErrorCode, FakeCellError, shown, typed, type Stored } from './fake-values';

const WHITE = 0xffffff;
const XL_NONE = -4142;
const XL_SOLID = 1;
/** The first entries of the default 56-colour palette (BGR); ColorIndex answers the nearest. */
const PALETTE = [0x000000, 0xffffff, 0x0000ff, 0x00ff00, 0xff0000, 0x00ffff, 0xff00ff, 0xffff00];

function nearestIndex(bgr: number): number {
  const dist = (a: number, b: number): number =>
    [0, 8, 16].reduce((s, shift) => s + (((a >> shift) & 0xff) - ((b >> shift) & 0xff)) ** 2, 0);
  let best = 0;
  for (let i = 1; i < PALETTE.length; i += 1) if (dist(PALETTE[i]!, bgr) < dist(PALETTE[best]!, bgr)) best = i;
  return best + 1;
}

/** Interior of a range: BGR colours; a cell without fill reads Color white, ColorIndex and Pattern xlNone. */
class FakeInterior implements WpsInterior {
  constructor(
    private readonly fills: () => Array<number | null>,
    private readonly paint: (fill: number | null) => void,
  ) {}

  get Color(): number | null {
    return uniform(this.fills().map((f) => f ?? WHITE));
  }
  set Color(bgr: number | null) {
    this.paint(bgr ?? WHITE);
  }
  get ColorIndex(): number | null {
    return uniform(this.fills().map((f) => (f === null ? XL_NONE : nearestIndex(f))));
  }
  set ColorIndex(index: number | null) {
    this.paint(index === XL_NONE || index === null ? null : (PALETTE[index - 1] ?? WHITE));
  }
  get Pattern(): number | null {
    return uniform(this.fills().map((f) => (f === null ? XL_NONE : XL_SOLID)));
  }
  set Pattern(pattern: number | null) {
    if (pattern === XL_NONE) this.paint(null);
  }
}

/** The one value shared by every item, or null when they differ (VBA's Null for mixed ranges). */
function uniform<T>(items: Iterable<T>): T | null {
  let first: { v: T } | undefined;
  for (const v of items) {
    if (!first) first = { v };
    else if (first.v !== v) return null;
  }
  return first ? first.v : null;
}

/** A Range of the fake WPS object model: a rectangle on one sheet, every member read live from the sheet. */
export class FakeRange implements WpsRange {
  constructor(
    private readonly model: SheetModel,
    readonly Worksheet: WpsWorksheet,
    private readonly host: FakeHost,
    readonly area: Area,
  ) {}

  private at(area: Area): FakeRange {
    return new FakeRange(this.model, this.Worksheet, this.host, area);
  }

  private *coords(): Generator<[number, number]> {
    const a = this.area;
    for (let r = a.row; r <= a.lastRow; r += 1) for (let c = a.col; c <= a.lastCol; c += 1) yield [r, c];
  }

  /** A property of every cell, visiting only stored cells when the range is large (whole rows or columns). */
  private *each<T>(f: (cell: FakeCell | undefined) => T): Generator<T> {
    const a = this.area;
    const size = (a.lastRow - a.row + 1) * (a.lastCol - a.col + 1);
    if (size <= 100_000) {
      for (const [r, c] of this.coords()) yield f(this.model.get(r, c));
      return;
    }
    let stored = 0;
    for (const [k, cell] of this.model.cells) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r >= a.row && r <= a.lastRow && c >= a.col && c <= a.lastCol) {
        stored += 1;
        yield f(cell);
      }
    }
    if (stored < size) yield f(undefined);
  }

  private changed(): void {
    if (this.host.eventsOn()) this.host.fire('SheetChange', this.Worksheet, this);
  }

  get Row(): number {
    return this.area.row + 1;
  }
  get Column(): number {
    return this.area.col + 1;
  }
  get Count(): number {
    return (this.area.lastRow - this.area.row + 1) * (this.area.lastCol - this.area.col + 1);
  }

  /** One cell: a scalar. Several: rows of values. Empty is null, dates are serials, errors are COM codes. */
  get Value2(): unknown {
    const out = (v: Stored): unknown => (v instanceof FakeCellError ? comErrorCode(v) : v);
    const a = this.area;
    if (a.row === a.lastRow && a.col === a.lastCol) return out(this.model.get(a.row, a.col)?.value ?? null);
    const rows: unknown[][] = [];
    for (let r = a.row; r <= a.lastRow; r += 1) {
      const row: unknown[] = [];
      for (let c = a.col; c <= a.lastCol; c += 1) row.push(out(this.model.get(r, c)?.value ?? null));
      rows.push(row);
    }
    return rows;
  }

  /**
   * A scalar fills every cell; a 2-D array fills cell by cell, cells beyond it get #N/A; a 1-D array
   * is one row, repeated down the range. Strings are parsed as if typed unless the cell is text-formatted.
   */
  set Value2(input: unknown) {
    const a = this.area;
    for (const [r, c] of this.coords()) {
      let item: unknown = input;
      if (Array.isArray(input)) {
        const row: unknown = Array.isArray(input[0]) ? input[r - a.row] : input;
        const i = c - a.col;
        item = Array.isArray(row) && i < row.length ? row[i] : new FakeCellError('#N/A');
      }
      this.assign(r, c, item);
    }
    this.changed();
  }

  private assign(r: number, c: number, item: unknown): void {
    const cell = this.model.get(r, c);
    if (item === null || item === undefined) return this.model.set(r, c, { value: null });
    if (item instanceof FakeCellError || typeof item === 'number' || typeof item === 'boolean') return this.model.set(r, c, { value: item });
    if (typeof item !== 'string') throw new FakeComError(DISP_E_TYPEMISMATCH, 'Type mismatch');
    const text = item;
    if (cell?.format === '@') return this.model.set(r, c, { value: text === '' ? null : text });
    const t = typed(text);
    this.model.set(r, c, { value: t.value, ...(t.formula ? { formula: t.formula } : {}), ...(t.format && (cell?.format ?? 'General') === 'General' ? { format: t.format } : {}) });
  }

  get Formula(): unknown {
    const cell = this.model.get(this.area.row, this.area.col);
    return cell?.formula ?? shown(cell?.value ?? null, 'General');
  }

  get Text(): unknown {
    const cell = this.model.get(this.area.row, this.area.col);
    return shown(cell?.value ?? null, cell?.format ?? 'General');
  }

  get NumberFormat(): string | null {
    return uniform(this.each((cell) => cell?.format ?? 'General'));
  }
  set NumberFormat(format: string | null) {
    for (const [r, c] of this.coords()) this.model.set(r, c, { format: format ?? 'General' });
  }
  /** The format in the UI's language: zh-CN builds call General `G/通用格式`. */
  get NumberFormatLocal(): string | null {
    const f = this.NumberFormat;
    return f === 'General' ? 'G/通用格式' : f;
  }

  get Interior(): WpsInterior {
    return new FakeInterior(
      () => [...this.each((cell) => cell?.fill ?? null)],
      (fill) => {
        for (const [r, c] of this.coords()) this.model.set(r, c, { fill });
      },
    );
  }

  get Comment(): WpsComment | null {
    const { row, col } = this.area;
    return this.model.get(row, col)?.comment ? this.commentAt(row, col) : null;
  }

  commentAt(row: number, col: number): WpsComment {
    const model = this.model;
    const parent = this.at({ row, col, lastRow: row, lastCol: col });
    return {
      Text(text?: string): string {
        const comment = model.get(row, col)?.comment;
        if (!comment) throw new FakeComError(E_FAIL_1004, 'The comment was deleted');
        if (text !== undefined) model.set(row, col, { comment: { ...comment, text } });
        return text ?? comment.text;
      },
      Delete(): void {
        model.set(row, col, { comment: null });
      },
      Parent: parent,
    };
  }

  /** Adds a comment (note) to a single cell; a cell that already has one refuses (error 1004). */
  AddComment(text?: string): WpsComment {
    const { row, col, lastRow, lastCol } = this.area;
    if (row !== lastRow || col !== lastCol) throw new FakeComError(E_FAIL_1004, 'AddComment needs a single cell');
    if (this.model.get(row, col)?.comment) throw new FakeComError(E_FAIL_1004, 'The cell already has a comment');
    this.model.set(row, col, { comment: { text: text ?? '', author: 'WPS' } });
    return this.commentAt(row, col);
  }

  ClearComments(): void {
    for (const [r, c] of this.coords()) if (this.model.get(r, c)?.comment) this.model.set(r, c, { comment: null });
  }

  ClearContents(): void {
    for (const [r, c] of this.coords()) if (this.model.get(r, c)) this.model.set(r, c, { value: null });
    this.changed();
  }

  get MergeCells(): boolean | null {
    const merged = [...this.coords()].map(([r, c]) => this.model.mergeAt(r, c) !== undefined);
    return uniform(merged);
  }
  set MergeCells(merge: boolean | null) {
    if (merge) this.Merge();
    else this.UnMerge();
  }

  /** Merges the range; partly overlapping an existing merge is refused. Only the top-left value is kept. */
  Merge(): void {
    const a = this.area;
    const inside = (m: Area): boolean => m.row >= a.row && m.lastRow <= a.lastRow && m.col >= a.col && m.lastCol <= a.lastCol;
    const touches = (m: Area): boolean => m.row <= a.lastRow && a.row <= m.lastRow && m.col <= a.lastCol && a.col <= m.lastCol;
    if (this.model.merges.some((m) => touches(m) && !inside(m))) throw new FakeComError(E_FAIL_1004, 'Cannot merge across a merged area');
    if (a.row === a.lastRow && a.col === a.lastCol) return;
    for (let i = this.model.merges.length - 1; i >= 0; i -= 1) if (inside(this.model.merges[i]!)) this.model.merges.splice(i, 1);
    for (const [r, c] of this.coords()) if ((r !== a.row || c !== a.col) && this.model.get(r, c)) this.model.set(r, c, { value: null });
    this.model.merges.push({ ...a });
  }

  UnMerge(): void {
    const a = this.area;
    const touches = (m: Area): boolean => m.row <= a.lastRow && a.row <= m.lastRow && m.col <= a.lastCol && a.col <= m.lastCol;
    for (let i = this.model.merges.length - 1; i >= 0; i -= 1) if (touches(this.model.merges[i]!)) this.model.merges.splice(i, 1);
  }

  get MergeArea(): WpsRange {
    const { row, col } = this.area;
    return this.at(this.model.mergeAt(row, col) ?? { row, col, lastRow: row, lastCol: col });
  }

  get EntireRow(): WpsRange {
    return this.at({ row: this.area.row, col: 0, lastRow: this.area.lastRow, lastCol: MAX_COLS - 1 });
  }

  private wholeRows(): boolean {
    return this.area.col === 0 && this.area.lastCol === MAX_COLS - 1;
  }

  /** Only whole rows answer; mixed rows answer null. */
  get Hidden(): boolean | null {
    if (!this.wholeRows()) throw new FakeComError(E_FAIL_1004, 'Unable to get the Hidden property of the Range class');
    const rows: boolean[] = [];
    for (let r = this.area.row; r <= this.area.lastRow; r += 1) rows.push(this.model.hiddenRows.has(r));
    return uniform(rows);
  }
  set Hidden(hidden: boolean | null) {
    if (!this.wholeRows()) throw new FakeComError(E_FAIL_1004, 'Unable to set the Hidden property of the Range class');
    for (let r = this.area.row; r <= this.area.lastRow; r += 1) {
      if (hidden) this.model.hiddenRows.add(r);
      else this.model.hiddenRows.delete(r);
    }
  }

  /** Points; hidden rows are 0; null when the rows differ. */
  get RowHeight(): number | null {
    const heights: number[] = [];
    for (let r = this.area.row; r <= this.area.lastRow; r += 1) heights.push(this.model.rowHeight(r));
    return uniform(heights);
  }
  set RowHeight(points: number | null) {
    for (let r = this.area.row; r <= this.area.lastRow; r += 1) {
      if (points === 0) this.model.hiddenRows.add(r);
      else this.model.rowHeights.set(r, points ?? 13.5);
    }
  }

  get Rows(): WpsRangeList {
    const a = this.area;
    return {
      Count: a.lastRow - a.row + 1,
      Item: (i: number) => {
        if (!Number.isInteger(i) || i < 1 || a.row + i - 1 > a.lastRow) throw new FakeComError(DISP_E_BADINDEX, 'Invalid index.');
        return this.at({ ...a, row: a.row + i - 1, lastRow: a.row + i - 1 });
      },
    };
  }

  get Columns(): WpsRangeList {
    const a = this.area;
    return {
      Count: a.lastCol - a.col + 1,
      Item: (i: number) => {
        if (!Number.isInteger(i) || i < 1 || a.col + i - 1 > a.lastCol) throw new FakeComError(DISP_E_BADINDEX, 'Invalid index.');
        return this.at({ ...a, col: a.col + i - 1, lastCol: a.col + i - 1 });
      },
    };
  }

  /** `$A$1:$D$5`; whole rows `$3:$5`, whole columns `$A:$C`. */
  Address(rowAbsolute = true, columnAbsolute = true): string {
    const a = this.area;
    const rp = rowAbsolute ? '$' : '';
    const cp = columnAbsolute ? '$' : '';
    if (this.wholeRows()) return `${rp}${a.row + 1}:${rp}${a.lastRow + 1}`;
    if (a.row === 0 && a.lastRow === MAX_ROWS - 1) return `${cp}${columnLetters(a.col)}:${cp}${columnLetters(a.lastCol)}`;
    const cell = (r: number, c: number): string => `${cp}${columnLetters(c)}${rp}${r + 1}`;
    const tl = cell(a.row, a.col);
    return a.row === a.lastRow && a.col === a.lastCol ? tl : `${tl}:${cell(a.lastRow, a.lastCol)}`;
  }

  /** Selecting needs the sheet to be active (error 1004 otherwise) and raises SheetSelectionChange. */
  Select(): void {
    if (!this.host.isActive(this.model)) throw new FakeComError(E_FAIL_1004, 'Select method of Range class failed');
    this.model.selection = { ...this.area };
    if (this.host.eventsOn()) this.host.fire('SheetSelectionChange', this.Worksheet, this);
  }
}
