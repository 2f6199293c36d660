import { formatA1, parseRef, type SheetRef } from '../../core/a1';
import { AppError } from '../../core/errors';
import type { Capabilities, CellMark, NameInfo, SheetInfo, TableInfo, WorkbookHost, WriteBlock } from '../contract';
import { areaOf, assertNoCredentials, blockArea, cellText, hiddenSheet } from '../guards';
import { MarkRegistry, type StyleChange } from '../mark-registry';
import { areaOfRange, toCellValue, valueRows } from './convert';
import { SelectionEvents } from './events';
import { readRange } from './read';
import { findStateSheet, isStateSheet, readState, STATE_SHEET, writeState } from './state';
import { applyStyle, readStyle } from './styles';
import { writeBlock } from './write';
import { XL_SHEET_VISIBLE, type WpsApiEvent, type WpsApplication, type WpsRange, type WpsWorkbook, type WpsWorksheet } from './wps-types';

export interface WpsHostOptions {
  /** The event hub, when the build exposes it on the global `wps` rather than on the Application. */
  events?: WpsApiEvent;
}

const BAD_SHEET_NAME = /[:\\/?*[\]]|^'|'$/;

/** Anything WPS throws (a COM error surfaces as an Error, sometimes with an HRESULT `number`) becomes host.failed. */
function hostError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { message?: unknown; number?: unknown; description?: unknown };
  const text = typeof e?.message === 'string' && e.message ? e.message : typeof e?.description === 'string' ? e.description : String(err);
  const code = typeof e?.number === 'number' ? ` (0x${(e.number >>> 0).toString(16).toUpperCase()})` : '';
  return new AppError('host.failed', { detail: `${text}${code}` }, { cause: err });
}

/**
 * The WorkbookHost over the WPS Spreadsheets JS object model (the `Application` of a WPS 加载项).
 * WPS answers synchronously, so each call does its work at once and settles a promise; failures
 * reject with AppError. Reads use whole-range Value2 and split other properties only where cells
 * differ; writes send 2-D blocks. Settings and marks live in the workbook (see ./state).
 */
export function createWpsHost(app: WpsApplication, options: WpsHostOptions = {}): WorkbookHost {
  let busy = 0;
  let notesDetected: boolean | undefined;

  const book = (): WpsWorkbook => {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new AppError('host.failed', { detail: 'no workbook is open' });
    return wb;
  };
  /** The user's worksheets, in tab order, without FinPulse's state sheet. */
  const sheetsOf = (wb: WpsWorkbook): WpsWorksheet[] => {
    const out: WpsWorksheet[] = [];
    const sheets = wb.Worksheets;
    for (let i = 1; i <= sheets.Count; i += 1) {
      const sheet = sheets.Item(i);
      if (!isStateSheet(sheet.Name)) out.push(sheet);
    }
    return out;
  };
  const find = (sheets: WpsWorksheet[], name: string): WpsWorksheet | undefined =>
    sheets.find((s) => s.Name === name) ?? sheets.find((s) => s.Name.toLowerCase() === name.toLowerCase());
  const noSheet = (missing: string[], sheets: WpsWorksheet[]): AppError =>
    new AppError('host.noSheet', { sheet: [...new Set(missing)].join(', '), sheets: sheets.map((s) => s.Name).join(', ') });
  const sheetOrFail = (sheets: WpsWorksheet[], name: string): WpsWorksheet => {
    const sheet = find(sheets, name);
    if (!sheet) throw noSheet([name], sheets);
    return sheet;
  };

  const run = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (err) {
      return Promise.reject(hostError(err));
    }
  };
  /** Runs the add-in's own changes with events and screen updates off, restoring both after. */
  const change = <T>(work: () => T): Promise<T> =>
    run(() => {
      busy += 1;
      const events = app.EnableEvents;
      const screen = app.ScreenUpdating;
      try {
        if (typeof events === 'boolean') app.EnableEvents = false;
        if (typeof screen === 'boolean') app.ScreenUpdating = false;
        return work();
      } finally {
        if (typeof events === 'boolean') app.EnableEvents = events;
        if (typeof screen === 'boolean') app.ScreenUpdating = screen;
        busy -= 1;
      }
    });

  const notesOn = (): boolean => {
    if (notesDetected !== undefined) return notesDetected;
    const sheet = app.ActiveSheet;
    if (!sheet) return false;
    const cell = sheet.Range('A1');
    notesDetected = typeof cell.AddComment === 'function';
    return notesDetected;
  };

  const refOfSelection = (target: unknown): SheetRef | undefined => {
    const range = target as { Row?: unknown; Worksheet?: { Name?: unknown } } | null;
    if (!range || typeof range.Row !== 'number' || typeof range.Worksheet?.Name !== 'string') return undefined;
    if (isStateSheet(range.Worksheet.Name)) return undefined;
    return { sheet: range.Worksheet.Name, address: formatA1(areaOfRange(target as WpsRange)) };
  };
  const selection = new SelectionEvents(options.events ?? app.ApiEvent, () => busy > 0, refOfSelection);

  const applyStyles = (wb: WpsWorkbook, changes: readonly StyleChange[]): void => {
    const sheets = sheetsOf(wb);
    for (const c of changes) {
      const sheet = find(sheets, c.sheet);
      if (sheet) applyStyle(sheet, c, notesOn()); // a sheet deleted since it was marked took its cells along
    }
  };

  const capabilities: Capabilities = {
    get notes() {
      return notesOn();
    },
    get selectionEvents() {
      return selection.supported;
    },
    clickEvents: false, // WPS reports selection changes and double clicks, not single clicks
    persistentSettings: true,
  };

  const host: WorkbookHost = {
    kind: 'wps',
    capabilities,

    listSheets: () =>
      run(() =>
        sheetsOf(book()).map((s): SheetInfo => {
          const used = areaOfRange(s.UsedRange);
          // An empty sheet's UsedRange is $A$1: blank unless A1 holds something.
          const a1 = used.lastRow === 0 && used.lastCol === 0 ? s.Range('A1').Value2 : 0;
          const blank = a1 === null || a1 === undefined;
          const visible = isVisible(s);
          return blank ? { name: s.Name, visible } : { name: s.Name, visible, used: formatA1(used) };
        }),
      ),

    listNames: () =>
      run(() => {
        const names = book().Names;
        const out: NameInfo[] = [];
        for (let i = 1; i <= names.Count; i += 1) {
          const n = names.Item(i);
          if (n.Visible === false) continue;
          const ref = parseRef(String(n.RefersTo).replace(/^=/, '')); // constants, formulas and multi-area names have no single ref
          if (ref && !isStateSheet(ref.sheet)) out.push({ name: n.Name, ref });
        }
        return out;
      }),

    listTables: () =>
      run(() =>
        sheetsOf(book()).flatMap((sheet) => {
          const tables: TableInfo[] = [];
          const list = sheet.ListObjects;
          for (let i = 1; i <= list.Count; i += 1) {
            const t = list.Item(i);
            const area = areaOfRange(t.Range);
            const header = t.HeaderRowRange;
            const width = area.lastCol - area.col + 1;
            const headers = header ? valueRows(header.Value2, 1, width)[0]!.map((v) => cellText(toCellValue(v, 'General', () => header.Text))) : [];
            tables.push({ name: t.Name, ref: { sheet: sheet.Name, address: formatA1(area) }, headers });
          }
          return tables;
        }),
      ),

    readRanges: (refs, options = {}) =>
      run(() => {
        const sheets = sheetsOf(book());
        const missing = refs.filter((r) => !find(sheets, r.sheet)).map((r) => r.sheet);
        if (missing.length) throw noSheet(missing, sheets);
        const areas = refs.map(areaOf);
        return refs.map((ref, i) => readRange(sheetOrFail(sheets, ref.sheet), areas[i]!, { ...options, notes: notesOn() }));
      }),

    writeBlocks: (blocks: readonly WriteBlock[]) =>
      change(() => {
        const areas = blocks.map(blockArea); // every block is checked before any is written
        blocks.forEach((b) => {
          if (isStateSheet(b.sheet)) throw new AppError('host.failed', { detail: `the sheet name ${STATE_SHEET} is reserved for FinPulse` });
          if (!b.sheet.trim() || b.sheet.length > 31 || BAD_SHEET_NAME.test(b.sheet)) throw new AppError('host.failed', { detail: `"${b.sheet}" is not a valid sheet name` });
        });
        const wb = book();
        blocks.forEach((b, i) => {
          const sheets = sheetsOf(wb);
          writeBlock(find(sheets, b.sheet) ?? addSheet(wb, b.sheet, sheets[sheets.length - 1]), areas[i]!, b);
        });
      }),

    getSelection: () => run(() => refOfSelection(app.Selection)),

    // As `change`: with events off, the selection the add-in makes never reaches the listeners.
    select: (ref) =>
      change(() => {
        const area = areaOf(ref);
        const sheet = sheetOrFail(sheetsOf(book()), ref.sheet);
        if (!isVisible(sheet)) throw hiddenSheet(ref);
        sheet.Activate();
        sheet.Range(formatA1(area)).Select();
      }),

    onSelectionChanged: (handler) => selection.subscribe(handler),

    mark: (marks: readonly CellMark[]) =>
      change(() => {
        const wb = book();
        const sheets = sheetsOf(wb);
        marks.forEach((m) => sheetOrFail(sheets, m.sheet));
        const state = readState(wb);
        const registry = new MarkRegistry(state.marks);
        const originals = registry.unknownCells(marks).map((c) => ({ ...c, ...readStyle(sheetOrFail(sheets, c.sheet), c.row, c.col, notesOn()) }));
        applyStyles(wb, registry.add(marks, originals));
        writeState(wb, { ...state, marks: registry.toJSON() });
      }),

    clearMarks: (findingIds?: readonly string[]) =>
      change(() => {
        const wb = book();
        const state = readState(wb);
        const registry = new MarkRegistry(state.marks);
        const changes = registry.clear(findingIds);
        applyStyles(wb, changes);
        if (changes.length || findStateSheet(wb)) writeState(wb, { ...state, marks: registry.toJSON() });
      }),

    marksAt: (ref) => run(() => new MarkRegistry(readState(book()).marks).at(ref.sheet, areaOf(ref))),

    listMarks: () => run(() => new MarkRegistry(readState(book()).marks).all()),

    readSettings: () => run(() => readState(book()).settings),

    writeSettings: (patch) =>
      change(() => {
        assertNoCredentials(patch);
        const wb = book();
        const state = readState(wb);
        writeState(wb, { ...state, settings: { ...state.settings, ...(JSON.parse(JSON.stringify(patch)) as Record<string, unknown>) } });
      }),
  };
  return host;
}

/** Some builds answer `Visible` with a boolean rather than XlSheetVisibility. */
const isVisible = (sheet: WpsWorksheet): boolean => sheet.Visible === XL_SHEET_VISIBLE || sheet.Visible === true;

/** Adds a worksheet after the user's last one for a block, leaving the user's active sheet active. */
function addSheet(wb: WpsWorkbook, name: string, after: WpsWorksheet | undefined): WpsWorksheet {
  const active = wb.ActiveSheet;
  const sheet = wb.Worksheets.Add(undefined, after);
  sheet.Name = name;
  active?.Activate();
  return sheet;
}

