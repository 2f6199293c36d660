import { formatA1, parseA1, type SheetRef } from '../../../core/a1';
import type { WorkbookSeed } from '../../testing/seed';
import type { DocumentSettings, XlContext, XlRun } from '../office-types';
import { FakeRequestContext, type RequestStats } from './context';
import { FakeOfficeError } from './errors';
import { FakeBook, type FakeSheet } from './model';
import type { EventKind, FakeHandler } from './worksheets';

/** Excel on the web: 5 MB per request and per response, 5 million cells per read. */
export interface FakeLimits {
  requestBytes: number;
  responseBytes: number;
  cellsRead: number;
}

export const WEB_LIMITS: FakeLimits = { requestBytes: 5_000_000, responseBytes: 5_000_000, cellsRead: 5_000_000 };

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the host supports (default 1.18); newer APIs fail with ApiNotFound. */
  api?: string;
  limits?: Partial<FakeLimits>;
  /** Plays builds that raise a selection event after the add-in's own writes. */
  echoWrites?: boolean;
}

const version = (v: string): number[] => v.split('.').map(Number);
const atMost = (a: string, b: string): boolean => {
  const [x, y] = [version(a), version(b)];
  return x[0]! < y[0]! || (x[0] === y[0] && (x[1] ?? 0) <= (y[1] ?? 0));
};

/**
 * One Office session over a FakeBook: `run` is `Excel.run`, `isSetSupported` answers for the
 * configured requirement set, `settings` is `Office.context.document.settings`. `reopen()` is the
 * workbook saved, closed and opened again: the document stays, unsaved settings and handlers go.
 */
export class FakeSession {
  readonly limits: FakeLimits;
  readonly settings: FakeDocumentSettings;
  readonly requests: RequestStats[] = [];
  /** Commands queued but never synced when a batch ended (lost, as in Office). */
  unsynced = 0;
  private handlers = new Map<EventKind, Set<{ handler: FakeHandler; sheetId?: string }>>();
  private written = new Set<FakeSheet>();
  private selectionMoved = false;

  constructor(
    readonly book: FakeBook,
    readonly options: FakeExcelOptions = {},
  ) {
    this.limits = { ...WEB_LIMITS, ...options.limits };
    this.settings = new FakeDocumentSettings(book);
  }

  static fromSeed(seed: WorkbookSeed, options?: FakeExcelOptions): FakeSession {
    return new FakeSession(FakeBook.fromSeed(seed), options);
  }

  get api(): string {
    return this.options.api ?? '1.18';
  }

  readonly isSetSupported = (name: string, v: string): boolean => name === 'ExcelApi' && atMost(v, this.api);

  require(v: string, api: string): void {
    if (!atMost(v, this.api)) throw new FakeOfficeError('ApiNotFound', `${api} needs ExcelApi ${v}; this host has ${this.api}`, api);
  }

  readonly run: XlRun = async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this);
    const result = await batch(context);
    this.unsynced += context.pending;
    return result;
  };

  record(stats: RequestStats): void {
    this.requests.push(stats);
  }

  wrote(sheet: FakeSheet): void {
    this.written.add(sheet);
  }

  /** `range.select()` ran: its selection event follows the request, as Excel delivers it. */
  selectedByApi(): void {
    this.selectionMoved = true;
  }

  afterRequest(_stats: RequestStats): void {
    if (this.selectionMoved || (this.written.size && this.options.echoWrites)) setTimeout(() => this.fireSelection(), 0);
    this.written.clear();
    this.selectionMoved = false;
  }

  reopen(): FakeSession {
    return new FakeSession(this.book, this.options);
  }

  addHandler(kind: EventKind, handler: FakeHandler, sheetId?: string): void {
    const set = this.handlers.get(kind) ?? new Set();
    set.add({ handler, ...(sheetId ? { sheetId } : {}) });
    this.handlers.set(kind, set);
  }

  removeHandler(kind: EventKind, handler: FakeHandler, sheetId?: string): void {
    for (const h of this.handlers.get(kind) ?? []) if (h.handler === handler && h.sheetId === sheetId) this.handlers.get(kind)!.delete(h);
  }

  handlerCount(): number {
    return [...this.handlers.values()].reduce((n, s) => n + s.size, 0);
  }

  /** The user selects a range: Excel raises its selection events (synchronously here). */
  userSelects(ref: SheetRef): void {
    this.select(ref);
    this.fireSelection();
  }

  /** The user clicks a cell: a selection change (when it moves) and a single-click event. */
  userClicks(ref: SheetRef): void {
    const before = this.book.selection && `${this.book.selection.sheetId}!${formatA1(this.book.selection.area)}`;
    const { sheet, area } = this.select(ref);
    if (before !== `${sheet.id}!${formatA1(area)}`) this.fireSelection();
    this.fire('click', { type: 'WorksheetSingleClicked', address: formatA1(area), worksheetId: sheet.id });
  }

  private select(ref: SheetRef): { sheet: FakeSheet; area: NonNullable<ReturnType<typeof parseA1>> } {
    const sheet = this.book.sheet(ref.sheet);
    const area = parseA1(ref.address);
    if (!sheet || !area) throw new Error(`cannot select ${ref.sheet}!${ref.address}`);
    this.book.selection = { sheetId: sheet.id, area };
    return { sheet, area };
  }

  private fireSelection(): void {
    const sel = this.book.selection;
    if (!sel) return;
    const args = { type: 'WorksheetSelectionChanged', address: formatA1(sel.area), worksheetId: sel.sheetId };
    this.fire('selection', args);
    this.fire('sheetSelection', args, sel.sheetId);
  }

  private fire(kind: EventKind, args: Parameters<FakeHandler>[0], sheetId?: string): void {
    for (const h of [...(this.handlers.get(kind) ?? [])]) {
      if (sheetId && h.sheetId !== sheetId) continue;
      void h.handler({ ...args }).catch(() => undefined);
    }
  }
}

/** `Office.context.document.settings`: a copy loaded with the document; `saveAsync` writes it back. */
export class FakeDocumentSettings implements DocumentSettings {
  private values: Record<string, unknown>;
  /** Office caps an add-in's settings (2 MB); a bigger save fails. */
  static readonly MAX_BYTES = 2_000_000;

  constructor(private readonly book: FakeBook) {
    this.values = structuredClone(book.savedSettings);
  }

  get(name: string): unknown {
    return name in this.values ? structuredClone(this.values[name]) : null;
  }

  set(name: string, value: unknown): void {
    this.values[name] = JSON.parse(JSON.stringify(value)) as unknown;
  }

  remove(name: string): void {
    delete this.values[name];
  }

  saveAsync(callback: (result: { status: unknown; error?: { message: string } | null }) => void): void {
    const size = JSON.stringify(this.values).length;
    setTimeout(() => {
      if (size > FakeDocumentSettings.MAX_BYTES) return callback({ status: 'failed', error: { message: `Settings of ${size} bytes exceed the limit` } });
      this.book.savedSettings = structuredClone(this.values);
      callback({ status: 'succeeded', error: null });
    }, 0);
  }
}
