export type { Locale, Localized } from './locale';
export { LOCALES, pickLocale } from './locale';
export { messages, type MessageCode, type MessageParams, localize, formatMessage, fillPlaceholders } from './messages';
