import Dexie, { type EntityTable } from 'dexie';
import { toAppError } from '../../core/errors';
import type { MetricId, PeriodKey } from '../../core/brand';
import {
  auditLimit,
  inPeriodRange,
  matchesAudit,
  nowIso,
  planInserts,
  toAuditEntry,
  toValueRecord,
  versionKey,
} from '../records';
import type { AuditEntry, AuditQuery, HistoryQuery, MetricStore, NewAuditEntry, ValueRecord } from '../types';

/** A history row: the record plus an auto-increment id that orders saves with equal computedAt. */
type ValueRow = ValueRecord & { id: number };

type FinPulseDb = Dexie & {
  values: EntityTable<ValueRow, 'id'>;
  audit: EntityTable<AuditEntry, 'seq'>;
};

export interface DexieStoreOptions {
  /** IndexedDB database name; one per workbook or profile. */
  name?: string;
  /** Injected for tests (fake-indexeddb) and for hosts whose global indexedDB is not the one to use. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

// One compound index [metricId+period+computedAt] serves both needs: a range over one
// metric+period gives its versions (so no separate [metricId+period] index is kept up), and a range
// over one metric gives history already in period-then-computedAt order. Equal keys come back in
// primary-key order, i.e. save order, which is what breaks computedAt ties.
const VERSION_INDEX = '[metricId+period+computedAt]';

function openDb(opts: DexieStoreOptions): FinPulseDb {
  const dexieOpts: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {};
  if (opts.indexedDB) dexieOpts.indexedDB = opts.indexedDB;
  if (opts.IDBKeyRange) dexieOpts.IDBKeyRange = opts.IDBKeyRange;
  const db = new Dexie(opts.name ?? 'finpulse', dexieOpts) as FinPulseDb;
  db.version(1).stores({
    values: `++id, ${VERSION_INDEX}`,
    audit: '++seq, target, actor, at',
  });
  return db;
}

/** Dexie errors become AppError at this edge so callers handle one error type. */
async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toAppError(err);
  }
}

export function createDexieStore(opts: DexieStoreOptions = {}): MetricStore {
  const db = openDb(opts);

  const versions = (metricId: MetricId, from: PeriodKey | typeof Dexie.minKey, to: PeriodKey | typeof Dexie.maxKey) =>
    db.values.where(VERSION_INDEX).between([metricId, from, Dexie.minKey], [metricId, to, Dexie.maxKey], true, true);

  const latestRow = (metricId: MetricId, period: PeriodKey): Promise<ValueRow | undefined> =>
    versions(metricId, period, period).last();

  return {
    saveValues: (records) =>
      mapped(async () => {
        const clean = records.map(toValueRecord); // validate before opening the transaction
        if (clean.length === 0) return 0;
        // Read-then-write in one rw transaction: IndexedDB serialises overlapping rw transactions,
        // so two concurrent saves of the same value cannot both see "not yet stored".
        return db.transaction('rw', db.values, async () => {
          const keys = new Map(clean.map((r) => [versionKey(r), r] as const));
          const stored = new Map<string, ValueRecord | undefined>();
          await Promise.all(
            [...keys].map(async ([key, r]) => {
              const row = await latestRow(r.metricId, r.period);
              stored.set(key, row && toValueRecord(row));
            }),
          );
          const accepted = planInserts(clean, (key) => stored.get(key));
          // The auto-increment id is filled in by IndexedDB; the row type only needs it on reads.
          if (accepted.length > 0) await db.values.bulkAdd(accepted);
          return accepted.length;
        });
      }),

    latest: (metricId, period) =>
      mapped(async () => {
        const row = await latestRow(metricId, period);
        return row && toValueRecord(row);
      }),

    history: (metricId, query: HistoryQuery = {}) =>
      mapped(async () => {
        const rows = await versions(metricId, query.from ?? Dexie.minKey, query.to ?? Dexie.maxKey).toArray();
        // The key range already applies the bounds; the filter is a guard for from > to.
        return rows.filter((r) => inPeriodRange(r.period, query)).map(toValueRecord);
      }),

    appendAudit: (entry: NewAuditEntry) =>
      mapped(async () => {
        // IndexedDB's key generator assigns seq: monotonic, and never reused even under concurrency.
        const body = toAuditEntry(entry, nowIso);
        const seq = await db.audit.add(body);
        return { seq, ...body };
      }),

    audit: (query: AuditQuery = {}) => mapped(() => readAudit(db, query)),

    close: () =>
      mapped(() => {
        db.close();
        return Promise.resolve();
      }),
  };
}

/** Uses the most selective index available; equal index keys come back in seq order. */
async function readAudit(db: FinPulseDb, query: AuditQuery): Promise<AuditEntry[]> {
  const limit = auditLimit(query);
  if (limit === 0) return [];
  const keep = (e: AuditEntry): boolean => matchesAudit(e, query);
  const byIndex =
    query.target !== undefined
      ? db.audit.where('target').equals(query.target)
      : query.actor !== undefined
        ? db.audit.where('actor').equals(query.actor)
        : undefined;
  if (byIndex) {
    const found = byIndex.filter(keep);
    return Number.isFinite(limit) ? found.limit(limit).toArray() : found.toArray();
  }
  if (query.since !== undefined) {
    // The `at` index yields time order, which need not be seq order when callers supply `at`.
    const found = await db.audit.where('at').aboveOrEqual(query.since).toArray();
    return found.sort((a, b) => a.seq - b.seq).slice(0, limit);
  }
  const all = db.audit.orderBy(':id');
  return Number.isFinite(limit) ? all.limit(limit).toArray() : all.toArray();
}
