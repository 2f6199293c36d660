import type { Locale, Localized } from '../../core/i18n';
import type { PaneView } from '../session/state';

/** Navigation labels, in the order of PANE_VIEWS. */
export const VIEW_NAMES: Readonly<Record<PaneView, Localized>> = {
  catalog: { 'en-US': 'Catalog', 'zh-CN': '指标目录' },
  bind: { 'en-US': 'Bind', 'zh-CN': '绑定' },
  sources: { 'en-US': 'Sources', 'zh-CN': '数据源' },
  refresh: { 'en-US': 'Refresh', 'zh-CN': '刷新' },
  dashboard: { 'en-US': 'Dashboard', 'zh-CN': '仪表板' },
  findings: { 'en-US': 'Findings', 'zh-CN': '发现' },
  explain: { 'en-US': 'Explain', 'zh-CN': '解释' },
  settings: { 'en-US': 'Settings', 'zh-CN': '设置' },
};

export const SHELL_STRINGS = {
  navigation: { 'en-US': 'FinPulse views', 'zh-CN': 'FinPulse 视图' },
  more: { 'en-US': 'More views', 'zh-CN': '更多视图' },
  moreCount: { 'en-US': 'More ({count})', 'zh-CN': '更多（{count}）' },
  /** The toggle names the language it switches to, in that language. */
  otherLanguage: { 'en-US': '中文', 'zh-CN': 'English' },
  switchLanguage: { 'en-US': 'Switch the pane to Chinese', 'zh-CN': '将窗格切换为英文' },
  bundled: { 'en-US': 'Bundled catalog', 'zh-CN': '内置指标目录' },
  server: { 'en-US': 'Catalog service {url}', 'zh-CN': '目录服务 {url}' },
  offline: { 'en-US': 'Catalog service {url} (offline copy)', 'zh-CN': '目录服务 {url}（离线副本）' },
  file: { 'en-US': 'Catalog file {name}', 'zh-CN': '目录文件 {name}' },
  host: { 'en-US': 'Workbook: {host}', 'zh-CN': '工作簿：{host}' },
  dismiss: { 'en-US': 'Dismiss', 'zh-CN': '关闭' },
  notices: { 'en-US': 'Messages', 'zh-CN': '消息' },
  loadingView: { 'en-US': 'Opening the view…', 'zh-CN': '正在打开视图…' },
  notYet: { 'en-US': 'This view is not available in this build.', 'zh-CN': '此版本中暂无此视图。' },
} as const satisfies Record<string, Localized>;

export const otherLocale = (locale: Locale): Locale => (locale === 'zh-CN' ? 'en-US' : 'zh-CN');

export const HOST_NAMES: Readonly<Record<string, Localized>> = {
  excel: { 'en-US': 'Excel', 'zh-CN': 'Excel' },
  wps: { 'en-US': 'WPS', 'zh-CN': 'WPS' },
  memory: { 'en-US': 'Workbench', 'zh-CN': '工作台' },
  xlsx: { 'en-US': 'File', 'zh-CN': '文件' },
};
