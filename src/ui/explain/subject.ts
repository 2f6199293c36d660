import type { SheetRef } from '../../core/a1';
import { parseA1 } from '../../core/a1';
import type { Finding } from '../../core/anomaly';
import type { PeriodKey } from '../../core/brand';
import type { Catalog } from '../../core/catalog';
import type { Evaluation } from '../../core/engine';
import { resultsBlock } from '../../core/results';
import type { PaneState } from '../session/state';

/** The results sheet `refreshWorkbook` writes by default (its `resultsSheet` option). */
export const RESULTS_SHEET = 'FinPulse';

/** What the Explain view is about: the findings of the cell and, when known, its metric and period. */
export interface ExplainSubject {
  findings: Finding[];
  metricId?: string;
  period?: PeriodKey;
  /** How the metric was found: from a finding, from the cell's row on the results sheet, or not at all. */
  via: 'finding' | 'resultsSheet' | 'none';
}

/**
 * The metric and period of a cell on the results sheet. The sheet is one block written at A1, a
 * header row then one row per metric and period in `resultsBlock` order, so the row number says
 * which; any column of that row counts (the value, its name, its status).
 */
export function resultsRowAt(evaluation: Evaluation, catalog: Catalog, ref: SheetRef, sheet = RESULTS_SHEET): { metricId: string; period: PeriodKey } | undefined {
  if (ref.sheet !== sheet) return undefined;
  const area = parseA1(ref.address);
  if (!area || area.row === 0) return undefined;
  const row = resultsBlock(evaluation, catalog, 'en-US').rows[area.row - 1];
  return row ? { metricId: row.metricId, period: row.period as PeriodKey } : undefined;
}

export function explainSubject(state: PaneState): ExplainSubject {
  const target = state.explaining;
  const results = state.results;
  if (!target || !results) return { findings: [], via: 'none' };
  const byId = new Map(results.findings.map((f) => [f.id, f] as const));
  const findings = target.findingIds.map((id) => byId.get(id)).filter((f): f is Finding => f !== undefined);
  const first = findings[0];
  if (first) return { findings, metricId: first.metricId, period: first.period, via: 'finding' };
  const row = target.ref ? resultsRowAt(results.evaluation, state.catalog, target.ref) : undefined;
  return row ? { findings, ...row, via: 'resultsSheet' } : { findings, via: 'none' };
}
