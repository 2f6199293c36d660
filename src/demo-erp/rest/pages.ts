import { DATASETS, isDatasetName } from '../data';
import type { RequestContext } from '../http/context';
import { drift, hasDrift, truncated } from '../http/drift';
import { errorReply, problemsReply } from '../http/errors';
import { ParamReader } from '../http/params';
import { parseJsonBody, rawJson, type Reply } from '../http/reply';
import type { DatasetStore, RowQuery } from '../store';
import { cursorAfter, decodeCursor, indexAfter, queryKey } from './cursor';
import { readRowQuery } from './query';

const DEFAULT_PAGE_SIZE = 500;
const MAX_PAGE_SIZE = 5000;
const MAX_INDEX = 1_000_000_000;
/** `api_key` is a credential, read by the authentication, not an option of the route. */
const CREDENTIAL_PARAMS = ['api_key'];

/** A list request that passed validation: its rows and the slice to serve. */
interface Slice {
  store: DatasetStore;
  query: RowQuery;
  rows: Int32Array;
  start: number;
  end: number;
}

function openStore(ctx: RequestContext, dataset: string): DatasetStore | Reply {
  if (!isDatasetName(dataset)) return errorReply('rest', 404, `Unknown dataset "${dataset}"; datasets are: ${DATASETS.join(', ')}.`);
  return ctx.state.stores[dataset];
}

/**
 * Reads the route's parameters (common filters plus its paging), then selects the rows. Every bad
 * parameter is reported at once; the paging reader returns the first index and the page length.
 */
function openSlice(ctx: RequestContext, name: string, reader: ParamReader, paging: (r: ParamReader, store: DatasetStore, q: RowQuery, rows: () => Int32Array) => { start: number; size: number }): Slice | Reply {
  const store = openStore(ctx, name);
  if ('status' in store) return store;
  const query = readRowQuery(reader, store.spec);
  let rows: Int32Array | null = null;
  const rowsOnce = (): Int32Array => (rows ??= store.select(query));
  const { start, size } = paging(reader, store, query, rowsOnce);
  const problems = reader.finish();
  if (problems.length > 0) return problemsReply('rest', problems);
  const all = rowsOnce();
  return { store, query, rows: all, start: Math.min(start, all.length), end: Math.min(start + size, all.length) };
}

/** The rows of the slice as a JSON array, from cached strings unless schema drift is switched on. */
function itemsJson(ctx: RequestContext, s: Slice): string {
  const faults = ctx.state.faults.current;
  const parts: string[] = new Array<string>(s.end - s.start);
  for (let i = s.start; i < s.end; i += 1) {
    const pos = s.rows[i]!;
    parts[i - s.start] = hasDrift(faults) ? JSON.stringify(drift(s.store.rowAt(pos), faults)) : s.store.jsonAt(pos);
  }
  return `[${parts.join(',')}]`;
}

/** Applies the malformed-page fault to page `page` (1-based) of the route's own paging. */
function body(ctx: RequestContext, page: number, text: string): string {
  return ctx.state.faults.current.malformedPage?.page === page ? truncated(text) : text;
}

/** `GET /api/page/{dataset}?page&pageSize` → `{ data: { items, page, pageSize, totalPages, total } }`. */
export function pageRoute(ctx: RequestContext, name: string): Reply {
  return pageStyle(ctx, name, ParamReader.fromQuery(ctx.url.searchParams, CREDENTIAL_PARAMS));
}

/** `POST /api/query/{dataset}` with the same parameters in a JSON body; answers like the page style. */
export function queryRoute(ctx: RequestContext, name: string): Reply {
  const parsed = parseJsonBody(ctx.body);
  return parsed.ok ? pageStyle(ctx, name, ParamReader.fromBody(parsed.value)) : problemsReply('rest', parsed.problems);
}

function pageStyle(ctx: RequestContext, name: string, reader: ParamReader): Reply {
  let page = 1;
  let pageSize = DEFAULT_PAGE_SIZE;
  const s = openSlice(ctx, name, reader, (r) => {
    page = r.int('page', 1, MAX_INDEX, 1);
    pageSize = r.int('pageSize', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
    return { start: (page - 1) * pageSize, size: pageSize };
  });
  if ('status' in s) return s;
  const total = s.rows.length;
  const text = `{"data":{"items":${itemsJson(ctx, s)},"page":${page},"pageSize":${pageSize},"totalPages":${Math.ceil(total / pageSize)},"total":${total}}}`;
  return rawJson(200, body(ctx, page, text));
}

/** `GET /api/offset/{dataset}?offset&limit` → `{ items, offset, limit, total }`. */
export function offsetRoute(ctx: RequestContext, name: string): Reply {
  let offset = 0;
  let limit = DEFAULT_PAGE_SIZE;
  const s = openSlice(ctx, name, ParamReader.fromQuery(ctx.url.searchParams, CREDENTIAL_PARAMS), (r) => {
    offset = r.int('offset', 0, MAX_INDEX, 0);
    limit = r.int('limit', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
    return { start: offset, size: limit };
  });
  if ('status' in s) return s;
  const text = `{"items":${itemsJson(ctx, s)},"offset":${offset},"limit":${limit},"total":${s.rows.length}}`;
  return rawJson(200, body(ctx, Math.floor(offset / limit) + 1, text));
}

/** `GET /api/cursor/{dataset}?cursor&limit` → `{ records, nextCursor }`; the cursor is the last key served. */
export function cursorRoute(ctx: RequestContext, name: string): Reply {
  let limit = DEFAULT_PAGE_SIZE;
  const s = openSlice(ctx, name, ParamReader.fromQuery(ctx.url.searchParams, CREDENTIAL_PARAMS), (r, store, q, rows) => {
    limit = r.int('limit', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
    const text = r.text('cursor');
    if (text === undefined || r.problems.length > 0) return { start: 0, size: limit };
    const c = decodeCursor(text);
    if (c === null || c.dataset !== store.spec.name) {
      r.problem('cursor', 'is not a cursor this server issued for this dataset; start again without one');
    } else if (c.query !== queryKey(q)) {
      r.problem('cursor', 'belongs to a query with other from/to/entity/modifiedSince; keep the filters of the first call or start again without a cursor');
    } else {
      return { start: indexAfter(store, rows(), c), size: limit };
    }
    return { start: 0, size: limit };
  });
  if ('status' in s) return s;
  const next = s.end < s.rows.length && s.end > s.start ? JSON.stringify(cursorAfter(s.store, s.query, s.rows[s.end - 1]!)) : 'null';
  const text = `{"records":${itemsJson(ctx, s)},"nextCursor":${next}}`;
  return rawJson(200, body(ctx, Math.floor(s.start / limit) + 1, text));
}

/** `GET /api/link/{dataset}?page&per_page` → a bare array; `Link: <…>; rel="next"` while there is more, `X-Total-Count`. */
export function linkRoute(ctx: RequestContext, name: string): Reply {
  let page = 1;
  const s = openSlice(ctx, name, ParamReader.fromQuery(ctx.url.searchParams, CREDENTIAL_PARAMS), (r) => {
    page = r.int('page', 1, MAX_INDEX, 1);
    const perPage = r.int('per_page', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
    return { start: (page - 1) * perPage, size: perPage };
  });
  if ('status' in s) return s;
  const headers: Record<string, string> = { 'x-total-count': String(s.rows.length) };
  if (s.end < s.rows.length) {
    const next = new URL(`${ctx.base}${ctx.url.pathname}`);
    for (const [k, v] of ctx.url.searchParams) if (k !== 'page') next.searchParams.append(k, v);
    next.searchParams.set('page', String(page + 1));
    headers['link'] = `<${next.href}>; rel="next"`;
  }
  return rawJson(200, body(ctx, page, itemsJson(ctx, s)), headers);
}
