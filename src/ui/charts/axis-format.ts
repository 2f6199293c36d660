import type { Unit } from '../../core/catalog';
import type { Locale } from '../../core/i18n';

const MAX_DIGITS = 21;

/**
 * Significant digits that show every tick exactly: nice ticks are multiples of 10ⁿ (n from the
 * step), so the digits run from the largest tick's leading digit down to 10ⁿ.
 */
function digitsFor(ticks: readonly number[]): number {
  const step = Math.min(...ticks.slice(1).map((t, i) => Math.abs(t - ticks[i]!)));
  const largest = Math.max(...ticks.map(Math.abs));
  if (!(step > 0) || !(largest > 0) || !Number.isFinite(step)) return 2;
  return Math.min(MAX_DIGITS, Math.max(1, Math.floor(Math.log10(largest)) - Math.floor(Math.log10(step)) + 1));
}

/**
 * Short labels for axis ticks, where "25,710,714.90" does not fit: 25.7M / 2571万, 35%, 41.5.
 * Exact to the tick (1.45亿 / 1.5亿, never 1.5亿 twice). Cell values elsewhere keep their full
 * format (core/format).
 */
export function axisLabels(unit: Unit, locale: Locale): (ticks: readonly number[]) => string[] {
  const scale = unit === 'percent' ? 100 : 1;
  const suffix = unit === 'percent' ? '%' : '';
  return (ticks) => {
    let labels: string[] = [];
    for (let digits = digitsFor(ticks); digits <= MAX_DIGITS; digits++) {
      const f = new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: digits });
      labels = ticks.map((t) => `${f.format(t * scale)}${suffix}`);
      if (new Set(labels).size === labels.length) break;
    }
    return labels;
  };
}

/** A card-sized amount: 103M / 1.03亿 (the exact value goes in the label and tooltip). */
export function compactAmount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
}
