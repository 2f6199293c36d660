import { createGateway, type CatalogRepository, type EntryView, type ErrorBody } from '../../src/server';
import { describeEachBackend } from './backends';
import { rawRequest, startErp } from './erp-fixture';
import { call, errorOf, metric, startService, type Answer, type Service } from './harness';

interface HostileCase {
  name: string;
  send(): Promise<Answer>;
  status: number;
  code: string;
  /** Words the English message must contain so the user knows what, where and what to do. */
  says?: string[];
}

describeEachBackend('hostile input is refused, clearly, and changes nothing', (backend) => {
  let repo: CatalogRepository;
  let svc: Service;
  let erp: Awaited<ReturnType<typeof startErp>>;
  const t: Record<string, string> = {};
  let salesEtag = '';
  let ownReviewEtag = '';
  let shortLived = '';

  beforeAll(async () => {
    erp = await startErp();
    repo = await backend().open(await backend().freshUrl());
    const gateway = createGateway({ allow: [`127.0.0.1:${erp.port}`], credentials: { [`127.0.0.1:${erp.port}`]: { 'x-api-key': 'server-side-secret' } } });
    svc = await startService(repo, { gateway, maxBodyBytes: 64 * 1024 });
    t['admin'] = svc.adminToken;
    t['ana'] = await svc.user('ana', 'analyst', ['sales']);
    t['olga'] = await svc.user('olga', 'owner', ['sales']);
    t['omar'] = await svc.user('omar', 'owner', ['ops']);
    t['vera'] = await svc.user('vera', 'viewer', ['sales']);
    const issued = await call<{ token: string }>(svc, t['admin'], 'POST', '/users/vera/tokens', { body: { expiresAt: '2026-01-05T10:00:00Z' } });
    shortLived = issued.body.token;
    await call(svc, t['admin'], 'POST', '/catalogs', { body: { id: 'group', currency: 'CNY' } });
    const put = (who: string, id: string, etag: string, body = metric(id, 'sales')) =>
      call<EntryView>(svc, t[who], 'PUT', `/catalogs/group/metrics/${id}`, { body, headers: etag === 'new' ? { 'If-None-Match': '*' } : { 'If-Match': etag } });
    const act = (who: string, id: string, action: string, etag: string) => call<EntryView>(svc, t[who], 'POST', `/catalogs/group/metrics/${id}/${action}`, { headers: { 'If-Match': etag } });
    // revenue is published (so everyone in the team sees it) and a change to it awaits review.
    const draft = await put('ana', 'revenue', 'new');
    const published = await act('olga', 'revenue', 'publish', (await act('ana', 'revenue', 'submit', draft.etag!)).etag!);
    const change = await put('ana', 'revenue', published.etag!, metric('revenue', 'sales', { decimals: 0 }));
    salesEtag = (await act('ana', 'revenue', 'submit', change.etag!)).etag!;
    const own = await put('olga', 'own_work', 'new');
    ownReviewEtag = (await act('olga', 'own_work', 'submit', own.etag!)).etag!;
  });
  afterAll(async () => {
    await svc.close();
    await repo.close();
    await erp.close();
  });

  const big = JSON.stringify(metric('revenue', 'sales', { description: { 'zh-CN': 'x'.repeat(70_000), 'en-US': 'x' } }));
  const cases: HostileCase[] = [
    { name: 'no token', send: () => call(svc, undefined, 'GET', '/catalogs'), status: 401, code: 'server.auth.missing', says: ['Authorization: Bearer'] },
    { name: 'a made-up token', send: () => call(svc, 'not-a-token', 'GET', '/catalogs'), status: 401, code: 'server.auth.invalid' },
    {
      name: 'a real token id with a forged secret',
      send: () => call(svc, `${t['vera']!.slice(0, 20)}${'A'.repeat(43)}`, 'GET', '/catalogs'),
      status: 401,
      code: 'server.auth.invalid',
    },
    {
      name: 'an expired token',
      send: async () => {
        svc.clock.now = '2026-01-05T11:00:00.000Z';
        try {
          return await call(svc, shortLived, 'GET', '/catalogs');
        } finally {
          svc.clock.now = '2026-01-05T09:00:00.000Z';
        }
      },
      status: 401,
      code: 'server.auth.expired',
      says: ['2026-01-05T10:00:00.000Z'],
    },
    {
      name: 'a viewer publishing',
      send: () => call(svc, t['vera'], 'POST', '/catalogs/group/metrics/revenue/publish', { headers: { 'If-Match': salesEtag } }),
      status: 403,
      code: 'server.forbidden.role',
      says: ['viewer', 'publish', 'owner'],
    },
    {
      name: "an owner of ops editing a sales metric",
      send: () => call(svc, t['omar'], 'PUT', '/catalogs/group/metrics/revenue', { body: metric('revenue', 'ops'), headers: { 'If-Match': salesEtag } }),
      status: 403,
      code: 'server.forbidden.department',
      says: ['metrics/revenue', '"sales"', '"ops"'],
    },
    {
      name: 'an owner of ops approving a sales metric',
      send: () => call(svc, t['omar'], 'POST', '/catalogs/group/metrics/revenue/publish', { headers: { 'If-Match': salesEtag } }),
      status: 403,
      code: 'server.forbidden.department',
    },
    {
      name: 'an author approving their own change',
      send: () => call(svc, t['olga'], 'POST', '/catalogs/group/metrics/own_work/publish', { headers: { 'If-Match': ownReviewEtag } }),
      status: 403,
      code: 'server.forbidden.makerChecker',
      says: ['metrics/own_work', 'maker-checker'],
    },
    {
      name: 'an analyst creating users',
      send: () => call(svc, t['ana'], 'POST', '/users', { body: { id: 'eve', name: 'Eve', role: 'admin' } }),
      status: 403,
      code: 'server.forbidden.admin',
    },
    {
      name: 'an oversized body',
      send: () => call(svc, t['ana'], 'PUT', '/catalogs/group/metrics/revenue', { raw: big, headers: { 'If-Match': salesEtag } }),
      status: 413,
      code: 'server.body.tooLarge',
      says: ['65536'],
    },
    {
      name: 'an oversized body sent in chunks, without a declared length',
      send: async () => {
        const chunks = [big.slice(0, 30_000), big.slice(30_000)];
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            const next = chunks.shift();
            if (next === undefined) controller.close();
            else controller.enqueue(new TextEncoder().encode(next));
          },
        });
        const res = await fetch(`${svc.url}/catalogs/group/metrics/revenue`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${t['ana']}`, 'Content-Type': 'application/json', 'If-Match': salesEtag },
          body,
          duplex: 'half',
        } as RequestInit);
        return { status: res.status, etag: null, body: (await res.json()) as ErrorBody };
      },
      status: 413,
      code: 'server.body.tooLarge',
    },
    {
      name: 'malformed JSON',
      send: () => call(svc, t['ana'], 'PUT', '/catalogs/group/metrics/revenue', { raw: '{"id": "revenue", "unit": }', headers: { 'If-Match': salesEtag } }),
      status: 400,
      code: 'server.body.json',
      says: ['not valid JSON'],
    },
    {
      name: 'a write without a body',
      send: () => call(svc, t['ana'], 'PUT', '/catalogs/group/metrics/revenue', { headers: { 'If-Match': salesEtag } }),
      status: 400,
      code: 'server.body.empty',
    },
    {
      name: 'a body that is not JSON',
      send: () => call(svc, t['ana'], 'PUT', '/catalogs/group/metrics/revenue', { raw: 'id=revenue', headers: { 'If-Match': salesEtag, 'Content-Type': 'application/x-www-form-urlencoded' } }),
      status: 415,
      code: 'server.body.type',
    },
    ...[
      '/api/v1/catalogs/group/metrics/../../users',
      '/api/v1/catalogs/..%2F..%2Fetc%2Fpasswd/metrics',
      '/api/v1/catalogs/group/metrics/%2e%2e',
      '/api/v1/catalogs/group/metrics/a%5C..%5Cb',
      '/api/v1/catalogs/group/metrics/a%00b',
      '/api/v1/catalogs/group/metrics/%E0%A4%A',
      '/api/v1/catalogs/Group/metrics',
    ].map(
      (path): HostileCase => ({
        name: `path traversal ${path}`,
        send: async () => {
          const res = await rawRequest(svc.url, path, { Authorization: `Bearer ${t['admin']}` });
          return { status: res.status, etag: null, body: JSON.parse(res.body) as ErrorBody };
        },
        status: 400,
        code: 'server.path',
        says: ['is refused'],
      }),
    ),
    {
      name: 'a gateway call to a host off the allow-list',
      send: () => call(svc, t['ana'], 'POST', '/gateway', { body: { url: 'http://169.254.169.254/latest/meta-data/' } }),
      status: 403,
      code: 'server.gateway.host',
      says: ['169.254.169.254', 'allow-list'],
    },
    {
      name: 'a gateway call redirected off the allow-list',
      send: () => call(svc, t['ana'], 'POST', '/gateway', { body: { url: `${erp.origin}/escape` } }),
      status: 403,
      code: 'server.gateway.redirect',
      says: ['localhost'],
    },
    {
      name: 'a gateway call to a file URL',
      send: () => call(svc, t['ana'], 'POST', '/gateway', { body: { url: 'file:///etc/passwd' } }),
      status: 400,
      code: 'server.gateway.scheme',
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', async (_name, c) => {
    const before = { head: await repo.auditHead(), catalog: await repo.getCatalog('group' as never), versions: await repo.versionsSince('group' as never, 0, 1000) };
    const answer = await c.send();
    expect([answer.status, errorOf(answer).code]).toStrictEqual([c.status, c.code]);
    const { text, message } = errorOf(answer);
    expect(text['en-US'].length).toBeGreaterThan(20);
    expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(message).toBe(text['en-US']);
    for (const word of c.says ?? []) expect(text['en-US']).toContain(word);
    const after = { head: await repo.auditHead(), catalog: await repo.getCatalog('group' as never), versions: await repo.versionsSince('group' as never, 0, 1000) };
    expect(after).toStrictEqual(before);
  });

  it('answers in Chinese when the pane asks for it', async () => {
    const answer = await call(svc, t['vera'], 'POST', '/catalogs/group/metrics/revenue/publish', { headers: { 'If-Match': salesEtag, 'Accept-Language': 'zh-CN,zh;q=0.9' } });
    expect(errorOf(answer).message).toBe('角色"viewer"无权执行 publish；需要角色 admin / owner');
  });

  it('passes allowed gateway calls through with server-side credentials, never the caller\'s cookies', async () => {
    erp.seen.length = 0;
    const answer = await call<{ status: number; body: string; url: string }>(svc, t['ana'], 'POST', '/gateway', {
      body: { url: `${erp.origin}/moved`, headers: { Cookie: 'session=stolen', Accept: 'application/json' } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 200, url: `${erp.origin}/api/ledger` });
    expect(JSON.parse(answer.body.body)).toStrictEqual({ rows: [{ account: '6001', amount: 1250.5 }] });
    expect(erp.seen).toStrictEqual(['GET /moved key=server-side-secret cookie=', 'GET /api/ledger key=server-side-secret cookie=']);
  });
});
