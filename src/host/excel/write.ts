import { formatA1, type Area } from '../../core/a1';
import type { WriteBlock } from '../contract';
import { bands, Batch, COMMAND_BYTES, type HostLimits } from './batch';
import { areaCells, formatFor, toExcel } from './cells';
import type { XlContext } from './office-types';
import { utf8Bytes } from './registry-store';
import { SheetProxies } from './styles';

interface Prepared {
  sheet: string;
  area: Area;
  values: Array<Array<string | number | boolean>>;
  formats: Array<Array<string | null>>;
  rowBytes: number[];
  anyFormat: boolean;
}

function prepare(block: WriteBlock, area: Area): Prepared {
  let anyFormat = false;
  const values = block.values.map((row) => row.map(toExcel));
  const formats = block.values.map((row, r) =>
    row.map((v, c) => {
      const f = formatFor(v, block.numberFormats?.[r]?.[c]);
      if (f !== null) anyFormat = true;
      return f;
    }),
  );
  // Each row as it travels in the request JSON, with the comma after it (in both arrays).
  const rowBytes = values.map((row, r) => utf8Bytes(JSON.stringify(row)) + 1 + (anyFormat ? utf8Bytes(JSON.stringify(formats[r])) + 1 : 0));
  return { sheet: block.sheet, area, values, formats, rowBytes, anyFormat };
}

/**
 * Writes blocks: one sync to learn which sheets exist (missing ones are added in the write request),
 * then the values in row bands packed into requests under the payload budget. Number formats are
 * set before values so Text-formatted cells take strings verbatim.
 */
export async function writeBlocks(context: XlContext, limits: HostLimits, blocks: readonly WriteBlock[], areas: readonly Area[]): Promise<void> {
  const batch = new Batch(context, limits);
  const sheets = new SheetProxies(context);
  const list = context.workbook.worksheets;
  list.load('items/name');
  await batch.room(COMMAND_BYTES);
  await batch.flush();
  const existing = new Set(list.items.map((ws) => ws.name.toLowerCase()));
  for (const name of new Set(blocks.map((b) => b.sheet))) {
    if (existing.has(name.toLowerCase())) continue;
    existing.add(name.toLowerCase()); // sheet names are case-insensitive: 'results' and 'Results' are one sheet
    await batch.room(COMMAND_BYTES);
    sheets.set(name, list.add(name));
  }
  const budget = limits.maxPayloadBytes - 16 * COMMAND_BYTES; // room for the sheets added in the first band's request
  for (const [i, block] of blocks.entries()) {
    if (!block.values.length || !block.values[0]!.length) continue;
    const p = prepare(block, areas[i]!);
    const ws = sheets.get(p.sheet);
    for (const tile of bands(p.area, budget, (row) => p.rowBytes[row - p.area.row]!, limits.maxCells)) {
      const rows = { from: tile.row - p.area.row, to: tile.lastRow - p.area.row };
      const cols = { from: tile.col - p.area.col, to: tile.lastCol - p.area.col };
      const width = p.area.lastCol - p.area.col + 1;
      let bytes = 0;
      for (let r = rows.from; r <= rows.to; r += 1) bytes += p.rowBytes[r]!;
      await batch.room(Math.ceil((bytes * (cols.to - cols.from + 1)) / width) + 3 * COMMAND_BYTES, areaCells(tile));
      const slice = <T>(grid: T[][]): T[][] => grid.slice(rows.from, rows.to + 1).map((row) => row.slice(cols.from, cols.to + 1));
      const range = ws.getRange(formatA1(tile));
      const formats = p.anyFormat ? slice(p.formats) : undefined;
      if (formats?.some((row) => row.some((f) => f !== null))) range.numberFormat = formats;
      range.values = slice(p.values);
    }
  }
  await batch.flush();
}
