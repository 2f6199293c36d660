import type { ObservationTable } from '../../core/engine';

// The pane reads bound ranges exactly as `finpulse run` does: one pipeline, in the host layer.
export { readBoundSources, readWorkbookIndex, type BoundSources } from '../../host/refresh';

/** Dimension columns the bound and synced data carry (what drill-down can break down by). */
export function dimensionsOf(tables: Iterable<ObservationTable>): string[] {
  const dims = new Set<string>();
  for (const t of tables) for (const name of Object.keys(t.text)) if (name !== 'account') dims.add(name);
  return [...dims].sort();
}
