import { cellAddress, formatA1, type Area } from '../../core/a1';
import type { StyleChange } from '../mark-registry';
import { bands, COMMAND_BYTES, rectangles, type Batch } from './batch';
import { areaCells, parseExcelRef } from './cells';
import type { Features, NoteKind } from './features';
import type { XlClientResult, XlCellProps, XlContext, XlNote, XlRange, XlRangeFill, XlWorksheet } from './office-types';
import { utf8Bytes } from './registry-store';

export interface Cell {
  sheet: string;
  row: number;
  col: number;
}

export const cellKey = (sheet: string, row: number, col: number): string => `${sheet}!${cellAddress(row, col)}`;

/** Fill or note of a cell, answered once the batch has synced. */
export type CellLookup = (sheet: string, row: number, col: number) => string | null;

/** One worksheet proxy per sheet name and request context. */
export class SheetProxies {
  private readonly map = new Map<string, XlWorksheet>();
  constructor(private readonly context: XlContext) {}

  get(name: string): XlWorksheet {
    let ws = this.map.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.map.set(name, ws);
    }
    return ws;
  }

  set(name: string, ws: XlWorksheet): void {
    this.map.set(name, ws);
  }
}

const FILL_CELL_BYTES = 80;
const FILL_ONE_CELL_BYTES = 320;
const NOTE_CELL_BYTES = 320;
/** More cells than this and notes are read by listing each sheet's notes: sized by notes, not cells. */
export const NOTE_CELLS_ONE_BY_ONE = 2_000;

/**
 * Queues reading the fill of every cell of the areas. With getCellProperties (1.9) one command per
 * band answers every cell, `pattern` telling no fill from white; without it, one `format.fill`
 * load per cell in the same request, where white cannot be told from no fill (read as none).
 */
export async function queueFills(batch: Batch, sheets: SheetProxies, features: Features, areas: ReadonlyArray<{ sheet: string; area: Area }>): Promise<CellLookup> {
  const found = new Map<string, string | null>();
  const tiles: Array<{ sheet: string; tile: Area; result: XlClientResult<XlCellProps[][]> }> = [];
  const cells: Array<{ key: string; fill: XlRangeFill }> = [];
  const budget = batch.limits.maxPayloadBytes - COMMAND_BYTES;
  for (const { sheet, area } of areas) {
    const ws = sheets.get(sheet);
    if (features.cellProperties) {
      const width = area.lastCol - area.col + 1;
      for (const tile of bands(area, budget, () => width * FILL_CELL_BYTES, batch.limits.maxCells)) {
        await batch.room(areaCells(tile) * FILL_CELL_BYTES + COMMAND_BYTES, areaCells(tile));
        tiles.push({ sheet, tile, result: ws.getRange(formatA1(tile)).getCellProperties({ format: { fill: { color: true, pattern: true } } }) });
      }
    } else {
      for (let r = area.row; r <= area.lastRow; r += 1)
        for (let c = area.col; c <= area.lastCol; c += 1) {
          await batch.room(FILL_ONE_CELL_BYTES, 1);
          const fill = ws.getRange(cellAddress(r, c)).format.fill;
          fill.load('color');
          cells.push({ key: cellKey(sheet, r, c), fill });
        }
    }
  }
  let ready = false;
  return (sheet, row, col) => {
    if (!ready) {
      for (const { sheet: s, tile, result } of tiles)
        result.value.forEach((cols, r) =>
          cols.forEach((p, c) => {
            const fill = p.format?.fill;
            found.set(cellKey(s, tile.row + r, tile.col + c), !fill || fill.pattern === 'None' || !fill.color ? null : fill.color.toUpperCase());
          }),
        );
      for (const { key, fill } of cells) found.set(key, !fill.color || fill.color.toUpperCase() === '#FFFFFF' ? null : fill.color.toUpperCase());
      ready = true;
    }
    return found.get(cellKey(sheet, row, col)) ?? null;
  };
}

/**
 * Reads the note (or comment) of each cell. Few cells and notes (1.18): a null-object lookup per cell
 * in the current request. Comments, which have no such lookup, or many cells: each sheet's notes
 * are listed, then their cells: two syncs, whatever the number of cells.
 */
export async function readNotes(batch: Batch, sheets: SheetProxies, kind: NoteKind, cells: readonly Cell[]): Promise<CellLookup> {
  if (kind === 'none' || !cells.length) return () => null;
  if (kind === 'note' && cells.length <= NOTE_CELLS_ONE_BY_ONE) {
    const notes = new Map<string, XlNote>();
    for (const c of cells) {
      await batch.room(NOTE_CELL_BYTES);
      const note = sheets.get(c.sheet).notes.getItemOrNullObject(cellAddress(c.row, c.col));
      note.load('content');
      notes.set(cellKey(c.sheet, c.row, c.col), note);
    }
    return (sheet, row, col) => {
      const note = notes.get(cellKey(sheet, row, col));
      return !note || note.isNullObject ? null : note.content;
    };
  }
  const names = [...new Set(cells.map((c) => c.sheet))];
  const lists = names.map((name) => {
    const ws = sheets.get(name);
    const list = kind === 'note' ? ws.notes : ws.comments;
    list.load('items/content');
    return { name, list };
  });
  await batch.room(COMMAND_BYTES * names.length);
  await batch.flush();
  const located: Array<{ name: string; content: string; at: XlRange }> = [];
  for (const { name, list } of lists) {
    for (const item of list.items) {
      await batch.room(COMMAND_BYTES * 2 + utf8Bytes(JSON.stringify(item.content)));
      const at = item.getLocation();
      at.load('address');
      located.push({ name, content: item.content, at });
    }
  }
  await batch.flush();
  const found = new Map<string, string>();
  for (const { name, content, at } of located) {
    const ref = parseExcelRef(at.address, name);
    if (ref) found.set(`${name}!${ref.address}`, content);
  }
  return (sheet, row, col) => found.get(cellKey(sheet, row, col)) ?? null;
}

/**
 * Applies style changes: fills packed into rectangles of one colour (a 10,000-cell mark is one
 * command), notes one command per cell that changes. `current` is each cell's note now, which
 * decides between adding, editing and deleting.
 */
export async function applyStyles(batch: Batch, sheets: SheetProxies, kind: NoteKind, changes: readonly StyleChange[], current: CellLookup): Promise<void> {
  const groups = new Map<string, { sheet: string; fill: string | null; cells: StyleChange[] }>();
  for (const c of changes) {
    const k = `${c.fill ?? ''}\u0000${c.sheet}`;
    const g = groups.get(k) ?? { sheet: c.sheet, fill: c.fill, cells: [] };
    g.cells.push(c);
    groups.set(k, g);
  }
  for (const { sheet, fill, cells } of groups.values()) {
    for (const rect of rectangles(cells)) {
      await batch.room(COMMAND_BYTES * 2); // getRange, then the fill
      const f = sheets.get(sheet).getRange(formatA1(rect)).format.fill;
      if (fill) f.color = fill;
      else f.clear();
    }
  }
  if (kind === 'none') return;
  for (const c of changes) {
    const target = c.note || null;
    const now = current(c.sheet, c.row, c.col) || null;
    if (target === now) continue;
    await batch.room((kind === 'comment' ? 2 : 1) * COMMAND_BYTES + utf8Bytes(JSON.stringify(target)));
    const ws = sheets.get(c.sheet);
    const address = cellAddress(c.row, c.col);
    if (kind === 'note') {
      if (now && !target) ws.notes.getItem(address).delete();
      else if (now && target) ws.notes.getItem(address).content = target;
      else if (target) ws.notes.add(address, target);
    } else {
      const cell = ws.getRange(address);
      if (now && !target) ws.comments.getItemByCell(cell).delete();
      else if (now && target) ws.comments.getItemByCell(cell).content = target;
      else if (target) ws.comments.add(cell, target);
    }
  }
}
