import { escapeHtml } from '../encoding';
import { bandPolygons, barLayout, extentOf, linePath, linearScale, niceTicks, seriesChart, sparklineSvg } from '.';

describe('scales and ticks', () => {
  it('maps the domain onto a reversed range, as y axes are', () => {
    const y = linearScale([0, 100], [50, 10]);
    expect(y(0)).toBe(50);
    expect(y(100)).toBe(10);
    expect(y(25)).toBe(40);
  });

  it('puts a flat series mid-range instead of dividing by zero', () => {
    expect(linearScale([7, 7], [40, 0])(7)).toBe(20);
  });

  it('ignores nulls, NaN and infinities in the extent', () => {
    expect(extentOf([3, null, NaN, -2, Infinity], [undefined, 9, -Infinity])).toEqual([-2, 9]);
    expect(extentOf([null, NaN])).toBeUndefined();
  });

  it('gives round ticks that cover the data, without float noise', () => {
    const t = niceTicks(0.13, 0.87, 4);
    expect(t.step).toBe(0.2);
    expect(t.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1_234_567, 9_876_543, 4).ticks).toEqual([0, 2_000_000, 4_000_000, 6_000_000, 8_000_000, 10_000_000]);
    expect(niceTicks(0.1, 0.3, 2).ticks).toEqual([0.1, 0.2, 0.3]);
  });

  it('handles negative, reversed and single-value inputs', () => {
    expect(niceTicks(-45, 12, 3).ticks).toEqual([-60, -40, -20, 0, 20]);
    expect(niceTicks(10, -10, 2).domain).toEqual([-10, 10]);
    const one = niceTicks(50, 50, 4);
    expect(one.domain[0]).toBeLessThan(50);
    expect(one.domain[1]).toBeGreaterThan(50);
    expect(niceTicks(NaN, 3).ticks).toEqual([0, 1]);
  });
});

describe('extreme spans', () => {
  it('values at both ends of the float range (a span that overflows to Infinity) draw in the frame, without a tick per unit', () => {
    const ticks = niceTicks(-1e308, 1e308, 4);
    expect(ticks.ticks.length).toBeLessThanOrEqual(10);
    expect(ticks.ticks.every(Number.isFinite)).toBe(true);
    const chart = seriesChart({ values: [-1e308, 0, 1e308], width: 100, height: 50, ticks: 4 });
    expect(chart.points.map((p) => p.y)).toEqual([50, 25, 0]);
    expect(chart.line).not.toMatch(/NaN|Infinity/);
  });

  it('a span too small for a round step keeps the extent instead of returning no ticks', () => {
    const ticks = niceTicks(0, 5e-324, 4);
    expect(ticks.ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.domain.every(Number.isFinite)).toBe(true);
  });
});

describe('paths', () => {
  const x = (i: number) => i * 10;
  const y = linearScale([0, 10], [100, 0]);

  it('breaks the line at missing and non-finite values', () => {
    expect(linePath([1, 2, null, 4, NaN, 6, 7], x, y)).toBe('M0 90L10 80M30 60M50 40L60 30');
  });

  it('draws nothing for an empty or all-missing series', () => {
    expect(linePath([], x, y)).toBe('');
    expect(linePath([null, null], x, y)).toBe('');
  });

  it('builds one band polygon per run with both bounds, upper forward then lower back', () => {
    const polys = bandPolygons([1, 2, null, 4], [3, 4, 5, 6], x, y);
    expect(polys).toHaveLength(2);
    expect(polys[0]!.map((p) => [p.x, p.y])).toEqual([
      [0, 70],
      [10, 60],
      [10, 80],
      [0, 90],
    ]);
    expect(polys[1]!.map((p) => p.index)).toEqual([3, 3]);
  });
});

describe('seriesChart', () => {
  const chart = seriesChart({
    values: [10, 12, null, 30, 11],
    lower: [8, 9, 9, 9, 9],
    upper: [14, 15, 15, 15, 15],
    flagged: [3, 2, 3, 9],
    highlight: 3,
    width: 200,
    height: 100,
    padding: { top: 10, bottom: 20, left: 30, right: 10 },
    ticks: 4,
  });

  it('spreads periods over the plot and includes the band in the y extent', () => {
    expect(chart.x(0)).toBe(30);
    expect(chart.x(4)).toBe(190);
    expect(chart.y.domain[0]).toBeLessThanOrEqual(8);
    expect(chart.y.domain[1]).toBeGreaterThanOrEqual(30);
    expect(chart.yTicks[0]!.y).toBe(80);
    expect(chart.yTicks[chart.yTicks.length - 1]!.y).toBe(10);
  });

  it('gives every period with both bounds a vertical range, even a lone one', () => {
    const lone = seriesChart({ values: [1, 2, 3], lower: [null, 1.5, null], upper: [null, 2.5, null], width: 100, height: 100 });
    expect(lone.band).toBe('M50 25L50 75Z');
    expect(lone.ranges).toEqual([{ index: 1, x: 50, top: 25, bottom: 75 }]);
    expect(chart.ranges.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(chart.ranges.every((r) => r.top < r.bottom)).toBe(true);
  });

  it('flags each index once, only where a value exists', () => {
    expect(chart.flagged.map((p) => p.index)).toEqual([3]);
    expect(chart.highlight?.index).toBe(3);
    expect(chart.points.map((p) => p.index)).toEqual([0, 1, 3, 4]);
  });

  it('centres a single point', () => {
    expect(seriesChart({ values: [5], width: 100, height: 10 }).points[0]!.x).toBe(50);
  });
});

describe('barLayout', () => {
  it('puts zero inside the scale so negative bars extend left', () => {
    const { zero, bars } = barLayout([-1, 3], 80);
    expect(zero).toBe(20);
    expect(bars[0]).toEqual({ value: -1, x: 0, width: 20 });
    expect(bars[1]).toEqual({ value: 3, x: 20, width: 60 });
  });

  it('draws zero-width bars for all-zero or non-finite values', () => {
    expect(barLayout([0, 0], 50).bars.every((b) => b.width === 0)).toBe(true);
    expect(barLayout([NaN, 2], 50).bars[0]!.width).toBe(0);
  });
});

describe('sparklineSvg', () => {
  it('is labelled, escaped and self-contained', () => {
    const svg = sparklineSvg([1, 2, 3], { label: 'R&D <"costs"> \'24' });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="R&amp;D &lt;&quot;costs&quot;&gt; &#39;24"');
    expect(svg).toContain('<title>R&amp;D &lt;&quot;costs&quot;&gt; &#39;24</title>');
    expect(svg).not.toMatch(/<script|href=|style=/);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('leaves gaps for nulls and draws flagged values as dots', () => {
    const svg = sparklineSvg([1, null, 3, 4], { label: 'x', width: 100, height: 20, flagged: [1, 3] });
    const d = /<path d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(1);
    expect(svg).toContain('width="100" height="20"');
  });

  it('renders an all-missing or non-finite series as a labelled empty chart', () => {
    const svg = sparklineSvg([null, NaN, Infinity], { label: 'empty', flagged: [0] });
    expect(svg).not.toContain('<path');
    expect(svg).not.toContain('<circle');
    expect(svg).toContain('<title>empty</title>');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('escapes every markup character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
