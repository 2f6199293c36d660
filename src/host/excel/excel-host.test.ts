import { AppError } from '../../core/errors';
import { MARK_FILLS } from '../contract';
import { describeHostContract, errorCode } from '../testing/contract-suite';
import { CONTRACT_SEED, type WorkbookSeed } from '../testing/seed';
import type { ExcelHostDeps } from './excel-host';
import { detectFeatures } from './features';
import { decodeParts, encodeParts, MARKS_NAMESPACE } from './registry-store';
import { cellGet, createCountingExcel, excelHostOver, FakeOfficeError, FakeSession, keyOf, type CountingExcel } from './testing';

// office-addin-mock takes only the OfficeApp enum from office-addin-manifest, whose ESM-only
// dependencies (strip-bom) jest cannot require; the enum stands in for the whole module.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

const strict: Partial<ExcelHostDeps> = {
  onError: (err) => {
    throw err;
  },
};

const code = errorCode;

/** Threaded comments instead of notes: what a workbook looks like to a host without ExcelApi 1.18. */
function notesAsComments(session: FakeSession): FakeSession {
  for (const sheet of session.book.sheets) {
    for (const [key, content] of sheet.notes) sheet.comments.set(key, { id: session.book.newId('comment'), content });
    sheet.notes.clear();
  }
  return session;
}

describeHostContract('excel (mock, ExcelApi 1.18)', async (seed) => {
  const excel = createCountingExcel(seed);
  const host = excelHostOver(excel, strict);
  await host.ready;
  return { host, userSelects: (ref) => excel.session.userSelects(ref), reopen: () => Promise.resolve(excelHostOver(excel.reopen(), strict)) };
});

describeHostContract('excel (mock, ExcelApi 1.13: comments, no notes)', async (seed) => {
  const excel = createCountingExcel(notesAsComments(FakeSession.fromSeed(seed, { api: '1.13' })));
  const host = excelHostOver(excel, strict);
  await host.ready;
  return { host, userSelects: (ref) => excel.session.userSelects(ref), reopen: () => Promise.resolve(excelHostOver(excel.reopen(), strict)) };
});

describe('Excel host: values are data, never formulas', () => {
  const tricky = ['=SUM(A1:A9)', '+86 10 1234', '-5', '@home', '6001', 'TRUE', '1/2', "'quoted", '#N/A', '12%', '1e5'];

  it('round-trips text Excel would parse, with numbers, booleans, errors and blanks', async () => {
    const host = excelHostOver(createCountingExcel(CONTRACT_SEED), strict);
    await host.writeBlocks([{ sheet: 'Out', at: 'A1', values: [tricky, [1.5, true, { error: '#DIV/0!' }, null, -0.25, 0, false, 'x', 'y', 'z', 'w']] }]);
    const [r] = await host.readRanges([{ sheet: 'Out', address: 'A1:K2' }]);
    expect(r!.values[0]).toEqual(tricky);
    expect(r!.values[1]).toEqual([1.5, true, { error: '#DIV/0!' }, null, -0.25, 0, false, 'x', 'y', 'z', 'w']);
    expect(r!.numberFormats[0]).toEqual(tricky.map(() => '@'));
    expect(r!.numberFormats[1]![0]).toBe('General');
  });

  it('null clears a cell that had a value; number formats are kept unless given', async () => {
    const excel = createCountingExcel(CONTRACT_SEED);
    const host = excelHostOver(excel, strict);
    await host.writeBlocks([{ sheet: 'Ledger', at: 'C2', values: [[null], [7]] }]);
    const [r] = await host.readRanges([{ sheet: 'Ledger', address: 'C2:C3' }]);
    expect(r!.values).toEqual([[null], [7]]);
    expect(r!.numberFormats[0]).toEqual(['#,##0.00']);
  });

  it('the fake parses typed-in text as Excel does, so the Text format is what keeps it', async () => {
    const excel = createCountingExcel(CONTRACT_SEED);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Ledger').getRange('F1:I1').values = [['=SUM(A1:A9)', '-5', 'TRUE', "'=x"]];
      await ctx.sync();
    });
    const host = excelHostOver(excel, strict);
    const [r] = await host.readRanges([{ sheet: 'Ledger', address: 'F1:I1' }]);
    expect(r!.values).toEqual([[{ error: '#NAME?' }, -5, true, '=x']]);
  });
});

describe('Excel host: capabilities from requirement sets', () => {
  const features = (api: string, notesLoadable = true) => detectFeatures(FakeSession.fromSeed(CONTRACT_SEED, { api }).isSetSupported, notesLoadable);

  it('notes with 1.18, comments with 1.10 or on the web, none before; events by 1.7/1.9/1.10', () => {
    expect(features('1.18')).toMatchObject({ noteKind: 'note', selection: 'workbook', clicks: true, cellProperties: true, mergedAreas: true, xmlParts: true });
    expect(features('1.18', false).noteKind).toBe('comment');
    expect(features('1.10')).toMatchObject({ noteKind: 'comment', mergedAreas: false });
    expect(features('1.8')).toMatchObject({ noteKind: 'none', selection: 'sheets', clicks: false, cellProperties: false });
    expect(features('1.6')).toMatchObject({ selection: 'none', xmlParts: true });
    expect(detectFeatures(() => {
      throw new Error('no requirements API');
    })).toMatchObject({ noteKind: 'none', selection: 'none', xmlParts: false });
  });

  it('without notes or comments (1.9) marks still fill, and clearing restores', async () => {
    const excel = createCountingExcel(FakeSession.fromSeed(CONTRACT_SEED, { api: '1.9' }));
    const host = excelHostOver(excel, strict);
    expect(host.capabilities).toMatchObject({ notes: false, selectionEvents: true, clickEvents: false });
    await host.mark([{ sheet: 'Ledger', address: 'C3:D3', findingId: 'f', severity: 'critical', note: 'explained by the pane' }]);
    const [r] = await host.readRanges([{ sheet: 'Ledger', address: 'C3:D3' }], { styles: true });
    expect(r!.fills).toEqual([[MARK_FILLS.critical, MARK_FILLS.critical]]);
    expect(excel.session.book.sheet('Ledger')!.notes.get(keyOf(2, 3))).toBe('checked by Li'); // the user's note is untouched
    await host.clearMarks();
    const [c] = await host.readRanges([{ sheet: 'Ledger', address: 'C3:D3' }], { styles: true });
    expect(c!.fills).toEqual([[null, '#C6EFCE']]);
  });

  it('before 1.9: fills cell by cell, hidden rows band by band (one more sync), no merges before 1.13', async () => {
    const excel = createCountingExcel(FakeSession.fromSeed(CONTRACT_SEED, { api: '1.8' }));
    const host = excelHostOver(excel, strict);
    await host.ready;
    excel.reset();
    const [r] = await host.readRanges([{ sheet: 'Ledger', address: 'A1:D5' }], { styles: true });
    expect(r!.hiddenRows).toEqual([2]);
    expect(r!.fills![2]).toEqual([null, null, null, '#C6EFCE']);
    expect(r!.merges).toEqual([]);
    expect(excel.syncs).toBe(2);
  });

  it('before 1.5 the mark registry lives in the document settings and survives reopening', async () => {
    const excel = createCountingExcel(FakeSession.fromSeed(CONTRACT_SEED, { api: '1.4' }));
    await excelHostOver(excel, strict).mark([{ sheet: 'Ledger', address: 'C2', findingId: 'f1', severity: 'warning', note: 'n' }]);
    expect(excel.session.book.parts.size).toBe(0);
    const again = excelHostOver(excel.reopen(), strict);
    expect((await again.listMarks()).map((m) => m.findingId)).toEqual(['f1']);
    await again.clearMarks();
    expect(cellGet(excel.session.book.sheet('Ledger')!, 1, 2).fill).toBeUndefined();
  });
});

describe('Excel host: workbook-bound state', () => {
  it('keeps the registry in a custom XML part whose id is in the settings; reopening loads it in one sync', async () => {
    const excel = createCountingExcel(CONTRACT_SEED);
    await excelHostOver(excel, strict).mark([{ sheet: 'Ledger', address: 'C2', findingId: 'f1', severity: 'warning', note: '超出预算 <&>' }]);
    const [part] = [...excel.session.book.parts.values()];
    expect(part!.namespaceUri).toBe(MARKS_NAMESPACE);
    expect(excel.session.book.savedSettings['finpulse.marksParts']).toEqual([part!.id]);
    const again = excel.reopen();
    const host = excelHostOver(again, { ...strict, isSetSupported: (n, v) => v !== '1.7' && v !== '1.9' && again.isSetSupported(n, v) });
    again.reset();
    expect(await host.marksAt({ sheet: 'Ledger', address: 'A1:D5' })).toEqual([{ sheet: 'Ledger', address: 'C2', findingId: 'f1', severity: 'warning', note: '超出预算 <&>' }]);
    expect(again.syncs).toBe(1);
  });

  it('finds the registry by its namespace when the settings lost the part id', async () => {
    const excel = createCountingExcel(CONTRACT_SEED);
    await excelHostOver(excel, strict).mark([{ sheet: 'Ledger', address: 'C2', findingId: 'f1', severity: 'warning', note: 'n' }]);
    excel.session.book.savedSettings = {};
    const host = excelHostOver(excel.reopen(), strict);
    expect((await host.listMarks()).map((m) => m.findingId)).toEqual(['f1']);
    await host.clearMarks();
    expect(await host.listMarks()).toEqual([]);
    expect(excel.session.book.parts.size).toBe(1);
  });

  it('splits a registry too big for one request across parts, and reads it back', () => {
    const marks = Array.from({ length: 6000 }, (_, i) => ({ sheet: 'S', address: `A${i + 1}`, findingId: `f${i}`, severity: 'notice' as const, note: `注意 ${'x'.repeat(100)} ${i}` }));
    const xmls = encodeParts({ marks, originals: { 'S!A1': { fill: '#FFFFFF', note: 'a < b & c' } } });
    expect(xmls.length).toBeGreaterThan(1);
    expect(decodeParts([...xmls].reverse())).toEqual({ marks, originals: { 'S!A1': { fill: '#FFFFFF', note: 'a < b & c' } } });
    expect(decodeParts(['<marks part="0">not json</marks>'])).toEqual({ marks: [], originals: {} });
  });

  it('keeps the last good settings when the document refuses to save them', async () => {
    const host = excelHostOver(createCountingExcel(CONTRACT_SEED), strict);
    await host.writeSettings({ ui: { lang: 'zh-CN' } });
    expect(await code(host.writeSettings({ huge: 'x'.repeat(2_100_000) }))).toBe('host.failed');
    expect(await host.readSettings()).toEqual({ ui: { lang: 'zh-CN' } });
  });

  it('without document settings, settings last for the session only', () => {
    const excel = createCountingExcel(CONTRACT_SEED);
    expect(excelHostOver(excel, { settings: undefined }).capabilities.persistentSettings).toBe(false);
  });
});

describe('Excel host: Office errors become located AppErrors', () => {
  let excel: CountingExcel;
  beforeEach(() => {
    excel = createCountingExcel(CONTRACT_SEED);
  });

  it('ItemNotFound names every missing sheet', async () => {
    const host = excelHostOver(excel, strict);
    const err = await host.mark([{ sheet: 'Gone', address: 'A1', findingId: 'f', severity: 'notice', note: '' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('host.noSheet');
    expect((err as AppError).meta).toMatchObject({ sheet: 'Gone', sheets: 'Ledger, P&L, Hidden' });
    const read = await host.readRanges([{ sheet: 'Nope', address: 'A1' }, { sheet: 'Also', address: 'B2' }]).catch((e: unknown) => e);
    expect((read as AppError).meta['sheet']).toBe('Nope, Also');
  });

  it('InvalidArgument names the addresses; anything else is host.failed with the Office code and where', async () => {
    const failing = (codeName: string) =>
      excelHostOver(excel, { onError: () => undefined, run: () => Promise.reject(new FakeOfficeError(codeName, 'refused', 'Range.values')) });
    const bad = await failing('InvalidArgument').readRanges([{ sheet: 'Ledger', address: 'A1' }]).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'host.badAddress', meta: { address: 'Ledger!A1' } });
    const other = await failing('GeneralException').writeBlocks([{ sheet: 'P&L', at: 'B2', values: [[1]] }]).catch((e: unknown) => e);
    expect(other).toMatchObject({ code: 'host.failed', meta: { code: 'GeneralException', sheet: 'P&L' } });
    expect((other as AppError).message).toContain("GeneralException: refused at Range.values ('P&L'!B2)");
  });

  it('recovers when a note FinPulse left was deleted by hand', async () => {
    const host = excelHostOver(excel, strict);
    await host.mark([{ sheet: 'Ledger', address: 'C2', findingId: 'f1', severity: 'notice', note: 'first' }]);
    excel.session.book.sheet('Ledger')!.notes.clear(); // the user deletes every note
    await host.mark([{ sheet: 'Ledger', address: 'C2', findingId: 'f2', severity: 'critical', note: 'second' }]);
    expect(excel.session.book.sheet('Ledger')!.notes.get(keyOf(1, 2))).toBe('second');
  });

  it('clears marks on a sheet deleted since it was marked', async () => {
    const host = excelHostOver(excel, strict);
    await host.mark([
      { sheet: 'P&L', address: 'C3:D3', findingId: 'gone', severity: 'warning', note: 'n' },
      { sheet: 'Ledger', address: 'C3:D3', findingId: 'kept', severity: 'critical', note: 'm' },
    ]);
    excel.session.book.sheets = excel.session.book.sheets.filter((s) => s.name !== 'P&L'); // the user deletes the sheet
    await host.clearMarks();
    expect(await host.listMarks()).toEqual([]);
    const [r] = await host.readRanges([{ sheet: 'Ledger', address: 'C3:D3' }], { styles: true });
    expect(r!.fills).toEqual([[null, '#C6EFCE']]);
    expect(r!.notes).toEqual([[null, 'checked by Li']]);
  });

  it('a read refused for its response size is retried in smaller bands', async () => {
    const small = createCountingExcel(FakeSession.fromSeed(CONTRACT_SEED, { limits: { responseBytes: 400_000, requestBytes: 400_000 } }));
    const host = excelHostOver(small, { ...strict, limits: { maxPayloadBytes: 300_000 } });
    const values = Array.from({ length: 2000 }, (_, r) => Array.from({ length: 5 }, (_, c) => `${r}:${c} ${'long text '.repeat(10)}`));
    await host.writeBlocks([{ sheet: 'Long', at: 'A1', values }]);
    small.reset();
    const [r] = await host.readRanges([{ sheet: 'Long', address: 'A1:E2000' }]);
    expect(r!.values).toEqual(values);
    expect(small.requests.some((q) => q.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(small.requests.filter((q) => !q.error).every((q) => q.responseBytes <= 400_000)).toBe(true);
  });
});

describe('Excel host: showing a range', () => {
  it('activates the sheet and selects the range in one sync; Excel keeps each sheet\'s own selection', async () => {
    const excel = createCountingExcel(CONTRACT_SEED);
    const host = excelHostOver(excel, strict);
    await host.ready;
    excel.session.userSelects({ sheet: 'Ledger', address: 'B4' });
    excel.reset();
    await host.select({ sheet: 'P&L', address: 'C3:D3' });
    expect(excel.syncs).toBe(1);
    const { book } = excel.session;
    expect(book.selection).toEqual({ sheetId: book.sheet('P&L')!.id, area: { row: 2, col: 2, lastRow: 2, lastCol: 3 } });
    expect(book.sheet('Ledger')!.selected).toEqual({ row: 3, col: 1, lastRow: 3, lastCol: 1 });
  });

  it('a hidden sheet costs one more request to name the reason', async () => {
    const excel = createCountingExcel(CONTRACT_SEED);
    const host = excelHostOver(excel, strict);
    await host.ready;
    excel.reset();
    const err = await host.select({ sheet: 'Hidden', address: 'A1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).messageIn('en-US')).toContain('the sheet "Hidden" is hidden, so Hidden!A1 cannot be shown; unhide it');
    expect(excel.syncs).toBe(2);
  });
});

describe('Excel host: sheet names are case-insensitive, as in Excel', () => {
  it('writes two blocks to one new sheet spelled two ways', async () => {
    const seed: WorkbookSeed = { sheets: [{ name: 'Data', cells: {} }] };
    const excel = createCountingExcel(seed);
    const host = excelHostOver(excel, strict);
    await host.writeBlocks([{ sheet: 'Results', at: 'A1', values: [[1]] }, { sheet: 'results', at: 'B1', values: [[2]] }]);
    expect(excel.session.book.sheets.map((s) => s.name)).toEqual(['Data', 'Results']);
    const [r] = await host.readRanges([{ sheet: 'Results', address: 'A1:B1' }]);
    expect(r!.values).toEqual([[1, 2]]);
  });
});

describe('the fake Office.js is as strict as the real one', () => {
  it('refuses to read what was not loaded and synced, and loses commands never synced', async () => {
    const excel = createCountingExcel(CONTRACT_SEED);
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Ledger').getRange('A1:B2');
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      expect(() => missing.isNullObject).toThrow();
      range.load('values');
      await ctx.sync();
      expect(range.values[0]).toEqual(['Date', 'Account']);
      expect(missing.isNullObject).toBe(true);
      expect(() => range.numberFormat).toThrow(/not available/);
      range.values = [[1, 2], [3, 4]]; // never synced
    });
    expect(excel.session.unsynced).toBe(1);
    expect(cellGet(excel.session.book.sheet('Ledger')!, 0, 0).content).toBe('Date');
  });

  it('fails the whole request on a missing sheet, an API the host lacks, or a payload over 5 MB', async () => {
    const excel = createCountingExcel(FakeSession.fromSeed(CONTRACT_SEED, { api: '1.8' }));
    const attempt = (work: (ctx: Parameters<Parameters<typeof excel.run>[0]>[0]) => void): Promise<string | undefined> =>
      excel
        .run(async (ctx) => {
          work(ctx);
          await ctx.sync();
        })
        .then(() => undefined, (err: { code?: string }) => err.code);
    expect(await attempt((ctx) => ctx.workbook.worksheets.getItem('Nope').getRange('A1').load('values'))).toBe('ItemNotFound');
    expect(await attempt((ctx) => ctx.workbook.worksheets.getItem('Ledger').getRange('A1').getCellProperties({ format: { fill: { color: true, pattern: true } } }))).toBe('ApiNotFound');
    expect(await attempt((ctx) => (ctx.workbook.worksheets.getItem('Ledger').getRange('A1:A2').values = [['x'.repeat(3_000_000)], ['y'.repeat(3_000_000)]]))).toBe('RequestPayloadSizeLimitExceeded');
    expect(cellGet(excel.session.book.sheet('Ledger')!, 0, 0).content).toBe('Date');
  });
});
