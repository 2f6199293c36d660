import { metricExpression, type Catalog, type MetricDef } from '../catalog';
import { originOf, type ObservationTable, type TextColumn } from '../engine';
import { refsOf } from '../formula';
import { pow10 } from '../money';
import { firstDayOf, formatDay, type FiscalCalendar, type Grain } from '../periods';

export interface RowDifference {
  side: 'left' | 'right' | 'both';
  source: string;
  key?: string;
  /** Where the row is: `Ledger!A1234`, `erp_gl:JL-0000123` or `ledger.csv:57` (the left row when both). */
  origin?: string;
  /** The right row's origin when both sides hold the row. */
  otherOrigin?: string;
  day: string;
  account?: string;
  /** In the metric's terms (its sign applied), currency units; the left amount when both. */
  amount: number;
  /** The right amount when both sides hold the row. */
  otherAmount?: number;
  reason: 'onlyLeft' | 'onlyRight' | 'amountDiffers';
}

/** A row one side's metric reads: its amount signed as the metric reads it, in minor units. */
interface PickedRow {
  r: number;
  day: number;
  minor: number;
  key?: string;
}

/** The rows behind one side's metric, with the day window each period reads. */
export interface SideRows {
  source: string;
  table: ObservationTable;
  /** Of `minor`: the finer scale of the two sides. */
  scale: number;
  /** Sorted by day. */
  rows: PickedRow[];
  /** Days [start, end) the metric reads for the side's own period index. */
  window(period: number): { start: number; end: number };
}

/** The base metrics a metric is computed from (itself when base), following formulas. */
export function baseInputs(catalog: Catalog, metric: string): MetricDef[] {
  const byId = new Map(catalog.metrics.map((m) => [m.id, m] as const));
  const seen = new Set<string>();
  const out: MetricDef[] = [];
  const visit = (id: string): void => {
    const m = byId.get(id);
    if (!m || seen.has(id)) return;
    seen.add(id);
    if (m.kind === 'base') out.push(m);
    const { expr } = metricExpression(m, (x) => byId.has(x), id);
    if (expr) refsOf(expr).forEach((r) => visit(r.id));
  };
  visit(metric);
  return out;
}

const matches = (patterns: readonly string[], account: string): boolean => patterns.some((p) => (p.endsWith('*') ? account.startsWith(p.slice(0, -1)) : account === p));

/** Per dictionary code of a column: does the base metric take it. */
function codeMask(column: TextColumn | undefined, take: (member: string) => boolean): Uint8Array | undefined {
  return column ? Uint8Array.from(column.dict, (m) => (take(m) ? 1 : 0)) : undefined;
}

/** For each row, the sign of the first base input that reads it (0: none), as the engine selects rows. */
function rowSigns(table: ObservationTable, inputs: readonly MetricDef[]): Int8Array {
  const account = table.text['account'];
  const selectors = inputs.map((m) => ({
    sign: m.sign ?? 1,
    accounts: m.accounts || m.excludeAccounts ? codeMask(account ?? { codes: new Int32Array(0), dict: [''] }, (a) => (!m.accounts || matches(m.accounts, a)) && !(m.excludeAccounts && matches(m.excludeAccounts, a))) : undefined,
    filters: Object.entries(m.filters ?? {}).map(([dim, members]) => ({ column: table.text[dim], mask: codeMask(table.text[dim], (x) => members.includes(x)) })),
  }));
  const signs = new Int8Array(table.rows);
  for (let r = 0; r < table.rows; r += 1) {
    const s = selectors.find((sel) => {
      if (sel.accounts && sel.accounts[account ? account.codes[r]! : 0] !== 1) return false;
      return sel.filters.every((f) => f.column !== undefined && f.mask![f.column.codes[r]!] === 1);
    });
    signs[r] = s ? s.sign : 0;
  }
  return signs;
}

/** The row key of each row: the `rowKey` text column, else the record key the source gave (ERP id). */
export function rowKeysOf(table: ObservationTable, rowKey: string | undefined): ((r: number) => string | undefined) | undefined {
  if (rowKey === undefined) return undefined;
  const column = table.text[rowKey];
  if (column) return (r) => column.dict[column.codes[r]!] || undefined;
  const keys = table.origin?.keys;
  return keys ? (r) => keys[r] : undefined;
}

export interface SideRowsSpec {
  source: string;
  table: ObservationTable;
  inputs: readonly MetricDef[];
  /** Minor units of the comparison: the finer scale of the two sides. */
  scale: number;
  keys?: (r: number) => string | undefined;
  grain: Grain;
  cal: FiscalCalendar;
}

/** Picks the rows a side's metric reads, once; each breaking period then takes its window of them. */
export function sideRows(spec: SideRowsSpec): SideRows {
  const { table, inputs } = spec;
  const signs = rowSigns(table, inputs);
  const factor = pow10(spec.scale - table.scale);
  const amounts = table.measures['amount']!;
  const rows: PickedRow[] = [];
  for (let r = 0; r < table.rows; r += 1) {
    if (signs[r] === 0) continue;
    const row: PickedRow = { r, day: table.day[r]!, minor: amounts[r]! * factor * signs[r]! + 0 };
    const key = spec.keys?.(r);
    if (key !== undefined) row.key = key;
    rows.push(row);
  }
  rows.sort((a, b) => a.day - b.day || a.r - b.r);
  // Balances read every row up to the period's end (opening: its start); flows read the period.
  const aggregations = new Set(inputs.map((m) => m.aggregation ?? 'sum'));
  const fromStart = aggregations.has('closing') || aggregations.has('opening') || aggregations.has('averageBalance');
  const onlyOpening = aggregations.size === 1 && aggregations.has('opening');
  const window = (p: number): { start: number; end: number } => ({
    start: fromStart ? -Infinity : firstDayOf(p, spec.grain, spec.cal),
    end: firstDayOf(onlyOpening ? p : p + 1, spec.grain, spec.cal),
  });
  return { source: spec.source, table, scale: spec.scale, rows, window };
}

/** The picked rows in days [start, end), found by binary search on the sorted days. */
function rowsIn(side: SideRows, w: { start: number; end: number }): PickedRow[] {
  const lower = (day: number): number => {
    let lo = 0;
    let hi = side.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (side.rows[mid]!.day < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return side.rows.slice(w.start === -Infinity ? 0 : lower(w.start), lower(w.end));
}

export interface RowTrace {
  rows: RowDifference[];
  /** Differing rows beyond the cap. */
  omitted: number;
}

/**
 * The rows behind a period's difference: grouped by row key (or by day and account), rows whose
 * amounts match one for one cancel; what is left pairs up as changed amounts, the rest is on one
 * side only. Largest first, at most `maxRows`.
 */
export function traceRows(left: SideRows, right: SideRows, leftPeriod: number, rightPeriod: number, maxRows: number): RowTrace {
  const byKey = left.rows.some((r) => r.key !== undefined) && right.rows.some((r) => r.key !== undefined);
  const withAccount = left.table.text['account'] !== undefined && right.table.text['account'] !== undefined;
  const groupOf = (side: SideRows, row: PickedRow): string => (byKey && row.key !== undefined ? `k:${row.key}` : `d:${row.day}|${withAccount ? accountOf(side.table, row.r) : ''}`);
  const groups = new Map<string, { left: PickedRow[]; right: PickedRow[] }>();
  const add = (side: SideRows, which: 'left' | 'right', rows: readonly PickedRow[]): void => {
    for (const row of rows) {
      const g = groupOf(side, row);
      let entry = groups.get(g);
      if (!entry) {
        entry = { left: [], right: [] };
        groups.set(g, entry);
      }
      entry[which].push(row);
    }
  };
  add(left, 'left', rowsIn(left, left.window(leftPeriod)));
  add(right, 'right', rowsIn(right, right.window(rightPeriod)));
  const found: Array<{ impact: number; diff: RowDifference }> = [];
  for (const g of groups.values()) matchGroup(g.left, g.right, left, right, found);
  found.sort((a, b) => b.impact - a.impact || a.diff.day.localeCompare(b.diff.day));
  return { rows: found.slice(0, maxRows).map((f) => f.diff), omitted: Math.max(0, found.length - maxRows) };
}

function matchGroup(l: PickedRow[], r: PickedRow[], left: SideRows, right: SideRows, out: Array<{ impact: number; diff: RowDifference }>): void {
  const pool = new Map<number, PickedRow[]>();
  for (const row of r) {
    const same = pool.get(row.minor);
    if (same) same.push(row);
    else pool.set(row.minor, [row]);
  }
  // Matching takes the first equal row, so of a duplicated row the later copy is the one left over.
  const onlyLeft = l.filter((row) => !pool.get(row.minor)?.shift());
  const onlyRight = [...pool.values()].flat().sort(byDayAmount);
  onlyLeft.sort(byDayAmount);
  const pairs = Math.min(onlyLeft.length, onlyRight.length);
  const unit = pow10(left.scale);
  for (let i = 0; i < pairs; i += 1) {
    const a = onlyLeft[i]!;
    const b = onlyRight[i]!;
    const diff = describe(left, a, 'both', 'amountDiffers', unit);
    diff.otherAmount = b.minor / unit;
    const other = originOf(right.table, b.r);
    if (other !== undefined) diff.otherOrigin = other;
    out.push({ impact: Math.abs(a.minor - b.minor), diff });
  }
  for (const a of onlyLeft.slice(pairs)) out.push({ impact: Math.abs(a.minor), diff: describe(left, a, 'left', 'onlyLeft', unit) });
  for (const b of onlyRight.slice(pairs)) out.push({ impact: Math.abs(b.minor), diff: describe(right, b, 'right', 'onlyRight', unit) });
}

const byDayAmount = (a: PickedRow, b: PickedRow): number => a.day - b.day || a.minor - b.minor;

function accountOf(table: ObservationTable, r: number): string {
  const column = table.text['account'];
  return column ? column.dict[column.codes[r]!]! : '';
}

function describe(side: SideRows, row: PickedRow, which: RowDifference['side'], reason: RowDifference['reason'], unit: number): RowDifference {
  const diff: RowDifference = { side: which, source: side.source, day: formatDay(row.day), amount: row.minor / unit, reason };
  if (row.key !== undefined) diff.key = row.key;
  const origin = originOf(side.table, row.r);
  if (origin !== undefined) diff.origin = origin;
  const account = accountOf(side.table, row.r);
  if (account !== '') diff.account = account;
  return diff;
}
