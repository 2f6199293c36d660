import { AppError } from '../../core/errors';
import type { Horizon } from './horizon';
import { ENTITIES, type EntityCode } from './master';

export type Cashflow = 'operating' | 'investing' | 'financing';
export type MovementType = 'opening' | 'receipt' | 'issue' | 'production' | 'shipment' | 'writeDown';

/** What an inventory line moved, so the inventory dataset is the ledger's 1403/1405 lines with quantities. */
export interface StockMove {
  item: string;
  kind: 'material' | 'product';
  type: MovementType;
  quantity: number;
}

/** One journal line in integer cents, debit positive, as the simulation writes it. */
export interface LineInput {
  account: string;
  cents: number;
  department?: string;
  product?: string;
  customer?: string;
  supplier?: string;
  cashflow?: Cashflow;
  stock?: StockMove;
}

/**
 * A booked line: every field present, so all lines share one shape and the passes over hundreds
 * of thousands of them stay monomorphic (measured: a third of the generation time otherwise).
 */
export interface Line {
  account: string;
  cents: number;
  department: string | null;
  product: string | null;
  customer: string | null;
  supplier: string | null;
  cashflow: Cashflow | null;
  stock: StockMove | null;
}

const toLine = (l: LineInput): Line => ({
  account: l.account,
  cents: l.cents,
  department: l.department ?? null,
  product: l.product ?? null,
  customer: l.customer ?? null,
  supplier: l.supplier ?? null,
  cashflow: l.cashflow ?? null,
  stock: l.stock ?? null,
});

export type DocPrefix = 'INV' | 'RCP' | 'BILL' | 'PAY';

/** A source document (invoice, receipt…); its id and stamp are given once all entries are in date order. */
export interface Doc {
  prefix: DocPrefix;
  /** 1-based position among the documents of its kind in date order; 0 while not booked. */
  serial: number;
  id: string;
  modifiedAt: string;
}

export interface Entry {
  day: number;
  entity: EntityCode;
  lines: Line[];
  doc: Doc | null;
  /** Creation order: the tie-break that makes the date sort, and so every id, deterministic. */
  seq: number;
  /** Expense claims: their debit can be itemised into more lines without changing any total. */
  itemised: boolean;
}

const ENTITY_INDEX = new Map(ENTITIES.map((e, i) => [e.code, i] as const));
export const entityIndex = (entity: EntityCode): number => ENTITY_INDEX.get(entity)!;

/**
 * The general ledger being simulated. Every entry must balance to the cent; entries dated after the
 * horizon (a receipt the data does not reach) are not booked. Keeps the balances and monthly profit
 * the simulation steers by, per entity in typed arrays: a string key per line would be garbage.
 */
export class Journal {
  readonly entries: Entry[] = [];
  private readonly balances = new Map<string, Float64Array>();
  /** Finished goods per product: the only account the simulation reads per product. */
  private readonly stock = new Map<string, Float64Array>();
  private readonly profit: Float64Array;

  constructor(private readonly horizon: Horizon) {
    this.profit = new Float64Array(horizon.months.length * ENTITIES.length);
  }

  /** Books the entry; returns false when it falls after the horizon. */
  post(entity: EntityCode, day: number, input: readonly LineInput[], options: { doc?: Doc; itemised?: boolean } = {}): boolean {
    if (day > this.horizon.lastDay) return false;
    const kept: Line[] = [];
    for (const l of input) if (l.cents !== 0) kept.push(toLine(l));
    if (kept.length === 0) return false;
    if (sumCents(kept) !== 0) throw new AppError('internal', { detail: `demo ERP: unbalanced entry for ${entity} on day ${day} (${sumCents(kept)} cents)` });
    const e = entityIndex(entity);
    const profitAt = this.horizon.monthOf(day) * ENTITIES.length + e;
    for (const l of kept) {
      bump(this.balances, l.account, e, l.cents);
      if (l.account === '1405' && l.product !== null) bump(this.stock, l.product, e, l.cents);
      // Income positive: a credit on a profit-and-loss account raises profit before tax.
      if (l.account.startsWith('6') && !l.account.startsWith('6801')) this.profit[profitAt]! -= l.cents;
    }
    this.entries.push({ day, entity, lines: kept, doc: options.doc ?? null, seq: this.entries.length, itemised: options.itemised ?? false });
    return true;
  }

  /** Balance of an account over everything booked so far, debit positive. */
  balance(entity: EntityCode, account: string): number {
    return this.balances.get(account)?.[entityIndex(entity)] ?? 0;
  }

  /** Finished goods (1405) of one product. */
  stockOf(entity: EntityCode, product: string): number {
    return this.stock.get(product)?.[entityIndex(entity)] ?? 0;
  }

  /** Profit before income tax of one month, in cents. */
  monthProfit(entity: EntityCode, month: number): number {
    return this.profit[month * ENTITIES.length + entityIndex(entity)]!;
  }
}

function bump(map: Map<string, Float64Array>, key: string, entity: number, cents: number): void {
  let row = map.get(key);
  if (!row) {
    row = new Float64Array(ENTITIES.length);
    map.set(key, row);
  }
  row[entity]! += cents;
}

export const sumCents = (lines: ReadonlyArray<{ cents: number }>): number => lines.reduce((s, l) => s + l.cents, 0);
