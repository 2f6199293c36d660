import { cellAddress, type Area } from '../core/a1';
import type { CellMark } from './contract';
import { MARK_FILLS } from './contract';
import { areaOf, cellsOf, intersects } from './guards';

/** A cell's own look before FinPulse marked it. */
export interface CellStyle {
  fill: string | null;
  note: string | null;
}

/** A style to set on one cell (0-based row/col). */
export interface StyleChange extends CellStyle {
  sheet: string;
  row: number;
  col: number;
}

/** Serialisable registry: every mark, and the original style of every marked cell. */
export interface RegistryState {
  marks: CellMark[];
  originals: Record<string, CellStyle>;
}

const key = (sheet: string, row: number, col: number): string => `${sheet}!${cellAddress(row, col)}`;

/**
 * The bookkeeping every adapter shares: which cells are marked by which findings, and what each cell
 * looked like before, so clearing restores it exactly. Adapters only read originals and apply changes.
 */
export class MarkRegistry {
  private marks: CellMark[];
  private readonly originals: Map<string, CellStyle>;

  constructor(state: RegistryState = { marks: [], originals: {} }) {
    this.marks = state.marks.map((m) => ({ ...m }));
    this.originals = new Map(Object.entries(state.originals));
  }

  /** Cells of these marks whose original style is not yet known: read them before `add`. */
  unknownCells(marks: readonly CellMark[]): Array<{ sheet: string; row: number; col: number }> {
    const out = new Map<string, { sheet: string; row: number; col: number }>();
    for (const m of marks) {
      for (const [row, col] of cellsOf(areaOf(m))) {
        const k = key(m.sheet, row, col);
        if (!this.originals.has(k)) out.set(k, { sheet: m.sheet, row, col });
      }
    }
    return [...out.values()];
  }

  /** Records marks (a finding re-marked replaces its old mark) and returns the styles to apply. */
  add(marks: readonly CellMark[], originals: ReadonlyArray<StyleChange>): StyleChange[] {
    marks.forEach((m) => areaOf(m)); // a bad address fails before anything changes
    for (const o of originals) {
      const k = key(o.sheet, o.row, o.col);
      if (!this.originals.has(k)) this.originals.set(k, { fill: o.fill, note: o.note });
    }
    const ids = new Set(marks.map((m) => m.findingId));
    const replaced = this.marks.filter((m) => ids.has(m.findingId));
    this.marks = [...this.marks.filter((m) => !ids.has(m.findingId)), ...marks.map((m) => ({ ...m }))];
    return this.restyle([...replaced, ...marks]);
  }

  /** Forgets marks (all, or those of the findings) and returns the styles that restore or re-mark cells. */
  clear(findingIds?: readonly string[]): StyleChange[] {
    const ids = findingIds ? new Set(findingIds) : undefined;
    const removed = this.marks.filter((m) => !ids || ids.has(m.findingId));
    this.marks = this.marks.filter((m) => ids && !ids.has(m.findingId));
    return this.restyle(removed);
  }

  at(sheet: string, area: Area): CellMark[] {
    return this.marks.filter((m) => m.sheet === sheet && intersects(areaOf(m), area)).map((m) => ({ ...m }));
  }

  all(): CellMark[] {
    return this.marks.map((m) => ({ ...m }));
  }

  toJSON(): RegistryState {
    return { marks: this.all(), originals: Object.fromEntries(this.originals) };
  }

  /** The style each touched cell should now have: its latest covering mark, or its original when none is left. */
  private restyle(touched: readonly CellMark[]): StyleChange[] {
    const cells = new Map<string, { sheet: string; row: number; col: number }>();
    for (const t of touched) for (const [row, col] of cellsOf(areaOf(t))) cells.set(key(t.sheet, row, col), { sheet: t.sheet, row, col });
    const tops = this.topMarks(cells);
    const changes: StyleChange[] = [];
    for (const [k, { sheet, row, col }] of cells) {
      const top = tops.get(k);
      const original = this.originals.get(k) ?? { fill: null, note: null };
      if (!top) this.originals.delete(k);
      changes.push({ sheet, row, col, ...(top ? { fill: MARK_FILLS[top.severity], note: top.note } : original) });
    }
    return changes;
  }

  /** The latest mark covering each cell, in one pass over the marks (not one per cell: 10,000 marks stay fast). */
  private topMarks(cells: ReadonlyMap<string, { sheet: string; row: number; col: number }>): Map<string, CellMark> {
    const tops = new Map<string, CellMark>();
    for (const m of this.marks) {
      const a = areaOf(m);
      if ((a.lastRow - a.row + 1) * (a.lastCol - a.col + 1) <= cells.size) {
        for (const [row, col] of cellsOf(a)) {
          const k = key(m.sheet, row, col);
          if (cells.has(k)) tops.set(k, m);
        }
      } else {
        for (const [k, c] of cells) if (c.sheet === m.sheet && intersects(a, { row: c.row, col: c.col, lastRow: c.row, lastCol: c.col })) tops.set(k, m);
      }
    }
    return tops;
  }
}
