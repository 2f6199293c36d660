import { linkSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cellAddress, parseA1 } from '../../core/a1';
import { AppError } from '../../core/errors';
import { MARK_FILLS } from '../contract';
import { describeHostContract, errorCode } from '../testing/contract-suite';
import { CONTRACT_SEED, isSeedCell, type WorkbookSeed } from '../testing/seed';
import { isDateFormat, openXlsxHost, STATE_SHEET, type XlsxHost } from './index';
import { zipEntries, zipText } from './zip';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'finpulse-xlsx-'));

/** Builds the seed as a real .xlsx with ExcelJS: values, formats, fills, notes, merges, hidden rows, names, a table. */
async function writeSeed(seed: WorkbookSeed, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of seed.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.visible === false ? 'hidden' : 'visible' });
    for (const t of (seed.tables ?? []).filter((x) => x.sheet === s.name)) {
      const area = parseA1(t.address)!;
      const headers = Array.from({ length: area.lastCol - area.col + 1 }, (_, i) => String(s.cells[cellAddress(area.row, area.col + i)] as string));
      // The table first: addTable writes its rows, then the seed's own cells go over them.
      ws.addTable({
        name: t.name,
        ref: cellAddress(area.row, area.col),
        headerRow: true,
        columns: headers.map((name) => ({ name, filterButton: true })),
        rows: Array.from({ length: area.lastRow - area.row }, () => headers.map(() => null)),
      });
    }
    for (const [address, raw] of Object.entries(s.cells)) {
      const c = isSeedCell(raw) ? raw : { value: raw };
      const cell = ws.getCell(address);
      cell.value = c.value !== null && typeof c.value === 'object' ? { error: c.value.error as ExcelJS.CellErrorValue['error'] } : c.value;
      if (c.format) cell.numFmt = c.format;
      if (c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill.slice(1)}` } };
      if (c.note) cell.note = c.note;
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
  }
  for (const n of seed.names ?? []) wb.definedNames.add(n.ref, n.name);
  await wb.xlsx.writeFile(file);
}

describeHostContract('xlsx', async (seed) => {
  const dir = tempDir();
  const file = join(dir, 'book.xlsx');
  await writeSeed(seed, file);
  const host = await openXlsxHost(file, { saveTo: join(dir, 'copy.xlsx') });
  return {
    host,
    reopen: async () => openXlsxHost(await host.save(), { saveTo: join(dir, 'copy2.xlsx') }),
  };
});

const code = errorCode;

/** A part of a saved .xlsx, as text. */
const part = (file: string, name: string): string => {
  const buf = readFileSync(file);
  const entry = zipEntries(buf)?.get(name);
  return (entry && zipText(buf, entry)) ?? '';
};

async function seeded(): Promise<{ dir: string; file: string; host: XlsxHost }> {
  const dir = tempDir();
  const file = join(dir, 'book.xlsx');
  await writeSeed(CONTRACT_SEED, file);
  return { dir, file, host: await openXlsxHost(file) };
}

describe('xlsx host: the original file', () => {
  it('is never written: save goes to <name>.finpulse.xlsx and the original bytes are unchanged', async () => {
    const { dir, file, host } = await seeded();
    const before = readFileSync(file);
    await host.writeBlocks([{ sheet: 'Results', at: 'A1', values: [['revenue', 1]] }]);
    await host.mark([{ sheet: 'Ledger', address: 'C2', findingId: 'f', severity: 'critical', note: 'n' }]);
    await host.writeSettings({ bindings: ['b1'] });
    expect(host.saveTo).toBe(join(dir, 'book.finpulse.xlsx'));
    expect(await host.save()).toBe(join(dir, 'book.finpulse.xlsx'));
    expect(readFileSync(file).equals(before)).toBe(true);
    const copy = await openXlsxHost(host.saveTo);
    expect((await copy.listSheets()).map((s) => s.name)).toEqual(['Ledger', 'P&L', 'Hidden', 'Results']);
  });

  it('refuses to save over the original, however it is named', async () => {
    const { dir, file } = await seeded();
    expect(await code(openXlsxHost(file, { saveTo: file }))).toBe('host.saveOverSource');
    expect(await code(openXlsxHost(file, { saveTo: join(dir, '.', 'sub', '..', 'book.xlsx') }))).toBe('host.saveOverSource');
    linkSync(file, join(dir, 'link.xlsx'));
    expect(await code(openXlsxHost(file, { saveTo: join(dir, 'link.xlsx') }))).toBe('host.saveOverSource');
    const err = await openXlsxHost(file, { saveTo: file }).catch((e: unknown) => e as AppError);
    expect((err as AppError).messageIn('en-US')).toContain('never overwrites');
  });

  it('reports a missing or unreadable file as io.read', async () => {
    const dir = tempDir();
    expect(await code(openXlsxHost(join(dir, 'nope.xlsx')))).toBe('io.read');
    const csv = join(dir, 'ledger.xlsx');
    writeFileSync(csv, 'date,amount\n');
    const err = await openXlsxHost(csv).catch((e: unknown) => e as AppError);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('not a readable .xlsx workbook');
  });
});

describe('xlsx host: showing a range', () => {
  it('keeps the range for the session; the saved copy opens on its sheet at its first cell, one tab selected', async () => {
    const { host } = await seeded();
    await host.select({ sheet: 'P&L', address: 'C3:D4' });
    expect(await host.getSelection()).toEqual({ sheet: 'P&L', address: 'C3:D4' });
    const saved = await host.save();
    expect(part(saved, 'xl/workbook.xml')).toMatch(/<workbookView[^>]*activeTab="1"/);
    const tabs = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml'].map((p) => part(saved, p));
    expect(tabs.map((xml) => /tabSelected="1"/.test(xml))).toEqual([false, true, false]);
    expect(tabs[1]).toMatch(/<selection activeCell="C3" sqref="C3"\/>/);
    const copy = await openXlsxHost(saved, { saveTo: join(tempDir(), 'again.xlsx') });
    expect(await copy.getSelection()).toEqual({ sheet: 'P&L', address: 'C3' });
  });
});

/** A workbook with the cell kinds ExcelJS hands back in different shapes. */
async function quirks(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Q');
  ws.getCell('A1').value = new Date(Date.UTC(2026, 0, 1));
  ws.getCell('A1').numFmt = 'yyyy\\E';
  ws.getCell('A2').value = new Date(Date.UTC(2026, 0, 1, 18));
  ws.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm';
  ws.getCell('B1').value = { formula: 'A9-A9', result: 0 };
  ws.getCell('B2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('B3').value = { formula: 'A9>1', result: false };
  ws.getCell('B4').value = { formula: 'EDATE(A1,12)', result: new Date(Date.UTC(2027, 0, 1)) };
  ws.getCell('B4').numFmt = 'mmm\\-yy\\E';
  ws.getCell('C1').value = 10;
  ws.getCell('C2').value = 20;
  ws.getCell('D1').value = { formula: 'C1*2', result: 20, shareType: 'shared', ref: 'D1:D2' } as unknown as ExcelJS.CellValue;
  ws.getCell('D2').value = { sharedFormula: 'D1', result: 40 };
  ws.getCell('E1').value = { richText: [{ text: 'Net ', font: { bold: true } }, { text: 'revenue' }] };
  ws.getCell('E2').value = { text: 'the ledger', hyperlink: 'https://example.com/ledger' };
  ws.getCell('E3').value = '';
  ws.getCell('E4').value = false;
  ws.getCell('F1').value = 'themed';
  ws.getCell('F1').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.7999816888943144 } as unknown as ExcelJS.Color };
  ws.getCell('F1').note = { texts: [{ text: 'Li:', font: { bold: true } }, { text: '\nchecked' }] };
  ws.getCell('F2').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: -0.249977111117893 } as unknown as ExcelJS.Color };
  ws.getCell('F3').fill = { type: 'pattern', pattern: 'solid', fgColor: { indexed: 10 } as unknown as ExcelJS.Color };
  ws.mergeCells('G1:H2');
  ws.getCell('G1').value = 'merged';
  await wb.xlsx.writeFile(file);
}

describe('xlsx host: cells as Excel reports them', () => {
  let dir: string;
  let host: XlsxHost;
  beforeEach(async () => {
    dir = tempDir();
    await quirks(join(dir, 'q.xlsx'));
    host = await openXlsxHost(join(dir, 'q.xlsx'));
  });

  it('converts dates, cached formula results (zero and false too), shared formulas, rich text, links and blanks', async () => {
    const [r] = await host.readRanges([{ sheet: 'Q', address: 'A1:H4' }]);
    const col = (c: number) => r!.values.map((row) => row[c]);
    expect(col(0)).toEqual([46023, 46023.75, null, null]);
    expect(col(1)).toEqual([0, { error: '#DIV/0!' }, false, 46388]);
    expect(col(3)).toEqual([20, 40, null, null]);
    expect(col(4)).toEqual(['Net revenue', 'the ledger', null, false]);
    expect(r!.values[0]!.slice(6)).toEqual(['merged', null]);
    expect(r!.values[1]!.slice(6)).toEqual([null, null]);
    expect(r!.merges).toEqual(['G1:H2']);
  });

  it('keeps number format codes as written, backslashes included, in reads and in the copy', async () => {
    const [r] = await host.readRanges([{ sheet: 'Q', address: 'A1:C4' }]);
    expect(r!.numberFormats[0]![0]).toBe('yyyy\\E');
    expect(r!.numberFormats[3]![1]).toBe('mmm\\-yy\\E');
    expect(r!.numberFormats[0]![2]).toBe('General');
    const styles = part(await host.save(), 'xl/styles.xml');
    expect(styles).toContain('formatCode="yyyy\\E"');
    expect(styles).toContain('formatCode="mmm\\-yy\\E"');
  });

  it('resolves theme colours with their tint and indexed colours; reads rich notes as text', async () => {
    const [r] = await host.readRanges([{ sheet: 'Q', address: 'F1:F3' }], { styles: true });
    // Excel's own swatches for Office 2007 "Blue, Accent 1": lighter 80%, darker 25%; indexed 10 is red.
    expect(r!.fills).toEqual([['#DCE6F1'], ['#366092'], ['#FF0000']]);
    expect(r!.notes![0]).toEqual(['Li:\nchecked']);
  });

  it('restores a marked cell exactly (theme fill, rich note), also after reopening the copy', async () => {
    await host.mark([{ sheet: 'Q', address: 'F1', findingId: 'f', severity: 'warning', note: 'too high' }]);
    const again = await openXlsxHost(await host.save(), { saveTo: join(dir, 'again.xlsx') });
    const [marked] = await again.readRanges([{ sheet: 'Q', address: 'F1' }], { styles: true });
    expect(marked!.fills).toEqual([[MARK_FILLS.warning]]);
    expect(marked!.notes).toEqual([['too high']]);
    await again.clearMarks();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await again.save());
    const cell = wb.getWorksheet('Q')!.getCell('F1');
    expect(cell.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.7999816888943144 } });
    expect(cell.note).toEqual(expect.objectContaining({ texts: [{ text: 'Li:', font: expect.objectContaining({ bold: true }) as unknown }, { text: '\nchecked' }] }));
    expect(wb.getWorksheet(STATE_SHEET)).toBeUndefined();
  });

  it('writes text that looks like a formula as a plain string in the file', async () => {
    await host.writeBlocks([{ sheet: 'Out', at: 'A1', values: [['=SUM(A1:A9)', '+86 10', '-5', '@home']], numberFormats: [['@', '@', '@', '@']] }]);
    const saved = await host.save();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const out = wb.getWorksheet('Out')!;
    expect(['A1', 'B1', 'C1', 'D1'].map((a) => [out.getCell(a).type, out.getCell(a).value])).toEqual([
      [ExcelJS.ValueType.String, '=SUM(A1:A9)'], [ExcelJS.ValueType.String, '+86 10'], [ExcelJS.ValueType.String, '-5'], [ExcelJS.ValueType.String, '@home'],
    ]);
    const sheetParts = [...zipEntries(readFileSync(saved))!.keys()].filter((n) => n.startsWith('xl/worksheets/sheet'));
    const outXml = sheetParts.map((n) => part(saved, n)).find((x) => x.includes('<c r="D1"') && !x.includes('<c r="F1"'))!;
    expect(outXml).not.toContain('<f>');
    expect(part(saved, 'xl/sharedStrings.xml')).toContain('=SUM(A1:A9)');
  });

  it('overwrites the master of a shared formula without breaking the cells that share it', async () => {
    await host.writeBlocks([{ sheet: 'Q', at: 'D1', values: [[99]] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await host.save());
    expect(wb.getWorksheet('Q')!.getCell('D1').value).toBe(99);
    expect(wb.getWorksheet('Q')!.getCell('D2').value).toEqual({ formula: 'C2*2', result: 40 });
  });

  it('refuses a value inside a merged area but accepts its blanks, and refuses reserved or invalid sheet names', async () => {
    expect(await code(host.writeBlocks([{ sheet: 'Q', at: 'G1', values: [['a', 'b']] }]))).toBe('host.failed');
    await host.writeBlocks([{ sheet: 'Q', at: 'G1', values: [['new', null], [null, null]] }]);
    expect((await host.readRanges([{ sheet: 'Q', address: 'G1:H1' }]))[0]!.values).toEqual([['new', null]]);
    expect(await code(host.writeBlocks([{ sheet: STATE_SHEET, at: 'A1', values: [[1]] }]))).toBe('host.failed');
    expect(await code(host.writeBlocks([{ sheet: 'a/b', at: 'A1', values: [[1]] }]))).toBe('host.failed');
    expect(await code(host.writeBlocks([{ sheet: 'x'.repeat(32), at: 'A1', values: [[1]] }]))).toBe('host.failed');
    expect((await host.listSheets()).map((s) => s.name)).toEqual(['Q']);
  });

  it('keeps large settings in a veryHidden sheet, chunked under the cell limit, never listed', async () => {
    const big = '数'.repeat(40_000) + '😀'.repeat(20_000);
    await host.writeSettings({ notes: big });
    const saved = await host.save();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const state = wb.getWorksheet(STATE_SHEET)!;
    expect(state.state).toBe('veryHidden');
    state.eachRow((row) => expect((row.getCell(1).value as string).length).toBeLessThanOrEqual(32_767));
    expect(state.rowCount).toBeGreaterThan(3);
    const again = await openXlsxHost(saved, { saveTo: join(dir, 'again.xlsx') });
    expect(await again.readSettings()).toEqual({ notes: big });
    expect((await again.listSheets()).map((s) => s.name)).toEqual(['Q']);
    expect(await code(again.readRanges([{ sheet: STATE_SHEET, address: 'A1' }]))).toBe('host.noSheet');
  });
});

describe('isDateFormat', () => {
  it.each([
    ['yyyy\\E', true], ['mmm\\-yy\\A', true], ['m/d/yyyy', true], ['[h]:mm', true], ['d-mmm', true], ['[$-804]yyyy"年"m"月"', true],
    ['General', false], ['#,##0.00\\ ;\\-#,##0.00', false], ['_("$"* #,##0.00_)', false], ['0.0%', false], ['0.00E+00', false], ['"days"0', false], ['@', false],
  ])('%s → %s', (format, expected) => expect(isDateFormat(format)).toBe(expected));
});
