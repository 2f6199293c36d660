import type { Catalog } from '../catalog';
import { formatMessage, LOCALES, localize, type Locale, type Localized } from '../i18n';
import type { PeriodCheck } from './reconcile';
import type { ReconcileSide } from './rule';

const PERIODS_IN_SUMMARY = 6;

const perLocale = (text: (locale: Locale) => string): Localized => Object.fromEntries(LOCALES.map((l) => [l, text(l)])) as Localized;

/** The side's own label, else "metric from source" with its shift. */
export function sideLabel(side: ReconcileSide, catalog: Catalog): Localized {
  if (side.label) return side.label;
  const def = catalog.metrics.find((m) => m.id === side.metric);
  const sources = [side.source, ...(side.plus ?? [])].join(' + ');
  return perLocale((locale) => {
    const shift = side.shift ? formatMessage('reconcile.shifted', { n: side.shift }, locale) : '';
    return formatMessage('reconcile.sideLabel', { metric: def?.name[locale] ?? side.metric, source: sources, shift }, locale);
  });
}

/** "Agrees in all 35 periods" or "Breaks in 2 of 35 periods: 2026-03, 2026-04". */
export function summary(checks: readonly PeriodCheck[]): Localized {
  const breaking = checks.filter((c) => !c.agrees).map((c) => c.period);
  if (breaking.length === 0) return localize('reconcile.summaryAgrees', { count: checks.length });
  const listed = breaking.slice(0, PERIODS_IN_SUMMARY).join(', ') + (breaking.length > PERIODS_IN_SUMMARY ? ', …' : '');
  return localize('reconcile.summaryBreaks', { breaks: breaking.length, count: checks.length, periods: listed });
}

/** Why a side has no value in a period (the engine's #MISSING, #DIV0… detail), or undefined when both have one. */
export function noValueNote(left: string | undefined, right: string | undefined): Localized | undefined {
  if (left !== undefined && right !== undefined) return localize('reconcile.bothNoValue', { detail: `${left}; ${right}` });
  if (left === undefined && right === undefined) return undefined;
  const side = left !== undefined ? 'reconcile.sideLeft' : 'reconcile.sideRight';
  return perLocale((locale) => formatMessage('reconcile.noValue', { side: formatMessage(side, {}, locale), detail: (left ?? right)! }, locale));
}
