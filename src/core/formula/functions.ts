import { ErrorValue, finite, isError, type Value } from './value';

/**
 * The formula functions. Scalar functions receive evaluated arguments (errors already propagated
 * unless `lazy`); time functions re-evaluate their first argument over another span and are
 * implemented by the evaluator.
 */
export type TimeFunction = 'PREV' | 'LASTYEAR' | 'YOY' | 'MOM' | 'YTD' | 'QTD' | 'ROLLING' | 'AVG_BALANCE' | 'DAYS';

export interface FunctionSpec {
  minArgs: number;
  maxArgs: number;
  /** Indexes of arguments that must be whole-number constants (period counts). */
  constantArgs?: readonly number[];
  /** Help text for the editor. */
  doc: string;
}

export const TIME_FUNCTIONS: Readonly<Record<TimeFunction, FunctionSpec>> = {
  PREV: { minArgs: 1, maxArgs: 2, constantArgs: [1], doc: 'PREV(x, n=1): x n periods earlier' },
  LASTYEAR: { minArgs: 1, maxArgs: 1, doc: 'LASTYEAR(x): x in the same period last year' },
  YOY: { minArgs: 1, maxArgs: 1, doc: 'YOY(x): growth over the same period last year, (x − last year) / |last year|' },
  MOM: { minArgs: 1, maxArgs: 1, doc: 'MOM(x): growth over the previous period, (x − previous) / |previous|' },
  YTD: { minArgs: 1, maxArgs: 1, doc: 'YTD(x): x over the fiscal year to date' },
  QTD: { minArgs: 1, maxArgs: 1, doc: 'QTD(x): x over the fiscal quarter to date' },
  ROLLING: { minArgs: 2, maxArgs: 2, constantArgs: [1], doc: 'ROLLING(x, n): x over the last n periods' },
  AVG_BALANCE: { minArgs: 1, maxArgs: 1, doc: 'AVG_BALANCE(x): (opening + closing) / 2 of a balance over the span' },
  DAYS: { minArgs: 0, maxArgs: 0, doc: "DAYS(): days in the period on the metric's day basis (360, 365 or actual)" },
};

interface ScalarSpec extends FunctionSpec {
  /** Lazy functions get thunks so an unused branch's error does not leak (IF, IFERROR). */
  lazy?: boolean;
  apply(args: ReadonlyArray<() => Value>): Value;
}

const strict =
  (fn: (xs: number[]) => Value) =>
  (args: ReadonlyArray<() => Value>): Value => {
    const xs: number[] = [];
    for (const arg of args) {
      const v = arg();
      if (isError(v)) return v;
      xs.push(v);
    }
    return fn(xs);
  };

/** Half away from zero, as accountants round; the epsilon keeps 1.005 → 1.01 despite binary floats. */
function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Math.abs(x) * f;
  return (Math.sign(x) * Math.round(scaled + scaled * Number.EPSILON)) / f;
}

export function divide(a: number, b: number, allowNegative: boolean): Value {
  if (b === 0) return new ErrorValue('DIV0');
  if (b < 0 && !allowNegative) return new ErrorValue('NEG_DENOMINATOR');
  return finite(a / b);
}

export const SCALAR_FUNCTIONS: Readonly<Record<string, ScalarSpec>> = {
  ABS: { minArgs: 1, maxArgs: 1, doc: 'ABS(x)', apply: strict(([x = 0]) => Math.abs(x)) },
  MIN: { minArgs: 1, maxArgs: 255, doc: 'MIN(x, …)', apply: strict((xs) => Math.min(...xs)) },
  MAX: { minArgs: 1, maxArgs: 255, doc: 'MAX(x, …)', apply: strict((xs) => Math.max(...xs)) },
  ROUND: {
    minArgs: 1,
    maxArgs: 2,
    constantArgs: [1],
    doc: 'ROUND(x, digits=0): half away from zero',
    apply: strict(([x = 0, d = 0]) => finite(roundHalfAway(x, d))),
  },
  IF: {
    minArgs: 3,
    maxArgs: 3,
    lazy: true,
    doc: 'IF(condition, then, else): only the chosen branch is evaluated',
    apply: ([cond, then, otherwise]) => {
      const c = cond!();
      if (isError(c)) return c;
      return c !== 0 ? then!() : otherwise!();
    },
  },
  IFERROR: {
    minArgs: 2,
    maxArgs: 2,
    lazy: true,
    doc: 'IFERROR(x, fallback): fallback when x is an error value',
    apply: ([x, fallback]) => {
      const v = x!();
      return isError(v) ? fallback!() : v;
    },
  },
  DIVIDE: {
    minArgs: 2,
    maxArgs: 3,
    lazy: true,
    doc: 'DIVIDE(a, b, fallback?): a / b; a zero or negative b gives #DIV0 / #NEG_DENOMINATOR, or the fallback',
    apply: ([a, b, fallback]) => {
      const num = a!();
      if (isError(num)) return num;
      const den = b!();
      if (isError(den)) return den;
      const q = divide(num, den, false);
      return isError(q) && fallback ? fallback() : q;
    },
  },
};

export const FUNCTION_NAMES: readonly string[] = [...Object.keys(SCALAR_FUNCTIONS), ...Object.keys(TIME_FUNCTIONS)].sort();

export function specOf(name: string): FunctionSpec | undefined {
  return SCALAR_FUNCTIONS[name] ?? (TIME_FUNCTIONS as Record<string, FunctionSpec>)[name];
}

export const isTimeFunction = (name: string): name is TimeFunction => name in TIME_FUNCTIONS;
