import type { MetricId, PeriodKey } from '../core/brand';

/** One computed value of a metric for a period, as kept in history. */
export interface ValueRecord {
  metricId: MetricId;
  period: PeriodKey;
  /** null when the computation produced an error value. */
  value: number | null;
  /** Typed error code when value is null (e.g. `DIV0`, `MISSING`, `SOURCE`). */
  error?: string;
  /** Hash of the inputs the value was computed from; unchanged inputs give the same fingerprint. */
  fingerprint: string;
  /** ISO-8601 timestamp. */
  computedAt: string;
}

/** One append-only audit entry: who changed what, when, from what to what. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  old?: unknown;
  new?: unknown;
  note?: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'at'> & { at?: string };

/** Inclusive bounds, compared as period key strings (so mix grains with care: `2026-11` < `2026-11-24`). */
export interface HistoryQuery {
  from?: PeriodKey;
  to?: PeriodKey;
}

/** Filters combine with AND; results are in seq order and `limit` keeps the first entries. */
export interface AuditQuery {
  target?: string;
  actor?: string;
  /** Inclusive lower bound on `at` (ISO-8601, compared as text). */
  since?: string;
  limit?: number;
}

/**
 * History and audit storage. Implementations: Dexie (browser, IndexedDB) and a file store (Node CLI).
 * Both pass the same contract suite.
 */
export interface MetricStore {
  /** Appends values; a record identical (value, error, fingerprint) to the latest for its metric+period is skipped. Returns how many were stored. */
  saveValues(records: readonly ValueRecord[]): Promise<number>;
  /** Latest value for a metric and period: greatest computedAt, the later save on a tie. */
  latest(metricId: MetricId, period: PeriodKey): Promise<ValueRecord | undefined>;
  /** Every stored version for a metric, ordered by period then computedAt. */
  history(metricId: MetricId, query?: HistoryQuery): Promise<ValueRecord[]>;
  /** Appends an audit entry; entries are never updated or deleted. */
  appendAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  audit(query?: AuditQuery): Promise<AuditEntry[]>;
  close(): Promise<void>;
}
