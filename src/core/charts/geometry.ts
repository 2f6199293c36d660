import { bandPolygons, linePath, pointsOf, polygonPath, px, type Point } from './lines';
import { extentOf, linearScale, niceTicks, type LinearScale } from './scale';

type Values = ReadonlyArray<number | null>;

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface SeriesChartInput {
  values: Values;
  /** The expected band, aligned with `values`; null where a period has none. */
  lower?: Values;
  upper?: Values;
  /** Indices of flagged points (findings), drawn as dots. */
  flagged?: readonly number[];
  /** One index drawn larger (the point being explained). */
  highlight?: number;
  width: number;
  height: number;
  padding?: Partial<Padding>;
  /** About how many y-axis ticks; 0 keeps the tight extent (sparklines). */
  ticks?: number;
}

export interface SeriesChart {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  x: (index: number) => number;
  y: LinearScale;
  /** Path data: the line (gaps for missing values) and the band polygons. */
  line: string;
  band: string;
  /**
   * The band at each period as a vertical range. Findings are sparse, so most bands cover a
   * single period, where the polygon has no width: the range line shows those.
   */
  ranges: Array<{ index: number; x: number; top: number; bottom: number }>;
  points: Point[];
  flagged: Point[];
  highlight?: Point;
  yTicks: Array<{ value: number; y: number }>;
}

const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * Everything needed to draw a series with its band and flagged points, in pixels: one geometry
 * for the pane's React charts and the HTML report's SVG strings, so both draw the same chart.
 */
export function seriesChart(input: SeriesChartInput): SeriesChart {
  const pad = { ...NO_PADDING, ...input.padding };
  const plot = { left: pad.left, top: pad.top, right: input.width - pad.right, bottom: input.height - pad.bottom };
  const n = input.values.length;
  const x = (i: number): number => (n <= 1 ? (plot.left + plot.right) / 2 : plot.left + (i * (plot.right - plot.left)) / (n - 1));
  const extent = extentOf(input.values, input.lower ?? [], input.upper ?? []) ?? [0, 1];
  const ticks = input.ticks ? niceTicks(extent[0], extent[1], input.ticks) : undefined;
  const y = linearScale(ticks?.domain ?? extent, [plot.bottom, plot.top]);
  const points = pointsOf(input.values, x, y);
  const byIndex = new Map(points.map((p) => [p.index, p] as const));
  const pick = (indices: readonly number[]): Point[] => indices.map((i) => byIndex.get(i)).filter((p): p is Point => p !== undefined);
  const highlight = input.highlight === undefined ? undefined : byIndex.get(input.highlight);
  return {
    width: input.width,
    height: input.height,
    plot,
    x,
    y,
    line: linePath(input.values, x, y),
    band: polygonPath(bandPolygons(input.lower ?? [], input.upper ?? [], x, y)),
    ranges: rangesOf(input.lower ?? [], input.upper ?? [], x, y),
    points,
    flagged: pick([...new Set(input.flagged ?? [])]),
    ...(highlight ? { highlight } : {}),
    yTicks: (ticks?.ticks ?? []).map((value) => ({ value, y: px(y(value)) })),
  };
}

function rangesOf(lower: Values, upper: Values, x: (i: number) => number, y: LinearScale): SeriesChart['ranges'] {
  const out: SeriesChart['ranges'] = [];
  for (let i = 0; i < Math.min(lower.length, upper.length); i++) {
    const [lo, hi] = [lower[i], upper[i]];
    if (lo === null || lo === undefined || hi === null || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi)) continue;
    out.push({ index: i, x: px(x(i)), top: px(y(Math.max(lo, hi))), bottom: px(y(Math.min(lo, hi))) });
  }
  return out;
}

export interface Bar {
  value: number;
  /** Left edge and width in pixels; negative values extend left of the zero line. */
  x: number;
  width: number;
}

/** Horizontal bars on one scale that always includes zero, so signed shares read correctly. */
export function barLayout(values: readonly number[], width: number): { zero: number; bars: Bar[] } {
  const [min, max] = extentOf(values, [0]) ?? [0, 0];
  const scale = linearScale([min, max], [0, width]);
  const zero = px(min === max ? 0 : scale(0));
  const bars = values.map((value) => {
    const end = Number.isFinite(value) && min !== max ? px(scale(value)) : zero;
    return { value, x: Math.min(zero, end), width: px(Math.abs(end - zero)) };
  });
  return { zero, bars };
}
