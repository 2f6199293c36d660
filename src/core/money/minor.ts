/**
 * Money is carried as integer minor units (scale 2 = cents) in doubles: integers up to 2^53 add
 * exactly, which is what makes ledger totals reconcile to the cent. Beyond that, callers switch to
 * bigint (see the engine's aggregation) — never to fractional doubles.
 */
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];

export function pow10(scale: number): number {
  const p = POW10[scale];
  if (p === undefined) throw new RangeError(`scale ${scale} is outside 0..8`);
  return p;
}

export const minorToNumber = (minor: number | bigint, scale: number): number => Number(minor) / pow10(scale);

/** Exact decimal text of an integer count of minor units: formatMinor(-123456n, 2) === '-1234.56'. */
export function formatMinor(minor: number | bigint, scale: number): string {
  const big = typeof minor === 'bigint' ? minor : BigInt(minor);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}
