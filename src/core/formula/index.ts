export { type Expr, refsOf, printExpr } from './ast';
export { parseFormula } from './parser';
export { checkFormula, type CheckedFormula } from './analyze';
export { evaluate, type EvalContext } from './evaluate';
export { FUNCTION_NAMES, TIME_FUNCTIONS, SCALAR_FUNCTIONS, specOf } from './functions';
export { ErrorValue, isError, type ErrorKind, type Value } from './value';
export { findCycles, topoOrder } from './graph';
