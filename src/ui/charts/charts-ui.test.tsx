import { niceTicks } from '../../core/charts';
import { renderView } from '../testing';
import { BarList, Sparkline, TrendChart, axisLabels, compactAmount, dimensionName, findingOverlay } from '.';
import type { Finding } from '../../core/anomaly';
import { metricId, periodKey } from '../../core/brand';

describe('axis labels', () => {
  it('adds precision until neighbouring ticks differ', () => {
    const ticks = niceTicks(140e6, 160e6, 4).ticks;
    const zh = axisLabels('currency', 'zh-CN')(ticks);
    expect(new Set(zh).size).toBe(ticks.length);
    expect(zh).toContain('1.45亿');
    expect(axisLabels('percent', 'en-US')(niceTicks(0.31, 0.39, 2).ticks)).toEqual(['30%', '35%', '40%']);
    expect(axisLabels('percent', 'en-US')([0.33, 0.335, 0.34])).toEqual(['33%', '33.5%', '34%']);
    expect(axisLabels('count', 'en-US')([1000, 1050, 1100])).toEqual(['1K', '1.05K', '1.1K']);
    expect(compactAmount(102_900_591.16, 'en-US')).toBe('103M');
    expect(compactAmount(102_900_591.16, 'zh-CN')).toBe('1.03亿');
  });

  it('names known dimensions in the pane language', () => {
    expect(dimensionName('department', 'zh-CN')).toBe('部门');
    expect(dimensionName('cost_centre', 'zh-CN')).toBe('cost_centre');
  });
});

describe('finding overlay', () => {
  const f = (period: string, over: Partial<Finding>): Finding => ({
    id: `m|${period}|robust`, metricId: metricId('m'), period: periodKey(period), kind: 'robust', detector: 'mad',
    actual: 1, expected: 2, lower: 1.5, upper: 2.5, score: 0.5, severity: 'warning', favourable: null, drivers: [],
    explanation: { 'en-US': '', 'zh-CN': '' }, ...over,
  });
  it('bands periods whose findings have both bounds, the best-scoring one winning; flags the rest', () => {
    const periods = ['2026-01', '2026-02', '2026-03'].map(periodKey);
    const o = findingOverlay(
      [f('2026-02', { score: 0.4 }), f('2026-02', { score: 0.9, lower: 1, upper: 3 }), f('2026-03', { upper: null }), f('2026-01', { member: { dimension: 'd', member: 'x' } })],
      'm',
      periods,
    );
    expect(o.flagged).toEqual([1, 2]);
    expect(o.lower).toEqual([null, 1, null]);
    expect(o.upper).toEqual([null, 3, null]);
  });
});

describe('React charts', () => {
  it('draw SVG elements with text alternatives, never injected markup', () => {
    const { html, text } = renderView(
      <>
        <Sparkline values={[1, null, 3]} flagged={[2]} label="Revenue & co" />
        <TrendChart name="Revenue" periods={['2026-01', '2026-02']} values={[1, 2]} lower={[0.5, 1]} upper={[1.5, 3]} flagged={[1]} highlight={1} format={(v) => v.toFixed(1)} tickLabels={(t) => t.map(String)} locale="en-US" />
        <BarList label="Drivers" items={[{ key: 'a', label: 'East', value: -0.2, display: '-20%' }, { key: 'b', label: 'West', value: 1.2, display: '120%' }]} />
      </>,
    );
    expect(html).toContain('<svg role="img" aria-label="Revenue &amp; co"');
    expect(html.match(/<path d="M/g)!.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain('Revenue: 2 periods from 2026-01 to 2026-02, 1 flagged');
    expect(text).toContain('2026-02 2.0 1.0 – 3.0 Flagged, Selected');
    expect(text).toContain('East -20%');
    expect(html).toContain('aria-label="Drivers"');
  });
});
