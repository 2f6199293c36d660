import { formatMinor } from '../money';

/** A side's value in one period: the number, and its exact decimal text for money. */
export interface SideValue {
  value: number;
  exact?: string;
}

export interface Tolerance {
  absolute?: number;
  percent?: number;
}

export interface Comparison {
  /** left − right; null when a side has no value. */
  difference: number | null;
  /** The largest |difference| that still agrees. */
  allowed: number;
  agrees: boolean;
}

/** max(absolute, percent% × |left|); percent of a missing left counts as zero. */
export function allowedDifference(left: number | null, tolerance: Tolerance): number {
  // Multiply before dividing: 1 × 10000 / 100 is exactly 100, while 0.01 × 10000 is not.
  const relative = tolerance.percent === undefined || left === null ? 0 : (tolerance.percent * Math.abs(left)) / 100;
  return Math.max(tolerance.absolute ?? 0, relative);
}

/**
 * Compares two values within a tolerance; the limit itself agrees. Money is subtracted exactly
 * from its decimal text, so a one-cent difference is one cent, never 0.009999999.
 * Two missing values agree (nothing to reconcile); one missing value does not.
 */
export function compareValues(left: SideValue | null, right: SideValue | null, tolerance: Tolerance): Comparison {
  const allowed = allowedDifference(left?.value ?? null, tolerance);
  if (left === null || right === null) return { difference: null, allowed, agrees: left === right };
  const difference = exactDifference(left, right);
  // A relative slack of 1e-12 absorbs the rounding of a fractional percent, far below a cent.
  return { difference, allowed, agrees: Math.abs(difference) <= allowed * (1 + 1e-12) };
}

function exactDifference(left: SideValue, right: SideValue): number {
  if (left.exact === undefined || right.exact === undefined) return left.value - right.value + 0;
  return decimalToNumber(subtractDecimals(left.exact, right.exact));
}

/** `a − b` of two decimal texts such as "-1234.50", exactly, as decimal text. */
export function subtractDecimals(a: string, b: string): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  const minor = x.minor * 10n ** BigInt(scale - x.scale) - y.minor * 10n ** BigInt(scale - y.scale);
  return formatMinor(minor, scale);
}

function parseDecimal(text: string): { minor: bigint; scale: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const fraction = m[3] ?? '';
  const minor = BigInt(`${m[2]}${fraction}`);
  return { minor: m[1] === '-' ? -minor : minor, scale: fraction.length };
}

const decimalToNumber = (text: string): number => Number(text) + 0;
