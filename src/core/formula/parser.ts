import { AppError } from '../errors';
import type { BinaryOp, Expr } from './ast';
import { tokenize, type Token } from './lexer';

/*
 * Grammar (lowest precedence first):
 *   comparison := additive (( = | <> | < | <= | > | >= ) additive)?
 *   additive   := term (( + | - ) term)*
 *   term       := unary (( * | / ) unary)*
 *   unary      := ( - | + ) unary | power
 *   power      := primary ( ^ unary )?          right-associative; -2^2 = -4 as in mathematics
 *   primary    := number | ident | ident ( args ) | ( comparison )
 */
export function parseFormula(text: string): Expr {
  const p = new Parser(tokenize(text));
  const expr = p.comparison();
  p.expectEnd();
  return expr;
}

const COMPARISON = new Set(['=', '<>', '<', '<=', '>', '>=']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] ?? this.tokens[this.tokens.length - 1]!;
  }
  private next(): Token {
    const t = this.peek();
    this.i += 1;
    return t;
  }
  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }
  private fail(expected: string): never {
    const t = this.peek();
    if (t.kind === 'end') throw new AppError('formula.unexpectedEnd', { expected, pos: t.pos });
    throw new AppError('formula.unexpectedToken', { token: t.text, pos: t.pos, expected });
  }

  expectEnd(): void {
    if (this.peek().kind !== 'end') this.fail('an operator or the end of the formula');
  }

  comparison(): Expr {
    const left = this.additive();
    const t = this.peek();
    if (t.kind === 'op' && COMPARISON.has(t.text)) {
      this.next();
      return { type: 'binary', op: t.text as BinaryOp, left, right: this.additive(), pos: t.pos };
    }
    return left;
  }

  private additive(): Expr {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const t = this.next();
      left = { type: 'binary', op: t.text as BinaryOp, left, right: this.term(), pos: t.pos };
    }
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const t = this.next();
      left = { type: 'binary', op: t.text as BinaryOp, left, right: this.unary(), pos: t.pos };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const t = this.next();
      return { type: 'unary', op: t.text as '-' | '+', arg: this.unary(), pos: t.pos };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (!this.isOp('^')) return base;
    const t = this.next();
    return { type: 'binary', op: '^', left: base, right: this.unary(), pos: t.pos };
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === 'number') {
      this.next();
      return { type: 'number', value: t.value, pos: t.pos };
    }
    if (t.kind === 'ident') {
      this.next();
      if (!this.isOp('(')) return { type: 'ref', id: t.text, pos: t.pos };
      this.next();
      return { type: 'call', name: t.text.toUpperCase(), args: this.args(), pos: t.pos };
    }
    if (this.isOp('(')) {
      this.next();
      const inner = this.comparison();
      if (!this.isOp(')')) this.fail('")"');
      this.next();
      return inner;
    }
    return this.fail('a number, a metric id, a function or "("');
  }

  private args(): Expr[] {
    const args: Expr[] = [];
    if (this.isOp(')')) {
      this.next();
      return args;
    }
    for (;;) {
      args.push(this.comparison());
      if (this.isOp(',')) {
        this.next();
        continue;
      }
      if (this.isOp(')')) {
        this.next();
        return args;
      }
      this.fail('"," or ")"');
    }
  }
}
