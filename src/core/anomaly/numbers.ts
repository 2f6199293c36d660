import type { MetricDef } from '../catalog';
import { formatValue } from '../format';
import type { Locale } from '../i18n';

type UnitDef = Pick<MetricDef, 'unit' | 'decimals'>;

const compact = new Map<Locale, Intl.NumberFormat>();
const percent = new Map<Locale, Intl.NumberFormat>();

/** Three significant digits in the locale's short scale: `1.82M` in English, `182万` in Chinese. */
function compactFormat(locale: Locale): Intl.NumberFormat {
  let f = compact.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { notation: 'compact', minimumSignificantDigits: 3, maximumSignificantDigits: 3 });
    compact.set(locale, f);
  }
  return f;
}

function percentFormat(locale: Locale): Intl.NumberFormat {
  let f = percent.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    percent.set(locale, f);
  }
  return f;
}

/**
 * A metric value in a sentence: amounts and counts of ten thousand or more in the short scale
 * (a reviewer reads `1.82M` faster than `1,820,431.27`), everything else in the metric's own unit
 * and decimals, as the results sheet shows it.
 */
export function formatAmount(value: number, def: UnitDef, locale: Locale): string {
  if ((def.unit === 'currency' || def.unit === 'count') && Math.abs(value) >= 10_000) return compactFormat(locale).format(value);
  return formatValue(value, def, locale);
}

/** A share or relative change as a whole percent: `41%`. */
export const formatShare = (share: number, locale: Locale): string => percentFormat(locale).format(share);
