import { formatA1, parseA1, parseRef, type Area, type SheetRef } from '../../../core/a1';
import { isSeedCell, type WorkbookSeed } from '../../testing/seed';
import type { WpsApiEvent, WpsApplication, WpsCollection, WpsComment, WpsListObject, WpsName, WpsRange, WpsWorkbook, WpsWorksheet, WpsWorksheets } from '../wps-types';
import { DISP_E_BADINDEX, E_FAIL_1004, FakeComError, MAX_COLS, MAX_ROWS, SheetModel, type FakeHost } from './fake-model';
import { FakeRange } from './fake-range';
import { FakeCellError } from './fake-values';

/**
 * A fake of the WPS Spreadsheets JS object model (WPS 加载项 jsapi), written from its documentation
 * and the VBA object model it mirrors, quirks included: 1-based collections read through Item(),
 * Value2 scalar for one cell and rows for several, dates as serials, errors as COM error codes,
 * BGR colours, null for mixed multi-cell properties, strings parsed as typed unless the cell is
 * text-formatted, an empty sheet's UsedRange is $A$1, Sheets.Add activates the new sheet, events
 * through Application.ApiEvent honouring Application.EnableEvents. It keeps everything in memory:
 * a new host over the same application is a reopened workbook.
 */

function badIndex(what: string): FakeComError {
  return new FakeComError(DISP_E_BADINDEX, `${what}: subscript out of range`);
}

/** `A1`, `$A$1:$D$5`, whole rows `3:5`, whole columns `A:C`; anything else is error 1004, as WPS raises it. */
function parseAddress(address: string): Area {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address.trim());
  if (rows) {
    const [a, b] = [Number(rows[1]) - 1, Number(rows[2]) - 1];
    if (Math.min(a, b) >= 0 && Math.max(a, b) < MAX_ROWS) return { row: Math.min(a, b), col: 0, lastRow: Math.max(a, b), lastCol: MAX_COLS - 1 };
  }
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address.trim());
  if (cols) {
    const a = parseA1(`${cols[1]}1`);
    const b = parseA1(`${cols[2]}1`);
    if (a && b) return { row: 0, col: Math.min(a.col, b.col), lastRow: MAX_ROWS - 1, lastCol: Math.max(a.col, b.col) };
  }
  const area = parseA1(address);
  if (!area) throw new FakeComError(E_FAIL_1004, `Method 'Range' of object '_Worksheet' failed`);
  return area;
}

class Listeners implements WpsApiEvent {
  private readonly map = new Map<string, Array<(...args: unknown[]) => void>>();
  Cancel = false;

  AddApiEventListener(eventName: string, callback: (...args: unknown[]) => void): void {
    this.map.set(eventName, [...(this.map.get(eventName) ?? []), callback]);
  }
  RemoveApiEventListener(eventName: string, callback?: (...args: unknown[]) => void): void {
    const left = callback ? (this.map.get(eventName) ?? []).filter((f) => f !== callback) : [];
    if (left.length) this.map.set(eventName, left);
    else this.map.delete(eventName);
  }
  count(eventName: string): number {
    return this.map.get(eventName)?.length ?? 0;
  }
  fire(eventName: string, args: unknown[]): void {
    for (const f of [...(this.map.get(eventName) ?? [])]) f(...args);
  }
}

export class FakeWorksheet implements WpsWorksheet {
  constructor(
    readonly model: SheetModel,
    private readonly book: FakeWorkbook,
    private readonly host: FakeHost,
  ) {}

  get Name(): string {
    return this.model.name;
  }
  /** 1 to 31 characters, none of : \ / ? * [ ], unique in the workbook (ignoring case). */
  set Name(name: string) {
    const taken = this.book.models.some((m) => m !== this.model && m.name.toLowerCase() === name.toLowerCase());
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || taken) throw new FakeComError(E_FAIL_1004, `Cannot rename a sheet to "${name}"`);
    this.model.name = name;
  }

  get Visible(): number {
    return this.model.visible;
  }
  set Visible(v: number | boolean) {
    const visible = v === true || v === -1 ? -1 : v === false ? 0 : v;
    const others = this.book.models.filter((m) => m !== this.model && m.visible === -1);
    if (visible !== -1 && others.length === 0) throw new FakeComError(E_FAIL_1004, 'A workbook must keep at least one visible sheet');
    this.model.visible = visible;
    if (visible !== -1 && this.book.activeModel === this.model) this.book.activate(others[0]!);
  }

  get Index(): number {
    return this.book.models.indexOf(this.model) + 1;
  }

  Range(cell1: string, cell2?: string): WpsRange {
    const a = parseAddress(cell1);
    const b = cell2 === undefined ? a : parseAddress(cell2);
    const area = { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), lastRow: Math.max(a.lastRow, b.lastRow), lastCol: Math.max(a.lastCol, b.lastCol) };
    return this.rangeAt(area);
  }

  rangeAt(area: Area): FakeRange {
    return new FakeRange(this.model, this, this.host, area);
  }

  get UsedRange(): WpsRange {
    return this.rangeAt(this.model.usedArea() ?? { row: 0, col: 0, lastRow: 0, lastCol: 0 });
  }

  get ListObjects(): WpsCollection<WpsListObject> & { Add(sourceType: number, source: WpsRange, linkSource?: unknown, hasHeaders?: number): WpsListObject } {
    const tables = this.model.tables;
    const wrap = (t: { name: string; area: Area }): WpsListObject => ({
      Name: t.name,
      Range: this.rangeAt(t.area),
      HeaderRowRange: this.rangeAt({ ...t.area, lastRow: t.area.row }),
    });
    return {
      Count: tables.length,
      Item: (index: number | string) => {
        const t = typeof index === 'number' ? tables[index - 1] : tables.find((x) => x.name.toLowerCase() === index.toLowerCase());
        if (!t) throw badIndex('ListObjects');
        return wrap(t);
      },
      Add: (_sourceType, source) => {
        const t = { name: `表${this.book.tableCount() + 1}`, area: { ...(source as FakeRange).area } };
        tables.push(t);
        return wrap(t);
      },
    };
  }

  /** The sheet's comments, row by row. */
  get Comments(): WpsCollection<WpsComment> {
    const at: Array<[number, number]> = [];
    for (const [k, cell] of this.model.cells) if (cell.comment) at.push([Math.floor(k / MAX_COLS), k % MAX_COLS]);
    at.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return {
      Count: at.length,
      Item: (index: number | string) => {
        const cell = typeof index === 'number' ? at[index - 1] : undefined;
        if (!cell) throw badIndex('Comments');
        return this.rangeAt({ row: cell[0], col: cell[1], lastRow: cell[0], lastCol: cell[1] }).commentAt(cell[0], cell[1]);
      },
    };
  }

  Activate(): void {
    this.book.activate(this.model);
  }
}

class FakeWorksheets implements WpsWorksheets {
  constructor(private readonly book: FakeWorkbook) {}

  get Count(): number {
    return this.book.models.length;
  }

  Item(index: number | string): FakeWorksheet {
    const model = typeof index === 'number' ? this.book.models[index - 1] : this.book.models.find((m) => m.name.toLowerCase() === index.toLowerCase());
    if (!model) throw badIndex('Worksheets');
    return this.book.sheet(model);
  }

  /** Adds `SheetN` before the active sheet, or before/after the given one, and activates it. */
  Add(before?: WpsWorksheet, after?: WpsWorksheet): FakeWorksheet {
    const models = this.book.models;
    let n = models.length + 1;
    while (models.some((m) => m.name.toLowerCase() === `sheet${n}`)) n += 1;
    const model = new SheetModel(`Sheet${n}`);
    const anchor = (s: WpsWorksheet | undefined): number => (s ? s.Index - 1 : -1);
    const active = this.book.activeModel;
    const at = after ? anchor(after) + 1 : before ? anchor(before) : active ? models.indexOf(active) : 0;
    models.splice(at, 0, model);
    const sheet = this.book.sheet(model);
    this.book.fire('WorkbookNewSheet', this.book, sheet);
    this.book.activate(model);
    return sheet;
  }
}

class FakeNames implements WpsCollection<WpsName> {
  readonly list: Array<{ Name: string; RefersTo: string; Visible: boolean }> = [];

  get Count(): number {
    return this.list.length;
  }
  Item(index: number | string): WpsName {
    const n = typeof index === 'number' ? this.list[index - 1] : this.list.find((x) => x.Name.toLowerCase() === index.toLowerCase());
    if (!n) throw badIndex('Names');
    return n;
  }
  Add(name: string, refersTo: string, visible = true): WpsName {
    const n = { Name: name, RefersTo: refersTo, Visible: visible };
    this.list.push(n);
    return n;
  }
}

/** Custom document properties (文档属性): a string value holds at most 255 characters. */
class FakeDocumentProperties {
  private readonly props = new Map<string, { Name: string; Type: number; Value: unknown }>();

  get Count(): number {
    return this.props.size;
  }
  Item(index: number | string): { Name: string; Type: number; Value: unknown; Delete(): void } {
    const p = typeof index === 'number' ? [...this.props.values()][index - 1] : this.props.get(index.toLowerCase());
    if (!p) throw new FakeComError(E_FAIL_1004, 'Invalid procedure call or argument');
    return { ...p, Delete: () => this.props.delete(p.Name.toLowerCase()) };
  }
  /** `Add(Name, LinkToContent, Type, Value)`; msoPropertyTypeString is 4. */
  Add(name: string, _linkToContent: boolean, type: number, value: unknown): void {
    if (type === 4 && String(value).length > 255) throw new FakeComError(0x80070057 | 0, 'The value is too long');
    this.props.set(name.toLowerCase(), { Name: name, Type: type, Value: value });
  }
}

export class FakeWorkbook implements WpsWorkbook {
  readonly models: SheetModel[] = [];
  readonly Worksheets: FakeWorksheets = new FakeWorksheets(this);
  readonly Names = new FakeNames();
  readonly CustomDocumentProperties = new FakeDocumentProperties();
  activeModel: SheetModel | undefined;
  private readonly sheets = new WeakMap<SheetModel, FakeWorksheet>();

  constructor(
    readonly Name: string,
    private readonly host: FakeHost,
  ) {}

  get Sheets(): FakeWorksheets {
    return this.Worksheets;
  }

  get ActiveSheet(): FakeWorksheet | null {
    return this.activeModel ? this.sheet(this.activeModel) : null;
  }

  sheet(model: SheetModel): FakeWorksheet {
    let sheet = this.sheets.get(model);
    if (!sheet) this.sheets.set(model, (sheet = new FakeWorksheet(model, this, this.host)));
    return sheet;
  }

  tableCount(): number {
    return this.models.reduce((n, m) => n + m.tables.length, 0);
  }

  activate(model: SheetModel): void {
    if (model === this.activeModel) return;
    if (model.visible !== -1) throw new FakeComError(E_FAIL_1004, 'Activate method of Worksheet class failed');
    const before = this.activeModel;
    this.activeModel = model;
    if (before) this.fire('SheetDeactivate', this.sheet(before));
    this.fire('SheetActivate', this.sheet(model));
  }

  fire(event: string, ...args: unknown[]): void {
    if (this.host.eventsOn()) this.host.fire(event, ...args);
  }
}

/** The Application of WPS Spreadsheets, with one open workbook. */
export class FakeWpsApplication implements WpsApplication {
  readonly ApiEvent = new Listeners();
  EnableEvents = true;
  ScreenUpdating = true;
  readonly ActiveWorkbook: FakeWorkbook;

  constructor(name = '工作簿1.xlsx') {
    const host: FakeHost = {
      eventsOn: () => this.EnableEvents,
      fire: (event, ...args) => this.ApiEvent.fire(event, args),
      isActive: (model) => this.ActiveWorkbook.activeModel === model,
    };
    this.ActiveWorkbook = new FakeWorkbook(name, host);
  }

  get ActiveSheet(): FakeWorksheet | null {
    return this.ActiveWorkbook.ActiveSheet;
  }

  /** The active sheet's selected cells. */
  get Selection(): WpsRange | null {
    const sheet = this.ActiveSheet;
    return sheet ? sheet.rangeAt(sheet.model.selection) : null;
  }

  /** Plays the user clicking the sheet tab, then selecting the range: SheetActivate, SheetSelectionChange. */
  userSelects(ref: SheetRef): void {
    const sheet = this.ActiveWorkbook.Worksheets.Item(ref.sheet);
    sheet.Activate();
    sheet.Range(ref.address).Select();
  }

  listenerCount(event: string): number {
    return this.ApiEvent.count(event);
  }

  /** A workbook built from the contract seed, as opening a saved file would present it. */
  static fromSeed(seed: WorkbookSeed): FakeWpsApplication {
    const app = new FakeWpsApplication();
    const book = app.ActiveWorkbook;
    for (const s of seed.sheets) {
      const model = new SheetModel(s.name, s.visible === false ? 0 : -1);
      book.models.push(model);
      for (const [address, cell] of Object.entries(s.cells)) {
        const at = parseA1(address);
        if (!at) throw new Error(`bad seed address ${address}`);
        const c = isSeedCell(cell) ? cell : { value: cell };
        const value = c.value !== null && typeof c.value === 'object' ? new FakeCellError(c.value.error) : c.value;
        model.set(at.row, at.col, { value, format: c.format ?? 'General', fill: c.fill ? bgrOf(c.fill) : null, comment: c.note ? { text: c.note, author: 'WPS' } : null });
      }
      for (const m of s.merges ?? []) model.merges.push(parseA1(m)!);
      for (const r of s.hiddenRows ?? []) model.hiddenRows.add(r - 1);
    }
    for (const n of seed.names ?? []) {
      const ref = parseRef(n.ref)!;
      const absolute = formatA1(parseA1(ref.address)!).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      book.Names.Add(n.name, `='${ref.sheet.replace(/'/g, "''")}'!${absolute}`);
    }
    for (const t of seed.tables ?? []) book.models.find((m) => m.name === t.sheet)!.tables.push({ name: t.name, area: parseA1(t.address)! });
    book.activeModel = book.models.find((m) => m.visible === -1);
    return app;
  }
}

/** `#RRGGBB` as the BGR integer VBA's RGB() gives. */
export function bgrOf(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n >> 16) & 0xff) | (n & 0xff00) | ((n & 0xff) << 16);
}
