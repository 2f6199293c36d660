import { businessDay, type Horizon } from './horizon';
import type { Doc, DocPrefix, Journal } from './journal';
import type { EntityCode, MasterData } from './master';
import type { Plant } from './planted';
import type { Rng } from './random';
import type { Volumes } from './volumes';

/** Sub-ledger documents; each one is booked by exactly one journal entry that carries it. */
export interface Invoice {
  doc: Doc;
  day: number;
  dueDay: number;
  entity: EntityCode;
  department: string;
  customer: string;
  product: string;
  quantity: number;
  net: number;
  vat: number;
}

export interface Receipt {
  doc: Doc;
  day: number;
  entity: EntityCode;
  department: string;
  customer: string;
  /** Null for collections of the opening receivables, which predate the data. */
  invoice: Invoice | null;
  cents: number;
}

export interface Bill {
  doc: Doc;
  day: number;
  dueDay: number;
  entity: EntityCode;
  department: string;
  supplier: string;
  account: string;
  /** The material bought, or null for services. */
  item: string | null;
  net: number;
  vat: number;
}

export interface Payment {
  doc: Doc;
  day: number;
  entity: EntityCode;
  department: string | null;
  supplier: string;
  /** Null for payments of the opening payables. */
  bill: Bill | null;
  cents: number;
}

export interface Books {
  journal: Journal;
  invoices: Invoice[];
  receipts: Receipt[];
  bills: Bill[];
  payments: Payment[];
}

/** Everything one month's simulation reads and writes. */
export interface Sim {
  horizon: Horizon;
  /** The documents stream: dates, customers, splits. */
  rng: Rng;
  master: MasterData;
  plant: Plant;
  /** Cents per sales line (index into SALES_LINES) and month. */
  revenue: readonly (readonly number[])[];
  volumes: Volumes;
  books: Books;
  /** VAT payable raised per `entity|month` (output less input), for the surcharges. */
  vat: Map<string, number>;
}

export const newDoc = (prefix: DocPrefix): Doc => ({ prefix, serial: 0, id: '', modifiedAt: '' });

export function addVat(sim: Sim, entity: EntityCode, month: number, payable: number): void {
  const key = `${entity}|${month}`;
  sim.vat.set(key, (sim.vat.get(key) ?? 0) + payable);
}

/** A random weekday of the month (weekends move to the Monday, or back to Friday at month end). */
export function workdayOf(sim: Sim, month: number): number {
  const mo = sim.horizon.months[month]!;
  const day = businessDay(mo.firstDay + sim.rng.int(0, mo.lastDay - mo.firstDay));
  return day <= mo.lastDay ? day : day - 3;
}
