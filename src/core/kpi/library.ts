import { SCHEMA_VERSION, type Catalog } from '../catalog';
import { t } from './define';
import { BALANCE_METRICS } from './metrics/balances';
import { BUDGET_METRICS } from './metrics/budget';
import { CASH_METRICS } from './metrics/cash';
import { EFFICIENCY_METRICS } from './metrics/efficiency';
import { GROWTH_METRICS } from './metrics/growth';
import { INCOME_METRICS } from './metrics/income';
import { LEVERAGE_METRICS } from './metrics/leverage';
import { LIQUIDITY_METRICS } from './metrics/liquidity';
import { PROFITABILITY_METRICS } from './metrics/profitability';

/**
 * FinPulse's standard KPI library: the base metrics read from a CAS general ledger (plus budget and
 * forecast sources) and the financial KPIs a controller reviews each month, each with its 口径.
 * Flow-to-balance ratios are annualised on a 365-day basis so every grain reads alike.
 */
export const KPI_LIBRARY: Catalog = {
  schemaVersion: SCHEMA_VERSION,
  id: 'finpulse_standard',
  name: t('FinPulse 标准财务指标库', 'FinPulse standard financial KPIs'),
  currency: 'CNY',
  fiscalYearStartMonth: 1,
  metrics: [
    ...INCOME_METRICS,
    ...BALANCE_METRICS,
    ...CASH_METRICS.filter((m) => m.kind === 'base'),
    ...BUDGET_METRICS.filter((m) => m.kind === 'base'),
    ...PROFITABILITY_METRICS,
    ...LIQUIDITY_METRICS,
    ...EFFICIENCY_METRICS,
    ...LEVERAGE_METRICS,
    ...CASH_METRICS.filter((m) => m.kind !== 'base'),
    ...BUDGET_METRICS.filter((m) => m.kind !== 'base'),
    ...GROWTH_METRICS,
  ],
};

/** The library as the catalog JSON file a team starts from (2-space indent, trailing newline). */
export function kpiCatalogJson(): string {
  return `${JSON.stringify({ $schema: '../schema/catalog.schema.json', ...KPI_LIBRARY }, null, 2)}\n`;
}
