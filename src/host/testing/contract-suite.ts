import { AppError } from '../../core/errors';
import { MARK_FILLS, type SheetRef, type WorkbookHost } from '../contract';
import { CONTRACT_SEED, type WorkbookSeed } from './seed';

export interface HostFixture {
  host: WorkbookHost;
  /** Plays the user selecting a range; absent where the host reports no selection. */
  userSelects?(ref: SheetRef): void;
  /** Saves, closes and opens the workbook again; absent where that means nothing. */
  reopen?(): Promise<WorkbookHost>;
}

export type MakeFixture = (seed: WorkbookSeed) => Promise<HostFixture>;

/** The AppError code a call fails with; a call that succeeds fails the test. */
export const errorCode = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('expected the call to fail');
};

/** Lets timers queued by a host (Office's late events) run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

/** The behaviour every WorkbookHost adapter must show; each adapter's test calls this with its fixture. */
export function describeHostContract(name: string, make: MakeFixture): void {
  describe(`WorkbookHost contract: ${name}`, () => {
    let fx: HostFixture;
    let host: WorkbookHost;
    beforeEach(async () => {
      fx = await make(CONTRACT_SEED);
      host = fx.host;
    });

    it('lists sheets with visibility, workbook names and tables with headers', async () => {
      const sheets = await host.listSheets();
      expect(sheets.map((s) => [s.name, s.visible])).toEqual([['Ledger', true], ['P&L', true], ['Hidden', false]]);
      expect(sheets[0]!.used).toBe('A1:D5');
      expect(await host.listNames()).toEqual([{ name: 'Revenue', ref: { sheet: 'P&L', address: 'C3:D3' } }]);
      expect(await host.listTables()).toEqual([{ name: 'LedgerTable', ref: { sheet: 'Ledger', address: 'A1:D5' }, headers: ['Date', 'Account', 'Amount', 'Dept'] }]);
    });

    it('reads many ranges in one call: values, blanks, errors, formats, hidden rows, merges', async () => {
      const [ledger, pl] = await host.readRanges([{ sheet: 'Ledger', address: 'A1:D5' }, { sheet: 'P&L', address: 'B2:D4' }]);
      expect(ledger!.ref).toEqual({ sheet: 'Ledger', address: 'A1:D5' });
      expect(ledger!.values).toEqual([
        ['Date', 'Account', 'Amount', 'Dept'],
        [46023, '6001', -1000.5, 'East'],
        [46024, '6401', 600, 'East'],
        [46054, '6001', { error: '#N/A' }, 'West'],
        [46055, null, 42, null],
      ]);
      expect(ledger!.numberFormats[1]![2]).toBe('#,##0.00');
      expect(ledger!.numberFormats[2]![2]).toBe('General');
      expect(ledger!.hiddenRows).toEqual([2]);
      expect(ledger!.merges).toEqual(['D4:D5']);
      expect(pl!.values).toEqual([['Line', 'Jan', 'Feb'], ['Revenue', 100, 120], ['=not a formula', true, null]]);
    });

    it('reads fills and notes when asked', async () => {
      const [r] = await host.readRanges([{ sheet: 'Ledger', address: 'C3:D3' }], { styles: true });
      expect(r!.fills).toEqual([[null, '#C6EFCE']]);
      if (host.capabilities.notes) expect(r!.notes).toEqual([[null, 'checked by Li']]);
    });

    it('names the bad sheet or address', async () => {
      expect(await errorCode(host.readRanges([{ sheet: 'Ledger', address: 'A1' }, { sheet: 'Nope', address: 'A1' }]))).toBe('host.noSheet');
      expect(await errorCode(host.readRanges([{ sheet: 'Ledger', address: 'A0:ZZ' }]))).toBe('host.badAddress');
    });

    it('writes 2-D blocks as data, never formulas, creating the sheet', async () => {
      await host.writeBlocks([
        {
          sheet: 'Results',
          at: 'B2',
          values: [['metric', 'value'], ['=SUM(A1:A9)', 1.5], ['+86 10 1234', '-5'], ['@home', null]],
          numberFormats: [['@', '@'], ['@', '0.00'], ['@', '@'], ['@', 'General']],
        },
      ]);
      expect((await host.listSheets()).map((s) => s.name)).toContain('Results');
      const [r] = await host.readRanges([{ sheet: 'Results', address: 'B2:C5' }]);
      expect(r!.values).toEqual([['metric', 'value'], ['=SUM(A1:A9)', 1.5], ['+86 10 1234', '-5'], ['@home', null]]);
      expect(r!.numberFormats[1]![1]).toBe('0.00');
      expect(await errorCode(host.writeBlocks([{ sheet: 'Results', at: 'A1', values: [[1, 2], [3]] }]))).toBe('host.raggedBlock');
    });

    it('marks cells and restores their own fill and note when cleared', async () => {
      await host.mark([
        { sheet: 'Ledger', address: 'C2', findingId: 'f1', severity: 'warning', note: 'Sales 41% above expected' },
        { sheet: 'Ledger', address: 'C3:D3', findingId: 'f2', severity: 'critical', note: '超出预算' },
      ]);
      let [r] = await host.readRanges([{ sheet: 'Ledger', address: 'C2:D3' }], { styles: true });
      expect(r!.fills).toEqual([[MARK_FILLS.warning, null], [MARK_FILLS.critical, MARK_FILLS.critical]]);
      if (host.capabilities.notes) expect(r!.notes![1]).toEqual(['超出预算', '超出预算']);
      expect((await host.marksAt({ sheet: 'Ledger', address: 'D3' })).map((m) => m.findingId)).toEqual(['f2']);
      expect((await host.listMarks()).map((m) => m.findingId)).toEqual(['f1', 'f2']);

      await host.mark([{ sheet: 'Ledger', address: 'D3', findingId: 'f3', severity: 'notice', note: 'second look' }]);
      await host.clearMarks(['f2']);
      [r] = await host.readRanges([{ sheet: 'Ledger', address: 'C3:D3' }], { styles: true });
      expect(r!.fills).toEqual([[null, MARK_FILLS.notice]]);

      await host.clearMarks();
      [r] = await host.readRanges([{ sheet: 'Ledger', address: 'C2:D3' }], { styles: true });
      expect(r!.fills).toEqual([[null, null], [null, '#C6EFCE']]);
      if (host.capabilities.notes) expect(r!.notes).toEqual([[null, null], [null, 'checked by Li']]);
      expect(await host.listMarks()).toEqual([]);
      expect(await errorCode(host.mark([{ sheet: 'Ledger', address: 'nope', findingId: 'x', severity: 'notice', note: '' }]))).toBe('host.badAddress');
    });

    it('re-marking a finding replaces its old mark', async () => {
      await host.mark([{ sheet: 'Ledger', address: 'C2', findingId: 'f1', severity: 'notice', note: 'a' }]);
      await host.mark([{ sheet: 'Ledger', address: 'C3', findingId: 'f1', severity: 'critical', note: 'b' }]);
      const [r] = await host.readRanges([{ sheet: 'Ledger', address: 'C2:C3' }], { styles: true });
      expect(r!.fills).toEqual([[null], [MARK_FILLS.critical]]);
      expect(await host.listMarks()).toEqual([{ sheet: 'Ledger', address: 'C3', findingId: 'f1', severity: 'critical', note: 'b' }]);
    });

    it('keeps settings as JSON and refuses credentials', async () => {
      await host.writeSettings({ bindings: [{ id: 'b1', target: 'Ledger!A1:D5' }], ui: { lang: 'zh-CN' } });
      await host.writeSettings({ ui: { lang: 'en-US' } });
      expect(await host.readSettings()).toEqual({ bindings: [{ id: 'b1', target: 'Ledger!A1:D5' }], ui: { lang: 'en-US' } });
      expect(await errorCode(host.writeSettings({ erp: { apiToken: 'abc' } }))).toBe('host.credentials');
      expect(await host.readSettings()).not.toHaveProperty('erp');
    });

    it('keeps settings, marks and written values across reopening', async () => {
      if (!fx.reopen) return;
      await host.writeSettings({ bindings: ['b1'] });
      await host.mark([{ sheet: 'Ledger', address: 'C2', findingId: 'f1', severity: 'warning', note: 'n' }]);
      await host.writeBlocks([{ sheet: 'Results', at: 'A1', values: [['=x', 2]] }]);
      const again = await fx.reopen();
      expect(await again.readSettings()).toEqual({ bindings: ['b1'] });
      expect((await again.listMarks()).map((m) => m.findingId)).toEqual(['f1']);
      const [r] = await again.readRanges([{ sheet: 'Results', address: 'A1:B1' }]);
      expect(r!.values).toEqual([['=x', 2]]);
      await again.clearMarks();
      const [c] = await again.readRanges([{ sheet: 'Ledger', address: 'C2' }], { styles: true });
      expect(c!.fills).toEqual([[null]]);
    });

    it('selects a range for the add-in on any sheet, without telling the selection listeners', async () => {
      const seen: SheetRef[] = [];
      const stop = host.onSelectionChanged((ref) => seen.push(ref));
      await host.select({ sheet: 'P&L', address: 'C3:D3' });
      expect(await host.getSelection()).toEqual({ sheet: 'P&L', address: 'C3:D3' });
      await host.select({ sheet: 'Ledger', address: 'C4' });
      expect(await host.getSelection()).toEqual({ sheet: 'Ledger', address: 'C4' });
      await host.select({ sheet: 'P&L', address: 'B2' }); // back to a sheet shown before
      expect(await host.getSelection()).toEqual({ sheet: 'P&L', address: 'B2' });
      await settle(); // Office delivers selection events after the request that caused them
      expect(seen).toEqual([]);
      stop();
    });

    it('refuses to select an unknown sheet, a bad address or a hidden sheet, naming it, and keeps the selection', async () => {
      await host.select({ sheet: 'Ledger', address: 'B2' });
      const failure = async (ref: SheetRef): Promise<AppError> => {
        const err: unknown = await host.select(ref).then(() => undefined, (e: unknown) => e);
        if (!(err instanceof AppError)) throw new Error(`select(${ref.sheet}!${ref.address}) should fail with an AppError, got ${String(err)}`);
        return err;
      };
      const missing = await failure({ sheet: 'Nope', address: 'A1' });
      expect(missing.code).toBe('host.noSheet');
      expect(missing.message).toContain('Nope');
      const bad = await failure({ sheet: 'Ledger', address: 'A0:ZZ' });
      expect(bad.code).toBe('host.badAddress');
      expect(bad.message).toContain('A0:ZZ');
      const hidden = await failure({ sheet: 'Hidden', address: 'A1' });
      expect(hidden.message).toContain('Hidden');
      expect(await host.getSelection()).toEqual({ sheet: 'Ledger', address: 'B2' });
    });

    it('reports user selections, not its own writes, until unsubscribed', async () => {
      if (!host.capabilities.selectionEvents || !fx.userSelects) return;
      const seen: SheetRef[] = [];
      const stop = host.onSelectionChanged((ref) => seen.push(ref));
      fx.userSelects({ sheet: 'Ledger', address: 'C3' });
      await host.writeBlocks([{ sheet: 'Ledger', at: 'F1', values: [[1]] }]);
      await host.mark([{ sheet: 'Ledger', address: 'C4', findingId: 'f', severity: 'notice', note: 'n' }]);
      expect(seen).toEqual([{ sheet: 'Ledger', address: 'C3' }]);
      expect(await host.getSelection()).toEqual({ sheet: 'Ledger', address: 'C3' });
      stop();
      fx.userSelects({ sheet: 'Ledger', address: 'A1' });
      expect(seen).toHaveLength(1);
    });
  });
}
