import type { Problem } from '../errors';
import type { ObservationTable } from '../engine';

export interface BindingStats {
  /** Data rows read (blank rows, total rows and skipped hidden rows are not counted). */
  rows: number;
  /** Observations kept: one per row in the long layout, one per period cell in the wide layout. */
  kept: number;
  /** Rows (long) or cells (wide) skipped with a warning. */
  skipped: number;
  rounded: number;
  /** Hidden rows below the header, read or skipped per `hiddenRows`. */
  hidden: number;
  /** Total and subtotal rows skipped. */
  totals: number;
}

export interface BindingRead {
  table: ObservationTable;
  /** Errors (nothing could be read) and warnings, each naming its cell (`P&L!C17`) or range. */
  problems: Problem[];
  stats: BindingStats;
}

export const emptyStats = (): BindingStats => ({ rows: 0, kept: 0, skipped: 0, rounded: 0, hidden: 0, totals: 0 });

export function addStats(a: BindingStats, b: BindingStats): BindingStats {
  return { rows: a.rows + b.rows, kept: a.kept + b.kept, skipped: a.skipped + b.skipped, rounded: a.rounded + b.rounded, hidden: a.hidden + b.hidden, totals: a.totals + b.totals };
}
