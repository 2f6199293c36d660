import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchSource, refreshSource, tableOf, type SnapshotStore } from '../../src/core/sources';
import { createFileSnapshotStore } from '../../src/storage';
import { context, example, startErp, tableLines, type Erp } from './erp-harness';

interface Mutation {
  changed: number;
  deleted: number;
  added: number;
  watermark: string;
}

describe('incremental sync against the demo ERP', () => {
  let erp: Erp;
  let store: SnapshotStore;

  beforeAll(async () => {
    erp = await startErp({ journalLines: 6000 });
    store = createFileSnapshotStore(mkdtempSync(join(tmpdir(), 'finpulse-sync-')));
  });
  afterAll(() => erp.close());

  it.each(['gl-page-bearer.json', 'gl-post-oauth2.json', 'gl-cursor-apikey-header.json'])(
    '%s transfers only the changed rows and ends equal to a full sync',
    async (name) => {
      await erp.admin('/admin/reset', {});
      const def = example(name, erp);
      const { ctx } = context();
      const first = await refreshSource(def, ctx, { store });
      expect(first.stats?.mode).toBe('full');
      const total = first.snapshot!.rows.length;

      const m = (await erp.admin('/admin/mutate', { dataset: 'gl', change: 0.01, delete: 10, add: 5, seed: 7 })) as Mutation;
      const second = await refreshSource(def, ctx, { store });
      expect(second.error).toBeUndefined();
      expect(second.stats?.mode).toBe('incremental');
      // What crossed the wire is what changed: the changed, added and tombstoned records, nothing else.
      expect(second.stats?.records).toBe(m.changed + m.added + m.deleted);
      expect(second.stats!.records / total).toBeLessThan(0.02 + 15 / total);
      expect(second.snapshot!.rows).toHaveLength(total - m.deleted + m.added);
      expect(second.snapshot!.watermark).toBe(m.watermark);

      const full = await fetchSource(def, ctx);
      expect(tableLines(second.table!)).toEqual(tableLines(tableOf({ rows: full.changes.rows, scale: 2 })));

      const nothing = await refreshSource(def, ctx, { store });
      expect(nothing.stats).toMatchObject({ mode: 'incremental', records: 0, pages: 1 });
    },
  );

  it('a full resync on demand ignores the watermark', async () => {
    const def = example('gl-page-bearer.json', erp);
    const { ctx } = context();
    await refreshSource(def, ctx, { store });
    const resync = await refreshSource(def, ctx, { store, full: true });
    expect(resync.stats?.mode).toBe('full');
    expect(resync.stats?.records).toBe((await erp.health()).records['gl']);
  });

  it('a changed definition or date range starts over with a full sync', async () => {
    const { ctx } = context();
    const def = example('gl-page-bearer.json', erp);
    await refreshSource(def, ctx, { store });
    const ranged = await refreshSource(def, ctx, { store, from: '2025-01-01', to: '2025-06-30' });
    expect(ranged.stats?.mode).toBe('full');
    const flipped = example('gl-page-bearer.json', erp, (d) => {
      (d['fields'] as Record<string, unknown>)['amount'] = { path: 'amount', sign: -1 };
    });
    const again = await refreshSource(flipped, ctx, { store, from: '2025-01-01', to: '2025-06-30' });
    expect(again.stats?.mode).toBe('full');
  });
});
