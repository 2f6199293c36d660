/** Formula syntax tree. `pos` is the 1-based character position in the formula text. */
export type Expr = NumberLit | Ref | Unary | Binary | Call;

export interface NumberLit {
  type: 'number';
  value: number;
  pos: number;
}
export interface Ref {
  type: 'ref';
  id: string;
  pos: number;
}
export interface Unary {
  type: 'unary';
  op: '-' | '+';
  arg: Expr;
  pos: number;
}
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '=' | '<>' | '<' | '<=' | '>' | '>=';
export interface Binary {
  type: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  pos: number;
}
export interface Call {
  type: 'call';
  /** Upper-cased function name. */
  name: string;
  args: Expr[];
  pos: number;
}

/** Every metric id the expression refers to, in order of first appearance. */
export function refsOf(expr: Expr): Ref[] {
  const out: Ref[] = [];
  const walk = (e: Expr): void => {
    switch (e.type) {
      case 'ref':
        out.push(e);
        return;
      case 'unary':
        walk(e.arg);
        return;
      case 'binary':
        walk(e.left);
        walk(e.right);
        return;
      case 'call':
        e.args.forEach(walk);
        return;
      case 'number':
        return;
    }
  };
  walk(expr);
  return out;
}

/** Canonical text of an expression (fully parenthesised), for display and diffs. */
export function printExpr(e: Expr): string {
  switch (e.type) {
    case 'number':
      return String(e.value);
    case 'ref':
      return e.id;
    case 'unary':
      return `${e.op}${printExpr(e.arg)}`;
    case 'binary':
      return `(${printExpr(e.left)} ${e.op} ${printExpr(e.right)})`;
    case 'call':
      return `${e.name}(${e.args.map(printExpr).join(', ')})`;
  }
}
