import { fillPlaceholders, formatMessage, messages, type Locale, type MessageCode, type MessageParams } from '../../core/i18n';

/** Chart chrome: the text alternatives read by screen readers. */
export const CHART_STRINGS = {
  period: { 'en-US': 'Period', 'zh-CN': '期间' },
  value: { 'en-US': 'Value', 'zh-CN': '值' },
  expectedRange: { 'en-US': 'Expected range', 'zh-CN': '预期区间' },
  flag: { 'en-US': 'Flag', 'zh-CN': '标记' },
  flagged: { 'en-US': 'Flagged', 'zh-CN': '异常' },
  selected: { 'en-US': 'Selected', 'zh-CN': '当前' },
  noValue: { 'en-US': 'no value', 'zh-CN': '无值' },
  noData: { 'en-US': 'No data to chart', 'zh-CN': '没有可绘制的数据' },
  trendSummary: {
    'en-US': '{name}: {count} periods from {first} to {last}, {flagged} flagged',
    'zh-CN': '{name}：{first} 至 {last} 共 {count} 期，{flagged} 期异常',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ChartStringKey = keyof typeof CHART_STRINGS;

export function chartText(key: ChartStringKey, locale: Locale, params: MessageParams = {}): string {
  return fillPlaceholders(CHART_STRINGS[key][locale], params);
}

/** A dimension's name in the pane's language when the detectors know it (department → 部门), else as bound. */
export function dimensionName(dimension: string, locale: Locale): string {
  const code = `anomaly.dimension.${dimension}`;
  return Object.hasOwn(messages, code) ? formatMessage(code as MessageCode, {}, locale) : dimension;
}
