export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type LiteralType = 'string' | 'number' | 'date' | 'datetime' | 'boolean' | 'null';

export type Expr =
  | { kind: 'literal'; type: LiteralType; value: string | number | boolean | null; pos: number }
  | { kind: 'property'; name: string; pos: number }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr; pos: number }
  | { kind: 'logical'; op: 'and' | 'or'; left: Expr; right: Expr; pos: number }
  | { kind: 'not'; operand: Expr; pos: number }
  | { kind: 'call'; name: string; args: Expr[]; pos: number };

export type AggregateMethod = 'sum' | 'min' | 'max' | 'average' | 'countdistinct';

/** `Amount with sum as Total`, or `$count as Count` (no source). */
export interface Aggregate {
  source: { name: string; method: AggregateMethod } | null;
  alias: string;
  pos: number;
}

export type Transformation =
  | { kind: 'filter'; expr: Expr }
  | { kind: 'groupby'; properties: Array<{ name: string; pos: number }>; aggregates: Aggregate[] }
  | { kind: 'aggregate'; aggregates: Aggregate[] };
