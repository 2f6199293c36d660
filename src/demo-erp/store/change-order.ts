/** Packs (rank, position) into one float: positions stay below 2^22, ranks below 2^30. */
const POSITIONS = 2 ** 22;

/**
 * Every position ordered by (stamp, position). Built once by ranking the distinct stamps, so a
 * typed-array sort replaces hundreds of thousands of string comparisons. Afterwards the positions
 * touched since are moved to the end, which keeps the order because every change is stamped later
 * than anything before it.
 */
export function changeOrder(previous: Int32Array | null, touched: ReadonlySet<number>, size: number, stampAt: (pos: number) => string): Int32Array {
  if (previous === null) return sortByStamp(Int32Array.from({ length: size }, (_, i) => i), stampAt);
  const moved = sortByStamp(Int32Array.from(touched), stampAt);
  const out = new Int32Array(previous.length - countIn(previous, touched) + moved.length);
  let n = 0;
  for (const pos of previous) if (!touched.has(pos)) out[n++] = pos;
  out.set(moved, n);
  return out;
}

function sortByStamp(positions: Int32Array, stampAt: (pos: number) => string): Int32Array {
  const stamps = Array.from(positions, stampAt);
  const rank = new Map([...new Set(stamps)].sort().map((s, i) => [s, i] as const));
  const keys = Float64Array.from(positions, (pos, i) => rank.get(stamps[i]!)! * POSITIONS + pos);
  keys.sort();
  return Int32Array.from(keys, (k) => k % POSITIONS);
}

function countIn(positions: Int32Array, set: ReadonlySet<number>): number {
  let n = 0;
  for (const pos of positions) if (set.has(pos)) n += 1;
  return n;
}
