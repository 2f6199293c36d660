import type { DatasetSpec, ErpRecord } from '../data';
import { changeOrder } from './change-order';

/** Filters shared by every list route. Dates are `YYYY-MM-DD`; `modifiedSince` is a normalised ISO instant. */
export interface RowQuery {
  from?: string;
  to?: string;
  entity?: string;
  modifiedSince?: string;
}

const MAX_CACHED_VIEWS = 32;

/**
 * One dataset as served: records by position (= id order, append-only), tombstones for deletions,
 * and cached selections, so paging through a million-row query costs one scan, not one per page.
 * Records are never changed in place: a change replaces the object and bumps the version.
 */
export class DatasetStore {
  private records: ErpRecord[];
  private deletedAt: Array<string | undefined>;
  private deleted = 0;
  private json: Array<string | undefined>;
  private live: Int32Array | null = null;
  private changes: Int32Array | null = null;
  /** Positions changed since `changes` was built; they move to its end. */
  private touched = new Set<number>();
  private readonly views = new Map<string, Int32Array>();
  /** Bumped by every change; callers caching anything derived (OData results) key on it. */
  version = 0;

  constructor(
    readonly spec: DatasetSpec,
    private readonly seeded: readonly ErpRecord[],
  ) {
    this.records = [...seeded];
    this.deletedAt = [];
    this.json = [];
  }

  /** Back to the generated data. */
  reset(): void {
    this.records = [...this.seeded];
    this.deletedAt = [];
    this.deleted = 0;
    this.json = [];
    this.live = null;
    this.changes = null;
    this.touched.clear();
    this.invalidate();
  }

  /** Positions, deleted ones included. */
  get size(): number {
    return this.records.length;
  }

  get liveCount(): number {
    return this.records.length - this.deleted;
  }

  recordAt(pos: number): ErpRecord {
    return this.records[pos]!;
  }

  isDeleted(pos: number): boolean {
    return this.deletedAt[pos] !== undefined;
  }

  /** The stamp ordering a row for `modifiedSince`: its deletion, or its last change. */
  stampAt(pos: number): string {
    return this.deletedAt[pos] ?? (this.records[pos]!['modifiedAt'] as string);
  }

  /** The served JSON of a row, memoised: most pages are a join of strings made once. */
  jsonAt(pos: number): string {
    const deleted = this.deletedAt[pos];
    if (deleted !== undefined) return JSON.stringify(tombstone(this.records[pos]!, deleted));
    let text = this.json[pos];
    if (text === undefined) {
      text = JSON.stringify(this.records[pos]);
      this.json[pos] = text;
    }
    return text;
  }

  /** The row as served: the record, or its tombstone when deleted. */
  rowAt(pos: number): ErpRecord {
    const deleted = this.deletedAt[pos];
    return deleted === undefined ? this.records[pos]! : tombstone(this.records[pos]!, deleted);
  }

  replace(pos: number, record: ErpRecord): void {
    this.records[pos] = record;
    this.json[pos] = undefined;
    this.touch(pos);
  }

  remove(pos: number, stamp: string): void {
    if (this.deletedAt[pos] === undefined) this.deleted += 1;
    this.deletedAt[pos] = stamp;
    this.live = null;
    this.touch(pos);
  }

  append(record: ErpRecord): number {
    const pos = this.records.length;
    this.records.push(record);
    this.live = null;
    this.touch(pos);
    return pos;
  }

  /**
   * Positions of the rows a query selects: live records in id order, or, with `modifiedSince`,
   * records and tombstones stamped after it in (stamp, id) order.
   */
  select(q: RowQuery): Int32Array {
    const base = q.modifiedSince === undefined ? this.liveRows() : this.changedSince(q.modifiedSince);
    if (q.from === undefined && q.to === undefined && q.entity === undefined && q.modifiedSince === undefined) return base;
    const key = `${q.from ?? ''}|${q.to ?? ''}|${q.entity ?? ''}|${q.modifiedSince ?? ''}`;
    return this.cached(key, () => base.filter((pos) => this.matches(pos, q)));
  }

  /** A derived selection cached until the next change (OData filters and sorts use it too). */
  cached(key: string, build: () => Int32Array): Int32Array {
    let view = this.views.get(key);
    if (view === undefined) {
      if (this.views.size >= MAX_CACHED_VIEWS) this.views.delete(this.views.keys().next().value!);
      view = build();
    } else {
      this.views.delete(key);
    }
    this.views.set(key, view);
    return view;
  }

  /** The date a row is filtered on, as `YYYY-MM-DD` (a budget month counts as its first day). */
  dateOf(record: ErpRecord): string | undefined {
    const field = this.spec.dateField;
    if (field === null) return undefined;
    const value = record[field] as string;
    return value.length === 7 ? `${value}-01` : value;
  }

  private matches(pos: number, q: RowQuery): boolean {
    const r = this.records[pos]!;
    if (q.entity !== undefined && r['entity'] !== q.entity) return false;
    if (q.from === undefined && q.to === undefined) return true;
    const date = this.dateOf(r);
    return date !== undefined && (q.from === undefined || date >= q.from) && (q.to === undefined || date <= q.to);
  }

  private liveRows(): Int32Array {
    if (this.live === null) {
      const out = new Int32Array(this.records.length - this.deleted);
      let n = 0;
      for (let pos = 0; pos < this.records.length; pos += 1) if (this.deletedAt[pos] === undefined) out[n++] = pos;
      this.live = out;
    }
    return this.live;
  }

  /** Rows stamped strictly after `since`: a binary search in the change order. */
  private changedSince(since: string): Int32Array {
    const order = this.changeOrder();
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.stampAt(order[mid]!) > since) hi = mid;
      else lo = mid + 1;
    }
    return order.subarray(lo);
  }

  private changeOrder(): Int32Array {
    if (this.changes === null || this.touched.size > 0) {
      this.changes = changeOrder(this.changes, this.touched, this.records.length, (pos) => this.stampAt(pos));
      this.touched.clear();
    }
    return this.changes;
  }

  private touch(pos: number): void {
    if (this.changes !== null) this.touched.add(pos);
    this.invalidate();
  }

  private invalidate(): void {
    this.views.clear();
    this.version += 1;
  }
}

const tombstone = (r: ErpRecord, modifiedAt: string): ErpRecord => ({ id: r['id']!, deleted: true, modifiedAt });
