import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue, RangeRead } from '../src/host';
import { isDateFormat, openXlsxHost, type XlsxHost } from '../src/host/xlsx';
import { zipEntries, zipText } from '../src/host/xlsx/zip';

/**
 * The real-world workbooks in ../shared/samples/workbooks (never copied into this repository) open
 * through the xlsx host, and each shows the facts its README records. Skipped when ../shared is absent.
 */
const SAMPLES = join(__dirname, '../../shared/samples/workbooks');
const describeSamples = existsSync(SAMPLES) ? describe : describe.skip;

const open = (file: string): Promise<XlsxHost> => openXlsxHost(join(SAMPLES, file), { saveTo: join(mkdtempSync(join(tmpdir(), 'finpulse-sample-')), 'copy.xlsx') });
const read = async (host: XlsxHost, sheet: string, address: string, styles = false): Promise<RangeRead> => (await host.readRanges([{ sheet, address }], { styles }))[0]!;
const column = (r: RangeRead, c: number): CellValue[] => r.values.map((row) => row[c]!);
const numbers = (cells: CellValue[]): number[] => cells.filter((v): v is number => typeof v === 'number');
/** Money summed in integer cents, as a reconciliation would. */
const cents = (cells: CellValue[]): number => numbers(cells).reduce((sum, v) => sum + Math.round(v * 100), 0);
const serial = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

describeSamples('sample workbooks through the xlsx host', () => {
  describe('powerbi-financial-sample.xlsx', () => {
    let host: XlsxHost;
    beforeAll(async () => {
      host = await open('powerbi-financial-sample.xlsx');
    });

    it('has the table financials over A1:P701, whose sales header is " Sales" with a leading space', async () => {
      expect(await host.listSheets()).toEqual([{ name: 'Sheet1', visible: true, used: 'A1:P701' }]);
      const [table] = await host.listTables();
      expect(table).toMatchObject({ name: 'financials', ref: { sheet: 'Sheet1', address: 'A1:P701' } });
      expect(table!.headers).toHaveLength(16);
      expect(table!.headers[9]).toBe(' Sales');
      expect(table!.headers.slice(0, 3)).toEqual(['Segment', 'Country', 'Product']);
      expect(await host.listNames()).toEqual([]);
    });

    it('reads 700 rows: year as text, dates as serials of 16 month starts, "None" bands, 58 losses, Sales = Gross − Discounts', async () => {
      const r = await read(host, 'Sheet1', 'A2:P701');
      expect(r.values).toHaveLength(700);
      expect(new Set(column(r, 15))).toEqual(new Set(['2013', '2014']));
      const dates = new Set(column(r, 12));
      expect(dates.size).toBe(16);
      expect(Math.min(...(dates as Set<number>))).toBe(serial(2013, 9, 1));
      expect(Math.max(...(dates as Set<number>))).toBe(serial(2014, 12, 1));
      expect(isDateFormat(r.numberFormats[0]![12]!)).toBe(true);
      expect(column(r, 3)).toContain('None');
      expect(column(r, 4)).toContain(1618.5);
      expect(numbers(column(r, 11)).filter((p) => p < 0)).toHaveLength(58);
      r.values.forEach((row) => expect(row[9] as number).toBeCloseTo((row[7] as number) - (row[8] as number), 6));
      expect(r.numberFormats[0]![9]).toBe('_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)');
    });

    it('saves a copy whose table keeps its header row, leaving the original byte for byte', async () => {
      const original = join(SAMPLES, 'powerbi-financial-sample.xlsx');
      const before = createHash('sha256').update(readFileSync(original)).digest('hex');
      await host.writeBlocks([{ sheet: 'FinPulse', at: 'A1', values: [['metric', 'value'], ['sales', 118_726_350.26]] }]);
      await host.mark([{ sheet: 'Sheet1', address: 'L2', findingId: 'f', severity: 'warning', note: 'margin dip' }]);
      const copy = await host.save();
      expect(createHash('sha256').update(readFileSync(original)).digest('hex')).toBe(before);
      expect(host.notKept).toEqual(['customXml']);
      const buf = readFileSync(copy);
      const tablePart = [...zipEntries(buf)!.values()].find((e) => /^xl\/tables\/.+\.xml$/.test(e.name))!;
      expect(zipText(buf, tablePart)).toContain('headerRowCount="1"');
      const again = await openXlsxHost(copy, { saveTo: `${copy}.again.xlsx` });
      expect((await again.listTables())[0]!.headers[9]).toBe(' Sales');
      expect((await again.listMarks()).map((m) => m.findingId)).toEqual(['f']);
      expect((await read(again, 'Sheet1', 'A2:P701')).values).toEqual((await read(host, 'Sheet1', 'A2:P701')).values);
    });
  });

  describe('sage50-journal-entries.xlsx', () => {
    let host: XlsxHost;
    let r: RangeRead;
    beforeAll(async () => {
      host = await open('sage50-journal-entries.xlsx');
      r = await read(host, 'Sheet1', 'A1:H283');
    });

    it('has a title block and a header on row 4 in E–H only', async () => {
      expect((await host.listSheets())[0]).toEqual({ name: 'Sheet1', visible: true, used: 'A1:H283' });
      expect(r.values[0]![0]).toBe("Helena's Academy");
      expect(r.values[1]![0]).toBe('All Journal Entries 10/01/2025 to 10/31/2025');
      expect(r.values[3]).toEqual([null, null, null, null, 'Account Number', 'Account Description', 'Debits', 'Credits']);
    });

    it('reads entry dates as serials, 30 entries, text account numbers, indented credits and "-" text zeros', () => {
      const body = r.values.slice(4, 281);
      expect(r.values[4]![0]).toBe(serial(2025, 10, 1));
      expect(r.numberFormats[4]![0]).toBe('mm/dd/yyyy');
      expect(new Set(body.map((row) => row[1]).filter((v) => typeof v === 'string' && /^J\d+$/.test(v))).size).toBe(30);
      const accounts = body.map((row) => row[4]).filter((v) => v !== null);
      expect(accounts.every((a) => typeof a === 'string' && /^\d{4}$/.test(a))).toBe(true);
      expect(body.some((row) => typeof row[5] === 'string' && row[5].startsWith('  '))).toBe(true);
      expect(body.flatMap((row) => [row[6], row[7]]).filter((v) => v === '-')).toHaveLength(218);
      expect(r.numberFormats[5]![6]).toBe('#,##0.00\\ ;\\-#,##0.00');
    });

    it('gives the SUBTOTAL cached values on row 282, which reconcile with the lines to the cent', () => {
      expect(r.values[281]![6]).toBe(89885.33);
      expect(r.values[281]![7]).toBeCloseTo(89885.33, 9);
      const body = r.values.slice(4, 281);
      expect(cents(body.map((row) => row[6]!))).toBe(8_988_533);
      expect(cents(body.map((row) => row[7]!))).toBe(8_988_533);
    });

    it('reports the merged footer A283:H283, its other cells blank as in Excel', () => {
      expect(r.merges).toEqual(['A283:H283']);
      expect(r.values[282]).toEqual(['Generated On: 06/03/2025', null, null, null, null, null, null, null]);
    });
  });

  describe('sage50-trial-balance.xlsx', () => {
    let host: XlsxHost;
    let r: RangeRead;
    beforeAll(async () => {
      host = await open('sage50-trial-balance.xlsx');
      r = await read(host, 'Sheet1', 'A1:D60');
    });

    it('reads the empty-string cells A3 and C4 as blank, within the used range A1:D60', async () => {
      expect((await host.listSheets())[0]!.used).toBe('A1:D60');
      expect(r.values[2]![0]).toBeNull();
      expect(r.values[3]![2]).toBeNull();
      expect(r.values[4]).toEqual(['Account Number', 'Account Description', 'Debits', 'Credits']);
    });

    it('has 51 accounts with text numbers and numeric zeros, and totals of 1,736,387.66 that reconcile', () => {
      const accounts = r.values.slice(5, 56);
      expect(accounts.map((row) => row[0])).toHaveLength(51);
      expect(accounts.every((row) => typeof row[0] === 'string' && /^[1-5]\d{3}$/.test(row[0]))).toBe(true);
      expect(accounts[0]!.slice(0, 2)).toEqual(['1080', 'Bank: Chequing Account']);
      expect(accounts.every((row) => typeof row[2] === 'number' && typeof row[3] === 'number')).toBe(true);
      expect(r.values[57]).toEqual([null, null, 1_736_387.66, 1_736_387.66]);
      expect(cents(accounts.map((row) => row[2]!))).toBe(173_638_766);
      expect(cents(accounts.map((row) => row[3]!))).toBe(173_638_766);
      expect(r.merges).toEqual(['A60:D60']);
    });
  });

  describe('budget-vs-actual-monthly.xlsx', () => {
    let host: XlsxHost;
    beforeAll(async () => {
      host = await open('budget-vs-actual-monthly.xlsx');
    });

    it('reports the inflated used ranges of a Google Sheets export, as Excel does', async () => {
      expect(await host.listSheets()).toEqual([
        { name: 'Budget', visible: true, used: 'B1:P1000' },
        { name: 'Actual', visible: true, used: 'B1:H1000' },
        { name: 'Dashboard Finished- Index,Match', visible: true, used: 'A1:Z1000' },
        { name: 'Dashboard Finished-VlookUp', visible: true, used: 'A1:Z1000' },
      ]);
      expect(await host.listTables()).toEqual([]);
      expect(host.notKept).toEqual(['charts']);
    });

    it('has month names as text in C4:N4 despite their date format, and cached shared-formula results', async () => {
      const r = await read(host, 'Budget', 'B4:N8', true);
      const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2022, m, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }));
      expect(r.values[0]).toEqual(['Figures in USD', ...months]);
      expect(r.numberFormats[0]!.slice(1).every((f) => f === 'mmm-yy' && isDateFormat(f))).toBe(true);
      expect(r.fills![0]![0]).toBe('#293D68');
      expect(r.values[4]!.slice(1, 4)).toEqual([100, 130, 169]);
    });

    it('has 55 actual transactions from 2022-01-01 to 2022-05-28, months from =TEXT(…) as text', async () => {
      const r = await read(host, 'Actual', 'B4:F59');
      expect(r.values[0]).toEqual(['Date', 'Month', 'Category', 'Description', 'Amount']);
      const dates = numbers(column(r, 0));
      expect(dates).toHaveLength(55);
      expect([Math.min(...dates), Math.max(...dates)]).toEqual([serial(2022, 1, 1), serial(2022, 5, 28)]);
      expect(r.values[1]![1]).toBe('January');
    });

    it('reports the dashboards\' merged titles and the selected month', async () => {
      const r = await read(host, 'Dashboard Finished-VlookUp', 'A1:Z22');
      expect([...r.merges].sort()).toEqual(['I16:L16', 'I6:L6', 'K4:Q4']);
      expect(r.values[3]![2]).toBe('March');
    });
  });

  describe('three-statement-model.xlsx', () => {
    let host: XlsxHost;
    beforeAll(async () => {
      host = await open('three-statement-model.xlsx');
    });

    it('has date-serial period headers (EDATE) shown through suffix formats such as yyyy\\E', async () => {
      const is = await read(host, 'Income Statement', 'C3:G3', true);
      expect(is.values[0]).toEqual([serial(2022, 1, 1), serial(2023, 1, 1), serial(2024, 1, 1), serial(2025, 1, 1), serial(2026, 1, 1)]);
      expect(new Set(is.numberFormats[0])).toEqual(new Set(['yyyy\\E']));
      // Theme colour accent 6 lightened 60%: Excel's swatch is C6E0B4; Windows' HLS arithmetic lands within a step or two.
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(is.fills![0]![0]!.slice(i, i + 2), 16));
      expect([Math.abs(r! - 0xc6), Math.abs(g! - 0xe0), Math.abs(b! - 0xb4)].every((d) => d <= 2)).toBe(true);
      const bs = await read(host, 'Balance Sheet', 'C2:H3');
      expect(bs.values[0]![0]).toBe('Historical');
      expect(bs.values[1]).toEqual([2021, 2022, 2023, 2024, 2025, 2026].map((y) => serial(y, 12, 31)));
      expect(bs.numberFormats[1]!.slice(0, 2)).toEqual(['mmm\\-yy\\A', 'mmm\\-yy\\E']);
    });

    it('shows the inconsistency its broken external links leave: a non-zero balance check, two net incomes', async () => {
      const check = await read(host, 'Balance Sheet', 'B29:H29');
      expect(check.values[0]![0]).toBe('Balance Check');
      expect(check.values[0]![1]).toBe(0); // a cached zero, which ExcelJS's cell.value drops
      expect((check.values[0]!.slice(2) as number[]).every((v) => v > 6)).toBe(true);
      expect((await read(host, 'Balance Sheet', 'D29')).values[0]![0]).toBeCloseTo(6.83, 2);
      const isNet = await read(host, 'Income Statement', 'B26:C26');
      const cfNet = await read(host, 'Statement of Cashflows', 'B4:C4');
      expect(isNet.values[0]![0]).toBe('Net Income');
      expect(isNet.values[0]![1]).toBeCloseTo(7696.67, 2);
      expect(cfNet.values[0]![1]).toBeCloseTo(1684.77, 2);
      expect((await read(host, 'Statement of Cashflows', 'B8')).values[0]![0]).toBe('Change in Accounts Payable');
      expect(host.notKept).toEqual(['externalLinks']);
    });
  });

  describe('cn-balance-sheet-items.xlsx', () => {
    it('is long data with Chinese headers, a pandas index column, text dates and codes, General formats', async () => {
      const host = await open('cn-balance-sheet-items.xlsx');
      expect((await host.listSheets())[0]).toEqual({ name: 'Sheet1', visible: true, used: 'A1:H31' });
      const r = await read(host, 'Sheet1', 'A1:H31');
      expect(r.values[0]).toEqual([null, '公司代码', '日期', '固定资产净额', '无形资产净额', '资产合计', '应付职工薪酬', '所有者权益合计']);
      const body = r.values.slice(1);
      expect(body.map((row) => row[0])).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(new Set(body.map((row) => row[1]))).toEqual(new Set(['600395', '600409', '600429', '600433', '600438']));
      expect([...new Set(body.map((row) => row[2]))].sort()).toEqual([2018, 2019, 2020, 2021, 2022, 2023].map((y) => `${y}-12-31`));
      expect(body[0]![3]).toBe(2_777_474_448.27);
      expect(Math.max(...body.flatMap((row) => numbers(row.slice(3))))).toBeLessThan(2e11);
      expect(new Set(r.numberFormats.flat())).toEqual(new Set(['General']));
    });
  });
});
