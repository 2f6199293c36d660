import { AppError } from '../../core/errors';
import { CONTRACT_SEED } from '../testing/seed';
import { createMemoryHost } from './memory-host';
import { MemoryWorkbook, type WorkbookChange } from './workbook';

function watched(): { host: ReturnType<typeof createMemoryHost>; changes: WorkbookChange[]; book: MemoryWorkbook } {
  const book = MemoryWorkbook.fromSeed(CONTRACT_SEED);
  const changes: WorkbookChange[] = [];
  book.subscribe((c) => changes.push(c));
  return { host: createMemoryHost(book), changes, book };
}

describe('memory workbook: change notification', () => {
  it('tells subscribers once per write, naming the sheets written, and counts versions', async () => {
    const { host, changes, book } = watched();
    const before = book.version;
    await host.writeBlocks([
      { sheet: 'FinPulse', at: 'A1', values: [['metric', 'value'], ['revenue', 10]] },
      { sheet: 'Ledger', at: 'H1', values: [['x']] },
    ]);
    expect(changes).toEqual([{ kind: 'cells', sheets: ['FinPulse', 'Ledger'] }]);
    expect(book.version).toBe(before + 1);
  });

  it('tells subscribers when marks are painted and cleared, and not for an empty clear', async () => {
    const { host, changes } = watched();
    await host.clearMarks();
    expect(changes).toEqual([]);
    await host.mark([{ sheet: 'Ledger', address: 'C2:C3', findingId: 'f1', severity: 'critical', note: 'too low' }]);
    await host.clearMarks(['f1']);
    expect(changes).toEqual([
      { kind: 'cells', sheets: ['Ledger'] },
      { kind: 'cells', sheets: ['Ledger'] },
    ]);
  });

  it('a refused write changes nothing and tells nobody', async () => {
    const { host, changes, book } = watched();
    const before = book.version;
    await expect(host.writeBlocks([{ sheet: 'Ledger', at: 'not an address', values: [[1]] }])).rejects.toBeInstanceOf(AppError);
    expect(changes).toEqual([]);
    expect(book.version).toBe(before);
  });

  it('user selection reaches both the pane (onSelectionChanged) and the view; add-in selection only the view', async () => {
    const { host, changes } = watched();
    const heard: string[] = [];
    host.onSelectionChanged((ref) => heard.push(`${ref.sheet}!${ref.address}`));
    host.userSelects({ sheet: 'Ledger', address: 'c3' });
    await host.select({ sheet: 'P&L', address: 'B2:C4' });
    expect(heard).toEqual(['Ledger!C3']);
    expect(changes).toEqual([
      { kind: 'selection', ref: { sheet: 'Ledger', address: 'C3' } },
      { kind: 'selection', ref: { sheet: 'P&L', address: 'B2:C4' } },
    ]);
    await expect(host.getSelection()).resolves.toEqual({ sheet: 'P&L', address: 'B2:C4' });
    await expect(host.select({ sheet: 'Nope', address: 'A1' })).rejects.toMatchObject({ code: 'host.noSheet' });
  });

  it('settings writes are changes; an unsubscribed listener hears nothing more', async () => {
    const { host, book } = watched();
    const heard: WorkbookChange[] = [];
    const stop = book.subscribe((c) => heard.push(c));
    await host.writeSettings({ bindings: [] });
    stop();
    await host.writeSettings({ bindings: ['b'] });
    expect(heard).toEqual([{ kind: 'settings' }]);
  });
});
