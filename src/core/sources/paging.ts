import { parseJsonPath, valueAt, type JsonPath } from './jsonpath';
import type { PagingConfig } from './shape';
import { nextFromLinkHeader, resolveUrl, type QueryValue } from './url';
import type { HeadersLike } from './web';

/** What to ask for next: parameters for the source's own URL, or a URL the server handed back. */
export interface PageRequest {
  params: Array<[string, QueryValue]>;
  url?: string;
}

/** A page as far as paging cares: its body, headers, URL and how many records it held. */
export interface PageResult {
  doc: unknown;
  headers: HeadersLike;
  url: string;
  records: number;
}

/**
 * One paging style. `next` reads the page just fetched; `rest` plans every remaining request at
 * once when the first page tells the total, so pages can be fetched concurrently.
 */
export interface Pager {
  first(): PageRequest;
  next(page: PageResult, request: PageRequest): PageRequest | undefined;
  rest?(first: PageResult): PageRequest[] | undefined;
  /** Total records, when the first page says (for progress). */
  totalRecords?(first: PageResult): number | undefined;
}

export const DEFAULT_PAGE_SIZE = 1000;
const ODATA_NEXT = "$['@odata.nextLink']";

const path = (text: string | undefined): JsonPath | undefined => {
  if (text === undefined) return undefined;
  const parsed = parseJsonPath(text);
  return 'path' in parsed ? parsed.path : undefined;
};

const count = (doc: unknown, at: JsonPath | undefined): number | undefined => {
  const v = at && valueAt(doc, at);
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
};

const paramOf = (req: PageRequest, name: string): number => Number(req.params.find(([k]) => k === name)?.[1] ?? 0);
const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

export function createPager(config: PagingConfig | undefined): Pager {
  switch (config?.style ?? 'none') {
    case 'page':
      return pagePager(config as Extract<PagingConfig, { style: 'page' }>);
    case 'offset':
      return offsetPager(config as Extract<PagingConfig, { style: 'offset' }>);
    case 'cursor':
      return cursorPager(config as Extract<PagingConfig, { style: 'cursor' }>);
    case 'link':
      return linkPager(config as Extract<PagingConfig, { style: 'link' }>);
    case 'nextLink':
      return nextLinkPager(config as Extract<PagingConfig, { style: 'nextLink' }>);
    default:
      return { first: () => ({ params: [] }), next: () => undefined };
  }
}

function pagePager(c: Extract<PagingConfig, { style: 'page' }>): Pager {
  const pageParam = c.pageParam ?? 'page';
  const sizeParam = c.sizeParam ?? 'pageSize';
  const size = c.size ?? DEFAULT_PAGE_SIZE;
  const first = c.firstPage ?? 1;
  const totalPages = path(c.totalPagesPath);
  const total = path(c.totalPath);
  const req = (page: number): PageRequest => ({ params: [[pageParam, page], [sizeParam, size]] });
  const pagesOf = (p: PageResult): number | undefined => {
    const stated = count(p.doc, totalPages);
    const rows = count(p.doc, total);
    // A server may cap the page size below the one asked for: the first page's length is the real one.
    return stated ?? (rows !== undefined && p.records > 0 ? Math.ceil(rows / p.records) : rows === 0 ? 1 : undefined);
  };
  return {
    first: () => req(first),
    next(page, request) {
      const n = paramOf(request, pageParam);
      const known = pagesOf(page);
      if (page.records === 0 || (known !== undefined && n - first + 1 >= known)) return undefined;
      return req(n + 1);
    },
    rest(p) {
      const known = pagesOf(p);
      return known === undefined || p.records === 0 ? undefined : range(first + 1, first + known).map(req);
    },
    totalRecords: (p) => count(p.doc, total),
  };
}

function offsetPager(c: Extract<PagingConfig, { style: 'offset' }>): Pager {
  const offsetParam = c.offsetParam ?? 'offset';
  const limitParam = c.limitParam ?? 'limit';
  const size = c.size ?? DEFAULT_PAGE_SIZE;
  const total = path(c.totalPath);
  const req = (offset: number): PageRequest => ({ params: [[offsetParam, offset], [limitParam, size]] });
  return {
    first: () => req(0),
    next(page, request) {
      const offset = paramOf(request, offsetParam) + page.records;
      const known = count(page.doc, total);
      return page.records === 0 || (known !== undefined && offset >= known) ? undefined : req(offset);
    },
    rest(p) {
      const known = count(p.doc, total);
      if (known === undefined || p.records === 0) return undefined;
      const step = p.records;
      return range(1, Math.ceil(known / step)).map((i) => req(i * step));
    },
    totalRecords: (p) => count(p.doc, total),
  };
}

function cursorPager(c: Extract<PagingConfig, { style: 'cursor' }>): Pager {
  const cursorParam = c.cursorParam ?? 'cursor';
  const sizeParam = c.sizeParam ?? 'limit';
  const size = c.size ?? DEFAULT_PAGE_SIZE;
  const nextPath = path(c.nextPath);
  return {
    first: () => ({ params: [[sizeParam, size]] }),
    next(page) {
      const cursor = nextPath && valueAt(page.doc, nextPath);
      if (page.records === 0 || cursor === undefined || cursor === null || cursor === '') return undefined;
      return { params: [[cursorParam, typeof cursor === 'string' ? cursor : JSON.stringify(cursor)], [sizeParam, size]] };
    },
  };
}

function linkPager(c: Extract<PagingConfig, { style: 'link' }>): Pager {
  const sizeParam = c.sizeParam ?? 'per_page';
  const size = c.size ?? DEFAULT_PAGE_SIZE;
  return {
    first: () => ({ params: [[sizeParam, size]] }),
    next(page) {
      const next = nextFromLinkHeader(page.headers.get('Link'));
      return page.records === 0 || !next ? undefined : { params: [], url: resolveUrl(page.url, next) };
    },
    totalRecords(p) {
      const n = Number(p.headers.get('X-Total-Count') ?? NaN);
      return Number.isInteger(n) && n >= 0 ? n : undefined;
    },
  };
}

/** `@odata.nextLink` and any API that returns the next page's URL in the body. */
export function nextLinkPager(c: { nextPath?: string; sizeParam?: string; size?: number } = {}): Pager {
  const nextPath = path(c.nextPath ?? ODATA_NEXT);
  const params: Array<[string, QueryValue]> = c.sizeParam ? [[c.sizeParam, c.size ?? DEFAULT_PAGE_SIZE]] : [];
  return {
    first: () => ({ params }),
    next(page) {
      const next = nextPath && valueAt(page.doc, nextPath);
      return page.records === 0 || typeof next !== 'string' || next === '' ? undefined : { params: [], url: resolveUrl(page.url, next) };
    },
    totalRecords: (p) => count(p.doc, path("$['@odata.count']")),
  };
}
