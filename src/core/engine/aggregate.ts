import { addExact, MAX_ADDEND } from './exact';
import type { ObservationTable, TextColumn } from './table';

/** A base metric reduced to what the grouped pass needs. */
export interface BaseSpec {
  key: string;
  measure: string;
  accounts?: readonly string[];
  excludeAccounts?: readonly string[];
  /** Dimension → allowed members. */
  filters: ReadonlyArray<readonly [string, ReadonlySet<string>]>;
  needsExtremes: boolean;
  needsLast: boolean;
}

/** Per-period aggregates of one base metric over the axis (offsets 0..periods-1). */
export interface BaseSeries {
  sumLo: Float64Array;
  sumHi: Float64Array;
  count: Float64Array;
  min?: Float64Array;
  max?: Float64Array;
  last?: Float64Array;
  lastDay?: Float64Array;
}

export interface Axis {
  periods: number;
  /** Period offset of an epoch day on the axis, or -1 when outside. */
  offsetOfDay(day: number): number;
}

export class AggregationError extends Error {
  constructor(
    readonly measure: string,
    readonly row: number,
  ) {
    super(`amount in row ${row + 1} of measure ${measure} is too large to sum exactly`);
  }
}

/** `6001*` matches accounts starting with 6001; anything else matches exactly. */
function accountMatches(patterns: readonly string[], account: string): boolean {
  return patterns.some((p) => (p.endsWith('*') ? account.startsWith(p.slice(0, -1)) : account === p));
}

const EMPTY_COLUMN: TextColumn = { codes: new Int32Array(0), dict: [''] };

/**
 * One pass over a source serves every base metric bound to it: rows are summed into cells keyed by
 * (account, the dimensions any metric filters on, period); each metric then adds up the cells it
 * selects. Cost: rows × (dimensions filtered on) + cells × metrics — never rows × metrics.
 */
export function aggregateSource(table: ObservationTable, specs: readonly BaseSpec[], axis: Axis): Map<string, BaseSeries> {
  const account = table.text['account'] ?? EMPTY_COLUMN;
  const dims = [...new Set(specs.flatMap((s) => s.filters.map(([d]) => d)))];
  const dimColumns = dims.map((d) => table.text[d] ?? EMPTY_COLUMN);
  const accountMask = specs.map((s) => account.dict.map((a) => (!s.accounts || accountMatches(s.accounts, a)) && !(s.excludeAccounts && accountMatches(s.excludeAccounts, a))));
  const relevant = Uint8Array.from(account.dict, (_, a) => (accountMask.some((m) => m[a]) ? 1 : 0));
  const needsExtremes = specs.some((s) => s.needsExtremes);
  const needsLast = specs.some((s) => s.needsLast);
  const out = new Map<string, BaseSeries>();
  for (const measure of new Set(specs.map((s) => s.measure))) {
    const cells = groupCells(table, table.measures[measure], measure, account, dimColumns, relevant, axis, needsExtremes, needsLast);
    specs.forEach((spec, i) => {
      if (spec.measure !== measure) return;
      out.set(spec.key, combineCells(cells, spec, accountMask[i]!, dims, dimColumns, axis.periods));
    });
  }
  return out;
}

interface Cells {
  /** Per group: account code and dimension codes. */
  groups: Int32Array[];
  series: BaseSeries[];
}

function newSeries(periods: number, extremes: boolean, last: boolean): BaseSeries {
  const s: BaseSeries = { sumLo: new Float64Array(periods), sumHi: new Float64Array(periods), count: new Float64Array(periods) };
  if (extremes) {
    s.min = new Float64Array(periods).fill(Infinity);
    s.max = new Float64Array(periods).fill(-Infinity);
  }
  if (last) {
    s.last = new Float64Array(periods);
    s.lastDay = new Float64Array(periods).fill(-Infinity);
  }
  return s;
}

function groupCells(
  table: ObservationTable,
  amounts: Float64Array | undefined,
  measure: string,
  account: TextColumn,
  dimColumns: readonly TextColumn[],
  relevant: Uint8Array,
  axis: Axis,
  extremes: boolean,
  last: boolean,
): Cells {
  const cells: Cells = { groups: [], series: [] };
  if (!amounts) return cells;
  const index = new Map<number, number>();
  const { day } = table;
  const accountCodes = account.codes.length ? account.codes : new Int32Array(table.rows);
  const dimCodes = dimColumns.map((c) => (c.codes.length ? c.codes : new Int32Array(table.rows)));
  const dimSizes = dimColumns.map((c) => c.dict.length);
  for (let r = 0; r < table.rows; r += 1) {
    const a = accountCodes[r]!;
    if (relevant[a] === 0) continue;
    const p = axis.offsetOfDay(day[r]!);
    if (p < 0) continue;
    let key = a;
    for (let k = 0; k < dimCodes.length; k += 1) key = key * dimSizes[k]! + dimCodes[k]![r]!;
    let g = index.get(key);
    if (g === undefined) {
      g = cells.series.length;
      index.set(key, g);
      cells.groups.push(Int32Array.from([a, ...dimCodes.map((c) => c[r]!)]));
      cells.series.push(newSeries(axis.periods, extremes, last));
    }
    const s = cells.series[g]!;
    const v = amounts[r]!;
    if (v >= MAX_ADDEND || v <= -MAX_ADDEND) throw new AggregationError(measure, r);
    addExact(s.sumLo, s.sumHi, p, v);
    s.count[p]! += 1;
    if (extremes) {
      if (v < s.min![p]!) s.min![p] = v;
      if (v > s.max![p]!) s.max![p] = v;
    }
    if (last && day[r]! >= s.lastDay![p]!) {
      s.last![p] = v;
      s.lastDay![p] = day[r]!;
    }
  }
  return cells;
}

function combineCells(cells: Cells, spec: BaseSpec, accountMask: readonly boolean[], dims: readonly string[], dimColumns: readonly TextColumn[], periods: number): BaseSeries {
  const allowed = spec.filters.map(([dim, members]) => {
    const k = dims.indexOf(dim);
    return { k, mask: dimColumns[k]!.dict.map((m) => members.has(m)) };
  });
  const out = newSeries(periods, spec.needsExtremes, spec.needsLast);
  cells.groups.forEach((g, i) => {
    if (!accountMask[g[0]!]) return;
    if (!allowed.every(({ k, mask }) => mask[g[k + 1]!])) return;
    const s = cells.series[i]!;
    for (let p = 0; p < periods; p += 1) {
      if (s.count[p] === 0) continue;
      addExact(out.sumLo, out.sumHi, p, s.sumLo[p]!);
      out.sumHi[p]! += s.sumHi[p]!;
      out.count[p]! += s.count[p]!;
      if (out.min) {
        out.min[p] = Math.min(out.min[p]!, s.min![p]!);
        out.max![p] = Math.max(out.max![p]!, s.max![p]!);
      }
      if (out.last && s.lastDay![p]! >= out.lastDay![p]!) {
        out.last[p] = s.last![p]!;
        out.lastDay![p] = s.lastDay![p]!;
      }
    }
  });
  return out;
}
