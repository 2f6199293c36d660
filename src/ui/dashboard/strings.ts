import { type Locale, type Localized, fillPlaceholders, type MessageParams } from '../../core/i18n';
import type { Status } from '../../core/results';

/** Labels of the Dashboard view. */
export const DASHBOARD_STRINGS = {
  title: { 'en-US': 'Dashboard', 'zh-CN': '仪表板' },
  empty: { 'en-US': 'No results yet. Press Refresh all to compute every metric from the bound data.', 'zh-CN': '暂无结果。请点击“全部刷新”，根据已绑定的数据计算所有指标。' },
  refreshAll: { 'en-US': 'Refresh all', 'zh-CN': '全部刷新' },
  kpis: { 'en-US': 'Key metrics', 'zh-CN': '关键指标' },
  chooseKpis: { 'en-US': 'Choose metrics', 'zh-CN': '选择指标' },
  resetKpis: { 'en-US': 'Default set', 'zh-CN': '恢复默认' },
  target: { 'en-US': 'Target {value}', 'zh-CN': '目标 {value}' },
  noTarget: { 'en-US': 'No target', 'zh-CN': '无目标' },
  vsPrior: { 'en-US': '{change} vs prior period', 'zh-CN': '较上期 {change}' },
  points: { 'en-US': '{value} pp', 'zh-CN': '{value} 个百分点' },
  noValue: { 'en-US': 'No value', 'zh-CN': '无值' },
  cardLabel: { 'en-US': '{name}, {period}: {value}. Status {status}. {change}', 'zh-CN': '{name}，{period}：{value}。状态：{status}。{change}' },
  sparkLabel: { 'en-US': '{name}, last {count} periods: {values}', 'zh-CN': '{name}，最近 {count} 期：{values}' },
  trend: { 'en-US': 'Trend: {name}', 'zh-CN': '趋势：{name}' },
  trendHint: { 'en-US': 'Shaded: expected range from the detectors. Dots: flagged periods.', 'zh-CN': '阴影为检测器给出的预期区间，圆点为异常期间。' },
  variance: { 'en-US': 'Budget vs actual, {period}', 'zh-CN': '预算与实际对比（{period}）' },
  noBudget: { 'en-US': 'No metric has a budget for the periods evaluated.', 'zh-CN': '所计算的期间内没有指标设有预算。' },
  metric: { 'en-US': 'Metric', 'zh-CN': '指标' },
  actual: { 'en-US': 'Actual', 'zh-CN': '实际' },
  budget: { 'en-US': 'Budget', 'zh-CN': '预算' },
  varianceAmount: { 'en-US': 'Variance', 'zh-CN': '差异' },
  variancePct: { 'en-US': 'Var. %', 'zh-CN': '差异率' },
  favourable: { 'en-US': 'favourable', 'zh-CN': '有利' },
  unfavourable: { 'en-US': 'unfavourable', 'zh-CN': '不利' },
  drill: { 'en-US': 'Drill down', 'zh-CN': '下钻' },
  dimension: { 'en-US': 'Dimension', 'zh-CN': '维度' },
  noDimensions: { 'en-US': 'The bound data has no dimensions to break down by.', 'zh-CN': '已绑定的数据没有可下钻的维度。' },
  breakDown: { 'en-US': 'Break down', 'zh-CN': '分解' },
  loading: { 'en-US': 'Loading breakdown…', 'zh-CN': '正在加载分解…' },
  members: { 'en-US': '{name} by {dimension}, {period}', 'zh-CN': '{name}按{dimension}分解（{period}）' },
  noMembers: { 'en-US': 'No member has a value in {period}.', 'zh-CN': '{period} 没有成员有值。' },
} as const satisfies Record<string, Localized>;

export type DashboardStringKey = keyof typeof DASHBOARD_STRINGS;

export const STATUS_NAMES: Readonly<Record<Status, Localized>> = {
  ok: { 'en-US': 'OK', 'zh-CN': '正常' },
  notice: { 'en-US': 'Notice', 'zh-CN': '注意' },
  warning: { 'en-US': 'Warning', 'zh-CN': '警告' },
  critical: { 'en-US': 'Critical', 'zh-CN': '危急' },
  error: { 'en-US': 'Error', 'zh-CN': '错误' },
};

export function dashboardText(key: DashboardStringKey, locale: Locale, params: MessageParams = {}): string {
  return fillPlaceholders(DASHBOARD_STRINGS[key][locale], params);
}
