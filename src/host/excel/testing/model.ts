import { formatA1, parseA1, parseRef, type Area } from '../../../core/a1';
import { isSeedCell, type WorkbookSeed } from '../../testing/seed';
import { FakeOfficeError } from './errors';

/** What an Excel cell holds: typed-in text is parsed (see `enter`), formulas are kept, not computed. */
export type Content = number | string | boolean | { error: string } | { formula: string };

interface Row {
  content: Array<Content | undefined>;
  format: Array<string | undefined>;
  fill: Array<string | undefined>;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  rows: Map<number, Row>;
  hiddenRows: Set<number>;
  merges: Area[];
  /** Notes (1.18) and threaded comments (1.10) by cell key. */
  notes: Map<number, string>;
  comments: Map<number, { id: string; content: string }>;
  /** What was selected on the sheet when another became active: Excel restores it on return. */
  selected?: Area;
}

export const COLS = 16_384;
export const keyOf = (row: number, col: number): number => row * COLS + col;
export const rowOf = (key: number): number => Math.floor(key / COLS);
export const colOf = (key: number): number => key % COLS;

const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);
const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

/**
 * Excel's reading of a value set through `range.values`, as when typed: in a Text (`@`) cell a
 * string stays verbatim; elsewhere `'x` is text x, `=…`/`+…`/`@…` become formulas, numeric text a
 * number, TRUE/FALSE booleans and `#N/A` an error. `null` leaves the cell as it is, '' clears it.
 */
export function enter(raw: unknown, format: string | undefined): Content | undefined | null {
  if (raw === null) return null;
  if (raw === '') return undefined;
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') throw new FakeOfficeError('InvalidArgument', `Unsupported value ${JSON.stringify(raw)}`, 'Range.values');
  if (format === '@') return raw;
  if (raw.startsWith("'")) return raw.slice(1);
  if (NUMBER.test(raw)) return Number(raw);
  if (/^[=+\-@]/.test(raw)) return { formula: raw.startsWith('=') ? raw : `=${raw}` };
  if (/^(true|false)$/i.test(raw)) return raw.toUpperCase() === 'TRUE';
  if (ERRORS.has(raw.toUpperCase())) return { error: raw.toUpperCase() };
  if (/^-?\d+(\.\d+)?%$/.test(raw)) return Number(raw.slice(0, -1)) / 100;
  return raw;
}

/** What `values` and `valueTypes` report for a cell. Formulas are not computed: they read as #NAME?. */
export function report(c: Content | undefined): [unknown, string] {
  if (c === undefined) return ['', 'Empty'];
  if (typeof c === 'number') return [c, Number.isInteger(c) ? 'Integer' : 'Double'];
  if (typeof c === 'boolean') return [c, 'Boolean'];
  if (typeof c === 'string') return [c, 'String'];
  if ('error' in c) return [c.error, 'Error'];
  return ['#NAME?', 'Error'];
}

export interface Part {
  id: string;
  xml: string;
  namespaceUri: string;
}

/** The document: what Excel holds, and what survives saving and reopening. */
export class FakeBook {
  sheets: FakeSheet[] = [];
  names: Array<{ name: string; formula: string }> = [];
  tables: Array<{ name: string; sheetId: string; area: Area }> = [];
  parts = new Map<string, Part>();
  /** Office document settings as last saved by `saveAsync`. */
  savedSettings: Record<string, unknown> = {};
  selection: { sheetId: string; area: Area } | undefined;
  private nextId = 1;

  newId(prefix: string): string {
    this.nextId += 1;
    return `{${prefix}-${String(this.nextId).padStart(8, '0')}}`;
  }

  /**
   * Makes a sheet the active one, as clicking its tab does: the sheet left keeps its selection, the
   * sheet shown gets its own back (A1 the first time). A hidden sheet cannot be shown.
   */
  activate(sheet: FakeSheet): void {
    if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', `The sheet ${sheet.name} is hidden and cannot be activated.`, 'Worksheet.activate');
    const current = this.selection;
    if (current?.sheetId === sheet.id) return;
    const left = current && this.sheet(current.sheetId);
    if (left) left.selected = current.area;
    this.selection = { sheetId: sheet.id, area: sheet.selected ?? { row: 0, col: 0, lastRow: 0, lastCol: 0 } };
  }

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === name);
  }

  sheetOrThrow(name: string, location: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist.`, location);
    return s;
  }

  addSheet(name: string, visibility: FakeSheet['visibility'] = 'Visible'): FakeSheet {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new FakeOfficeError('InvalidArgument', `Invalid sheet name ${name}`, 'Worksheets.add');
    if (this.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} exists`, 'Worksheets.add');
    const sheet: FakeSheet = { id: this.newId('sheet'), name, visibility, rows: new Map(), hiddenRows: new Set(), merges: [], notes: new Map(), comments: new Map() };
    this.sheets.push(sheet);
    return sheet;
  }

  static fromSeed(seed: WorkbookSeed): FakeBook {
    const book = new FakeBook();
    for (const s of seed.sheets) {
      const sheet = book.addSheet(s.name, s.visible === false ? 'Hidden' : 'Visible');
      for (const [address, cell] of Object.entries(s.cells)) {
        const at = parseA1(address);
        if (!at) throw new Error(`bad seed address ${address}`);
        const c = isSeedCell(cell) ? cell : { value: cell };
        const v = c.value;
        const content: Content | undefined = v === null ? undefined : v;
        cellSet(sheet, at.row, at.col, { content, format: c.format, fill: c.fill });
        if (c.note) sheet.notes.set(keyOf(at.row, at.col), c.note);
      }
      for (const m of s.merges ?? []) sheet.merges.push(parseA1(m)!);
      for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r - 1);
    }
    for (const n of seed.names ?? []) {
      const ref = parseRef(n.ref)!;
      const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(ref.sheet) ? ref.sheet : `'${ref.sheet.replace(/'/g, "''")}'`;
      book.names.push({ name: n.name, formula: `=${quoted}!${absolute(parseA1(ref.address)!)}` });
    }
    for (const t of seed.tables ?? []) book.tables.push({ name: t.name, sheetId: book.sheet(t.sheet)!.id, area: parseA1(t.address)! });
    const first = book.sheets[0];
    if (first) book.selection = { sheetId: first.id, area: { row: 0, col: 0, lastRow: 0, lastCol: 0 } };
    return book;
  }
}

const absolute = (a: Area): string => formatA1(a).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');

export function cellGet(sheet: FakeSheet, row: number, col: number): { content?: Content; format?: string; fill?: string } {
  const r = sheet.rows.get(row);
  return r ? { content: r.content[col], format: r.format[col], fill: r.fill[col] } : {};
}

export function cellSet(sheet: FakeSheet, row: number, col: number, patch: { content?: Content; format?: string; fill?: string }): void {
  let r = sheet.rows.get(row);
  if (!r) {
    r = { content: [], format: [], fill: [] };
    sheet.rows.set(row, r);
  }
  if ('content' in patch) r.content[col] = patch.content;
  if ('format' in patch) r.format[col] = patch.format;
  if ('fill' in patch) r.fill[col] = patch.fill;
}

/** Used range with formatting counted (getUsedRange(false)). */
export function usedArea(sheet: FakeSheet): Area | undefined {
  let a: Area | undefined;
  for (const [row, r] of sheet.rows) {
    const cols = [r.content, r.format, r.fill].flatMap((xs) => xs.flatMap((x, i) => (x === undefined ? [] : [i])));
    if (!cols.length) continue;
    const lo = Math.min(...cols);
    const hi = Math.max(...cols);
    a = a
      ? { row: Math.min(a.row, row), col: Math.min(a.col, lo), lastRow: Math.max(a.lastRow, row), lastCol: Math.max(a.lastCol, hi) }
      : { row, col: lo, lastRow: row, lastCol: hi };
  }
  return a;
}
