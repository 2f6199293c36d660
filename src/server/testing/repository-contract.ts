import { entryId, tokenId, type JsonObject, type TokenRecord } from '../domain/model';
import { GENESIS_HASH } from '../domain/audit-chain';
import type { CatalogRepository } from '../storage/repository';
import { verifyStorage } from '../service/verify';
import { CATALOG, T0, audit, createCatalog, makeUser, metricBody, metricWrite } from './factories';

/** What a backend under test offers the suite: fresh databases, and raw SQL to play the attacker. */
export interface BackendUnderTest {
  name: string;
  /** A new, empty database's URL (`sqlite:…` or `postgres://…`). */
  freshUrl(): Promise<string>;
  open(url: string): Promise<CatalogRepository>;
  /** Runs SQL outside the repository, as someone with direct access to the database would. */
  raw(url: string, sql: string): Promise<void>;
}

const REVENUE = { catalogId: CATALOG, kind: 'metric' as const, id: entryId('revenue') };
const counterOf = (body: JsonObject): number => Number(body['decimals'] ?? 0);

/** Increments a counter in the metric with compare-and-set, retrying on conflict; returns the number of retries. */
async function incrementWithRetry(repo: CatalogRepository, by: string): Promise<number> {
  for (let retries = 0; ; retries += 1) {
    const current = (await repo.getEntry(REVENUE))!;
    const body = { ...current.body, decimals: counterOf(current.body) + 1 };
    const result = await repo.commit({ catalogId: CATALOG, entries: [metricWrite('revenue', current.rev, body, by)], audit: [audit('entry.update', 'metrics/revenue', by)] });
    if (result.ok) return retries;
    expect(result.conflict).toMatchObject({ on: 'entry', reason: 'stale' });
  }
}

/**
 * Behaviour every CatalogRepository must show, run against SQLite and PostgreSQL alike.
 */
export function describeRepositoryContract(backend: () => BackendUnderTest): void {
  let url: string;
  let repo: CatalogRepository;
  const opened: CatalogRepository[] = [];
  const open = async (): Promise<CatalogRepository> => {
    const r = await backend().open(url);
    opened.push(r);
    return r;
  };

  beforeEach(async () => {
    url = await backend().freshUrl();
    repo = await open();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((r) => r.close()));
  });

  it('starts empty with the genesis audit head, and migrating again changes nothing', async () => {
    expect(await repo.auditHead()).toStrictEqual({ seq: 0, hash: GENESIS_HASH });
    await repo.commit(createCatalog());
    const again = await open();
    expect((await again.listCatalogs()).map((c) => c.id)).toStrictEqual(['group']);
    expect((await again.auditHead()).seq).toBe(1);
  });

  it('creates a catalog once; a second create is an `exists` conflict and writes nothing', async () => {
    expect(await repo.commit(createCatalog())).toStrictEqual({ ok: true, seq: 1, revs: [] });
    expect(await repo.commit(createCatalog())).toStrictEqual({ ok: false, conflict: { on: 'catalog', reason: 'exists', current: 1 } });
    expect((await repo.auditHead()).seq).toBe(1);
  });

  it('writes a definition with compare-and-set and keeps every version with its seq, author and diff', async () => {
    await repo.commit(createCatalog());
    const created = await repo.commit({ catalogId: CATALOG, entries: [metricWrite('revenue', null)], audit: [audit('entry.create', 'metrics/revenue')] });
    expect(created).toStrictEqual({ ok: true, seq: 2, revs: [1] });
    const edit = metricWrite('revenue', 1, metricBody('revenue', { decimals: 2 }), 'bob');
    edit.version = { action: 'update', diff: [{ path: '$.decimals', op: 'add', after: 2 }], note: 'two decimals' };
    expect(await repo.commit({ catalogId: CATALOG, entries: [edit], audit: [audit('entry.update', 'metrics/revenue', 'bob')] })).toStrictEqual({ ok: true, seq: 3, revs: [2] });

    const entry = (await repo.getEntry(REVENUE))!;
    expect(entry).toMatchObject({ rev: 2, status: 'draft', department: 'sales', updatedBy: 'bob', createdBy: 'alice', body: metricBody('revenue', { decimals: 2 }) });
    const versions = await repo.listVersions(REVENUE);
    expect(versions.map((v) => [v.rev, v.seq, v.action, v.author])).toStrictEqual([
      [1, 2, 'create', 'alice'],
      [2, 3, 'update', 'bob'],
    ]);
    expect(versions[1]).toMatchObject({ diff: [{ path: '$.decimals', op: 'add', after: 2 }], note: 'two decimals', body: metricBody('revenue', { decimals: 2 }) });
    expect(await repo.getVersion(REVENUE, 1)).toMatchObject({ body: metricBody('revenue') });
    expect(await repo.getVersion(REVENUE, 3)).toBeUndefined();
  });

  it('reports stale, missing and exists conflicts with the current rev', async () => {
    await repo.commit(createCatalog());
    await repo.commit({ catalogId: CATALOG, entries: [metricWrite('revenue', null)], audit: [] });
    const commit = (rev: number | null, id = 'revenue') => repo.commit({ catalogId: CATALOG, entries: [metricWrite(id, rev)], audit: [] });
    expect(await commit(7)).toStrictEqual({ ok: false, conflict: { on: 'entry', kind: 'metric', id: 'revenue', reason: 'stale', current: 1 } });
    expect(await commit(null)).toStrictEqual({ ok: false, conflict: { on: 'entry', kind: 'metric', id: 'revenue', reason: 'exists', current: 1 } });
    expect(await commit(1, 'cost')).toStrictEqual({ ok: false, conflict: { on: 'entry', kind: 'metric', id: 'cost', reason: 'missing', current: null } });
    const stale = await repo.commit({ catalogId: CATALOG, expectSeq: 1, entries: [], audit: [] });
    expect(stale).toStrictEqual({ ok: false, conflict: { on: 'catalog', reason: 'stale', current: 2 } });
  });

  it('writes nothing at all when any part of a commit conflicts', async () => {
    await repo.commit(createCatalog());
    await repo.commit({ catalogId: CATALOG, entries: [metricWrite('revenue', null)], audit: [] });
    const before = { head: await repo.auditHead(), catalog: await repo.getCatalog(CATALOG) };
    const result = await repo.commit({
      catalogId: CATALOG,
      entries: [metricWrite('cost', null), metricWrite('revenue', 5)],
      audit: [audit('entry.create', 'metrics/cost')],
    });
    expect(result.ok).toBe(false);
    expect(await repo.getEntry({ ...REVENUE, id: entryId('cost') })).toBeUndefined();
    expect(await repo.listVersions({ ...REVENUE, id: entryId('cost') })).toStrictEqual([]);
    expect({ head: await repo.auditHead(), catalog: await repo.getCatalog(CATALOG) }).toStrictEqual(before);
  });

  it('lets exactly one of 50 concurrent writers of the same revision win', async () => {
    await repo.commit(createCatalog());
    await repo.commit({ catalogId: CATALOG, entries: [metricWrite('revenue', null)], audit: [] });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        repo.commit({ catalogId: CATALOG, entries: [metricWrite('revenue', 1, metricBody('revenue', { decimals: (i % 6) + 1 }), `u${i}`)], audit: [] }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.conflict.reason === 'stale')).toHaveLength(49);
    expect((await repo.listVersions(REVENUE)).map((v) => v.rev)).toStrictEqual([1, 2]);
  });

  it('loses no update when 50 writers through two repositories retry on conflict', async () => {
    const second = await open();
    await repo.commit(createCatalog());
    await repo.commit({ catalogId: CATALOG, entries: [metricWrite('revenue', null, metricBody('revenue', { decimals: 0 }))], audit: [] });
    // decimals is capped at 6 by the schema, but the storage does not validate: it counts here.
    const retries = await Promise.all(Array.from({ length: 50 }, (_, i) => incrementWithRetry(i % 2 ? second : repo, `u${i}`)));
    const entry = (await repo.getEntry(REVENUE))!;
    expect(counterOf(entry.body)).toBe(50);
    expect(entry.rev).toBe(51);
    expect((await repo.listVersions(REVENUE)).map((v) => counterOf(v.body))).toStrictEqual(Array.from({ length: 51 }, (_, i) => i));
    // Every conflict was a real race someone lost and retried: attempts = successes + conflicts.
    expect(retries.every((r) => r >= 0)).toBe(true);
    const report = await verifyStorage(repo);
    expect(report).toMatchObject({ ok: true, audit: { count: 51 }, versions: { entries: 1, versions: 51 } });
  });

  it('returns the change feed in commit order, always whole commits', async () => {
    await repo.commit(createCatalog());
    await repo.commit({ catalogId: CATALOG, entries: ['a', 'b', 'c'].map((id) => metricWrite(id, null)), audit: [] });
    await repo.commit({ catalogId: CATALOG, entries: [metricWrite('a', 1)], audit: [] });
    const page = await repo.versionsSince(CATALOG, 1, 2);
    expect(page.map((v) => [v.seq, v.id])).toStrictEqual([
      [2, 'a'],
      [2, 'b'],
      [2, 'c'],
    ]);
    expect((await repo.versionsSince(CATALOG, 2, 2)).map((v) => [v.seq, v.id, v.rev])).toStrictEqual([[3, 'a', 2]]);
    expect(await repo.versionsSince(CATALOG, 3, 2)).toStrictEqual([]);
  });

  it('keeps users and hashed tokens, and revokes a token once', async () => {
    const alice = makeUser('alice', 'owner', ['sales', 'east']);
    expect(await repo.createUser(alice, audit('user.create', 'alice', 'admin'))).toBe(true);
    expect(await repo.createUser(alice, audit('user.create', 'alice', 'admin'))).toBe(false);
    expect(await repo.getUser(alice.id)).toStrictEqual(alice);
    const token: TokenRecord = { tokenId: tokenId('abcdef0123456789'), userId: alice.id, salt: 's', hash: 'h', label: 'pane', createdAt: T0, expiresAt: null, revokedAt: null };
    await repo.createToken(token, audit('token.create', 't', 'admin'));
    expect(await repo.getToken(token.tokenId)).toStrictEqual(token);
    expect(await repo.revokeToken(token.tokenId, '2026-02-01T00:00:00.000Z', audit('token.revoke', 't', 'admin'))).toBe(true);
    expect(await repo.revokeToken(token.tokenId, '2026-02-02T00:00:00.000Z', audit('token.revoke', 't', 'admin'))).toBe(false);
    expect((await repo.listTokens(alice.id))[0]).toMatchObject({ label: 'pane', revokedAt: '2026-02-01T00:00:00.000Z' });
    expect((await repo.auditHead()).seq).toBe(3);
  });

  it('refuses to update or delete audit and version rows (append-only)', async () => {
    await repo.commit(createCatalog());
    await repo.commit({ catalogId: CATALOG, entries: [metricWrite('revenue', null)], audit: [audit('entry.create', 'metrics/revenue')] });
    // The refusal is read as text: errors thrown by native drivers are not always Error instances to jest.
    const refusal = (sql: string): Promise<string> => backend().raw(url, sql).then(() => 'accepted', (err: unknown) => String(err));
    expect(await refusal("UPDATE audit SET actor = 'mallory' WHERE seq = 1")).toMatch(/audit is append-only/);
    expect(await refusal('DELETE FROM audit WHERE seq = 2')).toMatch(/audit is append-only/);
    expect(await refusal('DELETE FROM versions')).toMatch(/versions is append-only/);
    expect((await verifyStorage(repo)).ok).toBe(true);
  });

  it('detects an altered, a removed and a cut-off audit entry, and a lost version', async () => {
    await repo.commit(createCatalog());
    for (const rev of [null, 1, 2]) await repo.commit({ catalogId: CATALOG, entries: [metricWrite('revenue', rev)], audit: [audit('entry.update', 'metrics/revenue')] });
    await dropAppendOnly(backend(), url);
    await backend().raw(url, "UPDATE audit SET actor = 'mallory' WHERE seq = 2");
    await backend().raw(url, 'DELETE FROM audit WHERE seq = 3');
    await backend().raw(url, 'DELETE FROM versions WHERE rev = 2');
    const report = await verifyStorage(repo);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.code).sort()).toStrictEqual(['server.audit.gap', 'server.audit.hash', 'server.audit.link', 'server.versions.missing']);
    await backend().raw(url, 'DELETE FROM audit WHERE seq = 4');
    expect((await verifyStorage(repo)).problems.map((p) => p.code)).toContain('server.audit.head');
  });
}

/** Drops the append-only guards, as an attacker with database access could. */
async function dropAppendOnly(backend: BackendUnderTest, url: string): Promise<void> {
  const statements = url.startsWith('sqlite:')
    ? ['audit_no_update', 'audit_no_delete', 'versions_no_update', 'versions_no_delete'].map((t) => `DROP TRIGGER IF EXISTS ${t}`)
    : ['audit', 'versions'].flatMap((t) => [`DROP TRIGGER IF EXISTS ${t}_append_only ON ${t}`, `DROP TRIGGER IF EXISTS ${t}_no_truncate ON ${t}`]);
  for (const sql of statements) await backend.raw(url, sql);
}
