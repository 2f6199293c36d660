import { appendFile, readFile, truncate } from 'node:fs/promises';
import { AppError, problem, type Problem } from '../../core/errors';

/** One append-only JSON-lines file: one JSON value per line, every line ended by "\n". */
export interface JsonlFile {
  readonly path: string;
  /** Appends the items as lines in one write; on failure the file is cut back to its last good size. */
  append(items: readonly unknown[]): Promise<void>;
}

export interface LoadedJsonl<T> {
  file: JsonlFile;
  /** Accepted records in file order. */
  records: T[];
}

const NEWLINE = 0x0a;

/**
 * Opens (creating if missing) and loads a JSON-lines file. Assumes a single writer process.
 * A last line without its "\n" is what a crash mid-append leaves behind: if it does not parse it is
 * reported and cut off, so the next append starts on a clean line; if it does parse, only the
 * newline was lost and it is completed. Bad lines elsewhere are reported and skipped, keeping the
 * rest of the history usable.
 */
export async function openJsonl<T>(path: string, accept: (value: unknown) => value is T, warn: (p: Problem) => void): Promise<LoadedJsonl<T>> {
  const bytes = await readOrEmpty(path);
  const end = bytes.lastIndexOf(NEWLINE) + 1; // just past the last complete line
  const lines = bytes.subarray(0, end).toString('utf8').split('\n');
  const records: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const value = parseLine(line);
    if (accept(value)) records.push(value);
    else warn(lineProblem(path, i + 1, 'the line is not a valid record; skipped'));
  });

  let size = bytes.length;
  const tail = bytes.subarray(end);
  if (tail.length > 0) {
    const value = parseLine(tail.toString('utf8'));
    if (accept(value)) {
      records.push(value);
      await guardWrite(path, () => appendFile(path, '\n'));
      size += 1;
    } else {
      warn(lineProblem(path, lines.length, `the last line is incomplete (${tail.length} bytes from an interrupted write); ignored`));
      await guardWrite(path, () => truncate(path, end));
      size = end;
    }
  } else {
    await guardWrite(path, () => appendFile(path, '')); // create the file so the store's layout is visible
  }

  const file: JsonlFile = {
    path,
    async append(items) {
      if (items.length === 0) return;
      const data = items.map((item) => `${JSON.stringify(item)}\n`).join('');
      try {
        await appendFile(path, data, 'utf8');
        size += Buffer.byteLength(data, 'utf8');
      } catch (cause) {
        // Part of the data may have landed; cut it off so a failed batch never reappears on reload.
        await truncate(path, size).catch(() => undefined);
        throw writeError(path, cause);
      }
    },
  };
  return { file, records };
}

async function readOrEmpty(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    if (isNotFound(cause)) return Buffer.alloc(0);
    throw new AppError('io.read', { path, detail: messageOf(cause) }, { cause });
  }
}

async function guardWrite(path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (cause) {
    throw writeError(path, cause);
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

// There is no storage message code yet; io.read names the file and line, which is what a user needs.
const lineProblem = (path: string, line: number, detail: string): Problem =>
  problem(`${path}:${line}`, 'storage.corruptLine', { path: `${path}:${line}`, detail }, 'warning');

const writeError = (path: string, cause: unknown): AppError =>
  new AppError('storage.write', { path, detail: messageOf(cause) }, { cause });

// Structural checks, not instanceof: errors from node:fs can come from another realm (vm, Jest).
const isNotFound = (err: unknown): boolean => typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT';

const messageOf = (err: unknown): string =>
  typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string' ? err.message : String(err);
