/**
 * Exact sums of integer minor units in two double "limbs": value = hi * 2^40 + lo, with |lo| kept
 * under 2^52 by carrying into hi. Every addend is below 2^51, so every intermediate is an integer
 * under 2^53 and no rounding ever happens — totals reconcile to the cent at any size, at the cost of
 * one comparison per addition.
 */
export const LIMB = 2 ** 40;
const CARRY_AT = 2 ** 52;
/** Largest amount (in minor units) a single observation may carry. */
export const MAX_ADDEND = 2 ** 51;

export function addExact(lo: Float64Array, hi: Float64Array, i: number, v: number): void {
  const s = lo[i]! + v;
  if (s >= CARRY_AT || s <= -CARRY_AT) {
    const carry = Math.trunc(s / LIMB);
    hi[i]! += carry;
    lo[i] = s - carry * LIMB;
  } else lo[i] = s;
}

export const exactToBigInt = (hi: number, lo: number): bigint => BigInt(hi) * BigInt(LIMB) + BigInt(lo);
export const exactToNumber = (hi: number, lo: number): number => hi * LIMB + lo;
