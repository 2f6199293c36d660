import { daysFromCivil } from '../src/core/periods';
import type { ObservationTable } from '../src/core/engine';
import type { Catalog, MetricDef } from '../src/core/catalog';
import { prng } from '../src/core/testing/prng';

export const ACCOUNTS = Array.from({ length: 100 }, (_, i) => `${6001 + Math.floor(i / 10) * 100}.${String((i % 10) + 1).padStart(2, '0')}`);
export const DEPARTMENTS = ['East-1', 'East-2', 'West-1', 'West-2', 'North', 'South', 'HQ', 'Export'];
export const PRODUCTS = Array.from({ length: 50 }, (_, i) => `P${String(i + 1).padStart(3, '0')}`);

export interface LedgerColumns {
  table: ObservationTable;
  /** Plain columns for the reference implementation. */
  account: string[];
  department: string[];
  product: string[];
  month: Int32Array;
}

/** A million-row journal over 36 months: date, account, department, product, amount in cents. */
export function buildLedger(rows: number, seed = 42): LedgerColumns {
  const rnd = prng(seed);
  const start = daysFromCivil(2024, 1, 1);
  const days = daysFromCivil(2027, 1, 1) - start;
  const day = new Int32Array(rows);
  const amount = new Float64Array(rows);
  const accountCodes = new Int32Array(rows);
  const deptCodes = new Int32Array(rows);
  const productCodes = new Int32Array(rows);
  const month = new Int32Array(rows);
  for (let r = 0; r < rows; r += 1) {
    day[r] = start + Math.floor(rnd() * days);
    accountCodes[r] = Math.floor(rnd() * ACCOUNTS.length);
    deptCodes[r] = Math.floor(rnd() * DEPARTMENTS.length);
    productCodes[r] = Math.floor(rnd() * PRODUCTS.length);
    // Up to ±5,000,000.00 in cents, with a sign mix like a journal.
    amount[r] = Math.round((rnd() - 0.3) * 500_000_000);
  }
  const table: ObservationTable = {
    rows,
    day,
    scale: 2,
    measures: { amount },
    text: {
      account: { codes: accountCodes, dict: ACCOUNTS },
      department: { codes: deptCodes, dict: DEPARTMENTS },
      product: { codes: productCodes, dict: PRODUCTS },
    },
  };
  const monthOf = (d: number): number => {
    const date = new Date(d * 86400000);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  for (let r = 0; r < rows; r += 1) month[r] = monthOf(day[r]!);
  return {
    table,
    account: Array.from(accountCodes, (c) => ACCOUNTS[c]!),
    department: Array.from(deptCodes, (c) => DEPARTMENTS[c]!),
    product: Array.from(productCodes, (c) => PRODUCTS[c]!),
    month,
  };
}

const metric = (id: string, extra: Partial<MetricDef>): MetricDef => ({
  id,
  name: { 'zh-CN': id, 'en-US': id },
  category: 'bench',
  unit: 'currency',
  direction: 'higherIsBetter',
  kind: 'base',
  ...extra,
});

/** 300 metrics: 150 base (account groups, single accounts, department slices) and 150 derived. */
export function benchCatalog(): Catalog {
  const metrics: MetricDef[] = [];
  const groups = Array.from({ length: 10 }, (_, g) => `${6001 + g * 100}`);
  groups.forEach((g, i) => metrics.push(metric(`grp_${i}`, { accounts: [`${g}*`], sign: i % 2 ? 1 : -1 })));
  ACCOUNTS.slice(0, 60).forEach((a, i) => metrics.push(metric(`acct_${i}`, { accounts: [a] })));
  for (let i = 0; i < 80; i += 1) {
    metrics.push(metric(`slice_${i}`, { accounts: [`${groups[i % 10]}*`], filters: { department: [DEPARTMENTS[i % 8]!] } }));
  }
  const derived = (id: string, formula: string): MetricDef => metric(id, { kind: 'derived', formula, unit: 'ratio' });
  for (let i = 0; i < 30; i += 1) metrics.push(derived(`ratio_${i}`, `DIVIDE(acct_${i}, grp_${i % 10})`));
  for (let i = 0; i < 30; i += 1) metrics.push(derived(`ytd_${i}`, `YTD(slice_${i})`));
  for (let i = 0; i < 30; i += 1) metrics.push(derived(`yoy_${i}`, `YOY(acct_${i + 30})`));
  for (let i = 0; i < 30; i += 1) metrics.push(derived(`mix_${i}`, `(slice_${i + 30} - PREV(slice_${i + 30})) / ABS(grp_${i % 10}) * 100`));
  for (let i = 0; i < 30; i += 1) metrics.push(derived(`roll_${i}`, `ROLLING(acct_${i + 10}, 3) / 3 + QTD(grp_${i % 10}) * 0`));
  return { schemaVersion: 1, currency: 'CNY', metrics };
}
