import type { SheetRef } from '../../core/a1';
import { AppError } from '../../core/errors';
import { MARK_FILLS } from '../contract';
import { describeHostContract } from '../testing/contract-suite';
import { CONTRACT_SEED } from '../testing/seed';
import { bgrToHex, hexToBgr } from './convert';
import { fromWps } from './from-wps';
import { scanUniform } from './scan';
import { STATE_SHEET } from './state';
import { E_FAIL_1004, FakeComError } from './testing/fake-model';
import { FakeRange } from './testing/fake-range';
import { bgrOf, FakeWpsApplication } from './testing/fake-wps';
import { createWpsHost } from './wps-host';
import { XL_NONE, XL_SHEET_VERY_HIDDEN } from './wps-types';

describeHostContract('wps (fake)', (seed) => {
  const app = FakeWpsApplication.fromSeed(seed);
  return Promise.resolve({
    host: createWpsHost(app),
    userSelects: (ref) => app.userSelects(ref),
    // Everything lives in the workbook: reopening is a new host over the same application.
    reopen: () => Promise.resolve(createWpsHost(app)),
  });
});

describe('WPS adapter quirks', () => {
  const seeded = (): FakeWpsApplication => FakeWpsApplication.fromSeed(CONTRACT_SEED);
  const failure = async (p: Promise<unknown>): Promise<AppError> => {
    try {
      await p;
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    throw new Error('expected the call to fail');
  };

  it('converts BGR colours (VBA RGB order) to and from #RRGGBB', () => {
    expect(bgrToHex(0x0000ff)).toBe('#FF0000');
    expect(bgrToHex(0xceefc6)).toBe('#C6EFCE');
    expect(hexToBgr('#C6EFCE')).toBe(0xceefc6);
    expect(hexToBgr('#fff4ce')).toBe(0xcef4ff);
    expect(bgrOf('#FFD8A8')).toBe(hexToBgr('#FFD8A8'));
  });

  it('paints marks as BGR, clears to xlColorIndexNone, and reads a seeded fill back as #RRGGBB', async () => {
    const app = seeded();
    const host = createWpsHost(app);
    const ledger = app.ActiveWorkbook.Worksheets.Item('Ledger');
    expect(ledger.Range('D3').Interior.Color).toBe(0xceefc6);
    await host.mark([{ sheet: 'Ledger', address: 'C2', findingId: 'f', severity: 'warning', note: 'n' }]);
    expect(ledger.Range('C2').Interior.Color).toBe(hexToBgr(MARK_FILLS.warning));
    await host.clearMarks();
    expect(ledger.Range('C2').Interior.ColorIndex).toBe(XL_NONE);
    expect(ledger.Range('C2').Interior.Color).toBe(0xffffff); // no fill still reads white
    const [r] = await host.readRanges([{ sheet: 'Ledger', address: 'C2:D3' }], { styles: true });
    expect(r!.fills).toEqual([[null, null], [null, '#C6EFCE']]);
  });

  it('reads a single cell (Value2 is a scalar there) and whole columns clipped to the used range', async () => {
    const app = seeded();
    expect(app.ActiveWorkbook.Worksheets.Item('Ledger').Range('C5').Value2).toBe(42);
    const host = createWpsHost(app);
    const [one, column] = await host.readRanges([{ sheet: 'Ledger', address: 'C5' }, { sheet: 'Ledger', address: 'C1:C20000' }]);
    expect(one!.values).toEqual([[42]]);
    expect(column!.values).toHaveLength(20000);
    expect(column!.values.slice(0, 6)).toEqual([['Amount'], [-1000.5], [600], [{ error: '#N/A' }], [42], [null]]);
    expect(column!.numberFormats[19999]).toEqual(['General']);
    expect(column!.hiddenRows).toEqual([2]);
    expect(column!.merges).toEqual([]);
  });

  it('maps COM error codes to errors, but keeps a number that only happens to equal one', async () => {
    const app = seeded();
    const sheet = app.ActiveWorkbook.Worksheets.Item('Ledger');
    expect(sheet.Range('C4').Value2).toBe(-2146826246); // #N/A as Value2 reports it
    sheet.Range('F1').Value2 = '#DIV/0!'; // typed into a General cell: the error value
    sheet.Range('F2').Value2 = -2146826246; // a plain number
    const [r] = await createWpsHost(app).readRanges([{ sheet: 'Ledger', address: 'F1:F2' }]);
    expect(r!.values).toEqual([[{ error: '#DIV/0!' }], [-2146826246]]);
  });

  it('writes text that the spreadsheet would parse (formulas, numbers, dates, booleans, errors) as text', async () => {
    const app = seeded();
    const sheet = app.ActiveWorkbook.Worksheets.Item('P&L');
    sheet.Range('H1').Value2 = '=1+2';
    expect(sheet.Range('H1').Value2).toBe(-2146826259); // unprotected, it became a formula (#NAME? here)
    const host = createWpsHost(app);
    const text = [['=SUM(A1:A9)', '+86 10 1234', '-5', '@home', '6001', '2026-01-31', 'TRUE', '#N/A', '12%']];
    await host.writeBlocks([{ sheet: 'P&L', at: 'A10', values: text }]);
    const [r] = await host.readRanges([{ sheet: 'P&L', address: 'A10:I10' }]);
    expect(r!.values).toEqual(text);
    expect(r!.numberFormats[0]!.every((f) => f === '@')).toBe(true);
  });

  it('writes error values as errors, and numbers over cells a string left text-formatted', async () => {
    const host = createWpsHost(seeded());
    await host.writeBlocks([{ sheet: 'Out', at: 'A1', values: [['x', 'y']] }]);
    await host.writeBlocks([{ sheet: 'Out', at: 'A1', values: [[1.5, { error: '#N/A' }]] }]);
    const [r] = await host.readRanges([{ sheet: 'Out', address: 'A1:B1' }]);
    expect(r!.values).toEqual([[1.5, { error: '#N/A' }]]);
    expect(r!.numberFormats).toEqual([['General', 'General']]);
  });

  it('keeps state in a very hidden sheet it never lists, and leaves the user on their sheet', async () => {
    const app = seeded();
    const host = createWpsHost(app);
    app.userSelects({ sheet: 'P&L', address: 'B3' });
    await host.writeSettings({ ui: { lang: 'zh-CN' } });
    await host.writeBlocks([{ sheet: 'Results', at: 'A1', values: [[1]] }]);
    expect(app.ActiveSheet!.Name).toBe('P&L');
    expect(await host.getSelection()).toEqual({ sheet: 'P&L', address: 'B3' });
    const state = app.ActiveWorkbook.Worksheets.Item(STATE_SHEET);
    expect(state.Visible).toBe(XL_SHEET_VERY_HIDDEN);
    expect((await host.listSheets()).map((s) => s.name)).toEqual(['Ledger', 'P&L', 'Hidden', 'Results']);
    expect((await failure(host.readRanges([{ sheet: STATE_SHEET, address: 'A1' }]))).code).toBe('host.noSheet');
    expect((await failure(host.writeBlocks([{ sheet: STATE_SHEET, at: 'A1', values: [[1]] }]))).code).toBe('host.failed');
  });

  it('splits long state over several cells and clears what a shorter state no longer uses', async () => {
    const app = seeded();
    const host = createWpsHost(app);
    const long = '😀-'.repeat(40_000); // 120,000 UTF-16 units; surrogate pairs must not be cut at chunk edges
    await host.writeSettings({ note: long });
    const state = app.ActiveWorkbook.Worksheets.Item(STATE_SHEET);
    expect(state.UsedRange.Rows.Count).toBe(5);
    expect(String(state.Range('A1').Value2).length).toBeLessThanOrEqual(32_767);
    expect(await createWpsHost(app).readSettings()).toEqual({ note: long });
    await host.writeSettings({ note: 'short' });
    expect(state.Range('A2').Value2).toBeNull();
    expect(await host.readSettings()).toEqual({ note: 'short' });
  });

  it('reports unreadable state and COM failures as located host errors', async () => {
    const app = seeded();
    const host = createWpsHost(app);
    app.ActiveWorkbook.Worksheets.Add = () => {
      throw new FakeComError(E_FAIL_1004, 'Workbook is protected and cannot be changed.');
    };
    const protectedBook = await failure(host.writeBlocks([{ sheet: 'New', at: 'A1', values: [[1]] }]));
    expect(protectedBook.code).toBe('host.failed');
    expect(protectedBook.message).toContain('0x800A03EC');
    expect((await failure(host.writeBlocks([{ sheet: 'a/b', at: 'A1', values: [[1]] }]))).code).toBe('host.failed');
    expect((await failure(host.writeBlocks([{ sheet: 'Ledger', at: 'A1048576', values: [[1], [2]] }]))).code).toBe('host.badAddress');

    const other = seeded();
    const otherHost = createWpsHost(other);
    await otherHost.writeSettings({ a: 1 });
    const state = other.ActiveWorkbook.Worksheets.Item(STATE_SHEET);
    state.Range('A1').NumberFormat = '@';
    state.Range('A1').Value2 = '{not json';
    expect((await failure(otherHost.readSettings())).code).toBe('host.failed');
  });

  it('finds hidden rows and merges in large ranges without reading every row', async () => {
    const app = seeded();
    const sheet = app.ActiveWorkbook.Worksheets.Item('Ledger');
    sheet.Range('500:502').EntireRow.Hidden = true;
    sheet.Range('A40').RowHeight = 30; // rows of another height are not hidden
    sheet.Range('F10:H12').MergeCells = true;
    const [r] = await createWpsHost(app).readRanges([{ sheet: 'Ledger', address: 'G1:G5000' }]);
    expect(r!.hiddenRows).toEqual([2, 499, 500, 501]);
    expect(r!.merges).toEqual(['F10:H12']);
  });

  it('reads a mixed property with few calls where cells agree', () => {
    let calls = 0;
    const area = { row: 0, col: 0, lastRow: 9999, lastCol: 3 };
    const grid = scanUniform(area, (a) => {
      calls += 1;
      const header = a.row === 0;
      const body = a.row > 0;
      if (a.col !== a.lastCol) return undefined;
      if (header && a.lastRow === 0) return { value: '@' };
      if (body) return { value: a.col === 2 ? '#,##0.00' : 'General' };
      return undefined;
    }, 'General');
    expect(grid[0]).toEqual(['@', '@', '@', '@']);
    expect(grid[5000]).toEqual(['General', 'General', '#,##0.00', 'General']);
    expect(calls).toBeLessThan(150);
  });

  it('reports selections of whole columns, ignores its own work, and drops the WPS listener when the last handler leaves', async () => {
    const app = seeded();
    const host = createWpsHost(app);
    const seen: SheetRef[] = [];
    const stop = host.onSelectionChanged((ref) => seen.push(ref));
    const stop2 = host.onSelectionChanged(() => undefined);
    expect(app.listenerCount('SheetSelectionChange')).toBe(1);
    app.userSelects({ sheet: 'P&L', address: 'C:C' });
    await host.writeBlocks([{ sheet: 'Brand new', at: 'A1', values: [['x']] }]);
    await host.writeSettings({ a: 1 });
    app.userSelects({ sheet: 'Brand new', address: 'B2' });
    expect(seen).toEqual([{ sheet: 'P&L', address: 'C1:C1048576' }, { sheet: 'Brand new', address: 'B2' }]);
    stop();
    expect(app.listenerCount('SheetSelectionChange')).toBe(1);
    stop2();
    expect(app.listenerCount('SheetSelectionChange')).toBe(0);
    expect(app.EnableEvents).toBe(true);
    expect(app.ScreenUpdating).toBe(true);
  });

  it('works without notes where the build has no AddComment', async () => {
    const proto = FakeRange.prototype as { AddComment?: unknown };
    const saved = proto.AddComment;
    proto.AddComment = undefined;
    try {
      const app = seeded();
      const host = createWpsHost(app);
      expect(host.capabilities.notes).toBe(false);
      await host.mark([{ sheet: 'Ledger', address: 'C3', findingId: 'f', severity: 'critical', note: 'n' }]);
      const [r] = await host.readRanges([{ sheet: 'Ledger', address: 'C3:D3' }], { styles: true });
      expect(r!.fills).toEqual([[MARK_FILLS.critical, '#C6EFCE']]);
      expect(r!.notes).toEqual([[null, null]]);
    } finally {
      proto.AddComment = saved;
    }
  });

  it('finds the Application on the global wps object, and says so when there is none', () => {
    const app = seeded();
    const host = fromWps({ wps: { EtApplication: () => app } });
    expect(host.kind).toBe('wps');
    expect(host.capabilities.selectionEvents).toBe(true);
    expect(() => fromWps({})).toThrow(AppError);

    // WPS for Mac: Application.ApiEvent is undefined, the hub is wps.ApiEvent.
    const mac = { ActiveWorkbook: app.ActiveWorkbook, ActiveSheet: app.ActiveSheet, Selection: app.Selection };
    const macHost = fromWps({ wps: { EtApplication: () => mac, ApiEvent: app.ApiEvent } });
    expect(macHost.capabilities.selectionEvents).toBe(true);
    const stop = macHost.onSelectionChanged(() => undefined);
    expect(app.listenerCount('SheetSelectionChange')).toBe(1);
    stop();
  });

  it('reports no selection when a shape or chart is selected', async () => {
    const app = seeded();
    const host = createWpsHost({ ...app, ActiveWorkbook: app.ActiveWorkbook, ActiveSheet: app.ActiveSheet, Selection: { Name: 'Rectangle 1' } });
    expect(await host.getSelection()).toBeUndefined();
  });
});

describe('the fake WPS object model', () => {
  it('behaves as the documentation says: 1-based items, $A$1 for an empty sheet, array assignment rules, local format names', () => {
    const app = new FakeWpsApplication();
    const sheets = app.ActiveWorkbook.Worksheets;
    const sheet = sheets.Add();
    expect(sheets.Item(1).Name).toBe('Sheet1');
    expect(() => sheets.Item(0)).toThrow(FakeComError);
    expect(sheet.UsedRange.Address()).toBe('$A$1');
    const range = sheet.Range('A1:C2');
    range.Value2 = [1, 'x']; // 1-D: one row, repeated down; cells beyond it get #N/A
    expect(range.Value2).toEqual([[1, 'x', -2146826246], [1, 'x', -2146826246]]);
    expect(sheet.Range('A1').Value2).toBe(1);
    expect(sheet.Range('B1:B2').Address(false, false)).toBe('B1:B2');
    expect(sheet.Range('3:4').Address()).toBe('$3:$4');
    expect((sheet.Range('A1') as FakeRange).NumberFormatLocal).toBe('G/通用格式');
    sheet.Range('A1').Value2 = '2026-01-31'; // typed: a date serial, and a date format
    expect(sheet.Range('A1').Value2).toBe(46053);
    expect(range.NumberFormat).toBeNull(); // mixed
    expect(() => sheet.Range('A0')).toThrow(FakeComError);
    expect(() => sheet.Range('A1').Hidden).toThrow(FakeComError); // only whole rows or columns
    expect(() => (sheet.Range('A1') as FakeRange).AddComment('a')).not.toThrow();
    expect(() => (sheet.Range('A1') as FakeRange).AddComment('b')).toThrow(FakeComError);
  });
});
