import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseA1 } from '../../core/a1';
import { validateCatalog, type Catalog } from '../../core/catalog';
import { AppError } from '../../core/errors';
import { MARK_FILLS } from '../../host/contract';
import { createMemoryHost } from '../../host/memory';
import { refreshWorkbook } from '../../host/refresh';
import { openXlsxHost } from '../../host/xlsx';
import { DEMO_WORKBOOK_FILE, demoBindings, LEDGER_HEADER_ROW } from '../demo-workbook';
import { readWorkbookBytes } from './index';

const EXAMPLES = join(__dirname, '../../../examples');
const SAMPLES = join(__dirname, '../../../../shared/samples/workbooks');
const demoBytes = (): Uint8Array => new Uint8Array(readFileSync(join(EXAMPLES, DEMO_WORKBOOK_FILE)));
const ledgerRows = readFileSync(join(EXAMPLES, 'ledger.csv'), 'utf8').trim().split('\n').slice(1);

const failure = async (bytes: Uint8Array, name = 'book.xlsx'): Promise<AppError> => {
  const err = await readWorkbookBytes(bytes, name).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

describe('workbench: reading .xlsx bytes (the browser path)', () => {
  it('reads the demo workbook: sheets, the Journal table, every ledger row, formats, fills, note, merge, hidden row', async () => {
    const book = await readWorkbookBytes(demoBytes(), DEMO_WORKBOOK_FILE);
    expect(book.sheets.map((s) => [s.name, s.visible])).toEqual([['Summary', true], ['Ledger', true], ['Budget', true], ['Forecast', true]]);
    const last = LEDGER_HEADER_ROW + ledgerRows.length;
    expect(book.tables).toEqual([{ name: 'Journal', ref: { sheet: 'Ledger', address: `A${LEDGER_HEADER_ROW}:G${last}` } }]);
    expect(book.names.map((n) => n.name).sort()).toEqual(['BudgetRange', 'ForecastRange', 'JournalRange']);

    const ledger = book.sheet('Ledger')!;
    // The last CSV row, cell by cell: the date as Excel's serial, the code as text, the amount exact.
    const [date, account, amount, entity] = ledgerRows.at(-1)!.split(',');
    const row = last - 1;
    expect(ledger.get(row, 0)).toMatchObject({ value: Date.parse(`${date}T00:00:00Z`) / 86_400_000 + 25_569, format: 'yyyy-mm-dd' });
    expect(ledger.get(row, 1)?.value).toBe(account);
    expect(ledger.get(row, 2)).toMatchObject({ value: Number(amount), format: '#,##0.00;[Red]-#,##0.00' });
    expect(ledger.get(row, 3)?.value).toBe(entity);

    const summary = book.sheet('Summary')!;
    expect(summary.merges).toContainEqual(parseA1('A1:F1'));
    expect(summary.get(0, 0)?.fill).toBe('#1F4E79');
    expect(summary.get(6, 0)?.note).toMatch(/West-1/);
    expect(summary.hiddenRows.has(8)).toBe(true);
    expect(summary.get(10, 1)?.format).toBe('yyyy"年"m"月"d"日"');
  });

  it('matches the CLI path cell for cell (same ExcelJS conversion, package facts inflated without node:zlib)', async () => {
    const cli = await openXlsxHost(join(EXAMPLES, DEMO_WORKBOOK_FILE));
    const browser = createMemoryHost(await readWorkbookBytes(demoBytes(), DEMO_WORKBOOK_FILE));
    const sheets = await cli.listSheets();
    expect(await browser.listSheets()).toEqual(sheets);
    const refs = sheets.map((s) => ({ sheet: s.name, address: s.used! }));
    expect(await browser.readRanges(refs, { styles: true })).toEqual(await cli.readRanges(refs, { styles: true }));
    expect(await browser.listTables()).toEqual(await cli.listTables());
  });

  it('leads to a marked anomaly: binding the journal and refreshing flags West-1\'s 2025-11 collections stall as critical', async () => {
    const { catalog } = validateCatalog(JSON.parse(readFileSync(join(EXAMPLES, 'catalog.json'), 'utf8')) as unknown);
    const host = createMemoryHost(await readWorkbookBytes(demoBytes(), DEMO_WORKBOOK_FILE));
    const result = await refreshWorkbook({ host, catalog: catalog as Catalog, bindings: demoBindings(), locale: 'en-US' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The planted stall: operating cash flow falls to a sliver of net income in 2025-11.
    const stall = result.findings.find((f) => f.metricId === 'ocf_to_net_income' && f.period === '2025-11' && !f.member);
    expect(stall?.severity).toBe('critical');
    const mark = (await host.listMarks()).find((m) => m.findingId === stall!.id);
    expect(mark).toMatchObject({ sheet: 'FinPulse', severity: 'critical' });
    const at = parseA1(mark!.address)!;
    const results = host.workbook.sheet('FinPulse')!;
    expect(results.get(at.row, 0)?.value).toBe('ocf_to_net_income');
    expect(results.get(at.row, at.col)?.fill).toBe(MARK_FILLS.critical);
  });

  it('refuses what is not a workbook, each with a message that says what to do', async () => {
    const csv = await failure(new TextEncoder().encode('date,amount\n2026-01-01,5\n'), 'ledger.xlsx');
    expect(csv.code).toBe('workbench.notXlsx');
    expect(csv.messageIn('en-US')).toContain('ledger.xlsx is not an Excel workbook');
    expect(csv.messageIn('zh-CN')).toContain('当前工作簿保持打开');

    const ole = (withEncryption: boolean): Uint8Array => {
      const bytes = new Uint8Array(4096);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      const stream = withEncryption ? 'EncryptionInfo' : 'Workbook';
      Array.from(stream).forEach((ch, i) => (bytes[1024 + 2 * i] = ch.charCodeAt(0)));
      return bytes;
    };
    expect((await failure(ole(true))).code).toBe('workbench.encrypted');
    expect((await failure(ole(false), 'old.xls')).code).toBe('workbench.legacyXls');

    const big = await failure(new Uint8Array(51 * 1024 * 1024), 'huge.xlsx');
    expect(big.code).toBe('workbench.tooBig');
    expect(big.messageIn('en-US')).toContain('huge.xlsx is 51.0 MB');
  });

  it('refuses a zip that is no workbook, and a truncated workbook, as unreadable or not a workbook', async () => {
    const demo = demoBytes();
    expect((await failure(demo.subarray(0, demo.length - 5000))).code).toBe('workbench.notXlsx');
    // A zip whose workbook part is damaged: ExcelJS fails, the message carries its reason.
    const damaged = demo.slice();
    const at = new TextDecoder('latin1').decode(damaged).indexOf('xl/worksheets/sheet1.xml');
    damaged.fill(0, at + 40, at + 400);
    const err = await failure(damaged);
    expect(['workbench.unreadable', 'workbench.notXlsx']).toContain(err.code);
  });
});

const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')) : [];
(samples.length ? describe : describe.skip)('workbench: the sample workbooks in ../shared through the browser path', () => {
  it.each(samples)('%s reads as the CLI reads it', async (file) => {
    const cli = await openXlsxHost(join(SAMPLES, file));
    const browser = createMemoryHost(await readWorkbookBytes(new Uint8Array(readFileSync(join(SAMPLES, file))), file));
    const sheets = await cli.listSheets();
    // The memory copy keeps no empty cells, so its used range may be tighter than the file's record.
    const names = (list: Array<{ name: string; visible: boolean }>): string[] => list.map((s) => `${s.name}:${s.visible}`);
    expect(names(await browser.listSheets())).toEqual(names(sheets));
    const refs = sheets.filter((s) => s.used).map((s) => ({ sheet: s.name, address: s.used! }));
    const [a, b] = [await cli.readRanges(refs, { styles: true }), await browser.readRanges(refs, { styles: true })];
    expect(b.map((r) => r.values)).toEqual(a.map((r) => r.values));
    expect(b.map((r) => r.fills)).toEqual(a.map((r) => r.fills));
    expect(b.map((r) => r.notes)).toEqual(a.map((r) => r.notes));
    expect(await browser.listNames()).toEqual(await cli.listNames());
  });
});
