import { formatRef, parseA1, type SheetRef } from '../core/a1';
import { readBinding, resolveTarget, bindingSource, type Binding, type BindingRead, type GridBlock, type WorkbookIndex } from '../core/bindings';
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

/** The sheet the results block goes to unless told otherwise. */
export const RESULTS_SHEET = 'FinPulse';
const RESULTS_ROWS_KEY = 'finpulse.resultsRows';

/**
 * Refresh all: read every bound range in one round trip, evaluate the catalog, run the detectors,
 * write the results block, and mark the values behind findings (clearing the previous marks first).
 */
export async function refreshWorkbook(opts: RefreshOptions): Promise<RefreshResult> {
  const { host, catalog, locale } = opts;
  const bound = await readBoundSources(host, catalog, opts.bindings);
  const evaluation = evaluateCatalog({ catalog, sources: { ...opts.sources, ...bound.tables }, grain: opts.grain ?? 'month' });
  const findings = detectFindings({ catalog, evaluation, sensitivity: opts.sensitivity });
  const marks = await writeResults(host, { catalog, evaluation, findings, locale, sheet: opts.resultsSheet });
  return { evaluation, findings, problems: [...bound.problems, ...evaluation.problems], marks };
}

export interface BoundSources {
  /** One table per source id, every binding of that source concatenated. */
  tables: Record<string, ObservationTable>;
  /** Per binding, what was read and every skipped or doubtful cell. */
  reads: Record<string, BindingRead>;
  /** Problems name the binding: `journal: Ledger!C4`. */
  problems: Problem[];
}

/**
 * Reads every binding's ranges in one host round trip and parses them. The pane's Refresh all and
 * `finpulse run` read workbooks this one way, so a binding means the same in both.
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
  return { tables: Object.fromEntries([...parts].map(([id, list]) => [id, concatTables(list)])), reads, problems };
}

/** The workbook's names and tables as core's `resolveTarget` reads them; empty when only ranges are bound. */
export async function readWorkbookIndex(host: WorkbookHost, needed = true): Promise<WorkbookIndex> {
  const [names, tables] = await Promise.all([needed ? host.listNames() : [], needed ? host.listTables() : []]);
  return {
    names: names.map((n) => ({ name: n.name, ref: formatRef(n.ref) })),
    tables: tables.map((t) => ({ name: t.name, ref: formatRef(t.ref), headers: t.headers })),
  };
}

/** Every binding's ranges, resolved against the workbook's names and tables, for one read. */
async function planReads(host: WorkbookHost, bindings: readonly Binding[], problems: Problem[]): Promise<{ refs: SheetRef[]; bindings: Array<{ binding: Binding; count: number }> }> {
  const needsIndex = bindings.some((b) => b.target.kind !== 'range');
  const [sheets, index] = await Promise.all([host.listSheets(), readWorkbookIndex(host, needsIndex)]);
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

export interface ResultsWrite {
  catalog: Catalog;
  evaluation: Evaluation;
  findings: readonly Finding[];
  locale: Locale;
  /** Default RESULTS_SHEET. */
  sheet?: string | undefined;
  /** Marks set with the results' own, e.g. the ledger rows behind a reconciliation break. */
  extraMarks?: readonly CellMark[];
}

/**
 * Writes the results block (each row naming its worst finding), blanks rows a longer previous
 * block left, and replaces the previous marks with the values behind findings (plus `extraMarks`).
 * Returns the marks set.
 */
export async function writeResults(host: WorkbookHost, input: ResultsWrite): Promise<CellMark[]> {
  const sheet = input.sheet ?? RESULTS_SHEET;
  const ranked = findingsByCell(input.findings);
  const refs = new Map([...ranked].map(([key, [worst]]) => [key, { id: worst!.id, severity: worst!.severity }] as const));
  const block = resultsBlock(input.evaluation, input.catalog, input.locale, refs);
  const settings = await host.readSettings();
  const previousRows = typeof settings[RESULTS_ROWS_KEY] === 'number' ? settings[RESULTS_ROWS_KEY] : 0;
  const width = block.values[0]!.length;
  // Rows a longer previous run left below are blanked, so no stale result survives.
  const blank = Array.from({ length: Math.max(0, previousRows - block.values.length) }, () => Array<null>(width).fill(null));
  await host.clearMarks();
  await host.writeBlocks([{ sheet, at: 'A1', values: [...block.values, ...blank], numberFormats: [...block.numberFormats, ...blank.map(() => Array<string>(width).fill('General'))] }]);
  await host.writeSettings({ [RESULTS_ROWS_KEY]: block.values.length });
  const marks = [...findingMarks(block, ranked, sheet, input.locale), ...(input.extraMarks ?? [])];
  if (marks.length) await host.mark(marks);
  return marks;
}

/** Findings on totals by `metric|period`, worst severity first, then the highest score. */
function findingsByCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.member) continue;
    const key = `${f.metricId}|${f.period}`;
    const list = byCell.get(key);
    if (list) list.push(f);
    else byCell.set(key, [f]);
  }
  for (const list of byCell.values()) list.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.score - a.score);
  return byCell;
}

/**
 * One mark per results value with findings: the worst severity's fill, and every finding's
 * explanation in the note, worst first, so the reviewer reads why before opening the pane.
 */
function findingMarks(block: ResultsBlock, ranked: ReadonlyMap<string, readonly Finding[]>, sheet: string, locale: Locale): CellMark[] {
  return block.rows.flatMap((row, i) => {
    const found = ranked.get(`${row.metricId}|${row.period}`);
    if (!found) return [];
    const worst = found[0]!;
    return [{ sheet, address: `D${i + 2}`, findingId: worst.id, severity: worst.severity, note: found.map((f) => f.explanation[locale]).join('\n') }];
  });
}
