import { parseA1, type Area } from '../../../core/a1';
import type { XlComment, XlCommentCollection, XlEventHandlerResult, XlEventHandlers, XlNote, XlNoteCollection, XlSelectionEvent, XlWorksheet, XlWorksheetCollection } from '../office-types';
import type { FakeRequestContext } from './context';
import { FakeOfficeError, notLoaded } from './errors';
import { colOf, keyOf, rowOf, usedArea, type FakeSheet } from './model';
import { FakeObject } from './proxy';
import { FakeRange, parseAddress } from './range';

export type EventKind = 'selection' | 'click' | 'sheetSelection';
export type FakeHandler = (args: XlSelectionEvent & { type: string }) => Promise<unknown>;

/** `OfficeExtension.EventHandlers`: `add` registers at the next sync; `remove` unregisters at the one after. */
export class FakeEventHandlers extends FakeObject<null> implements XlEventHandlers<XlSelectionEvent> {
  protected readonly scalars = [] as const;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    private readonly kind: EventKind,
    private readonly version: string,
    private readonly sheet?: () => FakeSheet,
  ) {
    super(context, parent, kind);
  }
  protected find(): null {
    return null;
  }
  protected read(): unknown {
    return undefined;
  }
  add(handler: FakeHandler): XlEventHandlerResult {
    let sheetId: string | undefined;
    this.queue('call', 'add', [], () => {
      this.require(this.version, `${this.kind}.add`);
      sheetId = this.sheet?.().id;
      this.context.session.addHandler(this.kind, handler, sheetId);
    });
    return {
      context: this.context,
      remove: () => this.queue('call', 'remove', [], () => this.context.session.removeHandler(this.kind, handler, sheetId)),
    };
  }
}

export class FakeWorksheetCollection extends FakeObject<FakeSheet[]> implements XlWorksheetCollection {
  protected readonly scalars = [] as const;
  private loadedItems: FakeWorksheet[] | undefined;
  readonly onSelectionChanged: FakeEventHandlers;
  readonly onSingleClicked: FakeEventHandlers;

  constructor(context: FakeRequestContext, parent: FakeObject<unknown>) {
    super(context, parent, 'worksheets');
    this.onSelectionChanged = new FakeEventHandlers(context, this, 'selection', '1.9');
    this.onSingleClicked = new FakeEventHandlers(context, this, 'click', '1.10');
  }
  protected find(): FakeSheet[] {
    return this.context.session.book.sheets;
  }
  protected read(): unknown {
    return undefined;
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  override load(names: string | string[]): this {
    const props = itemProps(names, 'Worksheets');
    this.context.enqueue({
      target: this,
      kind: 'load',
      name: '',
      select: props.map((p) => `items/${p}`),
      run: () => ({ value: this.target().map((s) => Object.fromEntries(props.map((p) => [p, sheetProp(s, p)]))) }),
      deliver: (v) => {
        const sheets = this.target();
        this.loadedItems = (v as Array<Record<string, unknown>>).map((values, i) => {
          const ws = new FakeWorksheet(this.context, this, 'items', [i], () => sheets[i]!).bind(sheets[i]!);
          ws.deliverLoaded(values);
          return ws;
        });
      },
    });
    return this;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, 'getItem', [key], () => this.context.session.book.sheet(key) ?? null);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, 'getItemOrNullObject', [key], () => this.context.session.book.sheet(key) ?? null, true, '1.4');
  }

  add(name?: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, this, 'add', [name], () => null);
    this.context.enqueue({
      target: ws,
      kind: 'call',
      name: 'add',
      run: () => {
        ws.bind(this.context.session.book.addSheet(name ?? `Sheet${this.context.session.book.sheets.length + 1}`));
      },
    });
    return ws;
  }
}

function itemProps(names: string | string[], where: string): string[] {
  const list = (Array.isArray(names) ? names : names.split(',')).map((s) => s.trim()).filter(Boolean);
  return list.map((p) => {
    if (!p.startsWith('items/')) throw new Error(`${where}.load supports items/… paths only, got ${p}`);
    return p.slice('items/'.length);
  });
}

function sheetProp(s: FakeSheet, prop: string): unknown {
  if (prop === 'name' || prop === 'id' || prop === 'visibility') return s[prop];
  throw new Error(`Property ${prop} needs to be present in object model before load is called (Worksheet)`);
}

export class FakeWorksheet extends FakeObject<FakeSheet> implements XlWorksheet {
  protected readonly scalars = ['id', 'name', 'visibility'] as const;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;
  readonly onSelectionChanged: FakeEventHandlers;

  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    pathName: string,
    pathArgs: readonly unknown[],
    private readonly finder: () => FakeSheet | null,
    orNull = false,
    private readonly version = '1.1',
  ) {
    super(context, parent, pathName, pathArgs, orNull);
    this.notes = new FakeNoteCollection(context, this);
    this.comments = new FakeCommentCollection(context, this);
    this.onSelectionChanged = new FakeEventHandlers(context, this, 'sheetSelection', '1.7', () => this.target());
  }

  protected find(): FakeSheet | null {
    this.require(this.version, `Worksheets.${this.pathName}`);
    return this.finder();
  }
  protected read(s: FakeSheet, prop: string): unknown {
    return sheetProp(s, prop);
  }
  get id(): string {
    return this.get('id') as string;
  }
  get name(): string {
    return this.get('name') as string;
  }
  get visibility(): string {
    return this.get('visibility') as string;
  }

  activate(): void {
    this.queue('call', 'activate', [], () => this.context.session.book.activate(this.target()));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this, 'getRange', [address], () => {
      const sheet = this.target();
      const area = parseAddress(address);
      if (!area) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format.`, 'Worksheet.getRange');
      return { sheet, area };
    });
  }

  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, this, 'getUsedRangeOrNullObject', [], () => {
      this.require('1.4', 'Worksheet.getUsedRangeOrNullObject');
      const sheet = this.target();
      const area = usedArea(sheet);
      return area ? { sheet, area } : null;
    }, true);
  }

  getUsedRange(): FakeRange {
    return new FakeRange(this.context, this, 'getUsedRange', [], () => {
      const sheet = this.target();
      return { sheet, area: usedArea(sheet) ?? { row: 0, col: 0, lastRow: 0, lastCol: 0 } };
    });
  }
}

/** The single cell a note or comment API is given: a Range proxy, or an address string. */
function cellOf(sheet: FakeSheet, cell: FakeRange | string, where: string): number {
  let area: Area | undefined;
  if (typeof cell === 'string') area = parseA1(cell.includes('!') ? cell.slice(cell.lastIndexOf('!') + 1) : cell);
  else {
    const t = cell.target();
    if (t.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'The cell is on another sheet', where);
    area = t.area;
  }
  if (!area || area.row !== area.lastRow || area.col !== area.lastCol) throw new FakeOfficeError('InvalidArgument', 'The range must be a single cell.', where);
  return keyOf(area.row, area.col);
}

type NoteTarget = { sheet: FakeSheet; key: number };

function locationOf(context: FakeRequestContext, parent: FakeObject<unknown>, target: () => NoteTarget): FakeRange {
  return new FakeRange(context, parent, 'getLocation', [], () => {
    const { sheet, key } = target();
    const row = rowOf(key);
    const col = colOf(key);
    return { sheet, area: { row, col, lastRow: row, lastCol: col } };
  });
}

/** Notes and comments differ only in where they are kept and what they carry: one store interface each. */
interface CellItemStore {
  /** ExcelApi set and the API name, for the requirement check and error messages. */
  readonly requirement: string;
  readonly api: 'Note' | 'Comment';
  keys(sheet: FakeSheet): number[];
  has(sheet: FakeSheet, key: number): boolean;
  read(sheet: FakeSheet, key: number, prop: string): unknown;
  create(sheet: FakeSheet, key: number, content: string, book: FakeRequestContext['session']['book']): void;
  setContent(sheet: FakeSheet, key: number, content: string): boolean;
  remove(sheet: FakeSheet, key: number): void;
}

const NOTES: CellItemStore = {
  requirement: '1.18',
  api: 'Note',
  keys: (sheet) => [...sheet.notes.keys()],
  has: (sheet, key) => sheet.notes.has(key),
  read: (sheet, key, prop) => (prop === 'content' ? (sheet.notes.get(key) ?? null) : 'FinPulse'),
  create: (sheet, key, content) => void sheet.notes.set(key, content),
  setContent: (sheet, key, content) => sheet.notes.has(key) && !!sheet.notes.set(key, content),
  remove: (sheet, key) => void sheet.notes.delete(key),
};

const COMMENTS: CellItemStore = {
  requirement: '1.10',
  api: 'Comment',
  keys: (sheet) => [...sheet.comments.keys()],
  has: (sheet, key) => sheet.comments.has(key),
  read: (sheet, key, prop) => {
    const c = sheet.comments.get(key);
    return prop === 'content' ? (c?.content ?? null) : (c?.id ?? null);
  },
  create: (sheet, key, content, book) => void sheet.comments.set(key, { id: book.newId('comment'), content }),
  setContent: (sheet, key, content) => {
    const c = sheet.comments.get(key);
    if (c) c.content = content;
    return !!c;
  },
  remove: (sheet, key) => void sheet.comments.delete(key),
};

/** A note or comment: content, delete, location. */
abstract class FakeCellItem extends FakeObject<NoteTarget> {
  protected abstract readonly store: CellItemStore;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    pathName: string,
    pathArgs: readonly unknown[],
    private readonly finder: () => NoteTarget | null,
    orNull = false,
  ) {
    super(context, parent, pathName, pathArgs, orNull);
  }
  protected find(): NoteTarget | null {
    return this.finder();
  }
  protected read({ sheet, key }: NoteTarget, prop: string): unknown {
    return this.store.read(sheet, key, prop);
  }
  get content(): string {
    return this.get('content') as string;
  }
  set content(value: string) {
    this.queue('set', 'content', [value], () => {
      const { sheet, key } = this.target();
      if (!this.store.setContent(sheet, key, value)) throw new FakeOfficeError('ItemNotFound', `The ${this.store.api.toLowerCase()} was deleted`, `${this.store.api}.content`);
    });
  }
  delete(): void {
    this.queue('call', 'delete', [], () => {
      const { sheet, key } = this.target();
      this.store.remove(sheet, key);
    });
  }
  getLocation(): FakeRange {
    return locationOf(this.context, this, () => this.target());
  }
}

export class FakeNote extends FakeCellItem implements XlNote {
  protected readonly scalars = ['content', 'authorName'] as const;
  protected readonly store = NOTES;
}

export class FakeComment extends FakeCellItem implements XlComment {
  protected readonly scalars = ['content', 'id'] as const;
  protected readonly store = COMMENTS;
}

type ItemClass<I extends FakeCellItem> = new (
  context: FakeRequestContext,
  parent: FakeObject<unknown>,
  pathName: string,
  pathArgs: readonly unknown[],
  finder: () => NoteTarget | null,
  orNull?: boolean,
) => I;

/** `Worksheet.notes` / `Worksheet.comments`: items by cell, loadable as a collection. */
abstract class FakeCellItemCollection<I extends FakeCellItem> extends FakeObject<FakeSheet> {
  protected readonly scalars = [] as const;
  private loadedItems: I[] | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    pathName: string,
    private readonly store: CellItemStore,
    private readonly Item: ItemClass<I>,
  ) {
    super(context, sheet, pathName);
  }
  protected find(): FakeSheet {
    this.require(this.store.requirement, `Worksheet.${this.store.api.toLowerCase()}s`);
    return this.sheet.target();
  }
  protected read(): unknown {
    return undefined;
  }
  get items(): I[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  override load(names: string | string[]): this {
    const props = itemProps(names, `${this.store.api}s`);
    this.context.enqueue({
      target: this,
      kind: 'load',
      name: '',
      select: props.map((p) => `items/${p}`),
      run: () => {
        const sheet = this.target();
        return { value: this.store.keys(sheet).map((key) => Object.fromEntries(props.map((p) => [p, this.store.read(sheet, key, p)]))) };
      },
      deliver: (v) => {
        const sheet = this.target();
        const keys = this.store.keys(sheet);
        this.loadedItems = (v as Array<Record<string, unknown>>).map((values, i) => {
          const item = new this.Item(this.context, this, 'items', [i], () => ({ sheet, key: keys[i]! })).bind({ sheet, key: keys[i]! });
          item.deliverLoaded(values);
          return item;
        });
      },
    });
    return this;
  }
  /** The item on a cell; `orNull` gives a null object instead of failing at sync. */
  protected byCell(method: string, cellAddress: FakeRange | string, orNull = false): I {
    return new this.Item(
      this.context,
      this,
      method,
      [cellAddress],
      () => {
        const sheet = this.target();
        const key = cellOf(sheet, cellAddress, `${this.store.api}Collection.${method}`);
        return this.store.has(sheet, key) ? { sheet, key } : null;
      },
      orNull,
    );
  }
  add(cellAddress: FakeRange | string, content: string): I {
    const item = new this.Item(this.context, this, 'add', [cellAddress, content], () => null);
    this.context.enqueue({
      target: item,
      kind: 'call',
      name: 'add',
      run: () => {
        const sheet = this.target();
        const api = `${this.store.api}Collection.add`;
        const key = cellOf(sheet, cellAddress, api);
        if (this.store.has(sheet, key)) throw new FakeOfficeError('InvalidArgument', `The cell already has a ${this.store.api.toLowerCase()}.`, api);
        this.store.create(sheet, key, String(content), this.context.session.book);
        item.bind({ sheet, key });
        this.context.session.wrote(sheet);
      },
    });
    return item;
  }
}

/** `Worksheet.notes` (ExcelApi 1.18): notes by cell address. */
export class FakeNoteCollection extends FakeCellItemCollection<FakeNote> implements XlNoteCollection {
  constructor(context: FakeRequestContext, sheet: FakeWorksheet) {
    super(context, sheet, 'notes', NOTES, FakeNote);
  }
  getItem(key: string): FakeNote {
    return this.byCell('getItem', key);
  }
  getItemOrNullObject(key: string): FakeNote {
    return this.byCell('getItemOrNullObject', key, true);
  }
}

/** `Worksheet.comments` (ExcelApi 1.10): threaded comments, found by cell; no null-object lookup. */
export class FakeCommentCollection extends FakeCellItemCollection<FakeComment> implements XlCommentCollection {
  constructor(context: FakeRequestContext, sheet: FakeWorksheet) {
    super(context, sheet, 'comments', COMMENTS, FakeComment);
  }
  getItemByCell(cellAddress: FakeRange | string): FakeComment {
    return this.byCell('getItemByCell', cellAddress);
  }
}
