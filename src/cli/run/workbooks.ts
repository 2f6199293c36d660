import { formatRef, parseA1, type SheetRef } from '../../core/a1';
import { bindingSource, readBinding, resolveTarget, type Binding, type GridBlock } from '../../core/bindings';
import type { Catalog } from '../../core/catalog';
import { calendarOf } from '../../core/catalog';
import { concatTables, type ObservationTable } from '../../core/engine';
import { problem, type Problem } from '../../core/errors';
import type { RangeRead, WorkbookHost } from '../../host';
import { openXlsxHost, type XlsxHost } from '../../host/xlsx';
import type { WorkbookPlan } from './config';

export interface OpenWorkbook {
  plan: WorkbookPlan;
  host: XlsxHost;
  /** Observation tables by source id, read from this workbook's bindings. */
  tables: Map<string, ObservationTable>;
  rows: number;
}

/**
 * Opens each workbook (read only: writes go to its copy in the output folder) and reads every
 * binding in one round trip per workbook. Binding problems name the binding and the cell.
 */
export async function readWorkbooks(plans: readonly WorkbookPlan[], catalog: Catalog, problems: Problem[]): Promise<OpenWorkbook[]> {
  const out: OpenWorkbook[] = [];
  for (const plan of plans) {
    const host = await openXlsxHost(plan.path, { saveTo: plan.copy });
    // ExcelJS cannot write charts, pivots, macros…: the reader of the copy is told what it lacks.
    if (host.notKept.length) problems.push(problem(plan.path, 'run.workbook.notKept', { path: plan.path, what: host.notKept.join(', '), count: host.notKept.length }, 'warning'));
    const tables = await readBindings(host, plan.bindings, catalog, problems);
    out.push({ plan, host, tables, rows: [...tables.values()].reduce((n, t) => n + t.rows, 0) });
  }
  return out;
}

/** Tables of several workbooks (and ERP sources) that feed the same source id become one. */
export function mergeTables(workbooks: readonly OpenWorkbook[]): Record<string, ObservationTable> {
  const parts = new Map<string, ObservationTable[]>();
  for (const w of workbooks) for (const [id, t] of w.tables) parts.set(id, [...(parts.get(id) ?? []), t]);
  return Object.fromEntries([...parts].map(([id, ts]) => [id, ts.length === 1 ? ts[0]! : concatTables(ts)]));
}

async function readBindings(host: WorkbookHost, bindings: readonly Binding[], catalog: Catalog, problems: Problem[]): Promise<Map<string, ObservationTable>> {
  const plan = await planReads(host, bindings, problems);
  const reads = plan.refs.length ? await host.readRanges(plan.refs) : [];
  const parts = new Map<string, ObservationTable[]>();
  let at = 0;
  for (const { binding, count } of plan.bindings) {
    const read = readBinding(binding, reads.slice(at, at + count).map(toGridBlock), { calendar: calendarOf(catalog) });
    at += count;
    problems.push(...read.problems.map((p) => ({ ...p, path: `${binding.id}: ${p.path}` })));
    const source = bindingSource(binding);
    parts.set(source, [...(parts.get(source) ?? []), read.table]);
  }
  return new Map([...parts].map(([id, ts]) => [id, ts.length === 1 ? ts[0]! : concatTables(ts)]));
}

/** Every binding's ranges, resolved against the workbook's names and tables, for one read. */
async function planReads(host: WorkbookHost, bindings: readonly Binding[], problems: Problem[]): Promise<{ refs: SheetRef[]; bindings: Array<{ binding: Binding; count: number }> }> {
  const needsIndex = bindings.some((b) => b.target.kind !== 'range');
  const [sheets, names, tables] = await Promise.all([host.listSheets(), needsIndex ? host.listNames() : [], needsIndex ? host.listTables() : []]);
  const index = {
    names: names.map((n) => ({ name: n.name, ref: formatRef(n.ref) })),
    tables: tables.map((t) => ({ name: t.name, ref: formatRef(t.ref), headers: t.headers })),
  };
  const sheetNames = new Set(sheets.map((s) => s.name));
  const refs: SheetRef[] = [];
  const planned: Array<{ binding: Binding; count: number }> = [];
  for (const binding of bindings) {
    const target = resolveTarget(binding, index);
    problems.push(...target.problems.map((p) => ({ ...p, path: `${binding.id}: ${p.path}` })));
    const missing = target.ranges.find((r) => !sheetNames.has(r.sheet));
    if (missing) problems.push(problem(binding.id, 'refresh.missingSheet', { id: binding.id, sheet: missing.sheet }));
    else if (target.ranges.length > 0) {
      refs.push(...target.ranges);
      planned.push({ binding, count: target.ranges.length });
    }
  }
  return { refs, bindings: planned };
}

function toGridBlock(read: RangeRead): GridBlock {
  const area = parseA1(read.ref.address)!;
  return { sheet: read.ref.sheet, row: area.row, col: area.col, values: read.values, hiddenRows: read.hiddenRows, merges: read.merges.map((m) => parseA1(m)!) };
}
