/** Scales a median absolute deviation to a standard deviation for normal data. */
export const MAD_TO_SD = 1.4826;

/** Median of the finite numbers among `xs` (gaps and NaN are skipped); NaN when there are none. */
export function median(xs: ArrayLike<number>): number {
  const finite = finiteSorted(xs);
  return medianOfSorted(finite);
}

/** Median absolute deviation from the median, scaled to a standard deviation; NaN when empty. */
export function robustScale(xs: ArrayLike<number>): number {
  const finite = finiteSorted(xs);
  const m = medianOfSorted(finite);
  const deviations = finite.map((x) => Math.abs(x - m)).sort((a, b) => a - b);
  return MAD_TO_SD * medianOfSorted(deviations);
}

export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function finiteSorted(xs: ArrayLike<number>): Float64Array {
  const out = new Float64Array(xs.length);
  let n = 0;
  for (let i = 0; i < xs.length; i += 1) {
    const x = xs[i]!;
    if (Number.isFinite(x)) out[n++] = x;
  }
  return out.subarray(0, n).sort();
}
