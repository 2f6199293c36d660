import { startTestErp, type TestErp } from './harness';

const ORIGIN = 'https://localhost:3000';

describe('demo ERP: CORS', () => {
  let t: TestErp;
  beforeAll(async () => {
    t = await startTestErp({ journalLines: 1 });
  });
  afterAll(() => t.close());

  it('answers a preflight on any path with 204 and the allowed methods and headers, without credentials', async () => {
    for (const path of ['/api/page/gl', '/odata/JournalLines', '/oauth/token', '/nowhere']) {
      const res = await fetch(`${t.url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,prefer' },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(res.headers.get('vary')).toBe('Origin');
      expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
      expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, X-API-Key, Content-Type, Prefer, OData-MaxVersion, OData-Version');
      expect(res.headers.get('access-control-max-age')).toBe('600');
      expect(res.headers.get('content-length')).toBe('0');
    }
  });

  it('puts the origin and the exposed headers on successes and errors alike', async () => {
    const responses = [
      await t.get('/api/link/gl?per_page=10', { Authorization: 'Bearer demo-bearer-token', Origin: ORIGIN }),
      await t.get('/api/page/gl', { Origin: ORIGIN }),
      await t.get('/odata/Nope', { Authorization: 'Bearer demo-bearer-token', Origin: ORIGIN }),
      await t.get('/health', { Origin: ORIGIN }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 401, 404, 200]);
    for (const res of responses) {
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(res.headers.get('vary')).toBe('Origin');
      expect(res.headers.get('access-control-expose-headers')).toContain('Link, Retry-After, X-Total-Count, OData-Version');
    }
  });

  it('allows any origin when the request names none', async () => {
    expect((await t.get('/health', {})).headers.get('access-control-allow-origin')).toBe('*');
  });
});
