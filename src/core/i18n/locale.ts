export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every supported language. */
export type Localized = Readonly<Record<Locale, string>>;

/** Maps any BCP-47 tag (e.g. Office's display language `zh-TW`, `en-GB`) to a supported locale. */
export function pickLocale(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}
