/** A linear map from a data interval onto a pixel interval (the range may run backwards, as y does). */
export interface LinearScale {
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  (value: number): number;
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  // Halves are exact and keep ±1e308 from overflowing to Infinity (whose ratio would be NaN).
  const span = d1 / 2 - d0 / 2;
  // A flat series (every value equal) sits mid-range rather than dividing by zero.
  const map = (value: number): number => (span === 0 ? (r0 + r1) / 2 : r0 + ((value / 2 - d0 / 2) / span) * (r1 - r0));
  return Object.assign(map, { domain, range });
}

/** Smallest and largest finite value among all the series; undefined when there is none. */
export function extentOf(...series: ReadonlyArray<ReadonlyArray<number | null | undefined>>): [number, number] | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const values of series) {
    for (const v of values) {
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? [min, max] : undefined;
}

/**
 * A "nice" step (1, 2 or 5 × 10ⁿ) that splits `span` into about `count` parts. Rounding happens at
 * the geometric midpoints (√2, √10, √50), as d3 does, so the tick count stays close to `count`.
 */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.SQRT2 ? 2 : 1;
  return nice * power;
}

/** Far more than any axis shows: more means the step lost meaning. */
const MAX_TICKS = 100;

export interface NiceTicks {
  /** The extent widened to whole steps, so the axis starts and ends on a tick. */
  domain: [number, number];
  ticks: number[];
  step: number;
}

/**
 * Round tick values covering [min, max], about `count` of them. Ticks are computed as integer
 * multiples of the step so 0.1 + 0.2 noise never shows up as 0.30000000000000004.
 */
export function niceTicks(min: number, max: number, count = 4): NiceTicks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: [0, 1], ticks: [0, 1], step: 1 };
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    // One value: give it room around itself (or around zero) so it is not drawn on the frame.
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    [min, max] = [min - pad, max + pad];
  }
  const step = niceStep(max - min, count);
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  // A span past the float range (±1e308) or below it has no round step: keep the extent itself
  // rather than pushing one tick per unit (a frozen page) or none at all.
  if (!(last - first <= MAX_TICKS)) return { domain: [min, max], ticks: [min, max], step: max / 2 - min / 2 };
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toFixed(digits)));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks, step };
}
