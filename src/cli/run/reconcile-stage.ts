import type { Finding } from '../../core/anomaly';
import type { Catalog } from '../../core/catalog';
import type { SourceInput } from '../../core/engine';
import type { Locale } from '../../core/i18n';
import { reconcile, type ReconcileReport, type ReconcileRule, type RowDifference } from '../../core/reconcile';
import type { SourceCellMark } from './copies';

/** Runs the reconciliation rules over every source of the run (ERP snapshots and workbook tables alike). */
export function runReconcile(catalog: Catalog, sources: Readonly<Record<string, SourceInput>>, rules: readonly ReconcileRule[]): ReconcileReport {
  return reconcile({ catalog, sources, rules });
}

/**
 * The workbook cells behind each break: every differing row with an origin, marked with its
 * rule's finding for that period (so a click in the copy explains the break), both sides' rows.
 */
export function breakCellMarks(report: ReconcileReport, rules: readonly ReconcileRule[], locale: Locale): SourceCellMark[] {
  const findingOf = (ruleId: string, period: string): Finding | undefined =>
    report.findings.find((f) => f.period === period && f.detector === `reconcile:${ruleId}`);
  const sourcesOf = new Map(rules.map((r) => [r.id, { left: r.left.source, right: r.right.source }] as const));
  return report.results.flatMap((result) =>
    result.periods.flatMap((check) => {
      const finding = findingOf(result.ruleId, check.period);
      const sides = sourcesOf.get(result.ruleId);
      if (!finding || !sides || check.agrees) return [];
      return check.rows.flatMap((row) => rowMarks(row, sides, finding, locale));
    }),
  );
}

function rowMarks(row: RowDifference, sides: { left: string; right: string }, finding: Finding, locale: Locale): SourceCellMark[] {
  const mark = (source: string, origin: string | undefined): SourceCellMark[] =>
    origin ? [{ source, origin, findingId: finding.id, severity: finding.severity, note: finding.explanation[locale] }] : [];
  if (row.side === 'both') return [...mark(row.source, row.origin), ...mark(sides.right, row.otherOrigin)];
  return mark(row.source, row.origin);
}
