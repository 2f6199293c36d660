import { formatA1, parseA1, type Area, type SheetRef } from '../core/a1';
import type { CellMark } from './contract';

/**
 * The range that shows a finding: the cells it marked on the sheet of its first mark, as one range
 * around them (a selection is one range on one sheet). Undefined when the finding marked nothing.
 */
export function findingRange(marks: readonly CellMark[], findingId: string): SheetRef | undefined {
  const own = marks.filter((m) => m.findingId === findingId);
  const sheet = own[0]?.sheet;
  const areas = own.filter((m) => m.sheet === sheet).flatMap((m) => parseA1(m.address) ?? []);
  if (sheet === undefined || !areas.length) return undefined;
  return { sheet, address: formatA1(areas.reduce(around)) };
}

const around = (a: Area, b: Area): Area => ({
  row: Math.min(a.row, b.row),
  col: Math.min(a.col, b.col),
  lastRow: Math.max(a.lastRow, b.lastRow),
  lastCol: Math.max(a.lastCol, b.lastCol),
});
