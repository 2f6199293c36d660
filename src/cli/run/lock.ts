import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../core/errors';

export const LOCK_FILE = 'run.lock';

export interface RunLock {
  path: string;
  /** Set when a lock left by a dead process was taken over. */
  tookOverFrom?: number;
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** Signal 0 checks a process exists without touching it; EPERM means it exists under another user. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<Holder>;
    return typeof value.pid === 'number' ? { pid: value.pid, host: String(value.host ?? ''), since: String(value.since ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One run at a time per state folder: the lock file is created exclusively (O_EXCL), so two
 * processes can never both win. A lock whose process is gone (on this host) is taken over; a
 * lock that cannot be read is left alone, since a run may be writing it this instant.
 */
export async function acquireLock(stateDir: string): Promise<RunLock> {
  await mkdir(stateDir, { recursive: true });
  const path = join(stateDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  let tookOverFrom: number | undefined;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      const lock: RunLock = { path, release: () => rm(path, { force: true }) };
      if (tookOverFrom !== undefined) lock.tookOverFrom = tookOverFrom;
      return lock;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new AppError('storage.write', { path, detail: String(err) }, { cause: err });
    }
    const holder = await readHolder(path);
    const stale = holder !== undefined && holder.host === me.host && holder.pid !== me.pid && !alive(holder.pid);
    if (!stale) throw new AppError('run.lock.held', { pid: holder?.pid ?? '?', since: holder?.since ?? '?', path });
    tookOverFrom = holder.pid;
    await rm(path, { force: true });
  }
  throw new AppError('run.lock.held', { pid: '?', since: '?', path });
}
