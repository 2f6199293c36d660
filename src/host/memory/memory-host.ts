import { formatA1, type CellValue, type SheetRef } from '../../core/a1';
import { AppError } from '../../core/errors';
import type { CellMark, RangeRead, ReadOptions, WorkbookHost, WriteBlock } from '../contract';
import { areaOf, assertNoCredentials, blockArea, cellText, hiddenSheet, intersects } from '../guards';
import { MarkRegistry, type StyleChange } from '../mark-registry';
import { type MemorySheet, MemoryWorkbook } from './workbook';

export interface MemoryHost extends WorkbookHost {
  readonly workbook: MemoryWorkbook;
  /** Plays the user selecting a range (workbench grid, tests): selection listeners hear it. */
  userSelects(ref: SheetRef): void;
}

/** The WorkbookHost over a MemoryWorkbook, with the same semantics as the Office and WPS adapters. */
export function createMemoryHost(workbook: MemoryWorkbook = new MemoryWorkbook()): MemoryHost {
  const listeners = new Set<(ref: SheetRef) => void>();
  const sheetOrFail = (name: string): MemorySheet => {
    const sheet = workbook.sheet(name);
    if (!sheet) throw new AppError('host.noSheet', { sheet: name, sheets: workbook.sheets.map((s) => s.name).join(', ') });
    return sheet;
  };
  const copy = <T>(v: T): T => structuredClone(v);
  const applyStyles = (changes: readonly StyleChange[]): void => {
    for (const c of changes) sheetOrFail(c.sheet).set(c.row, c.col, { fill: c.fill, note: c.note });
    if (changes.length) workbook.changed({ kind: 'cells', sheets: [...new Set(changes.map((c) => c.sheet))] });
  };
  const setSelection = (ref: SheetRef): SheetRef => {
    const selection = { sheet: sheetOrFail(ref.sheet).name, address: formatA1(areaOf(ref)) };
    workbook.selection = selection;
    workbook.changed({ kind: 'selection', ref: { ...selection } });
    return selection;
  };

  const host: MemoryHost = {
    kind: 'memory',
    workbook,
    capabilities: { notes: true, selectionEvents: true, clickEvents: true, persistentSettings: true },

    listSheets: () =>
      Promise.resolve(
        workbook.sheets.map((s) => {
          const used = s.usedArea();
          return used ? { name: s.name, visible: s.visible, used: formatA1(used) } : { name: s.name, visible: s.visible };
        }),
      ),

    listNames: () => Promise.resolve(copy(workbook.names)),

    listTables: () =>
      Promise.resolve(
        workbook.tables.map((t) => {
          const area = areaOf(t.ref);
          const sheet = sheetOrFail(t.ref.sheet);
          const headers: string[] = [];
          for (let c = area.col; c <= area.lastCol; c += 1) headers.push(cellText(sheet.get(area.row, c)?.value ?? null));
          return { name: t.name, ref: { ...t.ref }, headers };
        }),
      ),

    readRanges(refs: readonly SheetRef[], options: ReadOptions = {}) {
      return attempt(() => {
        const missing = refs.filter((r) => !workbook.sheet(r.sheet)).map((r) => r.sheet);
        if (missing.length) throw new AppError('host.noSheet', { sheet: [...new Set(missing)].join(', '), sheets: workbook.sheets.map((s) => s.name).join(', ') });
        return refs.map((ref) => readOne(sheetOrFail(ref.sheet), ref, options));
      });
    },

    writeBlocks(blocks: readonly WriteBlock[]) {
      return attempt(() => {
        const areas = blocks.map(blockArea); // every block is checked before any is written
        blocks.forEach((b, i) => {
          const sheet = workbook.sheet(b.sheet) ?? workbook.addSheet(b.sheet);
          const { row, col } = areas[i]!;
          b.values.forEach((cells, r) =>
            cells.forEach((value, c) => sheet.set(row + r, col + c, { value, ...(b.numberFormats?.[r]?.[c] ? { format: b.numberFormats[r][c] } : {}) })),
          );
        });
        if (blocks.length) workbook.changed({ kind: 'cells', sheets: [...new Set(blocks.map((b) => b.sheet))] });
      });
    },

    getSelection: () => Promise.resolve(workbook.selection && { ...workbook.selection }),

    onSelectionChanged(handler) {
      listeners.add(handler);
      return () => listeners.delete(handler);
    },

    userSelects(ref) {
      const selection = setSelection(ref);
      for (const l of listeners) l({ ...selection });
    },

    // The workbench grid follows the workbook's selection; the listeners hear only the user.
    select: (ref) =>
      attempt(() => {
        if (!sheetOrFail(ref.sheet).visible) throw hiddenSheet(ref);
        setSelection(ref);
      }),

    mark(marks: readonly CellMark[]) {
      return attempt(() => {
        marks.forEach((m) => sheetOrFail(m.sheet));
        const registry = new MarkRegistry(workbook.marks);
        const originals = registry.unknownCells(marks).map((c) => {
          const cell = sheetOrFail(c.sheet).get(c.row, c.col);
          return { ...c, fill: cell?.fill ?? null, note: cell?.note ?? null };
        });
        applyStyles(registry.add(marks, originals));
        workbook.marks = registry.toJSON();
      });
    },

    clearMarks(findingIds?: readonly string[]) {
      return attempt(() => {
        const registry = new MarkRegistry(workbook.marks);
        applyStyles(registry.clear(findingIds));
        workbook.marks = registry.toJSON();
      });
    },

    marksAt: (ref) => attempt(() => new MarkRegistry(workbook.marks).at(ref.sheet, areaOf(ref))),

    listMarks: () => Promise.resolve(new MarkRegistry(workbook.marks).all()),

    readSettings: () => Promise.resolve(copy(workbook.settings)),

    writeSettings(patch) {
      return attempt(() => {
        assertNoCredentials(patch);
        workbook.settings = { ...workbook.settings, ...(JSON.parse(JSON.stringify(patch)) as Record<string, unknown>) };
        workbook.changed({ kind: 'settings' });
      });
    },
  };
  return host;
}

/** Runs synchronous work as a promise, so errors reject rather than throw (as the real hosts behave). */
function attempt<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

/** Values are primitives except error values, which are copied so callers cannot change the workbook. */
const copyValue = (v: CellValue): CellValue => (typeof v === 'object' && v !== null ? { error: v.error } : v);

function readOne(sheet: MemorySheet, ref: SheetRef, options: ReadOptions): RangeRead {
  const area = areaOf(ref);
  const rows = area.lastRow - area.row + 1;
  const cols = area.lastCol - area.col + 1;
  const grid = <T>(f: (row: number, col: number) => T): T[][] => {
    const out: T[][] = new Array<T[]>(rows);
    for (let r = 0; r < rows; r += 1) {
      const line: T[] = new Array<T>(cols);
      for (let c = 0; c < cols; c += 1) line[c] = f(area.row + r, area.col + c);
      out[r] = line;
    }
    return out;
  };
  const read: RangeRead = {
    ref: { sheet: sheet.name, address: formatA1(area) },
    values: grid((r, c) => copyValue(sheet.get(r, c)?.value ?? null)),
    numberFormats: grid((r, c) => sheet.get(r, c)?.format ?? 'General'),
    hiddenRows: [...sheet.hiddenRows].filter((r) => r >= area.row && r <= area.lastRow).sort((a, b) => a - b),
    merges: sheet.merges.filter((m) => intersects(m, area)).map(formatA1),
  };
  if (options.styles) {
    read.fills = grid((r, c) => sheet.get(r, c)?.fill ?? null);
    read.notes = grid((r, c) => sheet.get(r, c)?.note ?? null);
  }
  return read;
}
