import type { MetricDef } from '../catalog';
import { formatValue } from '../format';
import { formatMessage, LOCALES, messages, type Locale, type Localized, type MessageCode, type MessageParams } from '../i18n';
import type { Driver } from './finding';
import { formatAmount, formatShare } from './numbers';
import type { Band, Signal } from './signals';

export interface ExplainContext {
  def: MetricDef;
  actual: number | null;
  period: string;
  member?: { dimension: string; member: string };
  drivers: readonly Driver[];
}

/** A driver is named in the explanation from this share of the deviation on. */
const MIN_NAMED_SHARE = 0.25;
/** Beyond this share, the other members' opposite moves are worth saying. */
const OFFSET_SHARE = 1.2;

/** One sentence in every language, its parameters formatted for each (1.82M, 182万). */
function sentence(code: MessageCode, params: (locale: Locale) => MessageParams): Localized {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) out[locale] = formatMessage(code, params(locale), locale);
  return out;
}

const word = (code: MessageCode, locale: Locale): string => formatMessage(code, {}, locale);

/** A dimension's name in the sentence's language, when we know it (department → 部门). */
function dimensionWord(dimension: string, locale: Locale): string {
  const code = `anomaly.dimension.${dimension}`;
  return code in messages ? word(code as MessageCode, locale) : dimension;
}

/**
 * How far apart two values are, as a reader of the metric expects it: percentage points for
 * percentages, days for days, and otherwise a relative change (an absolute one from zero).
 */
function formatGap(actual: number, reference: number, def: MetricDef, locale: Locale): string {
  const gap = Math.abs(actual - reference);
  if (def.unit === 'percent') return formatMessage('anomaly.gap.points', { value: formatValue(gap * 100, { unit: 'ratio', decimals: 1 }, locale) }, locale);
  if (def.unit === 'days' || def.unit === 'months' || reference === 0) return formatAmount(gap, def, locale);
  return formatShare(gap / Math.abs(reference), locale);
}

/** The full explanation of a finding: what was seen, against what, and which members drove it. */
export function explain(signal: Signal, ctx: ExplainContext): Localized {
  const main = mainSentence(signal, ctx);
  const top = ctx.drivers[0];
  if (!top || !(top.share >= MIN_NAMED_SHARE)) return main;
  // Well above 100%, other members moved the other way; the sentence says so rather than just print "220%".
  const code = top.share > OFFSET_SHARE ? 'anomaly.explain.driverOffset' : 'anomaly.explain.driver';
  const driver = sentence(code, (l) => ({ share: formatShare(top.share, l), dimension: dimensionWord(top.dimension, l), member: top.member }));
  return { 'en-US': `${main['en-US']}; ${driver['en-US']}`, 'zh-CN': `${main['zh-CN']}；${driver['zh-CN']}` };
}

function mainSentence(signal: Signal, ctx: ExplainContext): Localized {
  const { def } = ctx;
  const actual = ctx.actual ?? NaN;
  const name = (l: Locale): string => {
    const own = def.name[l];
    const m = ctx.member;
    return m ? formatMessage('anomaly.explain.memberName', { name: own, dimension: dimensionWord(m.dimension, l), member: m.member }, l) : own;
  };
  const amount = (x: number, l: Locale): string => formatAmount(x, def, l);
  const band = (b: Band, l: Locale): MessageParams => ({ expected: amount(b.expected, l), lower: amount(b.lower, l), upper: amount(b.upper, l) });
  switch (signal.kind) {
    case 'robust':
    case 'seasonal':
      return sentence(actual >= signal.expected ? 'anomaly.explain.above' : 'anomaly.explain.below', (l) => ({
        name: name(l), actual: amount(actual, l), gap: formatGap(actual, signal.expected, def, l), ...band(signal, l),
      }));
    case 'levelShift':
      return sentence(signal.after >= signal.before ? 'anomaly.explain.shiftUp' : 'anomaly.explain.shiftDown', (l) => ({
        name: name(l), actual: amount(actual, l), before: amount(signal.before, l), after: amount(signal.after, l), periods: signal.periods,
      }));
    case 'change':
      return sentence(actual >= signal.base ? 'anomaly.explain.changeUp' : 'anomaly.explain.changeDown', (l) => ({
        name: name(l), actual: amount(actual, l), gap: formatGap(actual, signal.base, def, l), base: amount(signal.base, l),
        comparison: word(`anomaly.word.${signal.comparison}`, l), ...band(signal, l),
      }));
    case 'threshold':
      return thresholdSentence(signal, name, amount, actual);
    case 'budget':
      return sentence(actual >= signal.budget ? 'anomaly.explain.budgetAbove' : 'anomaly.explain.budgetBelow', (l) => ({
        name: name(l), actual: amount(actual, l), gap: formatGap(actual, signal.budget, def, l), budget: amount(signal.budget, l),
        verdict: word(favourableWord(def, actual - signal.budget), l),
      }));
    case 'missing':
      return sentence(signal.zero ? 'anomaly.explain.missingZero' : 'anomaly.explain.missing', (l) => ({ name: name(l), period: ctx.period }));
    case 'stale':
      return signal.repeated
        ? sentence('anomaly.explain.staleRepeat', (l) => ({ name: name(l), actual: amount(actual, l), count: signal.count }))
        : sentence('anomaly.explain.staleMissing', (l) => ({ name: name(l), last: signal.since, count: signal.count }));
  }
}

function thresholdSentence(signal: Extract<Signal, { kind: 'threshold' }>, name: (l: Locale) => string, amount: (x: number, l: Locale) => string, actual: number): Localized {
  const level = (l: Locale): string => word(`anomaly.word.${signal.severity}`, l);
  const target = signal.target;
  if (target === undefined) {
    return sentence(signal.when === 'above' ? 'anomaly.explain.thresholdAbove' : 'anomaly.explain.thresholdBelow', (l) => ({
      name: name(l), actual: amount(actual, l), level: level(l), threshold: amount(signal.threshold, l),
    }));
  }
  return sentence(signal.when === 'above' ? 'anomaly.explain.targetAbove' : 'anomaly.explain.targetBelow', (l) => ({
    name: name(l), actual: amount(actual, l), level: level(l), target: amount(target, l),
    ratio: formatShare(actual / target, l), threshold: formatShare(signal.threshold, l),
  }));
}

/** Good or bad news, from the metric's direction. */
function favourableWord(def: MetricDef, deviation: number): MessageCode {
  const favourable = isFavourable(def, deviation);
  return favourable === null ? 'anomaly.word.neutral' : favourable ? 'anomaly.word.favourable' : 'anomaly.word.unfavourable';
}

/** true when a deviation is good news given the metric's direction; null for neutral metrics. */
export function isFavourable(def: Pick<MetricDef, 'direction'>, deviation: number): boolean | null {
  if (def.direction === 'neutral' || deviation === 0) return null;
  return def.direction === 'higherIsBetter' ? deviation > 0 : deviation < 0;
}
