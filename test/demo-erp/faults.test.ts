import { startDemoErp } from '../../src/demo-erp';
import { BEARER, startTestErp, type Json, type Row, type TestErp } from './harness';

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('demo ERP: faults', () => {
  let t: TestErp;
  beforeAll(async () => {
    t = await startTestErp({ journalLines: 1 });
  });
  afterAll(() => t.close());
  afterEach(() => fetch(`${t.url}/admin/faults`, { method: 'DELETE' }));

  const setFaults = async (faults: unknown): Promise<void> => {
    const res = await t.post('/admin/faults', faults, {});
    expect(res.status).toBe(200);
  };
  const timed = async (path: string): Promise<number> => {
    const started = performance.now();
    const res = await t.get(path);
    await res.text();
    return performance.now() - started;
  };

  it('adds latency to data routes only', async () => {
    await setFaults({ latencyMs: 250 });
    expect(await timed('/api/page/entities')).toBeGreaterThanOrEqual(245);
    expect(await timed('/odata/Entities')).toBeGreaterThanOrEqual(245);
    const admin = performance.now();
    await fetch(`${t.url}/health`);
    expect(performance.now() - admin).toBeLessThan(200);
  });

  it('answers 500 to the next N data requests, then recovers; admin routes do not use them up', async () => {
    await setFaults({ status500: { times: 2 } });
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    const first = await t.get('/api/offset/gl?limit=1');
    expect(first.status).toBe(500);
    expect(((await first.json()) as Json)['error']).toBe('internal_error');
    const second = await t.get('/odata/JournalLines?$top=1');
    expect(second.status).toBe(500);
    expect(((await second.json()) as { error: Json }).error['code']).toBe('InternalServerError');
    expect((await t.get('/api/offset/gl?limit=1')).status).toBe(200);
  });

  it('answers 429 with Retry-After before the 500s, and reports what is left', async () => {
    await setFaults({ status429: { times: 1, retryAfterSeconds: 3 }, status500: { times: 1 } });
    expect(await t.json('/admin/faults', {})).toMatchObject({ remaining: { status429: 1, status500: 1 } });
    const limited = await t.get('/api/page/gl');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await t.get('/api/page/gl')).status).toBe(500);
    expect((await t.get('/api/page/gl')).status).toBe(200);
    expect(await t.json('/admin/faults', {})).toMatchObject({ remaining: { status429: 0, status500: 0 } });
  });

  it('does not spend the error faults on requests without credentials', async () => {
    await setFaults({ status500: { times: 1 } });
    expect((await t.get('/api/page/gl', {})).status).toBe(401);
    expect((await t.get('/api/page/gl')).status).toBe(500);
  });

  it.each([
    ['page number', (p: number) => `/api/page/gl?pageSize=100&page=${p}`],
    ['offset', (p: number) => `/api/offset/gl?limit=100&offset=${(p - 1) * 100}`],
    ['link', (p: number) => `/api/link/gl?per_page=100&page=${p}`],
    ['OData', (p: number) => `/odata/JournalLines?$skiptoken=${(p - 1) * 1000}`],
  ])('truncates page 3 of the %s style, every time it is asked for, and nothing else', async (_, pageUrl) => {
    await setFaults({ malformedPage: { page: 3 } });
    for (const page of [1, 2, 4]) expect(isJson(await (await t.get(pageUrl(page))).text())).toBe(true);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const res = await t.get(pageUrl(3));
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
      expect(isJson(text)).toBe(false);
    }
  });

  it('truncates the third cursor page', async () => {
    await setFaults({ malformedPage: { page: 3 } });
    let cursor = '';
    for (let page = 1; page <= 2; page += 1) {
      const body = await t.json<{ nextCursor: string }>(`/api/cursor/gl?limit=100${cursor}`);
      cursor = `&cursor=${body.nextCursor}`;
    }
    expect(isJson(await (await t.get(`/api/cursor/gl?limit=100${cursor}`)).text())).toBe(false);
  });

  it('renames a field (schema drift) on REST and OData, keeping the field order', async () => {
    await setFaults({ renameField: { from: 'amount', to: 'amt' } });
    const rest = (await t.json<{ items: Row[] }>('/api/offset/gl?limit=2')).items[0]!;
    expect(Object.keys(rest)).toEqual(['id', 'entryId', 'postingDate', 'account', 'accountName', 'entity', 'department', 'product', 'customer', 'supplier', 'cashflow', 'debit', 'credit', 'amt', 'currency', 'modifiedAt']);
    const odata = (await t.json<{ value: Row[] }>('/odata/JournalLines?$top=1&$select=Id,Amount')).value[0]!;
    expect(Object.keys(odata)).toEqual(['Id', 'Amt']);
  });

  it('sends a field as another JSON type', async () => {
    await setFaults({ retypeField: { field: 'amount', as: 'string' } });
    const rest = (await t.json<{ items: Row[] }>('/api/offset/gl?limit=1')).items[0]!;
    expect(typeof rest['amount']).toBe('string');
    expect(typeof rest['debit']).toBe('number');
    const odata = (await t.json<{ value: Row[] }>('/odata/JournalLines?$top=1')).value[0]!;
    expect(typeof odata['Amount']).toBe('string');
    await setFaults({ retypeField: { field: 'postingDate', as: 'number' } });
    expect((await t.json<{ items: Row[] }>('/api/offset/gl?limit=1')).items[0]!['postingDate']).toBeNull();
  });

  it('holds the headers back for hangMs; a client that gives up does not stall the server', async () => {
    await setFaults({ hangMs: 5000 });
    const controller = new AbortController();
    const started = performance.now();
    const hung = fetch(`${t.url}/api/page/gl`, { headers: BEARER, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(hung).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });

  it('closes promptly even with a request hanging', async () => {
    const erp = await startDemoErp({ port: 0, journalLines: 1 });
    erp.admin.setFaults({ hangMs: 60_000 });
    const hung = fetch(`${erp.url}/api/page/gl`, { headers: BEARER }).then(
      (r) => r.status,
      () => 'aborted',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await erp.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await hung).toBe('aborted');
  });

  it('validates the faults, listing every problem, and keeps the previous ones', async () => {
    await setFaults({ latencyMs: 5 });
    const res = await t.post('/admin/faults', { latencyMs: -1, status500: { times: 0 }, renameField: { from: 'amount' }, retypeField: { field: 'amount', as: 'date' }, typo: true }, {});
    expect(res.status).toBe(400);
    const body = (await res.json()) as { problems: Array<{ path: string }> };
    expect(body.problems.map((p) => p.path).sort()).toEqual(['body.latencyMs', 'body.renameField.to', 'body.retypeField.as', 'body.status500.times', 'body.typo']);
    expect(await t.json('/admin/faults', {})).toMatchObject({ latencyMs: 5 });
  });

  it('replaces the whole set on POST and clears it on DELETE', async () => {
    await setFaults({ latencyMs: 5, status500: { times: 3 } });
    await setFaults({ hangMs: 1 });
    expect(await t.json('/admin/faults', {})).toMatchObject({ latencyMs: 0, hangMs: 1, status500: null, remaining: { status500: 0 } });
    expect((await fetch(`${t.url}/admin/faults`, { method: 'DELETE' })).status).toBe(200);
    expect(await t.json('/admin/faults', {})).toMatchObject({ hangMs: 0, tokenTtlSeconds: 3600 });
  });
});
