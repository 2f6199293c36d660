import { metricExpression, type MetricDef } from '../catalog';
import { printExpr } from '../formula';

const AGGREGATION_NAME: Record<NonNullable<MetricDef['aggregation']>, string> = {
  sum: 'SUM',
  count: 'COUNT',
  avg: 'AVG',
  min: 'MIN',
  max: 'MAX',
  last: 'LAST',
  opening: 'OPENING',
  closing: 'CLOSING',
  averageBalance: 'AVG_BALANCE',
};

/**
 * A base metric in the formula language's notation, e.g. `-SUM(6* − 6801*)[cashflow=operating]`:
 * the accounts it reads (prefixes end in *), those it leaves out, its filters and the sign flip
 * that makes credit-normal accounts positive. The source is not repeated here: lineage names it.
 */
function baseText(m: MetricDef): string {
  const measure = m.measure && m.measure !== 'amount' ? `${m.measure}: ` : '';
  const excluded = (m.excludeAccounts ?? []).map((a) => ` − ${a}`).join('');
  const filters = Object.entries(m.filters ?? {})
    .map(([dim, members]) => `[${dim}=${members.join('|')}]`)
    .join('');
  const sign = m.sign === -1 ? '-' : '';
  return `${sign}${AGGREGATION_NAME[m.aggregation ?? 'sum']}(${measure}${(m.accounts ?? ['*']).join(', ')}${excluded})${filters}`;
}

/** How a metric is computed, for people: the formula as written, or what its kind stands for. */
export function formulaText(m: MetricDef): string {
  if (m.kind === 'base') return baseText(m);
  if (m.kind === 'derived' && m.formula !== undefined) return m.formula;
  const { expr } = metricExpression(m, () => true, m.id);
  return expr ? printExpr(expr) : '';
}
