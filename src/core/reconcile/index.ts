/**
 * Reconciliation: two computations of the same metric (workbook vs ERP, ledger vs sub-ledger, this
 * period's opening vs the last closing) must agree within a tolerance; each break is traced to the
 * dimension members and the rows behind it, and becomes a finding explained like an anomaly.
 */
export {
  reconcile,
  DEFAULT_MAX_ROWS,
  type PeriodCheck,
  type ReconcileInput,
  type ReconcileReport,
  type ReconcileResult,
} from './reconcile';
export { reconcileJsonSchema, type ReconcileRule, type ReconcileSide } from './rule';
export { validateReconcileRules, type ReconcileCheck } from './validate';
export { allowedDifference, compareValues, type Comparison, type SideValue, type Tolerance } from './tolerance';
export { breakSeverity, CRITICAL_MULTIPLE } from './finding';
export type { MemberDifference } from './members';
export type { RowDifference } from './rows';
