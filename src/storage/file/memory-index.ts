import type { MetricId, PeriodKey } from '../../core/brand';
import { auditLimit, compareVersions, inPeriodRange, matchesAudit, supersedes, versionKey } from '../records';
import type { AuditEntry, AuditQuery, HistoryQuery, ValueRecord } from '../types';

/** In-memory view of values.jsonl: versions per metric kept in history order, plus the latest per metric+period. */
export class ValueIndex {
  private readonly byMetric = new Map<MetricId, ValueRecord[]>();
  private readonly latestByKey = new Map<string, ValueRecord>();

  add(record: ValueRecord): void {
    const versions = this.byMetric.get(record.metricId) ?? [];
    if (versions.length === 0) this.byMetric.set(record.metricId, versions);
    versions.splice(upperBound(versions, record), 0, record);
    const key = versionKey(record);
    if (supersedes(record, this.latestByKey.get(key))) this.latestByKey.set(key, record);
  }

  latestOf = (key: string): ValueRecord | undefined => this.latestByKey.get(key);

  latest(metricId: MetricId, period: PeriodKey): ValueRecord | undefined {
    return this.latestByKey.get(versionKey({ metricId, period }));
  }

  history(metricId: MetricId, query: HistoryQuery): ValueRecord[] {
    return (this.byMetric.get(metricId) ?? []).filter((r) => inPeriodRange(r.period, query));
  }
}

/** First position after every version ordered at or before `record`, so equal keys keep save order. */
function upperBound(sorted: readonly ValueRecord[], record: ValueRecord): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const probe = sorted[mid];
    if (probe !== undefined && compareVersions(probe, record) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In-memory view of audit.jsonl in seq order, indexed by target (the question a reviewer asks most). */
export class AuditIndex {
  private readonly entries: AuditEntry[] = [];
  private readonly byTarget = new Map<string, AuditEntry[]>();

  get lastSeq(): number {
    return this.entries.at(-1)?.seq ?? 0;
  }

  /** Entries must arrive in increasing seq order. */
  add(entry: AuditEntry): void {
    this.entries.push(entry);
    const forTarget = this.byTarget.get(entry.target);
    if (forTarget) forTarget.push(entry);
    else this.byTarget.set(entry.target, [entry]);
  }

  query(query: AuditQuery): AuditEntry[] {
    const pool = query.target === undefined ? this.entries : (this.byTarget.get(query.target) ?? []);
    const limit = auditLimit(query);
    const found: AuditEntry[] = [];
    for (const entry of pool) {
      if (found.length >= limit) break;
      if (matchesAudit(entry, query)) found.push(entry);
    }
    return found;
  }
}
