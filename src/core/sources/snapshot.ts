import { TableBuilder, type ObservationTable } from '../engine';
import type { KeyedRow } from './mapping';

/** A source's last good data: what a failed refresh falls back to, and what incremental sync builds on. */
export interface Snapshot {
  sourceId: string;
  /** Fingerprint of the definition the rows were mapped with; a changed definition forces a full sync. */
  definition: string;
  scale: number;
  rows: KeyedRow[];
  /** Latest `modified` value seen: the next incremental sync asks for changes after it. */
  watermark?: string;
  /** ISO-8601 time of the refresh that produced it. */
  fetchedAt: string;
}

/** Keeps each source's last good snapshot: files for the CLI, IndexedDB in the pane, memory in tests. */
export interface SnapshotStore {
  get(sourceId: string): Promise<Snapshot | undefined>;
  /** Replaces the source's snapshot as a whole; a failed put leaves the previous one intact. */
  put(snapshot: Snapshot): Promise<void>;
}

/** A store in memory; snapshots are copied in and out so callers cannot change what is stored. */
export function memorySnapshotStore(): SnapshotStore {
  const held = new Map<string, Snapshot>();
  return {
    get: (id) => Promise.resolve(held.has(id) ? copySnapshot(held.get(id)!) : undefined),
    put: (s) => {
      held.set(s.sourceId, copySnapshot(s));
      return Promise.resolve();
    },
  };
}

function copySnapshot(s: Snapshot): Snapshot {
  return { ...s, rows: s.rows.map((r) => ({ ...r, measures: { ...r.measures }, text: { ...r.text } })) };
}

/** The engine's columnar table of a snapshot's rows. */
export function tableOf(snapshot: Pick<Snapshot, 'rows' | 'scale'> & { sourceId?: string }): ObservationTable {
  // Rows keep their record key as origin (`erp_gl:JL-0000123`), so differences trace to records.
  const prefix = snapshot.sourceId === undefined ? '' : `${snapshot.sourceId}:`;
  const builder = new TableBuilder(snapshot.scale, snapshot.rows.length, prefix);
  for (const row of snapshot.rows) builder.add(row, row.key);
  return builder.build();
}

/** Checks a value read back from storage really is a snapshot (a damaged file must not become data). */
export function isSnapshot(v: unknown): v is Snapshot {
  if (v === null || typeof v !== 'object') return false;
  const s = v as Partial<Snapshot>;
  return (
    typeof s.sourceId === 'string' && typeof s.definition === 'string' && typeof s.fetchedAt === 'string' &&
    typeof s.scale === 'number' && (s.watermark === undefined || typeof s.watermark === 'string') &&
    Array.isArray(s.rows) && s.rows.every(isRow)
  );
}

function isRow(r: unknown): boolean {
  if (r === null || typeof r !== 'object') return false;
  const row = r as Partial<KeyedRow>;
  return (
    typeof row.day === 'number' && typeof row.measures === 'object' && row.measures !== null &&
    typeof row.text === 'object' && row.text !== null && (row.key === undefined || typeof row.key === 'string')
  );
}
