import type { Books, Sim } from './books';
import type { DatasetName, ErpRecord } from './datasets';
import { budgetRecords, itemiseClaims, toRecords } from './finalize';
import { horizonOf, type Horizon } from './horizon';
import { Journal } from './journal';
import { ENTITIES, makeMasterData } from './master';
import { masterRecords } from './master-records';
import { openBooks } from './opening';
import { accruePayroll, chargeAssetsAndInterest, closeMonth, occasional, payClaims, produce, settle, writeDown, type YearProfit } from './operations';
import { budgetPlan, revenuePlan } from './plan';
import { describePlant, plantFor, type PlantedAnomaly } from './planted';
import { buyMaterials, buyServices } from './purchases';
import { createRng, streamSeed } from './random';
import { sellMonth } from './sales';
import { planVolumes } from './volumes';

export interface DemoDataOptions {
  seed: number;
  /** Journal lines wanted; met exactly from `minJournalLines(months)` up. */
  journalLines: number;
  months: number;
  /** `YYYY-MM` */
  firstMonth: string;
}

export interface DemoData {
  options: DemoDataOptions;
  datasets: Readonly<Record<DatasetName, readonly ErpRecord[]>>;
  planted: readonly PlantedAnomaly[];
  /** The latest `modifiedAt` in the data: the logical clock of later changes starts after it. */
  watermark: string;
}

/** Independent random streams, so the figures do not move when only the volume of documents does. */
const STREAM = { master: 1, plan: 2, documents: 3, itemise: 4 } as const;

/** Simulates the group's books month by month and returns every dataset. Deterministic in its options. */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const horizon = horizonFrom(options.firstMonth, options.months);
  const rng = (purpose: number) => createRng(streamSeed(options.seed, purpose));
  const master = makeMasterData(rng(STREAM.master));
  const plant = plantFor(options.months);
  const books: Books = { journal: new Journal(horizon), invoices: [], receipts: [], bills: [], payments: [] };
  const sim: Sim = {
    horizon,
    rng: rng(STREAM.documents),
    master,
    plant,
    revenue: revenuePlan(rng(STREAM.plan), horizon, plant),
    volumes: planVolumes(options.journalLines, horizon),
    books,
    vat: new Map(),
  };
  for (const e of ENTITIES) openBooks(sim, e.code);
  const years = new Map<string, YearProfit>(ENTITIES.map((e) => [e.code, { current: 0, last: 0 }]));
  for (const mo of horizon.months) {
    for (const e of ENTITIES) simulateMonth(sim, e.code, mo.index, years.get(e.code)!);
  }
  itemiseClaims(books.journal.entries, options.journalLines, rng(STREAM.itemise));
  const transactions = toRecords(books.journal.entries, books, horizon);
  // Budgets and master data are stamped before the first posting, so the journal holds the latest stamp.
  const datasets: Record<DatasetName, readonly ErpRecord[]> = {
    ...transactions.records,
    budget: budgetRecords(budgetPlan(horizon), horizon),
    ...masterRecords(master, `${horizon.iso(horizon.firstDay - 1)}T00:00:00.000Z`),
  };
  return { options: { ...options }, datasets, planted: plantedAnomalies(options.months, options.firstMonth), watermark: transactions.latest };
}

/** What a horizon of `months` from `firstMonth` has planted in it; the same whatever the seed or size. */
export function plantedAnomalies(months: number, firstMonth: string): PlantedAnomaly[] {
  const horizon = horizonFrom(firstMonth, months);
  return describePlant(plantFor(months), (i) => horizon.months[Math.min(i, months - 1)]!.key);
}

function horizonFrom(firstMonth: string, months: number): Horizon {
  const [year, month] = firstMonth.split('-').map(Number) as [number, number];
  return horizonOf(year, month, months);
}

function simulateMonth(sim: Sim, entity: (typeof ENTITIES)[number]['code'], month: number, year: YearProfit): void {
  settle(sim, entity, month);
  buyMaterials(sim, entity, month);
  buyServices(sim, entity, month);
  sellMonth(sim, entity, month);
  writeDown(sim, entity, month);
  produce(sim, entity, month);
  accruePayroll(sim, entity, month);
  payClaims(sim, entity, month);
  chargeAssetsAndInterest(sim, entity, month);
  occasional(sim, entity, month);
  closeMonth(sim, entity, month, year);
}
