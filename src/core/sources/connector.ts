import { AppError, problem, type Problem } from '../errors';
import { fnv1a, hex } from '../engine/fingerprint';
import { createAuthorizer } from './auth';
import { fetchOData } from './odata/fetch';
import { fetchRest, supportsIncremental } from './rest';
import { openSession, type Session, type SourceContext } from './session';
import type { SourceDefinition } from './shape';
import type { Changes } from './sync';
import type { TemplateValues } from './template';
import type { AbortSignalLike } from './web';

export interface FetchOptions {
  /** First and last date asked for (YYYY-MM-DD), for `{from}` and `{to}`. */
  from?: string;
  to?: string;
  /** Only changes after this watermark, for `{since}`. */
  since?: string;
  /** A period key for `{period}`, e.g. 2026-11. */
  period?: string;
  /** Cancels every request in flight (the pane's Cancel button). */
  signal?: AbortSignalLike;
  /** OData: aggregate on the server when the definition asks for it and $metadata allows (default true). */
  pushdown?: boolean;
}

export interface FetchStats {
  mode: 'full' | 'incremental' | 'pushdown';
  pages: number;
  /** Records received, tombstones included: what crossed the wire. */
  records: number;
  requests: number;
  retries: number;
  bytes: number;
  ms: number;
}

export interface FetchResult {
  changes: Changes;
  stats: FetchStats;
  /** Warnings, e.g. amounts rounded to the source's scale. */
  problems: Problem[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkOptions(opts: FetchOptions): void {
  for (const name of ['from', 'to'] as const) {
    const v = opts[name];
    if (v !== undefined && !DATE.test(v)) throw new AppError('source.badOption', { name, value: v, expected: 'a date YYYY-MM-DD' });
  }
  if (opts.since !== undefined && opts.since.trim() === '') throw new AppError('source.badOption', { name: 'since', value: opts.since, expected: 'an ISO timestamp' });
}

const templateValues = (opts: FetchOptions): TemplateValues => ({ from: opts.from, to: opts.to, since: opts.since, period: opts.period });

/**
 * Fetches a source once and maps its records; nothing is stored. Every error that leaves is an
 * AppError with the source's secrets (and tokens issued on the way) redacted.
 */
export async function fetchSource(def: SourceDefinition, ctx: SourceContext, opts: FetchOptions = {}): Promise<FetchResult> {
  checkOptions(opts);
  const s = openSession(def, ctx, opts.signal);
  const started = ctx.clock.now();
  try {
    const auth = await createAuthorizer(def.auth, {
      sourceId: def.id, secrets: ctx.secrets, redactor: s.redactor, tokens: s.tokens,
      now: () => ctx.clock.now(),
      send: (req) => s.http.send(req),
    });
    s.http.useAuthorizer(auth);
    const { changes, pages, mode } = await fetchBy(s, def, opts);
    const stats: FetchStats = { mode, pages, records: changes.rows.length + changes.deleted.length, ...s.http.stats, ms: ctx.clock.now() - started };
    return { changes, stats, problems: roundingProblems(def, changes) };
  } catch (err) {
    throw s.redactor.error(s.abort.signal.aborted && opts.signal?.aborted ? s.http.cancelled() : err);
  } finally {
    s.abort.release();
  }
}

async function fetchBy(s: Session, def: SourceDefinition, opts: FetchOptions): Promise<{ changes: Changes; pages: number; mode: FetchStats['mode'] }> {
  const values = templateValues(opts);
  if (def.kind === 'odata') {
    const o = await fetchOData(s, def, values, opts.pushdown ?? true);
    return { ...o, mode: o.pushdown ? 'pushdown' : 'full' };
  }
  const r = await fetchRest(s, def, values);
  return { ...r, mode: opts.since !== undefined && supportsIncremental(def) ? 'incremental' : 'full' };
}

function roundingProblems(def: SourceDefinition, changes: Changes): Problem[] {
  const { count, first } = changes.rounded;
  if (count === 0 || !first) return [];
  return [problem(first.location, 'source.rounded', { source: def.id, count, scale: def.scale ?? 2, ...first }, 'warning')];
}

/**
 * Fingerprint of what a snapshot's rows depend on: the definition and the date range asked for.
 * A snapshot made under another fingerprint is never merged into (that would mix two mappings).
 */
export function definitionFingerprint(def: SourceDefinition, opts: Pick<FetchOptions, 'from' | 'to' | 'period'>): string {
  return hex(fnv1a(JSON.stringify([def, opts.from ?? null, opts.to ?? null, opts.period ?? null])));
}
