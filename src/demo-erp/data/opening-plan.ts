import { cents } from './plan';

export interface PlannedLine {
  account: string;
  cents: number;
  department?: string;
}

/**
 * The part of an opening trial balance that is sized by the entity's scale (cash, investments,
 * fixed assets, loans, capital) or by its monthly revenue (bank, payroll and tax accruals). The demo
 * ERP and the example ledger open their books from the same plan; each adds its own stock,
 * receivables and payables, and balances with retained earnings.
 */
export function openingPlan(scale: number, monthlyRevenue: number): PlannedLine[] {
  const s = scale;
  const monthly = monthlyRevenue;
  return [
    { account: '1001', cents: cents(40_000 * s) },
    { account: '1002', cents: cents(0.9 * monthly) },
    { account: '1012', cents: cents(3_000_000 * s) },
    { account: '1101', cents: cents(5_000_000 * s) },
    { account: '1123', cents: cents(1_200_000 * s) },
    { account: '1221', cents: cents(650_000 * s) },
    { account: '1601', cents: cents(190_000_000 * s) },
    { account: '1602', cents: -cents(64_000_000 * s) },
    { account: '1701', cents: cents(26_000_000 * s) },
    { account: '1702', cents: -cents(6_500_000 * s) },
    { account: '2001', cents: -cents(30_000_000 * s), department: 'Finance' },
    { account: '2211', cents: -cents(0.07 * monthly) },
    { account: '222101', cents: -cents(0.012 * monthly) },
    { account: '222102', cents: -cents(0.06 * monthly) },
    { account: '222103', cents: -cents(0.0015 * monthly) },
    { account: '2501', cents: -cents(45_000_000 * s), department: 'Finance' },
    { account: '4001', cents: -cents(120_000_000 * s) },
  ];
}
