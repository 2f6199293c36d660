import { CHART_OF_ACCOUNTS } from '../../core/kpi';
import type { Books } from './books';
import type { ErpRecord, TransactionDataset } from './datasets';
import type { Horizon } from './horizon';
import type { Doc, Entry } from './journal';
import { ENTITIES } from './master';
import type { BudgetLine } from './plan';
import { splitCents, type Rng } from './random';

export const ACCOUNT_NAME = new Map(CHART_OF_ACCOUNTS.map((a) => [a.code, a.name['en-US']] as const));
const ENTITY_RANK = new Map(ENTITIES.map((e, i) => [e.code, i] as const));
const BANK_ACCOUNT = new Map(ENTITIES.map((e) => [e.code, e.bankAccount] as const));

const money = (c: number): number => c / 100;
// Template literals rather than String(): see the note on global lookups in random.ts.
const pad = (n: number, width: number): string => `${n}`.padStart(width, '0');
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * Itemises expense claims until the journal has exactly `target` lines: splitting a claim's debit
 * into more items changes no total, so the size of the ledger never moves a figure. Returns the
 * lines still missing (0 unless there were no claims to itemise) or the surplus (negative).
 */
export function itemiseClaims(entries: Entry[], target: number, rng: Rng): number {
  const claims = entries.filter((e) => e.itemised);
  let missing = target - entries.reduce((n, e) => n + e.lines.length, 0);
  if (missing <= 0 || claims.length === 0) return missing;
  const base = Math.floor(missing / claims.length);
  let extra = missing % claims.length;
  for (const claim of claims) {
    const [debit, ...rest] = claim.lines;
    const items = Math.min(1 + base + (extra > 0 ? 1 : 0), Math.abs(debit!.cents));
    extra -= 1;
    missing -= items - 1;
    claim.lines = [...splitCents(rng, debit!.cents, items).map((c) => ({ ...debit!, cents: c })), ...rest];
  }
  return missing;
}

export type TransactionRecords = Record<Exclude<TransactionDataset, 'budget'>, ErpRecord[]>;

/** Date, then entity, then creation order, packed into one number so a typed-array sort does the work. */
function inDateOrder(entries: readonly Entry[], horizon: Horizon): Entry[] {
  const SEQ = 2 ** 22;
  const keys = new Float64Array(entries.length);
  entries.forEach((e, i) => {
    keys[i] = ((e.day - horizon.firstDay) * ENTITIES.length + ENTITY_RANK.get(e.entity)!) * SEQ + i;
  });
  keys.sort();
  return Array.from(keys, (k) => entries[k % SEQ]!);
}

/**
 * Puts the entries in date order and gives every entry, line and document its id, so ids follow
 * posting dates; then writes the journal, the bank and inventory lines it holds, and the documents.
 * Also returns the latest stamp written.
 */
export function toRecords(entries: readonly Entry[], books: Books, horizon: Horizon): { records: TransactionRecords; latest: string } {
  const out: TransactionRecords = { gl: [], cash: [], inventory: [], 'ar-invoices': [], 'ar-receipts': [], 'ap-bills': [], 'ap-payments': [] };
  const docCount = { INV: 0, RCP: 0, BILL: 0, PAY: 0 };
  let latest = '';
  inDateOrder(entries, horizon).forEach((entry, n) => {
    const entryId = `JE-${pad(n + 1, 6)}`;
    const date = horizon.iso(entry.day);
    // Entered a day or three after the posting date, during office hours in China (UTC+8).
    const modifiedAt = `${horizon.iso(entry.day + 1 + (n % 3))}T${pad2(1 + (n % 9))}:${pad2(n % 60)}:00.000Z`;
    if (modifiedAt > latest) latest = modifiedAt;
    if (entry.doc) {
      entry.doc.serial = ++docCount[entry.doc.prefix];
      entry.doc.id = `${entry.doc.prefix}-${pad(entry.doc.serial, 7)}`;
      entry.doc.modifiedAt = modifiedAt;
    }
    const reference = entry.doc?.id ?? entryId;
    for (const l of entry.lines) {
      out.gl.push({
        id: `JL-${pad(out.gl.length + 1, 7)}`,
        entryId,
        postingDate: date,
        account: l.account,
        accountName: ACCOUNT_NAME.get(l.account)!,
        entity: entry.entity,
        department: l.department,
        product: l.product,
        customer: l.customer,
        supplier: l.supplier,
        cashflow: l.cashflow,
        debit: l.cents > 0 ? money(l.cents) : 0,
        credit: l.cents < 0 ? money(-l.cents) : 0,
        amount: money(l.cents),
        currency: 'CNY',
        modifiedAt,
      });
      if (l.account === '1002') {
        out.cash.push({
          id: `BT-${pad(out.cash.length + 1, 7)}`,
          valueDate: date,
          entity: entry.entity,
          department: l.department,
          bankAccount: BANK_ACCOUNT.get(entry.entity)!,
          counterparty: l.customer ?? l.supplier,
          cashflow: l.cashflow,
          amount: money(l.cents),
          currency: 'CNY',
          reference,
          modifiedAt,
        });
      }
      if (l.stock) {
        out.inventory.push({
          id: `MV-${pad(out.inventory.length + 1, 7)}`,
          movementDate: date,
          entity: entry.entity,
          department: l.department ?? 'Production',
          item: l.stock.item,
          itemKind: l.stock.kind,
          movementType: l.stock.type,
          quantity: l.stock.quantity,
          amount: money(l.cents),
          currency: 'CNY',
          reference,
          modifiedAt,
        });
      }
    }
  });
  writeDocuments(books, horizon, out);
  return { records: out, latest };
}

/** The booked documents in id order: placed by serial, no sort needed. */
function byId<T extends { doc: Doc }>(docs: readonly T[]): T[] {
  const booked = docs.filter((d) => d.doc.serial > 0);
  const out = new Array<T>(booked.length);
  for (const d of booked) out[d.doc.serial - 1] = d;
  return out;
}

function writeDocuments(books: Books, horizon: Horizon, out: TransactionRecords): void {
  const iso = horizon.iso;
  for (const d of byId(books.invoices)) {
    out['ar-invoices'].push({
      id: d.doc.id, invoiceDate: iso(d.day), dueDate: iso(d.dueDay), entity: d.entity, department: d.department, customer: d.customer, product: d.product, quantity: d.quantity,
      netAmount: money(d.net), vatAmount: money(d.vat), amount: money(d.net + d.vat), currency: 'CNY', modifiedAt: d.doc.modifiedAt,
    });
  }
  for (const d of byId(books.receipts)) {
    out['ar-receipts'].push({
      id: d.doc.id, receiptDate: iso(d.day), entity: d.entity, department: d.department, customer: d.customer, invoiceId: d.invoice?.doc.id ?? null,
      amount: money(d.cents), currency: 'CNY', modifiedAt: d.doc.modifiedAt,
    });
  }
  for (const d of byId(books.bills)) {
    out['ap-bills'].push({
      id: d.doc.id, billDate: iso(d.day), dueDate: iso(d.dueDay), entity: d.entity, department: d.department, supplier: d.supplier, account: d.account, item: d.item,
      netAmount: money(d.net), vatAmount: money(d.vat), amount: money(d.net + d.vat), currency: 'CNY', modifiedAt: d.doc.modifiedAt,
    });
  }
  for (const d of byId(books.payments)) {
    out['ap-payments'].push({
      id: d.doc.id, paymentDate: iso(d.day), entity: d.entity, department: d.department, supplier: d.supplier, billId: d.bill?.doc.id ?? null,
      amount: money(d.cents), currency: 'CNY', modifiedAt: d.doc.modifiedAt,
    });
  }
}

/** Budget lines in month, entity, department, account order; each year's budget is approved in mid-December before it. */
export function budgetRecords(lines: readonly BudgetLine[], horizon: Horizon): ErpRecord[] {
  return lines.map((b, i) => {
    const mo = horizon.months[b.month]!;
    return {
      id: `BUD-${pad(i + 1, 6)}`,
      period: mo.key,
      entity: b.entity,
      department: b.department,
      account: b.account,
      accountName: ACCOUNT_NAME.get(b.account)!,
      amount: money(b.cents),
      currency: 'CNY',
      modifiedAt: `${mo.year - 1}-12-15T02:00:00.000Z`,
    };
  });
}
