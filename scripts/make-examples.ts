/**
 * Writes the demo data set to examples/: the standard KPI catalog, a manufacturing group's journal
 * (2024-01..2026-12), its monthly budget and rolling revenue forecast, and a README whose headline
 * figures are computed by the engine from those very files. Deterministic: a seeded PRNG and no
 * clock, so re-running produces byte-identical files. Run: npx tsx scripts/make-examples.ts
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateCatalog, tableFromRows, type Evaluation, type ObservationRow, type ObservationTable } from '../src/core/engine';
import { kpiCatalogJson, KPI_LIBRARY } from '../src/core/kpi';
import { daysFromCivil, daysInMonth } from '../src/core/periods';
import { prng } from '../src/core/testing/prng';
import { openingPlan } from '../src/demo-erp/data/opening-plan';
import { buildDemoWorkbook, DEMO_WORKBOOK_FILE } from '../src/workbench/demo-workbook';

const OUT = join(__dirname, '..', 'examples');
const SEED = 20240101;
const FIRST_YEAR = 2024;
const MONTHS = 36;

// ── Randomness ─────────────────────────────────────────────────────────────────────────────────

const rand = prng(SEED);
const uniform = (lo: number, hi: number): number => lo + (hi - lo) * rand();
/** Roughly normal (Irwin–Hall of 4), mean 0, standard deviation `sd`. */
const noise = (sd: number): number => (rand() + rand() + rand() + rand() - 2) * sd * Math.sqrt(3);

// ── The group ──────────────────────────────────────────────────────────────────────────────────

interface SalesLine {
  dept: string;
  product: string;
  /** Monthly revenue in CNY at January 2024 prices, before seasonality. */
  base: number;
}
interface Entity {
  code: string;
  scale: number;
  lines: SalesLine[];
}

const ENTITIES: Entity[] = [
  {
    code: 'SH01',
    scale: 1,
    lines: [
      { dept: 'East-1', product: 'PUMP-A', base: 9_200_000 },
      { dept: 'East-1', product: 'PUMP-B', base: 7_400_000 },
      { dept: 'East-2', product: 'PUMP-B', base: 6_100_000 },
      { dept: 'East-2', product: 'VALVE-S', base: 8_300_000 },
    ],
  },
  {
    code: 'SZ01',
    scale: 0.8,
    lines: [
      { dept: 'North-1', product: 'VALVE-S', base: 5_600_000 },
      { dept: 'North-1', product: 'VALVE-L', base: 6_900_000 },
      { dept: 'South-1', product: 'VALVE-L', base: 4_800_000 },
      { dept: 'South-1', product: 'MOTOR-X', base: 7_700_000 },
    ],
  },
  {
    code: 'CD01',
    scale: 0.55,
    lines: [
      { dept: 'West-1', product: 'MOTOR-X', base: 5_300_000 },
      { dept: 'West-1', product: 'SENSOR-Q', base: 4_100_000 },
      { dept: 'West-1', product: 'PUMP-A', base: 3_600_000 },
    ],
  },
];

/** Cost of sales as a share of revenue, per product. */
const COST_RATIO: Record<string, number> = { 'PUMP-A': 0.66, 'PUMP-B': 0.7, 'VALVE-S': 0.62, 'VALVE-L': 0.68, 'MOTOR-X': 0.72, 'SENSOR-Q': 0.55 };
/** Spring Festival dip in February, quarter-end pushes, a strong Q4. */
const SEASON = [0.93, 0.72, 1.03, 0.97, 1.0, 1.07, 0.96, 0.95, 1.05, 0.99, 1.08, 1.22];
const GROWTH = 0.07;
const BUDGET_GROWTH = 0.1;
const VAT = 0.13;
const SURCHARGE = 0.12;
const INCOME_TAX = 0.25;

/** Planted anomalies, listed in the README so a reader can check FinPulse finds them. */
const ANOMALIES = {
  sellingSpike: { dept: 'East-2', month: '2026-08', factor: 1.6 },
  collectionStall: { dept: 'West-1', month: '2025-11', rate: 0.08 },
  copperShock: { product: 'MOTOR-X', month: '2026-04', extraCost: 0.09 },
};

// ── The journal ────────────────────────────────────────────────────────────────────────────────

interface Line {
  account: string;
  cents: number;
  department?: string;
  product?: string;
  cashflow?: 'operating' | 'investing' | 'financing';
}
interface Posted extends Line {
  date: string;
  entity: string;
}

const cents = (cny: number): number => Math.round(cny * 100);
const journal: Posted[] = [];
/** Running balances in cents by entity|account and entity|account|department, to drive the simulation. */
const balances = new Map<string, number>();
/** Finished goods per entity and product, to plan production. */
const stock = new Map<string, number>();
const balance = (entity: string, account: string, dept?: string): number => balances.get(dept === undefined ? `${entity}|${account}` : `${entity}|${account}|${dept}`) ?? 0;
const productStock = (entity: string, product: string): number => stock.get(`${entity}|${product}`) ?? 0;
const bump = (key: string, c: number): void => {
  balances.set(key, (balances.get(key) ?? 0) + c);
};

/** Posts one journal entry; it must balance to the cent. */
function post(entity: string, date: string, lines: Line[]): void {
  const kept = lines.filter((l) => l.cents !== 0);
  const total = kept.reduce((s, l) => s + l.cents, 0);
  if (total !== 0) throw new Error(`unbalanced entry ${entity} ${date}: ${total} cents`);
  for (const l of kept) {
    journal.push({ ...l, date, entity });
    bump(`${entity}|${l.account}`, l.cents);
    bump(`${entity}|${l.account}|${l.department ?? ''}`, l.cents);
    if (l.account === '1405' && l.product) stock.set(`${entity}|${l.product}`, productStock(entity, l.product) + l.cents);
    if (l.account.startsWith('6') && !l.account.startsWith('6801')) bump(`${entity}|pretax`, -l.cents);
  }
}

/** Cumulative profit before tax of an entity, in cents (income positive). */
const pretaxProfit = (entity: string): number => balances.get(`${entity}|pretax`) ?? 0;

const bank = (cashflow: Line['cashflow'], c: number, department?: string): Line => ({ account: '1002', cents: c, cashflow, ...(department ? { department } : {}) });
const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const monthKey = (y: number, m: number): string => `${y}-${String(m).padStart(2, '0')}`;

/** Expected (noise-free) revenue of a line in month t (0 = 2024-01). */
const trend = (line: SalesLine, t: number, growth: number): number => line.base * SEASON[t % 12]! * (1 + growth) ** (t / 12);

function openingBalances(e: Entity): void {
  const monthly = e.lines.reduce((sum, l) => sum + l.base, 0);
  const lines: Line[] = [
    ...openingPlan(e.scale, monthly),
    { account: '1403', cents: cents(0.55 * 0.68 * monthly), department: 'Production' },
    { account: '2202', cents: -cents(1.6 * (1 + VAT) * 0.7 * 0.68 * monthly) },
  ];
  const byDept = new Map<string, number>();
  for (const l of e.lines) byDept.set(l.dept, (byDept.get(l.dept) ?? 0) + l.base);
  for (const [dept, rev] of byDept) lines.push({ account: '1122', cents: cents(1.95 * (1 + VAT) * rev), department: dept });
  for (const l of e.lines) lines.push({ account: '1405', cents: cents(1.3 * COST_RATIO[l.product]! * l.base), department: 'Production', product: l.product });
  // Retained earnings balance the opening trial balance (a credit: equity is positive).
  const rest = lines.reduce((sum, l) => sum + l.cents, 0);
  if (rest <= 0) throw new Error('opening equity would be negative');
  lines.push({ account: '4104', cents: -rest });
  post(e.code, iso(FIRST_YEAR, 1, 1), lines);
}

interface YearState {
  lastYearProfit: number;
  yearProfit: number;
}

/** One entity's month being simulated. */
interface Month {
  e: Entity;
  t: number;
  m: number;
  key: string;
  /** ISO date of a day in the month (clamped to its last day). */
  d: (day: number) => string;
  depts: string[];
  /** Expected revenue of the month, for sizing purchases, scrap and cash limits. */
  revenue: number;
  outputVat: number;
  inputVat: number;
}

function simulateMonth(e: Entity, t: number, year: YearState): void {
  const y = FIRST_YEAR + Math.floor(t / 12);
  const m = (t % 12) + 1;
  const last = daysInMonth(y, m);
  const mo: Month = {
    e,
    t,
    m,
    key: monthKey(y, m),
    d: (day) => iso(y, m, Math.min(day, last)),
    depts: [...new Set(e.lines.map((l) => l.dept))],
    revenue: e.lines.reduce((sum, l) => sum + trend(l, t, GROWTH), 0),
    outputVat: 0,
    inputVat: 0,
  };
  const profitBefore = pretaxProfit(e.code);
  settle(mo);
  purchase(mo);
  produce(mo, sell(mo));
  payStaffAndSpend(mo);
  chargeAssetsAndInterest(mo);
  occasional(mo);
  closeMonth(mo, pretaxProfit(e.code) - profitBefore, year);
  manageCash(e, mo.revenue, mo.d(30));
}

/** Collections (5th), suppliers (8th), last month's payroll (10th), taxes (15th). */
function settle({ e, m, key, d, depts }: Month): void {
  for (const dept of depts) {
    const stalled = ANOMALIES.collectionStall.dept === dept && ANOMALIES.collectionStall.month === key;
    const rate = stalled ? ANOMALIES.collectionStall.rate : uniform(0.49, 0.56);
    const c = Math.round(balance(e.code, '1122', dept) * rate);
    post(e.code, d(5), [bank('operating', c, dept), { account: '1122', cents: -c, department: dept }]);
  }
  const ap = Math.round(-balance(e.code, '2202') * uniform(0.44, 0.5));
  post(e.code, d(8), [{ account: '2202', cents: ap }, bank('operating', -ap)]);
  const payroll = -balance(e.code, '2211');
  post(e.code, d(10), [{ account: '2211', cents: payroll }, bank('operating', -payroll)]);
  const vatDue = Math.max(0, -balance(e.code, '222101'));
  const surcharges = -balance(e.code, '222103');
  const incomeTaxDue = m % 3 === 1 ? Math.max(0, -balance(e.code, '222102')) : 0;
  post(e.code, d(15), [
    { account: '222101', cents: vatDue },
    { account: '222103', cents: surcharges },
    { account: '222102', cents: incomeTaxDue },
    bank('operating', -(vatDue + surcharges + incomeTaxDue)),
  ]);
}

/** Raw materials (3rd and 18th): this month's use plus a drift back to the target stock; input VAT. */
function purchase(mo: Month): void {
  const { e, d, revenue } = mo;
  const materialBuy = Math.max(0, 0.68 * 0.68 * revenue + 0.5 * (0.55 * 0.68 * revenue - balance(e.code, '1403') / 100));
  for (const [day, share] of [[3, 0.55], [18, 0.45]] as const) {
    const net = cents(materialBuy * share * uniform(0.95, 1.05));
    const vat = Math.round(net * VAT);
    mo.inputVat += vat;
    post(e.code, d(day), [{ account: '1403', cents: net, department: 'Production' }, { account: '222101', cents: vat }, { account: '2202', cents: -(net + vat) }]);
  }
}

/** Sales (25th, one voucher per department), scrap sales (26th), cost of sales (month end). Returns cost by product. */
function sell(mo: Month): Map<string, number> {
  const { e, t, key, d } = mo;
  const cogsLines: Line[] = [];
  const cogsByProduct = new Map<string, number>();
  for (const dept of mo.depts) {
    const credits: Line[] = [];
    let net = 0;
    for (const l of e.lines.filter((x) => x.dept === dept)) {
      const rev = cents(trend(l, t, GROWTH) * (1 + noise(0.05)));
      net += rev;
      credits.push({ account: '6001', cents: -rev, department: dept, product: l.product });
      const shock = ANOMALIES.copperShock.product === l.product && ANOMALIES.copperShock.month === key ? ANOMALIES.copperShock.extraCost : 0;
      const cost = Math.round(rev * (COST_RATIO[l.product]! + shock + noise(0.012)));
      cogsLines.push({ account: '6401', cents: cost, department: dept, product: l.product });
      cogsByProduct.set(l.product, (cogsByProduct.get(l.product) ?? 0) + cost);
    }
    const vat = Math.round(net * VAT);
    mo.outputVat += vat;
    post(e.code, d(25), [{ account: '1122', cents: net + vat, department: dept }, ...credits, { account: '222101', cents: -vat }]);
  }
  const scrap = cents(0.004 * mo.revenue * uniform(0.6, 1.4));
  const scrapVat = Math.round(scrap * VAT);
  mo.outputVat += scrapVat;
  post(e.code, d(26), [bank('operating', scrap + scrapVat, 'Production'), { account: '6051', cents: -scrap, department: 'Production' }, { account: '222101', cents: -scrapVat }]);
  for (const [product, c] of cogsByProduct) cogsLines.push({ account: '1405', cents: -c, department: 'Production', product });
  post(e.code, d(31), cogsLines);
  return cogsByProduct;
}

/**
 * Production (month end): materials, labour, plant depreciation and utilities into finished goods.
 * Each product makes what it sold plus half the gap to 1.3 months of next month's cost of sales.
 */
function produce({ e, t, d }: Month, soldCost: ReadonlyMap<string, number>): void {
  const plantDepreciation = Math.round((balance(e.code, '1601') * 0.75) / 120);
  const production: Line[] = [];
  let produced = 0;
  for (const [product, c] of soldCost) {
    const nextMonthCost = (c / SEASON[t % 12]!) * SEASON[(t + 1) % 12]!;
    const gap = 1.3 * nextMonthCost - (productStock(e.code, product) + c);
    const amount = Math.max(0, Math.round(c + 0.5 * gap));
    production.push({ account: '1405', cents: amount, department: 'Production', product });
    produced += amount;
  }
  const labour = Math.round(produced * 0.18);
  const materials = Math.round(produced * 0.7);
  const utilities = Math.max(0, produced - materials - labour - plantDepreciation);
  post(e.code, d(31), [
    ...production,
    { account: '1403', cents: -(produced - labour - plantDepreciation - utilities), department: 'Production' },
    { account: '2211', cents: -labour, department: 'Production' },
    { account: '1602', cents: -plantDepreciation },
    bank('operating', -utilities, 'Production'),
  ]);
}

/** Payroll accrual (month end), selling and office costs paid from the bank (20th), petty cash. */
function payStaffAndSpend({ e, t, key, d, depts }: Month): void {
  const s = e.scale;
  const wage = 1.04 ** (t / 12);
  const payroll: Line[] = [];
  const spend: Line[] = [];
  for (const dept of depts) {
    const deptRevenue = e.lines.filter((l) => l.dept === dept).reduce((sum, l) => sum + trend(l, t, GROWTH), 0);
    const spike = ANOMALIES.sellingSpike.dept === dept && ANOMALIES.sellingSpike.month === key ? ANOMALIES.sellingSpike.factor : 1;
    payroll.push({ account: '6601', cents: cents(0.028 * deptRevenue * uniform(0.97, 1.03) * spike), department: dept });
    spend.push({ account: '6601', cents: cents(0.031 * deptRevenue * (1 + noise(0.08)) * spike), department: dept });
  }
  payroll.push({ account: '6602', cents: cents(1_050_000 * s * uniform(0.98, 1.02) * wage), department: 'Admin' });
  payroll.push({ account: '6602', cents: cents(380_000 * s * uniform(0.98, 1.02) * wage), department: 'Finance' });
  post(e.code, d(31), [...payroll, { account: '2211', cents: -sumOf(payroll) }]);
  spend.push({ account: '6602', cents: cents(900_000 * s * (1 + noise(0.06))), department: 'Admin' });
  spend.push({ account: '6602', cents: cents(120_000 * s * (1 + noise(0.1))), department: 'Finance' });
  post(e.code, d(20), [...spend, bank('operating', -sumOf(spend))]);
  const sundries = cents(18_000 * s * uniform(0.7, 1.3));
  post(e.code, d(2), [{ account: '1001', cents: sundries, cashflow: 'operating' }, bank('operating', -sundries)]);
  post(e.code, d(22), [{ account: '6602', cents: sundries, department: 'Admin' }, { account: '1001', cents: -sundries, cashflow: 'operating' }]);
}

/** Office depreciation and amortisation (month end); interest at 3.6% / 4.2% and bank charges (21st). */
function chargeAssetsAndInterest({ e, d }: Month): void {
  const officeDepreciation = Math.round((balance(e.code, '1601') * 0.25) / 120);
  const amortisation = Math.round(balance(e.code, '1701') / 120);
  post(e.code, d(31), [
    { account: '660201', cents: officeDepreciation, department: 'Admin' },
    { account: '1602', cents: -officeDepreciation },
    { account: '660202', cents: amortisation, department: 'Admin' },
    { account: '1702', cents: -amortisation },
  ]);
  const interest = Math.round((-balance(e.code, '2001') * 0.036 + -balance(e.code, '2501') * 0.042) / 12);
  const charges = cents(6_000 * e.scale * uniform(0.8, 1.2));
  post(e.code, d(21), [
    { account: '660301', cents: interest, department: 'Finance' },
    { account: '660302', cents: charges, department: 'Finance' },
    bank('financing', -interest, 'Finance'),
    bank('operating', -charges, 'Finance'),
  ]);
}

/** Penalties and donations now and then; capex in March and September (sometimes more); supplier prepayments. */
function occasional({ e, m, d }: Month): void {
  const s = e.scale;
  if (rand() < 0.15) {
    const c = cents(uniform(20_000, 250_000) * s);
    post(e.code, d(27), [{ account: '6711', cents: c, department: 'Admin' }, bank('operating', -c, 'Admin')]);
  }
  if (m === 3 || m === 9 || rand() < 0.08) {
    const c = cents(uniform(6_000_000, 14_000_000) * s);
    post(e.code, d(16), [{ account: '1601', cents: c, department: 'Production' }, bank('investing', -c, 'Production')]);
  }
  const usual = cents(1_200_000 * s);
  if (m % 3 === 0) {
    const c = cents(uniform(400_000, 900_000) * s);
    post(e.code, d(12), [{ account: '1123', cents: c }, bank('operating', -c)]);
  } else if (m % 3 === 1 && balance(e.code, '1123') > usual) {
    const c = balance(e.code, '1123') - usual;
    post(e.code, d(12), [{ account: '1403', cents: c, department: 'Production' }, { account: '1123', cents: -c }]);
  }
}

/**
 * Surcharges on the month's net VAT; income tax accrued at 25% of the month's profit before tax
 * (paid after the quarter); a June dividend of 60% of last year's profit; a December loan instalment.
 */
function closeMonth({ e, m, d, outputVat, inputVat }: Month, profitSoFar: number, year: YearState): void {
  const surcharge = Math.round(Math.max(0, outputVat - inputVat) * SURCHARGE);
  post(e.code, d(31), [{ account: '6403', cents: surcharge }, { account: '222103', cents: -surcharge }]);
  const profit = profitSoFar - surcharge;
  const tax = Math.round(profit * INCOME_TAX);
  post(e.code, d(31), [{ account: '6801', cents: tax }, { account: '222102', cents: -tax }]);
  year.yearProfit += profit - tax;
  if (m === 6 && year.lastYearProfit > 0) {
    const c = Math.round(year.lastYearProfit * 0.6);
    post(e.code, d(28), [{ account: '4104', cents: c }, bank('financing', -c, 'Finance')]);
  }
  if (m === 12) {
    const c = Math.min(cents(5_000_000 * e.scale), -balance(e.code, '2501'));
    post(e.code, d(29), [{ account: '2501', cents: c, department: 'Finance' }, bank('financing', -c, 'Finance')]);
    year.lastYearProfit = year.yearProfit;
    year.yearProfit = 0;
  }
}

const sumOf = (lines: readonly Line[]): number => lines.reduce((sum, l) => sum + l.cents, 0);

/**
 * Month-end treasury: borrow below the floor; above the ceiling repay short-term loans down to the
 * revolving facility's floor, then buy money-market funds.
 */
function manageCash(e: Entity, monthRevenue: number, date: string): void {
  const revolving = cents(20_000_000 * e.scale);
  const cash = balance(e.code, '1002');
  const floor = cents(0.5 * monthRevenue);
  const ceiling = cents(1.1 * monthRevenue);
  const lot = cents(1_000_000);
  if (cash < floor) {
    const c = Math.ceil((floor - cash) / lot) * lot;
    post(e.code, date, [bank('financing', c, 'Finance'), { account: '2001', cents: -c, department: 'Finance' }]);
  } else if (cash > ceiling) {
    const surplus = Math.floor((cash - ceiling) / lot) * lot;
    const repay = Math.max(0, Math.min(surplus, -balance(e.code, '2001') - revolving));
    if (repay > 0) post(e.code, date, [{ account: '2001', cents: repay, department: 'Finance' }, bank('financing', -repay, 'Finance')]);
    const invest = surplus - repay;
    if (invest > 0) post(e.code, date, [{ account: '1101', cents: invest }, bank('investing', -invest, 'Finance')]);
  }
}

// ── Plans ──────────────────────────────────────────────────────────────────────────────────────

interface PlanRow {
  date: string;
  account: string;
  cents: number;
  department: string;
}

/** Annual budget: the same model with the planned 10% growth and no noise, signed like the ledger. */
function budgetRows(): PlanRow[] {
  const rows: PlanRow[] = [];
  for (let t = 0; t < MONTHS; t += 1) {
    const date = iso(FIRST_YEAR + Math.floor(t / 12), (t % 12) + 1, 1);
    const byDept = new Map<string, { revenue: number; cost: number }>();
    for (const e of ENTITIES) {
      for (const l of e.lines) {
        const rev = trend(l, t, BUDGET_GROWTH);
        const agg = byDept.get(l.dept) ?? { revenue: 0, cost: 0 };
        agg.revenue += rev;
        agg.cost += rev * COST_RATIO[l.product]!;
        byDept.set(l.dept, agg);
      }
    }
    for (const [department, { revenue, cost }] of byDept) {
      rows.push({ date, account: '6001', cents: -cents(revenue), department });
      rows.push({ date, account: '6401', cents: cents(cost), department });
      rows.push({ date, account: '6601', cents: cents(0.057 * revenue), department });
    }
    const scale = ENTITIES.reduce((sum, e) => sum + e.scale, 0);
    const wage = 1.04 ** Math.floor(t / 12);
    // Admin: payroll, office spend, petty cash, and depreciation and amortisation (660201/660202 sit under 6602).
    rows.push({ date, account: '6602', cents: cents((1_050_000 + 900_000 + 18_000 + 650_000) * scale * wage), department: 'Admin' });
    rows.push({ date, account: '6602', cents: cents((380_000 + 120_000) * scale * wage), department: 'Finance' });
  }
  return rows;
}

/** Rolling forecast of revenue per sales department, made the month before: actual within a few percent. */
function forecastRows(): PlanRow[] {
  const actual = new Map<string, number>();
  for (const r of journal) {
    if (r.account !== '6001' || !r.department) continue;
    const key = `${r.date.slice(0, 7)}|${r.department}`;
    actual.set(key, (actual.get(key) ?? 0) + r.cents);
  }
  const rows: PlanRow[] = [];
  for (const [key, c] of [...actual].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [month, department] = key.split('|') as [string, string];
    rows.push({ date: `${month}-01`, account: '6001', cents: Math.round(c * (1 + noise(0.035))), department });
  }
  return rows;
}

// ── Output ─────────────────────────────────────────────────────────────────────────────────────

function money(c: number): string {
  const abs = Math.abs(c);
  return `${c < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function ledgerCsv(rows: readonly Posted[]): string {
  const out = ['date,account,amount,entity,department,product,cashflow'];
  for (const r of rows) out.push([r.date, r.account, money(r.cents), r.entity, r.department ?? '', r.product ?? '', r.cashflow ?? ''].join(','));
  return `${out.join('\n')}\n`;
}

function planCsv(rows: readonly PlanRow[]): string {
  return `${['date,account,amount,department', ...rows.map((r) => [r.date, r.account, money(r.cents), r.department].join(','))].join('\n')}\n`;
}

function toTable(rows: ReadonlyArray<{ date: string; cents: number; text: Record<string, string> }>): ObservationTable {
  const obs: ObservationRow[] = rows.map((r) => {
    const [y, m, d] = r.date.split('-').map(Number) as [number, number, number];
    return { day: daysFromCivil(y, m, d), measures: { amount: r.cents }, text: r.text };
  });
  return tableFromRows(obs, 2);
}

/** Checks that every month of every entity nets to zero: the trial balance balances. */
function checkTrialBalance(rows: readonly Posted[]): void {
  const net = new Map<string, number>();
  for (const r of rows) net.set(`${r.entity} ${r.date.slice(0, 7)}`, (net.get(`${r.entity} ${r.date.slice(0, 7)}`) ?? 0) + r.cents);
  for (const [key, c] of net) if (c !== 0) throw new Error(`trial balance off by ${c} cents in ${key}`);
}

// ── Main ───────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  for (const e of ENTITIES) openingBalances(e);
  const state = new Map(ENTITIES.map((e) => [e.code, { lastYearProfit: 0, yearProfit: 0 } satisfies YearState]));
  for (let t = 0; t < MONTHS; t += 1) {
    for (const e of ENTITIES) {
      simulateMonth(e, t, state.get(e.code)!);
    }
  }
  const sorted = journal
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i))
    .map(({ r }) => r);
  checkTrialBalance(sorted);
  const budget = budgetRows();
  const forecast = forecastRows();

  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'catalog.json'), kpiCatalogJson());
  writeFileSync(join(OUT, 'ledger.csv'), ledgerCsv(sorted));
  writeFileSync(join(OUT, 'budget.csv'), planCsv(budget));
  writeFileSync(join(OUT, 'forecast.csv'), planCsv(forecast));

  const sources = {
    ledger: toTable(sorted.map((r) => ({ date: r.date, cents: r.cents, text: dims(r) }))),
    budget: toTable(budget.map((r) => ({ date: r.date, cents: r.cents, text: { account: r.account, department: r.department } }))),
    forecast: toTable(forecast.map((r) => ({ date: r.date, cents: r.cents, text: { account: r.account, department: r.department } }))),
  };
  writeFileSync(join(OUT, 'README.md'), readme(sorted.length, budget.length, forecast.length, sources));

  // The workbench's demo workbook: the same ledger and budget as an Excel user would keep them.
  writeFileSync(join(OUT, DEMO_WORKBOOK_FILE), await buildDemoWorkbook({ ledgerCsv: ledgerCsv(sorted), budgetCsv: planCsv(budget), forecastCsv: planCsv(forecast) }));

  for (const f of ['catalog.json', 'ledger.csv', 'budget.csv', 'forecast.csv', 'README.md', DEMO_WORKBOOK_FILE]) {
    const size = statSync(join(OUT, f)).size;
    if (size > 1_000_000) throw new Error(`${f} is ${size} bytes, over the 1 MB budget`);
    console.log(`${f.padEnd(14)} ${String(size).padStart(8)} bytes`);
  }
  console.log(`ledger rows: ${sorted.length}`);
}

const dims = (r: Posted): Record<string, string> => {
  const text: Record<string, string> = { account: r.account, entity: r.entity };
  if (r.department) text['department'] = r.department;
  if (r.product) text['product'] = r.product;
  if (r.cashflow) text['cashflow'] = r.cashflow;
  return text;
};

// ── README ─────────────────────────────────────────────────────────────────────────────────────

type Sources = Record<string, ObservationTable>;

function fmt(id: string, v: number | null): string {
  if (v === null) return '—';
  const unit = KPI_LIBRARY.metrics.find((m) => m.id === id)?.unit;
  if (unit === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (unit === 'currency') return `${(v / 1_000_000).toFixed(2)} M`;
  if (unit === 'days') return `${v.toFixed(1)} d`;
  if (unit === 'months') return `${v.toFixed(1)} mo`;
  return `${v.toFixed(2)}×`;
}

function valueAt(ev: Evaluation, id: string, period: string, member?: string): string {
  const v = ev.values.find((x) => x.metricId === id && x.period === period && x.member === member);
  if (!v) return 'n/a';
  return v.error ? `#${v.error.kind}` : fmt(id, v.value);
}

function readme(ledgerRows: number, budgetRows: number, forecastRows: number, sources: Sources): string {
  const month = evaluateCatalog({ catalog: KPI_LIBRARY, sources, grain: 'month' });
  const year = evaluateCatalog({ catalog: KPI_LIBRARY, sources, grain: 'year' });
  const byDept = evaluateCatalog({ catalog: KPI_LIBRARY, sources, grain: 'month', breakdown: 'department', metrics: ['selling_expense', 'dso', 'accounts_receivable', 'operating_cash_flow'] });
  const byProduct = evaluateCatalog({ catalog: KPI_LIBRARY, sources, grain: 'month', breakdown: 'product', metrics: ['gross_margin'] });
  const headline = ['revenue', 'gross_margin', 'operating_margin', 'net_margin', 'ebitda_margin', 'roe', 'current_ratio', 'quick_ratio', 'dso', 'dio', 'dpo', 'cash_conversion_cycle', 'debt_to_assets', 'interest_coverage', 'net_debt_to_ebitda', 'operating_cash_flow', 'budget_variance_pct', 'forecast_accuracy', 'revenue_yoy'];
  const table = [
    '| KPI | FY2025 | FY2026 | 2026-12 |',
    '|---|---:|---:|---:|',
    ...headline.map((id) => {
      const name = KPI_LIBRARY.metrics.find((m) => m.id === id)!.name['en-US'];
      return `| ${name} (\`${id}\`) | ${valueAt(year, id, '2025')} | ${valueAt(year, id, '2026')} | ${valueAt(month, id, '2026-12')} |`;
    }),
  ];
  const a = ANOMALIES;
  return `# FinPulse demo data

A fictitious manufacturing group, **FinPulse Demo Industrial** (pumps, valves, motors, sensors), generated by
\`scripts/make-examples.ts\` (\`npx tsx scripts/make-examples.ts\`). The generator is seeded (mulberry32,
seed ${SEED}) and reads no clock, so every run writes the same bytes. All figures are made up; amounts are CNY.

| file | what it holds |
|---|---|
| \`catalog.json\` | The standard KPI library (\`KPI_LIBRARY\` in \`src/core/kpi\`): ${KPI_LIBRARY.metrics.length} metrics, ${KPI_LIBRARY.metrics.filter((m) => m.kind !== 'base').length} of them KPIs built on the base metrics. |
| \`ledger.csv\` | The general-ledger journal, 2024-01 to 2026-12, ${ledgerRows} rows (source \`ledger\`). |
| \`budget.csv\` | Monthly budget by account and department, ${budgetRows} rows (source \`budget\`). |
| \`forecast.csv\` | Rolling revenue forecast by sales department, ${forecastRows} rows (source \`forecast\`). |
| \`demo-workbook.xlsx\` | The workbench's demo workbook: the ledger as the Excel table \`Journal\` on sheet *Ledger*, the budget and forecast as the named ranges \`BudgetRange\` and \`ForecastRange\`, and a *Summary* sheet (revenue by entity, with a merged title, fills, a note and a hidden row). Built by \`src/workbench/demo-workbook\` with fixed dates, so its bytes are the same on every run. |

## ledger.csv

\`date,account,amount,entity,department,product,cashflow\`

- **date**: ISO \`YYYY-MM-DD\`. **amount**: plain decimal, two places, no thousands separators.
- **Sign**: a journal — debit positive, credit negative. Every voucher balances, so each entity's rows net to
  0.00 in every month (the generator checks this). Revenue, liabilities and equity are credit-normal: their base
  metrics use \`sign: -1\`.
- **account**: China Accounting Standards codes (1001 库存现金 … 6801 所得税费用), with sub-accounts 222101–222103
  (VAT, income tax, surcharges payable), 660201/660202 (depreciation, amortisation) and 660301/660302 (interest,
  bank charges). The chart is \`CHART_OF_ACCOUNTS\` in \`src/core/kpi/accounts.ts\`.
- **entity**: SH01 (Shanghai), SZ01 (Suzhou), CD01 (Chengdu).
- **department**: sales regions East-1, East-2 (SH01), North-1, South-1 (SZ01), West-1 (CD01); Production, Admin,
  Finance. Blank on lines that belong to no department (taxes, equity, most balance-sheet lines).
- **product**: PUMP-A, PUMP-B, VALVE-S, VALVE-L, MOTOR-X, SENSOR-Q on revenue, cost of sales and finished goods.
- **cashflow**: on every 1001/1002 movement after the opening balances — \`operating\`, \`investing\` or
  \`financing\` (interest paid is financing, as in the CAS cash-flow statement). Opening-balance rows are untagged,
  so they do not count as operating cash flow.
- **Opening balances** are posted on 2024-01-01 (retained earnings balance them; equity is positive), so closing
  balances are the running sum of movements. Consequence: flow metrics over balance-sheet accounts
  (\`net_cash_flow\`, \`net_burn\`) include the opening balance in 2024-01, and average-balance metrics start in 2024-02.
- **P&L is not closed**: there are no 结转损益 vouchers into 4103, so class-6 accounts carry the period's movements.
  \`total_equity\` adds the class-6 balance to class 4, which keeps assets = liabilities + equity.

What happens each month: collections (~half of receivables), supplier payments, payroll, VAT and surcharges on
the 15th; sales on the 25th with 13% VAT; production into finished goods (materials, labour, plant
depreciation, utilities) steering stock towards 1.3 months of cost of sales; selling and admin spend; depreciation
and amortisation; interest; income tax accrued monthly at 25% and paid after each quarter; capex in March and
September (sometimes more); a dividend in June (60% of last year's profit); a long-term loan instalment in
December; short-term borrowing or repayment (down to a revolving floor) and money-market purchases (1101) to keep
the bank balance between half and 1.1 months of sales.
Seasonality: a Spring Festival dip in February, quarter-end pushes, a strong Q4; about 7% growth a year.

## budget.csv and forecast.csv

\`date,account,amount,department\` — one line per month (dated the 1st), account and department, on the
ledger's accounts **and sign convention** (revenue negative), so the same definitions read them with
\`source: "budget"\` or \`source: "forecast"\`. The budget plans 10% growth (ahead of the ~7% achieved), so revenue
variances drift negative over time. The forecast is each sales department's revenue forecast for the month.

## Planted anomalies

| what | where | expect |
|---|---|---|
| Selling expenses +${Math.round((a.sellingSpike.factor - 1) * 100)}% | department ${a.sellingSpike.dept}, ${a.sellingSpike.month} | \`selling_expense\` for ${a.sellingSpike.dept}: ${valueAt(byDept, 'selling_expense', '2026-07', a.sellingSpike.dept)} in 2026-07 → ${valueAt(byDept, 'selling_expense', a.sellingSpike.month, a.sellingSpike.dept)} in ${a.sellingSpike.month} |
| Collections stall (${Math.round(a.collectionStall.rate * 100)}% of receivables collected instead of ~50%) | department ${a.collectionStall.dept}, ${a.collectionStall.month} | ${a.collectionStall.dept} in 2025-10 → ${a.collectionStall.month}: \`operating_cash_flow\` ${valueAt(byDept, 'operating_cash_flow', '2025-10', a.collectionStall.dept)} → ${valueAt(byDept, 'operating_cash_flow', a.collectionStall.month, a.collectionStall.dept)}, \`accounts_receivable\` ${valueAt(byDept, 'accounts_receivable', '2025-10', a.collectionStall.dept)} → ${valueAt(byDept, 'accounts_receivable', a.collectionStall.month, a.collectionStall.dept)}, \`dso\` ${valueAt(byDept, 'dso', '2025-10', a.collectionStall.dept)} → ${valueAt(byDept, 'dso', a.collectionStall.month, a.collectionStall.dept)} (and ${valueAt(byDept, 'dso', '2025-12', a.collectionStall.dept)} in 2025-12, as the average balance catches up) |
| Copper price shock: cost of sales +${Math.round(a.copperShock.extraCost * 100)} points | product ${a.copperShock.product}, ${a.copperShock.month} | \`gross_margin\` for ${a.copperShock.product}: ${valueAt(byProduct, 'gross_margin', '2026-03', a.copperShock.product)} in 2026-03 → ${valueAt(byProduct, 'gross_margin', a.copperShock.month, a.copperShock.product)} in ${a.copperShock.month} |

## Headline figures

Computed by FinPulse's engine from these files with \`catalog.json\` (year and month grain). Ratios of flows to
balances are annualised. Year-grain day ratios (DSO, DIO, DPO) average the two year-end balances, which Q4
seasonality lifts. \`runway_months\` shows \`#NEG_DENOMINATOR\` in most months: liquid funds are growing.

${table.join('\n')}
`;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
