import { allRows, API_KEY, BEARER, expectSameIds, startTestErp, type Json, type Row, type TestErp } from './harness';

describe('demo ERP: REST pagination styles', () => {
  let t: TestErp;
  let gl: Row[];
  beforeAll(async () => {
    t = await startTestErp({ journalLines: 25_000, seed: 7 });
    gl = await allRows(t, 'gl');
  });
  afterAll(() => t.close());

  it('serves the journal in id order, every line once, as many lines as asked for', () => {
    expect(gl).toHaveLength(25_000);
    const ids = gl.map((r) => r['id'] as string);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toBe('JL-0000001');
    expect(ids.at(-1)).toBe('JL-0025000');
  });

  it('page number: pages through the whole journal with no gap or duplicate, then an empty page', async () => {
    const served: Row[] = [];
    let totalPages = Infinity;
    for (let page = 1; page <= totalPages; page += 1) {
      const body = await t.json<{ data: { items: Row[]; page: number; pageSize: number; totalPages: number; total: number } }>(`/api/page/gl?page=${page}&pageSize=1000`);
      expect(body.data).toMatchObject({ page, pageSize: 1000, total: gl.length });
      totalPages = body.data.totalPages;
      served.push(...body.data.items);
    }
    expect(totalPages).toBe(25);
    expectSameIds(served, gl);
    const past = await t.json<{ data: { items: Row[] } }>(`/api/page/gl?page=26&pageSize=1000`);
    expect(past.data.items).toEqual([]);
  });

  it('offset/limit: odd page sizes cover everything exactly once', async () => {
    const served: Row[] = [];
    for (let offset = 0; offset < gl.length; offset += 777) {
      const body = await t.json<{ items: Row[]; offset: number; limit: number; total: number }>(`/api/offset/gl?offset=${offset}&limit=777`);
      expect(body).toMatchObject({ offset, limit: 777, total: gl.length });
      served.push(...body.items);
    }
    expectSameIds(served, gl);
    expect((await t.json<{ items: Row[] }>(`/api/offset/gl?offset=${gl.length}&limit=10`)).items).toEqual([]);
  });

  it('cursor: follows nextCursor to the end, which is null, never repeating a row', async () => {
    const served: Row[] = [];
    let cursor: string | null = null;
    let calls = 0;
    do {
      const body: { records: Row[]; nextCursor: string | null } = await t.json(`/api/cursor/gl?limit=1500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, API_KEY);
      served.push(...body.records);
      cursor = body.nextCursor;
      calls += 1;
    } while (cursor !== null && calls < 100);
    expect(calls).toBe(Math.ceil(gl.length / 1500));
    expectSameIds(served, gl);
  });

  it('cursor: keeps its place by key, so a deletion between pages skips nothing', async () => {
    const first = await t.json<{ records: Row[]; nextCursor: string }>('/api/cursor/ar-invoices?limit=100');
    const mutation = await t.post('/admin/mutate', { dataset: 'ar-invoices', delete: 40, seed: 5 });
    expect(mutation.status).toBe(200);
    const rest: Row[] = [];
    let cursor: string | null = first.nextCursor;
    while (cursor !== null) {
      const body: { records: Row[]; nextCursor: string | null } = await t.json(`/api/cursor/ar-invoices?limit=1000&cursor=${encodeURIComponent(cursor)}`);
      rest.push(...body.records);
      cursor = body.nextCursor;
    }
    const live = await allRows(t, 'ar-invoices');
    const lastFirst = first.records.at(-1)!['id'] as string;
    expectSameIds(rest, live.filter((r) => (r['id'] as string) > lastFirst));
    await t.post('/admin/reset', {});
  });

  it('Link header: follows rel="next" absolute links; X-Total-Count; no next on the last page', async () => {
    const served: Row[] = [];
    let next: string | null = `${t.url}/api/link/gl?per_page=4000&api_key=demo-api-key`;
    let pages = 0;
    while (next !== null) {
      const res: Response = await fetch(next);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-total-count')).toBe(String(gl.length));
      served.push(...((await res.json()) as Row[]));
      const link: string | null = res.headers.get('link');
      next = link === null ? null : /^<([^>]+)>; rel="next"$/.exec(link)![1]!;
      if (next !== null) expect(next).toMatch(new RegExp(`^${t.url}/api/link/gl\\?`));
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(gl.length / 4000));
    expectSameIds(served, gl);
  });

  it('POST /api/query: the page parameters in a JSON body, answered like the page style', async () => {
    const res = await t.post('/api/query/gl', { from: '2025-03-01', to: '2025-03-31', entity: 'FP-SZ', page: 2, pageSize: 50 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { items: Row[]; page: number; total: number; totalPages: number } };
    const expected = gl.filter((r) => r['entity'] === 'FP-SZ' && (r['postingDate'] as string) >= '2025-03-01' && (r['postingDate'] as string) <= '2025-03-31');
    expect(body.data.total).toBe(expected.length);
    expect(body.data.totalPages).toBe(Math.ceil(expected.length / 50));
    expectSameIds(body.data.items, expected.slice(50, 100));
  });

  it('from, to and entity filter every style alike', async () => {
    const q = 'from=2024-12-15&to=2025-01-10&entity=FP-CD';
    const expected = gl.filter((r) => r['entity'] === 'FP-CD' && (r['postingDate'] as string) >= '2024-12-15' && (r['postingDate'] as string) <= '2025-01-10');
    expect(expected.length).toBeGreaterThan(50);
    expectSameIds((await t.json<{ data: { items: Row[] } }>(`/api/page/gl?${q}&pageSize=5000`)).data.items, expected);
    expectSameIds((await t.json<{ items: Row[] }>(`/api/offset/gl?${q}&limit=5000`)).items, expected);
    expectSameIds((await t.json<{ records: Row[] }>(`/api/cursor/gl?${q}&limit=5000`)).records, expected);
    expectSameIds(await t.json<Row[]>(`/api/link/gl?${q}&per_page=5000`), expected);
  });

  it('budget months filter by their first day', async () => {
    const rows = (await t.json<{ items: Row[] }>('/api/offset/budget?from=2025-02-01&to=2025-03-31&limit=5000')).items;
    expect(new Set(rows.map((r) => r['period']))).toEqual(new Set(['2025-02', '2025-03']));
  });

  it('reports every bad parameter at once, each with its location, as a 400', async () => {
    const res = await t.get('/api/page/gl?page=0&pageSize=9000&from=2025-02-30&entity=FP-XX&pagesize=10');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string; problems: Array<{ path: string; message: string }> };
    expect(body.error).toBe('bad_request');
    expect(body.problems.map((p) => p.path).sort()).toEqual(['query.entity', 'query.from', 'query.page', 'query.pageSize', 'query.pagesize']);
    expect(body.problems.find((p) => p.path === 'query.pageSize')!.message).toContain('from 1 to 5000');
    expect(body.problems.find((p) => p.path === 'query.entity')!.message).toContain('FP-SH');
    expect(body.message).toContain('query.pagesize');
  });

  it('rejects filters a dataset cannot apply, a reversed range and foreign cursors', async () => {
    const bad = async (path: string): Promise<string[]> => {
      const res = await t.get(path);
      expect(res.status).toBe(400);
      return ((await res.json()) as { problems: Array<{ path: string }> }).problems.map((p) => p.path);
    };
    expect(await bad('/api/page/customers?from=2025-01-01')).toEqual(['query.from']);
    expect(await bad('/api/page/accounts?entity=FP-SH')).toEqual(['query.entity']);
    expect(await bad('/api/page/gl?from=2025-02-01&to=2025-01-01')).toEqual(['query.to']);
    expect(await bad('/api/page/gl?modifiedSince=yesterday')).toEqual(['query.modifiedSince']);
    expect(await bad('/api/cursor/gl?cursor=not-a-cursor')).toEqual(['query.cursor']);
    const other = await t.json<{ nextCursor: string }>('/api/cursor/cash?limit=10');
    expect(await bad(`/api/cursor/gl?cursor=${other.nextCursor}`)).toEqual(['query.cursor']);
    const filtered = await t.json<{ nextCursor: string }>('/api/cursor/gl?limit=10&entity=FP-SH');
    expect(await bad(`/api/cursor/gl?cursor=${filtered.nextCursor}&entity=FP-SZ`)).toEqual(['query.cursor']);
    const post = await t.post('/api/query/gl', '{"page": ');
    expect(post.status).toBe(400);
    expect(((await post.json()) as Json)['message']).toContain('body');
  });

  it('answers JSON 404 for unknown datasets and routes, 405 with Allow, and HEAD with the GET length', async () => {
    const unknown = await t.get('/api/page/ledger');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Json)['message']).toContain('ar-invoices');
    const noRoute = await t.get('/api/nope');
    expect(noRoute.status).toBe(404);
    expect(noRoute.headers.get('content-type')).toContain('application/json');
    const wrongMethod = await fetch(`${t.url}/api/page/gl`, { method: 'PUT', headers: BEARER });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const get = await t.get('/api/page/gl?pageSize=3');
    const head = await fetch(`${t.url}/api/page/gl?pageSize=3`, { method: 'HEAD', headers: BEARER });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(await get.text())));
    expect(await head.text()).toBe('');
  });

  it('sets Content-Length on every JSON response and counts the bytes per route', async () => {
    await t.post('/admin/stats/reset', {});
    const a = await t.get('/api/page/gl?pageSize=10');
    const b = await t.get('/api/offset/gl?limit=10');
    const c = await t.get('/api/page/gl?page=0');
    const bytes = [a, b, c].map((r) => Number(r.headers.get('content-length')));
    for (const [i, r] of [a, b, c].entries()) expect(Buffer.byteLength(await r.text())).toBe(bytes[i]);
    const stats = await t.json<{ requests: number; bytesSent: number; byRoute: Record<string, { requests: number; bytesSent: number }> }>('/admin/stats');
    expect(stats.requests).toBe(3);
    expect(stats.bytesSent).toBe(bytes[0]! + bytes[1]! + bytes[2]!);
    expect(stats.byRoute['GET /api/page']).toEqual({ requests: 2, bytesSent: bytes[0]! + bytes[2]! });
    expect(stats.byRoute['GET /api/offset']).toEqual({ requests: 1, bytesSent: bytes[1]! });
  });
});
