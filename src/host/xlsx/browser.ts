import { AppError } from '../../core/errors';
import type { WorkbookHost } from '../contract';
import { hostOverWorkbook, parseWorkbook } from './loaded';
import { FACT_PARTS, readPackageFacts, type NotKept, type PackageReader } from './package-facts';
import type { SavedState } from './state';
import { DEFLATED, STORED, zipEntries, zipEntryData, type ZipEntry } from './zip-entries';

/** Larger books are the CLI's job: ExcelJS holds the whole workbook in the page's memory. */
export const MAX_WORKBOOK_MB = 50;

export interface OpenedBytes {
  host: WorkbookHost;
  /** FinPulse's state saved in the workbook (bindings, marks), from a copy the CLI wrote. */
  state: SavedState;
  notKept: readonly NotKept[];
}

/**
 * Opens .xlsx bytes without Node (the workbench: a fetched demo workbook, a dropped file): the same
 * ExcelJS conversion as the CLI, package facts inflated with the platform's DecompressionStream.
 * A file that is no workbook fails with a message saying what it is and what to do.
 */
export async function openXlsxBytes(bytes: Uint8Array, name: string): Promise<OpenedBytes> {
  refuseNonWorkbook(bytes, name);
  const workbook = await parseWorkbook(bytes, name).catch((err: unknown) => {
    const detail = err instanceof AppError ? String(err.meta['detail']) : String(err);
    throw new AppError('workbench.unreadable', { name, detail }, { cause: err });
  });
  const facts = readPackageFacts(await streamPackageReader(bytes));
  const { host, state } = hostOverWorkbook(workbook, facts, name);
  return { host, state, notKept: facts.notKept };
}

/** OLE compound files: an encrypted .xlsx (EncryptionInfo stream) or a legacy .xls. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function refuseNonWorkbook(bytes: Uint8Array, name: string): void {
  const mb = bytes.length / 1024 / 1024;
  if (mb > MAX_WORKBOOK_MB) throw new AppError('workbench.tooBig', { name, size: mb.toFixed(1), limit: MAX_WORKBOOK_MB });
  const startsWith = (magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);
  if (startsWith(OLE_MAGIC)) {
    throw new AppError(hasUtf16(bytes, 'EncryptionInfo') ? 'workbench.encrypted' : 'workbench.legacyXls', { name });
  }
  if (!startsWith(ZIP_MAGIC) || !zipEntries(bytes)?.has('xl/workbook.xml')) throw new AppError('workbench.notXlsx', { name });
}

/** Whether an OLE directory names a stream, stored as UTF-16LE. */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The few parts the facts need, inflated ahead of time (DecompressionStream is asynchronous). */
async function streamPackageReader(bytes: Uint8Array): Promise<PackageReader | undefined> {
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  const texts = new Map<string, string>();
  await Promise.all(
    FACT_PARTS.map(async (part) => {
      const entry = entries.get(part);
      const text = entry && (await entryText(bytes, entry));
      if (text) texts.set(part, text);
    }),
  );
  return { names: [...entries.keys()], text: (part) => texts.get(part) ?? '' };
}

async function entryText(bytes: Uint8Array, entry: ZipEntry): Promise<string | undefined> {
  const data = zipEntryData(bytes, entry);
  if (!data) return undefined;
  if (entry.method === STORED) return new TextDecoder().decode(data);
  if (entry.method !== DEFLATED) return undefined;
  try {
    const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await new Response(stream).text();
  } catch {
    return undefined; // best effort, as on the CLI: the facts stay empty
  }
}
