import ExcelJS from 'exceljs';
import { cellAddress, formatA1, parseA1, type Area, type SheetRef } from '../../core/a1';
import { AppError } from '../../core/errors';
import type { CellMark, RangeRead, ReadOptions, SheetInfo, WorkbookHost, WriteBlock } from '../contract';
import { areaOf, assertNoCredentials, blockArea, hiddenSheet, intersects } from '../guards';
import { MarkRegistry, type StyleChange } from '../mark-registry';
import { cellValue, excelValue, noteText } from './cells';
import { fillColour, solidFill } from './colours';
import type { PackageFacts } from './package-facts';
import { sheetMerges, sheetNameProblem, tableHeaders, tableModels, usedArea } from './sheets';
import { isStateSheet, STATE_SHEET, type CellLook, type SavedState } from './state';
import { openAt, savedSelection } from './views';

const key = (sheet: string, row: number, col: number): string => `${sheet}!${cellAddress(row, col)}`;

/**
 * The WorkbookHost over a loaded ExcelJS workbook: reads come from it, writes change it in memory.
 * Saving (to a copy) is the caller's business; see `openXlsxHost`.
 */
export function createWorkbookHost(workbook: ExcelJS.Workbook, facts: PackageFacts, state: SavedState): WorkbookHost {
  const merges = new Map<ExcelJS.Worksheet, Area[]>();
  const mergesOf = (ws: ExcelJS.Worksheet): Area[] => {
    let m = merges.get(ws);
    if (!m) merges.set(ws, (m = sheetMerges(ws)));
    return m;
  };
  const sheets = (): ExcelJS.Worksheet[] => workbook.worksheets.filter((ws) => !isStateSheet(ws.name));
  // Excel matches sheet names without regard to case.
  const findSheet = (name: string): ExcelJS.Worksheet | undefined =>
    sheets().find((ws) => ws.name === name) ?? sheets().find((ws) => ws.name.toLowerCase() === name.toLowerCase());
  const noSheet = (names: readonly string[]): AppError =>
    new AppError('host.noSheet', { sheet: [...new Set(names)].join(', '), sheets: sheets().map((s) => s.name).join(', ') });
  const sheetOrFail = (name: string): ExcelJS.Worksheet => {
    const ws = findSheet(name);
    if (!ws) throw noSheet([name]);
    return ws;
  };
  let selected: SheetRef | undefined;
  const look = (cell: ExcelJS.Cell | undefined): CellLook => (cell ? structuredClone({ fill: cell.fill, note: cell.note }) : {});

  const applyStyles = (changes: readonly StyleChange[]): void => {
    for (const c of changes) {
      const cell = sheetOrFail(c.sheet).getCell(c.row + 1, c.col + 1);
      const own = state.looks[key(c.sheet, c.row, c.col)];
      // Back to the cell's own look: restore it exactly (theme colour, rich note), not its flattened text.
      if (own && c.fill === fillColour(own.fill, facts.theme) && c.note === noteText(own.note)) setLook(cell, own);
      else setLook(cell, { fill: c.fill ? solidFill(c.fill) : undefined, note: c.note ?? undefined });
    }
  };
  const keepLooks = (registry: MarkRegistry): void => {
    state.marks = registry.toJSON();
    for (const k of Object.keys(state.looks)) if (!(k in state.marks.originals)) delete state.looks[k];
  };

  return {
    kind: 'xlsx',
    capabilities: { notes: true, selectionEvents: false, clickEvents: false, persistentSettings: true },

    listSheets: () =>
      attempt(() =>
        sheets().map((ws): SheetInfo => {
          const used = usedArea(ws);
          const info = { name: ws.name, visible: ws.state === 'visible' };
          return used ? { ...info, used: formatA1(used) } : info;
        }),
      ),

    listNames: () =>
      attempt(() =>
        workbook.definedNames.model.flatMap(({ name, ranges }) => {
          // Built-in names (print areas, filter ranges) are Excel's, and a name must be one range to bind.
          if (name.startsWith('_xlnm.') || ranges.length !== 1) return [];
          const ref = parseSheetRange(ranges[0]!);
          return ref && !isStateSheet(ref.sheet) ? [{ name, ref }] : [];
        }),
      ),

    listTables: () =>
      attempt(() =>
        sheets().flatMap((ws) =>
          tableModels(ws).flatMap((t) => {
            const area = t.tableRef ? parseA1(t.tableRef) : undefined;
            return area ? [{ name: t.name, ref: { sheet: ws.name, address: formatA1(area) }, headers: tableHeaders(ws, t, area) }] : [];
          }),
        ),
      ),

    readRanges: (refs: readonly SheetRef[], options: ReadOptions = {}) =>
      attempt(() => {
        const missing = refs.filter((r) => !findSheet(r.sheet)).map((r) => r.sheet);
        if (missing.length) throw noSheet(missing);
        return refs.map((ref) => {
          const ws = sheetOrFail(ref.sheet);
          return readArea(ws, areaOf(ref), mergesOf(ws), facts.theme, options);
        });
      }),

    writeBlocks: (blocks: readonly WriteBlock[]) =>
      attempt(() => {
        // Every block is checked before any is written, so a refused call changes nothing.
        const areas = blocks.map(blockArea);
        blocks.forEach((b, i) => checkBlock(b, areas[i]!, findSheet(b.sheet), (ws) => mergesOf(ws)));
        blocks.forEach((b, i) => {
          const ws = findSheet(b.sheet) ?? workbook.addWorksheet(b.sheet);
          writeBlock(ws, b, areas[i]!);
        });
      }),

    getSelection: () => attempt(() => (selected ? { ...selected } : savedSelection(workbook, sheets()))),

    // A file has no window: the selection is kept for this session and the saved copy opens there.
    select: (ref) =>
      attempt(() => {
        const area = areaOf(ref);
        const ws = sheetOrFail(ref.sheet);
        if (ws.state !== 'visible') throw hiddenSheet(ref);
        openAt(workbook, ws, area);
        selected = { sheet: ws.name, address: formatA1(area) };
      }),

    // A file has no user to select anything: a no-op subscription (capabilities.selectionEvents is false).
    onSelectionChanged: () => () => undefined,

    mark: (marks: readonly CellMark[]) =>
      attempt(() => {
        marks.forEach((m) => sheetOrFail(m.sheet));
        const registry = new MarkRegistry(state.marks);
        const looks: Record<string, CellLook> = {};
        const originals = registry.unknownCells(marks).map((c) => {
          const cell = sheetOrFail(c.sheet).findCell(c.row + 1, c.col + 1);
          looks[key(c.sheet, c.row, c.col)] = look(cell);
          return { ...c, fill: fillColour(cell?.fill, facts.theme), note: noteText(cell?.note) };
        });
        const changes = registry.add(marks, originals);
        Object.assign(state.looks, looks);
        applyStyles(changes);
        keepLooks(registry);
      }),

    clearMarks: (findingIds?: readonly string[]) =>
      attempt(() => {
        const registry = new MarkRegistry(state.marks);
        applyStyles(registry.clear(findingIds));
        keepLooks(registry);
      }),

    marksAt: (ref) => attempt(() => new MarkRegistry(state.marks).at(ref.sheet, areaOf(ref))),

    listMarks: () => attempt(() => new MarkRegistry(state.marks).all()),

    readSettings: () => attempt(() => structuredClone(state.settings)),

    writeSettings: (patch) =>
      attempt(() => {
        assertNoCredentials(patch);
        state.settings = { ...state.settings, ...(JSON.parse(JSON.stringify(patch)) as Record<string, unknown>) };
      }),
  };
}

/** Runs synchronous work as a promise; ExcelJS failures become `host.failed`, ours stay as they are. */
function attempt<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (err) {
    if (err instanceof AppError) return Promise.reject(err);
    return Promise.reject(new AppError('host.failed', { detail: err instanceof Error ? err.message : String(err) }, { cause: err }));
  }
}

function readArea(ws: ExcelJS.Worksheet, area: Area, merges: readonly Area[], theme: readonly string[], options: ReadOptions): RangeRead {
  const cells = rowsOf(area).map((r) => {
    const row = ws.findRow(r + 1);
    return colsOf(area).map((c) => row?.findCell(c + 1));
  });
  const grid = <T>(f: (cell: ExcelJS.Cell | undefined) => T): T[][] => cells.map((row) => row.map(f));
  const read: RangeRead = {
    ref: { sheet: ws.name, address: formatA1(area) },
    values: grid(cellValue),
    numberFormats: grid((cell) => cell?.numFmt || 'General'),
    hiddenRows: rowsOf(area).filter((r) => ws.findRow(r + 1)?.hidden === true),
    merges: merges.filter((m) => intersects(m, area)).map(formatA1),
  };
  if (options.styles) {
    read.fills = grid((cell) => fillColour(cell?.fill, theme));
    read.notes = grid((cell) => noteText(cell?.note));
  }
  return read;
}

const rowsOf = (a: Area): number[] => Array.from({ length: a.lastRow - a.row + 1 }, (_, i) => a.row + i);
const colsOf = (a: Area): number[] => Array.from({ length: a.lastCol - a.col + 1 }, (_, i) => a.col + i);

function checkBlock(block: WriteBlock, area: Area, ws: ExcelJS.Worksheet | undefined, mergesOf: (ws: ExcelJS.Worksheet) => Area[]): void {
  const refuse = (detail: string): never => {
    throw new AppError('host.failed', { detail });
  };
  if (isStateSheet(block.sheet)) refuse(`the sheet name ${STATE_SHEET} is reserved for FinPulse's own state`);
  if (!ws) {
    const problem = sheetNameProblem(block.sheet);
    if (problem) refuse(problem);
    return;
  }
  // Excel cannot change part of a merged cell; a blank there is no change.
  for (const m of mergesOf(ws).filter((a) => intersects(a, area))) {
    block.values.forEach((cells, r) =>
      cells.forEach((v, c) => {
        const [row, col] = [area.row + r, area.col + c];
        const inside = row >= m.row && row <= m.lastRow && col >= m.col && col <= m.lastCol;
        if (inside && v !== null && (row !== m.row || col !== m.col)) {
          refuse(`${ws.name}!${cellAddress(row, col)} is inside the merged cells ${formatA1(m)}; only its top-left cell can hold a value`);
        }
      }),
    );
  }
}

function writeBlock(ws: ExcelJS.Worksheet, block: WriteBlock, area: Area): void {
  block.values.forEach((cells, r) =>
    cells.forEach((value, c) => {
      const format = block.numberFormats?.[r]?.[c];
      const existing = ws.findCell(area.row + r + 1, area.col + c + 1);
      if (value === null && !format && !existing) return;
      const cell = existing ?? ws.getCell(area.row + r + 1, area.col + c + 1);
      if (cell.type === ExcelJS.ValueType.Merge) return; // checked: a blank inside a merge
      detachSharedClones(ws, cell);
      cell.value = excelValue(value);
      if (format) cell.style = { ...cell.style, numFmt: format };
    }),
  );
}

/**
 * Overwriting the master of a shared formula would orphan the cells that share it, and ExcelJS then
 * refuses to save. They become plain formulas first, each with its own cached result.
 */
function detachSharedClones(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  if (master.type !== ExcelJS.ValueType.Formula) return;
  const shared = master.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
  const range = shared.shareType === 'shared' && shared.ref ? parseA1(shared.ref) : undefined;
  if (!range) return;
  for (const r of rowsOf(range)) {
    for (const c of colsOf(range)) {
      const clone = ws.findCell(r + 1, c + 1);
      if (!clone || clone === master || clone.type !== ExcelJS.ValueType.Formula) continue;
      if ((clone.value as ExcelJS.CellSharedFormulaValue).sharedFormula !== master.address) continue;
      clone.value = { formula: clone.formula, result: clone.result };
    }
  }
}

function setLook(cell: ExcelJS.Cell, look: CellLook): void {
  // Cells of one style share one style object in ExcelJS: replace it, never mutate it.
  const { fill: _old, ...rest } = cell.style;
  cell.style = look.fill ? { ...rest, fill: look.fill } : rest;
  if (look.note === undefined || look.note === null) {
    // ExcelJS has no way to remove a note; assigning undefined writes a broken comment.
    Reflect.deleteProperty(cell, '_comment');
  } else {
    cell.note = look.note;
  }
}

/** `'P&L'!$C$3:$D$3` → a SheetRef; undefined for anything else (constants, formulas, other workbooks). */
function parseSheetRange(text: string): SheetRef | undefined {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return undefined;
  const rawSheet = text.slice(0, bang);
  const sheet = /^'.*'$/.test(rawSheet) ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const area = parseA1(text.slice(bang + 1));
  return area && sheet && !sheet.startsWith('[') ? { sheet, address: formatA1(area) } : undefined;
}
