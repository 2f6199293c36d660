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
    const changes = new Map<string, StyleChange>();
    for (const t of touched) {
      for (const [row, col] of cellsOf(areaOf(t))) {
        const k = key(t.sheet, row, col);
        if (changes.has(k)) continue;
        const cell: Area = { row, col, lastRow: row, lastCol: col };
        const top = [...this.marks].reverse().find((m) => m.sheet === t.sheet && intersects(areaOf(m), cell));
        const original = this.originals.get(k) ?? { fill: null, note: null };
        if (!top) this.originals.delete(k);
        changes.set(k, { sheet: t.sheet, row, col, ...(top ? { fill: MARK_FILLS[top.severity], note: top.note } : original) });
      }
    }
    return [...changes.values()];
  }
}
