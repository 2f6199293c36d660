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

/** `Worksheet.notes` (ExcelApi 1.18): notes by cell address. */
export class FakeNoteCollection extends FakeObject<FakeSheet> implements XlNoteCollection {
  protected readonly scalars = [] as const;
  private loadedItems: FakeNote[] | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context, sheet, 'notes');
  }
  protected find(): FakeSheet {
    this.require('1.18', 'Worksheet.notes');
    return this.sheet.target();
  }
  protected read(): unknown {
    return undefined;
  }
  get items(): FakeNote[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  override load(names: string | string[]): this {
    const props = itemProps(names, 'Notes');
    this.context.enqueue({
      target: this,
      kind: 'load',
      name: '',
      select: props.map((p) => `items/${p}`),
      run: () => ({ value: [...this.target().notes].map(([, content]) => Object.fromEntries(props.map((p) => [p, p === 'content' ? content : null]))) }),
      deliver: (v) => {
        const sheet = this.target();
        const keys = [...sheet.notes.keys()];
        this.loadedItems = (v as Array<Record<string, unknown>>).map((values, i) => {
          const note = new FakeNote(this.context, this, 'items', [i], () => ({ sheet, key: keys[i]! })).bind({ sheet, key: keys[i]! });
          note.deliverLoaded(values);
          return note;
        });
      },
    });
    return this;
  }
  private lookup(key: string): NoteTarget | null {
    const sheet = this.target();
    const k = cellOf(sheet, key, 'NoteCollection.getItem');
    return sheet.notes.has(k) ? { sheet, key: k } : null;
  }
  getItem(key: string): FakeNote {
    return new FakeNote(this.context, this, 'getItem', [key], () => this.lookup(key));
  }
  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.context, this, 'getItemOrNullObject', [key], () => this.lookup(key), true);
  }
  add(cellAddress: FakeRange | string, content: string): FakeNote {
    const note = new FakeNote(this.context, this, 'add', [cellAddress, content], () => null);
    this.context.enqueue({
      target: note,
      kind: 'call',
      name: 'add',
      run: () => {
        const sheet = this.target();
        const key = cellOf(sheet, cellAddress, 'NoteCollection.add');
        if (sheet.notes.has(key)) throw new FakeOfficeError('InvalidArgument', 'The cell already has a note.', 'NoteCollection.add');
        sheet.notes.set(key, String(content));
        note.bind({ sheet, key });
        this.context.session.wrote(sheet);
      },
    });
    return note;
  }
}

export class FakeNote extends FakeObject<NoteTarget> implements XlNote {
  protected readonly scalars = ['content', 'authorName'] as const;
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
    return prop === 'content' ? (sheet.notes.get(key) ?? null) : 'FinPulse';
  }
  get content(): string {
    return this.get('content') as string;
  }
  set content(value: string) {
    this.queue('set', 'content', [value], () => {
      const { sheet, key } = this.target();
      if (!sheet.notes.has(key)) throw new FakeOfficeError('ItemNotFound', 'The note was deleted', 'Note.content');
      sheet.notes.set(key, value);
    });
  }
  delete(): void {
    this.queue('call', 'delete', [], () => {
      const { sheet, key } = this.target();
      sheet.notes.delete(key);
    });
  }
  getLocation(): FakeRange {
    return locationOf(this.context, this, () => this.target());
  }
}

/** `Worksheet.comments` (ExcelApi 1.10): threaded comments, found by cell; no null-object lookup. */
export class FakeCommentCollection extends FakeObject<FakeSheet> implements XlCommentCollection {
  protected readonly scalars = [] as const;
  private loadedItems: FakeComment[] | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context, sheet, 'comments');
  }
  protected find(): FakeSheet {
    this.require('1.10', 'Worksheet.comments');
    return this.sheet.target();
  }
  protected read(): unknown {
    return undefined;
  }
  get items(): FakeComment[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  override load(names: string | string[]): this {
    const props = itemProps(names, 'Comments');
    this.context.enqueue({
      target: this,
      kind: 'load',
      name: '',
      select: props.map((p) => `items/${p}`),
      run: () => ({ value: [...this.target().comments.values()].map((c) => Object.fromEntries(props.map((p) => [p, p === 'content' ? c.content : c.id]))) }),
      deliver: (v) => {
        const sheet = this.target();
        const keys = [...sheet.comments.keys()];
        this.loadedItems = (v as Array<Record<string, unknown>>).map((values, i) => {
          const c = new FakeComment(this.context, this, 'items', [i], () => ({ sheet, key: keys[i]! })).bind({ sheet, key: keys[i]! });
          c.deliverLoaded(values);
          return c;
        });
      },
    });
    return this;
  }
  getItemByCell(cellAddress: FakeRange | string): FakeComment {
    return new FakeComment(this.context, this, 'getItemByCell', [cellAddress], () => {
      const sheet = this.target();
      const key = cellOf(sheet, cellAddress, 'CommentCollection.getItemByCell');
      return sheet.comments.has(key) ? { sheet, key } : null;
    });
  }
  add(cellAddress: FakeRange | string, content: string): FakeComment {
    const comment = new FakeComment(this.context, this, 'add', [cellAddress, content], () => null);
    this.context.enqueue({
      target: comment,
      kind: 'call',
      name: 'add',
      run: () => {
        const sheet = this.target();
        const key = cellOf(sheet, cellAddress, 'CommentCollection.add');
        if (sheet.comments.has(key)) throw new FakeOfficeError('InvalidArgument', 'The cell already has a comment.', 'CommentCollection.add');
        sheet.comments.set(key, { id: this.context.session.book.newId('comment'), content: String(content) });
        comment.bind({ sheet, key });
        this.context.session.wrote(sheet);
      },
    });
    return comment;
  }
}

export class FakeComment extends FakeObject<NoteTarget> implements XlComment {
  protected readonly scalars = ['content', 'id'] as const;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    pathName: string,
    pathArgs: readonly unknown[],
    private readonly finder: () => NoteTarget | null,
  ) {
    super(context, parent, pathName, pathArgs);
  }
  protected find(): NoteTarget | null {
    return this.finder();
  }
  protected read({ sheet, key }: NoteTarget, prop: string): unknown {
    const c = sheet.comments.get(key);
    return prop === 'content' ? (c?.content ?? null) : (c?.id ?? null);
  }
  get content(): string {
    return this.get('content') as string;
  }
  set content(value: string) {
    this.queue('set', 'content', [value], () => {
      const { sheet, key } = this.target();
      const c = sheet.comments.get(key);
      if (!c) throw new FakeOfficeError('ItemNotFound', 'The comment was deleted', 'Comment.content');
      c.content = value;
    });
  }
  delete(): void {
    this.queue('call', 'delete', [], () => {
      const { sheet, key } = this.target();
      sheet.comments.delete(key);
    });
  }
  getLocation(): FakeRange {
    return locationOf(this.context, this, () => this.target());
  }
}
