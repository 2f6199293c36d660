import type { Locale, Localized } from './locale';
import { alertMessages } from './messages/alerts';
import { anomalyMessages } from './messages/anomaly';
import { foundationMessages } from './messages/foundation';
import { paneMessages } from './messages/pane';
import { reconcileMessages } from './messages/reconcile';
import { runMessages } from './messages/run';
import { serverMessages } from './messages/server';
import { sourceMessages } from './messages/sources';
import { workbenchMessages } from './messages/workbench';

/**
 * Every user-facing message, in every language, one file per capability under messages/.
 * `{name}` placeholders are filled from params; unknown placeholders stay visible so a
 * missing parameter is noticed in review rather than silently dropped.
 */
export const messages = {
  ...foundationMessages,
  ...sourceMessages,
  ...anomalyMessages,
  ...alertMessages,
  ...serverMessages,
  ...reconcileMessages,
  ...runMessages,
  ...paneMessages,
  ...workbenchMessages,
} as const satisfies Record<string, Localized>;


export type MessageCode = keyof typeof messages;
export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; an unknown one stays visible so a missing parameter is noticed. */
export function fillPlaceholders(text: string, params: MessageParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(params, key) ? String(params[key]) : whole));
}

export function formatMessage(code: MessageCode, params: MessageParams, locale: Locale): string {
  return fillPlaceholders(messages[code][locale], params);
}

export function localize(code: MessageCode, params: MessageParams = {}): Localized {
  return { 'en-US': formatMessage(code, params, 'en-US'), 'zh-CN': formatMessage(code, params, 'zh-CN') };
}
