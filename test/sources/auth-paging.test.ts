import { memorySecretStore } from '../../src/core/secrets';
import { fetchSource, TokenCache, type FetchResult } from '../../src/core/sources';
import { context, DEMO_SECRETS, example, failure, startErp, type Erp } from './erp-harness';

const REST_EXAMPLES = ['gl-page-bearer.json', 'gl-offset-basic.json', 'gl-cursor-apikey-header.json', 'gl-link-apikey-query.json', 'gl-post-oauth2.json'];

/** Each journal line as "key amount", sorted: two fetches of the same data give the same list. */
const lines = (r: FetchResult): string[] => r.changes.rows.map((row) => `${row.key} ${row.day} ${row.measures['amount']} ${row.text['account']} ${row.text['department']}`).sort();

describe('every auth and paging style against the demo ERP', () => {
  let erp: Erp;
  let glCount: number;
  let reference: FetchResult;

  beforeAll(async () => {
    erp = await startErp({ journalLines: 6000 });
    glCount = (await erp.health()).records['gl']!;
    reference = await fetchSource(example('gl-page-bearer.json', erp), context().ctx);
  });
  afterAll(() => erp.close());

  it('the page-number source reads every journal line once', () => {
    expect(reference.changes.rows).toHaveLength(glCount);
    expect(new Set(reference.changes.rows.map((r) => r.key)).size).toBe(glCount);
    expect(reference.stats).toMatchObject({ mode: 'full', pages: Math.ceil(glCount / 1000), retries: 0 });
  });

  it.each(REST_EXAMPLES.slice(1))('%s reads exactly the same observations', async (name) => {
    const { ctx, events } = context();
    const got = await fetchSource(example(name, erp), ctx);
    expect(lines(got)).toEqual(lines(reference));
    const pages = events.filter((e) => e.type === 'page');
    expect(pages.length).toBe(got.stats.pages);
    expect(got.stats.pages).toBeGreaterThanOrEqual(Math.ceil(glCount / 1000));
  });

  it('OData without pushdown reads the same rows through @odata.nextLink', async () => {
    const def = example('gl-odata-pushdown.json', erp, (d) => {
      (d['fields'] as Record<string, unknown>)['key'] = 'Id';
    });
    const got = await fetchSource(def, context().ctx, { pushdown: false });
    expect(got.stats.mode).toBe('full');
    expect(lines(got)).toEqual(lines(reference));
  });

  it('fetches a date range through {from} and {to}', async () => {
    const q1 = await fetchSource(example('gl-offset-basic.json', erp), context().ctx, { from: '2025-01-01', to: '2025-03-31' });
    const expected = reference.changes.rows.filter((r) => r.day >= Date.UTC(2025, 0, 1) / 864e5 && r.day <= Date.UTC(2025, 2, 31) / 864e5);
    expect(q1.changes.rows.length).toBe(expected.length);
    expect(q1.changes.rows.length).toBeGreaterThan(0);
  });

  it('a wrong secret is refused with a message naming the secret, never its value', async () => {
    const secrets = memorySecretStore({ ...DEMO_SECRETS, ERP_API_KEY: 'wrong-key-4711' });
    const err = await failure(fetchSource(example('gl-link-apikey-query.json', erp), context({ secrets }).ctx));
    expect(err).toMatchObject({ code: 'source.unauthorized', meta: { status: 401, secret: 'ERP_API_KEY' } });
    expect(JSON.stringify(err)).not.toContain('wrong-key-4711');
    expect(err.message).not.toContain('wrong-key-4711');
    expect(err.message).toContain('api_key=***');
  });

  it('a missing secret says which one and where to set it, before any request', async () => {
    const before = (await erp.stats()).requests;
    const err = await failure(fetchSource(example('gl-page-bearer.json', erp), context({ secrets: memorySecretStore({}) }).ctx));
    expect(err).toMatchObject({ code: 'source.secretMissing', meta: { name: 'ERP_TOKEN', env: 'FINPULSE_SECRET_ERP_TOKEN' } });
    expect((await erp.stats()).requests).toBe(before);
  });

  describe('OAuth2 client credentials', () => {
    it('asks for one token for all pages, and reuses it on the next refresh', async () => {
      const tokens = new TokenCache();
      const before = (await erp.stats()).tokensIssued;
      await fetchSource(example('gl-post-oauth2.json', erp), context({ tokens }).ctx);
      await fetchSource(example('gl-post-oauth2.json', erp), context({ tokens }).ctx);
      expect((await erp.stats()).tokensIssued - before).toBe(1);
    });

    it('renews the token before it expires', async () => {
      await erp.faults({ tokenTtlSeconds: 4 });
      try {
        const tokens = new TokenCache();
        let skew = 0;
        const clock = { now: () => Date.now() + skew, sleep: context().ctx.clock.sleep };
        const def = example('gl-post-oauth2.json', erp);
        const before = (await erp.stats()).tokensIssued;
        await fetchSource(def, context({ tokens, clock }).ctx, { from: '2026-01-01', to: '2026-01-31' });
        skew = 2_500; // past half of the 4 s lifetime, still before the server's expiry
        await fetchSource(def, context({ tokens, clock }).ctx, { from: '2026-01-01', to: '2026-01-31' });
        expect((await erp.stats()).tokensIssued - before).toBe(2);
      } finally {
        await erp.admin('/admin/faults', undefined, 'DELETE');
      }
    });

    it('gets a new token when the server refuses an expired one', async () => {
      await erp.faults({ tokenTtlSeconds: 1 });
      try {
        const tokens = new TokenCache();
        const def = example('gl-post-oauth2.json', erp, (d) => {
          (d['auth'] as Record<string, unknown>)['refreshBeforeSeconds'] = 0;
        });
        const before = (await erp.stats()).tokensIssued;
        await fetchSource(def, context({ tokens }).ctx, { from: '2026-01-01', to: '2026-01-31' });
        await new Promise((r) => setTimeout(r, 1_200));
        // A clock that says the token is still fresh: only the server's 401 can make the client renew it.
        const frozen = { now: () => 0, sleep: context().ctx.clock.sleep };
        const got = await fetchSource(def, context({ tokens, clock: frozen }).ctx, { from: '2026-01-01', to: '2026-01-31' });
        expect(got.changes.rows.length).toBeGreaterThan(0);
        expect((await erp.stats()).tokensIssued - before).toBe(2);
      } finally {
        await erp.admin('/admin/faults', undefined, 'DELETE');
      }
    });
  });
});
