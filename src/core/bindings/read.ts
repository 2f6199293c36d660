import { problem } from '../errors';
import { concatTables, TableBuilder } from '../engine';
import { CALENDAR_YEAR, type FiscalCalendar } from '../periods';
import { sheetGrids, type GridBlock } from './grid';
import { readLong } from './long';
import { addStats, emptyStats, type BindingRead } from './result';
import type { Binding } from './shape';
import { readWide } from './wide';

export interface ReadOptions {
  /** How quarter and year headers (`2026-Q1`, `FY26`, `2026`) are read; the calendar year by default. */
  calendar?: FiscalCalendar;
}

/** Turns the blocks a host read for a binding into observations, reporting every skipped or doubtful cell by address. */
export function readBinding(binding: Binding, blocks: readonly GridBlock[], options: ReadOptions = {}): BindingRead {
  const scale = binding.scale ?? 2;
  const grids = sheetGrids(blocks);
  if (grids.length === 0) {
    return { table: new TableBuilder(scale).build(), problems: [problem('$', 'bind.noBlocks', { id: binding.id })], stats: emptyStats() };
  }
  const cal = options.calendar ?? CALENDAR_YEAR;
  const reads = grids.map((g) => (binding.layout === 'long' ? readLong(g, binding) : readWide(g, binding, cal)));
  return {
    table: concatTables(reads.map((r) => r.table)),
    problems: reads.flatMap((r) => r.problems),
    stats: reads.map((r) => r.stats).reduce(addStats),
  };
}
