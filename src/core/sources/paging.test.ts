import type { ResolvedLimits } from './transport';
import { readAllPages, type FetchedPage } from './pages';
import { createPager, nextLinkPager, type PageRequest } from './paging';
import { runPool } from './pool';
import type { PagingConfig } from './shape';

const limits: ResolvedLimits = { maxPages: 100, maxRows: 1000, maxBytes: 1e9, timeoutMs: 1000, concurrency: 3, retry: { retries: 0, baseMs: 1, maxMs: 1, maxRetryAfterMs: 1 } };
const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const noHeaders = { get: () => null };

/** A page as a reader returns it: the body the pager reads, and the records as mapped rows. */
function page(doc: unknown, records: number[], url = 'http://h/x', headers: FetchedPage['headers'] = noHeaders): FetchedPage {
  return { doc, headers, url, records: records.length, mapped: { rows: records.map((k) => ({ key: String(k), day: 0, measures: { amount: k }, text: {} })), deleted: [], rounded: { count: 0 } } };
}
const param = (req: PageRequest, name: string) => Number(req.params.find(([k]) => k === name)?.[1]);
const keys = (pages: Array<{ rows: Array<{ key?: string }> }>) => pages.flatMap((p) => p.rows.map((r) => Number(r.key)));

/** Serves `data` in the paging style; records every request. */
function reader(paging: PagingConfig | undefined, serve: (req: PageRequest) => FetchedPage, more: Partial<ResolvedLimits> = {}) {
  const requests: PageRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    requests,
    maxInFlight: () => maxInFlight,
    run: () =>
      readAllPages({
        sourceId: 'src',
        pager: paging?.style === 'nextLink' ? nextLinkPager(paging) : createPager(paging),
        limits: { ...limits, ...more },
        abortAll: () => undefined,
        fetch: async (req) => {
          requests.push(req);
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise<void>((resolve) => queueMicrotask(resolve));
          inFlight -= 1;
          return serve(req);
        },
      }),
  };
}

describe('paging', () => {
  const data = ids(23);
  const slice = (from: number, size: number) => data.slice(from, from + size);

  it('fetches the remaining pages concurrently once the first tells the total', async () => {
    const r = reader({ style: 'page', size: 5, totalPagesPath: '$.data.totalPages' }, (req) =>
      page({ data: { totalPages: 5 } }, slice((param(req, 'page') - 1) * 5, 5)));
    expect(keys(await r.run())).toEqual(data);
    expect(r.requests.map((q) => param(q, 'page'))).toEqual([1, 2, 3, 4, 5]);
    expect(r.maxInFlight()).toBe(3);
  });

  it('uses the page length the server really gave when it caps the size', async () => {
    const r = reader({ style: 'offset', size: 10, totalPath: '$.total' }, (req) => page({ total: 23 }, slice(param(req, 'offset'), 4)));
    expect(keys(await r.run())).toEqual(data);
    expect(r.requests.map((q) => param(q, 'offset'))).toEqual([0, 4, 8, 12, 16, 20]);
  });

  it('without a total, reads one page after another until an empty page', async () => {
    const r = reader({ style: 'page', size: 10 }, (req) => page({}, slice((param(req, 'page') - 1) * 10, 10)));
    expect(keys(await r.run())).toEqual(data);
    expect(r.requests.map((q) => param(q, 'page'))).toEqual([1, 2, 3, 4]);
    expect(r.maxInFlight()).toBe(1);
  });

  it('follows cursors until there is none', async () => {
    const r = reader({ style: 'cursor', size: 10, nextPath: '$.nextCursor' }, (req) => {
      const at = Number(req.params.find(([k]) => k === 'cursor')?.[1] ?? 0);
      return page({ nextCursor: at + 10 < data.length ? String(at + 10) : null }, slice(at, 10));
    });
    expect(keys(await r.run())).toEqual(data);
    expect(r.requests).toHaveLength(3);
  });

  it('stops with an error when a cursor repeats instead of looping forever', async () => {
    const r = reader({ style: 'cursor', nextPath: '$.next' }, () => page({ next: 'same' }, [1]));
    await expect(r.run()).rejects.toMatchObject({ code: 'source.pagingLoop', meta: { page: 2, what: 'parameters' } });
    expect(r.requests).toHaveLength(2);
  });

  it('follows Link headers and stops when there is no next relation', async () => {
    const link = (n: number) => ({ get: (h: string) => (h === 'Link' && n < 3 ? `<http://h/x?page=${n + 1}>; rel="next"` : null) });
    const r = reader({ style: 'link', size: 10 }, (req) => {
      const n = req.url ? Number(/page=(\d+)/.exec(req.url)![1]) : 1;
      return page([], slice((n - 1) * 10, 10), req.url ?? 'http://h/x', link(n));
    });
    expect(keys(await r.run())).toEqual(data);
  });

  it('stops with an error when a next link points back to a page already read', async () => {
    const r = reader({ style: 'nextLink' }, () => page({ '@odata.nextLink': 'http://h/x?$skiptoken=1' }, [1]));
    await expect(r.run()).rejects.toMatchObject({ code: 'source.pagingLoop', meta: { what: 'URL', value: 'http://h/x?$skiptoken=1' } });
  });

  it('enforces maxPages and maxRows rather than silently truncating', async () => {
    const endless = reader({ style: 'page' }, (req) => page({}, [param(req, 'page')]), { maxPages: 7 });
    await expect(endless.run()).rejects.toMatchObject({ code: 'source.maxPages', meta: { max: 7 } });
    expect(endless.requests).toHaveLength(7);
    const big = reader({ style: 'page', size: 5 }, (req) => page({}, slice((param(req, 'page') - 1) * 5, 5)), { maxRows: 12 });
    await expect(big.run()).rejects.toMatchObject({ code: 'source.maxRows', meta: { max: 12 } });
    const declared = reader({ style: 'offset', size: 5, totalPath: '$.total' }, () => page({ total: 5000 }, [1]), { maxRows: 12 });
    await expect(declared.run()).rejects.toMatchObject({ code: 'source.maxRows' });
    expect(declared.requests).toHaveLength(1);
  });

  it('a single request without paging', async () => {
    const r = reader(undefined, () => page([], [1, 2]));
    expect(keys(await r.run())).toEqual([1, 2]);
  });
});

describe('bounded pool', () => {
  it('keeps item order, stops starting work after a failure and reports the first error', async () => {
    const started: number[] = [];
    let aborted = 0;
    const work = async (n: number) => {
      started.push(n);
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      if (n === 3) throw new Error(`item ${n}`);
      return n * 10;
    };
    await expect(runPool([1, 2], 4, work)).resolves.toEqual([10, 20]);
    started.length = 0;
    await expect(runPool(ids(20), 2, work, () => (aborted += 1))).rejects.toThrow('item 3');
    expect(aborted).toBe(1);
    expect(started.length).toBeLessThan(6);
  });
});
