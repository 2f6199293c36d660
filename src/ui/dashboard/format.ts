import type { MetricDef } from '../../core/catalog';
import { formatValue } from '../../core/format';
import type { Locale } from '../../core/i18n';
import type { Change } from './kpis';
import { dashboardText } from './strings';

/** A value in the metric's unit, or the error kind (#DIV0) or a dash when there is none. */
export function valueText(def: MetricDef, value: number | null, locale: Locale, error?: string): string {
  if (value !== null) return formatValue(value, def, locale);
  return error ? `#${error}` : '—';
}

/** A signed share such as +3.4% / −12.0%. */
export function signedPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

/** A period-on-period move: +3.4% for amounts, +1.2 pp for percentages. */
export function changeText(change: Change, locale: Locale): string {
  if (change.kind === 'relative') return signedPercent(change.value, locale);
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change.value * 100);
  return dashboardText('points', locale, { value: points });
}

/** A signed amount in the metric's unit (variance), with an explicit plus like the percentages beside it. */
export function signedValue(def: MetricDef, value: number, locale: Locale): string {
  const text = formatValue(value, def, locale);
  return value > 0 ? `+${text}` : text;
}
