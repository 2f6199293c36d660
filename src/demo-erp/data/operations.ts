import { addVat, workdayOf, type Sim } from './books';
import { businessDay } from './horizon';
import { sumCents, type LineInput } from './journal';
import { MATERIALS, SALES_LINES, productById, salesDepartmentsOf, type EntityCode } from './master';
import { cents, costRatioOf, expectedDepartmentRevenue, expectedRevenue, INCOME_TAX_RATE, scaleOf, SURCHARGE_RATE, VAT_GOODS, wageIndex } from './plan';
import { splitCents } from './random';

const LABOUR_SHARE = 0.18;
const UTILITIES_SHARE = 0.05;
/** Finished goods kept in stock, in months of next month's cost of sales. */
const FINISHED_STOCK_MONTHS = 1.3;
const bank = (c: number, cashflow: 'operating' | 'investing' | 'financing', department?: string): LineInput =>
  department === undefined ? { account: '1002', cents: c, cashflow } : { account: '1002', cents: c, cashflow, department };

/** Last month's payroll (10th) and taxes (15th): VAT and surcharges monthly, income tax after each quarter. */
export function settle(sim: Sim, entity: EntityCode, month: number): void {
  const { journal } = sim.books;
  const payroll = -journal.balance(entity, '2211');
  journal.post(entity, sim.horizon.dayIn(month, 10), [{ account: '2211', cents: payroll }, bank(-payroll, 'operating')]);
  const vat = Math.max(0, -journal.balance(entity, '222101'));
  const surcharges = Math.max(0, -journal.balance(entity, '222103'));
  const quarterStart = sim.horizon.months[month]!.month % 3 === 1;
  const incomeTax = quarterStart ? Math.max(0, -journal.balance(entity, '222102')) : 0;
  journal.post(entity, businessDay(sim.horizon.dayIn(month, 15)), [
    { account: '222101', cents: vat },
    { account: '222103', cents: surcharges },
    { account: '222102', cents: incomeTax },
    bank(-(vat + surcharges + incomeTax), 'operating', 'Finance'),
  ]);
}

/** The planted write-down: part of one product's finished goods goes to cost of sales. */
export function writeDown(sim: Sim, entity: EntityCode, month: number): void {
  const w = sim.plant.writeDown;
  if (w.entity !== entity || w.month !== month) return;
  const amount = Math.round(sim.books.journal.stockOf(entity, w.product) * w.share);
  sim.books.journal.post(entity, sim.horizon.dayIn(month, 31), [
    { account: '6401', cents: amount, department: 'Production', product: w.product },
    { account: '1405', cents: -amount, department: 'Production', product: w.product, stock: { item: w.product, kind: 'product', type: 'writeDown', quantity: 0 } },
  ]);
}

/**
 * Month-end production: each product is brought back to 1.3 months of next month's expected cost of
 * sales (never below 30% of it, the plant does not stop), from materials, labour, plant depreciation and utilities.
 */
export function produce(sim: Sim, entity: EntityCode, month: number): void {
  const { journal } = sim.books;
  const next = sim.horizon.months[Math.min(month + 1, sim.horizon.months.length - 1)]!;
  const lines: LineInput[] = [];
  let produced = 0;
  for (const product of new Set(SALES_LINES.filter((l) => l.entity === entity).map((l) => l.product))) {
    const nextCost = SALES_LINES.filter((l) => l.entity === entity && l.product === product).reduce((s, l) => s + expectedRevenue(l, next) * costRatioOf(product, next.index), 0);
    const gap = cents(FINISHED_STOCK_MONTHS * nextCost) - journal.stockOf(entity, product);
    const amount = Math.max(cents(0.3 * nextCost), Math.round(gap * sim.rng.uniform(0.92, 1.05)));
    const p = productById.get(product)!;
    const quantity = Math.max(1, Math.round(amount / 100 / (p.listPrice * p.costRatio)));
    lines.push({ account: '1405', cents: amount, department: 'Production', product, stock: { item: product, kind: 'product', type: 'production', quantity } });
    produced += amount;
  }
  const labour = Math.round(produced * LABOUR_SHARE);
  const utilities = Math.round(produced * UTILITIES_SHARE);
  const depreciation = Math.round((journal.balance(entity, '1601') * 0.75) / 120);
  const materials = produced - labour - utilities - depreciation;
  const shares = MATERIALS.map((m) => Math.round(materials * m.bomShare));
  shares[0]! += materials - shares.reduce((s, c) => s + c, 0);
  MATERIALS.forEach((m, i) => {
    const c = shares[i]!;
    lines.push({ account: '1403', cents: -c, department: 'Production', stock: { item: m.id, kind: 'material', type: 'issue', quantity: -Math.round(c / 100 / m.unitPrice) } });
  });
  lines.push({ account: '2211', cents: -labour, department: 'Production' }, { account: '1602', cents: -depreciation }, bank(-utilities, 'operating', 'Production'));
  journal.post(entity, sim.horizon.dayIn(month, 31), lines);
}

const spikeOf = (sim: Sim, department: string, month: number): number =>
  sim.plant.sellingSpike.department === department && sim.plant.sellingSpike.month === month ? sim.plant.sellingSpike.factor : 1;

/** Month-end payroll accrual for sales, administration and finance (production labour goes into stock). */
export function accruePayroll(sim: Sim, entity: EntityCode, month: number): void {
  const mo = sim.horizon.months[month]!;
  const w = wageIndex(month) * scaleOf(entity);
  const lines: LineInput[] = salesDepartmentsOf(entity).map((department) => ({
    account: '6601',
    cents: cents(0.028 * expectedDepartmentRevenue(department, mo) * wageIndex(month) * sim.rng.uniform(0.97, 1.03) * spikeOf(sim, department, month)),
    department,
  }));
  lines.push({ account: '6602', cents: cents(1_050_000 * w * sim.rng.uniform(0.98, 1.02)), department: 'Admin' });
  lines.push({ account: '6602', cents: cents(380_000 * w * sim.rng.uniform(0.98, 1.02)), department: 'Finance' });
  lines.push({ account: '2211', cents: -sumCents(lines) });
  sim.books.journal.post(entity, mo.lastDay, lines);
}

/** Staff expense claims paid from the bank: selling costs per sales department, office costs for admin and finance. */
export function payClaims(sim: Sim, entity: EntityCode, month: number): void {
  const mo = sim.horizon.months[month]!;
  const s = scaleOf(entity);
  const spend = [
    ...salesDepartmentsOf(entity).map((department) => ({
      department,
      account: '6601',
      total: cents(0.019 * expectedDepartmentRevenue(department, mo) * (1 + sim.rng.noise(0.08)) * spikeOf(sim, department, month)),
    })),
    { department: 'Admin', account: '6602', total: cents(520_000 * s * (1 + sim.rng.noise(0.06))) },
    { department: 'Finance', account: '6602', total: cents(90_000 * s * (1 + sim.rng.noise(0.1))) },
  ];
  const per = Math.max(1, Math.round(sim.volumes.claims(entity, month) / spend.length));
  for (const { department, account, total } of spend) {
    for (const c of splitCents(sim.rng, total, per)) {
      sim.books.journal.post(entity, workdayOf(sim, month), [{ account, cents: c, department }, bank(-c, 'operating', department)], { itemised: true });
    }
  }
}

/** Depreciation of office assets and amortisation (month end); interest at 3.6% / 4.2% and bank charges (21st). */
export function chargeAssetsAndInterest(sim: Sim, entity: EntityCode, month: number): void {
  const { journal } = sim.books;
  const officeDepreciation = Math.round((journal.balance(entity, '1601') * 0.25) / 120);
  const amortisation = Math.round(journal.balance(entity, '1701') / 120);
  journal.post(entity, sim.horizon.dayIn(month, 31), [
    { account: '660201', cents: officeDepreciation, department: 'Admin' },
    { account: '1602', cents: -officeDepreciation },
    { account: '660202', cents: amortisation, department: 'Admin' },
    { account: '1702', cents: -amortisation },
  ]);
  const interest = Math.round((-journal.balance(entity, '2001') * 0.036 + -journal.balance(entity, '2501') * 0.042) / 12);
  const charges = cents(6_000 * scaleOf(entity) * sim.rng.uniform(0.8, 1.2));
  journal.post(entity, businessDay(sim.horizon.dayIn(month, 21)), [
    { account: '660301', cents: interest, department: 'Finance' },
    { account: '660302', cents: charges, department: 'Finance' },
    bank(-interest, 'financing', 'Finance'),
    bank(-charges, 'operating', 'Finance'),
  ]);
}

/** Scrap sales (26th), penalties now and then, capex in March and September and sometimes in between. */
export function occasional(sim: Sim, entity: EntityCode, month: number): void {
  const { journal } = sim.books;
  const { rng } = sim;
  const mo = sim.horizon.months[month]!;
  const s = scaleOf(entity);
  const revenue = SALES_LINES.reduce((sum, l) => (l.entity === entity ? sum + expectedRevenue(l, mo) : sum), 0);
  const scrap = cents(0.004 * revenue * rng.uniform(0.6, 1.4));
  const scrapVat = Math.round(scrap * VAT_GOODS);
  journal.post(entity, businessDay(sim.horizon.dayIn(month, 26)), [
    bank(scrap + scrapVat, 'operating', 'Production'),
    { account: '6051', cents: -scrap, department: 'Production' },
    { account: '222101', cents: -scrapVat },
  ]);
  addVat(sim, entity, month, scrapVat);
  if (rng.chance(0.15)) {
    const c = cents(rng.uniform(20_000, 250_000) * s);
    journal.post(entity, workdayOf(sim, month), [{ account: '6711', cents: c, department: 'Admin' }, bank(-c, 'operating', 'Admin')]);
  }
  if (mo.month === 3 || mo.month === 9 || rng.chance(0.08)) {
    const c = cents(rng.uniform(6_000_000, 14_000_000) * s);
    journal.post(entity, businessDay(sim.horizon.dayIn(month, 16)), [{ account: '1601', cents: c, department: 'Production' }, bank(-c, 'investing', 'Production')]);
  }
}

/** After-tax profit of the running and the previous calendar year, for the June dividend. */
export interface YearProfit {
  current: number;
  last: number;
}

/**
 * Month end: surcharges on the month's net VAT, income tax at 25% of the month's profit before tax
 * (a credit in a loss month), a June dividend of 60% of last year's profit, a December loan instalment.
 */
export function closeMonth(sim: Sim, entity: EntityCode, month: number, year: YearProfit): void {
  const { journal } = sim.books;
  const mo = sim.horizon.months[month]!;
  const surcharge = Math.round(Math.max(0, sim.vat.get(`${entity}|${month}`) ?? 0) * SURCHARGE_RATE);
  journal.post(entity, mo.lastDay, [{ account: '6403', cents: surcharge }, { account: '222103', cents: -surcharge }]);
  const profit = journal.monthProfit(entity, month);
  const tax = Math.round(profit * INCOME_TAX_RATE);
  journal.post(entity, mo.lastDay, [{ account: '6801', cents: tax }, { account: '222102', cents: -tax }]);
  year.current += profit - tax;
  if (mo.month === 6 && year.last > 0) {
    const c = Math.round(year.last * 0.6);
    journal.post(entity, businessDay(sim.horizon.dayIn(month, 26)), [{ account: '4104', cents: c }, bank(-c, 'financing', 'Finance')]);
  }
  if (mo.month === 12) {
    const c = Math.min(cents(5_000_000 * scaleOf(entity)), -journal.balance(entity, '2501'));
    journal.post(entity, businessDay(sim.horizon.dayIn(month, 28)), [{ account: '2501', cents: c, department: 'Finance' }, bank(-c, 'financing', 'Finance')]);
    year.last = year.current;
    year.current = 0;
  }
}
