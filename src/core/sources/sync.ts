import type { KeyedRow, MappedPage } from './mapping';
import { isLater } from './mapping';

/** Everything one refresh fetched, merged from its pages in page order. */
export interface Changes {
  rows: KeyedRow[];
  deleted: string[];
  maxModified?: string;
  rounded: MappedPage['rounded'];
}

export function mergePages(pages: readonly MappedPage[]): Changes {
  const out: Changes = { rows: [], deleted: [], rounded: { count: 0 } };
  for (const p of pages) {
    for (const row of p.rows) out.rows.push(row);
    out.deleted.push(...p.deleted);
    if (p.maxModified !== undefined && (out.maxModified === undefined || isLater(p.maxModified, out.maxModified))) out.maxModified = p.maxModified;
    if (p.rounded.count > 0 && out.rounded.count === 0) out.rounded.first = p.rounded.first;
    out.rounded.count += p.rounded.count;
  }
  return out;
}

/**
 * The rows after applying changes: upsert by key (a changed record replaces its old row in place,
 * new ones are appended) and drop tombstoned keys. With no base this is a full sync; a key seen
 * twice (a record that moved between pages while they were read) keeps its last version.
 */
export function applyChanges(base: readonly KeyedRow[] | undefined, changes: Changes): KeyedRow[] {
  const keyed = new Map<string, KeyedRow>();
  const unkeyed: KeyedRow[] = [];
  for (const row of [...(base ?? []), ...changes.rows]) {
    if (row.key === undefined) unkeyed.push(row);
    else keyed.set(row.key, row);
  }
  for (const key of changes.deleted) keyed.delete(key);
  return [...keyed.values(), ...unkeyed];
}

/** The later of the stored watermark and the newest change seen. */
export function nextWatermark(previous: string | undefined, changes: Changes): string | undefined {
  if (changes.maxModified === undefined) return previous;
  return previous === undefined || isLater(changes.maxModified, previous) ? changes.maxModified : previous;
}
