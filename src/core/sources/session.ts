import { AppError } from '../errors';
import { locateJsonError } from '../catalog/json-error';
import { TokenCache } from './auth';
import { HttpClient, type ResolvedLimits, type SourceEvent } from './transport';
import { recordsAt, type JsonPath } from './jsonpath';
import type { RecordMapper } from './mapping';
import type { FetchedPage } from './pages';
import type { PageRequest } from './paging';
import { Redactor, type SecretStore } from '../secrets';
import type { SourceDefinition } from './shape';
import { linkedAbort, type AbortSignalLike, type Clock, type FetchLike, type LinkedAbort } from './web';
import type { PreparedRequest } from './auth';

/** What connectors run on, injected by the host: the transport, the user's secrets and time. */
export interface SourceContext {
  fetch: FetchLike;
  secrets: SecretStore;
  clock: Clock;
  /** Jitter source in [0, 1); Math.random by default. */
  random?: () => number;
  /** OAuth2 tokens shared between refreshes; each refresh has its own when absent. */
  tokens?: TokenCache;
  /** Requests, retries and pages as they happen (progress, logs); secrets are already redacted. */
  onEvent?: (event: SourceEvent) => void;
}

const DEFAULTS: ResolvedLimits = {
  maxPages: 10_000,
  maxRows: 5_000_000,
  maxBytes: 1024 ** 3,
  timeoutMs: 30_000,
  concurrency: 4,
  retry: { retries: 4, baseMs: 500, maxMs: 30_000, maxRetryAfterMs: 120_000 },
};

export function resolveLimits(def: SourceDefinition): ResolvedLimits {
  const l = def.limits ?? {};
  const r = DEFAULTS.retry;
  return {
    maxPages: l.maxPages ?? DEFAULTS.maxPages,
    maxRows: l.maxRows ?? DEFAULTS.maxRows,
    maxBytes: l.maxBytes ?? DEFAULTS.maxBytes,
    timeoutMs: l.timeoutMs ?? DEFAULTS.timeoutMs,
    concurrency: l.concurrency ?? DEFAULTS.concurrency,
    retry: {
      retries: l.retries ?? r.retries,
      baseMs: l.retryBaseMs ?? r.baseMs,
      maxMs: l.retryMaxMs ?? r.maxMs,
      maxRetryAfterMs: l.maxRetryAfterSeconds === undefined ? r.maxRetryAfterMs : l.maxRetryAfterSeconds * 1000,
    },
  };
}

/** One refresh's HTTP client, redactor and abort handle (aborting it stops every request in flight). */
export interface Session {
  def: SourceDefinition;
  http: HttpClient;
  redactor: Redactor;
  limits: ResolvedLimits;
  abort: LinkedAbort;
  tokens: TokenCache;
  ctx: SourceContext;
}

export function openSession(def: SourceDefinition, ctx: SourceContext, signal: AbortSignalLike | undefined): Session {
  const redactor = new Redactor();
  const limits = resolveLimits(def);
  const abort = linkedAbort(signal);
  const http = new HttpClient({
    sourceId: def.id,
    fetch: ctx.fetch,
    clock: ctx.clock,
    random: ctx.random ?? Math.random,
    signal: abort.signal,
    limits,
    redactor,
    onEvent: ctx.onEvent,
  });
  return { def, http, redactor, limits, abort, tokens: ctx.tokens ?? new TokenCache(), ctx };
}

/** Parses a page; a syntax error names the page, its URL and the line and column. */
export function parsePage(text: string, sourceId: string, page: number, url: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const at = locateJsonError(text);
    const message = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    const detail = `${message}${at ? ` (line ${at.line}, column ${at.column})` : ''}`;
    throw new AppError('source.badJson', { source: sourceId, page, url, detail });
  }
}

/** Fetches one page, parses it, finds its records and maps them; any failure names the page. */
export async function fetchMappedPage(
  s: Session,
  mapper: RecordMapper,
  records: JsonPath,
  prepare: (req: PageRequest) => PreparedRequest,
  req: PageRequest,
  index: number,
): Promise<FetchedPage> {
  const res = await s.http.request(prepare(req));
  const doc = parsePage(res.text, s.def.id, index, res.url);
  const found = recordsAt(doc, records);
  if ('missing' in found) throw new AppError('source.noRecords', { source: s.def.id, page: index, path: records.text, found: found.missing.join(', ') || '(none)' });
  if ('notArray' in found) throw new AppError('source.recordsNotArray', { source: s.def.id, page: index, path: records.text, found: found.notArray });
  const mapped = mapper.mapPage(found.records, { page: index, base: found.base });
  return { doc, headers: res.headers, url: res.url, records: found.records.length, mapped };
}
