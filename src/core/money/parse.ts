import { pow10 } from './minor';

export interface ParsedAmount {
  /** Integer minor units at the requested scale. */
  minor: number;
  /** True when the text had more decimals than the scale and was rounded half away from zero. */
  rounded: boolean;
}

// 1,234.56 · -1234.5 · (1,234.56) · ¥1,234.56 · 1234.56- · +12 · 1.2e3 · 1 234.56
const AMOUNT = /^([-+]?)\(?\s*[¥￥$€£]?\s*([-+]?)(\d[\d,\s]*)?(?:\.(\d*))?(?:[eE]([-+]?\d+))?\s*\)?(-?)$/;

/**
 * Parses an amount as finance files write it, exactly (no binary floating point on the way):
 * thousands separators, currency symbols, accounting negatives `(1,234.56)` and trailing minus.
 * Returns undefined for anything that is not a number (`#N/A`, `n/a`, `--`, text).
 */
export function parseAmount(text: string, scale: number): ParsedAmount | undefined {
  return parseShifted(text.trim(), scale, 0);
}

// A cell showing zero in an accounting format: `-`, `--`, `—`, `$ -` (after NFKC, so `－` is `-`).
const ACCOUNTING_ZERO = /^[¥$€£]?\s*[-\u2010-\u2015]{1,3}\s*$/;
const PERCENT = /^(.*?)\s*%\s*(\)?)$/;

/**
 * Reads an amount as a workbook cell displays it, on top of {@link parseAmount}: full-width digits
 * and punctuation (NFKC), `-` `--` `—` for zero as accounting formats show it, and `12.5%` as
 * 0.125 (exactly: the decimal point moves, no division). Undefined when it is not a number.
 */
export function parseAccountingAmount(text: string, scale: number): ParsedAmount | undefined {
  const t = (/[^\x20-\x7e]/.test(text) ? text.normalize('NFKC') : text).trim();
  if (ACCOUNTING_ZERO.test(t)) return { minor: 0, rounded: false };
  const pct = PERCENT.exec(t);
  return pct ? parseShifted(`${pct[1]!}${pct[2]!}`, scale, -2) : parseShifted(t, scale, 0);
}

function parseShifted(t: string, scale: number, shift: number): ParsedAmount | undefined {
  const m = AMOUNT.exec(t);
  if (!m) return undefined;
  const [, sign1 = '', sign2 = '', intRaw = '', fracRaw = '', expRaw, trailing = ''] = m;
  const intDigits = intRaw.replace(/[,\s]/g, '');
  if (intDigits === '' && fracRaw === '') return undefined;
  if (intRaw !== '' && !/^\d{1,3}(,\d{3})*$|^\d+$|^\d{1,3}(\s\d{3})*$/.test(intRaw.trim())) return undefined;
  const parenthesised = t.includes('(') !== t.includes(')') ? undefined : t.includes('(');
  if (parenthesised === undefined) return undefined;
  const minusCount = [sign1, sign2, trailing].filter((s) => s === '-').length + (parenthesised ? 1 : 0);
  if (minusCount > 1) return undefined;
  return scaleDigits(intDigits, fracRaw, Number(expRaw ?? 0) + shift, scale, minusCount === 1);
}

/**
 * Converts a double (an .xlsx cell, a JSON number) through its decimal text at Excel's 15 significant
 * digits, so stored noise such as 27338.850000000002 reads as the 27338.85 the user sees, and 1.005
 * stays 1.005.
 */
export function amountFromNumber(value: number, scale: number): ParsedAmount | undefined {
  if (!Number.isFinite(value)) return undefined;
  // Fast path: a double within a few ulps of a whole number of minor units is that number, exactly as
  // its 15-digit text would say; anything else (a real third decimal) goes through the text.
  const scaled = value * pow10(scale);
  const minor = Math.round(scaled);
  if (Math.abs(minor) < 2 ** 51 && Math.abs(scaled - minor) <= Math.abs(scaled) * 8 * Number.EPSILON) return { minor: minor + 0, rounded: false };
  return parseAmount(String(Number(value.toPrecision(15))), scale);
}

function scaleDigits(intDigits: string, frac: string, exp: number, scale: number, negative: boolean): ParsedAmount | undefined {
  pow10(scale); // throws on a scale outside 0..8
  // Shift the decimal point by the exponent, then split at `scale` decimals.
  let digits = (intDigits || '0') + frac;
  let point = (intDigits || '0').length + exp;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const kept = digits.slice(0, point) + digits.slice(point, point + scale).padEnd(scale, '0');
  const dropped = digits.slice(point + scale);
  let minor = Number(kept);
  if (!Number.isSafeInteger(minor)) return undefined;
  const roundUp = dropped.length > 0 && dropped.charCodeAt(0) >= 53; // '5'
  if (roundUp) minor += 1;
  return { minor: negative && minor !== 0 ? -minor : minor, rounded: /[1-9]/.test(dropped) };
}
