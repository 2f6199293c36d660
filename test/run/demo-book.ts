import ExcelJS from 'exceljs';
import type { ErpRecord } from '../../src/demo-erp';

export const LEDGER_SHEET = 'Ledger';
export const HEADERS = ['Date', 'Account', 'Amount', 'Department', 'Entity', 'Doc'] as const;

/** What was planted in the workbook, so a test can look for exactly that. */
export interface Planted {
  /** A line the ERP has and the workbook lacks. */
  missing: ErpRecord;
  /** A line whose amount the workbook has changed, and the sheet row holding it. */
  changed: ErpRecord;
  changedRow: number;
  changedBy: number;
  /** Rows of the sheet, header included. */
  rows: number;
}

const dateOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** The revenue lines (6001 and 6051, as the catalog's revenue reads them) of the given months. */
export const revenueLines = (gl: readonly ErpRecord[], months: readonly string[]): ErpRecord[] =>
  gl.filter((r) => /^60(01|51)/.test(String(r['account'])) && months.includes(String(r['postingDate']).slice(0, 7)));

/**
 * A ledger sheet as an accountant would export it from the ERP (revenue lines of the given
 * months), with two planted differences: one line left out and one amount keyed in wrong.
 * `pad` adds that many extra lines (other accounts, outside the months reconciled) for benchmarks.
 */
export async function writeDemoBook(path: string, gl: readonly ErpRecord[], months: readonly string[], opts: { pad?: number } = {}): Promise<Planted> {
  const lines = revenueLines(gl, months);
  const missing = lines[Math.floor(lines.length / 2)]!;
  const changed = lines[lines.length - 3]!;
  const changedBy = 1000;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(LEDGER_SHEET);
  ws.addRow([...HEADERS]);
  let changedRow = 0;
  for (const r of lines) {
    if (r === missing) continue;
    const amount = Number(r['amount']) + (r === changed ? changedBy : 0);
    const row = ws.addRow([dateOf(String(r['postingDate'])), String(r['account']), amount, r['department'] ?? '', r['entity'] ?? '', String(r['id'])]);
    if (r === changed) changedRow = row.number;
  }
  for (let i = 0; i < (opts.pad ?? 0); i += 1) {
    const r = gl[i % gl.length]!;
    ws.addRow([dateOf('2023-06-15'), String(r['account']), Number(r['amount']), r['department'] ?? '', r['entity'] ?? '', `PAD-${i}`]);
  }
  ws.getColumn(1).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(path);
  return { missing, changed, changedRow, changedBy, rows: ws.rowCount };
}

/** The binding of that sheet: the long layout over its used rows. */
export function ledgerBinding(rows: number): Record<string, unknown> {
  return {
    id: 'book-ledger',
    source: 'book',
    target: { kind: 'range', ref: `${LEDGER_SHEET}!A1:F${rows}` },
    layout: 'long',
    long: { date: 'Date', account: 'Account', amount: 'Amount', dimensions: { department: 'Department', entity: 'Entity', doc: 'Doc' } },
  };
}
