import type { MetricDef } from '../../catalog';
import { ANNUALISED, critAbove, kpi, OWNERS, t, warnAbove, warnBelow, type KpiDraft } from '../define';

const DAYS_365 = 'Days on the 365-day basis: 365/12 per month, 365 per year';

/** Turnover (annualised flow ÷ average balance) and its days twin (average balance ÷ flow × days): days = 365 ÷ turnover. */
function pair(opts: {
  balance: string;
  flow: string;
  turnoverId: string;
  daysId: string;
  names: { turnover: [string, string]; days: [string, string] };
  descriptions: { turnover: [string, string]; days: [string, string] };
  includes: { turnover: string; days: string };
  notes?: string;
  daysDirection: KpiDraft['direction'];
  daysThresholds?: KpiDraft['thresholds'];
  tags: string[];
}): MetricDef[] {
  const notes = opts.notes ? `${DAYS_365}. ${opts.notes}` : DAYS_365;
  const turnover = kpi({
    id: opts.turnoverId,
    name: t(...opts.names.turnover),
    description: t(...opts.descriptions.turnover),
    category: 'efficiency',
    kind: 'derived',
    formula: `DIVIDE(${opts.flow} ${ANNUALISED}, AVG_BALANCE(${opts.balance}))`,
    unit: 'times',
    direction: opts.daysDirection === 'lowerIsBetter' ? 'higherIsBetter' : opts.daysDirection === 'higherIsBetter' ? 'lowerIsBetter' : 'neutral',
    caliber: { includes: opts.includes.turnover, dayBasis: 365, balance: 'average', notes },
    tags: opts.tags,
  });
  const days = kpi({
    id: opts.daysId,
    name: t(...opts.names.days),
    description: t(...opts.descriptions.days),
    category: 'efficiency',
    kind: 'derived',
    formula: `DIVIDE(AVG_BALANCE(${opts.balance}), ${opts.flow}) * DAYS()`,
    unit: 'days',
    direction: opts.daysDirection,
    caliber: { includes: opts.includes.days, dayBasis: 365, balance: 'average', notes },
    ...(opts.daysThresholds ? { thresholds: opts.daysThresholds } : {}),
    tags: opts.tags,
  });
  return [turnover, days];
}

export const EFFICIENCY_METRICS: MetricDef[] = [
  ...pair({
    balance: 'inventory',
    flow: 'cogs',
    turnoverId: 'inventory_turnover',
    daysId: 'dio',
    names: { turnover: ['存货周转率（年化）', 'Inventory turnover (annualised)'], days: ['存货周转天数', 'Days inventory outstanding (DIO)'] },
    descriptions: {
      turnover: ['年化营业成本除以平均存货。', 'Annualised cost of sales over average inventory.'],
      days: ['平均存货可支撑的营业成本天数。', 'Days of cost of sales held in average inventory.'],
    },
    includes: {
      turnover: 'Cost of sales × 365 / days ÷ (opening + closing inventory) / 2',
      days: '(Opening + closing inventory) / 2 ÷ cost of sales × days in period',
    },
    daysDirection: 'lowerIsBetter',
    daysThresholds: [warnAbove(90), critAbove(120)],
    tags: ['working capital', 'inventory'],
  }),
  ...pair({
    balance: 'accounts_receivable',
    flow: 'revenue',
    turnoverId: 'ar_turnover',
    daysId: 'dso',
    names: { turnover: ['应收账款周转率（年化）', 'Receivables turnover (annualised)'], days: ['应收账款周转天数', 'Days sales outstanding (DSO)'] },
    descriptions: {
      turnover: ['年化营业收入除以平均应收账款。', 'Annualised revenue over average receivables.'],
      days: ['平均应收账款相当于多少天的营业收入。', 'Average receivables expressed in days of revenue.'],
    },
    includes: {
      turnover: 'Revenue × 365 / days ÷ (opening + closing 1122) / 2',
      days: '(Opening + closing 1122) / 2 ÷ revenue × days in period',
    },
    notes: 'Receivables carry 13% VAT and revenue does not, so DSO reads about 13% above the credit terms it reflects; not grossed up, to stay comparable with published ratios',
    daysDirection: 'lowerIsBetter',
    daysThresholds: [warnAbove(75), critAbove(90)],
    tags: ['working capital', 'receivables', 'headline'],
  }),
  ...pair({
    balance: 'accounts_payable',
    flow: 'cogs',
    turnoverId: 'ap_turnover',
    daysId: 'dpo',
    names: { turnover: ['应付账款周转率（年化）', 'Payables turnover (annualised)'], days: ['应付账款周转天数', 'Days payables outstanding (DPO)'] },
    descriptions: {
      turnover: ['年化营业成本除以平均应付账款。', 'Annualised cost of sales over average payables.'],
      days: ['平均应付账款相当于多少天的营业成本。', 'Average payables expressed in days of cost of sales.'],
    },
    includes: {
      turnover: 'Cost of sales × 365 / days ÷ (opening + closing 2202) / 2',
      days: '(Opening + closing 2202) / 2 ÷ cost of sales × days in period',
    },
    notes: 'Cost of sales stands in for purchases; payables include input VAT',
    daysDirection: 'neutral',
    tags: ['working capital', 'payables'],
  }),
  kpi({
    id: 'cash_conversion_cycle',
    name: t('现金周转周期', 'Cash conversion cycle'),
    description: t('存货周转天数加应收账款周转天数减应付账款周转天数。', 'DIO plus DSO less DPO: days cash is tied up in operations.'),
    category: 'efficiency',
    kind: 'derived',
    formula: 'dio + dso - dpo',
    unit: 'days',
    direction: 'lowerIsBetter',
    caliber: { includes: 'DIO + DSO − DPO, each on average balances', dayBasis: 365, balance: 'average' },
    thresholds: [warnAbove(100), critAbove(130)],
    tags: ['working capital', 'headline'],
    owner: OWNERS.treasury,
  }),
  kpi({
    id: 'asset_turnover',
    name: t('总资产周转率（年化）', 'Asset turnover (annualised)'),
    description: t('年化营业收入除以平均总资产。', 'Annualised revenue over average total assets.'),
    category: 'efficiency',
    kind: 'derived',
    formula: `DIVIDE(revenue ${ANNUALISED}, AVG_BALANCE(total_assets))`,
    unit: 'times',
    direction: 'higherIsBetter',
    caliber: { includes: 'Revenue × 365 / days ÷ (opening + closing total assets) / 2', dayBasis: 365, balance: 'average', vat: 'exclusive' },
    thresholds: [warnBelow(0.5)],
    tags: ['returns'],
    owner: OWNERS.fpa,
  }),
];
