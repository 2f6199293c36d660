import { problem } from '../errors';
import { concatTables, TableBuilder } from '../engine';
import { CALENDAR_YEAR, type FiscalCalendar } from '../periods';
import { sheetGrids, type GridBlock, type SheetGrid } from './grid';
import { longMapping, readLong } from './long';
import type { Mapping } from '../ingest';
import { addStats, emptyStats, type BindingRead } from './result';
import type { Binding } from './shape';
import { readWide } from './wide';

export interface ReadOptions {
  /** How quarter and year headers (`2026-Q1`, `FY26`, `2026`) are read; the calendar year by default. */
  calendar?: FiscalCalendar;
}

/** Turns the blocks a host read for a binding into observations, reporting every skipped or doubtful cell by address. */
export function readBinding(binding: Binding, blocks: readonly GridBlock[], options: ReadOptions = {}): BindingRead {
  const cal = options.calendar ?? CALENDAR_YEAR;
  const mapping = longMapping(binding);
  return readGrids(blocks, binding.scale ?? 2, binding.id, (g) => (binding.layout === 'long' ? readLong(g, mapping, binding.hiddenRows) : readWide(g, binding, cal)));
}

/**
 * A ledger worksheet read with a column mapping (the CLI's `--data book.xlsx --map …`): the long
 * layout with the same handling of merges, hidden rows and total rows as a binding.
 */
export function readLedger(blocks: readonly GridBlock[], mapping: Mapping): BindingRead {
  return readGrids(blocks, mapping.scale ?? 2, mapping.source ?? 'ledger', (g) => readLong(g, mapping));
}

function readGrids(blocks: readonly GridBlock[], scale: number, id: string, read: (g: SheetGrid) => BindingRead): BindingRead {
  const grids = sheetGrids(blocks);
  if (grids.length === 0) {
    return { table: new TableBuilder(scale).build(), problems: [problem('$', 'bind.noBlocks', { id })], stats: emptyStats() };
  }
  const reads = grids.map(read);
  return {
    table: concatTables(reads.map((r) => r.table)),
    problems: reads.flatMap((r) => r.problems),
    stats: reads.map((r) => r.stats).reduce(addStats),
  };
}
