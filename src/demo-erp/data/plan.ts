import type { Horizon, MonthInfo } from './horizon';
import { ENTITIES, SALES_LINES, productById, type EntityCode, type SalesLine } from './master';
import type { Plant } from './planted';
import type { Rng } from './random';

/** Spring Festival dip in February, quarter-end pushes, a strong Q4 (index 0 = January). */
const SEASON = [0.93, 0.72, 1.03, 0.97, 1.0, 1.07, 0.96, 0.95, 1.05, 0.99, 1.08, 1.22];
/** Wages rise 4% a year. */
const WAGE_GROWTH = 0.04;
/** Budgets stretch 3% above the trend the planners expect. */
const BUDGET_STRETCH = 1.03;

export const VAT_GOODS = 0.13;
export const VAT_TRANSPORT = 0.09;
export const VAT_SERVICES = 0.06;
export const SURCHARGE_RATE = 0.12;
export const INCOME_TAX_RATE = 0.25;

export const cents = (cny: number): number => Math.round(cny * 100);
export const scaleOf = (entity: EntityCode): number => ENTITIES.find((e) => e.code === entity)!.scale;
export const wageIndex = (t: number): number => (1 + WAGE_GROWTH) ** (t / 12);

/** Noise-free monthly revenue of a sales line in CNY: seasonality and compound growth. */
export const expectedRevenue = (line: SalesLine, mo: MonthInfo): number => line.base * SEASON[mo.month - 1]! * (1 + line.growth) ** (mo.index / 12);

export const expectedDepartmentRevenue = (department: string, mo: MonthInfo): number =>
  SALES_LINES.filter((l) => l.department === department).reduce((sum, l) => sum + expectedRevenue(l, mo), 0);

/** Cost of sales over revenue: material prices creep up, motors fastest (copper). */
export function costRatioOf(product: string, t: number): number {
  const p = productById.get(product)!;
  return p.costRatio + (p.family === 'Motors' ? 0.0008 : 0.0002) * t;
}

/** Actual revenue in cents per sales line and month: trend, ±5% noise and the planted drop. */
export function revenuePlan(rng: Rng, horizon: Horizon, plant: Plant): number[][] {
  return SALES_LINES.map((line) =>
    horizon.months.map((mo) => {
      const drop = plant.revenueDrop.entity === line.entity && plant.revenueDrop.month === mo.index ? plant.revenueDrop.factor : 1;
      return cents(expectedRevenue(line, mo) * (1 + rng.noise(0.05)) * drop);
    }),
  );
}

export interface BudgetLine {
  month: number;
  entity: EntityCode;
  department: string;
  account: string;
  /** Ledger sign convention: revenue negative, costs positive. */
  cents: number;
}

const thousands = (cny: number): number => Math.round(cny / 1000) * 100_000;

/** Monthly plan per entity, department and account, set before the year on the expected trend. */
export function budgetPlan(horizon: Horizon): BudgetLine[] {
  const out: BudgetLine[] = [];
  for (const mo of horizon.months) {
    for (const entity of ENTITIES) {
      const lines = SALES_LINES.filter((l) => l.entity === entity.code);
      for (const department of [...new Set(lines.map((l) => l.department))]) {
        const own = lines.filter((l) => l.department === department);
        const revenue = own.reduce((s, l) => s + expectedRevenue(l, mo) * BUDGET_STRETCH, 0);
        const cost = own.reduce((s, l) => s + expectedRevenue(l, mo) * BUDGET_STRETCH * costRatioOf(l.product, 0), 0);
        out.push({ month: mo.index, entity: entity.code, department, account: '6001', cents: -thousands(revenue) });
        out.push({ month: mo.index, entity: entity.code, department, account: '6401', cents: thousands(cost) });
        out.push({ month: mo.index, entity: entity.code, department, account: '6601', cents: thousands(revenue * 0.059) });
      }
      const w = wageIndex(mo.index) * entity.scale;
      out.push({ month: mo.index, entity: entity.code, department: 'Admin', account: '6602', cents: thousands(1_950_000 * w) });
      out.push({ month: mo.index, entity: entity.code, department: 'Finance', account: '6602', cents: thousands(470_000 * w) });
    }
  }
  return out;
}
