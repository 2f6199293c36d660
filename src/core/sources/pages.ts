import { AppError } from '../errors';
import type { ResolvedLimits } from './transport';
import type { MappedPage } from './mapping';
import type { Pager, PageRequest, PageResult } from './paging';
import { runPool } from './pool';

export type FetchedPage = PageResult & { mapped: MappedPage };

export interface PageReader {
  sourceId: string;
  pager: Pager;
  limits: ResolvedLimits;
  /** Fetches, parses and maps one page; `index` is 1-based. */
  fetch(request: PageRequest, index: number): Promise<FetchedPage>;
  /** Aborts requests still in flight after a page failed. */
  abortAll(): void;
  onPage?(index: number, page: FetchedPage, totalRecords: number | undefined): void;
}

/**
 * Reads every page, in order. When the first page tells the total, the rest are fetched with
 * bounded concurrency; otherwise one after another until the source says there is no more.
 * Hard stops: maxPages, maxRows, and a next request that repeats one already made (a paging loop).
 */
export async function readAllPages(r: PageReader): Promise<MappedPage[]> {
  const firstRequest = r.pager.first();
  const first = await r.fetch(firstRequest, 1);
  const total = r.pager.totalRecords?.(first);
  if (total !== undefined && total > r.limits.maxRows) throw new AppError('source.maxRows', { source: r.sourceId, max: r.limits.maxRows });
  // Only the mapped rows are kept: a page's parsed body is dropped once paging has read it.
  const pages = [first.mapped];
  let records = countRows(r, 0, first);
  r.onPage?.(1, first, total);
  const planned = r.pager.rest?.(first);
  if (planned) {
    if (planned.length + 1 > r.limits.maxPages) throw new AppError('source.maxPages', { source: r.sourceId, max: r.limits.maxPages });
    const rest = await runPool(planned, r.limits.concurrency, async (req, i) => {
      const page = await r.fetch(req, i + 2);
      records = countRows(r, records, page);
      r.onPage?.(i + 2, page, total);
      return page.mapped;
    }, () => r.abortAll());
    return [...pages, ...rest];
  }
  const seen = new Set([identity(firstRequest)]);
  let request = firstRequest;
  let page = first;
  for (;;) {
    const next = r.pager.next(page, request);
    if (!next) return pages;
    if (pages.length >= r.limits.maxPages) throw new AppError('source.maxPages', { source: r.sourceId, max: r.limits.maxPages });
    const id = identity(next);
    if (seen.has(id)) {
      const [what, value] = next.url ? ['URL', next.url] : ['parameters', next.params.map(([k, v]) => `${k}=${v}`).join('&')];
      throw new AppError('source.pagingLoop', { source: r.sourceId, page: pages.length, what, value });
    }
    seen.add(id);
    request = next;
    page = await r.fetch(next, pages.length + 1);
    pages.push(page.mapped);
    records = countRows(r, records, page);
    r.onPage?.(pages.length, page, total);
  }
}

const identity = (req: PageRequest): string => `${req.url ?? ''}|${JSON.stringify(req.params)}`;

function countRows(r: PageReader, before: number, page: FetchedPage): number {
  const after = before + page.records;
  if (after > r.limits.maxRows) throw new AppError('source.maxRows', { source: r.sourceId, max: r.limits.maxRows });
  return after;
}
