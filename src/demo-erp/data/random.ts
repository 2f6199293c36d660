/*
 * Module-level copies of the Math functions the hot loops call: a test runner's sandbox (jest's vm
 * context) makes every global lookup cost ~0.2 µs, which over millions of draws doubled the time
 * to generate the benchmark ledger. Plain Node is unaffected either way.
 */
const { imul, floor } = Math;
const SQRT3 = Math.sqrt(3);

/**
 * mulberry32, the same generator as src/core/testing/prng.ts (a test checks both give the same
 * stream), written against the local `imul` above.
 */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seeded randomness every generator draws from; never Math.random, so a seed replays exactly. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(lo: number, hi: number): number;
  /** A whole number in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  /** Roughly normal (Irwin–Hall of 4): mean 0, standard deviation `sd`. */
  noise(sd: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + floor((hi - lo + 1) * next()),
    noise: (sd) => (next() + next() + next() + next() - 2) * sd * SQRT3,
    pick: (items) => items[floor(items.length * next())]!,
    chance: (p) => next() < p,
  };
  return rng;
}

/**
 * An independent stream per purpose (plan, documents, mutations…): changing how many documents are
 * drawn must not shift the monthly figures, so each purpose gets its own seed derived from the base.
 */
export function streamSeed(seed: number, purpose: number): number {
  return (Math.imul(seed >>> 0, 2654435761) ^ Math.imul(purpose + 1, 40503)) >>> 0;
}

/**
 * Splits a whole number of cents into `parts` random shares that add up to it exactly, each share
 * between about half and one and a half times the mean, so documents look alike in size. Every
 * share gets at least a cent when the total allows: a zero-value document would book nothing.
 */
export function splitCents(rng: Rng, total: number, parts: number): number[] {
  if (parts <= 1) return [total];
  const weights = Array.from({ length: parts }, () => 0.5 + rng.next());
  const sum = weights.reduce((s, w) => s + w, 0);
  const sign = total < 0 ? -1 : 1;
  const floorCent = Math.abs(total) >= parts ? 1 : 0;
  const whole = Math.abs(total) - floorCent * parts;
  const shares = weights.map((w) => floor((whole * w) / sum));
  let rest = whole - shares.reduce((s, c) => s + c, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest -= 1) shares[i]! += 1;
  return shares.map((c) => sign * (c + floorCent));
}

/** Cumulative weights for `pickWeighted`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let run = 0;
  weights.forEach((w, i) => {
    run += w;
    out[i] = run;
  });
  return out;
}

/** Draws an item with probability proportional to its weight (binary search over the cumulative weights). */
export function pickWeighted<T>(rng: Rng, items: readonly T[], cum: Float64Array): T {
  const target = rng.next() * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return items[lo]!;
}
