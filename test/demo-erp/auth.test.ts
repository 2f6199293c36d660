import { API_KEY, basic, BEARER, startTestErp, type Json, type TestErp } from './harness';

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
});
const CLIENT = { grant_type: 'client_credentials', client_id: 'finpulse', client_secret: 'demo-client-secret' };

describe('demo ERP: authentication', () => {
  let t: TestErp;
  beforeAll(async () => {
    t = await startTestErp({ journalLines: 1 });
  });
  afterAll(() => t.close());
  afterEach(() => fetch(`${t.url}/admin/faults`, { method: 'DELETE' }));

  const token = async (init: RequestInit): Promise<{ status: number; body: Json; headers: Headers }> => {
    const res = await fetch(`${t.url}/oauth/token`, init);
    return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
  };

  it.each([
    ['a fixed bearer token', BEARER, ''],
    ['HTTP Basic', basic('demo', 'demo-password'), ''],
    ['an API key header', API_KEY, ''],
    ['an API key in the query', {}, '&api_key=demo-api-key'],
  ])('accepts %s on REST and OData', async (_, headers, query) => {
    expect((await t.get(`/api/page/entities?pageSize=1${query}`, headers)).status).toBe(200);
    expect((await t.get(`/odata/Entities?$top=1${query}`, headers)).status).toBe(200);
  });

  it.each([
    ['no credentials', {}, 'Credentials are missing'],
    ['an unknown bearer token', { Authorization: 'Bearer nope' }, 'not valid'],
    ['a wrong password', basic('demo', 'wrong'), 'Wrong user name or password'],
    ['a wrong API key', { 'X-API-Key': 'nope' }, 'X-API-Key'],
    ['an unknown scheme', { Authorization: 'Digest x' }, 'Bearer'],
  ])('answers 401 with WWW-Authenticate for %s', async (_, headers, says) => {
    const res = await t.get('/api/page/gl', headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await res.json()) as Json;
    expect(body['error']).toBe('unauthorized');
    expect(body['message']).toContain(says);
    const odata = await t.get('/odata/JournalLines', headers);
    expect(odata.status).toBe(401);
    expect(((await odata.json()) as { error: Json }).error['code']).toBe('Unauthorized');
  });

  it('a wrong key in the query is refused too', async () => {
    expect((await t.get('/api/page/gl?api_key=nope', {})).status).toBe(401);
  });

  it('leaves /health, /oauth/token and preflights open', async () => {
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    expect((await fetch(`${t.url}/api/page/gl`, { method: 'OPTIONS' })).status).toBe(204);
  });

  it('issues client-credentials tokens (form or HTTP Basic client auth) that open the data routes, and counts them', async () => {
    await t.post('/admin/stats/reset', {});
    const viaForm = await token(form(CLIENT));
    expect(viaForm.status).toBe(200);
    expect(viaForm.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(viaForm.headers.get('cache-control')).toBe('no-store');
    const viaBasic = await token(form({ grant_type: 'client_credentials' }, basic('finpulse', 'demo-client-secret')));
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.body['access_token']).not.toBe(viaForm.body['access_token']);
    for (const issued of [viaForm, viaBasic]) {
      expect((await t.get('/api/page/gl?pageSize=1', { Authorization: `Bearer ${String(issued.body['access_token'])}` })).status).toBe(200);
    }
    const stats = await t.json<{ tokensIssued: number }>('/admin/stats', {});
    expect(stats.tokensIssued).toBe(2);
  });

  it('refuses bad token requests the RFC 6749 way', async () => {
    expect(await token(form({ ...CLIENT, client_secret: 'nope' }))).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await token(form({ grant_type: 'client_credentials' }))).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await token(form({ ...CLIENT, grant_type: 'password' }))).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await token(form({ client_id: 'finpulse' }))).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const asJson = await token({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(CLIENT) });
    expect(asJson).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(String(asJson.body['error_description'])).toContain('x-www-form-urlencoded');
    expect((await fetch(`${t.url}/oauth/token`)).status).toBe(405);
  });

  it('honours tokenTtlSeconds and refuses an expired token with 401', async () => {
    const set = await t.post('/admin/faults', { tokenTtlSeconds: 1 });
    expect(set.status).toBe(200);
    const issued = await token(form(CLIENT));
    expect(issued.body['expires_in']).toBe(1);
    const auth = { Authorization: `Bearer ${String(issued.body['access_token'])}` };
    expect((await t.get('/api/page/gl?pageSize=1', auth)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await t.get('/api/page/gl?pageSize=1', auth);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as Json)['message']).toContain('expired');
  });
});
