import { OfficeMockObject } from 'office-addin-mock';
import type { SheetRef } from '../../core/a1';
import { CONTRACT_SEED } from '../testing/seed';
import { fromOffice } from './from-office';
import { createCountingExcel, excelHostOver, FakeSession, type CountingExcel } from './testing';

// office-addin-mock takes only the OfficeApp enum from office-addin-manifest, whose ESM-only
// dependencies (strip-bom) jest cannot require; the enum stands in for the whole module.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

/** Lets queued timers (Excel's late events) and the handlers' own round trips run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('Excel host: selection events', () => {
  let clock: number;
  let excel: CountingExcel;
  let seen: SheetRef[];
  const errors: unknown[] = [];
  const host = (api?: string) => {
    excel = createCountingExcel(FakeSession.fromSeed(CONTRACT_SEED, { echoWrites: true, ...(api ? { api } : {}) }));
    return excelHostOver(excel, { now: () => clock, echoWindowMs: 500, onError: (e) => errors.push(e) });
  };
  beforeEach(() => {
    clock = 1_000;
    seen = [];
    errors.length = 0;
  });
  afterEach(() => expect(errors).toEqual([]));

  it('ignores the events Excel raises after the add-in’s own writes, marks and clears', async () => {
    const h = host();
    await h.ready;
    h.onSelectionChanged((ref) => seen.push(ref));
    await h.writeBlocks([{ sheet: 'Ledger', at: 'F1', values: [[1]] }]);
    await h.mark([{ sheet: 'Ledger', address: 'C2', findingId: 'f', severity: 'notice', note: 'n' }]);
    await h.clearMarks();
    await settle(); // the echoes arrive now, inside the quiet window
    expect(seen).toEqual([]);
    clock += 501;
    excel.session.userSelects({ sheet: 'P&L', address: 'C3:D3' });
    await settle();
    expect(seen).toEqual([{ sheet: 'P&L', address: 'C3:D3' }]);
  });

  it('drops a selection made while its own write is in flight; reports the next one', async () => {
    const h = host();
    await h.ready;
    h.onSelectionChanged((ref) => seen.push(ref));
    const writing = h.writeBlocks([{ sheet: 'Results', at: 'A1', values: [['x']] }]);
    excel.session.userSelects({ sheet: 'Ledger', address: 'A2' });
    await writing;
    await settle();
    expect(seen).toEqual([]);
    clock += 1_000;
    excel.session.userSelects({ sheet: 'Ledger', address: 'A3' });
    await settle();
    expect(seen).toEqual([{ sheet: 'Ledger', address: 'A3' }]);
  });

  it('reports a click on the already selected cell (onSingleClicked, 1.10), once per click', async () => {
    const h = host();
    await h.ready;
    h.onSelectionChanged((ref) => seen.push(ref));
    excel.session.userClicks({ sheet: 'Ledger', address: 'C3' }); // moves the selection: two events, one report
    await settle();
    clock += 1_000;
    excel.session.userClicks({ sheet: 'Ledger', address: 'C3' }); // same cell again: only the click event
    await settle();
    expect(seen).toEqual([
      { sheet: 'Ledger', address: 'C3' },
      { sheet: 'Ledger', address: 'C3' },
    ]);
  });

  it('registers on each sheet before 1.9, and not at all before 1.7', async () => {
    const older = host('1.8');
    await older.ready;
    expect(older.capabilities).toMatchObject({ selectionEvents: true, clickEvents: false });
    older.onSelectionChanged((ref) => seen.push(ref));
    excel.session.userSelects({ sheet: 'Hidden', address: 'A1' });
    await settle();
    expect(seen).toEqual([{ sheet: 'Hidden', address: 'A1' }]);

    const oldest = host('1.6');
    await oldest.ready;
    expect(oldest.capabilities.selectionEvents).toBe(false);
    const stop = oldest.onSelectionChanged((ref) => seen.push(ref));
    expect(excel.session.handlerCount()).toBe(0);
    stop();
  });

  it('dispose removes every handler it registered', async () => {
    const h = host();
    await h.ready;
    expect(excel.session.handlerCount()).toBe(2); // selection (1.9) and single click (1.10)
    await h.dispose();
    expect(excel.session.handlerCount()).toBe(0);
  });
});

describe('fromOffice: the only reader of the Office and Excel globals', () => {
  const globals = globalThis as { Office?: unknown; Excel?: unknown };
  afterEach(() => {
    delete globals.Office;
    delete globals.Excel;
  });

  const install = (platform: string, excel: CountingExcel): void => {
    // Office's common API has no load/sync: office-addin-mock's Outlook mode models exactly that.
    globals.Office = new OfficeMockObject({
      host: 'outlook',
      context: {
        platform,
        requirements: { isSetSupported: (name: string, version: string) => excel.isSetSupported(name, version) },
        document: {
          settings: {
            get: (name: string) => excel.settings.get(name),
            set: (name: string, value: unknown) => excel.settings.set(name, value),
            remove: (name: string) => excel.settings.remove(name),
            saveAsync: (callback: Parameters<typeof excel.settings.saveAsync>[0]) => excel.settings.saveAsync(callback),
          },
        },
      },
      PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC' },
    });
    globals.Excel = { run: excel.run };
  };

  it('wires Excel.run, requirement sets and document settings; on the web notes become comments', async () => {
    const excel = createCountingExcel(CONTRACT_SEED);
    install('OfficeOnline', excel);
    const web = fromOffice();
    expect(web.features.noteKind).toBe('comment');
    expect(web.capabilities).toMatchObject({ notes: true, persistentSettings: true });
    await web.writeSettings({ ui: { lang: 'zh-CN' } });
    expect(excel.session.book.savedSettings['finpulse.settings']).toEqual({ ui: { lang: 'zh-CN' } });
    expect((await web.readRanges([{ sheet: 'P&L', address: 'C3' }]))[0]!.values).toEqual([[100]]);

    install('PC', excel);
    expect(fromOffice().features.noteKind).toBe('note');
  });
});
