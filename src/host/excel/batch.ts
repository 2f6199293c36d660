import type { Area } from '../../core/a1';
import type { XlContext } from './office-types';

/**
 * Excel on the web rejects a request or a response over 5 MB and a read over 5 million cells. The
 * adapter packs its commands into requests under a budget kept below those limits, because the
 * payload is estimated before it is sent (values are measured exactly, reads by a per-cell guess).
 */
export interface HostLimits {
  /** Estimated bytes (request + response) per sync. */
  maxPayloadBytes: number;
  /** Cells read or written per sync. */
  maxCells: number;
  /** Guess for a read cell: value, value type and number format in the response. */
  readBytesPerCell: number;
}

export const DEFAULT_LIMITS: HostLimits = { maxPayloadBytes: 4_000_000, maxCells: 4_000_000, readBytesPerCell: 48 };

/** Estimated bytes of one queued command beyond its data: an object path and an action (~100 bytes of JSON each), rounded up. */
export const COMMAND_BYTES = 240;

/**
 * Queues commands on one request context and syncs only when the next command would push the
 * request over the budget, or when the caller needs the results (`flush`). N small commands are one
 * sync; a big block becomes as many syncs as its bands need, never one per range or cell.
 */
export class Batch {
  private bytes = 0;
  private cells = 0;
  syncs = 0;

  constructor(
    readonly context: XlContext,
    readonly limits: HostLimits,
  ) {}

  /** Makes room for a command of this size, syncing what is queued first when it would not fit. */
  async room(bytes: number, cells = 0): Promise<void> {
    const full = this.bytes + bytes > this.limits.maxPayloadBytes || this.cells + cells > this.limits.maxCells;
    if (this.bytes > 0 && full) await this.flush();
    this.bytes += Math.max(1, bytes);
    this.cells += cells;
  }

  /** Syncs whatever is queued (nothing queued: no round trip). */
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.bytes = 0;
    this.cells = 0;
    this.syncs += 1;
    await this.context.sync();
  }
}

/**
 * Splits an area into bands of whole rows whose estimated size fits the budget; a row too big on its
 * own is split into column pieces. `rowBytes(r)` is the estimated size of row r (absolute index) over
 * `cols` columns, used to keep bands under `budget`.
 */
export function bands(area: Area, budget: number, rowBytes: (row: number) => number, maxCells: number): Area[] {
  const cols = area.lastCol - area.col + 1;
  const out: Area[] = [];
  let start = area.row;
  let size = 0;
  const close = (end: number): void => {
    if (end >= start) out.push({ row: start, col: area.col, lastRow: end, lastCol: area.lastCol });
  };
  for (let r = area.row; r <= area.lastRow; r += 1) {
    const bytes = rowBytes(r);
    if (bytes > budget || cols > maxCells) {
      close(r - 1);
      out.push(...pieces({ row: r, col: area.col, lastRow: r, lastCol: area.lastCol }, Math.ceil(bytes / budget) + 1, maxCells));
      start = r + 1;
      size = 0;
      continue;
    }
    if (size + bytes > budget || (r - start + 1) * cols > maxCells) {
      close(r - 1);
      start = r;
      size = 0;
    }
    size += bytes;
  }
  close(area.lastRow);
  return out;
}

/** One row cut into `n` or more column pieces of at most `maxCells` cells. */
function pieces(row: Area, n: number, maxCells: number): Area[] {
  const cols = row.lastCol - row.col + 1;
  const width = Math.max(1, Math.min(maxCells, Math.ceil(cols / n)));
  const out: Area[] = [];
  for (let c = row.col; c <= row.lastCol; c += width) out.push({ ...row, col: c, lastCol: Math.min(row.lastCol, c + width - 1) });
  return out;
}

/** Packs cells (0-based) into rectangles: runs along each row, stacked when rows repeat the same run. */
export function rectangles(cells: ReadonlyArray<{ row: number; col: number }>): Area[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Area[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.lastCol === c.col - 1) last.lastCol = c.col;
    else if (!last || last.row !== c.row || last.lastCol !== c.col) runs.push({ row: c.row, col: c.col, lastRow: c.row, lastCol: c.col });
  }
  const open = new Map<string, Area>();
  const out: Area[] = [];
  for (const run of runs) {
    const k = `${run.col}:${run.lastCol}`;
    const above = open.get(k);
    if (above && above.lastRow === run.row - 1) above.lastRow = run.row;
    else {
      open.set(k, run);
      out.push(run);
    }
  }
  return out;
}
