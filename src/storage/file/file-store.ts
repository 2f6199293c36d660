import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, problem, type Problem } from '../../core/errors';
import { nowIso, planInserts, toAuditEntry, toValueRecord } from '../records';
import type { AuditEntry, AuditQuery, HistoryQuery, MetricStore, NewAuditEntry, ValueRecord } from '../types';
import { isAuditEntry, isValueRecord } from './guards';
import { openJsonl } from './jsonl-file';
import { AuditIndex, ValueIndex } from './memory-index';
import { createSerialQueue } from './serial-queue';

export interface FileStoreOptions {
  /** Told about damaged lines skipped on load (e.g. a torn last line after a crash). */
  onWarning?: (warning: Problem) => void;
}

export const VALUES_FILE = 'values.jsonl';
export const AUDIT_FILE = 'audit.jsonl';

/**
 * MetricStore for the Node CLI: two append-only JSON-lines files in `dir`, loaded into memory on
 * open. Meant for one writing process at a time; within the process every operation runs through
 * one queue, so writes never interleave and reads see every write issued before them.
 */
export async function createFileStore(dir: string, opts: FileStoreOptions = {}): Promise<MetricStore> {
  const warn = opts.onWarning ?? (() => undefined);
  try {
    await mkdir(dir, { recursive: true });
  } catch (cause) {
    throw new AppError('io.read', { path: dir, detail: String(cause) }, { cause });
  }
  const valuesFile = await openJsonl(join(dir, VALUES_FILE), isValueRecord, warn);
  const auditFile = await openJsonl(join(dir, AUDIT_FILE), isAuditEntry, warn);

  const values = new ValueIndex();
  for (const record of valuesFile.records) values.add(toValueRecord(record));
  const audit = new AuditIndex();
  for (const entry of loadAuditOrder(auditFile.records, auditFile.file.path, warn)) audit.add(entry);

  const queue = createSerialQueue();
  let closed = false;
  // Rejects once closed, so a late call fails loudly instead of writing behind a closed store.
  const run = <T>(task: () => Promise<T> | T): Promise<T> =>
    closed ? Promise.reject(new AppError('storage.closed', { path: dir })) : queue.run(async () => task());

  return {
    // Inputs are copied at call time, before queueing, so a caller mutating them afterwards changes nothing.
    async saveValues(records: readonly ValueRecord[]) {
      const clean = records.map(toValueRecord);
      return run(async () => {
        const accepted = planInserts(clean, values.latestOf);
        await valuesFile.file.append(accepted);
        for (const record of accepted) values.add(record); // only after the write succeeded
        return accepted.length;
      });
    },

    latest: (metricId, period) =>
      run(() => {
        const found = values.latest(metricId, period);
        return found && { ...found };
      }),

    history: (metricId, query: HistoryQuery = {}) => run(() => values.history(metricId, query).map((r) => ({ ...r }))),

    async appendAudit(entry: NewAuditEntry) {
      const body = toAuditEntry(entry, nowIso);
      return run(async () => {
        const stored: AuditEntry = { seq: audit.lastSeq + 1, ...body };
        await auditFile.file.append([stored]);
        audit.add(stored);
        return structuredClone(stored);
      });
    },

    audit: (query: AuditQuery = {}) => run(() => audit.query(query).map((e) => structuredClone(e))),

    async close() {
      closed = true;
      await queue.drain();
    },
  };
}

/**
 * Orders loaded entries by seq. A repeated seq can only come from a second writing process; both
 * entries are kept (an audit trail hides nothing) and the clash is reported.
 */
function loadAuditOrder(entries: readonly AuditEntry[], path: string, warn: (p: Problem) => void): AuditEntry[] {
  const sorted = entries.map((e) => ({ seq: e.seq, ...toAuditEntry(e, nowIso) })).sort((a, b) => a.seq - b.seq);
  sorted.forEach((entry, i) => {
    if (i > 0 && sorted[i - 1]?.seq === entry.seq) {
      const detail = `audit seq ${entry.seq} appears more than once (was the store written by two processes at once?)`;
      warn(problem(path, 'io.read', { path, detail }, 'warning'));
    }
  });
  return sorted;
}
