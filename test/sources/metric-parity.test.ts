import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { validateCatalog, type Catalog } from '../../src/core/catalog';
import { evaluateCatalog } from '../../src/core/engine';
import { ingestCsv } from '../../src/core/ingest';
import { memorySnapshotStore, refreshSources } from '../../src/core/sources';
import { context, example, startErp, type Erp } from './erp-harness';

const ROOT = join(__dirname, '../..');
const kpiCatalog = JSON.parse(readFileSync(join(ROOT, 'examples/catalog.json'), 'utf8')) as Catalog;
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/catalog.schema.json'), 'utf8')) as object;

/** The journal as a user would export it to CSV: read with plain HTTP, not through the connector. */
async function journalCsv(erp: Erp): Promise<string> {
  const lines = ['date,account,amount,entity,department,product'];
  for (let offset = 0; ; offset += 5000) {
    const res = await fetch(`${erp.url}/api/offset/gl?offset=${offset}&limit=5000`, { headers: { 'X-API-Key': 'demo-api-key' } });
    const { items } = (await res.json()) as { items: Array<Record<string, string | number | null>> };
    if (items.length === 0) return lines.join('\n');
    for (const r of items) lines.push([r['postingDate'], r['account'], r['amount'], r['entity'], r['department'], r['product']].map((v) => String(v ?? '')).join(','));
  }
}

describe('a KPI library metric bound to the ERP', () => {
  let erp: Erp;
  beforeAll(async () => {
    erp = await startErp({ journalLines: 8000 });
  });
  afterAll(() => erp.close());

  it('evaluates to the same values as the same data read from CSV', async () => {
    // The catalog carries the ERP source under the id the library's metrics read ("ledger").
    const source = { ...example('gl-page-bearer.json', erp), id: 'ledger' };
    const catalog: Catalog = { ...kpiCatalog, sources: [source] };
    const check = validateCatalog(JSON.parse(JSON.stringify(catalog)));
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(new Ajv2020({ strict: false }).validate(schema, catalog)).toBe(true);

    const { inputs: fromErp, results } = await refreshSources(catalog.sources ?? [], context().ctx, { store: memorySnapshotStore() });
    expect(results.map((r) => r.error)).toEqual([undefined]);
    const csv = ingestCsv(await journalCsv(erp));
    expect(csv.problems.filter((p) => p.severity === 'error')).toEqual([]);

    const opts = { catalog, grain: 'month' as const };
    const viaErp = evaluateCatalog({ ...opts, sources: fromErp });
    const viaCsv = evaluateCatalog({ ...opts, sources: { ledger: csv.table } });
    const pick = (ev: typeof viaErp) => ev.values.map((v) => `${v.metricId} ${v.period} ${v.exact ?? v.value ?? `#${v.error?.kind}`}`);
    expect(pick(viaErp)).toEqual(pick(viaCsv));

    const revenue = viaErp.values.filter((v) => v.metricId === 'revenue' && v.value !== null);
    expect(revenue.length).toBe(viaErp.periods.length);
    expect(revenue.some((v) => v.value! > 0)).toBe(true);
  });

  it('a catalog source that validation refuses lists every problem with its path', () => {
    const bad = { ...kpiCatalog, sources: [{ id: 'ledger', kind: 'rest', request: { url: 'ftp://x' }, records: 'items', fields: { date: 'd' } }, { id: 'ledger', kind: 'soap' }] };
    const paths = validateCatalog(bad).problems.map((p) => `${p.path} ${p.code}`);
    expect(paths).toEqual(expect.arrayContaining(['$.sources[0].fields catalog.required', '$.sources[1].kind catalog.enum', '$.sources[1].id source.duplicateId']));
  });
});
