import { formatA1, formatRef, parseA1, type SheetRef } from '../../core/a1';
import { resolveTarget, type BindingTarget } from '../../core/bindings';
import { problem, type Problem } from '../../core/errors';
import { cellText, locateColumns, type GridColumns, type GridRow } from '../../core/ingest';
import type { WorkbookHost } from '../../host/contract';
import { readWorkbookIndex } from './bound-sources';

/** Rows searched for the header from the top of a target: title blocks above a header are a few rows, never dozens. */
export const HEADER_SCAN_ROWS = 30;

/** The long-layout columns a target's header row suggests; each is a header as written in the workbook. */
export interface ColumnSuggestion {
  /** The header row found, e.g. `Ledger!A4:G4`. */
  header?: string;
  date?: string;
  amount?: string;
  /** With `credit`, when the header has debit and credit columns instead of one amount. */
  debit?: string;
  credit?: string;
  account?: string;
  /** Every other non-empty header, left to right. */
  dimensions: string[];
  /** Why nothing (or not everything) could be suggested: no header row, no date or amount column. */
  problems: Problem[];
}

/**
 * Reads the top of a binding target and recognises its header the way ingest does (the same
 * `locateColumns`, so what is suggested is what the preview will read): a newcomer's form comes
 * prefilled with the date, amount (or debit and credit), account and every other column as a dimension.
 */
export async function suggestColumns(host: WorkbookHost, target: BindingTarget): Promise<ColumnSuggestion> {
  // A table column's header is the table's header row: read the table.
  const whole: BindingTarget = target.kind === 'tableColumn' ? { kind: 'table', table: target.table } : target;
  const index = await readWorkbookIndex(host, whole.kind !== 'range');
  const resolved = resolveTarget({ id: 'suggestion', target: whole, layout: 'long' }, index);
  const ref = resolved.ranges[0];
  if (!ref) return { dimensions: [], problems: resolved.problems };
  const top = topRows(ref);
  const [read] = await host.readRanges([top]);
  const first = parseA1(top.address)!;
  const rows: GridRow[] = (read?.values ?? []).map((cells, i) => ({ row: first.row + i + 1, cells }));
  const { headerAt, columns, problems } = locateColumns(rows);
  if (headerAt < 0) return { dimensions: [], problems: [problem(formatRef(top), 'ingest.noHeader')] };
  const header = rows[headerAt]!.cells.map(cellText);
  const headerRef = formatRef({ sheet: ref.sheet, address: formatA1({ ...first, row: first.row + headerAt, lastRow: first.row + headerAt }) });
  if (!columns) return { header: headerRef, dimensions: [], problems: problems.map((p) => ({ ...p, path: headerRef })) };
  return { header: headerRef, ...namedColumns(header, columns), problems: [] };
}

/** The first rows of a range, where its header is. */
function topRows(ref: SheetRef): SheetRef {
  const area = parseA1(ref.address);
  if (!area) return ref;
  return { sheet: ref.sheet, address: formatA1({ ...area, lastRow: Math.min(area.lastRow, area.row + HEADER_SCAN_ROWS - 1) }) };
}

const ROLES = ['date', 'amount', 'debit', 'credit', 'account'] as const;

function namedColumns(header: readonly string[], c: GridColumns): Omit<ColumnSuggestion, 'header' | 'problems'> {
  const named: Omit<ColumnSuggestion, 'header' | 'problems'> = { dimensions: c.dimensions.map(([name]) => name) };
  for (const role of ROLES) {
    const i = c[role];
    if (i !== undefined && header[i]) named[role] = header[i];
  }
  return named;
}
