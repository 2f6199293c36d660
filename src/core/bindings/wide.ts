import type { CellValue } from '../a1';
import { problem, type Problem } from '../errors';
import { MAX_ADDEND, TableBuilder } from '../engine';
import { cellText, isErrorCell } from '../ingest';
import { amountFromNumber, parseAccountingAmount } from '../money';
import type { FiscalCalendar } from '../periods';
import { anchorOf, cellAt, fillMergesDown, gridRef, hiddenBelow, isBlank, refOf, type SheetGrid } from './grid';
import { isTotalLabel, labelOf } from './labels';
import { emptyStats, type BindingRead } from './result';
import type { Binding } from './shape';
import { wideColumns, type PeriodColumn, type WideColumns } from './wide-columns';

/** A P&L-style block: line items down the label column, periods across the header row; one observation per value cell. */
export function readWide(g: SheetGrid, binding: Binding, cal: FiscalCalendar): BindingRead {
  const scale = binding.scale ?? 2;
  const builder = new TableBuilder(scale);
  const problems: Problem[] = [];
  const stats = emptyStats();
  const cols = wideColumns(g, binding.wide ?? {}, cal, problems);
  if (cols && cols.periods.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push(problem(gridRef(g), 'bind.noPeriods', { range: gridRef(g) }));
  }
  if (!cols || cols.periods.length === 0) return { table: builder.build(), problems, stats };
  fillMergesDown(g, cols.headerRow, (c) => c === cols.label || c === cols.code);
  const skipHidden = binding.hiddenRows === 'skip';
  const hidden = hiddenBelow(g, cols.headerRow);
  stats.hidden = hidden.rows.length;
  if (hidden.rows.length > 0) {
    problems.push(problem(gridRef(g), skipHidden ? 'bind.hiddenSkipped' : 'bind.hiddenIncluded', { count: hidden.rows.length, rows: hidden.text }, 'warning'));
  }
  const accounts = new Map<string, string[]>();
  for (let r = cols.headerRow + 1; r < g.row + g.cells.length; r += 1) {
    if (skipHidden && g.hidden.has(r)) continue;
    const values = cols.periods.map((p) => cellAt(g, r, p.col));
    if (values.every(isBlank)) continue;
    const account = rowAccount(g, r, cols, problems);
    if (account.total) stats.totals += 1;
    if (account.total || account.name === undefined) {
      if (!account.total) stats.skipped += 1;
      continue;
    }
    stats.rows += 1;
    accounts.set(account.name, [...(accounts.get(account.name) ?? []), account.cell]);
    cols.periods.forEach((p, i) => {
      const minor = readValue(g, r, p, values[i]!, scale, problems, stats);
      if (minor === undefined) return;
      // The value cell is the row's origin (`PL!C5`), so a reconciliation can point at it.
      builder.add({ day: p.start, measures: { amount: minor }, text: { account: account.name! } }, refOf(g, r, p.col));
      stats.kept += 1;
    });
  }
  for (const [label, cells] of accounts) {
    const distinct = [...new Set(cells)];
    if (distinct.length > 1) problems.push(problem(distinct[0]!, 'bind.duplicateLabel', { label, cells: distinct.join(', ') }, 'warning'));
  }
  return { table: builder.build(), problems, stats };
}

/** The row's account (its code, else its label), or why the row is skipped: a total, or values without a label. */
function rowAccount(g: SheetGrid, r: number, cols: WideColumns, problems: Problem[]): { name?: string; cell: string; total: boolean } {
  const label = labelOf(cellAt(g, r, cols.label));
  const code = cols.code === undefined ? '' : labelOf(cellAt(g, r, cols.code));
  // A merged label names one line item however many rows it spans: the merge's first cell stands for them all.
  const cell = refOf(g, ...anchorOf(g, r, code !== '' ? cols.code! : cols.label));
  if (isTotalLabel(label) || isTotalLabel(code)) {
    problems.push(problem(cell, 'bind.totalRow', { cell, value: isTotalLabel(label) ? label : code }, 'warning'));
    return { cell, total: true };
  }
  if (code === '' && label === '') {
    problems.push(problem(cell, 'bind.noLabel', { cell, row: r + 1 }, 'warning'));
    return { cell, total: false };
  }
  return { name: code || label, cell, total: false };
}

function readValue(g: SheetGrid, r: number, p: PeriodColumn, v: CellValue, scale: number, problems: Problem[], stats: BindingRead['stats']): number | undefined {
  if (isBlank(v)) return undefined;
  const cell = refOf(g, r, p.col);
  const skip = (code: 'bind.cellError' | 'bind.badAmount'): undefined => {
    stats.skipped += 1;
    problems.push(problem(cell, code, { cell, value: cellText(v) }, 'warning'));
    return undefined;
  };
  if (isErrorCell(v)) return skip('bind.cellError');
  const parsed = typeof v === 'number' ? amountFromNumber(v, scale) : typeof v === 'string' ? parseAccountingAmount(v, scale) : undefined;
  if (!parsed || Math.abs(parsed.minor) >= MAX_ADDEND) return skip('bind.badAmount');
  if (parsed.rounded) {
    stats.rounded += 1;
    problems.push(problem(cell, 'bind.rounded', { cell, value: cellText(v), scale }, 'warning'));
  }
  return parsed.minor;
}
