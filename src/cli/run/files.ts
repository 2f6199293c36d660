import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../core/errors';

let seq = 0;

/** Writes beside the target and renames over it: a crash leaves the old file or the new one, never half. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  seq += 1;
  const temp = `${path}.${process.pid}-${seq}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new AppError('storage.write', { path, detail: err instanceof Error ? err.message : String(err) }, { cause: err });
  }
}

/** Appends one JSON line (append-only logs such as runs.jsonl). */
export async function appendJsonLine(path: string, value: unknown): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, `${JSON.stringify(value)}\n`, 'utf8');
  } catch (err) {
    throw new AppError('storage.write', { path, detail: err instanceof Error ? err.message : String(err) }, { cause: err });
  }
}
