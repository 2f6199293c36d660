export { KPI_LIBRARY, kpiCatalogJson } from './library';
export {
  ACCOUNT_GROUPS,
  BUDGET_SOURCE,
  CASHFLOW_ACTIVITIES,
  CASHFLOW_DIMENSION,
  CHART_OF_ACCOUNTS,
  FORECAST_SOURCE,
  LEDGER_SOURCE,
  accountOf,
  type Account,
  type AccountClass,
  type CashflowActivity,
} from './accounts';
export { CATEGORIES, type Category } from './define';
