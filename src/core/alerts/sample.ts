import type { Finding } from '../anomaly';
import { metricId, periodKey } from '../brand';
import type { MetricDef } from '../catalog';
import { formatValue } from '../format';
import { formatMessage, type Locale, type Localized } from '../i18n';
import type { AlertContent } from './message';

const METRIC: MetricDef = {
  id: 'selling_expenses',
  name: { 'zh-CN': '销售费用', 'en-US': 'Selling expenses' },
  category: 'expenses',
  unit: 'currency',
  decimals: 0,
  direction: 'lowerIsBetter',
  department: 'Sales',
  tags: ['opex'],
  kind: 'base',
};

const ACTUAL = 1_820_000;
const EXPECTED = 1_290_000;
const [LOWER, UPPER] = [1_100_000, 1_480_000];
const EAST2_SHARE = 0.78;

function explanation(): Localized {
  const money = { unit: 'currency', decimals: 0 } as const;
  const text = (locale: Locale): string =>
    formatMessage(
      'alert.sample.explanation',
      {
        actual: formatValue(ACTUAL, money, locale),
        expected: formatValue(EXPECTED, money, locale),
        lower: formatValue(LOWER, money, locale),
        upper: formatValue(UPPER, money, locale),
        pct: formatValue((ACTUAL - EXPECTED) / EXPECTED, { unit: 'percent', decimals: 0 }, locale),
        share: formatValue(EAST2_SHARE, { unit: 'percent', decimals: 0 }, locale),
      },
      locale,
    );
  return { 'zh-CN': text('zh-CN'), 'en-US': text('en-US') };
}

/** The alert `finpulse alert test` sends: realistic figures, marked as a test in its title. */
export function sampleAlertContent(link?: string): AlertContent {
  const deviation = ACTUAL - EXPECTED;
  const finding: Finding = {
    id: 'selling_expenses|2026-03|robust',
    metricId: metricId(METRIC.id),
    period: periodKey('2026-03'),
    kind: 'robust',
    detector: 'mad',
    actual: ACTUAL,
    expected: EXPECTED,
    lower: LOWER,
    upper: UPPER,
    score: 0.93,
    severity: 'warning',
    favourable: false,
    drivers: [
      { dimension: 'department', member: 'East-2', actual: 713_400, expected: 300_000, deviation: deviation * EAST2_SHARE, share: EAST2_SHARE },
      { dimension: 'department', member: 'North-1', actual: 516_600, expected: 400_000, deviation: deviation * (1 - EAST2_SHARE), share: 1 - EAST2_SHARE },
    ],
    explanation: explanation(),
  };
  const content: AlertContent = { finding, severity: 'warning', metric: METRIC, test: true, rule: { id: 'sample', name: { 'zh-CN': '示例规则', 'en-US': 'Sample rule' } } };
  if (link) content.link = link;
  return content;
}
