// The Dashboard view: KPI cards, trend with expected band, drill-down, budget vs actual.
export { DashboardView } from './DashboardView';
export { DEFAULT_KPIS, defaultKpis, kpiCard, type KpiCardModel } from './kpis';
export { actualsFor, latestVariancePeriod, varianceRows, type VarianceRow } from './variance';
export { rankMembers, type MemberShare } from './breakdown';
