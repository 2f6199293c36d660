import type { Localized } from '../i18n';

/**
 * The chart of accounts the standard KPI library is written against: China Accounting Standards
 * (企业会计准则) first-level codes, with the sub-accounts the library singles out.
 * Amounts in the ledger are a journal: debit positive, credit negative.
 */
export type AccountClass = 'asset' | 'liability' | 'equity' | 'cost' | 'profitAndLoss';

export interface Account {
  code: string;
  name: Localized;
  class: AccountClass;
  /** The side a normal balance sits on; credit-normal accounts need `sign: -1` in base metrics. */
  normal: 'debit' | 'credit';
  /** Contra accounts (accumulated depreciation…) sit on the other side of their class. */
  contra?: boolean;
}

const acc = (code: string, zh: string, en: string, cls: AccountClass, normal: 'debit' | 'credit', contra = false): Account =>
  contra ? { code, name: { 'zh-CN': zh, 'en-US': en }, class: cls, normal, contra } : { code, name: { 'zh-CN': zh, 'en-US': en }, class: cls, normal };

export const CHART_OF_ACCOUNTS: readonly Account[] = [
  acc('1001', '库存现金', 'Cash on hand', 'asset', 'debit'),
  acc('1002', '银行存款', 'Cash in bank', 'asset', 'debit'),
  acc('1012', '其他货币资金', 'Other monetary funds', 'asset', 'debit'),
  acc('1101', '交易性金融资产', 'Trading financial assets', 'asset', 'debit'),
  acc('1122', '应收账款', 'Accounts receivable', 'asset', 'debit'),
  acc('1123', '预付账款', 'Prepayments', 'asset', 'debit'),
  acc('1221', '其他应收款', 'Other receivables', 'asset', 'debit'),
  acc('1403', '原材料', 'Raw materials', 'asset', 'debit'),
  acc('1405', '库存商品', 'Finished goods', 'asset', 'debit'),
  acc('1601', '固定资产', 'Fixed assets', 'asset', 'debit'),
  acc('1602', '累计折旧', 'Accumulated depreciation', 'asset', 'credit', true),
  acc('1701', '无形资产', 'Intangible assets', 'asset', 'debit'),
  acc('1702', '累计摊销', 'Accumulated amortisation', 'asset', 'credit', true),
  acc('2001', '短期借款', 'Short-term loans', 'liability', 'credit'),
  acc('2202', '应付账款', 'Accounts payable', 'liability', 'credit'),
  acc('2211', '应付职工薪酬', 'Payroll payable', 'liability', 'credit'),
  acc('2221', '应交税费', 'Taxes payable', 'liability', 'credit'),
  acc('222101', '应交增值税', 'VAT payable', 'liability', 'credit'),
  acc('222102', '应交所得税', 'Income tax payable', 'liability', 'credit'),
  acc('222103', '应交城建税及教育费附加', 'Surcharges payable', 'liability', 'credit'),
  acc('2501', '长期借款', 'Long-term loans', 'liability', 'credit'),
  acc('4001', '实收资本', 'Paid-in capital', 'equity', 'credit'),
  acc('4103', '本年利润', 'Current-year profit', 'equity', 'credit'),
  acc('4104', '利润分配', 'Retained earnings', 'equity', 'credit'),
  acc('6001', '主营业务收入', 'Main operating revenue', 'profitAndLoss', 'credit'),
  acc('6051', '其他业务收入', 'Other operating revenue', 'profitAndLoss', 'credit'),
  acc('6401', '主营业务成本', 'Cost of main operations', 'profitAndLoss', 'debit'),
  acc('6403', '税金及附加', 'Taxes and surcharges', 'profitAndLoss', 'debit'),
  acc('6601', '销售费用', 'Selling expenses', 'profitAndLoss', 'debit'),
  acc('6602', '管理费用', 'Administrative expenses', 'profitAndLoss', 'debit'),
  acc('660201', '管理费用-折旧费', 'Admin expenses – depreciation', 'profitAndLoss', 'debit'),
  acc('660202', '管理费用-无形资产摊销', 'Admin expenses – amortisation', 'profitAndLoss', 'debit'),
  acc('6603', '财务费用', 'Finance expenses', 'profitAndLoss', 'debit'),
  acc('660301', '财务费用-利息支出', 'Finance expenses – interest expense', 'profitAndLoss', 'debit'),
  acc('660302', '财务费用-手续费', 'Finance expenses – bank charges', 'profitAndLoss', 'debit'),
  acc('6711', '营业外支出', 'Non-operating expenses', 'profitAndLoss', 'debit'),
  acc('6801', '所得税费用', 'Income tax expense', 'profitAndLoss', 'debit'),
];

/**
 * Account selections shared by the library's base metrics. `*` is a prefix match, so sub-accounts
 * (660201, 222101…) are always included with their parent. Lists name the full CAS range where a
 * ledger may use more accounts than the demo chart (1401 materials in transit, 2203 advances…).
 */
export const ACCOUNT_GROUPS = {
  /** 货币资金: cash on hand, in bank and other monetary funds. */
  cash: ['1001*', '1002*', '1012*'],
  /** Cash and cash equivalents for the cash-flow view: other monetary funds are often restricted. */
  cashEquivalents: ['1001*', '1002*'],
  tradingAssets: ['1101*'],
  receivables: ['1122*'],
  inventory: ['1401*', '1402*', '1403*', '1404*', '1405*', '1406*', '1407*', '1408*', '1411*', '1471*', '5001*'],
  currentAssets: [
    '1001*', '1002*', '1012*', '1101*', '1121*', '1122*', '1123*', '1131*', '1132*', '1221*', '1231*',
    '1401*', '1402*', '1403*', '1404*', '1405*', '1406*', '1407*', '1408*', '1411*', '1471*', '5001*',
  ],
  /** Assets are class 1 plus the production-cost accounts (5001 WIP is inventory on the balance sheet). */
  totalAssets: ['1*', '5*'],
  payables: ['2202*'],
  currentLiabilities: ['2001*', '2101*', '22*'],
  totalLiabilities: ['2*'],
  interestBearingDebt: ['2001*', '2501*', '2502*'],
  /** Equity plus every profit-and-loss account: before 结转损益 the year's profit still sits in class 6. */
  equityWithUnclosedProfit: ['4*', '6*'],
  revenue: ['6001*', '6051*'],
  costOfSales: ['6401*', '6402*'],
  taxesAndSurcharges: ['6403*'],
  sellingExpenses: ['6601*'],
  adminExpenses: ['6602*'],
  financeExpenses: ['6603*'],
  interestExpense: ['660301*'],
  depreciationAndAmortisation: ['660201*', '660202*'],
  profitAndLoss: ['6*'],
  /** Below operating profit: non-operating income and expenses, income tax. */
  belowOperatingProfit: ['6301*', '6711*', '6801*'],
  incomeTax: ['6801*'],
} as const satisfies Record<string, readonly string[]>;

/** The dimension tagging bank and cash rows with their cash-flow statement activity. */
export const CASHFLOW_DIMENSION = 'cashflow';
export const CASHFLOW_ACTIVITIES = ['operating', 'investing', 'financing'] as const;
export type CashflowActivity = (typeof CASHFLOW_ACTIVITIES)[number];

/** Source ids: budgets and forecasts use the same accounts and sign convention as the ledger. */
export const LEDGER_SOURCE = 'ledger';
export const BUDGET_SOURCE = 'budget';
export const FORECAST_SOURCE = 'forecast';

const BY_CODE = new Map(CHART_OF_ACCOUNTS.map((a) => [a.code, a] as const));

/** The account, or its nearest listed parent for an unlisted sub-account (66020199 → 660201). */
export function accountOf(code: string): Account | undefined {
  for (let n = code.length; n >= 4; n -= 1) {
    const hit = BY_CODE.get(code.slice(0, n));
    if (hit) return hit;
  }
  return undefined;
}
