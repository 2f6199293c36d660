import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { memorySecretStore } from '../../src/core/secrets';
import { fetchSource, refreshSource } from '../../src/core/sources';
import { createFileSnapshotStore } from '../../src/storage';
import { context, DEMO_SECRETS, example, failure, startErp, type Erp } from './erp-harness';

const SECRET_VALUES = Object.values(DEMO_SECRETS);
const leaked = (text: string): string[] => SECRET_VALUES.filter((s) => text.includes(s) || text.includes(Buffer.from(`demo:${s}`).toString('base64')));

async function run(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) }, env);
  return { code, out, err };
}

describe('secrets and the fetch command', () => {
  let erp: Erp;
  let dir: string;
  const write = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeAll(async () => {
    erp = await startErp({ journalLines: 3000 });
    dir = mkdtempSync(join(tmpdir(), 'finpulse-fetch-'));
  });
  afterAll(() => erp.close());
  afterEach(() => erp.admin('/admin/faults', undefined, 'DELETE'));

  it('never lets a secret into errors, events or stored snapshots, whatever fails', async () => {
    const texts: string[] = [];
    const store = createFileSnapshotStore(join(dir, 'snapshots'));
    const scenarios: Array<[string, Record<string, unknown> | undefined]> = [
      ['gl-link-apikey-query.json', undefined],
      ['gl-link-apikey-query.json', { status500: { times: 50 } }],
      ['gl-offset-basic.json', { status429: { times: 50, retryAfterSeconds: 0 } }],
      ['gl-post-oauth2.json', { malformedPage: { page: 2 } }],
      ['gl-cursor-apikey-header.json', { renameField: { from: 'account', to: 'acct' } }],
      ['gl-page-bearer.json', { hangMs: 2000 }],
    ];
    for (const [name, faults] of scenarios) {
      if (faults) await erp.faults(faults);
      const def = example(name, erp, (d) => (d['limits'] = { retries: 1, retryBaseMs: 5, timeoutMs: 400 }));
      const { ctx, events } = context();
      const r = await refreshSource(def, ctx, { store });
      texts.push(JSON.stringify(events), JSON.stringify(r.error ?? null), r.error?.messageIn('en-US') ?? '', r.error?.messageIn('zh-CN') ?? '');
      if (faults) await erp.admin('/admin/faults', undefined, 'DELETE');
    }
    const wrong = memorySecretStore({ ...DEMO_SECRETS, ERP_CLIENT_SECRET: 'not-the-client-secret' });
    const tokenErr = await failure(fetchSource(example('gl-post-oauth2.json', erp), context({ secrets: wrong }).ctx));
    expect(tokenErr).toMatchObject({ code: 'source.token', meta: { secret: 'ERP_CLIENT_SECRET' } });
    texts.push(tokenErr.message, JSON.stringify(tokenErr));
    for (const f of readdirSync(join(dir, 'snapshots'))) texts.push(readFileSync(join(dir, 'snapshots', f), 'utf8'));

    expect(texts.join('\n')).toContain('api_key=***'); // the query key was in URLs, and was redacted there
    expect(leaked(texts.join('\n'))).toEqual([]);
    expect(texts.join('\n')).not.toContain('not-the-client-secret');
  });

  it('prints observations as JSON with exact amounts, taking secrets from the environment', async () => {
    const def = write('gl.json', readFileSync(join(__dirname, '../../examples/sources/gl-page-bearer.json'), 'utf8').split('http://127.0.0.1:4010').join(erp.url));
    const r = await run(['fetch', '--source', def, '--from', '2025-01-01', '--to', '2025-01-31'], { FINPULSE_SECRET_ERP_TOKEN: 'demo-bearer-token' });
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out) as { source: string; mode: string; observations: Array<Record<string, string>>; deleted: string[] };
    expect(body.source).toBe('erp_gl');
    expect(body.observations.length).toBeGreaterThan(0);
    expect(body.observations.every((o) => o['date']!.startsWith('2025-01-') && /^-?\d+\.\d\d$/.test(o['amount']!))).toBe(true);
    expect(Object.keys(body.observations[0]!)).toEqual(['date', 'amount', 'account', 'entity', 'department', 'product', 'key']);
    expect(r.err).toMatch(/erp_gl: \d+ observation\(s\), 0 deletion\(s\), 1 page\(s\)/);
    expect(leaked(r.out + r.err)).toEqual([]);
  });

  it('prints CSV and takes secrets from a --secrets file; --since gives changes and deletions', async () => {
    const secrets = write('secrets.json', DEMO_SECRETS);
    const def = write('gl-link.json', readFileSync(join(__dirname, '../../examples/sources/gl-link-apikey-query.json'), 'utf8').split('http://127.0.0.1:4010').join(erp.url));
    const csv = await run(['fetch', '--source', def, '--secrets', secrets, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const rows = csv.out.trim().split('\n');
    expect(rows[0]).toBe('date,amount,account,entity,department,product,key');
    expect(rows.length - 1).toBe((await erp.health()).records['gl']);

    const m = (await erp.admin('/admin/mutate', { dataset: 'gl', change: 0.01, delete: 3, add: 2, seed: 11 })) as { changed: number };
    const before = JSON.parse((await run(['fetch', '--source', def, '--secrets', secrets])).out) as { watermark: string };
    expect(before.watermark).toBeTruthy();
    const since = (await erp.admin('/admin/mutate', { dataset: 'gl', change: 0.005, delete: 2, add: 1, seed: 12 })) as { changed: number; deleted: number; added: number };
    const delta = JSON.parse((await run(['fetch', '--source', def, '--secrets', secrets, '--since', before.watermark])).out) as { observations: unknown[]; deleted: string[] };
    expect(delta.observations).toHaveLength(since.changed + since.added);
    expect(delta.deleted).toHaveLength(since.deleted);
    expect(m.changed).toBeGreaterThan(0);
    expect(leaked(csv.out + csv.err)).toEqual([]);
  });

  it('a missing secret or a bad definition exits 1 with a located, helpful message', async () => {
    const def = write('gl2.json', readFileSync(join(__dirname, '../../examples/sources/gl-page-bearer.json'), 'utf8'));
    const missing = await run(['fetch', '--source', def, '--lang', 'en-US']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('secret "ERP_TOKEN" is not set');
    expect(missing.err).toContain('FINPULSE_SECRET_ERP_TOKEN');
    const bad = write('bad.json', { id: 'x', kind: 'rest', request: { url: 'http://h/api', headers: { Authorization: 'Bearer abc' } }, records: '$', fields: { date: 'd', amount: 'a' } });
    const invalid = await run(['fetch', '--source', bad, '--lang', 'en-US']);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('$.request.headers.Authorization');
    expect((await run(['fetch', '--lang', 'en-US'])).code).toBe(2);
  });
});
