import { mkdir } from 'node:fs/promises';
import { parseA1, parseRef } from '../../core/a1';
import { severityRank, type Finding } from '../../core/anomaly';
import { bindingSource } from '../../core/bindings';
import type { Catalog } from '../../core/catalog';
import type { Evaluation } from '../../core/engine';
import { problem, type Problem } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import { resultsBlock, type FindingRef, type ResultsBlock } from '../../core/results';
import type { CellMark } from '../../host';
import type { OpenWorkbook } from './workbooks';

/** A cell behind a finding in the data a workbook holds (e.g. a ledger row behind a reconciliation break). */
export interface SourceCellMark extends Omit<CellMark, 'sheet' | 'address'> {
  /** The source id the cell was read for. */
  source: string;
  /** `Ledger!C17`. */
  origin: string;
}

export interface CopyInput {
  evaluation: Evaluation;
  catalog: Catalog;
  findings: readonly Finding[];
  cellMarks: readonly SourceCellMark[];
  outputDir: string;
  locale: Locale;
}

/**
 * Writes each workbook's marked copy: the results sheet (one block, findings named), the values
 * behind findings filled and noted, and the source cells behind reconciliation breaks marked where
 * this workbook holds them. The original is only ever read.
 */
export async function writeCopies(workbooks: readonly OpenWorkbook[], input: CopyInput, problems: Problem[]): Promise<{ copies: string[]; marked: number[] }> {
  await mkdir(input.outputDir, { recursive: true });
  const worst = worstByCell(input.findings);
  const copies: string[] = [];
  const marked: number[] = [];
  for (const w of workbooks) {
    const sheet = w.plan.resultsSheet;
    const block = resultsBlock(input.evaluation, input.catalog, input.locale, worst.refs);
    await w.host.clearMarks();
    await w.host.writeBlocks([{ sheet, at: 'A1', values: [...block.values, ...(await blankTail(w, sheet, block))], numberFormats: block.numberFormats }]);
    const marks = [...resultMarks(block, worst, sheet, input.locale), ...sourceMarks(w, input.cellMarks, problems)];
    if (marks.length) await w.host.mark(marks);
    copies.push(await w.host.save());
    marked.push(marks.length);
  }
  return { copies, marked };
}

/** Rows an earlier, longer results block left below are blanked so no stale value survives in the copy. */
async function blankTail(w: OpenWorkbook, sheet: string, block: ResultsBlock): Promise<null[][]> {
  const used = (await w.host.listSheets()).find((s) => s.name === sheet)?.used;
  const area = used ? parseA1(used) : undefined;
  const width = block.values[0]!.length;
  const extra = area ? area.lastRow + 1 - block.values.length : 0;
  return Array.from({ length: Math.max(0, extra) }, () => Array<null>(width).fill(null));
}

interface Worst {
  refs: Map<string, FindingRef>;
  all: Map<string, Finding[]>;
}

/** Findings on totals by `metric|period`, worst first: the results row's status and its note. */
function worstByCell(findings: readonly Finding[]): Worst {
  const all = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.member) continue;
    const key = `${f.metricId}|${f.period}`;
    all.set(key, [...(all.get(key) ?? []), f]);
  }
  for (const list of all.values()) list.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.score - a.score);
  const refs = new Map([...all].map(([k, list]) => [k, { id: list[0]!.id, severity: list[0]!.severity }] as const));
  return { refs, all };
}

function resultMarks(block: ResultsBlock, worst: Worst, sheet: string, locale: Locale): CellMark[] {
  return block.rows.flatMap((row, i) => {
    const found = worst.all.get(`${row.metricId}|${row.period}`);
    if (!found) return [];
    const top = found[0]!;
    return [{ sheet, address: `D${i + 2}`, findingId: top.id, severity: top.severity, note: found.map((f) => f.explanation[locale]).join('\n') }];
  });
}

/** Cell marks for the sources this workbook's bindings feed; an origin it cannot place is reported, not dropped. */
function sourceMarks(w: OpenWorkbook, marks: readonly SourceCellMark[], problems: Problem[]): CellMark[] {
  const fed = new Set(w.plan.bindings.map(bindingSource));
  return marks.flatMap((m) => {
    if (!fed.has(m.source)) return [];
    const ref = parseRef(m.origin);
    if (!ref) {
      problems.push(problem(m.origin, 'run.workbook.noCell', { rule: m.findingId, origin: m.origin, path: w.plan.path, detail: 'not a cell address' }, 'warning'));
      return [];
    }
    return [{ sheet: ref.sheet, address: ref.address, findingId: m.findingId, severity: m.severity, note: m.note }];
  });
}
