import { startDemoErp, type DemoErp } from '../../src/demo-erp';
import { demoBudgetSource } from '../../src/ui/session';
import { openPane, type Pane } from './pane-harness';

describe('Sources view calls: test connection and preview against the demo ERP', () => {
  let erp: DemoErp;
  let pane: Pane;

  beforeAll(async () => {
    erp = await startDemoErp({ journalLines: 21600 });
    pane = openPane({ erp });
    await pane.session.ready;
  });
  afterAll(async () => {
    await pane.close();
    await erp.close();
  });
  afterEach(() => erp.admin.clearFaults());

  const probe = (def: unknown = demoBudgetSource(erp.url)) => pane.session.actions.probeSource(def);

  it('says which secret is missing before any credential is stored', async () => {
    const result = await probe();
    expect(result).toMatchObject({ ok: false, records: 0 });
    expect(result!.message['en-US']).toContain('secret "DEMO_ERP_API_KEY" is not set');
  });

  it('fetches only the first page and shows its first 20 mapped rows', async () => {
    await pane.session.actions.saveSecret('DEMO_ERP_API_KEY', 'demo-api-key');
    erp.admin.resetStats();
    const result = await probe();
    expect(result).toMatchObject({ ok: true });
    expect(result!.records).toBeGreaterThan(20);
    expect(result!.rows).toHaveLength(20);
    expect(result!.rows[0]).toMatchObject({ date: expect.stringMatching(/^\d{4}-\d{2}-01$/) as unknown, text: { account: expect.any(String) as unknown } });
    expect(result!.message['en-US']).toBe(`budget: connected; the first page has ${result!.records} records`);
    expect(erp.admin.stats().requests).toBe(1);
  });

  it('reports a refused key as 401 with the secret to check', async () => {
    await pane.session.actions.saveSecret('DEMO_ERP_API_KEY', 'wrong-key');
    const result = await probe();
    expect(result!.ok).toBe(false);
    expect(result!.message['en-US']).toMatch(/refused the credentials \(HTTP 401\).*Check secret "DEMO_ERP_API_KEY"/);
    await pane.session.actions.saveSecret('DEMO_ERP_API_KEY', 'demo-api-key');
  });

  it('reports malformed JSON with the page and URL', async () => {
    erp.admin.setFaults({ malformedPage: { page: 1 } });
    const result = await probe();
    expect(result!.message['en-US']).toMatch(/page 1 \(http:\/\/127\.0\.0\.1:\d+\/api\/page\/budget.*\) is not valid JSON/);
  });

  it('reports a timeout naming the limit', async () => {
    erp.admin.setFaults({ hangMs: 3000 });
    const def = { ...demoBudgetSource(erp.url), limits: { timeoutMs: 300 } };
    const result = await probe(def);
    expect(result!.message['en-US']).toMatch(/no complete answer from .* within 300 ms \(limits.timeoutMs\)/);
  });

  it('reports an unreachable ERP as a CORS or network problem, with what to do', async () => {
    const def = { ...demoBudgetSource('http://127.0.0.1:9'), limits: { timeoutMs: 2000 } };
    const result = await probe(def);
    expect(result!.message['en-US']).toMatch(/^budget: the browser could not read http:\/\/127\.0\.0\.1:9\/api\/page\/budget .*must answer CORS/);
    expect(result!.message['zh-CN']).toContain('CORS');
  });

  it('lists every problem of an invalid definition without fetching', async () => {
    const result = await probe({ ...demoBudgetSource(erp.url), records: '$[', id: 'Bad Id' });
    expect(result!.ok).toBe(false);
    expect(result!.message['en-US']).toMatch(/^\$\.id: /);
    const problems = await pane.session.actions.saveSource({ ...demoBudgetSource(erp.url), scale: 9, id: 'Bad Id' });
    expect(problems.map((p) => p.path).sort()).toEqual(['$.id', '$.scale']);
    expect(pane.session.getState().sources).toEqual([]);
  });
});
