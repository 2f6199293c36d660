import type { CellValue } from '../contract';

/** A cell with its look, for seeding a test workbook. */
export interface SeedCell {
  value: CellValue;
  format?: string;
  fill?: string;
  note?: string;
}

export interface SeedSheet {
  name: string;
  visible?: boolean;
  /** A1 → value or styled cell. */
  cells: Record<string, CellValue | SeedCell>;
  merges?: string[];
  /** 1-based row numbers, as Excel shows them. */
  hiddenRows?: number[];
}

/** A workbook described as plain data; each adapter's fixture builds it in its own world. */
export interface WorkbookSeed {
  sheets: SeedSheet[];
  /** Workbook-level names: `Sheet!A1:B2`. */
  names?: Array<{ name: string; ref: string }>;
  /** Tables: headers are the first row of `address`. */
  tables?: Array<{ name: string; sheet: string; address: string }>;
}

export const isSeedCell = (v: CellValue | SeedCell): v is SeedCell => typeof v === 'object' && v !== null && 'value' in v;

/** The workbook the contract suite runs against: a ledger with quirks, a wide P&L, a hidden sheet. */
export const CONTRACT_SEED: WorkbookSeed = {
  sheets: [
    {
      name: 'Ledger',
      cells: {
        A1: 'Date', B1: 'Account', C1: 'Amount', D1: 'Dept',
        A2: 46023, B2: '6001', C2: { value: -1000.5, format: '#,##0.00' }, D2: 'East',
        A3: 46024, B3: '6401', C3: 600, D3: { value: 'East', fill: '#C6EFCE', note: 'checked by Li' },
        A4: 46054, B4: '6001', C4: { error: '#N/A' }, D4: 'West',
        A5: 46055, B5: null, C5: 42, D5: null,
      },
      merges: ['D4:D5'],
      hiddenRows: [3],
    },
    {
      name: 'P&L',
      cells: { B2: 'Line', C2: 'Jan', D2: 'Feb', B3: 'Revenue', C3: 100, D3: 120, B4: '=not a formula', C4: true },
    },
    { name: 'Hidden', visible: false, cells: { A1: 'x' } },
  ],
  names: [{ name: 'Revenue', ref: "'P&L'!C3:D3" }],
  tables: [{ name: 'LedgerTable', sheet: 'Ledger', address: 'A1:D5' }],
};
