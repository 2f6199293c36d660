/**
 * Bindings: a metric or source field bound to workbook ranges (a range, a name, a table or a table
 * column), read in the long (ledger) or wide (P&L: line items down, periods across) layout. Pure:
 * the host resolves and reads the ranges (`resolveTarget` says which) and passes the cells in.
 */
export { bindingShape, bindingSource, validateBinding, type Binding, type BindingTarget } from './shape';
export { type GridBlock } from './grid';
export { readBinding, readLedger, type ReadOptions } from './read';
export { type BindingRead, type BindingStats } from './result';
export { resolveTarget, type ResolvedTarget, type WorkbookIndex } from './target';
export { isTotalLabel } from './labels';
export { readHeaderPeriod, type HeaderPeriod } from './period-header';
