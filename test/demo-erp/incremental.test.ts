import { allRows, cents, startTestErp, type Json, type Row, type TestErp } from './harness';

interface Mutation {
  changed: number;
  deleted: number;
  added: number;
  watermark: string;
}

/** Every row stamped after `since` through the page style, tombstones included. */
async function changesSince(t: TestErp, dataset: string, since: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page += 1) {
    const body = await t.json<{ data: { items: Row[]; totalPages: number } }>(`/api/page/${dataset}?pageSize=700&page=${page}&modifiedSince=${encodeURIComponent(since)}`);
    rows.push(...body.data.items);
    if (page >= body.data.totalPages) return rows;
  }
}

/** A client's replica: upsert changed rows by id, drop tombstones. */
function applyChanges(replica: Map<string, Row>, changes: readonly Row[]): void {
  for (const r of changes) {
    if (r['deleted'] === true) replica.delete(r['id'] as string);
    else replica.set(r['id'] as string, r);
  }
}

const latest = (rows: readonly Row[]): string => rows.reduce((m, r) => ((r['modifiedAt'] as string) > m ? (r['modifiedAt'] as string) : m), '');

describe('demo ERP: changes, modifiedSince and tombstones', () => {
  let t: TestErp;
  beforeAll(async () => {
    t = await startTestErp({ journalLines: 30_000, seed: 11 });
  });
  afterAll(() => t.close());
  beforeEach(() => t.post('/admin/reset', {}));

  it('an incremental sync after a mutation transfers only what changed and ends equal to a full fetch', async () => {
    const full = await allRows(t, 'gl');
    const watermark = latest(full);
    expect(await changesSince(t, 'gl', watermark)).toEqual([]);

    const m = (await (await t.post('/admin/mutate', { dataset: 'gl', change: 0.01, delete: 10, add: 5, seed: 1 })).json()) as Mutation;
    expect(m.watermark > watermark).toBe(true);
    expect(m.changed).toBeGreaterThanOrEqual(300);
    expect(m.changed).toBeLessThan(340);
    expect(m.deleted).toBeGreaterThanOrEqual(10);
    expect(m.added).toBe(5);

    const changes = await changesSince(t, 'gl', watermark);
    expect(changes).toHaveLength(m.changed + m.deleted + m.added);
    const tombstones = changes.filter((r) => r['deleted'] === true);
    expect(tombstones).toHaveLength(m.deleted);
    for (const r of tombstones) expect(Object.keys(r)).toEqual(['id', 'deleted', 'modifiedAt']);
    for (const r of changes) expect(r['modifiedAt']).toBe(m.watermark);

    const replica = new Map(full.map((r) => [r['id'] as string, r]));
    applyChanges(replica, changes);
    const after = await allRows(t, 'gl');
    // Compared as text: 30,000 rows through toEqual take seconds.
    const replicated = [...replica.values()].sort((a, b) => ((a['id'] as string) < (b['id'] as string) ? -1 : 1));
    expect(JSON.stringify(replicated)).toBe(JSON.stringify(after));
    expect(after).toHaveLength(full.length - m.deleted + m.added);
    expect(await changesSince(t, 'gl', m.watermark)).toEqual([]);
  });

  it('keeps every journal entry balanced through changes, deletions and additions', async () => {
    await t.post('/admin/mutate', { dataset: 'gl', change: 0.2, delete: 101, add: 7, seed: 2 });
    const byEntry = new Map<string, bigint>();
    const rows = await allRows(t, 'gl');
    for (const r of rows) byEntry.set(r['entryId'] as string, (byEntry.get(r['entryId'] as string) ?? 0n) + cents(r['amount']));
    expect([...byEntry].filter(([, c]) => c !== 0n)).toEqual([]);
    expect(rows.filter((r) => cents(r['amount']) !== cents(r['debit']) - cents(r['credit']))).toEqual([]);
  });

  it('orders changes by (modifiedAt, id), later mutations last, and filters them by date and entity', async () => {
    const base = latest(await allRows(t, 'ar-receipts'));
    const first = (await (await t.post('/admin/mutate', { dataset: 'ar-receipts', change: 0.02, seed: 3 })).json()) as Mutation;
    const second = (await (await t.post('/admin/mutate', { dataset: 'ar-receipts', change: 0.02, delete: 3, add: 2, seed: 4 })).json()) as Mutation;
    expect(second.watermark > first.watermark).toBe(true);
    const changes = await changesSince(t, 'ar-receipts', base);
    const keys = changes.map((r) => `${String(r['modifiedAt'])}|${String(r['id'])}`);
    expect([...keys].sort()).toEqual(keys);
    const sinceFirst = await changesSince(t, 'ar-receipts', first.watermark);
    expect(sinceFirst.every((r) => r['modifiedAt'] === second.watermark)).toBe(true);
    expect(sinceFirst).toHaveLength(second.changed + second.deleted + second.added);
    const filtered = await t.json<{ data: { items: Row[] } }>(`/api/page/ar-receipts?pageSize=5000&entity=FP-SH&from=2025-01-01&modifiedSince=${encodeURIComponent(base)}`);
    const live = filtered.data.items.filter((r) => r['deleted'] !== true);
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((r) => r['entity'] === 'FP-SH' && (r['receiptDate'] as string) >= '2025-01-01')).toBe(true);
  });

  it('a cursor sync over modifiedSince pages through changes without loss', async () => {
    const base = latest(await allRows(t, 'gl'));
    const m = (await (await t.post('/admin/mutate', { dataset: 'gl', change: 0.05, delete: 20, add: 9, seed: 5 })).json()) as Mutation;
    const seen: Row[] = [];
    let cursor: string | null = null;
    do {
      const body: { records: Row[]; nextCursor: string | null } = await t.json(`/api/cursor/gl?limit=200&modifiedSince=${encodeURIComponent(base)}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.records);
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(new Set(seen.map((r) => r['id'])).size).toBe(m.changed + m.deleted + m.added);
  });

  it('changes documents keeping amount = net + VAT, and adds copies under new ids', async () => {
    const before = await allRows(t, 'ap-bills');
    const m = (await (await t.post('/admin/mutate', { dataset: 'ap-bills', change: 0.1, add: 3, seed: 6 })).json()) as Mutation;
    const changed = await changesSince(t, 'ap-bills', latest(before));
    expect(changed).toHaveLength(m.changed + m.added);
    for (const r of changed) expect(cents(r['amount'])).toBe(cents(r['netAmount']) + cents(r['vatAmount']));
    const added = changed.filter((r) => !before.some((b) => b['id'] === r['id']));
    expect(added.map((r) => r['id'])).toEqual([1, 2, 3].map((i) => `BILL-${String(before.length + i).padStart(7, '0')}`));
  });

  it('is deterministic: the same mutation on the same data gives the same result', async () => {
    const spec = { dataset: 'cash', change: 0.03, delete: 5, add: 4, seed: 9 };
    const a = (await (await t.post('/admin/mutate', spec)).json()) as Mutation;
    const rowsA = await allRows(t, 'cash');
    await t.post('/admin/reset', {});
    const b = (await (await t.post('/admin/mutate', spec)).json()) as Mutation;
    expect(b).toEqual(a);
    expect(await allRows(t, 'cash')).toEqual(rowsA);
  });

  it('reset brings back the seeded data and clock', async () => {
    const seeded = await allRows(t, 'inventory');
    const m = (await (await t.post('/admin/mutate', { dataset: 'inventory', change: 0.5, delete: 50, add: 50, seed: 7 })).json()) as Mutation;
    const reset = (await (await t.post('/admin/reset', {})).json()) as { ok: boolean; records: Record<string, number> };
    expect(reset.records['inventory']).toBe(seeded.length);
    expect(await allRows(t, 'inventory')).toEqual(seeded);
    const again = (await (await t.post('/admin/mutate', { dataset: 'inventory', change: 0.5, delete: 50, add: 50, seed: 7 })).json()) as Mutation;
    expect(again.watermark).toBe(m.watermark);
  });

  it('validates mutations, listing every problem', async () => {
    const res = await t.post('/admin/mutate', { dataset: 'customers', change: 2, delete: -1, seeds: 1 });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { problems: Array<{ path: string; message: string }> };
    expect(body.problems.map((p) => p.path).sort()).toEqual(['body.change', 'body.dataset', 'body.delete', 'body.seeds']);
    const missing = (await (await t.post('/admin/mutate', {})).json()) as Json;
    expect(String(missing['message'])).toContain('body.dataset: is required');
    expect((await t.post('/admin/mutate', '[1,')).status).toBe(400);
  });

  it('the in-process admin does the same as the admin routes', async () => {
    const before = t.erp.admin.counts()['ap-payments'];
    const m = t.erp.admin.mutate({ dataset: 'ap-payments', delete: 4, seed: 1 });
    expect(m.deleted).toBe(4);
    expect((await t.json<{ records: Record<string, number> }>('/health', {})).records['ap-payments']).toBe(before - 4);
    expect(() => t.erp.admin.mutate({ dataset: 'ap-payments', change: 5 })).toThrow('body.change');
  });
});
