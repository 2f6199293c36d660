import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../core/errors';
import { isSnapshot, type Snapshot, type SnapshotStore } from '../../core/sources';

const ID = /^[a-z][a-z0-9_]*$/;

/** The file holding a source's snapshot; ids are validated source ids, so they are safe file names. */
function fileOf(dir: string, sourceId: string): string {
  if (!ID.test(sourceId)) throw new AppError('storage.invalid', { detail: `"${sourceId}" is not a source id` });
  return join(dir, `${sourceId}.snapshot.json`);
}

let tempSeq = 0;

/**
 * Snapshots for the Node CLI: one JSON file per source under `dir`. A put writes a temporary file
 * and renames it over the old one, so a crash or a full disk leaves either the old snapshot or
 * the new one, never half of one.
 */
export function createFileSnapshotStore(dir: string): SnapshotStore {
  return {
    async get(sourceId) {
      const path = fileOf(dir, sourceId);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new AppError('io.read', { path, detail: String(cause) }, { cause });
      }
      const value = parseOrUndefined(text);
      if (!isSnapshot(value) || value.sourceId !== sourceId) throw new AppError('io.read', { path, detail: 'the file is not a snapshot (damaged or edited by hand); the next refresh fetches everything' });
      return value;
    },

    async put(snapshot: Snapshot) {
      const path = fileOf(dir, snapshot.sourceId);
      tempSeq += 1;
      const temp = `${path}.${process.pid}-${tempSeq}.tmp`;
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(temp, JSON.stringify(snapshot), 'utf8');
        await rename(temp, path);
      } catch (cause) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw new AppError('storage.write', { path, detail: cause instanceof Error ? cause.message : String(cause) }, { cause });
      }
    },
  };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
