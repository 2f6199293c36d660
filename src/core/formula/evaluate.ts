import type { Span } from '../periods';
import type { Expr } from './ast';
import { divide, SCALAR_FUNCTIONS, type TimeFunction } from './functions';
import { ErrorValue, finite, isError, type Value } from './value';

/** What the evaluator needs from its surroundings: metric values and the calendar's span arithmetic. */
export interface EvalContext {
  ref(id: string, span: Span): Value;
  prior(span: Span, n: number): Span;
  yearAgo(span: Span): Span;
  toDate(span: Span, unit: 'year' | 'quarter'): Span;
  rolling(span: Span, n: number): Span;
  /** Days in the span on the current metric's day basis. */
  days(span: Span): number;
}

/** Evaluates a checked expression over a span. Never throws for data problems: it returns error values. */
export function evaluate(expr: Expr, span: Span, ctx: EvalContext): Value {
  switch (expr.type) {
    case 'number':
      return expr.value;
    case 'ref':
      return ctx.ref(expr.id, span);
    case 'unary': {
      const v = evaluate(expr.arg, span, ctx);
      return isError(v) || expr.op === '+' ? v : -v;
    }
    case 'binary': {
      const l = evaluate(expr.left, span, ctx);
      if (isError(l)) return l;
      const r = evaluate(expr.right, span, ctx);
      if (isError(r)) return r;
      return binary(expr.op, l, r);
    }
    case 'call': {
      const scalar = SCALAR_FUNCTIONS[expr.name];
      if (scalar) return scalar.apply(expr.args.map((a) => () => evaluate(a, span, ctx)));
      return timeCall(expr.name as TimeFunction, expr.args, span, ctx);
    }
  }
}

function binary(op: Extract<Expr, { type: 'binary' }>['op'], l: number, r: number): Value {
  switch (op) {
    case '+':
      return finite(l + r);
    case '-':
      return finite(l - r);
    case '*':
      return finite(l * r);
    case '/':
      return divide(l, r, true);
    case '^':
      return finite(l ** r);
    case '=':
      return l === r ? 1 : 0;
    case '<>':
      return l !== r ? 1 : 0;
    case '<':
      return l < r ? 1 : 0;
    case '<=':
      return l <= r ? 1 : 0;
    case '>':
      return l > r ? 1 : 0;
    case '>=':
      return l >= r ? 1 : 0;
  }
}

const constant = (e: Expr | undefined, fallback: number): number => (e?.type === 'number' ? e.value : fallback);

function growth(current: Value, base: Value): Value {
  if (isError(current)) return current;
  if (isError(base)) return base;
  return base === 0 ? new ErrorValue('DIV0') : finite((current - base) / Math.abs(base));
}

function timeCall(name: TimeFunction, args: readonly Expr[], span: Span, ctx: EvalContext): Value {
  if (name === 'DAYS') return ctx.days(span);
  const x = args[0]!;
  const at = (s: Span): Value => evaluate(x, s, ctx);
  switch (name) {
    case 'PREV':
      return at(ctx.prior(span, constant(args[1], 1)));
    case 'LASTYEAR':
      return at(ctx.yearAgo(span));
    case 'YOY':
      return growth(at(span), at(ctx.yearAgo(span)));
    case 'MOM':
      return growth(at(span), at(ctx.prior(span, 1)));
    case 'YTD':
      return at(ctx.toDate(span, 'year'));
    case 'QTD':
      return at(ctx.toDate(span, 'quarter'));
    case 'ROLLING':
      return at(ctx.rolling(span, constant(args[1], 1)));
    case 'AVG_BALANCE': {
      const opening = at({ start: span.start - 1, end: span.start - 1 });
      if (isError(opening)) return opening;
      const closing = at({ start: span.end, end: span.end });
      return isError(closing) ? closing : (opening + closing) / 2;
    }
  }
}
