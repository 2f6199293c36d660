import { formatRef, parseA1, type SheetRef } from '../../core/a1';
import { bindingSource, readBinding, resolveTarget, type Binding, type BindingRead, type GridBlock } from '../../core/bindings';
import { calendarOf, type Catalog } from '../../core/catalog';
import { concatTables, type ObservationTable } from '../../core/engine';
import { problem, type Problem } from '../../core/errors';
import type { RangeRead, WorkbookHost } from '../../host/contract';

export interface BoundSources {
  /** One table per source id, every binding of that source concatenated. */
  tables: Record<string, ObservationTable>;
  /** Per binding, what was read and every skipped or doubtful cell. */
  reads: Record<string, BindingRead>;
  problems: Problem[];
}

/**
 * Reads every binding's ranges in one host round trip and parses them: the refresh, the
 * breakdown and the Bind preview all read the workbook this one way.
 */
export async function readBoundSources(host: WorkbookHost, catalog: Catalog, bindings: readonly Binding[]): Promise<BoundSources> {
  const problems: Problem[] = [];
  const plan = await planReads(host, bindings, problems);
  const blocks = plan.refs.length ? (await host.readRanges(plan.refs)).map(toGridBlock) : [];
  const reads: Record<string, BindingRead> = {};
  const parts = new Map<string, ObservationTable[]>();
  let at = 0;
  for (const { binding, count } of plan.bindings) {
    const read = readBinding(binding, blocks.slice(at, at + count), { calendar: calendarOf(catalog) });
    at += count;
    reads[binding.id] = read;
    problems.push(...read.problems.map((p) => ({ ...p, path: `${binding.id}: ${p.path}` })));
    const source = bindingSource(binding);
    parts.set(source, [...(parts.get(source) ?? []), read.table]);
  }
  const tables = Object.fromEntries([...parts].map(([id, list]) => [id, concatTables(list)]));
  return { tables, reads, problems };
}

async function planReads(host: WorkbookHost, bindings: readonly Binding[], problems: Problem[]) {
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
    if (missing || target.ranges.length === 0) continue;
    refs.push(...target.ranges);
    planned.push({ binding, count: target.ranges.length });
  }
  return { refs, bindings: planned };
}

function toGridBlock(read: RangeRead): GridBlock {
  const area = parseA1(read.ref.address)!;
  return { sheet: read.ref.sheet, row: area.row, col: area.col, values: read.values, hiddenRows: read.hiddenRows, merges: read.merges.map((m) => parseA1(m)!) };
}

/** Dimension columns the bound and synced data carry (what drill-down can break down by). */
export function dimensionsOf(tables: Iterable<ObservationTable>): string[] {
  const dims = new Set<string>();
  for (const t of tables) for (const name of Object.keys(t.text)) if (name !== 'account') dims.add(name);
  return [...dims].sort();
}
