import { fetchSource, memorySnapshotStore, refreshSource, sourceInputOf, staleMessage, tableOf, type SnapshotStore, type SourceDefinition } from '../../src/core/sources';
import { context, example, failure, startErp, tableLines, type Erp } from './erp-harness';

/** The page-number source with fast retries, so fault tests take milliseconds, not seconds. */
const quick = (erp: Erp, limits: Record<string, number> = {}): SourceDefinition =>
  example('gl-page-bearer.json', erp, (d) => {
    d['limits'] = { retries: 3, retryBaseMs: 20, retryMaxMs: 100, timeoutMs: 5000, concurrency: 4, ...limits };
    (d['paging'] as Record<string, unknown>)['size'] = 500;
  });

describe('failure behaviour against the demo ERP', () => {
  let erp: Erp;
  let store: SnapshotStore;
  let def: SourceDefinition;

  beforeAll(async () => {
    erp = await startErp({ journalLines: 4000 });
  });
  afterAll(() => erp.close());
  beforeEach(async () => {
    await erp.admin('/admin/faults', undefined, 'DELETE');
    await erp.admin('/admin/reset', {});
    store = memorySnapshotStore();
    def = quick(erp);
  });

  /** A good refresh first, so there is a last good snapshot to keep. */
  async function goodSnapshot() {
    const first = await refreshSource(def, context().ctx, { store });
    expect(first.error).toBeUndefined();
    return first.snapshot!;
  }

  it('retries 500s and then succeeds', async () => {
    await erp.faults({ status500: { times: 2 } });
    const { ctx, events } = context();
    const got = await fetchSource(def, ctx);
    expect(got.stats.retries).toBe(2);
    expect(got.changes.rows).toHaveLength((await erp.health()).records['gl']!);
    expect(events.filter((e) => e.type === 'retry').map((e) => e.type === 'retry' && e.reason)).toEqual(['HTTP 500', 'HTTP 500']);
  });

  it('waits as long as a 429 Retry-After says', async () => {
    await erp.faults({ status429: { times: 1, retryAfterSeconds: 1 } });
    const { ctx, events } = context();
    const started = Date.now();
    await fetchSource(def, ctx);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(events.find((e) => e.type === 'retry')).toMatchObject({ delayMs: 1000, reason: 'HTTP 429' });
  });

  it('gives up after the retries with a clear error and keeps the last good snapshot', async () => {
    const good = await goodSnapshot();
    await erp.faults({ status500: { times: 50 } });
    const r = await refreshSource(def, context().ctx, { store });
    expect(r.error).toMatchObject({ code: 'source.retriesExhausted', meta: { attempts: 4, reason: 'HTTP 500' } });
    expect(r.stale?.since).toBe(good.fetchedAt);
    expect(tableLines(r.table!)).toEqual(tableLines(tableOf(good)));
  });

  it('a malformed page fails the refresh, names the page, and applies nothing', async () => {
    const good = await goodSnapshot();
    await erp.admin('/admin/mutate', { dataset: 'gl', change: 0.05, seed: 3 });
    await erp.faults({ malformedPage: { page: 3 } });
    const r = await refreshSource(def, context().ctx, { store, full: true });
    expect(r.error).toMatchObject({ code: 'source.badJson', meta: { page: 3 } });
    expect(r.error!.messageIn('en-US')).toMatch(/page 3 \(http:\/\/127\.0\.0\.1:\d+\/api\/page\/gl\?.*page=3.*\) is not valid JSON/);
    // The stored snapshot and the data in use are the last good ones, whole: pages 1, 2 and 4+ were not applied.
    expect(await store.get(def.id)).toEqual(good);
    expect(tableLines(r.table!)).toEqual(tableLines(tableOf(good)));
    expect(r.stale).toEqual({ since: good.fetchedAt, error: r.error });
    expect(staleMessage(r.stale!)['en-US']).toBe(`Stale since ${good.fetchedAt}: the last refresh failed (${r.error!.messageIn('en-US')})`);
    expect(sourceInputOf(r)).toBe(r.table);
  });

  it('a renamed field is schema drift, located at the field, page and record', async () => {
    await goodSnapshot();
    await erp.faults({ renameField: { from: 'amount', to: 'amt' } });
    const r = await refreshSource(def, context().ctx, { store, full: true });
    expect(r.error).toMatchObject({ code: 'source.driftMissing', meta: { field: 'amount', role: 'amount', page: 1, index: 0, location: '$.data.items[0].amount' } });
    expect(String(r.error!.meta['present'])).toContain('amt');
    expect(r.stale).toBeDefined();
  });

  it('a field sent as another type is schema drift too', async () => {
    await erp.faults({ retypeField: { field: 'amount', as: 'string' } });
    const err = await failure(fetchSource(def, context().ctx));
    expect(err).toMatchObject({ code: 'source.driftType', meta: { field: 'amount', found: 'text', page: 1, index: 0 } });
  });

  it('a server that hangs times out', async () => {
    await erp.faults({ hangMs: 10_000 });
    const hanging = quick(erp, { timeoutMs: 300, retries: 1 });
    const started = Date.now();
    const r = await refreshSource(hanging, context().ctx, { store });
    expect(r.error).toMatchObject({ code: 'source.timeout', meta: { ms: 300 } });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.table).toBeUndefined();
    expect(sourceInputOf(r)).toEqual({ failed: r.error!.messageIn('en-US') });
  });

  it('cancelling mid-way stops every request and changes nothing', async () => {
    const good = await goodSnapshot();
    await erp.faults({ latencyMs: 150 });
    const controller = new AbortController();
    let pages = 0;
    const { ctx } = context({ onEvent: (e) => e.type === 'page' && (pages += 1) === 1 && controller.abort() });
    const started = Date.now();
    const r = await refreshSource(def, ctx, { store, full: true, signal: controller.signal });
    expect(r.error).toMatchObject({ code: 'source.cancelled' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(pages).toBe(1);
    expect(await store.get(def.id)).toEqual(good);
    expect(r.stale?.since).toBe(good.fetchedAt);
  });
});
