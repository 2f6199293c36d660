import { checkFormula, type Expr } from '../formula';
import type { Problem } from '../errors';
import type { MetricDef } from './schema';

const ref = (id: string, pos = 1): Expr => ({ type: 'ref', id, pos });
const call = (name: string, ...args: Expr[]): Expr => ({ type: 'call', name, args, pos: 1 });
const int = (value: number): Expr => ({ type: 'number', value, pos: 1 });

/**
 * Every non-base kind is sugar for a formula: ratio = DIVIDE(n, d), cumulative = YTD/QTD/ROLLING(of),
 * offset = PREV/LASTYEAR(of). The engine only knows base metrics and expressions.
 */
export function metricExpression(
  m: MetricDef,
  isKnownRef: (id: string) => boolean,
  path: string,
): { expr?: Expr; problems: Problem[] } {
  switch (m.kind) {
    case 'base':
      return { problems: [] };
    case 'derived':
      return m.formula === undefined ? { problems: [] } : checkFormula(m.formula, isKnownRef, `${path}.formula`);
    case 'ratio':
      return m.numerator && m.denominator ? { expr: call('DIVIDE', ref(m.numerator), ref(m.denominator)), problems: [] } : { problems: [] };
    case 'cumulative':
      if (!m.of || !m.window) return { problems: [] };
      if (m.window === 'rolling') return { expr: call('ROLLING', ref(m.of), int(m.periods ?? 12)), problems: [] };
      return { expr: call(m.window === 'ytd' ? 'YTD' : 'QTD', ref(m.of)), problems: [] };
    case 'offset':
      if (!m.of || !m.offset) return { problems: [] };
      return { expr: m.offset === 'prior' ? call('PREV', ref(m.of), int(m.periods ?? 1)) : call('LASTYEAR', ref(m.of)), problems: [] };
  }
}

/** Ids a metric refers to through its kind's fields (the formula's references are found by the checker). */
export function fieldRefs(m: Partial<MetricDef>): Array<[field: 'numerator' | 'denominator' | 'of', id: string]> {
  const out: Array<['numerator' | 'denominator' | 'of', string]> = [];
  for (const field of ['numerator', 'denominator', 'of'] as const) {
    const id = m[field];
    if (typeof id === 'string') out.push([field, id]);
  }
  return out;
}
