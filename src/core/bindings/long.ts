import { problem, type Problem } from '../errors';
import { ingestGrid, locateColumns, type GridColumns, type GridRow, type Mapping } from '../ingest';
import { fillMergesDown, gridRef, hiddenBelow, refOf, type SheetGrid } from './grid';
import { isTotalLabel, labelOf } from './labels';
import type { BindingRead } from './result';
import type { Binding } from './shape';

/** The column mapping a long binding stands for; a table column target is the amount. */
export function longMapping(b: Binding): Mapping {
  const mapping: Mapping = { ...b.long, scale: b.scale, source: b.source };
  if (b.target.kind === 'tableColumn') mapping.amount = b.target.column;
  return mapping;
}

/**
 * A ledger block (a header, then one entry per row), read by `ingestGrid` after the workbook's own
 * quirks are dealt with: merged dates and labels filled down, hidden rows and total rows set aside.
 */
export function readLong(g: SheetGrid, ledger: Mapping, hiddenMode: Binding['hiddenRows'] = 'include'): BindingRead {
  const mapping: Mapping = { ...ledger };
  const rows: GridRow[] = g.cells.map((cells, i) => ({ row: g.row + i + 1, cells }));
  const { headerAt, columns } = locateColumns(rows, mapping);
  const problems: Problem[] = [];
  let hidden = 0;
  let totals = 0;
  let data = rows;
  if (columns) {
    const headerRow = g.row + headerAt;
    const amounts = new Set([columns.amount, columns.debit, columns.credit, ...columns.measures.map(([, c]) => c)]);
    fillMergesDown(g, headerRow, (c) => !amounts.has(c - g.col));
    const skipHidden = hiddenMode === 'skip';
    const hiddenRows = hiddenBelow(g, headerRow);
    hidden = hiddenRows.rows.length;
    if (hidden > 0) problems.push(problem(gridRef(g), skipHidden ? 'bind.hiddenSkipped' : 'bind.hiddenIncluded', { count: hidden, rows: hiddenRows.text }, 'warning'));
    data = rows.filter((row, i) => {
      if (i <= headerAt) return true;
      if (skipHidden && g.hidden.has(row.row - 1)) return false;
      const total = totalCell(row, columns);
      if (total === undefined) return true;
      totals += 1;
      const cell = refOf(g, row.row - 1, g.col + total.col);
      problems.push(problem(cell, 'bind.totalRow', { cell, value: total.label }, 'warning'));
      return false;
    });
    mapping.headerRow = rows[headerAt]!.row;
  }
  const read = ingestGrid(data, mapping, { origin: { sheet: g.sheet, col: g.col }, accountingText: true });
  return { table: read.table, problems: [...read.problems, ...problems], stats: { ...read.stats, hidden, totals } };
}

/** A total row names itself in its first cell, its date or its account: `Total`, `Grand total`, `合计`. */
function totalCell(row: GridRow, columns: GridColumns): { col: number; label: string } | undefined {
  for (const col of new Set([0, columns.date, columns.account ?? 0])) {
    const label = labelOf(row.cells[col]);
    if (isTotalLabel(label)) return { col, label };
  }
  return undefined;
}
