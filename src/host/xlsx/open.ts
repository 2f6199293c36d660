import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { AppError } from '../../core/errors';
import type { WorkbookHost } from '../contract';
import { hostOverWorkbook, parseWorkbook } from './loaded';
import { readPackageFacts, type NotKept } from './package-facts';
import { writeState } from './state';
import { nodePackageReader } from './zip';

export interface XlsxOpenOptions {
  /** Where `save()` writes; by default `<name>.finpulse.xlsx` next to the original. Never the original. */
  saveTo?: string;
}

/** A workbook file as a WorkbookHost. Writes stay in memory until `save()`, which writes a copy. */
export interface XlsxHost extends WorkbookHost {
  /** The workbook opened, which is never written. */
  readonly path: string;
  /** Where `save()` writes. */
  readonly saveTo: string;
  /** What the original holds that the copy will lack (ExcelJS does not write charts, pivots, macros…). */
  readonly notKept: readonly NotKept[];
  /** Writes the workbook, with FinPulse's settings and marks, to `saveTo` (atomically); returns that path. */
  save(): Promise<string>;
}

/** The copy's default name: `Q3 close.xlsx` → `Q3 close.finpulse.xlsx` (always .xlsx: macros are not kept). */
export const defaultCopyPath = (path: string): string => join(dirname(path), `${basename(path, extname(path))}.finpulse.xlsx`);

/** Opens a .xlsx (or .xlsm) file: every read comes from the loaded workbook. */
export async function openXlsxHost(path: string, options: XlsxOpenOptions = {}): Promise<XlsxHost> {
  const source = resolve(path);
  const saveTo = resolve(options.saveTo ?? defaultCopyPath(source));
  await refuseSource(source, saveTo);
  const data = await readSource(path, source);
  const workbook = await parseWorkbook(data, path);
  const facts = readPackageFacts(nodePackageReader(data));
  const { host, state } = hostOverWorkbook(workbook, facts, path);

  return Object.assign(host, {
    path: source,
    saveTo,
    notKept: facts.notKept,
    async save(): Promise<string> {
      await refuseSource(source, saveTo);
      writeState(workbook, state);
      let bytes: Buffer;
      try {
        bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      } catch (err) {
        throw new AppError('host.failed', { detail: err instanceof Error ? err.message : String(err) }, { cause: err });
      }
      // Written beside the target and renamed over it, so a failure never leaves half a workbook.
      const temp = `${saveTo}.${process.pid}-${Date.now()}.tmp`;
      try {
        await writeFile(temp, bytes);
        await rename(temp, saveTo);
      } catch (err) {
        await rm(temp, { force: true });
        throw new AppError('storage.write', { path: saveTo, detail: (err as NodeJS.ErrnoException).code ?? String(err) }, { cause: err });
      }
      return saveTo;
    },
  });
}

async function readSource(path: string, source: string): Promise<Buffer> {
  try {
    return await readFile(source);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'it is a folder, not a workbook' : String(err);
    throw new AppError('io.read', { path, detail }, { cause: err });
  }
}

/** The user's workbook is never overwritten: not by its path, nor through a link to the same file. */
async function refuseSource(source: string, saveTo: string): Promise<void> {
  const same = async (): Promise<boolean> => {
    if (source === saveTo) return true;
    const [a, b] = await Promise.all([stat(source).catch(() => undefined), stat(saveTo).catch(() => undefined)]);
    return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
  };
  if (await same()) throw new AppError('host.saveOverSource', { path: source });
}
