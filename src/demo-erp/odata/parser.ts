import type { Aggregate, AggregateMethod, CompareOp, Expr, Transformation } from './ast';
import { badQuery, notImplemented } from './failure';
import { tokenize, type Token } from './lexer';

const COMPARE = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const ARITHMETIC = new Set(['add', 'sub', 'mul', 'div', 'divby', 'mod']);
const METHODS = new Set<string>(['sum', 'min', 'max', 'average', 'countdistinct']);
/** Operators cannot stand where a value is expected: `Amount gt and …` is an error at "and". */
const RESERVED = new Set(['and', 'or', 'not', ...COMPARE, ...ARITHMETIC, 'has', 'in']);
/** Standard transformations this demo does not implement: a 501, not a 400, since the query is valid OData. */
const OTHER_TRANSFORMATIONS = new Set(['topcount', 'topsum', 'toppercent', 'bottomcount', 'bottomsum', 'bottompercent', 'identity', 'concat', 'compute', 'expand', 'search', 'orderby', 'top', 'skip', 'nest', 'ancestors', 'descendants', 'traverse', 'join', 'outerjoin']);

/*
 * $filter grammar, lowest precedence first (OData v4 URL conventions §5.1.1.15):
 *   or         := and ( 'or' and )*
 *   and        := comparison ( 'and' comparison )*
 *   comparison := unary ( ('eq'|'ne'|'gt'|'ge'|'lt'|'le') unary )?
 *   unary      := 'not' unary | primary
 *   primary    := '(' or ')' | literal | name '(' args ')' | name
 * $apply:
 *   apply      := transformation ( '/' transformation )*
 *   transformation := 'filter' '(' or ')' | 'aggregate' '(' aggregates ')'
 *                   | 'groupby' '(' '(' name ( ',' name )* ')' ( ',' 'aggregate' '(' aggregates ')' )? ')'
 *   aggregate  := name 'with' method 'as' alias | '$count' 'as' alias
 */
export function parseFilter(text: string, target = '$filter'): Expr {
  const p = new Parser(tokenize(text, target), target);
  const expr = p.or();
  p.expectEnd();
  return expr;
}

export function parseApply(text: string, target = '$apply'): Transformation[] {
  const p = new Parser(tokenize(text, target), target);
  const out = [p.transformation()];
  while (p.takePunct('/')) out.push(p.transformation());
  p.expectEnd();
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly target: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.i] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const t = this.peek();
    this.i += 1;
    return t;
  }

  private isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === 'ident' && t.text === word;
  }

  takePunct(text: string): boolean {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) {
      this.i += 1;
      return true;
    }
    return false;
  }

  private expectPunct(text: string, what: string): void {
    if (!this.takePunct(text)) this.fail(`"${text}" ${what}`);
  }

  private expectWord(word: string): void {
    if (!this.isWord(word)) this.fail(`"${word}"`);
    this.i += 1;
  }

  private name(what: string): { name: string; pos: number } {
    const t = this.peek();
    if (t.kind !== 'ident') this.fail(what);
    this.i += 1;
    return { name: t.text, pos: t.pos };
  }

  private fail(expected: string): never {
    const t = this.peek();
    if (t.kind === 'end') throw badQuery(this.target, `The expression ends too early; expected ${expected}.`);
    throw badQuery(this.target, `Unexpected "${t.text}" at position ${t.pos}; expected ${expected}.`);
  }

  expectEnd(): void {
    if (this.peek().kind !== 'end') this.fail('an operator or the end of the expression');
  }

  or(): Expr {
    let left = this.and();
    while (this.isWord('or')) {
      const pos = this.next().pos;
      left = { kind: 'logical', op: 'or', left, right: this.and(), pos };
    }
    return left;
  }

  private and(): Expr {
    let left = this.comparison();
    while (this.isWord('and')) {
      const pos = this.next().pos;
      left = { kind: 'logical', op: 'and', left, right: this.comparison(), pos };
    }
    return left;
  }

  private comparison(): Expr {
    const left = this.unary();
    const t = this.peek();
    if (t.kind !== 'ident') return left;
    if (COMPARE.has(t.text)) {
      this.i += 1;
      return { kind: 'compare', op: t.text as CompareOp, left, right: this.unary(), pos: t.pos };
    }
    if (ARITHMETIC.has(t.text)) throw notImplemented(this.target, `The arithmetic operator "${t.text}" (position ${t.pos}) is not supported by this server.`);
    if (t.text === 'has' || t.text === 'in') throw notImplemented(this.target, `The "${t.text}" operator (position ${t.pos}) is not supported by this server; combine eq with or.`);
    return left;
  }

  private unary(): Expr {
    if (this.isWord('not')) {
      const pos = this.next().pos;
      return { kind: 'not', operand: this.unary(), pos };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'string':
        return { kind: 'literal', type: 'string', value: t.value, pos: t.pos };
      case 'number':
        return { kind: 'literal', type: 'number', value: t.value, pos: t.pos };
      case 'date':
        return { kind: 'literal', type: 'date', value: t.value, pos: t.pos };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: t.value, pos: t.pos };
      case 'punct':
        if (t.text === '(') {
          const inner = this.or();
          this.expectPunct(')', 'to close the parenthesis');
          return inner;
        }
        break;
      case 'ident':
        if (!RESERVED.has(t.text)) return this.named(t.text, t.pos);
        break;
      case 'end':
        break;
    }
    this.i -= 1;
    return this.fail('a property, a value or "("');
  }

  private named(text: string, pos: number): Expr {
    if (text === 'true' || text === 'false') return { kind: 'literal', type: 'boolean', value: text === 'true', pos };
    if (text === 'null') return { kind: 'literal', type: 'null', value: null, pos };
    if (!this.takePunct('(')) {
      if (this.takePunct('/')) throw badQuery(this.target, `"${text}/…" at position ${pos}: these entity types have no navigation properties.`);
      return { kind: 'property', name: text, pos };
    }
    const args: Expr[] = [];
    if (!this.takePunct(')')) {
      do args.push(this.or());
      while (this.takePunct(','));
      this.expectPunct(')', `to close ${text}(`);
    }
    return { kind: 'call', name: text, args, pos };
  }

  transformation(): Transformation {
    const { name, pos } = this.name('a transformation: filter, groupby or aggregate');
    this.expectPunct('(', `after ${name}`);
    let out: Transformation;
    if (name === 'filter') out = { kind: 'filter', expr: this.or() };
    else if (name === 'aggregate') out = { kind: 'aggregate', aggregates: this.aggregates() };
    else if (name === 'groupby') out = this.groupBy();
    else if (OTHER_TRANSFORMATIONS.has(name)) throw notImplemented(this.target, `The transformation "${name}" (position ${pos}) is not supported; use filter, groupby and aggregate.`);
    else throw badQuery(this.target, `Unknown transformation "${name}" at position ${pos}; use filter, groupby or aggregate.`);
    this.expectPunct(')', `to close ${name}(`);
    return out;
  }

  private groupBy(): Transformation {
    this.expectPunct('(', 'to open the list of grouping properties');
    const properties = [this.name('a property to group by')];
    while (this.takePunct(',')) properties.push(this.name('a property to group by'));
    this.expectPunct(')', 'to close the list of grouping properties');
    let aggregates: Aggregate[] = [];
    if (this.takePunct(',')) {
      const { name, pos } = this.name('aggregate(…)');
      if (name !== 'aggregate') {
        if (OTHER_TRANSFORMATIONS.has(name)) throw notImplemented(this.target, `groupby with "${name}" (position ${pos}) is not supported; use aggregate.`);
        throw badQuery(this.target, `Unexpected "${name}" at position ${pos}; expected aggregate(…).`);
      }
      this.expectPunct('(', 'after aggregate');
      aggregates = this.aggregates();
      this.expectPunct(')', 'to close aggregate(');
    }
    return { kind: 'groupby', properties, aggregates };
  }

  private aggregates(): Aggregate[] {
    const out = [this.aggregate()];
    while (this.takePunct(',')) out.push(this.aggregate());
    return out;
  }

  private aggregate(): Aggregate {
    const { name, pos } = this.name('a property or $count to aggregate');
    if (name === '$count') {
      this.expectWord('as');
      return { source: null, alias: this.name('an alias').name, pos };
    }
    this.expectWord('with');
    const method = this.name('an aggregation method: sum, min, max, average or countdistinct');
    if (!METHODS.has(method.name)) throw badQuery(this.target, `Unknown aggregation method "${method.name}" at position ${method.pos}; use sum, min, max, average or countdistinct.`);
    this.expectWord('as');
    return { source: { name, method: method.name as AggregateMethod }, alias: this.name('an alias').name, pos };
  }
}
