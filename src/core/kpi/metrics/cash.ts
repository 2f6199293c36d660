import type { MetricDef } from '../../catalog';
import { ACCOUNT_GROUPS as G, CASHFLOW_DIMENSION } from '../accounts';
import { accounts, critBelow, kpi, OWNERS, t, warnBelow } from '../define';

/** Liquid funds: cash and bank plus money-market and other trading financial assets. */
const LIQUID = 'cash + trading_assets';

/**
 * Cash metrics read movements on the cash accounts. Bank and cash rows carry a `cashflow`
 * dimension (operating / investing / financing), the cash-flow statement's direct method.
 */
export const CASH_METRICS: MetricDef[] = [
  kpi({
    id: 'operating_cash_flow',
    name: t('经营活动现金净流量', 'Operating cash flow'),
    description: t('经营活动产生的现金流入减流出。', 'Cash received less cash paid in operating activities.'),
    category: 'cash',
    kind: 'base',
    accounts: accounts(G.cashEquivalents),
    filters: { [CASHFLOW_DIMENSION]: ['operating'] },
    unit: 'currency',
    direction: 'higherIsBetter',
    caliber: {
      includes: 'Movements on 1001 库存现金 and 1002 银行存款 tagged cashflow = operating: customer receipts, supplier, payroll and tax payments',
      excludes: 'Investing and financing movements (capex, loans, interest paid, dividends); 1012 other monetary funds (often restricted)',
      vat: 'inclusive',
      balance: 'notApplicable',
    },
    tags: ['cash flow', 'headline'],
    owner: OWNERS.treasury,
  }),
  kpi({
    id: 'net_cash_flow',
    name: t('现金净增加额', 'Net change in cash'),
    description: t('货币资金余额的本期变动。', 'Change in cash and bank balances over the period.'),
    category: 'cash',
    kind: 'base',
    accounts: accounts(G.cash),
    unit: 'currency',
    direction: 'higherIsBetter',
    caliber: { includes: 'Every movement on 1001, 1002, 1012, all activities', balance: 'notApplicable' },
    tags: ['cash flow'],
    owner: OWNERS.treasury,
  }),
  kpi({
    id: 'ocf_to_net_income',
    name: t('净利润现金含量', 'Cash conversion of earnings'),
    description: t('经营活动现金净流量除以净利润。', 'Operating cash flow over net income.'),
    category: 'cash',
    kind: 'ratio',
    numerator: 'operating_cash_flow',
    denominator: 'net_income',
    unit: 'times',
    direction: 'higherIsBetter',
    caliber: {
      includes: 'Operating cash flow ÷ net income of the same period',
      notes: 'A loss gives #NEG_DENOMINATOR; below 1 means profit is tied up in working capital',
      balance: 'notApplicable',
    },
    thresholds: [warnBelow(0.8), critBelow(0.5)],
    tags: ['cash flow', 'earnings quality'],
    owner: OWNERS.fpa,
  }),
  kpi({
    id: 'gross_burn',
    name: t('总消耗（现金成本）', 'Gross burn'),
    description: t('本期现金性经营成本与费用：营业成本、税金及附加和期间费用，扣除折旧摊销。', 'Cash operating costs of the period: cost of sales, taxes and surcharges and period expenses, less depreciation and amortisation.'),
    category: 'cash',
    kind: 'derived',
    formula: 'cogs + taxes_surcharges + selling_expense + admin_expense + finance_expense - depreciation_amortisation',
    unit: 'currency',
    direction: 'lowerIsBetter',
    caliber: {
      includes: '6401/6402 + 6403 + 6601 + 6602 + 6603 − 660201/660202',
      excludes: 'Income tax, non-operating items, capex',
      notes: 'Accrual-based: the ledger nets debits and credits on bank accounts, so cash paid is approximated by cash costs incurred',
      vat: 'exclusive',
      balance: 'notApplicable',
    },
    tags: ['burn', 'cash flow'],
    owner: OWNERS.fpa,
  }),
  kpi({
    id: 'net_burn',
    name: t('净消耗', 'Net burn'),
    description: t('货币资金与交易性金融资产的本期净减少额，正数表示消耗现金。', 'Net decrease in cash and short-term investments over the period; positive means cash is being used.'),
    category: 'cash',
    kind: 'derived',
    formula: `PREV(${LIQUID}) - (${LIQUID})`,
    unit: 'currency',
    direction: 'lowerIsBetter',
    caliber: {
      includes: 'Previous closing − closing of 1001 + 1002 + 1012 + 1101, all activities',
      excludes: 'Moves between bank and money-market funds (1101), which are not burn',
      notes: 'Negative when liquid funds grow; #MISSING in the first period of the data (no previous closing)',
      balance: 'ending',
    },
    tags: ['burn', 'cash flow'],
    owner: OWNERS.treasury,
  }),
  kpi({
    id: 'runway_months',
    name: t('现金跑道（月）', 'Cash runway'),
    description: t('期末货币资金与交易性金融资产可支撑的月数，按最近三期平均月净消耗计算。', 'Months the closing cash and short-term investments last at the average monthly net burn of the last three periods.'),
    category: 'cash',
    kind: 'derived',
    formula: `DIVIDE(${LIQUID}, (PREV(${LIQUID}, 3) - (${LIQUID})) / ROLLING(DAYS(), 3) * 365 / 12)`,
    unit: 'months',
    direction: 'higherIsBetter',
    caliber: {
      includes: 'Closing (1001 + 1002 + 1012 + 1101) ÷ average monthly net burn over the trailing three periods (the decrease in those balances ÷ their days × 365/12)',
      dayBasis: 365,
      balance: 'ending',
      notes: 'When liquid funds did not shrink over the three periods (net burn ≤ 0) the runway is unlimited and shows #NEG_DENOMINATOR or #DIV0',
    },
    thresholds: [warnBelow(12), critBelow(6)],
    tags: ['burn', 'liquidity'],
    owner: OWNERS.treasury,
  }),
];
