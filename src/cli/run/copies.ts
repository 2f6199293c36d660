import { mkdir } from 'node:fs/promises';
import { parseRef } from '../../core/a1';
import type { Finding } from '../../core/anomaly';
import { bindingSource } from '../../core/bindings';
import type { Catalog } from '../../core/catalog';
import type { Evaluation } from '../../core/engine';
import { problem, type Problem } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import { writeResults, type CellMark } from '../../host';
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
 * Writes each workbook's marked copy: the results sheet and its marks exactly as the pane's
 * Refresh all writes them, plus the source cells behind reconciliation breaks where this workbook
 * holds them. The original is only ever read.
 */
export async function writeCopies(workbooks: readonly OpenWorkbook[], input: CopyInput, problems: Problem[]): Promise<{ copies: string[]; marked: number[] }> {
  const { cellMarks, outputDir, ...results } = input;
  await mkdir(outputDir, { recursive: true });
  const copies: string[] = [];
  const marked: number[] = [];
  for (const w of workbooks) {
    const extraMarks = sourceMarks(w, cellMarks, problems);
    const marks = await writeResults(w.host, { ...results, sheet: w.plan.resultsSheet, extraMarks });
    copies.push(await w.host.save());
    marked.push(marks.length);
  }
  return { copies, marked };
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
