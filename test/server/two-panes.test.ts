import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { AppError } from '../../src/core/errors';
import type { CatalogRepository, ChangeView } from '../../src/server';
import { createCatalogClient, createDexieOfflineCopy, type CatalogClient, type OfflineCopy } from '../../src/server/client';
import { describeEachBackend } from './backends';
import { call, metric, startService, type Service } from './harness';

/** Resolves when `check` passes, polling briefly; the feed crosses instances by polling the database. */
async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let copies = 0;
const offlineCopy = (): OfflineCopy => createDexieOfflineCopy({ name: `finpulse-offline-test-${(copies += 1)}`, indexedDB, IDBKeyRange });

describeEachBackend('two panes share one catalog through two service instances', (backend) => {
  const repos: CatalogRepository[] = [];
  let first: Service;
  let second: Service;
  let analyst: CatalogClient;
  let owner: CatalogClient;
  let analystCopy: OfflineCopy;
  const statuses: number[] = [];

  beforeAll(async () => {
    const url = await backend().freshUrl();
    repos.push(await backend().open(url), await backend().open(url));
    first = await startService(repos[0]!);
    second = await startService(repos[1]!);
    const anaToken = await first.user('ana', 'analyst', ['sales']);
    const olgaToken = await first.user('olga', 'owner', ['sales']);
    await call(first, first.adminToken, 'POST', '/catalogs', { body: { id: 'group', currency: 'CNY' } });
    analystCopy = offlineCopy();
    // The real fetch, noting each answer's status so the test can see revalidation happen.
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      statuses.push(res.status);
      return res;
    };
    analyst = createCatalogClient({ baseUrl: first.url, token: anaToken, fetch: recording, offline: analystCopy });
    owner = createCatalogClient({ baseUrl: second.url, token: olgaToken, fetch, offline: offlineCopy() });
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    await Promise.all(repos.map((r) => r.close()));
    analystCopy.close();
  });

  it('one drafts, the other reviews and publishes, both see it, and the first pane\'s feed hears of it', async () => {
    const start = await analyst.list('group');
    expect(start).toMatchObject({ source: 'service', data: { entries: [] } });
    const heard: ChangeView[] = [];
    const feedStatus: string[] = [];
    const feed = analyst.subscribe('group', { since: start.data.seq, onChange: (c) => heard.push(c), onStatus: (s) => feedStatus.push(s), retryMs: 100 });
    await eventually(() => feedStatus.includes('live'));

    const draft = await analyst.save('group', { ...metric('gross_margin', 'sales'), id: 'gross_margin' }, null);
    const submitted = await analyst.transition('group', 'gross_margin', 'submit', draft.etag);
    const queue = await owner.list('group', 'metric', 'working');
    expect(queue.data.entries.map((e) => [e.id, e.status])).toStrictEqual([['gross_margin', 'inReview']]);
    const published = await owner.transition('group', 'gross_margin', 'publish', submitted.etag, 'Reviewed: matches the management accounts');

    await eventually(() => heard.some((c) => c.action === 'publish'));
    feed.close();
    await feed.done;
    // A pane watching published definitions hears the publication only, never the drafts.
    expect(heard.map((c) => [c.id, c.action, c.status, c.author])).toStrictEqual([['gross_margin', 'publish', 'published', 'olga']]);

    for (const pane of [analyst, owner]) {
      const seen = await pane.list('group');
      expect(seen.data.entries.map((e) => [e.id, e.status, e.rev])).toStrictEqual([['gross_margin', 'published', published.rev]]);
      expect(seen.data.entries[0]!.definition).toStrictEqual(published.definition);
    }
    expect((await analyst.versions('group', 'gross_margin')).map((v) => v.author)).toStrictEqual(['ana', 'ana', 'olga']);
  });

  it('revalidates with the ETag, then works from the offline copy when the service is gone', async () => {
    statuses.length = 0;
    const online = await analyst.list('group');
    expect(online.source).toBe('service');
    expect(statuses).toStrictEqual([304]);
    await first.close();
    const offline = await analyst.list('group');
    expect(offline).toMatchObject({ source: 'offline', etag: online.etag, data: online.data });
    expect(offline.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(offline.notice?.['en-US']).toBe(`Working from the offline copy saved ${offline.savedAt}: the catalog service cannot be reached`);
    await expect(analyst.save('group', { ...metric('cash', 'sales'), id: 'cash' }, null)).rejects.toMatchObject({ code: 'server.client.unreachable' });
    const err = await analyst.list('other').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).text['en-US']).toContain('no offline copy of catalog "other"');
    // The owner's instance is still up: the team keeps working.
    expect((await owner.list('group')).source).toBe('service');
  });
});
