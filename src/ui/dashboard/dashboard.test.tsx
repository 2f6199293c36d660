import { formatValue } from '../../core/format';
import { demoBreakdown, demoPaneState, recordingActions, renderView } from '../testing';
import { DashboardView, actualsFor, defaultKpis, kpiCard, latestVariancePeriod, rankMembers, varianceRows } from '.';

const state = demoPaneState();
const results = state.results!;
const { evaluation, findings } = results;
const def = (id: string) => state.catalog.metrics.find((m) => m.id === id)!;
const total = (id: string, period: string) => evaluation.values.find((v) => v.metricId === id && v.period === period && v.member === undefined)?.value ?? null;
const lastPeriod = evaluation.periods[evaluation.periods.length - 1]!;

describe('KPI cards', () => {
  it('defaults to the standard KPIs the catalog has', () => {
    expect(defaultKpis(state.catalog)).toEqual(['revenue', 'gross_margin', 'net_income', 'operating_cash_flow', 'dso', 'net_margin', 'current_ratio', 'cash']);
  });

  it('shows the latest value, the change on the prior period and twelve periods of sparkline', () => {
    const card = kpiCard(def('revenue'), evaluation, findings);
    const prior = total('revenue', evaluation.periods[evaluation.periods.length - 2]!)!;
    expect(card.period).toBe(lastPeriod);
    expect(card.value).toBe(total('revenue', lastPeriod));
    expect(card.change?.kind).toBe('relative');
    expect(card.change?.value).toBeCloseTo((card.value! - prior) / Math.abs(prior), 12);
    expect(card.change?.favourable).toBe(card.value! > prior);
    expect(card.spark.values).toHaveLength(12);
    const flaggedPeriods = new Set(findings.filter((f) => f.metricId === 'revenue' && !f.member).map((f) => f.period));
    expect(card.spark.flagged.map((i) => card.spark.periods[i])).toEqual(card.spark.periods.filter((p) => flaggedPeriods.has(p)));
  });

  it('takes the status from the worst finding of the latest period', () => {
    const latest = findings.filter((f) => f.period === lastPeriod && !f.member);
    expect(latest.length).toBeGreaterThan(0);
    const f = latest[0]!;
    const card = kpiCard(def(f.metricId), evaluation, findings);
    const worst = latest.filter((x) => x.metricId === f.metricId).map((x) => x.severity);
    expect(worst).toContain(card.status);
    expect(['critical', 'warning', 'notice'].indexOf(card.status)).toBe(['critical', 'warning', 'notice'].findIndex((s) => worst.includes(s as never)));
  });

  it('gives percentage metrics their change in points', () => {
    expect(kpiCard(def('gross_margin'), evaluation, findings).change?.kind).toBe('points');
  });
});

describe('budget vs actual', () => {
  it('pairs each budget metric with the ledger metrics it budgets', () => {
    expect(actualsFor(def('budget_revenue'), state.catalog).map((m) => m.id)).toEqual(['revenue']);
    expect(actualsFor(def('budget_opex'), state.catalog).map((m) => m.id)).toEqual(['selling_expense', 'admin_expense']);
    expect(actualsFor(def('forecast_revenue'), state.catalog).map((m) => m.id)).toEqual(['revenue']);
  });

  it('agrees with the catalog’s own variance metrics, signed by direction', () => {
    const period = latestVariancePeriod(state.catalog, evaluation)!;
    const rows = varianceRows(state.catalog, evaluation, period);
    const revenue = rows.find((r) => r.key === 'budget:budget_revenue')!;
    expect(revenue.variance).toBeCloseTo(total('budget_variance', period)!, 2);
    expect(revenue.pct).toBeCloseTo(total('budget_variance_pct', period)!, 10);
    expect(revenue.favourable).toBe(revenue.variance > 0);
    const opex = rows.find((r) => r.key === 'budget:budget_opex')!;
    expect(opex.pct).toBeCloseTo(total('opex_budget_variance_pct', period)!, 10);
    expect(opex.favourable).toBe(opex.variance < 0);
    expect(opex.name['en-US']).toBe(`${def('selling_expense').name['en-US']} + ${def('admin_expense').name['en-US']}`);
  });
});

describe('drill-down', () => {
  it('ranks members largest first with their shares', () => {
    const members = rankMembers(demoBreakdown('revenue', 'department'), lastPeriod);
    expect(members.length).toBeGreaterThan(3);
    for (let i = 1; i < members.length; i++) expect(members[i - 1]!.value).toBeGreaterThanOrEqual(members[i]!.value);
    expect(members.reduce((s, m) => s + m.share!, 0)).toBeCloseTo(1, 10);
    expect(members.reduce((s, m) => s + m.value, 0)).toBeCloseTo(total('revenue', lastPeriod)!, 2);
  });
});

describe('DashboardView', () => {
  it('asks for a refresh before the first one', () => {
    const { actions, calls } = recordingActions();
    const { text } = renderView(<DashboardView state={{ ...state, results: undefined }} actions={actions} />);
    expect(text).toContain('No results yet. Press Refresh all');
    expect(calls).toEqual([]);
  });

  it('renders cards, trend, breakdown and variance from the demo refresh', () => {
    const { actions, calls } = recordingActions();
    const breakdowns = { 'revenue|department': demoBreakdown('revenue', 'department') };
    const { html, text } = renderView(<DashboardView state={{ ...state, results: { ...results, breakdowns } }} actions={actions} />);
    for (const id of defaultKpis(state.catalog)) expect(text).toContain(def(id).name['en-US']);
    expect(text).toContain(formatValue(total('revenue', lastPeriod)!, def('revenue'), 'en-US'));
    expect(text).toContain(`Trend: ${def('revenue').name['en-US']}`);
    expect(html).toContain('role="img"');
    expect(text).toContain(`Budget vs actual, ${latestVariancePeriod(state.catalog, evaluation)}`);
    const top = rankMembers(breakdowns['revenue|department'], lastPeriod)[0]!;
    expect(html).toContain(`aria-label="${def('revenue').name['en-US']} by department, ${lastPeriod}"`);
    expect(text).toMatch(new RegExp(`${top.member} .*${formatValue(top.value, def('revenue'), 'en-US').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(html).not.toContain('dangerouslySetInnerHTML');
    expect(calls).toEqual([]);
  });

  it('speaks Chinese when the pane does', () => {
    const { actions } = recordingActions();
    const { text } = renderView(<DashboardView state={{ ...state, locale: 'zh-CN' }} actions={actions} />);
    expect(text).toContain('关键指标');
    expect(text).toContain(def('gross_margin').name['zh-CN']);
    expect(text).toContain('预算与实际对比');
  });
});
