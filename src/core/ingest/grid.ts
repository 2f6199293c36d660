import { problem, type Problem } from '../errors';
import { amountFromNumber, parseAccountingAmount, parseAmount, type ParsedAmount } from '../money';
import { cellAddress, columnLetters, formatA1, formatRef } from '../a1';
import { formatDay, parseDateValue } from '../periods';
import { TableBuilder, type ObservationTable } from '../engine';
import { MAX_ADDEND } from '../engine/exact';
import { DEFAULT_HEADERS, type Mapping } from './mapping';

/** A cell as read from CSV or a workbook; `{ error }` is a spreadsheet error value such as #N/A. */
export type Cell = string | number | boolean | Date | null | undefined | { error: string };

export interface GridRow {
  /** 1-based row number in the file, for messages. */
  row: number;
  cells: readonly Cell[];
}

export interface IngestResult {
  table: ObservationTable;
  /** Errors (nothing could be read) and warnings (rows skipped or rounded), each with its row. */
  problems: Problem[];
  stats: { rows: number; kept: number; skipped: number; rounded: number };
}

const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

export const cellText = (c: Cell): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : formatDay(Math.floor(c.getTime() / 86400000));
  if (typeof c === 'object') return c.error;
  return String(c).trim();
};

export const isErrorCell = (c: Cell): boolean =>
  (typeof c === 'object' && c !== null && !(c instanceof Date)) || (typeof c === 'string' && ERROR_TEXT.test(c.trim()));

/** Which column (index into `cells`) plays each role, as found from the header row. */
export interface GridColumns {
  date: number;
  account?: number;
  amount?: number;
  debit?: number;
  credit?: number;
  dimensions: Array<[string, number]>;
  measures: Array<[string, number]>;
}

export interface GridOptions {
  /**
   * Where the grid sits in a workbook: `cells[0]` is in this 0-based column of `sheet` and
   * `GridRow.row` is the sheet's 1-based row. Problems then name the cell (`Ledger!C17`), not the row.
   */
  origin?: { sheet: string; col: number };
  /** Read amount text as workbooks display it: `-` or `—` for zero, `12.5%`, full-width digits. */
  accountingText?: boolean;
  /** The file read, so rows say where they came from (`ledger.csv:57`); ignored when `origin` is set. */
  file?: string;
}

/** Prefix of each row's origin: `Ledger!A` + sheet row, `ledger.csv:` + line, or `line ` + line. */
const originPrefix = (options: GridOptions): string =>
  options.origin ? formatRef({ sheet: options.origin.sheet, address: columnLetters(options.origin.col) }) : options.file ? `${options.file}:` : 'line ';

type Code = Parameters<typeof problem>[1];
const AT: Partial<Record<Code, Code>> = {
  'ingest.badDate': 'ingest.badDateAt',
  'ingest.badAmount': 'ingest.badAmountAt',
  'ingest.cellError': 'ingest.cellErrorAt',
  'ingest.rounded': 'ingest.roundedAt',
  'ingest.blankAmount': 'ingest.blankAmountAt',
};

/** Makes row problems: "Row 17" for files, the cell address (`Ledger!C17`) for workbook grids. */
function rowProblems(rows: readonly GridRow[], origin: GridOptions['origin']) {
  const cellRef = (row: number, cols: readonly number[]): string => {
    const [a = 0, b = a] = [Math.min(...cols), Math.max(...cols)].map((c) => c + origin!.col);
    const address = b - a <= 1 ? formatA1({ row: row - 1, col: a, lastRow: row - 1, lastCol: b }) : `${cellAddress(row - 1, a)},${cellAddress(row - 1, b)}`;
    return formatRef({ sheet: origin!.sheet, address });
  };
  return {
    at(row: number, cols: readonly number[], code: Code, params: Record<string, string | number>): Problem {
      const at = AT[code];
      if (!origin || !at) return problem(`row ${row}`, code, { row, ...params }, 'warning');
      const cell = cellRef(row, cols);
      return problem(cell, at, { row, cell, ...params }, 'warning');
    },
    /** Where grid-wide problems (no header, missing column) point: `$`, or the whole range read. */
    whole(): string {
      if (!origin || rows.length === 0) return '$';
      const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 1);
      const area = { row: rows[0]!.row - 1, col: origin.col, lastRow: rows[rows.length - 1]!.row - 1, lastCol: origin.col + width - 1 };
      return formatRef({ sheet: origin.sheet, address: formatA1(area) });
    },
  };
}

/** Finds the header row (`headerAt` indexes `rows`) and the column of each role, listing what is missing. */
export function locateColumns(rows: readonly GridRow[], mapping: Mapping = {}): { headerAt: number; columns?: GridColumns; problems: Problem[] } {
  const problems: Problem[] = [];
  const headerAt = findHeader(rows, mapping);
  if (headerAt < 0) {
    problems.push(problem('$', rows.length === 0 ? 'ingest.empty' : 'ingest.noHeader'));
    return { headerAt, problems };
  }
  const header = rows[headerAt]!.cells.map(cellText);
  return { headerAt, columns: resolveColumns(header, mapping, problems), problems };
}

/** Turns rows under a header into an observation table; bad rows are skipped with a located warning, never guessed. */
export function ingestGrid(rows: readonly GridRow[], mapping: Mapping = {}, options: GridOptions = {}): IngestResult {
  const scale = mapping.scale ?? 2;
  const builder = new TableBuilder(scale, rows.length, originPrefix(options));
  const stats = { rows: 0, kept: 0, skipped: 0, rounded: 0 };
  const located = rowProblems(rows, options.origin);
  const { headerAt, columns, problems: found } = locateColumns(rows, mapping);
  const problems = found.map((p) => (p.path === '$' ? { ...p, path: located.whole() } : p));
  if (!columns) return { table: builder.build(), problems, stats };
  const num = (cell: Cell, col: number, blankIsZero = false): Read => readNumber(cell, col, scale, blankIsZero, options.accountingText === true);
  for (const { row, cells } of rows.slice(headerAt + 1)) {
    if (cells.every((c) => cellText(c) === '')) continue;
    stats.rows += 1;
    const skip = (code: Code, value: string, cols: readonly number[]): void => {
      stats.skipped += 1;
      problems.push(located.at(row, cols, code, { value }));
    };
    const dateCell = cells[columns.date];
    if (isErrorCell(dateCell)) {
      skip('ingest.cellError', cellText(dateCell), [columns.date]);
      continue;
    }
    const date = parseDateValue(dateCell instanceof Date || typeof dateCell === 'number' ? dateCell : cellText(dateCell), mapping.dateOrder);
    if (!date) {
      skip('ingest.badDate', cellText(dateCell), [columns.date]);
      continue;
    }
    const amount = readAmount(cells, columns, num);
    if (!amount.ok) {
      skip(amount.skip, amount.value, amount.cols);
      continue;
    }
    const measures: Record<string, number> = { amount: amount.minor };
    let bad = false;
    for (const [name, col] of columns.measures) {
      const m = num(cells[col], col);
      if (!m.ok) {
        skip(m.skip, m.value, m.cols);
        bad = true;
        break;
      }
      measures[name] = m.minor;
      if (m.rounded) amount.rounded = true;
    }
    if (bad) continue;
    if (amount.rounded) {
      stats.rounded += 1;
      problems.push(located.at(row, amountColumns(columns), 'ingest.rounded', { value: amountText(cells, columns), scale }));
    }
    const text: Record<string, string> = {};
    if (columns.account !== undefined) text['account'] = cellText(cells[columns.account]);
    for (const [name, col] of columns.dimensions) text[name] = cellText(cells[col]);
    builder.add({ day: date.day, measures, text }, row);
    stats.kept += 1;
  }
  if (stats.kept === 0) problems.push(problem(located.whole(), 'ingest.empty'));
  return { table: builder.build(), problems, stats };
}

function findHeader(rows: readonly GridRow[], mapping: Mapping): number {
  if (mapping.headerRow !== undefined) return rows.findIndex((r) => r.row === mapping.headerRow);
  // The first row with at least two text cells: title rows and blank rows above a header are common.
  return rows.findIndex((r) => r.cells.filter((c) => typeof c === 'string' && c.trim() !== '').length >= 2);
}

function resolveColumns(header: readonly string[], mapping: Mapping, problems: Problem[]): GridColumns | undefined {
  const lower = header.map((h) => h.toLowerCase());
  const find = (role: keyof typeof DEFAULT_HEADERS, named: string | undefined): number | undefined => {
    const wanted = named ? [named.trim().toLowerCase()] : DEFAULT_HEADERS[role];
    const i = lower.findIndex((h) => (wanted as readonly string[]).includes(h));
    if (i >= 0) return i;
    if (named) problems.push(problem('$', 'ingest.missingColumn', { column: named, role, columns: header.join(', ') }));
    return undefined;
  };
  const date = find('date', mapping.date);
  const account = find('account', mapping.account);
  const debit = mapping.amount ? undefined : find('debit', mapping.debit);
  const credit = mapping.amount ? undefined : find('credit', mapping.credit);
  const amount = debit !== undefined && credit !== undefined ? undefined : find('amount', mapping.amount);
  if (problems.length > 0) return undefined;
  if (date === undefined) {
    problems.push(problem('$', 'ingest.missingColumn', { column: DEFAULT_HEADERS.date[0], role: 'date', columns: header.join(', ') }));
    return undefined;
  }
  if (amount === undefined && (debit === undefined || credit === undefined)) {
    problems.push(problem('$', 'ingest.missingColumn', { column: DEFAULT_HEADERS.amount[0], role: 'amount', columns: header.join(', ') }));
    return undefined;
  }
  const used = new Set([date, account, amount, debit, credit].filter((x): x is number => x !== undefined));
  const byName = (entries: Record<string, string> | undefined): Array<[string, number]> =>
    Object.entries(entries ?? {}).flatMap(([name, col]) => {
      const i = lower.indexOf(col.trim().toLowerCase());
      if (i < 0) problems.push(problem('$', 'ingest.missingColumn', { column: col, role: name, columns: header.join(', ') }));
      return i < 0 ? [] : [[name, i] as [string, number]];
    });
  const measures = byName(mapping.measures);
  measures.forEach(([, i]) => used.add(i));
  const dimensions = mapping.dimensions
    ? byName(mapping.dimensions)
    : header.flatMap((h, i) => (h !== '' && !used.has(i) ? [[h, i] as [string, number]] : []));
  if (problems.length > 0) return undefined;
  return { date, account, amount, debit, credit, dimensions, measures };
}

type Read =
  | (ParsedAmount & { ok: true })
  | { ok: false; skip: 'ingest.badAmount' | 'ingest.blankAmount' | 'ingest.cellError'; value: string; cols: number[] };

function readNumber(cell: Cell, col: number, scale: number, blankIsZero: boolean, accountingText: boolean): Read {
  if (isErrorCell(cell)) return { ok: false, skip: 'ingest.cellError', value: cellText(cell), cols: [col] };
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) {
    return blankIsZero ? { ok: true, minor: 0, rounded: false } : { ok: false, skip: 'ingest.blankAmount', value: '', cols: [col] };
  }
  const parseText = accountingText ? parseAccountingAmount : parseAmount;
  const parsed = typeof cell === 'number' ? amountFromNumber(cell, scale) : typeof cell === 'string' ? parseText(cell, scale) : undefined;
  if (!parsed || Math.abs(parsed.minor) >= MAX_ADDEND) return { ok: false, skip: 'ingest.badAmount', value: cellText(cell), cols: [col] };
  return { ok: true, ...parsed };
}

function readAmount(cells: readonly Cell[], c: GridColumns, num: (cell: Cell, col: number, blankIsZero?: boolean) => Read): Read {
  if (c.amount !== undefined) return num(cells[c.amount], c.amount);
  const debitCell = cells[c.debit!];
  const creditCell = cells[c.credit!];
  if (cellText(debitCell) === '' && cellText(creditCell) === '') return { ok: false, skip: 'ingest.blankAmount', value: '', cols: amountColumns(c) };
  const debit = num(debitCell, c.debit!, true);
  if (!debit.ok) return debit;
  const credit = num(creditCell, c.credit!, true);
  if (!credit.ok) return credit;
  return { ok: true, minor: debit.minor - credit.minor, rounded: debit.rounded || credit.rounded };
}

const amountColumns = (c: GridColumns): number[] => (c.amount !== undefined ? [c.amount] : [c.debit!, c.credit!]);

const amountText = (cells: readonly Cell[], c: GridColumns): string =>
  c.amount !== undefined ? cellText(cells[c.amount]) : `${cellText(cells[c.debit!])} / ${cellText(cells[c.credit!])}`;
