import catalogJson from '../../../examples/catalog.json';
import { validateCatalog, type Catalog } from '../catalog';
import { AppError } from '../errors';
import { lineageClosure, lineageOf } from '.';

// The standard KPI library; each expectation below was read off examples/catalog.json by hand.
function exampleCatalog(): Catalog {
  const { catalog, problems } = validateCatalog(catalogJson);
  if (!catalog) throw new Error(problems.map((p) => `${p.path}: ${p.message['en-US']}`).join('\n'));
  return catalog;
}
const catalog = exampleCatalog();

describe('lineageOf on the KPI library', () => {
  it('gross margin: a ratio of gross profit to revenue, reading revenue and cost accounts', () => {
    const l = lineageOf(catalog, 'gross_margin');
    expect(l.uses).toEqual(['gross_profit', 'revenue']);
    expect(l.formula).toBe('DIVIDE(gross_profit, revenue)');
    expect(l.accounts.sort()).toEqual(['6001*', '6051*', '6401*', '6402*']);
    expect(l.source).toBe('ledger');
    expect(l.usedBy).toEqual(['gross_margin_change_yoy']);
  });

  it('revenue: a sign-flipped sum, read directly by eighteen metrics', () => {
    const l = lineageOf(catalog, 'revenue');
    expect(l.uses).toEqual([]);
    expect(l.formula).toBe('-SUM(6001*, 6051*)');
    expect(l.accounts).toEqual(['6001*', '6051*']);
    expect(l.usedBy).toEqual([
      'gross_profit', 'gross_margin', 'operating_margin', 'net_margin', 'ebitda_margin', 'period_expense_ratio',
      'selling_expense_ratio', 'ar_turnover', 'dso', 'asset_turnover', 'budget_variance', 'budget_variance_pct',
      'budget_attainment', 'forecast_accuracy', 'revenue_yoy', 'revenue_mom', 'revenue_ytd', 'revenue_ytd_yoy',
    ]);
  });

  it('shows exclusions, filters and balances in the base formula', () => {
    expect(lineageOf(catalog, 'operating_profit').formula).toBe('-SUM(6* − 6301* − 6711* − 6801*)');
    expect(lineageOf(catalog, 'operating_cash_flow').formula).toBe('SUM(1001*, 1002*)[cashflow=operating]');
    expect(lineageOf(catalog, 'cash').formula).toBe('CLOSING(1001*, 1002*, 1012*)');
  });

  it('writes cumulative and offset kinds as the formula they stand for', () => {
    expect(lineageOf(catalog, 'revenue_ytd').formula).toBe('YTD(revenue)');
    expect(lineageOf(catalog, 'revenue_ytd').uses).toEqual(['revenue']);
  });

  it('keeps a derived formula as written and lists each input once', () => {
    const l = lineageOf(catalog, 'gross_margin_change_yoy');
    expect(l.formula).toBe('gross_margin - LASTYEAR(gross_margin)');
    expect(l.uses).toEqual(['gross_margin']);
    expect(lineageOf(catalog, 'cash_conversion_cycle').uses).toEqual(['dio', 'dso', 'dpo']);
  });

  it('names the source of budget data, and none when inputs mix sources', () => {
    expect(lineageOf(catalog, 'budget_revenue').source).toBe('budget');
    const attainment = lineageOf(catalog, 'budget_attainment');
    expect(attainment.uses).toEqual(['revenue', 'budget_revenue']);
    expect(attainment.source).toBeUndefined();
  });

  it('rejects an unknown metric with the catalog error', () => {
    let caught: unknown;
    try {
      lineageOf(catalog, 'no_such_metric');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('catalog.unknownMetric');
  });
});

describe('lineageClosure', () => {
  it('walks every input down to the base metrics and their sources', () => {
    const c = lineageClosure(catalog, 'budget_attainment');
    expect(c.upstream).toEqual(['revenue', 'budget_revenue']);
    expect(c.bases).toEqual(['revenue', 'budget_revenue']);
    expect(c.sources).toEqual(['ledger', 'budget']);
  });

  it('reaches the balances behind the cash conversion cycle', () => {
    const c = lineageClosure(catalog, 'cash_conversion_cycle');
    expect(c.upstream.slice(0, 3)).toEqual(['dio', 'dso', 'dpo']);
    expect(new Set(c.bases)).toEqual(new Set(['inventory', 'cogs', 'accounts_receivable', 'revenue', 'accounts_payable']));
  });

  it('finds dependents of dependents', () => {
    expect(lineageClosure(catalog, 'ebitda').downstream).toEqual(['ebitda_margin', 'net_debt_to_ebitda']);
    expect(lineageClosure(catalog, 'depreciation_amortisation').downstream).toEqual(['ebitda', 'gross_burn', 'ebitda_margin', 'net_debt_to_ebitda']);
  });
});
