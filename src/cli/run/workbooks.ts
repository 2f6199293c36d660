import type { Catalog } from '../../core/catalog';
import { concatTables, type ObservationTable } from '../../core/engine';
import { problem, type Problem } from '../../core/errors';
import { readBoundSources } from '../../host';
import { openXlsxHost, type XlsxHost } from '../../host/xlsx';
import type { WorkbookPlan } from './config';

export interface OpenWorkbook {
  plan: WorkbookPlan;
  host: XlsxHost;
  /** Observation tables by source id, read from this workbook's bindings. */
  tables: Record<string, ObservationTable>;
  rows: number;
}

/**
 * Opens each workbook (read only: writes go to its copy in the output folder) and reads every
 * binding in one round trip per workbook, as the pane's Refresh all does. Binding problems name
 * the binding and the cell.
 */
export async function readWorkbooks(plans: readonly WorkbookPlan[], catalog: Catalog, problems: Problem[]): Promise<OpenWorkbook[]> {
  const out: OpenWorkbook[] = [];
  for (const plan of plans) {
    const host = await openXlsxHost(plan.path, { saveTo: plan.copy });
    // ExcelJS cannot write charts, pivots, macros…: the reader of the copy is told what it lacks.
    if (host.notKept.length) problems.push(problem(plan.path, 'run.workbook.notKept', { path: plan.path, what: host.notKept.join(', '), count: host.notKept.length }, 'warning'));
    const bound = await readBoundSources(host, catalog, plan.bindings);
    problems.push(...bound.problems);
    out.push({ plan, host, tables: bound.tables, rows: Object.values(bound.tables).reduce((n, t) => n + t.rows, 0) });
  }
  return out;
}

/** Tables of several workbooks that feed the same source id become one. */
export function mergeTables(workbooks: readonly OpenWorkbook[]): Record<string, ObservationTable> {
  const parts = new Map<string, ObservationTable[]>();
  for (const w of workbooks) for (const [id, t] of Object.entries(w.tables)) parts.set(id, [...(parts.get(id) ?? []), t]);
  return Object.fromEntries([...parts].map(([id, list]) => [id, concatTables(list)]));
}
