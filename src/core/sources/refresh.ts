import type { ObservationTable, SourceInput } from '../engine';
import { AppError, problem, toAppError, type Problem } from '../errors';
import { formatMessage, type Locale, type Localized } from '../i18n';
import { definitionFingerprint, fetchSource, type FetchOptions, type FetchStats } from './connector';
import { supportsIncremental } from './rest';
import type { SourceContext } from './session';
import type { SourceDefinition } from './shape';
import { tableOf, type Snapshot, type SnapshotStore } from './snapshot';
import { runPool } from './pool';
import { applyChanges, nextWatermark } from './sync';

export interface RefreshOptions extends Omit<FetchOptions, 'since'> {
  store: SnapshotStore;
  /** Ignore the watermark and fetch everything (a full resync on demand). */
  full?: boolean;
}

/** Shown beside metrics computed from the last good data after a refresh failed. */
export interface Stale {
  /** When the data in use was fetched (ISO-8601). */
  since: string;
  error: AppError;
}

export interface RefreshResult {
  sourceId: string;
  /** The data to use: fresh, or the last good snapshot when stale; absent only when there is none. */
  table?: ObservationTable;
  snapshot?: Snapshot;
  stats?: FetchStats;
  stale?: Stale;
  /** Why this refresh failed (also in `stale` when older data stands in). */
  error?: AppError;
  problems: Problem[];
}

/**
 * Refreshes a source against its last good snapshot: incrementally (changes since the watermark,
 * upserted by key, tombstones removed) when the definition allows and nothing forces a full sync,
 * in full otherwise. The snapshot is replaced only after every page arrived and mapped; on any
 * failure the previous one stays, served as stale with the error that stopped the refresh.
 */
export async function refreshSource(def: SourceDefinition, ctx: SourceContext, opts: RefreshOptions): Promise<RefreshResult> {
  const problems: Problem[] = [];
  const fingerprint = definitionFingerprint(def, opts);
  const base = await readSnapshot(opts.store, def.id, problems);
  const usable = base?.definition === fingerprint ? base : undefined;
  const since = !opts.full && def.kind === 'rest' && supportsIncremental(def) ? usable?.watermark : undefined;
  const prior = since === undefined ? undefined : usable;
  try {
    const fetched = await fetchSource(def, ctx, { ...opts, since });
    problems.push(...fetched.problems);
    const { changes } = fetched;
    const snapshot: Snapshot = {
      sourceId: def.id,
      definition: fingerprint,
      scale: def.scale ?? 2,
      rows: applyChanges(prior?.rows, changes),
      fetchedAt: new Date(ctx.clock.now()).toISOString(),
    };
    const watermark = nextWatermark(prior?.watermark, changes);
    if (watermark !== undefined) snapshot.watermark = watermark;
    await saveSnapshot(opts.store, snapshot, problems);
    return { sourceId: def.id, table: tableOf(snapshot), snapshot, stats: fetched.stats, problems };
  } catch (err) {
    const error = toAppError(err);
    if (!usable) return { sourceId: def.id, error, problems };
    return { sourceId: def.id, table: tableOf(usable), snapshot: usable, stale: { since: usable.fetchedAt, error }, error, problems };
  }
}

async function readSnapshot(store: SnapshotStore, id: string, problems: Problem[]): Promise<Snapshot | undefined> {
  try {
    return await store.get(id);
  } catch (err) {
    // An unreadable cache costs a full sync, not the refresh.
    problems.push(problem(`sources.${id}`, 'io.read', { path: `snapshot of ${id}`, detail: toAppError(err).message }, 'warning'));
    return undefined;
  }
}

async function saveSnapshot(store: SnapshotStore, snapshot: Snapshot, problems: Problem[]): Promise<void> {
  try {
    await store.put(snapshot);
  } catch (err) {
    // The fresh data is still used; only the fallback for next time is missing, and the user is told.
    problems.push(problem(`sources.${snapshot.sourceId}`, 'storage.write', { path: `snapshot of ${snapshot.sourceId}`, detail: toAppError(err).message }, 'warning'));
  }
}

/** "Stale since …: why" in every language, for the pane, the CLI and alerts. */
export function staleMessage(stale: Stale): Localized {
  const text = (locale: Locale): string => formatMessage('source.stale', { since: stale.since, detail: stale.error.messageIn(locale) }, locale);
  return { 'en-US': text('en-US'), 'zh-CN': text('zh-CN') };
}

/**
 * Refreshes every source of a catalog, two at a time, and gives the engine its inputs: one pass
 * per source serves every metric bound to it. Stale sources still give their last good table.
 */
export async function refreshSources(defs: readonly SourceDefinition[], ctx: SourceContext, opts: RefreshOptions, locale: Locale = 'en-US'): Promise<{ inputs: Record<string, SourceInput>; results: RefreshResult[] }> {
  const results = await runPool(defs, SOURCES_AT_ONCE, (def) => refreshSource(def, ctx, opts));
  return { inputs: Object.fromEntries(results.map((r) => [r.sourceId, sourceInputOf(r, locale)])), results };
}

const SOURCES_AT_ONCE = 2;

/** What the engine takes for the source: the table (fresh or stale), or a failure that shows as #SOURCE. */
export function sourceInputOf(result: RefreshResult, locale: Locale = 'en-US'): SourceInput {
  if (result.table) return result.table;
  return { failed: (result.error ?? new AppError('internal', { detail: 'no data' })).messageIn(locale) };
}
