import { AppError } from '../../core/errors';
import { localize, type Localized } from '../../core/i18n';
import { KIND_COLLECTIONS, type EntryKind, type JsonObject, type View } from '../domain/model';
import type { AuditView, CatalogView, ChangeList, ChangeView, EntryList, EntryView, ImportResult, VersionView } from '../api/types';
import { errorFrom, ServiceError } from './errors';
import type { OfflineCopy, Snapshot } from './offline';
import { readEvents } from './sse';

export interface ClientOptions {
  /** The service's API root, e.g. http://127.0.0.1:8787/api/v1 (Settings in the pane). */
  baseUrl: string;
  token: string;
  /** Injected: the pane's window fetch, Node's fetch in tests. */
  fetch: typeof fetch;
  /** Where lists are kept for when the service cannot be reached; without it the pane is online-only. */
  offline?: OfflineCopy;
  now?: () => string;
}

/** A list from the service, or from the offline copy (with when it was saved) when the service is unreachable. */
export interface Fetched<T> {
  data: T;
  etag: string;
  source: 'service' | 'offline';
  savedAt?: string;
  /** What the pane should tell the user when working offline, in both languages. */
  notice?: Localized;
}

export type TransitionName = 'submit' | 'publish' | 'reject' | 'deprecate';

export interface Subscription {
  close(): void;
  /** Settles when the subscription stops (closed, or refused by the service). */
  done: Promise<void>;
}

export interface SubscribeOptions {
  view?: View;
  /** Changes after this seq (e.g. the seq of the list the pane shows); default: from now on. */
  since?: number;
  onChange(change: ChangeView): void;
  onStatus?(status: 'live' | 'reconnecting' | 'stopped', error?: AppError): void;
  retryMs?: number;
}

interface Call {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const enc = encodeURIComponent;
const entryPath = (catalog: string, kind: EntryKind, id?: string): string =>
  `/catalogs/${enc(catalog)}/${KIND_COLLECTIONS[kind]}${id === undefined ? '' : `/${enc(id)}`}`;
/** Refusals that retrying will not fix: stop the feed and say why. */
const FATAL = new Set([400, 401, 403, 404]);

/** The typed client a pane uses to talk to the shared catalog service. */
export function createCatalogClient(opts: ClientOptions) {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const now = opts.now ?? (() => new Date().toISOString());
  // The token's public half tells users apart in a shared offline copy without storing the secret.
  const userKey = opts.token.split('_').slice(0, 2).join('_');

  async function send(method: string, path: string, call: Call = {}): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${opts.token}`, Accept: 'application/json', ...call.headers };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await opts.fetch(`${base}${path}`, { method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body), signal: call.signal });
    } catch (err) {
      if (call.signal?.aborted) throw err;
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
      throw new AppError('server.client.unreachable', { url: base, detail: cause }, { cause: err });
    }
  }

  async function json<T>(method: string, path: string, call: Call = {}): Promise<{ data: T; etag: string }> {
    const res = await send(method, path, call);
    if (!res.ok) throw await errorFrom(res, `${base}${path}`);
    const text = await res.text();
    return { data: (text ? JSON.parse(text) : undefined) as T, etag: res.headers.get('etag') ?? '' };
  }

  /** `etag` is the version the change was made from; null creates, and fails if the id is taken. */
  const write = async (method: string, path: string, etag: string | null, body: unknown): Promise<EntryView> =>
    (await json<EntryView>(method, path, { body, headers: etag === null ? { 'If-None-Match': '*' } : { 'If-Match': etag } })).data;

  /** Lists revalidate with If-None-Match; a 304 reuses the copy already held. */
  async function list(catalog: string, kind: EntryKind = 'metric', view: View = 'published'): Promise<Fetched<EntryList>> {
    const key = `${base}|${userKey}|${catalog}|${kind}|${view}`;
    const held = await opts.offline?.load(key);
    let res: Response;
    try {
      res = await send('GET', `${entryPath(catalog, kind)}?view=${view}`, { headers: held ? { 'If-None-Match': held.etag } : {} });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'server.client.unreachable' || !opts.offline) throw err;
      if (!held) throw new AppError('server.client.noCopy', { catalog }, { cause: err });
      return { data: held.list, etag: held.etag, source: 'offline', savedAt: held.savedAt, notice: localize('server.client.offline', { savedAt: held.savedAt }) };
    }
    if (res.status === 304 && held) return { data: held.list, etag: held.etag, source: 'service' };
    if (!res.ok) throw await errorFrom(res, `${base}${entryPath(catalog, kind)}`);
    const snapshot: Snapshot = { key, etag: res.headers.get('etag') ?? '', savedAt: now(), list: (await res.json()) as EntryList };
    await opts.offline?.save(snapshot);
    return { data: snapshot.list, etag: snapshot.etag, source: 'service' };
  }

  function subscribe(catalog: string, sub: SubscribeOptions): Subscription {
    const abort = new AbortController();
    const view = sub.view ?? 'published';
    let last = sub.since;
    const run = async (): Promise<void> => {
      while (!abort.signal.aborted) {
        try {
          const since = last === undefined ? '' : `&since=${last}`;
          const res = await send('GET', `/catalogs/${enc(catalog)}/events?view=${view}${since}`, { headers: { Accept: 'text/event-stream' }, signal: abort.signal });
          if (!res.ok || !res.body) {
            const err = await errorFrom(res, `${base}/catalogs/${catalog}/events`);
            if (FATAL.has(res.status)) {
              sub.onStatus?.('stopped', err);
              return;
            }
            throw err;
          }
          sub.onStatus?.('live');
          for await (const event of readEvents(res.body)) {
            if (event.id && /^\d+$/.test(event.id)) last = Number(event.id);
            if (event.event === 'change') sub.onChange(JSON.parse(event.data) as ChangeView);
          }
        } catch (err) {
          if (abort.signal.aborted) break;
          sub.onStatus?.('reconnecting', err instanceof AppError ? err : new AppError('server.client.unreachable', { url: base, detail: String(err) }));
        }
        await new Promise((r) => setTimeout(r, sub.retryMs ?? 2000));
      }
      sub.onStatus?.('stopped');
    };
    return { close: () => abort.abort(), done: run() };
  }

  return {
    me: async () => (await json<{ id: string; name: string; role: string; departments: string[] }>('GET', '/me')).data,
    catalogs: async () => (await json<CatalogView[]>('GET', '/catalogs')).data,
    list,
    get: async (catalog: string, id: string, kind: EntryKind = 'metric', view: View = 'published') =>
      (await json<EntryView>('GET', `${entryPath(catalog, kind, id)}?view=${view}`)).data,
    /** Creates (etag null) or changes a definition; the result is a draft awaiting review. */
    save: (catalog: string, definition: JsonObject & { id: string }, etag: string | null, kind: EntryKind = 'metric') =>
      write('PUT', entryPath(catalog, kind, definition.id), etag, definition),
    transition: (catalog: string, id: string, action: TransitionName, etag: string, note?: string, kind: EntryKind = 'metric') =>
      write('POST', `${entryPath(catalog, kind, id)}/${action}`, etag, note === undefined ? undefined : { note }),
    rollback: (catalog: string, id: string, toRev: number, etag: string, kind: EntryKind = 'metric') =>
      write('POST', `${entryPath(catalog, kind, id)}/rollback`, etag, { toRev }),
    versions: async (catalog: string, id: string, kind: EntryKind = 'metric') => (await json<VersionView[]>('GET', `${entryPath(catalog, kind, id)}/versions`)).data,
    exportCatalog: (catalog: string, view: View = 'published') => json<JsonObject>('GET', `/catalogs/${enc(catalog)}/export?view=${view}`),
    importCatalog: async (catalog: string, document: JsonObject, etag: string) =>
      (await json<ImportResult>('PUT', `/catalogs/${enc(catalog)}/import`, { body: document, headers: { 'If-Match': etag } })).data,
    /** ETag polling: undefined when nothing changed since the ETag given. */
    changes: async (catalog: string, since: number, view: View = 'published', etag?: string): Promise<ChangeList | undefined> => {
      const res = await send('GET', `/catalogs/${enc(catalog)}/changes?since=${since}&view=${view}`, { headers: etag ? { 'If-None-Match': etag } : {} });
      if (res.status === 304) return undefined;
      if (!res.ok) throw await errorFrom(res, `${base}/catalogs/${catalog}/changes`);
      return (await res.json()) as ChangeList;
    },
    subscribe,
    acknowledge: async (catalog: string, metric: string, period: string, note: string) =>
      (await json<AuditView>('POST', `/catalogs/${enc(catalog)}/acknowledgements`, { body: { metric, period, note } })).data,
  };
}

export type CatalogClient = ReturnType<typeof createCatalogClient>;
export { ServiceError };
