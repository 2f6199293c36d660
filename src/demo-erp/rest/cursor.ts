import type { DatasetStore, RowQuery } from '../store';

/** What a cursor remembers: the query it belongs to and the key of the last row served. */
interface CursorState {
  dataset: string;
  query: string;
  id: string;
  /** The last row's stamp, when the rows are in change order (`modifiedSince`). */
  stamp?: string;
}

export const queryKey = (q: RowQuery): string => [q.from, q.to, q.entity, q.modifiedSince].map((v) => v ?? '').join('|');

/** Opaque to clients; a keyset (last key), so deletions between pages neither skip nor repeat rows. */
export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor(text: string): CursorState | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    if (typeof o['dataset'] !== 'string' || typeof o['query'] !== 'string' || typeof o['id'] !== 'string') return null;
    if (o['stamp'] !== undefined && typeof o['stamp'] !== 'string') return null;
    return { dataset: o['dataset'], query: o['query'], id: o['id'], ...(typeof o['stamp'] === 'string' ? { stamp: o['stamp'] } : {}) };
  } catch {
    return null;
  }
}

export function cursorAfter(store: DatasetStore, q: RowQuery, lastPos: number): string {
  const id = store.recordAt(lastPos)['id'] as string;
  const base = { dataset: store.spec.name, query: queryKey(q), id };
  return encodeCursor(q.modifiedSince === undefined ? base : { ...base, stamp: store.stampAt(lastPos) });
}

/** Index in `rows` of the first row after the cursor's key: a binary search, rows being in key order. */
export function indexAfter(store: DatasetStore, rows: Int32Array, c: CursorState): number {
  const after = (pos: number): boolean => {
    const id = store.recordAt(pos)['id'] as string;
    if (c.stamp === undefined) return id > c.id;
    const stamp = store.stampAt(pos);
    return stamp > c.stamp || (stamp === c.stamp && id > c.id);
  };
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(rows[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
