import type { ErpRecord, Scalar } from '../data';
import type { Aggregate, Transformation } from './ast';
import { compileFilter, scopeOf, type Scope } from './compile';
import { badQuery } from './failure';
import type { Property } from './schema';

/** Rows with the properties that describe them: the entity set's, or those a groupby produced. */
export interface Table {
  rows: readonly ErpRecord[];
  properties: readonly Property[];
}

const TARGET = '$apply';

/** Runs the transformations in order, each on the previous one's output. */
export function runApply(table: Table, steps: readonly Transformation[]): Table {
  return steps.reduce(step, table);
}

function step(table: Table, t: Transformation): Table {
  if (t.kind === 'filter') {
    const keep = compileFilter(t.expr, scopeOf(table.properties), TARGET);
    return { rows: table.rows.filter(keep), properties: table.properties };
  }
  const scope = scopeOf(table.properties);
  const keys = t.kind === 'groupby' ? t.properties.map((g) => resolve(scope, g.name, g.pos)) : [];
  return group(table.rows, keys, t.aggregates.map((a) => accumulatorOf(scope, a)));
}

function resolve(scope: Scope, name: string, pos: number): Property {
  const p = scope.get(name);
  if (!p) throw badQuery(TARGET, `Unknown property "${name}" at position ${pos}; properties are: ${scope.names().join(', ')}.`);
  return p;
}

/** One aggregate's running state per group; `result` turns it into the output value. */
interface Accumulator {
  property: Property;
  start(): AccState;
  add(state: AccState, row: ErpRecord): void;
  result(state: AccState): Scalar;
}
interface AccState {
  n: number;
  sum: number;
  best: Scalar;
  seen: Set<Scalar> | null;
}

const newState = (): AccState => ({ n: 0, sum: 0, best: null, seen: null });
const outProperty = (alias: string, type: Property['type'], decimal: boolean, edm: string): Property => ({ name: alias, type, decimal, edm, nullable: true, get: (r) => r[alias] ?? null });

/**
 * Money is summed in whole cents, so a total is exact however many rows it adds (the values are
 * two-decimal numbers; their doubles round back to the cent exactly).
 */
function accumulatorOf(scope: Scope, a: Aggregate): Accumulator {
  if (a.source === null) {
    return { property: outProperty(a.alias, 'number', false, 'Edm.Int64'), start: newState, add: (s) => void (s.n += 1), result: (s) => s.n };
  }
  const p = resolve(scope, a.source.name, a.pos);
  const { method } = a.source;
  const scale = p.decimal ? 100 : 1;
  if ((method === 'sum' || method === 'average') && p.type !== 'number') {
    throw badQuery(TARGET, `${method} of ${p.name} at position ${a.pos}: ${p.name} is not a number; use countdistinct, min or max.`);
  }
  const add = (s: AccState, row: ErpRecord): void => {
    const v = p.get(row);
    if (v === null) return;
    s.n += 1;
    if (method === 'sum' || method === 'average') s.sum += Math.round((v as number) * scale);
    else if (method === 'countdistinct') (s.seen ??= new Set()).add(v);
    else if (s.best === null || (method === 'min' ? v < s.best : v > s.best)) s.best = v;
  };
  const result = (s: AccState): Scalar => {
    if (method === 'sum') return s.sum / scale;
    if (method === 'average') return s.n === 0 ? null : s.sum / scale / s.n;
    if (method === 'countdistinct') return s.seen?.size ?? 0;
    return s.best;
  };
  const type = method === 'countdistinct' ? 'number' : p.type;
  const edm = method === 'countdistinct' ? 'Edm.Int64' : method === 'average' ? 'Edm.Decimal' : p.edm;
  return { property: outProperty(a.alias, type, method === 'sum' && p.decimal, edm), start: newState, add, result };
}

/** Groups by the key properties (none: one group of everything) and aggregates; groups come out in key order. */
function group(rows: readonly ErpRecord[], keys: readonly Property[], accs: readonly Accumulator[]): Table {
  checkAliases(keys, accs);
  const groups = new Map<string, { values: Scalar[]; states: AccState[] }>();
  if (keys.length === 0) groups.set('', { values: [], states: accs.map((a) => a.start()) });
  for (const row of rows) {
    const values = keys.map((k) => k.get(row));
    const id = values.map((v) => (v === null ? '\u0000' : String(v))).join('\u0001');
    let g = groups.get(id);
    if (!g) {
      g = { values, states: accs.map((a) => a.start()) };
      groups.set(id, g);
    }
    accs.forEach((a, i) => a.add(g.states[i]!, row));
  }
  const out = [...groups.values()].sort((x, y) => compareValues(x.values, y.values)).map((g) => {
    const row: Record<string, Scalar> = {};
    keys.forEach((k, i) => (row[k.name] = g.values[i]!));
    accs.forEach((a, i) => (row[a.property.name] = a.result(g.states[i]!)));
    return row;
  });
  const properties = [...keys.map((k) => ({ ...k, get: (r: ErpRecord) => r[k.name] ?? null })), ...accs.map((a) => a.property)];
  return { rows: out, properties };
}

function checkAliases(keys: readonly Property[], accs: readonly Accumulator[]): void {
  const names = new Set(keys.map((k) => k.name));
  for (const a of accs) {
    if (names.has(a.property.name)) throw badQuery(TARGET, `The alias "${a.property.name}" is already used in this groupby; choose another.`);
    names.add(a.property.name);
  }
}

/** Ascending, nulls first: the order groups and `$orderby` share. */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

const compareValues = (a: readonly Scalar[], b: readonly Scalar[]): number => {
  for (let i = 0; i < a.length; i += 1) {
    const c = compareScalars(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
};
