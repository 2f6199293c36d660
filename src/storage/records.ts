import { AppError } from '../core/errors';
import type { AuditEntry, AuditQuery, HistoryQuery, NewAuditEntry, ValueRecord } from './types';

/*
 * Semantics shared by every MetricStore implementation, kept in one place so the Dexie store and
 * the file store cannot drift apart (the contract suite checks them; this keeps them honest).
 */

/** Map key for one metric+period; JSON so no id can collide with a separator. */
export const versionKey = (r: Pick<ValueRecord, 'metricId' | 'period'>): string => JSON.stringify([r.metricId, r.period]);

/** Same outcome as far as dedup is concerned: computedAt is deliberately ignored. */
export function sameOutcome(a: ValueRecord, b: ValueRecord): boolean {
  return a.value === b.value && (a.error ?? undefined) === (b.error ?? undefined) && a.fingerprint === b.fingerprint;
}

/** History order: period, then computedAt (ISO strings compare correctly as text). Stable sorts keep save order for ties. */
export function compareVersions(a: ValueRecord, b: ValueRecord): number {
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  if (a.computedAt !== b.computedAt) return a.computedAt < b.computedAt ? -1 : 1;
  return 0;
}

/** Whether `candidate` supersedes `current` as the latest: newer computedAt, or equal and saved later. */
export const supersedes = (candidate: ValueRecord, current: ValueRecord | undefined): boolean =>
  current === undefined || candidate.computedAt >= current.computedAt;

/**
 * A clean copy holding only the ValueRecord fields, so callers' extra properties (or a storage
 * row id) never leak in or out, and an absent error stays absent rather than `undefined`.
 * Rejects a non-finite value: JSON would silently turn it into null, and null means "error".
 */
export function toValueRecord(r: ValueRecord): ValueRecord {
  if (r.value !== null && !Number.isFinite(r.value)) {
    throw new AppError('storage.invalid', { detail: `the value is not a finite number: ${r.value} for ${r.metricId} ${r.period}` });
  }
  const copy: ValueRecord = { metricId: r.metricId, period: r.period, value: r.value, fingerprint: r.fingerprint, computedAt: r.computedAt };
  if (r.error !== undefined) copy.error = r.error;
  return copy;
}

/**
 * Chooses which records of a batch to store: each is compared with the latest of its metric+period,
 * including records accepted earlier in the same batch. `latestOf` gives the stored latest by versionKey.
 */
export function planInserts(records: readonly ValueRecord[], latestOf: (key: string) => ValueRecord | undefined): ValueRecord[] {
  const latest = new Map<string, ValueRecord | undefined>();
  const accepted: ValueRecord[] = [];
  for (const record of records) {
    const key = versionKey(record);
    const current = latest.has(key) ? latest.get(key) : latestOf(key);
    if (current !== undefined && sameOutcome(current, record)) continue;
    accepted.push(record);
    latest.set(key, supersedes(record, current) ? record : current);
  }
  return accepted;
}

export const inPeriodRange = (period: string, query: HistoryQuery = {}): boolean =>
  (query.from === undefined || period >= query.from) && (query.to === undefined || period <= query.to);

/**
 * Builds the entry as it will be stored, less the seq the store assigns. old/new go through JSON so both stores keep exactly what
 * a JSON file can (a Date becomes its ISO string, undefined fields vanish), and so later changes to
 * the caller's objects cannot reach the audit trail.
 */
export function toAuditEntry(entry: NewAuditEntry, now: () => string): Omit<AuditEntry, 'seq'> {
  const stored: Omit<AuditEntry, 'seq'> = { at: entry.at ?? now(), actor: entry.actor, action: entry.action, target: entry.target };
  const old = jsonCopy(entry.old, 'old');
  const next = jsonCopy(entry.new, 'new');
  if (old !== undefined) stored.old = old;
  if (next !== undefined) stored.new = next;
  if (entry.note !== undefined) stored.note = entry.note;
  return stored;
}

function jsonCopy(value: unknown, field: string): unknown {
  if (value === undefined) return undefined;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new AppError('storage.invalid', { detail: `audit field "${field}" is not JSON-serialisable` }, { cause });
  }
  // JSON.stringify returns undefined for functions and symbols: store nothing rather than a lie.
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

export const matchesAudit = (e: AuditEntry, q: AuditQuery = {}): boolean =>
  (q.target === undefined || e.target === q.target) &&
  (q.actor === undefined || e.actor === q.actor) &&
  (q.since === undefined || e.at >= q.since);

/** Normalised limit: undefined means no limit; negatives and fractions are clamped. */
export const auditLimit = (q: AuditQuery = {}): number =>
  q.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(q.limit));

export const nowIso = (): string => new Date().toISOString();
