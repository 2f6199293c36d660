import { ingestGrid, type IngestResult } from './grid';
import { parseCsv } from './csv';
import type { Mapping } from './mapping';

/** CSV text → observations, with CSV syntax problems and row warnings together. */
export function ingestCsv(text: string, mapping: Mapping = {}): IngestResult {
  const { records, problems } = parseCsv(text);
  const result = ingestGrid(records.map((r) => ({ row: r.line, cells: r.cells })), mapping);
  return { ...result, problems: [...problems, ...result.problems] };
}
