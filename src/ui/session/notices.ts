import { toAppError } from '../../core/errors';
import { formatMessage, localize, LOCALES, type Locale, type Localized, type MessageCode, type MessageParams } from '../../core/i18n';
import type { Problem } from '../../core/errors';
import type { Notice } from './state';

let counter = 0;

export function notice(intent: Notice['intent'], text: Localized): Notice {
  counter += 1;
  return { id: `n${counter}`, intent, text };
}

export const messageNotice = (intent: Notice['intent'], code: MessageCode, params: MessageParams = {}): Notice => notice(intent, localize(code, params));

/** "<what> failed: <why>" in every language, from anything thrown. */
export function failureNotice(action: Localized, err: unknown): Notice {
  const error = toAppError(err);
  return notice('error', perLocale((locale) => formatMessage('pane.failed', { action: action[locale], detail: error.messageIn(locale) }, locale)));
}

/** A message whose {detail} is the error's own text, per language. */
export function errorNotice(code: MessageCode, err: unknown, params: MessageParams = {}): Notice {
  const error = toAppError(err);
  return notice('error', perLocale((locale) => formatMessage(code, { ...params, detail: error.messageIn(locale) }, locale)));
}

export function problemNotice(p: Problem): Notice {
  return notice(p.severity === 'error' ? 'error' : 'warning', p.message);
}

export function perLocale(text: (locale: Locale) => string): Localized {
  return Object.fromEntries(LOCALES.map((l) => [l, text(l)])) as Record<Locale, string>;
}

/** What the session's failures are called in notices. */
export const ACTIONS = {
  load: { 'en-US': 'Opening the pane', 'zh-CN': '打开任务窗格' },
  acknowledge: { 'en-US': 'Acknowledging', 'zh-CN': '确认' },
  explain: { 'en-US': 'Explaining the selection', 'zh-CN': '解释所选单元格' },
  reveal: { 'en-US': 'Showing the finding in the workbook', 'zh-CN': '在工作簿中定位' },
  breakdown: { 'en-US': 'Breaking down by dimension', 'zh-CN': '按维度分解' },
  saveBinding: { 'en-US': 'Saving the binding', 'zh-CN': '保存绑定' },
  preview: { 'en-US': 'Previewing', 'zh-CN': '预览' },
  saveSource: { 'en-US': 'Saving the ERP source', 'zh-CN': '保存 ERP 数据源' },
  testConnection: { 'en-US': 'Testing the connection', 'zh-CN': '测试连接' },
  saveSecret: { 'en-US': 'Saving the secret', 'zh-CN': '保存密钥' },
  saveSettings: { 'en-US': 'Saving the settings', 'zh-CN': '保存设置' },
  catalog: { 'en-US': 'Loading the catalog', 'zh-CN': '加载指标目录' },
  workbook: { 'en-US': 'Reading the workbook', 'zh-CN': '读取工作簿' },
} as const satisfies Record<string, Localized>;
