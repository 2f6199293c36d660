import { fetchSource, tableOf } from '../../src/core/sources';
import { context, example, startErp, sumsByAccountDepartmentMonth, type Erp } from './erp-harness';

describe('OData v4 against the demo ERP', () => {
  let erp: Erp;
  beforeAll(async () => {
    erp = await startErp({ journalLines: 20000 });
  });
  afterAll(() => erp.close());

  const bytesOf = async (run: () => Promise<unknown>): Promise<number> => {
    await erp.admin('/admin/stats/reset', {});
    await run();
    return (await erp.stats()).bytesSent;
  };

  it('pushes aggregation down ($apply) and gets the same sums per account, department and month as the rows', async () => {
    const def = example('gl-odata-pushdown.json', erp);
    const { ctx } = context();
    let pushed!: Awaited<ReturnType<typeof fetchSource>>;
    let rows!: Awaited<ReturnType<typeof fetchSource>>;
    const pushedBytes = await bytesOf(async () => (pushed = await fetchSource(def, ctx)));
    const rowBytes = await bytesOf(async () => (rows = await fetchSource(def, ctx, { pushdown: false })));

    expect(pushed.stats.mode).toBe('pushdown');
    expect(rows.stats.mode).toBe('full');
    const viaServer = sumsByAccountDepartmentMonth(tableOf({ rows: pushed.changes.rows, scale: 2 }));
    const viaClient = sumsByAccountDepartmentMonth(tableOf({ rows: rows.changes.rows, scale: 2 }));
    expect(viaServer.size).toBeGreaterThan(100);
    expect([...viaServer]).toEqual([...viaClient]);
    // Groups, not journal lines, crossed the wire.
    expect(pushed.changes.rows.length).toBeLessThan(rows.changes.rows.length / 2);
    expect(pushedBytes).toBeLessThan(rowBytes / 2);
  });

  it('the same sums hold within a date range filtered on the server', async () => {
    const def = example('gl-odata-pushdown.json', erp);
    const { ctx } = context();
    const opts = { from: '2025-04-01', to: '2025-09-30' };
    const pushed = await fetchSource(def, ctx, opts);
    const rows = await fetchSource(def, ctx, { ...opts, pushdown: false });
    const months = [...sumsByAccountDepartmentMonth(tableOf({ rows: pushed.changes.rows, scale: 2 })).keys()].map((k) => k.split('|')[2]);
    expect(new Set(months)).toEqual(new Set(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']));
    expect([...sumsByAccountDepartmentMonth(tableOf({ rows: pushed.changes.rows, scale: 2 }))]).toEqual([
      ...sumsByAccountDepartmentMonth(tableOf({ rows: rows.changes.rows, scale: 2 })),
    ]);
  });

  it('names an entity set or property the service does not have, from $metadata, before reading data', async () => {
    const { ctx } = context();
    const noSet = example('gl-odata-pushdown.json', erp, (d) => (d['entitySet'] = 'JournalLine'));
    await expect(fetchSource(noSet, ctx)).rejects.toMatchObject({ code: 'source.unknownEntitySet', meta: { entitySet: 'JournalLine' } });
    const noProp = example('gl-odata-pushdown.json', erp, (d) => ((d['fields'] as Record<string, unknown>)['account'] = 'AccountCode'));
    await expect(fetchSource(noProp, ctx)).rejects.toMatchObject({ code: 'source.unknownProperty', meta: { property: 'AccountCode', where: 'fields.account' } });
  });
});
