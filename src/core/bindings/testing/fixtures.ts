import { parseA1, type CellValue } from '../../a1';
import type { ObservationTable } from '../../engine';
import { formatMinor } from '../../money';
import { daysFromCivil, formatDay } from '../../periods';
import type { GridBlock } from '../grid';

/** A block whose top-left value sits at `at` (e.g. 'B3'). */
export function block(sheet: string, at: string, values: CellValue[][], extra: Partial<GridBlock> = {}): GridBlock {
  const a = parseA1(at)!;
  return { sheet, row: a.row, col: a.col, values, ...extra };
}

/** Rows of a table as [day, account, exact amount, …dimensions]. */
export function rowsOf(t: ObservationTable, dims: readonly string[] = []): string[][] {
  const text = (name: string, r: number): string => {
    const col = t.text[name];
    return col ? col.dict[col.codes[r]!]! : '';
  };
  return Array.from({ length: t.rows }, (_, r) => [formatDay(t.day[r]!), text('account', r), formatMinor(t.measures['amount']![r]!, t.scale), ...dims.map((d) => text(d, r))]);
}

/** The Excel serial (1900 date system) of a civil date. */
export const serial = (y: number, m: number, d: number): number => daysFromCivil(y, m, d) + 25569;
