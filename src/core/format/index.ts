import type { MetricDef } from '../catalog';
import type { Locale } from '../i18n';

const DEFAULT_DECIMALS: Record<MetricDef['unit'], number> = { currency: 2, ratio: 2, percent: 1, days: 1, times: 2, count: 0, months: 1 };
const SUFFIX: Record<Locale, Partial<Record<MetricDef['unit'], string>>> = {
  'en-US': { percent: '%', days: ' days', times: '×', months: ' months' },
  'zh-CN': { percent: '%', days: ' 天', times: ' 次', months: ' 个月' },
};

const formats = new Map<string, Intl.NumberFormat>();

/** Intl formatters are costly to build; one per locale and decimals serves every cell. */
function numberFormat(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(key, f);
  }
  return f;
}

/** Display text of a metric value in its unit and decimals, e.g. `1,234,567.89`, `35.2%`, `41.3 days`. */
export function formatValue(value: number, def: Pick<MetricDef, 'unit' | 'decimals'>, locale: Locale): string {
  const decimals = def.decimals ?? DEFAULT_DECIMALS[def.unit];
  const shown = def.unit === 'percent' ? value * 100 : value;
  const text = numberFormat(locale, decimals).format(shown);
  return `${text}${SUFFIX[locale][def.unit] ?? ''}`;
}

/** Short label of a unit for headers: `CNY`, `%`, `days`. */
export function unitLabel(def: Pick<MetricDef, 'unit' | 'currency'>, catalogCurrency: string, locale: Locale): string {
  if (def.unit === 'currency') return def.currency ?? catalogCurrency;
  return (SUFFIX[locale][def.unit] ?? (def.unit === 'count' ? '#' : def.unit)).trim();
}
