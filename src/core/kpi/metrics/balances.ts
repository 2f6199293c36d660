import type { MetricDef } from '../../catalog';
import { ACCOUNT_GROUPS as G } from '../accounts';
import { accounts, kpi, OWNERS, t, type Category, type KpiDraft } from '../define';

/**
 * Balance-sheet inputs: closing balances, i.e. the cumulative sum of every movement up to the
 * period end (the ledger carries opening-balance entries in its first month). Liabilities and equity
 * are credit-normal, hence sign −1. Ratios take averages with AVG_BALANCE where finance does.
 */
function balance(
  id: string,
  name: [string, string],
  description: [string, string],
  category: Category,
  patterns: readonly string[],
  caliber: { includes: string; excludes?: string; notes?: string },
  extra: Partial<KpiDraft> = {},
): MetricDef {
  return kpi({
    id,
    name: t(...name),
    description: t(...description),
    category,
    kind: 'base',
    accounts: accounts(patterns),
    aggregation: 'closing',
    unit: 'currency',
    direction: 'neutral',
    caliber: { ...caliber, balance: 'ending' },
    tags: ['balance sheet'],
    owner: OWNERS.controller,
    ...extra,
  });
}

const CREDIT = { sign: -1 } as const;

export const BALANCE_METRICS: MetricDef[] = [
  balance('cash', ['货币资金', 'Cash and bank'], ['库存现金、银行存款和其他货币资金的期末余额。', 'Closing cash on hand, in bank and other monetary funds.'], 'liquidity', G.cash, {
    includes: '1001 库存现金, 1002 银行存款, 1012 其他货币资金',
    notes: '1012 may hold restricted deposits (guarantees, bank acceptance margins)',
  }, { direction: 'higherIsBetter', owner: OWNERS.treasury }),
  balance('trading_assets', ['交易性金融资产', 'Trading financial assets'], ['以公允价值计量的短期投资期末余额。', 'Closing balance of short-term investments at fair value.'], 'liquidity', G.tradingAssets, {
    includes: '1101 交易性金融资产',
  }, { owner: OWNERS.treasury }),
  balance('accounts_receivable', ['应收账款', 'Accounts receivable'], ['应收账款期末余额（含税）。', 'Closing trade receivables, VAT included.'], 'efficiency', G.receivables, {
    includes: '1122 应收账款, gross',
    excludes: 'Bad-debt provision (1231), notes receivable (1121), other receivables (1221)',
    notes: 'Receivables include 13% output VAT while revenue does not',
  }, { direction: 'lowerIsBetter' }),
  balance('inventory', ['存货', 'Inventory'], ['原材料、在产品、库存商品等存货期末余额，扣除跌价准备。', 'Closing raw materials, work in progress and finished goods, net of write-down provisions.'], 'efficiency', G.inventory, {
    includes: '1401–1411 materials and goods, 1471 存货跌价准备 (contra), 5001 生产成本 (WIP)',
  }),
  balance('accounts_payable', ['应付账款', 'Accounts payable'], ['应付账款期末余额（含税）。', 'Closing trade payables, VAT included.'], 'efficiency', G.payables, {
    includes: '2202 应付账款',
    excludes: 'Notes payable (2201), other payables (2241)',
    notes: 'Payables include input VAT while cost of sales does not',
  }, CREDIT),
  balance('current_assets', ['流动资产', 'Current assets'], ['一年内可变现的资产期末余额。', 'Closing assets realisable within a year.'], 'liquidity', G.currentAssets, {
    includes: 'Monetary funds, trading assets, notes and accounts receivable net of bad-debt provision, prepayments, other receivables, inventory',
    excludes: 'Non-current assets (1501 onwards)',
  }),
  balance('current_liabilities', ['流动负债', 'Current liabilities'], ['一年内到期的负债期末余额。', 'Closing liabilities due within a year.'], 'liquidity', G.currentLiabilities, {
    includes: '2001 短期借款, 2101 交易性金融负债, 22xx payables (notes, trade, advances, payroll, taxes, interest, dividends, other)',
    excludes: 'Long-term loans (2501) and bonds (2502), including their current portion unless reclassified',
  }, CREDIT),
  balance('total_assets', ['资产总计', 'Total assets'], ['全部资产期末余额。', 'Closing total assets.'], 'leverage', G.totalAssets, {
    includes: 'Every class-1 account net of contra accounts (accumulated depreciation, amortisation, provisions) and class-5 production cost',
  }),
  balance('total_liabilities', ['负债合计', 'Total liabilities'], ['全部负债期末余额。', 'Closing total liabilities.'], 'leverage', G.totalLiabilities, {
    includes: 'Every class-2 account',
  }, { ...CREDIT, direction: 'lowerIsBetter' }),
  balance('total_equity', ['所有者权益合计', 'Total equity'], ['实收资本、留存收益及尚未结转的本年损益。', 'Paid-in capital, retained earnings and the profit not yet closed to equity.'], 'leverage', G.equityWithUnclosedProfit, {
    includes: 'Every class-4 account plus the cumulative balance of class-6 (profit and loss) accounts',
    notes: 'Adding class 6 makes the figure right whether or not P&L has been closed to 4103/4104; it stays the balancing figure of assets − liabilities',
  }, { ...CREDIT, direction: 'higherIsBetter' }),
  balance('interest_bearing_debt', ['有息负债', 'Interest-bearing debt'], ['短期借款、长期借款与应付债券期末余额。', 'Closing short-term loans, long-term loans and bonds.'], 'leverage', G.interestBearingDebt, {
    includes: '2001 短期借款, 2501 长期借款, 2502 应付债券',
    excludes: 'Lease liabilities, notes payable, shareholder loans booked in 2241',
  }, { ...CREDIT, direction: 'lowerIsBetter', owner: OWNERS.treasury }),
];
