import type { Horizon } from './horizon';
import { ENTITIES, MATERIALS, SALES_LINES, salesDepartmentsOf, type EntityCode } from './master';
import { expectedRevenue } from './plan';

/** How many documents of each kind a month gets, so the ledger lands near the requested size. */
export interface Volumes {
  invoices(salesLine: number, month: number): number;
  materialBills(entity: EntityCode, month: number): number;
  serviceBills(entity: EntityCode, month: number): number;
  claims(entity: EntityCode, month: number): number;
}

/**
 * Journal lines that do not depend on the volume, per entity and month (settlements, production,
 * payroll, depreciation, interest, scrap, occasional items, the close), plus the opening entries.
 * An estimate on the high side: whatever the documents leave of the requested size is filled by
 * itemising expense claims, which only works from below.
 */
const STRUCTURAL_LINES_PER_ENTITY_MONTH = 44;
const OPENING_LINES_PER_ENTITY = 60;
/** Lines per document with its settlement: invoice 5 + receipt 2; bill 3 + payment 2; claim 2. */
const LINES_PER_INVOICE = 7;
const LINES_PER_BILL = 5;
const LINES_PER_CLAIM = 2;
/** Shares of the variable lines; the 9% left over leaves room for receipts and the rounding of small cells. */
const INVOICE_SHARE = 0.68;
const BILL_SHARE = 0.17;
const CLAIM_SHARE = 0.06;

/** The smallest ledger the volume plan can hit exactly: every cell still gets its documents. */
export const minJournalLines = (months: number): number => months * 600;

export function planVolumes(journalLines: number, horizon: Horizon): Volumes {
  const entityMonths = horizon.months.length * ENTITIES.length;
  const variable = Math.max(0, journalLines - STRUCTURAL_LINES_PER_ENTITY_MONTH * entityMonths - OPENING_LINES_PER_ENTITY * ENTITIES.length);
  const expected = SALES_LINES.map((line) => horizon.months.map((mo) => expectedRevenue(line, mo)));
  const grand = expected.flat().reduce((s, v) => s + v, 0);
  const entityShare = (entity: EntityCode, month: number): number =>
    SALES_LINES.reduce((s, l, i) => (l.entity === entity ? s + expected[i]![month]! : s), 0) / grand;
  const invoices = (INVOICE_SHARE * variable) / LINES_PER_INVOICE;
  const bills = (BILL_SHARE * variable) / LINES_PER_BILL;
  const claims = (CLAIM_SHARE * variable) / LINES_PER_CLAIM;
  return {
    invoices: (line, month) => Math.max(1, Math.round((invoices * expected[line]![month]!) / grand)),
    materialBills: (entity, month) => Math.max(MATERIALS.length, Math.round(0.7 * bills * entityShare(entity, month))),
    serviceBills: (entity, month) => Math.max(salesDepartmentsOf(entity).length + 1, Math.round(0.3 * bills * entityShare(entity, month))),
    claims: (entity, month) => Math.max(salesDepartmentsOf(entity).length + 2, Math.round(claims * entityShare(entity, month))),
  };
}
