import type { Finding } from '../../anomaly';
import { metricId, periodKey } from '../../brand';
import type { MetricDef } from '../../catalog';
import type { AlertRule } from '../rule';

/** A finding as a detector would produce it; override what the test is about. */
export function makeFinding(overrides: Partial<Finding> & { metric?: string; at?: string } = {}): Finding {
  const { metric = 'revenue', at = '2026-03', ...rest } = overrides;
  const kind = rest.kind ?? 'robust';
  return {
    id: `${metric}|${at}|${kind}${rest.member ? `|${rest.member.member}` : ''}`,
    metricId: metricId(metric),
    period: periodKey(at),
    kind,
    detector: 'mad',
    actual: 1_820_000,
    expected: 1_290_000,
    lower: 1_100_000,
    upper: 1_480_000,
    score: 0.9,
    severity: 'warning',
    favourable: false,
    drivers: [],
    explanation: { 'zh-CN': `${metric} 偏高`, 'en-US': `${metric} is high` },
    ...rest,
  };
}

export function makeRule(overrides: Partial<AlertRule> & Pick<AlertRule, 'id'>): AlertRule {
  return { channels: ['ops'], ...overrides };
}

export const metricDef = (id: string, extra: Partial<MetricDef> = {}): MetricDef => ({
  id,
  name: { 'zh-CN': `指标${id}`, 'en-US': `Metric ${id}` },
  category: 'test',
  unit: 'currency',
  direction: 'higherIsBetter',
  kind: 'base',
  ...extra,
});
