import type { ErpRecord, Scalar } from '../data';
import type { CompareOp, Expr } from './ast';
import { badQuery, notImplemented } from './failure';
import type { Property, ValueType } from './schema';

type Type = ValueType | 'null';
interface Typed {
  type: Type;
  read: (row: ErpRecord) => Scalar;
}

/** The properties an expression may use (the entity type's, or what `$apply` produced). */
export interface Scope {
  get(name: string): Property | undefined;
  names(): string[];
}

export const scopeOf = (properties: readonly Property[]): Scope => {
  const byName = new Map(properties.map((p) => [p.name, p]));
  return { get: (name) => byName.get(name), names: () => properties.map((p) => p.name) };
};

const STRING_TESTS: Record<string, (s: string, t: string) => boolean> = {
  contains: (s, t) => s.includes(t),
  startswith: (s, t) => s.startsWith(t),
  endswith: (s, t) => s.endsWith(t),
};
const STRING_MAPS: Record<string, (s: string) => string | number> = {
  tolower: (s) => s.toLowerCase(),
  toupper: (s) => s.toUpperCase(),
  trim: (s) => s.trim(),
  length: (s) => s.length,
};
/** Date parts read from `YYYY-MM-DD…` text; timestamps are served in UTC, so their parts are UTC. */
const DATE_PARTS: Record<string, [number, number]> = { year: [0, 4], month: [5, 7], day: [8, 10] };
/** Standard OData functions outside this demo: valid queries, so 501 rather than 400. */
const OTHER_FUNCTIONS = new Set(['concat', 'indexof', 'substring', 'matchesPattern', 'hour', 'minute', 'second', 'fractionalseconds', 'totalseconds', 'date', 'time', 'totaloffsetminutes', 'now', 'mindatetime', 'maxdatetime', 'round', 'floor', 'ceiling', 'cast', 'isof', 'geo.distance', 'geo.intersects', 'geo.length', 'any', 'all']);

const EXAMPLE: Record<Type, string> = {
  string: "a quoted string such as 'East-1'",
  number: 'a number such as 1250.5',
  date: 'a date such as 2026-01-31',
  datetime: 'a timestamp such as 2026-01-31T00:00:00Z',
  boolean: 'true or false',
  null: 'null',
};

/** Type-checks a `$filter` expression against the scope and compiles it to a predicate; never evaluates text as code. */
export function compileFilter(expr: Expr, scope: Scope, target: string): (row: ErpRecord) => boolean {
  const typed = compile(expr, scope, target);
  if (typed.type !== 'boolean') throw badQuery(target, `${target} must be a condition such as Amount gt 0, not a ${typed.type} value.`);
  return (row) => typed.read(row) === true;
}

function compile(e: Expr, scope: Scope, target: string): Typed {
  switch (e.kind) {
    case 'literal':
      return { type: e.type, read: () => e.value };
    case 'property': {
      const p = scope.get(e.name);
      if (!p) throw badQuery(target, `Unknown property "${e.name}" at position ${e.pos}; properties are: ${scope.names().join(', ')}.`);
      return { type: p.type, read: p.get };
    }
    case 'compare':
      return comparison(e.op, compile(e.left, scope, target), compile(e.right, scope, target), e.pos, describe(e.left), target);
    case 'logical': {
      const l = boolean(compile(e.left, scope, target), e.op, e.pos, target);
      const r = boolean(compile(e.right, scope, target), e.op, e.pos, target);
      return { type: 'boolean', read: e.op === 'and' ? (row) => l(row) && r(row) : (row) => l(row) || r(row) };
    }
    case 'not': {
      const inner = boolean(compile(e.operand, scope, target), 'not', e.pos, target);
      return { type: 'boolean', read: (row) => !inner(row) };
    }
    case 'call':
      return call(e.name, e.args.map((a) => compile(a, scope, target)), e.pos, target);
  }
}

const describe = (e: Expr): string => (e.kind === 'property' ? e.name : 'the left side');

function boolean(t: Typed, op: string, pos: number, target: string): (row: ErpRecord) => boolean {
  if (t.type !== 'boolean') throw badQuery(target, `"${op}" at position ${pos} needs conditions on both sides, got a ${t.type} value.`);
  return (row) => t.read(row) === true;
}

function comparison(op: CompareOp, l: Typed, r: Typed, pos: number, left: string, target: string): Typed {
  const withNull = l.type === 'null' || r.type === 'null';
  if (withNull && op !== 'eq' && op !== 'ne') throw badQuery(target, `"${op} null" at position ${pos}: null can only be compared with eq or ne.`);
  if (!withNull && l.type !== r.type) {
    throw badQuery(target, `${left} is ${article(l.type)} ${l.type} value but is compared at position ${pos} with ${article(r.type)} ${r.type} value; use ${EXAMPLE[l.type]}.`);
  }
  const test = ORDER[op];
  return {
    type: 'boolean',
    read: (row) => {
      const a = l.read(row);
      const b = r.read(row);
      if (a === null || b === null) return op === 'eq' ? a === b : op === 'ne' ? a !== b : false;
      return test(a < b ? -1 : a > b ? 1 : 0);
    },
  };
}

const article = (t: Type): string => (t === 'null' ? 'the' : /^[aeiou]/.test(t) ? 'an' : 'a');

const ORDER: Record<CompareOp, (c: number) => boolean> = {
  eq: (c) => c === 0,
  ne: (c) => c !== 0,
  gt: (c) => c > 0,
  ge: (c) => c >= 0,
  lt: (c) => c < 0,
  le: (c) => c <= 0,
};

function call(name: string, args: Typed[], pos: number, target: string): Typed {
  const arity = (n: number): void => {
    if (args.length !== n) throw badQuery(target, `${name}() at position ${pos} takes ${n} argument(s), got ${args.length}.`);
  };
  const needs = (i: number, types: readonly Type[]): void => {
    if (!types.includes(args[i]!.type)) throw badQuery(target, `Argument ${i + 1} of ${name}() at position ${pos} must be ${types.join(' or ')}, got ${args[i]!.type}.`);
  };
  const test = STRING_TESTS[name];
  if (test) {
    arity(2);
    needs(0, ['string']);
    needs(1, ['string']);
    const [s, t] = args as [Typed, Typed];
    return { type: 'boolean', read: (row) => {
      const a = s.read(row);
      const b = t.read(row);
      return typeof a === 'string' && typeof b === 'string' && test(a, b);
    } };
  }
  const map = STRING_MAPS[name];
  if (map) {
    arity(1);
    needs(0, ['string']);
    const s = args[0]!;
    return { type: name === 'length' ? 'number' : 'string', read: (row) => {
      const a = s.read(row);
      return typeof a === 'string' ? map(a) : null;
    } };
  }
  const part = DATE_PARTS[name];
  if (part) {
    arity(1);
    needs(0, ['date', 'datetime']);
    const d = args[0]!;
    return { type: 'number', read: (row) => {
      const a = d.read(row);
      return typeof a === 'string' ? Number(a.slice(part[0], part[1])) : null;
    } };
  }
  if (OTHER_FUNCTIONS.has(name)) throw notImplemented(target, `The function ${name}() at position ${pos} is not supported by this server.`);
  throw badQuery(target, `Unknown function ${name}() at position ${pos}; supported: ${[...Object.keys(STRING_TESTS), ...Object.keys(STRING_MAPS), ...Object.keys(DATE_PARTS)].join(', ')}.`);
}
