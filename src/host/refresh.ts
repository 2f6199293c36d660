import { formatRef, parseA1, type SheetRef } from '../core/a1';
import { readBinding, resolveTarget, bindingSource, type Binding, type GridBlock } from '../core/bindings';
import { detectFindings, severityRank, type Finding } from '../core/anomaly';
import { calendarOf, type Catalog } from '../core/catalog';
import { concatTables, evaluateCatalog, type Evaluation, type ObservationTable, type SourceInput } from '../core/engine';
import { problem, type Problem } from '../core/errors';
import type { Locale } from '../core/i18n';
import type { Grain } from '../core/periods';
import { resultsBlock, type ResultsBlock } from '../core/results';
import type { CellMark, RangeRead, WorkbookHost } from './contract';

export interface RefreshOptions {
  host: WorkbookHost;
  catalog: Catalog;
  bindings: readonly Binding[];
  locale: Locale;
  grain?: Grain;
  /** Sheet the results block goes to. */
  resultsSheet?: string;
  /** Sources read elsewhere (ERP snapshots); bindings add to them. */
  sources?: Readonly<Record<string, SourceInput>>;
  /** Anomaly sensitivity 0..100 for metrics without their own (default 50). */
  sensitivity?: number;
}

export interface RefreshResult {
  evaluation: Evaluation;
  /** Threshold breaches, budget variances and anomalies, for every period evaluated. */
  findings: Finding[];
  problems: Problem[];
  marks: CellMark[];
}

const RESULTS_ROWS_KEY = 'finpulse.resultsRows';

/**
 * Refresh all: read every bound range in one round trip, evaluate the catalog, run the detectors,
 * write the results block, and mark the values behind findings (clearing the previous marks first).
 */
export async function refreshWorkbook(opts: RefreshOptions): Promise<RefreshResult> {
  const { host, catalog, bindings, locale } = opts;
  const problems: Problem[] = [];
  const plan = await planReads(host, bindings, problems);
  const reads = plan.refs.length ? await host.readRanges(plan.refs) : [];
  const tables = new Map<string, ObservationTable[]>();
  let at = 0;
  for (const { binding, count } of plan.bindings) {
    const read = readBinding(binding, reads.slice(at, at + count).map(toGridBlock), { calendar: calendarOf(catalog) });
    at += count;
    problems.push(...read.problems.map((p) => ({ ...p, path: `${binding.id}: ${p.path}` })));
    const source = bindingSource(binding);
    tables.set(source, [...(tables.get(source) ?? []), read.table]);
  }
  const sources: Record<string, SourceInput> = { ...opts.sources };
  for (const [id, parts] of tables) sources[id] = concatTables(parts);
  const evaluation = evaluateCatalog({ catalog, sources, grain: opts.grain ?? 'month' });
  problems.push(...evaluation.problems);

  const sheet = opts.resultsSheet ?? 'FinPulse';
  const block = resultsBlock(evaluation, catalog, locale);
  const settings = await host.readSettings();
  const previousRows = typeof settings[RESULTS_ROWS_KEY] === 'number' ? settings[RESULTS_ROWS_KEY] : 0;
  const width = block.values[0]!.length;
  // Rows a longer previous run left below are blanked, so no stale result survives.
  const blank = Array.from({ length: Math.max(0, previousRows - block.values.length) }, () => Array<null>(width).fill(null));
  await host.clearMarks();
  await host.writeBlocks([{ sheet, at: 'A1', values: [...block.values, ...blank], numberFormats: [...block.numberFormats, ...blank.map(() => Array<string>(width).fill('General'))] }]);
  await host.writeSettings({ [RESULTS_ROWS_KEY]: block.values.length });
  const findings = detectFindings({ catalog, evaluation, sensitivity: opts.sensitivity });
  const marks = findingMarks(block, findings, sheet, locale);
  if (marks.length) await host.mark(marks);
  return { evaluation, findings, problems, marks };
}

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
    if (missing) {
      problems.push(problem(binding.id, 'refresh.missingSheet', { id: binding.id, sheet: missing.sheet }));
      continue;
    }
    if (target.ranges.length === 0) continue;
    refs.push(...target.ranges);
    planned.push({ binding, count: target.ranges.length });
  }
  return { refs, bindings: planned };
}

function toGridBlock(read: RangeRead): GridBlock {
  const area = parseA1(read.ref.address)!;
  return { sheet: read.ref.sheet, row: area.row, col: area.col, values: read.values, hiddenRows: read.hiddenRows, merges: read.merges.map((m) => parseA1(m)!) };
}

/**
 * One mark per results value with findings: the worst severity's fill, and every finding's
 * explanation in the note, worst first, so the reviewer reads why before opening the pane.
 */
function findingMarks(block: ResultsBlock, findings: readonly Finding[], sheet: string, locale: Locale): CellMark[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.member) continue;
    const key = `${f.metricId}|${f.period}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  return block.rows.flatMap((row, i) => {
    const found = byCell.get(`${row.metricId}|${row.period}`);
    if (!found) return [];
    const ranked = [...found].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.score - a.score);
    const worst = ranked[0]!;
    return [{ sheet, address: `D${i + 2}`, findingId: worst.id, severity: worst.severity, note: ranked.map((f) => f.explanation[locale]).join('\n') }];
  });
}
