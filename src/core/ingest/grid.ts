import { problem, type Problem } from '../errors';
import { amountFromNumber, parseAmount, type ParsedAmount } from '../money';
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

const cellText = (c: Cell): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : formatDay(Math.floor(c.getTime() / 86400000));
  if (typeof c === 'object') return c.error;
  return String(c).trim();
};

const isErrorCell = (c: Cell): boolean =>
  (typeof c === 'object' && c !== null && !(c instanceof Date)) || (typeof c === 'string' && ERROR_TEXT.test(c.trim()));

interface Columns {
  date: number;
  account?: number;
  amount?: number;
  debit?: number;
  credit?: number;
  dimensions: Array<[string, number]>;
  measures: Array<[string, number]>;
}

/** Turns rows under a header into an observation table; bad rows are skipped with a located warning, never guessed. */
export function ingestGrid(rows: readonly GridRow[], mapping: Mapping = {}): IngestResult {
  const problems: Problem[] = [];
  const scale = mapping.scale ?? 2;
  const builder = new TableBuilder(scale, rows.length);
  const stats = { rows: 0, kept: 0, skipped: 0, rounded: 0 };
  const headerAt = findHeader(rows, mapping);
  if (headerAt < 0) {
    problems.push(problem('$', rows.length === 0 ? 'ingest.empty' : 'ingest.noHeader'));
    return { table: builder.build(), problems, stats };
  }
  const header = rows[headerAt]!.cells.map(cellText);
  const columns = resolveColumns(header, mapping, problems);
  if (!columns) return { table: builder.build(), problems, stats };
  for (const { row, cells } of rows.slice(headerAt + 1)) {
    if (cells.every((c) => cellText(c) === '')) continue;
    stats.rows += 1;
    const skip = (code: Parameters<typeof problem>[1], value: string): void => {
      stats.skipped += 1;
      problems.push(problem(`row ${row}`, code, { row, value }, 'warning'));
    };
    const dateCell = cells[columns.date];
    if (isErrorCell(dateCell)) {
      skip('ingest.cellError', cellText(dateCell));
      continue;
    }
    const date = parseDateValue(dateCell instanceof Date || typeof dateCell === 'number' ? dateCell : cellText(dateCell), mapping.dateOrder);
    if (!date) {
      skip('ingest.badDate', cellText(dateCell));
      continue;
    }
    const amount = readAmount(cells, columns, scale);
    if (!amount.ok) {
      skip(amount.skip, amount.value);
      continue;
    }
    const measures: Record<string, number> = { amount: amount.minor };
    let bad = false;
    for (const [name, col] of columns.measures) {
      const m = readNumber(cells[col], scale);
      if (!m.ok) {
        skip(m.skip, m.value);
        bad = true;
        break;
      }
      measures[name] = m.minor;
      if (m.rounded) amount.rounded = true;
    }
    if (bad) continue;
    if (amount.rounded) {
      stats.rounded += 1;
      problems.push(problem(`row ${row}`, 'ingest.rounded', { row, value: amountText(cells, columns), scale }, 'warning'));
    }
    const text: Record<string, string> = {};
    if (columns.account !== undefined) text['account'] = cellText(cells[columns.account]);
    for (const [name, col] of columns.dimensions) text[name] = cellText(cells[col]);
    builder.add({ day: date.day, measures, text });
    stats.kept += 1;
  }
  if (stats.kept === 0) problems.push(problem('$', 'ingest.empty'));
  return { table: builder.build(), problems, stats };
}

function findHeader(rows: readonly GridRow[], mapping: Mapping): number {
  if (mapping.headerRow !== undefined) return rows.findIndex((r) => r.row === mapping.headerRow);
  // The first row with at least two text cells: title rows and blank rows above a header are common.
  return rows.findIndex((r) => r.cells.filter((c) => typeof c === 'string' && c.trim() !== '').length >= 2);
}

function resolveColumns(header: readonly string[], mapping: Mapping, problems: Problem[]): Columns | undefined {
  const lower = header.map((h) => h.toLowerCase());
  const find = (role: keyof typeof DEFAULT_HEADERS, named: string | undefined): number | undefined => {
    const wanted = named ? [named.toLowerCase()] : DEFAULT_HEADERS[role];
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
      const i = lower.indexOf(col.toLowerCase());
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

type Read = (ParsedAmount & { ok: true }) | { ok: false; skip: 'ingest.badAmount' | 'ingest.blankAmount' | 'ingest.cellError'; value: string };

function readNumber(cell: Cell, scale: number, blankIsZero = false): Read {
  if (isErrorCell(cell)) return { ok: false, skip: 'ingest.cellError', value: cellText(cell) };
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) {
    return blankIsZero ? { ok: true, minor: 0, rounded: false } : { ok: false, skip: 'ingest.blankAmount', value: '' };
  }
  const parsed = typeof cell === 'number' ? amountFromNumber(cell, scale) : typeof cell === 'string' ? parseAmount(cell, scale) : undefined;
  if (!parsed || Math.abs(parsed.minor) >= MAX_ADDEND) return { ok: false, skip: 'ingest.badAmount', value: cellText(cell) };
  return { ok: true, ...parsed };
}

function readAmount(cells: readonly Cell[], c: Columns, scale: number): Read {
  if (c.amount !== undefined) return readNumber(cells[c.amount], scale);
  const debitCell = cells[c.debit!];
  const creditCell = cells[c.credit!];
  if (cellText(debitCell) === '' && cellText(creditCell) === '') return { ok: false, skip: 'ingest.blankAmount', value: '' };
  const debit = readNumber(debitCell, scale, true);
  if (!debit.ok) return debit;
  const credit = readNumber(creditCell, scale, true);
  if (!credit.ok) return credit;
  return { ok: true, minor: debit.minor - credit.minor, rounded: debit.rounded || credit.rounded };
}

const amountText = (cells: readonly Cell[], c: Columns): string =>
  c.amount !== undefined ? cellText(cells[c.amount]) : `${cellText(cells[c.debit!])} / ${cellText(cells[c.credit!])}`;
