import type { PaneLocale } from './model';

/** The pane's own chrome text. Metric names and values arrive already localized in the model. */
const STRINGS = {
  metric: { 'en-US': 'Metric', 'zh-CN': '指标' },
  tableLabel: { 'en-US': 'Metric values by period', 'zh-CN': '各期指标值' },
  empty: { 'en-US': 'Open the workbench or bind a range', 'zh-CN': '请打开工作台或绑定一个区域' },
  warnings: { 'en-US': 'Warnings', 'zh-CN': '警告' },
  noValue: { 'en-US': 'No value', 'zh-CN': '无值' },
  switchLanguage: { 'en-US': 'Switch language to Chinese', 'zh-CN': '切换为英文' },
  /** The toggle names the language it switches to, in that language. */
  otherLanguage: { 'en-US': '中文', 'zh-CN': 'English' },
} as const satisfies Record<string, Record<PaneLocale, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, locale: PaneLocale): string {
  return STRINGS[key][locale];
}

export function otherLocale(locale: PaneLocale): PaneLocale {
  return locale === 'zh-CN' ? 'en-US' : 'zh-CN';
}
