import ExcelJS from 'exceljs';
import { parseCsv } from '../../core/ingest';
import { clearZipTimes } from '../../host/xlsx/zip-entries';
import { FILLS, FORMATS, headerRow, isoDate, titleBlock } from './sheets';

export interface DemoSources {
  /** examples/ledger.csv: date,account,amount,entity,department,product,cashflow */
  ledgerCsv: string;
  /** examples/budget.csv: date,account,amount,department */
  budgetCsv: string;
  /** examples/forecast.csv: the same columns as the budget */
  forecastCsv: string;
}

/** Where the journal's header sits: a title block above it, as finance workbooks have. */
export const LEDGER_HEADER_ROW = 4;
export const PLAN_HEADER_ROW = 4;
/** Every workbook property that would otherwise carry the clock. */
const FIXED_TIME = new Date(Date.UTC(2026, 11, 31));

/**
 * The workbench's demo workbook, built from the example ledger and budget: a journal sheet (an Excel
 * table `Journal` under a title block), a budget sheet and a summary with a merged title, fills, a
 * note and a hidden row. Deterministic to the byte: fixed properties and zip entry times.
 */
export async function buildDemoWorkbook(sources: DemoSources): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  Object.assign(wb, { creator: 'FinPulse', lastModifiedBy: 'FinPulse', created: FIXED_TIME, modified: FIXED_TIME });
  const ledger = records(sources.ledgerCsv);
  addSummary(wb, ledger);
  addLedger(wb, ledger);
  addPlan(wb, records(sources.budgetCsv), { sheet: 'Budget', range: 'BudgetRange', title: '预算 Budget · monthly by account and department' });
  addPlan(wb, records(sources.forecastCsv), { sheet: 'Forecast', range: 'ForecastRange', title: '预测 Rolling revenue forecast · by sales department' });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  clearZipTimes(bytes);
  return bytes;
}

interface Csv {
  headers: string[];
  rows: string[][];
}

function records(text: string): Csv {
  const { records: all, problems } = parseCsv(text);
  if (problems.length || all.length === 0) throw new Error(`example CSV unreadable: ${problems.map((p) => p.message['en-US']).join('; ')}`);
  return { headers: all[0]!.cells, rows: all.slice(1).map((r) => r.cells) };
}

/** Cell values of one CSV row: dates as dates, amounts as numbers, blanks as empty cells. */
function typedRow(headers: readonly string[], cells: readonly string[]): ExcelJS.CellValue[] {
  return headers.map((h, i) => {
    const text = cells[i] ?? '';
    if (text === '') return null;
    if (h === 'date') return isoDate(text);
    if (h === 'amount') return Number(text);
    return text; // account codes stay text: 1002 and 100201 are codes, not quantities
  });
}

function addLedger(wb: ExcelJS.Workbook, csv: Csv): void {
  const ws = wb.addWorksheet('Ledger', { views: [{ state: 'frozen', ySplit: LEDGER_HEADER_ROW }] });
  titleBlock(ws, csv.headers.length, '总账 General ledger · FinPulse Demo Industrial', 'Journal 2024-01 – 2026-12, CNY, debit positive · 借方为正，单位：元');
  ws.addTable({
    name: 'Journal',
    ref: `A${LEDGER_HEADER_ROW}`,
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: csv.headers.map((name) => ({ name, filterButton: true })),
    rows: csv.rows.map((r) => typedRow(csv.headers, r)),
  });
  const last = LEDGER_HEADER_ROW + csv.rows.length;
  columnFormat(ws, csv.headers.indexOf('date') + 1, LEDGER_HEADER_ROW + 1, last, FORMATS.date);
  columnFormat(ws, csv.headers.indexOf('amount') + 1, LEDGER_HEADER_ROW + 1, last, FORMATS.money);
  ws.columns.forEach((c, i) => (c.width = [12, 10, 18, 8, 12, 11, 11][i] ?? 12));
  wb.definedNames.add(`Ledger!$A$${LEDGER_HEADER_ROW}:$G$${last}`, 'JournalRange');
}

/** A plan (budget, forecast) as a plain range under a title, named so it binds in one click. */
function addPlan(wb: ExcelJS.Workbook, csv: Csv, at: { sheet: string; range: string; title: string }): void {
  const ws = wb.addWorksheet(at.sheet, { views: [{ state: 'frozen', ySplit: PLAN_HEADER_ROW }] });
  titleBlock(ws, csv.headers.length, at.title, 'Same accounts and signs as the ledger (revenue negative) · 与总账同口径');
  headerRow(ws, PLAN_HEADER_ROW, csv.headers);
  csv.rows.forEach((r, i) => {
    ws.getRow(PLAN_HEADER_ROW + 1 + i).values = typedRow(csv.headers, r);
  });
  const last = PLAN_HEADER_ROW + csv.rows.length;
  columnFormat(ws, csv.headers.indexOf('date') + 1, PLAN_HEADER_ROW + 1, last, FORMATS.month);
  columnFormat(ws, csv.headers.indexOf('amount') + 1, PLAN_HEADER_ROW + 1, last, FORMATS.money);
  ws.columns.forEach((c) => (c.width = 14));
  wb.definedNames.add(`${at.sheet}!$A$${PLAN_HEADER_ROW}:$D$${last}`, at.range);
}

function columnFormat(ws: ExcelJS.Worksheet, col: number, from: number, to: number, numFmt: string): void {
  for (let r = from; r <= to; r += 1) ws.getCell(r, col).numFmt = numFmt;
}

const ENTITIES: ReadonlyArray<[code: string, name: string]> = [
  ['SH01', 'Shanghai 上海'],
  ['SZ01', 'Suzhou 苏州'],
  ['CD01', 'Chengdu 成都'],
];
const YEARS = [2024, 2025, 2026];

/** Revenue (accounts 6001*, credit-normal) by entity and year, summed in integer cents. */
function revenueCents(csv: Csv): Map<string, number> {
  const col = (name: string): number => csv.headers.indexOf(name);
  const out = new Map<string, number>();
  for (const r of csv.rows) {
    if (!r[col('account')]!.startsWith('6001')) continue;
    const key = `${r[col('entity')]}|${r[col('date')]!.slice(0, 4)}`;
    out.set(key, (out.get(key) ?? 0) - Math.round(Number(r[col('amount')]) * 100));
  }
  return out;
}

function addSummary(wb: ExcelJS.Workbook, ledger: Csv): void {
  const ws = wb.addWorksheet('Summary');
  titleBlock(ws, 6, '营业收入 Revenue by entity (CNY)', 'Computed from the Ledger sheet by the generator; FinPulse recomputes it from the bound journal.');
  headerRow(ws, 4, ['Entity 主体', ...YEARS.map(String), 'Growth 2026', 'Comment']);
  const revenue = revenueCents(ledger);
  const yearly = (code: string): number[] => YEARS.map((y) => (revenue.get(`${code}|${y}`) ?? 0) / 100);
  const put = (row: number, label: string, values: number[]): void => {
    ws.getCell(row, 1).value = label;
    values.forEach((v, i) => Object.assign(ws.getCell(row, i + 2), { value: v, numFmt: FORMATS.wholeMoney }));
    const [, prior, last] = values as [number, number, number];
    Object.assign(ws.getCell(row, 5), { value: prior ? (last - prior) / prior : null, numFmt: FORMATS.percent });
  };
  ENTITIES.forEach(([code, name], i) => put(5 + i, `${code} ${name}`, yearly(code)));
  const totals = YEARS.map((_, y) => ENTITIES.reduce((s, [code]) => s + yearly(code)[y]!, 0));
  put(8, 'Total 合计', totals);
  for (let c = 1; c <= 6; c += 1) Object.assign(ws.getCell(8, c), { fill: FILLS.total, font: { bold: true } });
  ws.getCell('F7').value = 'Collections stall in 2025-11';
  ws.getCell('A7').note = 'CD01 holds sales department West-1. In 2025-11 it collected 8% of receivables instead of about half: refresh the journal in FinPulse to see the operating cash flow flagged. 成都（West-1）2025 年 11 月回款停滞。';
  // A helper row a finance user would hide: the bindings read hidden rows and say so.
  ws.getCell('A9').value = 'Check: entities − total';
  YEARS.forEach((_, y) => Object.assign(ws.getCell(9, y + 2), { value: 0, numFmt: FORMATS.wholeMoney }));
  ws.getRow(9).hidden = true;
  ws.getCell('A11').value = 'As of 截至';
  Object.assign(ws.getCell('B11'), { value: isoDate('2026-12-31'), numFmt: FORMATS.longDate });
  ws.columns.forEach((c, i) => (c.width = [22, 16, 16, 16, 12, 30][i] ?? 12));
}
