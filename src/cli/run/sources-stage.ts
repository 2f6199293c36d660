import { join } from 'node:path';
import type { SourceInput } from '../../core/engine';
import type { Problem } from '../../core/errors';
import { LOCALES, formatMessage, type Locale, type Localized } from '../../core/i18n';
import type { SourceOutcome } from '../../core/report';
import type { SecretStore } from '../../core/secrets';
import { refreshSources, staleMessage, type RefreshResult, type SourceDefinition, type SourceEvent } from '../../core/sources';
import { createFileSnapshotStore } from '../../storage';
import { nodeSourceContext } from '../source-runtime';

export interface SourcesRead {
  inputs: Record<string, SourceInput>;
  outcomes: SourceOutcome[];
  problems: Problem[];
}

export const SNAPSHOT_DIR = 'snapshots';

/**
 * Refreshes every ERP source against its snapshot in the state folder. A source that fails keeps
 * its last good snapshot (stale since when it was fetched); one with no snapshot yet has no data,
 * and the metrics on it show #SOURCE.
 */
export async function refreshAll(defs: readonly SourceDefinition[], opts: { stateDir: string; secrets: SecretStore; from?: string; to?: string; locale: Locale; onEvent: (e: SourceEvent) => void }): Promise<SourcesRead> {
  if (defs.length === 0) return { inputs: {}, outcomes: [], problems: [] };
  const store = createFileSnapshotStore(join(opts.stateDir, SNAPSHOT_DIR));
  const refresh: { store: typeof store; from?: string; to?: string } = { store };
  if (opts.from) refresh.from = opts.from;
  if (opts.to) refresh.to = opts.to;
  const { inputs, results } = await refreshSources(defs, nodeSourceContext(opts.secrets, opts.onEvent), refresh, opts.locale);
  const problems = results.flatMap((r) => r.problems);
  return { inputs, outcomes: results.map(outcomeOf), problems };
}

function outcomeOf(r: RefreshResult): SourceOutcome {
  const out: SourceOutcome = { id: r.sourceId, status: r.stale ? 'stale' : r.table ? 'fresh' : 'failed', rows: r.table?.rows ?? 0 };
  if (r.snapshot) out.fetchedAt = r.snapshot.fetchedAt;
  if (r.error) out.error = r.error.text;
  if (r.stale) out.message = staleMessage(r.stale);
  else if (!r.table && r.error) out.message = noDataMessage(r.sourceId, r.error.text);
  return out;
}

/** Each language's message carries the cause in that same language. */
const noDataMessage = (source: string, detail: Localized): Localized =>
  Object.fromEntries(LOCALES.map((l) => [l, formatMessage('run.source.noData', { source, detail: detail[l] }, l)])) as Record<Locale, string>;
