import { AppError, problem, type Problem } from '../errors';
import type { Expr } from './ast';
import { FUNCTION_NAMES, specOf } from './functions';
import { parseFormula } from './parser';

export interface CheckedFormula {
  /** Undefined when the text does not parse. */
  expr?: Expr;
  /** Every problem found: the syntax error, or all unknown functions, arities and references. */
  problems: Problem[];
}

/**
 * Parses and checks a formula. `isKnownRef` decides which metric ids exist; `path` locates the
 * formula in its document (e.g. `$.metrics[4].formula`).
 */
export function checkFormula(text: string, isKnownRef: (id: string) => boolean, path = 'formula'): CheckedFormula {
  let expr: Expr;
  try {
    expr = parseFormula(text);
  } catch (err) {
    if (err instanceof AppError) return { problems: [problem(path, err.code, err.meta)] };
    throw err;
  }
  const problems: Problem[] = [];
  const walk = (e: Expr): void => {
    if (e.type === 'ref' && !isKnownRef(e.id)) problems.push(problem(path, 'formula.unknownRef', { id: e.id, pos: e.pos }));
    if (e.type === 'unary') walk(e.arg);
    if (e.type === 'binary') {
      walk(e.left);
      walk(e.right);
    }
    if (e.type === 'call') {
      checkCall(e, path, problems);
      e.args.forEach(walk);
    }
  };
  walk(expr);
  return { expr, problems };
}

function checkCall(e: Extract<Expr, { type: 'call' }>, path: string, problems: Problem[]): void {
  const spec = specOf(e.name);
  if (!spec) {
    problems.push(problem(path, 'formula.unknownFunction', { name: e.name, pos: e.pos, available: FUNCTION_NAMES.join(', ') }));
    return;
  }
  if (e.args.length < spec.minArgs || e.args.length > spec.maxArgs) {
    const expected = spec.minArgs === spec.maxArgs ? String(spec.minArgs) : `${spec.minArgs}–${spec.maxArgs}`;
    problems.push(problem(path, 'formula.arity', { name: e.name, pos: e.pos, expected, got: e.args.length }));
  }
  for (const index of spec.constantArgs ?? []) {
    const arg = e.args[index];
    if (arg && !(arg.type === 'number' && Number.isInteger(arg.value) && arg.value >= 0)) {
      problems.push(problem(path, 'formula.constantArg', { name: e.name, pos: e.pos, index: index + 1 }));
    }
  }
}
