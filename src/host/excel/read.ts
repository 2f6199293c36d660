import { formatA1, type Area, type CellValue, type SheetRef } from '../../core/a1';
import type { NameInfo, RangeRead, ReadOptions, SheetInfo, TableInfo } from '../contract';
import { areaOf, cellText } from '../guards';
import { Batch, bands, COMMAND_BYTES, type HostLimits } from './batch';
import { areaCells, fromExcel, parseExcelRef, splitAreas } from './cells';
import type { Features } from './features';
import type { XlClientResult, XlContext, XlRange, XlRangeAreas, XlRowProps, XlRun } from './office-types';
import { queueFills, readNotes, SheetProxies, type Cell, type CellLookup } from './styles';

const ROW_PROPS_BYTES = 32;

interface Tile {
  area: Area;
  range: XlRange;
  rows?: XlClientResult<XlRowProps[]>;
}

interface Plan {
  ref: SheetRef;
  area: Area;
  tiles: Tile[];
  merges?: XlRangeAreas;
}

/**
 * Reads every ref in as few requests as the payload allows: one sync for any number of small
 * ranges on any number of sheets (two with styles when notes must be listed, or before 1.9 when a
 * range mixes hidden and visible rows). Big ranges are read in row bands packed into requests.
 */
export async function readRanges(context: XlContext, features: Features, limits: HostLimits, refs: readonly SheetRef[], options: ReadOptions): Promise<RangeRead[]> {
  const batch = new Batch(context, limits);
  const sheets = new SheetProxies(context);
  const plans: Plan[] = [];
  const budget = limits.maxPayloadBytes - 4 * COMMAND_BYTES;
  for (const ref of refs) {
    const area = areaOf(ref);
    const ws = sheets.get(ref.sheet);
    const width = area.lastCol - area.col + 1;
    const rowBytes = width * limits.readBytesPerCell + ROW_PROPS_BYTES;
    const plan: Plan = { ref: { sheet: ref.sheet, address: formatA1(area) }, area, tiles: [] };
    for (const tile of bands(area, budget, () => rowBytes, limits.maxCells)) {
      await batch.room(areaCells(tile) * limits.readBytesPerCell + (tile.lastRow - tile.row + 1) * ROW_PROPS_BYTES + 3 * COMMAND_BYTES, areaCells(tile));
      const range = ws.getRange(formatA1(tile));
      range.load(features.cellProperties ? 'values,valueTypes,numberFormat' : 'values,valueTypes,numberFormat,rowHidden');
      // Hidden rows once per row: only the first column piece of a band asks.
      const rows = features.cellProperties && tile.col === area.col ? range.getRowProperties({ rowHidden: true }) : undefined;
      plan.tiles.push({ area: tile, range, ...(rows ? { rows } : {}) });
    }
    if (features.mergedAreas) {
      await batch.room(2 * COMMAND_BYTES);
      plan.merges = ws.getRange(plan.ref.address).getMergedAreasOrNullObject();
      plan.merges.load('address');
    }
    plans.push(plan);
  }
  let fills: CellLookup | undefined;
  let notes: CellLookup | undefined;
  if (options.styles) {
    fills = await queueFills(batch, sheets, features, plans.map((p) => ({ sheet: p.ref.sheet, area: p.area })));
    notes = await readNotes(batch, sheets, features.noteKind, plans.flatMap((p) => cellsOf(p.ref.sheet, p.area)));
  }
  await batch.flush();
  const hidden = await hiddenRows(batch, plans, features);
  return plans.map((p, i) => assemble(p, hidden[i]!, fills, notes));
}

function cellsOf(sheet: string, a: Area): Cell[] {
  const out: Cell[] = [];
  for (let row = a.row; row <= a.lastRow; row += 1) for (let col = a.col; col <= a.lastCol; col += 1) out.push({ sheet, row, col });
  return out;
}

/** Hidden rows per plan. Before 1.9 a band reports all/none/mixed; only mixed bands ask row by row (one more sync). */
async function hiddenRows(batch: Batch, plans: readonly Plan[], features: Features): Promise<number[][]> {
  if (features.cellProperties)
    return plans.map((p) => p.tiles.flatMap((t) => (t.rows ? t.rows.value.flatMap((r, i) => (r.rowHidden ? [t.area.row + i] : [])) : [])));
  const perRow: Array<Array<{ row: number; range: XlRange }>> = [];
  for (const p of plans) {
    const asked: Array<{ row: number; range: XlRange }> = [];
    for (const t of p.tiles.filter((t) => t.area.col === p.area.col && t.range.rowHidden === null)) {
      for (let r = 0; r <= t.area.lastRow - t.area.row; r += 1) {
        await batch.room(COMMAND_BYTES + ROW_PROPS_BYTES);
        const row = t.range.getRow(r);
        row.load('rowHidden');
        asked.push({ row: t.area.row + r, range: row });
      }
    }
    perRow.push(asked);
  }
  await batch.flush();
  return plans.map((p, i) =>
    p.tiles
      .filter((t) => t.area.col === p.area.col)
      .flatMap((t) => (t.range.rowHidden === true ? Array.from({ length: t.area.lastRow - t.area.row + 1 }, (_, r) => t.area.row + r) : []))
      .concat(perRow[i]!.filter((x) => x.range.rowHidden).map((x) => x.row))
      .sort((a, b) => a - b),
  );
}

function assemble(p: Plan, hidden: number[], fills: CellLookup | undefined, notes: CellLookup | undefined): RangeRead {
  const { area } = p;
  const rows = area.lastRow - area.row + 1;
  const cols = area.lastCol - area.col + 1;
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const numberFormats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  for (const t of p.tiles) {
    const vs = t.range.values;
    const types = t.range.valueTypes;
    const fmts = t.range.numberFormat;
    for (let r = 0; r <= t.area.lastRow - t.area.row; r += 1)
      for (let c = 0; c <= t.area.lastCol - t.area.col; c += 1) {
        const row = t.area.row - area.row + r;
        const col = t.area.col - area.col + c;
        values[row]![col] = fromExcel(vs[r]?.[c], types[r]?.[c]);
        const f = fmts[r]?.[c];
        numberFormats[row]![col] = typeof f === 'string' ? f : 'General';
      }
  }
  const read: RangeRead = { ref: p.ref, values, numberFormats, hiddenRows: hidden, merges: mergesOf(p) };
  const grid = (look: CellLookup): Array<Array<string | null>> =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => look(p.ref.sheet, area.row + r, area.col + c)));
  if (fills) read.fills = grid(fills);
  if (notes) read.notes = grid(notes);
  return read;
}

function mergesOf(p: Plan): string[] {
  if (!p.merges || p.merges.isNullObject) return [];
  const out = new Set<string>();
  for (const text of splitAreas(p.merges.address)) {
    const ref = parseExcelRef(text, p.ref.sheet);
    if (ref) out.add(ref.address);
  }
  return [...out];
}

/** Sheets with visibility and used range: the list, then every used range (two syncs, any number of sheets). */
export function listSheets(run: XlRun, features: Features): Promise<SheetInfo[]> {
  return run(async (ctx) => {
    const list = ctx.workbook.worksheets;
    list.load('items/name,items/visibility');
    await ctx.sync();
    const used = list.items.map((ws) => {
      const r = features.orNullObjects ? ws.getUsedRangeOrNullObject() : ws.getUsedRange();
      r.load('address');
      return r;
    });
    await ctx.sync();
    return list.items.map((ws, i) => {
      const r = used[i]!;
      const ref = r.isNullObject ? undefined : parseExcelRef(r.address, ws.name);
      const info: SheetInfo = { name: ws.name, visible: ws.visibility === 'Visible' };
      return ref ? { ...info, used: ref.address } : info;
    });
  });
}

/** Workbook names that refer to a range (constants and formulas are not bindable). One sync. */
export function listNames(run: XlRun): Promise<NameInfo[]> {
  return run(async (ctx) => {
    const names = ctx.workbook.names;
    names.load('items/name,items/type,items/formula');
    await ctx.sync();
    return names.items.flatMap((n) => {
      const formula = typeof n.formula === 'string' ? n.formula.replace(/^=/, '') : '';
      const ref = n.type === 'Range' && !formula.includes(',') ? parseExcelRef(formula) : undefined;
      return ref ? [{ name: n.name, ref }] : [];
    });
  });
}

/** Tables with their ranges and header texts: the list, then every table's ranges (two syncs). */
export function listTables(run: XlRun): Promise<TableInfo[]> {
  return run(async (ctx) => {
    const tables = ctx.workbook.tables;
    tables.load('items/name');
    await ctx.sync();
    const parts = tables.items.map((t) => {
      const range = t.getRange();
      range.load('address');
      const header = t.getHeaderRowRange();
      header.load('values,valueTypes');
      return { name: t.name, range, header };
    });
    await ctx.sync();
    return parts.flatMap(({ name, range, header }) => {
      const ref = parseExcelRef(range.address);
      const types = header.valueTypes[0] ?? [];
      return ref ? [{ name, ref, headers: (header.values[0] ?? []).map((v, i) => cellText(fromExcel(v, types[i]))) }] : [];
    });
  });
}

/** The selected range (its first area when several are selected); undefined when no range is selected. */
export function getSelection(run: XlRun): Promise<SheetRef | undefined> {
  return run(async (ctx) => {
    const range = ctx.workbook.getSelectedRange();
    range.load('address');
    await ctx.sync();
    return parseExcelRef(splitAreas(range.address)[0] ?? '');
  });
}
