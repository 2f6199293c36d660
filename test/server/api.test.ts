import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCatalog } from '../../src/core/catalog';
import type { CatalogRepository, ChangeList, EntryList, EntryView, ImportResult, VerifyReport, VersionView } from '../../src/server';
import { describeEachBackend } from './backends';
import { call, errorOf, metric, startService, type Service } from './harness';

const EXAMPLES = JSON.parse(readFileSync(join(__dirname, '../../examples/catalog.json'), 'utf8')) as Record<string, unknown>;

describeEachBackend('catalog service over HTTP', (backend) => {
  let repo: CatalogRepository;
  let svc: Service;
  const tokens: Record<string, string> = {};
  const as = <T = unknown>(who: string, method: string, path: string, opts: Parameters<typeof call>[4] = {}) => call<T>(svc, tokens[who], method, path, opts);
  const create = (who: string, id: string, body: Record<string, unknown>) => as<EntryView>(who, 'PUT', `/catalogs/group/metrics/${id}`, { body, headers: { 'If-None-Match': '*' } });
  const act = (who: string, id: string, action: string, etag: string, body?: unknown) =>
    as<EntryView>(who, 'POST', `/catalogs/group/metrics/${id}/${action}`, { headers: { 'If-Match': etag }, body });
  /** Drafted by the analyst, submitted, published by the owner: what most tests start from. */
  async function published(id: string, overrides: Record<string, unknown> = {}): Promise<EntryView> {
    const draft = await create('ana', id, metric(id, 'sales', overrides));
    const submitted = await act('ana', id, 'submit', draft.etag!);
    const done = await act('olga', id, 'publish', submitted.etag!);
    expect(done.status).toBe(200);
    return done.body;
  }

  beforeAll(async () => {
    repo = await backend().open(await backend().freshUrl());
    svc = await startService(repo);
    tokens['admin'] = svc.adminToken;
    tokens['ana'] = await svc.user('ana', 'analyst', ['sales']);
    tokens['olga'] = await svc.user('olga', 'owner', ['sales']);
    tokens['omar'] = await svc.user('omar', 'owner', ['ops']);
    tokens['vera'] = await svc.user('vera', 'viewer', ['sales']);
    expect((await as('admin', 'POST', '/catalogs', { body: { id: 'group', currency: 'CNY', name: { 'zh-CN': '集团', 'en-US': 'Group' } } })).status).toBe(201);
  });
  afterAll(async () => {
    await svc.close();
    await repo.close();
  });

  it('takes a draft through review to publication; panes see only published definitions', async () => {
    const draft = await create('ana', 'revenue', metric('revenue', 'sales'));
    expect(draft).toMatchObject({ status: 201, etag: '"1"', body: { status: 'draft', rev: 1, view: 'working', department: 'sales' } });
    expect((await as<EntryList>('vera', 'GET', '/catalogs/group/metrics')).body.entries.map((e) => e.id)).not.toContain('revenue');
    expect((await as('vera', 'GET', '/catalogs/group/metrics/revenue')).status).toBe(404);
    expect((await as<EntryView>('ana', 'GET', '/catalogs/group/metrics/revenue?view=working')).body.status).toBe('draft');

    const submitted = await act('ana', 'revenue', 'submit', '"1"');
    expect(submitted.body).toMatchObject({ status: 'inReview', rev: 2 });
    const done = await act('olga', 'revenue', 'publish', '"2"', { note: 'checked against the 2025 ledger' });
    expect(done.body).toMatchObject({ status: 'published', rev: 3, publishedRev: 3 });

    const seen = await as<EntryView>('vera', 'GET', '/catalogs/group/metrics/revenue');
    expect(seen.body).toMatchObject({ view: 'published', status: 'published', definition: { id: 'revenue', accounts: ['6001*'] } });

    // An edit is a new draft: panes keep the published definition until it is reviewed again.
    const edit = await as<EntryView>('ana', 'PUT', '/catalogs/group/metrics/revenue', { body: metric('revenue', 'sales', { decimals: 2 }), headers: { 'If-Match': '"3"' } });
    expect(edit.body).toMatchObject({ status: 'draft', rev: 4, definition: { decimals: 2 } });
    expect((await as<EntryView>('vera', 'GET', '/catalogs/group/metrics/revenue')).body.definition).not.toHaveProperty('decimals');

    const history = await as<VersionView[]>('ana', 'GET', '/catalogs/group/metrics/revenue/versions');
    expect(history.body.map((v) => [v.rev, v.action, v.author, v.status])).toStrictEqual([
      [1, 'create', 'ana', 'draft'],
      [2, 'submit', 'ana', 'inReview'],
      [3, 'publish', 'olga', 'published'],
      [4, 'update', 'ana', 'draft'],
    ]);
    expect(history.body[2]!.note).toBe('checked against the 2025 ledger');
    expect(history.body[3]!.diff).toStrictEqual([{ path: '$.decimals', op: 'add', after: 2 }]);
    expect((await as<VersionView[]>('vera', 'GET', '/catalogs/group/metrics/revenue/versions')).body.map((v) => v.rev)).toStrictEqual([3]);
    expect((await as<VersionView>('ana', 'GET', '/catalogs/group/metrics/revenue/versions/4')).body.definition['decimals']).toBe(2);
  });

  it('rolls back to an earlier version as a new draft that is reviewed again, and deprecates', async () => {
    const first = await published('cost', { accounts: ['6401*'] });
    const changed = await as<EntryView>('ana', 'PUT', '/catalogs/group/metrics/cost', { body: metric('cost', 'sales', { accounts: ['6402*'] }), headers: { 'If-Match': first.etag } });
    const back = await act('ana', 'cost', 'rollback', changed.etag!, { toRev: 1 });
    expect(back.body).toMatchObject({ status: 'draft', rev: 5, definition: { accounts: ['6401*'] } });
    const history = (await as<VersionView[]>('ana', 'GET', '/catalogs/group/metrics/cost/versions')).body;
    expect(history[4]).toMatchObject({ action: 'rollback', note: 'version 1', diff: [{ path: '$.accounts', op: 'replace', before: ['6402*'], after: ['6401*'] }] });
    expect((await act('ana', 'cost', 'rollback', back.etag!, { toRev: 9 })).status).toBe(404);

    const retired = await published('legacy_margin');
    const deprecated = await act('olga', 'legacy_margin', 'deprecate', retired.etag);
    expect(deprecated.body.status).toBe('deprecated');
    expect((await as<EntryView>('vera', 'GET', '/catalogs/group/metrics/legacy_margin')).body.status).toBe('deprecated');
    const again = await act('olga', 'legacy_margin', 'deprecate', deprecated.etag!);
    expect(again.status).toBe(409);
    expect(errorOf(again).message).toContain('deprecated');
  });

  it('answers conditional reads with 304 and refuses unconditional, wildcard and stale writes', async () => {
    const entry = await published('ebitda');
    const cached = await as('vera', 'GET', '/catalogs/group/metrics/ebitda', { headers: { 'If-None-Match': entry.etag } });
    expect(cached).toMatchObject({ status: 304, etag: entry.etag });
    const list = await as<EntryList>('vera', 'GET', '/catalogs/group/metrics');
    expect((await as('vera', 'GET', '/catalogs/group/metrics', { headers: { 'If-None-Match': list.etag! } })).status).toBe(304);

    const body = metric('ebitda', 'sales', { decimals: 1 });
    const none = await as('ana', 'PUT', '/catalogs/group/metrics/ebitda', { body });
    expect([none.status, errorOf(none).code]).toStrictEqual([428, 'server.ifMatch.required']);
    const wildcard = await as('ana', 'PUT', '/catalogs/group/metrics/ebitda', { body, headers: { 'If-Match': '*' } });
    expect([wildcard.status, errorOf(wildcard).code]).toStrictEqual([428, 'server.ifMatch.wildcard']);
    const ok = await as<EntryView>('ana', 'PUT', '/catalogs/group/metrics/ebitda', { body, headers: { 'If-Match': entry.etag } });
    expect(ok.status).toBe(200);
    const stale = await as('ana', 'PUT', '/catalogs/group/metrics/ebitda', { body: metric('ebitda', 'sales', { decimals: 3 }), headers: { 'If-Match': entry.etag } });
    expect(stale.status).toBe(412);
    expect(errorOf(stale).text['en-US']).toBe(`metrics/ebitda changed since you read it (you sent ${entry.etag}, it is now ${ok.etag}); reload it, re-apply your change and retry`);
    expect(errorOf(stale).text['zh-CN']).toContain('在你读取后已被修改');
    expect((await as('ana', 'PUT', '/catalogs/group/metrics/ebitda', { body, headers: { 'If-None-Match': '*' } })).status).toBe(412);
    expect((await as<EntryList>('vera', 'GET', '/catalogs/group/metrics', { headers: { 'If-None-Match': list.etag! } })).status).toBe(200);
  });

  it('validates a metric inside its catalog and lists every problem with its path', async () => {
    const bad = await create('ana', 'margin', metric('margin', 'sales', { kind: 'derived', accounts: undefined, formula: 'gross / nothing_here', unit: 'percentage', id: 'margin' }));
    expect(bad.status).toBe(422);
    const problems = errorOf(bad).problems!;
    expect(problems.map((p) => [p.path, p.code]).sort()).toStrictEqual([
      ['$.formula', 'formula.unknownRef'],
      ['$.formula', 'formula.unknownRef'],
      ['$.unit', 'catalog.enum'],
    ]);
    expect(problems.map((p) => p.message['en-US'])).toContain('Unknown metric "nothing_here" at position 9');
    expect(problems.find((p) => p.path === '$.unit')!.message['zh-CN']).toContain('percentage');
    const mismatch = await create('ana', 'margin', metric('other', 'sales'));
    expect(errorOf(mismatch).problems).toMatchObject([{ path: '$.id', code: 'server.idMismatch' }]);
  });

  it('hides metrics by their visibility on every response: list, get, export, versions, feed', async () => {
    const start = (await as<ChangeList>('admin', 'GET', '/catalogs/group/changes')).body.seq;
    await published('board_pack', { visibility: { roles: ['owner', 'admin'] } });
    for (const who of ['olga', 'admin']) expect((await as('admin' === who ? 'admin' : who, 'GET', '/catalogs/group/metrics/board_pack')).status).toBe(200);
    expect((await as<EntryList>('vera', 'GET', '/catalogs/group/metrics')).body.entries.map((e) => e.id)).not.toContain('board_pack');
    expect((await as('vera', 'GET', '/catalogs/group/metrics/board_pack')).status).toBe(404);
    expect((await as('vera', 'GET', '/catalogs/group/metrics/board_pack/versions')).status).toBe(404);
    const exported = await as<{ metrics: Array<{ id: string }> }>('vera', 'GET', '/catalogs/group/export');
    expect(exported.body.metrics.map((m) => m.id)).not.toContain('board_pack');
    expect(JSON.stringify((await as('vera', 'GET', `/catalogs/group/changes?since=${start}`)).body)).not.toContain('board_pack');
    expect((await as<ChangeList>('olga', 'GET', `/catalogs/group/changes?since=${start}`)).body.changes.map((c) => c.id)).toContain('board_pack');
    expect((await as('omar', 'GET', '/catalogs/group/metrics/board_pack')).status).toBe(200);
    expect((await as('vera', 'POST', '/catalogs/group/acknowledgements', { body: { metric: 'board_pack', period: '2026-01', note: 'seen' } })).status).toBe(404);
  });

  it('imports a whole catalog all-or-nothing, proposes it for review, and exports it back', async () => {
    await as('admin', 'POST', '/catalogs', { body: { id: 'finpulse_standard', currency: 'CNY' } });
    const before = await as('admin', 'GET', '/catalogs/finpulse_standard');
    const head = (await repo.auditHead()).seq;

    const broken = structuredClone(EXAMPLES) as { metrics: Array<Record<string, unknown>> };
    broken.metrics[1]!['id'] = broken.metrics[0]!['id'];
    broken.metrics[0]!['bogus'] = true;
    const refused = await as('admin', 'PUT', '/catalogs/finpulse_standard/import', { body: broken, headers: { 'If-Match': before.etag! } });
    expect(refused.status).toBe(422);
    expect(errorOf(refused).problems!.map((p) => p.path)).toEqual(expect.arrayContaining(['$.metrics[0].bogus', '$.metrics[1].id']));
    expect((await as('admin', 'GET', '/catalogs/finpulse_standard')).etag).toBe(before.etag);
    expect((await repo.auditHead()).seq).toBe(head);

    const imported = await as<ImportResult>('admin', 'PUT', '/catalogs/finpulse_standard/import', { body: EXAMPLES, headers: { 'If-Match': before.etag! } });
    const count = (EXAMPLES['metrics'] as unknown[]).length;
    expect(imported.body).toMatchObject({ changed: count, deprecated: 0, unchanged: 0 });
    expect((await as('admin', 'PUT', '/catalogs/finpulse_standard/import', { body: EXAMPLES, headers: { 'If-Match': before.etag! } })).status).toBe(412);
    const again = await as<ImportResult>('admin', 'PUT', '/catalogs/finpulse_standard/import', { body: EXAMPLES, headers: { 'If-Match': imported.etag! } });
    expect(again.body).toMatchObject({ changed: 0, unchanged: count });

    const working = await as<{ metrics: Array<{ status: string }> }>('admin', 'GET', '/catalogs/finpulse_standard/export?view=working');
    expect(working.body.metrics).toHaveLength(count);
    expect(new Set(working.body.metrics.map((m) => m.status))).toStrictEqual(new Set(['inReview']));
    expect(validateCatalog(working.body).problems.filter((p) => p.severity === 'error')).toStrictEqual([]);
    expect((await as<{ metrics: unknown[] }>('vera', 'GET', '/catalogs/finpulse_standard/export')).body.metrics).toStrictEqual([]);
  });

  it('keeps acknowledgements in the audit log, and the hash chain verifies', async () => {
    await published('cash_ratio');
    const ack = await as<{ action: string; actor: string; hash: string }>('vera', 'POST', '/catalogs/group/acknowledgements', {
      body: { metric: 'cash_ratio', period: '2026-01', note: 'Year-end timing; explained by the controller' },
    });
    expect(ack.body).toMatchObject({ action: 'ack.create', actor: 'vera' });
    const acks = await as<Array<{ detail: { note: string } }>>('olga', 'GET', '/catalogs/group/acknowledgements');
    expect(acks.body[0]!.detail.note).toBe('Year-end timing; explained by the controller');
    const report = await as<VerifyReport>('admin', 'GET', '/audit/verify');
    expect(report.body).toMatchObject({ ok: true, problems: [] });
    expect(report.body.audit.count).toBe((await repo.auditHead()).seq);
    expect((await as('vera', 'GET', '/audit/verify')).status).toBe(403);
  });

  it('answers change-feed polling with 304 until something visible changes', async () => {
    const first = await as<ChangeList>('vera', 'GET', '/catalogs/group/changes');
    const quiet = await as('vera', 'GET', `/catalogs/group/changes?since=${first.body.seq}`, { headers: { 'If-None-Match': first.etag! } });
    expect(quiet.status).toBe(304);
    await published('quick_ratio');
    const moved = await as<ChangeList>('vera', 'GET', `/catalogs/group/changes?since=${first.body.seq}`, { headers: { 'If-None-Match': first.etag! } });
    expect(moved.status).toBe(200);
    expect(moved.body.changes.map((c) => [c.id, c.action])).toStrictEqual([['quick_ratio', 'publish']]);
  });

  it('governs source definitions and alert rules the same way: versions, review, visibility', async () => {
    const broken = await as('ana', 'PUT', '/catalogs/group/sources/erp_gl', { body: { id: 'erp_gl', kind: 'rest', url: 'https://erp.example.com/api/gl' }, headers: { 'If-None-Match': '*' } });
    expect(broken.status).toBe(422);
    expect(errorOf(broken).problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: '$.url', code: 'catalog.unknownField' })]));
    const example = JSON.parse(readFileSync(join(__dirname, '../../examples/sources/gl-page-bearer.json'), 'utf8')) as Record<string, unknown>;
    const source = { ...example, department: 'sales', visibility: { roles: ['owner', 'analyst'] } };
    const draft = await as<EntryView>('ana', 'PUT', '/catalogs/group/sources/erp_gl', { body: source, headers: { 'If-None-Match': '*' } });
    expect(draft.body).toMatchObject({ kind: 'source', status: 'draft', definition: source });
    const submitted = await as<EntryView>('ana', 'POST', '/catalogs/group/sources/erp_gl/submit', { headers: { 'If-Match': draft.etag! } });
    expect((await as('olga', 'POST', '/catalogs/group/sources/erp_gl/publish', { headers: { 'If-Match': submitted.etag! } })).status).toBe(200);
    expect((await as<EntryList>('olga', 'GET', '/catalogs/group/sources')).body.entries.map((e) => e.id)).toStrictEqual(['erp_gl']);
    expect((await as<EntryList>('vera', 'GET', '/catalogs/group/sources')).body.entries).toStrictEqual([]);

    const rule = { id: 'margin_drop', channels: ['ops'], department: 'ops', visibility: { roles: 'owner' } };
    const refused = await as('omar', 'PUT', '/catalogs/group/alert-rules/margin_drop', { body: rule, headers: { 'If-None-Match': '*' } });
    expect(errorOf(refused).problems).toMatchObject([{ path: '$.visibility.roles', code: 'catalog.type' }]);
    const ok = await as<EntryView>('omar', 'PUT', '/catalogs/group/alert-rules/margin_drop', { body: { ...rule, visibility: { roles: ['owner'] } }, headers: { 'If-None-Match': '*' } });
    expect(ok.body).toMatchObject({ kind: 'alertRule', department: 'ops', rev: 1 });
    expect((await as('ana', 'GET', '/catalogs/group/alert-rules/margin_drop?view=working')).status).toBe(404);
  });

  it('issues expiring tokens, lets users revoke their own, and refuses revoked ones', async () => {
    const issued = await as<{ token: string; tokenId: string }>('admin', 'POST', '/users/vera/tokens', { body: { label: 'laptop', expiresAt: '2027-01-01T00:00:00Z' } });
    expect(issued.status).toBe(201);
    const laptop = issued.body.token;
    expect((await call(svc, laptop, 'GET', '/me')).body).toMatchObject({ id: 'vera', role: 'viewer' });
    expect((await call<Array<{ label: string }>>(svc, laptop, 'GET', '/users/vera/tokens')).body.map((t) => t.label)).toContain('laptop');
    expect((await call(svc, laptop, 'DELETE', `/tokens/${issued.body.tokenId}`)).status).toBe(204);
    expect(errorOf(await call(svc, laptop, 'GET', '/me')).code).toBe('server.auth.invalid');
    const past = await as('admin', 'POST', '/users/vera/tokens', { body: { expiresAt: '2025-01-01T00:00:00Z' } });
    expect(errorOf(past).problems).toMatchObject([{ path: '$.expiresAt', code: 'server.pastDate' }]);
  });
});
