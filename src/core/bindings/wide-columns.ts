import { columnIndex, type CellValue } from '../a1';
import { problem, type Problem } from '../errors';
import { isErrorCell } from '../ingest';
import { parseAccountingAmount } from '../money';
import { firstDayOf, indexOfDay, parsePeriodKey, periodKeyOf, type FiscalCalendar, type Grain } from '../periods';
import { cellAt, gridRef, isBlank, refOf, type SheetGrid } from './grid';
import { labelOf } from './labels';
import { readHeaderPeriod, type HeaderPeriod } from './period-header';
import type { Binding } from './shape';

type WideOptions = NonNullable<Binding['wide']>;

/** A column whose header is a period: its values are observations dated `start`. */
export interface PeriodColumn {
  col: number;
  grain: Grain;
  /** First epoch day of the period, and the first day after it. */
  start: number;
  end: number;
  key: string;
}

/** Where a wide (line items down, periods across) block keeps its header, labels, codes and periods. */
export interface WideColumns {
  headerRow: number;
  label: number;
  code?: number;
  periods: PeriodColumn[];
}

const GRAIN_RANK: Record<Grain, number> = { day: 0, week: 1, month: 2, quarter: 3, year: 4 };

/** Reads the header of a wide block; every problem found is added to `problems`. */
export function wideColumns(g: SheetGrid, wide: WideOptions, cal: FiscalCalendar, problems: Problem[]): WideColumns | undefined {
  const headerRow = findHeaderRow(g, wide.headerRow, problems);
  if (headerRow === undefined) return undefined;
  const headers = new Map<number, HeaderPeriod>();
  for (let c = g.col; c < g.col + g.width; c += 1) {
    const period = readHeaderPeriod(cellAt(g, headerRow, c));
    if (period) headers.set(c, period);
  }
  const code = wide.codeColumn === undefined ? undefined : findColumn(g, headerRow, wide.codeColumn, 'wide.codeColumn', problems);
  const label = wide.labelColumn === undefined ? defaultLabelColumn(g, headerRow, headers, problems) : findColumn(g, headerRow, wide.labelColumn, 'wide.labelColumn', problems);
  if (label === undefined || (wide.codeColumn !== undefined && code === undefined)) return undefined;
  headers.delete(label);
  if (code !== undefined) headers.delete(code);
  const { periods, yearless } = resolvePeriods(g, headerRow, headers, wide.year, cal, problems);
  const totals = periods.filter((p) => periods.some((q) => GRAIN_RANK[q.grain] < GRAIN_RANK[p.grain] && q.start >= p.start && q.end <= p.end));
  if (totals.length > 0) {
    const columns = totals.map((p) => `${refOf(g, headerRow, p.col)} "${labelOf(cellAt(g, headerRow, p.col))}"`).join(', ');
    problems.push(problem(refOf(g, headerRow, g.col, g.col + g.width - 1), 'bind.totalColumns', { columns }, 'warning'));
  }
  const kept = periods.filter((p) => !totals.includes(p));
  reportDuplicates(g, headerRow, kept, problems);
  const used = new Set([label, code, ...periods.map((p) => p.col), ...yearless]);
  reportIgnored(g, headerRow, used, problems);
  return { headerRow, label, code, periods: kept };
}

function findHeaderRow(g: SheetGrid, headerRow: number | undefined, problems: Problem[]): number | undefined {
  if (headerRow !== undefined) {
    const r = headerRow - 1;
    if (r >= g.row && r < g.row + g.cells.length) return r;
    problems.push(problem(gridRef(g), 'bind.headerRowOutside', { row: headerRow, range: gridRef(g) }));
    return undefined;
  }
  let single: number | undefined;
  for (let r = g.row; r < g.row + g.cells.length; r += 1) {
    const cells = g.cells[r - g.row]!;
    const periods = cells.flatMap((v) => (readHeaderPeriod(v) ? [v] : []));
    if (periods.length >= 2 && plausibleHeader(periods)) return r;
    if (periods.length === 1 && typeof periods[0] === 'string') single ??= r;
  }
  if (single !== undefined) return single;
  problems.push(problem(gridRef(g), 'bind.noPeriods', { range: gridRef(g) }));
  return undefined;
}

/** Numbers pass for period headers only in ascending order: a row of amounts is not a header. */
function plausibleHeader(cells: readonly CellValue[]): boolean {
  if (cells.some((v) => typeof v === 'string')) return true;
  const nums = cells as number[];
  return nums.every((n, i) => i === 0 || n > nums[i - 1]!);
}

function findColumn(g: SheetGrid, headerRow: number, spec: string, role: string, problems: Problem[]): number | undefined {
  const want = spec.normalize('NFKC').trim().toLowerCase();
  for (let c = g.col; c < g.col + g.width; c += 1) if (labelOf(cellAt(g, headerRow, c)).toLowerCase() === want) return c;
  if (/^[a-z]{1,3}$/.test(want)) {
    const c = columnIndex(want);
    if (c >= g.col && c < g.col + g.width) return c;
  }
  const columns = headerCells(g, headerRow).join(', ');
  problems.push(problem(refOf(g, headerRow, g.col, g.col + g.width - 1), 'bind.noLabelColumn', { column: spec, role, range: gridRef(g), columns }));
  return undefined;
}

const headerCells = (g: SheetGrid, headerRow: number): string[] =>
  Array.from({ length: g.width }, (_, i) => g.col + i).flatMap((c) => {
    const h = labelOf(cellAt(g, headerRow, c));
    return h === '' ? [] : [`${refOf(g, headerRow, c)} "${h}"`];
  });

const isText = (v: CellValue): boolean => typeof v === 'string' && v.trim() !== '' && !isErrorCell(v) && parseAccountingAmount(v, 6) === undefined;

/** The left-most column before the first period that holds text (not numbers) under the header. */
function defaultLabelColumn(g: SheetGrid, headerRow: number, headers: ReadonlyMap<number, HeaderPeriod>, problems: Problem[]): number | undefined {
  const firstPeriod = Math.min(...headers.keys());
  for (let c = g.col; c < firstPeriod; c += 1) {
    for (let r = headerRow + 1; r < g.row + g.cells.length; r += 1) if (isText(cellAt(g, r, c))) return c;
  }
  problems.push(problem(gridRef(g), 'bind.noLabels', { range: gridRef(g) }));
  return undefined;
}

function resolvePeriods(
  g: SheetGrid,
  headerRow: number,
  headers: ReadonlyMap<number, HeaderPeriod>,
  year: number | undefined,
  cal: FiscalCalendar,
  problems: Problem[],
): { periods: PeriodColumn[]; yearless: number[] } {
  const entries = [...headers.entries()].sort((a, b) => a[0] - b[0]);
  const dates = entries.flatMap(([, h]) => (h.kind === 'date' ? [h.day] : []));
  const dateGrain = grainOfSpacing(dates);
  const yearless = entries.filter(([, h]) => h.kind === 'month' || h.kind === 'quarter').map(([c]) => c);
  if (yearless.length > 0 && year === undefined) {
    const first = yearless[0]!;
    problems.push(problem(refOf(g, headerRow, first), 'bind.needsYear', { cell: refOf(g, headerRow, first), value: labelOf(cellAt(g, headerRow, first)) }));
  }
  const rolling = { month: { year: year ?? 0, last: 0 }, quarter: { year: year ?? 0, last: 0 } };
  const periods: PeriodColumn[] = [];
  for (const [col, h] of entries) {
    let at: { grain: Grain; index: number } | undefined;
    if (h.kind === 'date') at = { grain: dateGrain, index: indexOfDay(h.day, dateGrain, cal) };
    else if (h.kind === 'key') at = parsePeriodKey(h.key, cal);
    else if (year !== undefined) {
      // Months (or quarters) given without a year run on from `year`: Apr … Dec, Jan … Mar spans two years.
      const n = h.kind === 'month' ? h.month : h.quarter;
      const roll = rolling[h.kind];
      if (n < roll.last) roll.year += 1;
      roll.last = n;
      at = parsePeriodKey(h.kind === 'month' ? `${roll.year}-${String(n).padStart(2, '0')}` : `${roll.year}-Q${n}`, cal);
    }
    if (!at) continue;
    const start = firstDayOf(at.index, at.grain, cal);
    periods.push({ col, grain: at.grain, start, end: firstDayOf(at.index + 1, at.grain, cal), key: periodKeyOf(at.index, at.grain, cal) });
  }
  return { periods, yearless: year === undefined ? yearless : [] };
}

/** Dates across a header stand for months, quarters or years depending on how far apart they are. */
function grainOfSpacing(days: readonly number[]): Grain {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length < 2) return 'month';
  const gaps = sorted.slice(1).map((d, i) => d - sorted[i]!).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  return median >= 360 ? 'year' : median >= 85 ? 'quarter' : median >= 27 ? 'month' : 'day';
}

function reportDuplicates(g: SheetGrid, headerRow: number, periods: readonly PeriodColumn[], problems: Problem[]): void {
  const byPeriod = new Map<string, PeriodColumn[]>();
  for (const p of periods) byPeriod.set(`${p.grain} ${p.start}`, [...(byPeriod.get(`${p.grain} ${p.start}`) ?? []), p]);
  for (const same of byPeriod.values()) {
    if (same.length < 2) continue;
    const cells = same.map((p) => refOf(g, headerRow, p.col)).join(', ');
    problems.push(problem(refOf(g, headerRow, same[0]!.col), 'bind.duplicatePeriod', { cells, period: same[0]!.key }, 'warning'));
  }
}

/** Lists, once, every column that has a header or values but is neither a period nor the label or code. */
function reportIgnored(g: SheetGrid, headerRow: number, used: ReadonlySet<number | undefined>, problems: Problem[]): void {
  const ignored: string[] = [];
  for (let c = g.col; c < g.col + g.width; c += 1) {
    if (used.has(c)) continue;
    const header = labelOf(cellAt(g, headerRow, c));
    let hasValues = false;
    for (let r = headerRow + 1; r < g.row + g.cells.length && !hasValues; r += 1) hasValues = !isBlank(cellAt(g, r, c));
    if (header !== '' || hasValues) ignored.push(`${refOf(g, headerRow, c)} "${header}"`);
  }
  if (ignored.length > 0) problems.push(problem(refOf(g, headerRow, g.col, g.col + g.width - 1), 'bind.ignoredColumns', { columns: ignored.join(', ') }, 'warning'));
}
