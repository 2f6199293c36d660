/** Why a value could not be computed. Error values flow through formulas instead of throwing. */
export type ErrorKind = 'DIV0' | 'NEG_DENOMINATOR' | 'MISSING' | 'SOURCE' | 'NUM' | 'CYCLE' | 'REF';

export class ErrorValue {
  constructor(
    readonly kind: ErrorKind,
    /** Where it started (metric id, source id) and any detail, for the explanation. */
    readonly detail: string = '',
  ) {}
  toString(): string {
    return `#${this.kind}`;
  }
}

export type Value = number | ErrorValue;

export const isError = (v: Value): v is ErrorValue => v instanceof ErrorValue;

/** A finite number or the NUM error: NaN and Infinity never escape into results. */
export const finite = (n: number): Value => (Number.isFinite(n) ? n : new ErrorValue('NUM'));
