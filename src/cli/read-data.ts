import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError } from '../core/errors';
import { ingestCsv, mappingShape, type IngestResult, type Mapping } from '../core/ingest';
import type { Problem } from '../core/errors';
import { readXlsxLedger } from './xlsx-ledger';

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const detail = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(err);
    throw new AppError('io.read', { path, detail }, { cause: err });
  }
}

/** Reads and validates a column mapping file; every problem is listed. */
export async function readMapping(path: string): Promise<{ mapping?: Mapping; problems: Problem[] }> {
  const text = await readText(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new AppError('ingest.badMapping', { detail: `${path}: ${err instanceof Error ? err.message : String(err)}` });
  }
  const problems: Problem[] = [];
  return mappingShape.check(value, '$', problems) ? { mapping: value as Mapping, problems } : { problems };
}

/** A ledger file (.csv or .xlsx) as observations. */
export async function readDataFile(path: string, mapping: Mapping): Promise<IngestResult & { sheet?: string }> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return ingestCsv(await readText(path), mapping);
  if (ext === '.xlsx' || ext === '.xlsm') {
    return readXlsxLedger(path, mapping);
  }
  throw new AppError('io.format', { path, allowed: '.csv, .xlsx' });
}
