import { AppError } from '../../core/errors';
import type { Localized } from '../../core/i18n';
import { createMemoryHost, type MemoryHost } from '../../host/memory';
import { DEMO_WORKBOOK_FILE } from '../demo-workbook/bindings';

export interface OpenedWorkbook {
  host: MemoryHost;
  name: string;
  /** Distinguishes two openings of the same file: the pane starts afresh for each. */
  id: number;
}

export type OpenResult = { ok: true; book: OpenedWorkbook } | { ok: false; error: Localized };

// The reader and ExcelJS are a separate chunk, fetched as soon as the page starts (in parallel with
// rendering, never in the pane's own bundle) because the demo workbook needs it straight away.
const reader = import(/* webpackChunkName: "xlsx" */ '../xlsx');
void reader.catch(() => undefined); // a failed chunk load is reported when a workbook is opened
let opened = 0;

/** Opens .xlsx bytes into a memory host; every failure is a located message, never a thrown error. */
export async function openBytes(bytes: Uint8Array, name: string): Promise<OpenResult> {
  try {
    const { readWorkbookBytes } = await reader;
    const workbook = await readWorkbookBytes(bytes, name);
    opened += 1;
    return { ok: true, book: { host: createMemoryHost(workbook), name, id: opened } };
  } catch (err) {
    const error = err instanceof AppError ? err : new AppError('workbench.unreadable', { name, detail: err instanceof Error ? err.message : String(err) }, { cause: err });
    return { ok: false, error: error.text };
  }
}

/** The project's demo workbook, served beside the page. */
export async function openDemo(): Promise<OpenResult> {
  const url = DEMO_WORKBOOK_FILE;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await openBytes(new Uint8Array(await res.arrayBuffer()), DEMO_WORKBOOK_FILE);
  } catch (err) {
    return { ok: false, error: new AppError('workbench.fetchFailed', { url, detail: err instanceof Error ? err.message : String(err) }).text };
  }
}

export async function openFile(file: File): Promise<OpenResult> {
  try {
    return await openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (err) {
    return { ok: false, error: new AppError('workbench.unreadable', { name: file.name, detail: err instanceof Error ? err.message : String(err) }).text };
  }
}
