import { validateCatalog } from '../catalog';
import { evaluateCatalog, type MetricValue } from '../engine';
import type { Grain } from '../periods';
import { ledger } from '../testing/factories';
import { accountOf, CATEGORIES, CHART_OF_ACCOUNTS, KPI_LIBRARY, kpiCatalogJson } from './index';

/**
 * Worked examples: every expected figure is computed by hand from the inputs stated in the test,
 * never copied from the engine. Ledger amounts are a journal: debit +, credit −.
 */
type Row = [string, string, number, Record<string, string>?];

const worked = new Set<string>();
const DAYS_PER_MONTH = 365 / 12; // dayBasis 365
const ANNUALISE_MONTH = 12; // 365 / (365 / 12)

/** Evaluates one library metric (and what it needs) over tiny ledgers; returns a per-period reader. */
function run(id: string, rows: Row[], opts: { budget?: Row[]; forecast?: Row[]; grain?: Grain } = {}): (period: string) => MetricValue {
  worked.add(id);
  const sources = {
    ledger: ledger(rows),
    ...(opts.budget ? { budget: ledger(opts.budget) } : {}),
    ...(opts.forecast ? { forecast: ledger(opts.forecast) } : {}),
  };
  const ev = evaluateCatalog({ catalog: KPI_LIBRARY, sources, grain: opts.grain ?? 'month', metrics: [id] });
  expect(ev.problems).toEqual([]);
  return (period) => {
    const v = ev.values.find((x) => x.metricId === id && x.period === period && x.member === undefined);
    if (!v) throw new Error(`no value for ${id} in ${period}; periods: ${ev.periods.join(', ')}`);
    return v;
  };
}

/** The number, or a failure that says which error value came out instead. */
function num(v: MetricValue): number {
  if (v.value === null) throw new Error(`${v.metricId} ${v.period} is #${v.error?.kind}: ${v.error?.detail}`);
  return v.value;
}

/** Balance rows posted on one date from {account: signed balance}. */
const post = (date: string, amounts: Record<string, number>, dims?: Record<string, string>): Row[] =>
  Object.entries(amounts).map(([account, amount]) => [date, account, amount, dims]);

// A March 2026 income statement used by the margin examples (amounts in CNY, positive = expense or income as named).
const P = {
  mainRevenue: 1_000_000,
  otherRevenue: 50_000,
  cogs: 620_000,
  surcharges: 12_000,
  selling: 80_000,
  adminOther: 60_000,
  depreciation: 15_000,
  amortisation: 5_000,
  interest: 9_000,
  bankCharges: 1_000,
  nonOperating: 3_000,
  incomeTax: 60_000,
};
const pnl = (date: string, scale = 1): Row[] =>
  post(date, {
    '6001': -P.mainRevenue * scale,
    '6051': -P.otherRevenue * scale,
    '6401': P.cogs * scale,
    '6403': P.surcharges * scale,
    '6601': P.selling * scale,
    '6602': P.adminOther * scale,
    '660201': P.depreciation * scale,
    '660202': P.amortisation * scale,
    '660301': P.interest * scale,
    '660302': P.bankCharges * scale,
    '6711': P.nonOperating * scale,
    '6801': P.incomeTax * scale,
  });
const REVENUE = P.mainRevenue + P.otherRevenue;
const ADMIN = P.adminOther + P.depreciation + P.amortisation;
const FINANCE = P.interest + P.bankCharges;
const OPERATING_PROFIT = REVENUE - P.cogs - P.surcharges - P.selling - ADMIN - FINANCE;
const PROFIT_BEFORE_TAX = OPERATING_PROFIT - P.nonOperating;
const NET_INCOME = PROFIT_BEFORE_TAX - P.incomeTax;

describe('KPI_LIBRARY', () => {
  it('validates with zero problems and has at least 30 KPIs beyond its base metrics', () => {
    const check = validateCatalog(KPI_LIBRARY);
    expect(check.problems).toEqual([]);
    expect(check.catalog).toBeDefined();
    expect(KPI_LIBRARY.metrics.filter((m) => m.kind !== 'base').length).toBeGreaterThanOrEqual(30);
  });

  it('every metric is published, bilingual, described, owned, in a known category; day metrics state their basis', () => {
    for (const m of KPI_LIBRARY.metrics) {
      expect({ id: m.id, status: m.status, version: m.version }).toEqual({ id: m.id, status: 'published', version: 1 });
      expect(m.name['zh-CN'] && m.name['en-US'] && m.description?.['zh-CN'] && m.description['en-US'] && m.owner).toBeTruthy();
      expect(CATEGORIES).toContain(m.category);
      expect(m.caliber?.includes).toBeTruthy();
      expect(m.decimals).toBeDefined();
      if ((m.formula ?? '').includes('DAYS()')) expect(m.caliber?.dayBasis).toBe(365);
      if ((m.formula ?? '').includes('AVG_BALANCE')) expect(m.caliber?.balance).toBe('average');
    }
  });

  it('kpiCatalogJson round-trips to the library', () => {
    const json = kpiCatalogJson();
    const check = validateCatalog(JSON.parse(json));
    expect(check.problems).toEqual([]);
    expect(check.catalog?.metrics).toEqual(KPI_LIBRARY.metrics);
  });
});

describe('chart of accounts', () => {
  it('has unique codes; an unlisted sub-account resolves to its nearest listed parent', () => {
    const codes = CHART_OF_ACCOUNTS.map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(accountOf('66020199')?.name['zh-CN']).toBe('管理费用-折旧费');
    expect(accountOf('6001')?.normal).toBe('credit');
    expect(accountOf('1602')).toMatchObject({ class: 'asset', normal: 'credit', contra: true });
    expect(accountOf('9999')).toBeUndefined();
  });
});

describe('income statement inputs', () => {
  it('revenue: main plus other revenue, without output VAT or non-operating income', () => {
    // A sale of 1,000,000 + VAT 130,000, scrap sales 50,000, a 20,000 insurance refund in 6301.
    const v = run('revenue', [
      ['2026-03-10', '1122', 1_130_000],
      ['2026-03-10', '6001', -1_000_000],
      ['2026-03-10', '222101', -130_000],
      ['2026-03-20', '6051', -50_000],
      ['2026-03-25', '6301', -20_000],
    ]);
    expect(v('2026-03')).toMatchObject({ value: 1_000_000 + 50_000, exact: '1050000.00' });
  });

  it('operating profit, profit before tax and net income follow the CAS income statement', () => {
    const rows = pnl('2026-03-31');
    expect(num(run('operating_profit', rows)('2026-03'))).toBeCloseTo(1_050_000 - 620_000 - 12_000 - 80_000 - 80_000 - 10_000, 6);
    expect(num(run('total_profit', rows)('2026-03'))).toBeCloseTo(PROFIT_BEFORE_TAX, 6);
    expect(num(run('net_income', rows)('2026-03'))).toBeCloseTo(248_000 - 3_000 - 60_000, 6);
  });
});

describe('profitability', () => {
  it('gross_profit: revenue 1,000,000 less COGS 620,000', () => {
    const v = run('gross_profit', [
      ['2026-03-31', '6001', -1_000_000],
      ['2026-03-31', '6401', 620_000],
    ]);
    expect(num(v('2026-03'))).toBeCloseTo(1_000_000 - 620_000, 6);
  });

  it('gross_margin: (1,000,000 − 620,000) / 1,000,000', () => {
    const v = run('gross_margin', [
      ['2026-03-31', '6001', -1_000_000],
      ['2026-03-31', '6401', 620_000],
    ]);
    const expected = 380_000 / 1_000_000;
    expect(num(v('2026-03'))).toBeCloseTo(expected, 10);
  });

  it('gross_margin: a month with costs but no revenue is #DIV0, not a number', () => {
    const v = run('gross_margin', [
      ['2026-02-28', '6001', -500_000],
      ['2026-03-31', '6401', 40_000],
    ]);
    expect(v('2026-03').value).toBeNull();
    expect(v('2026-03').error?.kind).toBe('DIV0');
  });

  it('operating_margin: operating profit over revenue', () => {
    const v = run('operating_margin', pnl('2026-03-31'));
    expect(num(v('2026-03'))).toBeCloseTo(OPERATING_PROFIT / REVENUE, 10);
  });

  it('net_margin: net income after tax over revenue', () => {
    const v = run('net_margin', pnl('2026-03-31'));
    expect(num(v('2026-03'))).toBeCloseTo(NET_INCOME / REVENUE, 10);
  });

  it('ebit: profit before tax plus interest expense (not bank charges)', () => {
    const v = run('ebit', pnl('2026-03-31'));
    expect(num(v('2026-03'))).toBeCloseTo(PROFIT_BEFORE_TAX + P.interest, 6);
  });

  it('ebitda: EBIT plus depreciation and amortisation', () => {
    const v = run('ebitda', pnl('2026-03-31'));
    expect(num(v('2026-03'))).toBeCloseTo(PROFIT_BEFORE_TAX + P.interest + P.depreciation + P.amortisation, 6);
  });

  it('ebitda_margin: EBITDA over revenue', () => {
    const v = run('ebitda_margin', pnl('2026-03-31'));
    const ebitda = PROFIT_BEFORE_TAX + P.interest + P.depreciation + P.amortisation;
    expect(num(v('2026-03'))).toBeCloseTo(ebitda / REVENUE, 10);
  });

  it('period_expense_ratio: selling + admin + finance over revenue', () => {
    const v = run('period_expense_ratio', pnl('2026-03-31'));
    expect(num(v('2026-03'))).toBeCloseTo((80_000 + 80_000 + 10_000) / 1_050_000, 10);
  });

  it('selling_expense_ratio: selling expenses over revenue', () => {
    const v = run('selling_expense_ratio', pnl('2026-03-31'));
    expect(num(v('2026-03'))).toBeCloseTo(80_000 / 1_050_000, 10);
  });

  it('roa: March net income annualised (×12) over average total assets', () => {
    // Total assets close Feb at 5,000,000 (cash 1,000,000 + fixed assets 4,000,000) and Mar at 5,400,000.
    const v = run('roa', [
      ...post('2026-02-01', { '1002': 1_000_000, '1601': 4_000_000, '4001': -5_000_000 }),
      ['2026-03-31', '1002', 400_000],
      ['2026-03-31', '6001', -400_000],
      ['2026-03-31', '6401', 300_000],
      ['2026-03-31', '2202', -300_000],
    ]);
    const netIncome = 400_000 - 300_000;
    const expected = (netIncome * 12) / ((5_000_000 + 5_400_000) / 2);
    expect(num(v('2026-03'))).toBeCloseTo(expected, 10);
  });

  it('roe: annualised net income over average equity, including profit not yet closed to 4103', () => {
    // Equity: paid-in 2,000,000 + retained 1,000,000 at Feb end; March profit 60,000 stays in class 6.
    const v = run('roe', [
      ...post('2026-02-01', { '1002': 3_000_000, '4001': -2_000_000, '4104': -1_000_000 }),
      ...post('2026-03-31', { '1002': 60_000, '6001': -100_000, '6602': 40_000 }),
    ]);
    const openingEquity = 2_000_000 + 1_000_000;
    const closingEquity = openingEquity + 60_000;
    const expected = (60_000 * ANNUALISE_MONTH) / ((openingEquity + closingEquity) / 2);
    expect(num(v('2026-03'))).toBeCloseTo(expected, 10);
  });

  it('roe: negative equity gives #NEG_DENOMINATOR', () => {
    // Paid-in 1,000,000 against accumulated losses of 1,500,000: equity −500,000, then a further loss.
    const v = run('roe', [
      ...post('2026-02-01', { '1002': 200_000, '2001': -700_000, '4001': -1_000_000, '4104': 1_500_000 }),
      ...post('2026-03-31', { '6602': 50_000, '1002': -50_000 }),
    ]);
    expect(v('2026-03').value).toBeNull();
    expect(v('2026-03').error?.kind).toBe('NEG_DENOMINATOR');
  });
});

describe('liquidity', () => {
  // March closing: cash 150,000 + bank 350,000, trading assets 100,000, AR 400,000, inventory 300,000 + 200,000,
  // fixed assets 900,000 (not current); short-term loan 300,000, AP 450,000, payroll 50,000, long-term loan 600,000 (not current).
  const BS: Row[] = post('2026-03-31', {
    '1001': 150_000,
    '1002': 350_000,
    '1101': 100_000,
    '1122': 400_000,
    '1403': 300_000,
    '1405': 200_000,
    '1601': 900_000,
    '2001': -300_000,
    '2202': -450_000,
    '2211': -50_000,
    '2501': -600_000,
    '4001': -1_000_000,
  });
  const CA = 150_000 + 350_000 + 100_000 + 400_000 + 300_000 + 200_000;
  const CL = 300_000 + 450_000 + 50_000;

  it('current_ratio: current assets over current liabilities, long-term items left out', () => {
    expect(num(run('current_ratio', BS)('2026-03'))).toBeCloseTo(CA / CL, 10);
  });

  it('quick_ratio: current assets less inventory over current liabilities', () => {
    expect(num(run('quick_ratio', BS)('2026-03'))).toBeCloseTo((CA - 300_000 - 200_000) / CL, 10);
  });

  it('cash_ratio: cash, bank and trading assets over current liabilities', () => {
    expect(num(run('cash_ratio', BS)('2026-03'))).toBeCloseTo((150_000 + 350_000 + 100_000) / CL, 10);
  });

  it('working_capital: current assets less current liabilities', () => {
    expect(num(run('working_capital', BS)('2026-03'))).toBeCloseTo(CA - CL, 6);
  });

  it('ocf_ratio: operating cash only, annualised, over closing current liabilities', () => {
    // March bank: +500,000 customer receipts, −320,000 supplier payments (operating), −100,000 capex (investing),
    // +200,000 short-term loan (financing). Closing current liabilities: AP 400,000 + payroll 50,000 + loan 200,000.
    const v = run('ocf_ratio', [
      ['2026-03-05', '1002', 500_000, { cashflow: 'operating' }],
      ['2026-03-05', '1122', -500_000],
      ['2026-03-10', '1002', -320_000, { cashflow: 'operating' }],
      ['2026-03-10', '2202', 320_000],
      ['2026-03-12', '1002', -100_000, { cashflow: 'investing' }],
      ['2026-03-12', '1601', 100_000],
      ['2026-03-15', '1002', 200_000, { cashflow: 'financing' }],
      ['2026-03-15', '2001', -200_000],
      ['2026-03-31', '2202', -720_000],
      ['2026-03-31', '2211', -50_000],
    ]);
    const ocf = 500_000 - 320_000;
    const currentLiabilities = 400_000 + 50_000 + 200_000; // 2202: +320,000 − 720,000 = −400,000
    expect(num(v('2026-03'))).toBeCloseTo((ocf * 12) / currentLiabilities, 10);
  });
});

describe('efficiency', () => {
  it('inventory_turnover: annualised COGS over average inventory', () => {
    // Inventory closes Feb at 900,000 and Mar at 1,100,000; March COGS 500,000.
    const v = run('inventory_turnover', [
      ['2026-02-28', '1405', 900_000],
      ['2026-03-31', '1403', 200_000],
      ['2026-03-31', '6401', 500_000],
    ]);
    expect(num(v('2026-03'))).toBeCloseTo((500_000 * 12) / ((900_000 + 1_100_000) / 2), 10);
  });

  it('dio: average inventory over COGS × 365/12 days, = 365 / turnover', () => {
    const rows: Row[] = [
      ['2026-02-28', '1405', 900_000],
      ['2026-03-31', '1403', 200_000],
      ['2026-03-31', '6401', 500_000],
    ];
    const expected = (((900_000 + 1_100_000) / 2) / 500_000) * DAYS_PER_MONTH;
    expect(num(run('dio', rows)('2026-03'))).toBeCloseTo(expected, 10);
    expect(expected).toBeCloseTo(365 / ((500_000 * 12) / 1_000_000), 10);
  });

  it('ar_turnover: annualised revenue over average receivables', () => {
    const v = run('ar_turnover', [
      ['2026-02-28', '1122', 800_000],
      ['2026-03-15', '1122', 200_000],
      ['2026-03-31', '6001', -1_500_000],
    ]);
    expect(num(v('2026-03'))).toBeCloseTo((1_500_000 * 12) / ((800_000 + 1_000_000) / 2), 10);
  });

  it('dso: average receivables over revenue × 365/12 days', () => {
    // AR closes Feb at 800,000 and Mar at 1,000,000; March revenue 1,500,000.
    const v = run('dso', [
      ['2026-02-28', '1122', 800_000],
      ['2026-03-15', '1122', 200_000],
      ['2026-03-31', '6001', -1_500_000],
    ]);
    const expected = ((800_000 + 1_000_000) / 2 / 1_500_000) * (365 / 12);
    expect(num(v('2026-03'))).toBeCloseTo(expected, 10);
  });

  it('dso on a quarter: average of quarter-end balances, 365/4 days', () => {
    // AR closes 2025-Q4 at 600,000 and 2026-Q1 at 900,000; Q1 revenue 2,000,000 + 1,500,000 + 1,000,000.
    const v = run(
      'dso',
      [
        ['2025-12-31', '1122', 600_000],
        ['2026-01-31', '6001', -2_000_000],
        ['2026-02-28', '6001', -1_500_000],
        ['2026-03-31', '6001', -1_000_000],
        ['2026-03-31', '1122', 300_000],
      ],
      { grain: 'quarter' },
    );
    const expected = ((600_000 + 900_000) / 2 / 4_500_000) * (365 / 4);
    expect(num(v('2026-Q1'))).toBeCloseTo(expected, 10);
  });

  it('dso: the first month of the ledger has no opening balance, so it is #MISSING', () => {
    const v = run('dso', [
      ['2026-03-01', '1122', 100_000],
      ['2026-03-31', '6001', -100_000],
    ]);
    expect(v('2026-03').error?.kind).toBe('MISSING');
  });

  it('ap_turnover: annualised COGS over average payables (credit balances flipped)', () => {
    // AP closes Feb at 400,000 and Mar at 600,000; March COGS 750,000.
    const v = run('ap_turnover', [
      ['2026-02-28', '2202', -400_000],
      ['2026-03-31', '2202', -200_000],
      ['2026-03-31', '6401', 750_000],
    ]);
    expect(num(v('2026-03'))).toBeCloseTo((750_000 * 12) / ((400_000 + 600_000) / 2), 10);
  });

  it('dpo: average payables over COGS × 365/12 days', () => {
    const v = run('dpo', [
      ['2026-02-28', '2202', -400_000],
      ['2026-03-31', '2202', -200_000],
      ['2026-03-31', '6401', 750_000],
    ]);
    expect(num(v('2026-03'))).toBeCloseTo((500_000 / 750_000) * DAYS_PER_MONTH, 10);
  });

  it('cash_conversion_cycle: DIO + DSO − DPO', () => {
    // Feb → Mar closing: inventory 900,000 → 1,100,000; AR 800,000 → 1,000,000; AP 400,000 → 600,000.
    // March revenue 1,500,000, COGS 750,000.
    const v = run('cash_conversion_cycle', [
      ...post('2026-02-28', { '1405': 900_000, '1122': 800_000, '2202': -400_000 }),
      ...post('2026-03-31', { '1405': 200_000, '1122': 200_000, '2202': -200_000, '6001': -1_500_000, '6401': 750_000 }),
    ]);
    const dio = (1_000_000 / 750_000) * DAYS_PER_MONTH;
    const dso = (900_000 / 1_500_000) * DAYS_PER_MONTH;
    const dpo = (500_000 / 750_000) * DAYS_PER_MONTH;
    expect(num(v('2026-03'))).toBeCloseTo(dio + dso - dpo, 10);
  });

  it('asset_turnover: annualised revenue over average total assets, net of accumulated depreciation', () => {
    // Feb: bank 1,000,000, fixed assets 3,000,000, accumulated depreciation −500,000 → 3,500,000.
    // March: +600,000 receivable from sales, −20,000 depreciation → 4,080,000.
    const v = run('asset_turnover', [
      ...post('2026-02-01', { '1002': 1_000_000, '1601': 3_000_000, '1602': -500_000, '4001': -3_500_000 }),
      ...post('2026-03-31', { '1122': 600_000, '6001': -600_000, '1602': -20_000, '660201': 20_000 }),
    ]);
    const expected = (600_000 * 12) / ((3_500_000 + 4_080_000) / 2);
    expect(num(v('2026-03'))).toBeCloseTo(expected, 10);
  });

  it('annualised ratios read alike at year grain: a year of revenue over the average of year-end assets', () => {
    const v = run(
      'asset_turnover',
      [
        ...post('2025-12-31', { '1002': 2_000_000, '4001': -2_000_000 }),
        ...post('2026-06-30', { '1002': 1_000_000, '6001': -1_000_000 }),
        ...post('2026-12-31', { '1002': 1_000_000, '6001': -1_000_000 }),
      ],
      { grain: 'year' },
    );
    expect(num(v('2026'))).toBeCloseTo(2_000_000 / ((2_000_000 + 4_000_000) / 2), 10);
  });
});

describe('leverage', () => {
  // March closing: total assets 10,000,000 (bank 2,000,000, fixed 8,000,000); liabilities: short-term loan 1,000,000,
  // AP 1,500,000, long-term loan 3,500,000; equity 4,000,000 (paid-in 3,000,000 + retained 1,000,000).
  const BS: Row[] = post('2026-03-31', {
    '1002': 2_000_000,
    '1601': 8_000_000,
    '2001': -1_000_000,
    '2202': -1_500_000,
    '2501': -3_500_000,
    '4001': -3_000_000,
    '4104': -1_000_000,
  });

  it('debt_to_equity: total liabilities over total equity', () => {
    expect(num(run('debt_to_equity', BS)('2026-03'))).toBeCloseTo((1_000_000 + 1_500_000 + 3_500_000) / (3_000_000 + 1_000_000), 10);
  });

  it('debt_to_assets: total liabilities over total assets', () => {
    expect(num(run('debt_to_assets', BS)('2026-03'))).toBeCloseTo(6_000_000 / 10_000_000, 10);
  });

  it('net_debt: loans less cash and bank; payables are not debt', () => {
    expect(num(run('net_debt', BS)('2026-03'))).toBeCloseTo(1_000_000 + 3_500_000 - 2_000_000, 6);
  });

  it('interest_coverage: EBIT over interest expense', () => {
    const v = run('interest_coverage', pnl('2026-03-31'));
    expect(num(v('2026-03'))).toBeCloseTo((PROFIT_BEFORE_TAX + P.interest) / P.interest, 10);
  });

  it('interest_coverage: no interest expense is #DIV0', () => {
    const v = run('interest_coverage', post('2026-03-31', { '6001': -100_000, '6401': 60_000 }));
    expect(v('2026-03').error?.kind).toBe('DIV0');
  });

  it('net_debt_to_ebitda: closing net debt over annualised EBITDA', () => {
    const v = run('net_debt_to_ebitda', [...BS, ...pnl('2026-03-31')]);
    const ebitda = PROFIT_BEFORE_TAX + P.interest + P.depreciation + P.amortisation;
    const netDebt = 1_000_000 + 3_500_000 - 2_000_000;
    expect(num(v('2026-03'))).toBeCloseTo(netDebt / (ebitda * 12), 10);
  });

  it('net_debt_to_ebitda: negative EBITDA gives #NEG_DENOMINATOR', () => {
    const v = run('net_debt_to_ebitda', [...BS, ...post('2026-03-31', { '6001': -100_000, '6602': 300_000 })]);
    expect(v('2026-03').error?.kind).toBe('NEG_DENOMINATOR');
  });
});

describe('cash', () => {
  it('operating_cash_flow: operating-tagged cash and bank movements only', () => {
    const v = run('operating_cash_flow', [
      ['2026-03-01', '1002', 5_000_000], // opening balance: no cash-flow tag
      ['2026-03-05', '1002', 800_000, { cashflow: 'operating' }],
      ['2026-03-06', '1001', -5_000, { cashflow: 'operating' }],
      ['2026-03-10', '1002', -300_000, { cashflow: 'operating' }],
      ['2026-03-12', '1002', -250_000, { cashflow: 'investing' }],
      ['2026-03-20', '1002', 1_000_000, { cashflow: 'financing' }],
      ['2026-03-25', '1012', 40_000, { cashflow: 'operating' }], // restricted deposit: not cash equivalent
    ]);
    expect(num(v('2026-03'))).toBeCloseTo(800_000 - 5_000 - 300_000, 6);
  });

  it('ocf_to_net_income: operating cash flow over net income; a loss gives #NEG_DENOMINATOR', () => {
    const v = run('ocf_to_net_income', [
      ['2026-02-10', '1002', 90_000, { cashflow: 'operating' }],
      ['2026-02-28', '6001', -300_000],
      ['2026-02-28', '6401', 350_000],
      ['2026-03-10', '1002', 180_000, { cashflow: 'operating' }],
      ['2026-03-31', '6001', -500_000],
      ['2026-03-31', '6401', 300_000],
    ]);
    expect(num(v('2026-03'))).toBeCloseTo(180_000 / (500_000 - 300_000), 10);
    expect(v('2026-02').error?.kind).toBe('NEG_DENOMINATOR');
  });

  it('gross_burn: cash operating costs, depreciation and amortisation excluded', () => {
    const v = run('gross_burn', pnl('2026-03-31'));
    const expected = P.cogs + P.surcharges + P.selling + P.adminOther + FINANCE;
    expect(num(v('2026-03'))).toBeCloseTo(expected, 6);
  });

  it('net_burn: the decrease in cash and short-term investments; buying a money-market fund is not burn', () => {
    const v = run('net_burn', [
      ['2026-02-01', '1002', 2_000_000],
      ['2026-02-01', '1101', 500_000],
      ['2026-03-05', '1002', 300_000, { cashflow: 'operating' }],
      ['2026-03-10', '1002', -700_000, { cashflow: 'operating' }],
      ['2026-03-15', '1001', -10_000, { cashflow: 'operating' }],
      ['2026-03-20', '1002', -90_000, { cashflow: 'investing' }],
      ['2026-03-20', '1601', 90_000],
      ['2026-03-25', '1002', -400_000, { cashflow: 'investing' }],
      ['2026-03-25', '1101', 400_000],
    ]);
    const febLiquid = 2_000_000 + 500_000;
    const marLiquid = febLiquid + 300_000 - 700_000 - 10_000 - 90_000;
    expect(num(v('2026-03'))).toBeCloseTo(febLiquid - marLiquid, 6);
    expect(v('2026-02').error?.kind).toBe('MISSING');
  });

  it('runway_months: closing liquid funds over the average monthly net burn of the last three months', () => {
    // Opening bank 900,000 and money-market fund 100,000 in December; burns of 100,000, 150,000 and 80,000 in Jan–Mar.
    const v = run('runway_months', [
      ['2025-12-31', '1002', 900_000],
      ['2025-12-31', '1101', 100_000],
      ['2026-01-31', '1002', -100_000, { cashflow: 'operating' }],
      ['2026-02-28', '1002', -150_000, { cashflow: 'operating' }],
      ['2026-03-31', '1002', -80_000, { cashflow: 'operating' }],
      ['2026-04-30', '1002', 50_000, { cashflow: 'operating' }],
      ['2026-05-31', '1002', 50_000, { cashflow: 'operating' }],
      ['2026-06-30', '1002', 50_000, { cashflow: 'operating' }],
    ]);
    const expected = (1_000_000 - 330_000) / ((100_000 + 150_000 + 80_000) / 3);
    expect(num(v('2026-03'))).toBeCloseTo(expected, 10);
    // Three months of growth: the runway is unlimited, shown as an error value rather than a number.
    expect(v('2026-06').error?.kind).toBe('NEG_DENOMINATOR');
  });

  it('net_cash_flow: every movement on cash accounts, all activities', () => {
    const v = run('net_cash_flow', [
      ['2026-02-01', '1002', 2_000_000],
      ['2026-03-05', '1002', 300_000, { cashflow: 'operating' }],
      ['2026-03-12', '1012', -50_000],
      ['2026-03-20', '1002', -90_000, { cashflow: 'investing' }],
    ]);
    expect(num(v('2026-03'))).toBeCloseTo(300_000 - 50_000 - 90_000, 6);
  });
});

describe('budget and forecast', () => {
  const ACTUAL: Row[] = [
    ['2026-03-31', '6001', -1_080_000, { department: 'East-1' }],
    ['2026-03-31', '6601', 95_000, { department: 'East-1' }],
    ['2026-03-31', '6602', 70_000, { department: 'Admin' }],
  ];
  const BUDGET: Row[] = [
    ['2026-03-01', '6001', -1_200_000, { department: 'East-1' }],
    ['2026-03-01', '6601', 90_000, { department: 'East-1' }],
    ['2026-03-01', '6602', 60_000, { department: 'Admin' }],
  ];

  it('budget_variance: actual less budgeted revenue', () => {
    const v = run('budget_variance', ACTUAL, { budget: BUDGET });
    expect(num(v('2026-03'))).toBeCloseTo(1_080_000 - 1_200_000, 6);
  });

  it('budget_variance_pct: (actual − budget) / budget', () => {
    const v = run('budget_variance_pct', ACTUAL, { budget: BUDGET });
    expect(num(v('2026-03'))).toBeCloseTo(-120_000 / 1_200_000, 10);
  });

  it('budget_attainment: actual over budget', () => {
    const v = run('budget_attainment', ACTUAL, { budget: BUDGET });
    expect(num(v('2026-03'))).toBeCloseTo(1_080_000 / 1_200_000, 10);
  });

  it('opex_budget_variance_pct: selling + admin over their budget', () => {
    const v = run('opex_budget_variance_pct', ACTUAL, { budget: BUDGET });
    expect(num(v('2026-03'))).toBeCloseTo((95_000 + 70_000 - (90_000 + 60_000)) / (90_000 + 60_000), 10);
  });

  it('forecast_accuracy: 1 − |actual − forecast| / actual', () => {
    const v = run('forecast_accuracy', [['2026-03-31', '6001', -1_000_000]], { forecast: [['2026-03-01', '6001', -940_000]] });
    expect(num(v('2026-03'))).toBeCloseTo(1 - Math.abs(1_000_000 - 940_000) / 1_000_000, 10);
  });

  it('forecast_accuracy: over-forecasting counts the same as under-forecasting', () => {
    const v = run('forecast_accuracy', [['2026-03-31', '6001', -1_000_000]], { forecast: [['2026-03-01', '6001', -1_060_000]] });
    expect(num(v('2026-03'))).toBeCloseTo(0.94, 10);
  });
});

describe('growth', () => {
  it('revenue_yoy: March 2026 1,000,000 against March 2025 800,000', () => {
    const v = run('revenue_yoy', [
      ['2025-03-31', '6001', -800_000],
      ['2026-03-31', '6001', -1_000_000],
    ]);
    expect(num(v('2026-03'))).toBeCloseTo((1_000_000 - 800_000) / 800_000, 10);
    expect(v('2025-03').error?.kind).toBe('MISSING');
  });

  it('revenue_mom: March 1,000,000 against February 800,000', () => {
    const v = run('revenue_mom', [
      ['2026-02-28', '6001', -800_000],
      ['2026-03-31', '6001', -1_000_000],
    ]);
    expect(num(v('2026-03'))).toBeCloseTo(0.25, 10);
  });

  it('revenue_ytd: sums from January and restarts with the year', () => {
    const v = run('revenue_ytd', [
      ['2025-12-31', '6001', -900_000],
      ['2026-01-31', '6001', -300_000],
      ['2026-02-28', '6051', -20_000],
      ['2026-03-31', '6001', -500_000],
    ]);
    expect(num(v('2026-03'))).toBeCloseTo(300_000 + 20_000 + 500_000, 6);
    expect(num(v('2026-01'))).toBeCloseTo(300_000, 6);
  });

  it('revenue_ytd_yoy: January–March 2026 against January–March 2025', () => {
    const rows: Row[] = [
      ...post('2025-01-31', { '6001': -300_000 }),
      ...post('2025-02-28', { '6001': -200_000 }),
      ...post('2025-03-31', { '6001': -500_000 }),
      ...post('2026-01-31', { '6001': -400_000 }),
      ...post('2026-02-28', { '6001': -250_000 }),
      ...post('2026-03-31', { '6001': -450_000 }),
    ];
    const v = run('revenue_ytd_yoy', rows);
    const ytd2026 = 400_000 + 250_000 + 450_000;
    const ytd2025 = 300_000 + 200_000 + 500_000;
    expect(num(v('2026-03'))).toBeCloseTo((ytd2026 - ytd2025) / ytd2025, 10);
  });

  it('net_income_yoy: growth from a loss divides by its absolute value', () => {
    // March 2025: revenue 200,000, costs 300,000 (loss 100,000). March 2026: revenue 350,000, costs 300,000 (profit 50,000).
    const v = run('net_income_yoy', [
      ...post('2025-03-31', { '6001': -200_000, '6401': 300_000 }),
      ...post('2026-03-31', { '6001': -350_000, '6401': 300_000 }),
    ]);
    expect(num(v('2026-03'))).toBeCloseTo((50_000 - -100_000) / Math.abs(-100_000), 10);
  });

  it('gross_margin_change_yoy: percentage points against the same month last year', () => {
    const v = run('gross_margin_change_yoy', [
      ...post('2025-03-31', { '6001': -1_000_000, '6401': 700_000 }),
      ...post('2026-03-31', { '6001': -1_200_000, '6401': 900_000 }),
    ]);
    expect(num(v('2026-03'))).toBeCloseTo(300_000 / 1_200_000 - 300_000 / 1_000_000, 10);
  });
});

describe('balance sheet consistency', () => {
  it('on a balanced month, total assets = total liabilities + total equity (P&L not closed)', () => {
    const opening = post('2026-02-01', { '1002': 3_000_000, '1122': 1_000_000, '1601': 2_000_000, '2202': -1_500_000, '4001': -4_500_000 });
    const march: Row[] = [
      ...post('2026-03-10', { '1122': 1_130_000, '6001': -1_000_000, '222101': -130_000 }),
      ...post('2026-03-20', { '6401': 600_000, '1002': -600_000 }),
      ...post('2026-03-31', { '660201': 20_000, '1602': -20_000 }),
    ];
    const rows = [...opening, ...march];
    expect(rows.reduce((s, [, , a]) => s + a, 0)).toBe(0);
    const assets = num(run('total_assets', rows)('2026-03'));
    const liabilities = num(run('total_liabilities', rows)('2026-03'));
    const equity = num(run('total_equity', rows)('2026-03'));
    expect(assets).toBeCloseTo(3_000_000 + 1_000_000 + 2_000_000 + 1_130_000 - 600_000 - 20_000, 6);
    expect(equity).toBeCloseTo(4_500_000 + (1_000_000 - 600_000 - 20_000), 6);
    expect(liabilities + equity).toBeCloseTo(assets, 6);
  });
});

describe('coverage', () => {
  it('every KPI beyond the base metrics has a worked example above', () => {
    const untested = KPI_LIBRARY.metrics.filter((m) => m.kind !== 'base' && !worked.has(m.id)).map((m) => m.id);
    expect(untested).toEqual([]);
  });
});
