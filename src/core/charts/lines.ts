import type { LinearScale } from './scale';

export interface Point {
  x: number;
  y: number;
  /** Position in the series the point was drawn from. */
  index: number;
}

type Values = ReadonlyArray<number | null | undefined>;

const isValue = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** Pixel coordinates rounded to 0.01: finer is invisible and only bloats SVG markup. */
export const px = (n: number): number => Math.round(n * 100) / 100;

/**
 * Runs of consecutive drawable indices. A missing or non-finite value ends a run, so a gap in the
 * data is a gap in the line, never a line drawn through zero.
 */
export function runs(length: number, drawable: (i: number) => boolean): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < length; i++) {
    if (drawable(i)) {
      current.push(i);
    } else if (current.length) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** The points of a series, one per finite value. */
export function pointsOf(values: Values, x: (i: number) => number, y: LinearScale): Point[] {
  const out: Point[] = [];
  values.forEach((v, index) => {
    if (isValue(v)) out.push({ x: px(x(index)), y: px(y(v)), index });
  });
  return out;
}

/** SVG path data of a line with one sub-path per run; a lone value between gaps is a dot-sized move. */
export function linePath(values: Values, x: (i: number) => number, y: LinearScale): string {
  return runs(values.length, (i) => isValue(values[i]))
    .map((run) => run.map((i, k) => `${k === 0 ? 'M' : 'L'}${px(x(i))} ${px(y(values[i]!))}`).join(''))
    .join('');
}

/**
 * The expected band as closed polygons: along the upper bound, back along the lower one. A period
 * without both bounds splits the band, like a gap in the line.
 */
export function bandPolygons(lower: Values, upper: Values, x: (i: number) => number, y: LinearScale): Point[][] {
  const length = Math.min(lower.length, upper.length);
  return runs(length, (i) => isValue(lower[i]) && isValue(upper[i])).map((run) => [
    ...run.map((index) => ({ x: px(x(index)), y: px(y(upper[index]!)), index })),
    ...[...run].reverse().map((index) => ({ x: px(x(index)), y: px(y(lower[index]!)), index })),
  ]);
}

/** Path data of closed polygons (one sub-path each). */
export function polygonPath(polygons: readonly Point[][]): string {
  return polygons.map((poly) => poly.map((p, k) => `${k === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('') + 'Z').join('');
}
