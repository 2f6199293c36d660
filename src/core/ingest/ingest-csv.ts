import { ingestGrid, type IngestResult } from './grid';
import { parseCsv } from './csv';
import type { Mapping } from './mapping';

/** CSV text → observations, with CSV syntax problems and row warnings together; `file` names rows' origin (`ledger.csv:57`). */
export function ingestCsv(text: string, mapping: Mapping = {}, file?: string): IngestResult {
  const { records, problems } = parseCsv(text);
  const result = ingestGrid(records.map((r) => ({ row: r.line, cells: r.cells })), mapping, file === undefined ? {} : { file });
  return { ...result, problems: [...problems, ...result.problems] };
}
