import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

/**
 * A JSON file the run keeps (alert state, the last result): its value, or undefined when there is
 * none yet. A file that cannot be read or parsed throws an Error whose message says why.
 */
export async function readJsonIfPresent(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return JSON.parse(text) as unknown;
}

/** The message of whatever was thrown, for a `{detail}`. */
export const detailOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
