import type { Signal } from './signals';

/** Identical values this many periods in a row suggest a source that stopped updating. */
const REPEATS = 3;

/**
 * Missing and stale data in one series of a base metric, judged up to its last period: a period
 * without data between periods with data is missing, and so is a zero in a series that was never
 * zero before (a sum over no rows reads as zero); no data in the last periods after there was
 * some, or the same non-zero value repeated REPEATS times when the series never did so before, is
 * stale. `keys` names the periods for the explanation.
 */
export function gapSignals(values: Float64Array, keys: readonly string[]): Map<number, Signal> {
  const out = new Map<number, Signal>();
  const present = (t: number): boolean => Number.isFinite(values[t]!);
  let first = -1;
  let last = -1;
  for (let t = 0; t < values.length; t += 1) {
    if (!present(t)) continue;
    if (first < 0) first = t;
    last = t;
  }
  if (first < 0) return out;
  let zeroSeen = false;
  for (let t = first; t <= last; t += 1) {
    if (!present(t)) out.set(t, { kind: 'missing', zero: false });
    else if (values[t] === 0 && !zeroSeen && t > first + 1) out.set(t, { kind: 'missing', zero: true });
    zeroSeen ||= values[t] === 0;
  }
  const end = values.length - 1;
  if (last < end) out.set(end, { kind: 'stale', since: keys[last]!, count: end - last, repeated: false });
  else {
    const repeat = trailingRepeat(values);
    if (repeat >= REPEATS && values[end] !== 0 && !repeatedBefore(values, end - repeat + 1)) {
      out.set(end, { kind: 'stale', since: keys[end - repeat + 1]!, count: repeat, repeated: true });
    }
  }
  return out;
}

/** How many periods at the end hold exactly the last value. */
function trailingRepeat(values: Float64Array): number {
  const end = values.length - 1;
  let n = 1;
  while (end - n >= 0 && values[end - n] === values[end]) n += 1;
  return n;
}

/** Whether two consecutive periods before `until` held the same value (then repeats are normal here). */
function repeatedBefore(values: Float64Array, until: number): boolean {
  for (let t = 1; t < until; t += 1) if (Number.isFinite(values[t]!) && values[t] === values[t - 1]) return true;
  return false;
}
